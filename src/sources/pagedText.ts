// Writes a document read by source add in the page layout every source text uses: a header,
// then per page a `## Page N` line (N the PDF's page index, 1-based) with the printed page
// label beside it where that differs, and the page's text. The format and its check are in
// src/evidence/pageMarkers.ts, which every reader of a text uses.

import type { ReadPage } from "./pageLayout.js";

/** A one-line text without control characters (C0, DEL, C1): they would act on a terminal that shows the file. */
export function withoutControls(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The header fields of a text made by source add. */
export interface PagedTextHeader {
  title: string;
  /** The file it was read from (base name only: the text must not depend on where it lay). */
  file: string;
  /** SHA-256 of the file, hex. */
  sha256: string;
  reader: string;
  url?: string;
}

/**
 * Writes pages in the page layout. The output depends only on its input (no dates), so the
 * same PDF gives the same text byte for byte.
 */
export function renderPagedText(header: PagedTextHeader, pages: readonly ReadPage[]): string {
  const lines = [
    `# ${withoutControls(header.title)}`,
    `- Original file: \`${header.file.replace(/`/g, "'")}\``,
    `- SHA-256: ${header.sha256}`,
    ...(header.url ? [`- Source URL: ${header.url}`] : []),
    `- Converted from: PDF, by dekking source add (${header.reader})`,
    `- Pages: ${pages.length}`,
    "",
  ];
  for (const page of pages) {
    lines.push(page.label !== undefined ? `## Page ${page.index} (printed page ${page.label.replace(/[()\n]/g, "")})` : `## Page ${page.index}`, "");
    // A line of the text that looks like a page marker would split the page when read back.
    const text = page.text
      .split("\n")
      .map((line) => (/^#{1,6}\s/.test(line) ? `\\${line}` : line))
      .join("\n");
    if (text !== "") lines.push(text, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
