// What every part of the PDF report reads and writes while the document is laid out.

import type { Coverage, TopicCoverage } from "../../analyse/coverage.js";
import type { Study } from "../../model.js";
import type { Lang, ReportWords } from "../labels.js";
import { STYLES, type PdfLayout } from "./layout.js";
import { ACCENT } from "../palette.js";
import { pdfPlainText } from "../escape/pdf.js";

/** Share of a page that still counts as a short tail of the previous part. */
const SHORT_TAIL = 0.3;

export interface SectionMark {
  title: string;
  /** Named destination, the target of the contents list's links. */
  destination: string;
  /** 0-based page index. */
  page: number;
}

export interface ReportContext {
  study: Study;
  coverage: Coverage;
  lang: Lang;
  words: ReportWords;
  layout: PdfLayout;
  generatedOn: Date;
  sections: SectionMark[];
  /** True when the report has the section "Dekking in de tijd" (counted in the contents). */
  hasTimeline?: boolean;
}

export function topicLabel(topic: TopicCoverage, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

/**
 * Starts a numbered part of the report on a new page: its section in the structure tree, its
 * heading, an outline entry for the PDF viewer's sidebar, and a named destination for the
 * contents list.
 */
export function startSection(ctx: ReportContext, title: string, destination: string): PDFKit.PDFOutline {
  const { layout } = ctx;
  // A part starts on a new page, unless the page so far holds only the short tail of the
  // previous part: then it follows below, so that tail does not sit alone on a page.
  const used = (layout.y - layout.geometry.top) / (layout.bottom - layout.geometry.top);
  if (used > SHORT_TAIL) layout.addPage();
  else if (!layout.atPageTop) layout.y += 28;
  layout.structure.startSection();
  layout.doc.addNamedDestination(destination);
  ctx.sections.push({ title, destination, page: layout.pageIndex });
  const outline = layout.doc.outline.addItem(pdfPlainText(title));
  layout.fillRect(layout.left, layout.y, 28, 3, ACCENT);
  layout.y += 9;
  layout.heading(title, STYLES.h1, { spaceAfter: 10 });
  return outline;
}
