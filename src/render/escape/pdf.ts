// The one escape step for text drawn on a PDF page: controls are dropped (a tab becomes a
// space), invisible and direction characters are dropped, a lone surrogate becomes U+FFFD.
// Newlines stay: the layout breaks lines there.

import { replaceUnsafe, withoutSoftHyphens } from "../../unsafeText.js";

export function pdfText(text: string): string {
  return replaceUnsafe(text.replace(/\t/g, " ").replace(/\r\n?/g, "\n"), (c) =>
    c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? "\uFFFD" : "",
  ).normalize("NFC");
}

/**
 * Text the PDF shows outside its pages (the document's title and subject, bookmarks): the
 * escape step, one line, and no soft hyphens, which only mean something in a line of text.
 */
export function pdfPlainText(text: string): string {
  return withoutSoftHyphens(pdfText(text).replace(/\s*\n\s*/g, " "));
}

const XML_REFERENCES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Text for the PDF's XMP metadata (XML): as `pdfPlainText`, then `& < >` as character references. */
export function xmpText(text: string): string {
  return pdfPlainText(text).replace(/[&<>]/g, (c) => XML_REFERENCES[c]!);
}
