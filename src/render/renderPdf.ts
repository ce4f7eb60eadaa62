// The PDF report: the report document (render/document) laid out by the PDF emitter
// (render/report/pdf.ts). pdfkit and the fonts load only with this module.

import type { Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import type { Study } from "../model.js";
import { buildReport } from "../document/buildReport.js";
import type { Lang } from "../messages/labels.js";
import { emitPdf, type PdfTextNotes } from "./report/pdf.js";

export type { PdfTextNotes } from "./report/pdf.js";

export interface PdfOptions {
  lang: Lang;
  /** The date printed as "generated on" and stored as the PDF's creation date. */
  generatedOn: Date;
  /** Coverage over time, for the section "Dekking in de tijd" (left out when absent). */
  timeline?: Timeline | undefined;
}

/** The PDF report as bytes (see renderPdfWithNotes). */
export async function renderPdf(study: Study, coverage: Coverage, options: PdfOptions): Promise<Uint8Array> {
  return (await renderPdfWithNotes(study, coverage, options)).bytes;
}

/** The PDF report as bytes, with notes on the characters it could not show as written (see emitPdf). */
export async function renderPdfWithNotes(study: Study, coverage: Coverage, options: PdfOptions): Promise<{ bytes: Uint8Array; notes: PdfTextNotes }> {
  return emitPdf(buildReport(study, coverage, options), options.generatedOn);
}
