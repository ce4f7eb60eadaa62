// The PDF report (A4): title page, the summary in plain language, method, the coverage matrix
// as a heat-map, the section through a persona's eyes, a section per (possible) white spot, the comparison with the published analysis, and the sources.
// pdfkit and the fonts load only here, so the rest of the CLI starts without them.
// The bytes depend only on the input: dates come from `generatedOn` and the data, never
// from the clock or the time zone.

import { createRequire } from "node:module";
import { pdfPlainText, xmpText } from "./escape/pdf.js";
import type { Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import type { Study } from "../model.js";
import { REPORT_WORDS, type Lang } from "./labels.js";
import { loadFontSet } from "./pdf/fonts.js";
import { A4, PdfLayout, STYLES, type Doc } from "./pdf/layout.js";
import { RULE } from "./palette.js";
import type { ReportContext } from "./pdf/reportContext.js";
import { writeCertainty } from "./pdf/writeCertainty.js";
import { writeComparison } from "./pdf/writeComparison.js";
import { writeMatrix } from "./pdf/writeMatrix.js";
import { writeMethod } from "./pdf/writeMethod.js";
import { writePersonaSections } from "./pdf/writePersona.js";
import { writePlainSummary } from "./pdf/writePlainSummary.js";
import { writeRegions } from "./pdf/writeRegions.js";
import { writeSources } from "./pdf/writeSources.js";
import { writeContents, writeTitlePage } from "./pdf/writeTitlePage.js";
import { writeTimeline } from "./pdf/writeTimeline.js";
import { writeTopicSections } from "./pdf/writeTopicSections.js";

export interface PdfOptions {
  lang: Lang;
  /** The date printed as "generated on" and stored as the PDF's creation date. */
  generatedOn: Date;
  /** Coverage over time, for the section "Dekking in de tijd" (left out when absent). */
  timeline?: Timeline;
}

/** Page number and running footer on every page but the title page. */
function writeFooters(ctx: ReportContext): void {
  const { layout, coverage, words } = ctx;
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  const style = STYLES.footer;
  const top = A4.height - A4.bottom + 22;
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    const page = doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit start a new page; lift the margin while writing.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const number = `${words.page} ${index + 1} ${words.pageOf} ${range.count}`;
    const numberWidth = layout.widthOf(number, style) + 2;
    const running = layout.fitLine(
      `${coverage.study.title} · ${words.dataVersion} ${coverage.study.dataVersion}`,
      style,
      layout.contentWidth - numberWidth - 16,
    );
    // Running footers are artefacts: a screen reader skips them, as it skips a page break.
    layout.structure.artifact(() => {
      layout.rule(top - 6, RULE);
      layout.drawText(running, style, layout.left, top, layout.contentWidth - numberWidth - 16);
      layout.drawText(number, style, layout.left + layout.contentWidth - numberWidth, top, numberWidth, "right");
    }, "Pagination");
    page.margins.bottom = bottomMargin;
  }
}

/**
 * pdfkit copies the document's info fields into the XMP metadata (XML) without escaping
 * them: a title with `&` or `<` would break the XML. The Info dictionary is written before
 * the metadata, so the fields are escaped for XML just in between.
 */
function escapeMetadata(doc: Doc): void {
  const internals = doc as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const endMetadata = internals.endMetadata.bind(doc);
  internals.endMetadata = () => {
    for (const [key, value] of Object.entries(internals.info)) if (typeof value === "string") internals.info[key] = xmpText(value);
    endMetadata();
  };
}

async function collect(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** What the PDF could not show as the data writes it: characters no embedded font has, right-to-left characters. */
export interface PdfTextNotes {
  /** Shown as U+FFFD (�), in order of first use. */
  unsupported: string[];
  /** Set left to right, letters unjoined. */
  rightToLeft: string[];
}

/** The PDF report (see renderPdfWithNotes). */
export async function renderPdf(study: Study, coverage: Coverage, options: PdfOptions): Promise<Uint8Array> {
  return (await renderPdfWithNotes(study, coverage, options)).bytes;
}

/**
 * The PDF report as bytes, with notes on the text it could not show as written: every
 * character is set in one of the embedded fonts (Noto Sans, DejaVu Sans), and a character
 * neither has (Chinese, emoji, Thai, …) is shown as �; right-to-left scripts are set left
 * to right without joining. The HTML and Markdown reports show such text as written.
 */
export async function renderPdfWithNotes(study: Study, coverage: Coverage, options: PdfOptions): Promise<{ bytes: Uint8Array; notes: PdfTextNotes }> {
  // pdfkit's CommonJS build: require() loads it without the ES module loader's cost (about
  // 0.1 s), and this module itself is loaded only for the PDF.
  const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");
  const fonts = await loadFontSet();
  const words = REPORT_WORDS[options.lang];
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margins: { top: A4.top, bottom: A4.bottom, left: A4.left, right: A4.right },
    bufferPages: true,
    // Tagged PDF 1.7 with the document language and the title in the window: what Dutch
    // public bodies must publish (WCAG 2.1 AA / EN 301 549, PDF/UA's structure).
    pdfVersion: "1.7",
    tagged: true,
    // PDF/A-2a: archivable (fonts embedded, an sRGB output intent, XMP metadata) and, level
    // a, tagged with Unicode text. pdfkit writes the identification; see docs/accessibility.md
    // for what was and was not checked.
    subset: "PDF/A-2a",
    lang: options.lang === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    info: {
      Title: pdfPlainText(study.study.title),
      // This analysis is made by the tool from the data; the study report's authors did not write it.
      Author: "dekking",
      Subject: pdfPlainText(`${words.kicker}: ${study.study.question.trim()}`),
      Keywords: `${words.dataVersion} ${coverage.study.dataVersion}`,
      Producer: "dekking",
      Creator: "dekking",
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate to match it.
      CreationDate: options.generatedOn,
    },
  });
  for (const font of fonts.fonts) doc.registerFont(font.name, font.bytes);
  escapeMetadata(doc);

  // Quotes are verbatim from the Dutch documents: in an English report they say so, so a
  // screen reader reads them in Dutch.
  const layout = new PdfLayout(doc, fonts, A4, options.lang === "en" ? "nl-NL" : undefined);
  const ctx: ReportContext = {
    study,
    coverage,
    lang: options.lang,
    words,
    layout,
    generatedOn: options.generatedOn,
    sections: [],
    hasTimeline: options.timeline !== undefined,
  };
  const contents = writeTitlePage(ctx);
  writePlainSummary(ctx);
  writeMethod(ctx);
  writeMatrix(ctx);
  writePersonaSections(ctx);
  writeTopicSections(ctx);
  writeCertainty(ctx);
  writeComparison(ctx);
  writeRegions(ctx);
  if (options.timeline) writeTimeline(ctx, options.timeline);
  writeSources(ctx);

  doc.switchToPage(contents.page);
  writeContents(ctx, contents);
  writeFooters(ctx);
  layout.structure.finish();
  return { bytes: await collect(doc), notes: { unsupported: [...fonts.unsupported], rightToLeft: [...fonts.rightToLeft] } };
}
