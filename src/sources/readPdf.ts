// Reads the positioned text items of every page of a PDF with pdf.js (pdfjs-dist 4.x, the
// line that runs on Node 20). Loaded lazily: only `source add` needs it.

import { UsageError } from "../errors.js";
import type { PdfPageItems, PdfTextItem } from "./pageLayout.js";

/** A PDF larger than this is refused: the IZA, 117 pages, is 2.4 MB. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

/** What pdf.js read from a file. */
export interface PdfContent {
  pages: PdfPageItems[];
  /** pdf.js's version, for the text's header. */
  reader: string;
  /** The title in the PDF's metadata, where it has a usable one. */
  title?: string;
}

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** True when the bytes start like a PDF (`%PDF-` within the first kilobyte, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

/**
 * Reads every page's text items.
 * @param bytes the file's contents
 * @param file the file's name, for messages
 * @param onPage called after each page with (page index, page count), for a progress line
 * @throws UsageError for an encrypted, damaged or unreadable PDF
 */
export async function readPdf(bytes: Uint8Array, file: string, onPage?: (index: number, count: number) => void): Promise<PdfContent> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let document;
  try {
    // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 })
      .promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      throw new UsageError(
        `${file} is an encrypted PDF; its text cannot be read without the password`,
        "ask the publisher for an unprotected copy, or remove the protection with the password (e.g. qpdf --decrypt) and try again",
      );
    }
    throw new UsageError(
      `${file} is not a readable PDF (${error instanceof Error ? error.message : String(error)})`,
      "check that the download is complete: open it in a PDF reader",
    );
  }
  try {
    const labels = await document.getPageLabels().catch(() => null);
    const metadata = await document.getMetadata().catch(() => undefined);
    const rawTitle = (metadata?.info as { Title?: unknown } | undefined)?.Title;
    const title = typeof rawTitle === "string" && /\p{L}{3}/u.test(rawTitle) ? rawTitle.replace(/\s+/g, " ").trim() : undefined;
    const pages: PdfPageItems[] = [];
    for (let index = 1; index <= document.numPages; index++) {
      const page = await document.getPage(index);
      const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const item = raw as PdfJsTextItem;
        if (item.str === "") continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
        // Rotated text (a vertical label in a margin) is not part of the reading order.
        if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
        items.push({ text: item.str, x: e - vx0, y: f - vy0, width: item.width, size: Math.abs(d) || item.height });
      }
      const label = labels?.[index - 1];
      pages.push({
        index,
        ...(label !== undefined && label !== null && label !== "" && label !== String(index) ? { label } : {}),
        width: vx1 - vx0,
        height: vy1 - vy0,
        items,
      });
      page.cleanup();
      onPage?.(index, document.numPages);
    }
    return { pages, reader: `pdf.js ${pdfjs.version}`, ...(title ? { title } : {}) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${file} is damaged: ${error instanceof Error ? error.message : String(error)}`,
      "check that the download is complete: open it in a PDF reader",
    );
  } finally {
    await document.destroy();
  }
}
