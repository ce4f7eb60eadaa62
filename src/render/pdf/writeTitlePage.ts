// The title page: the study, a summary of the verdicts, the contents (filled in at the end,
// once the page numbers are known) and the sources.

import { VERDICTS, type Verdict } from "../../analyse/coverage.js";
import { formatDate, DOCUMENT_KIND_LABELS, VERDICT_LABELS, VERDICT_SYMBOLS, WORDS } from "../labels.js";
import { summaryLine } from "../renderMatrixTable.js";
import { prioritySummary } from "./writeCertainty.js";
import { STYLES } from "./layout.js";
import { ACCENT, inkOn, MUTED, RULE, VERDICT_FILLS } from "../palette.js";
import type { ReportContext } from "./reportContext.js";
import { pdfText } from "../escape/pdf.js";
import { personaSectionCount } from "./writePersona.js";

/** Where the contents list goes, and how many entries fit there. */
export interface ContentsSlot {
  page: number;
  top: number;
  entries: number;
  /** The contents' place in the structure tree, after its heading. */
  element: PDFKit.PDFStructureElement;
}

/**
 * The parts of the report the contents lists: the plain summary, method, matrix, topics,
 * certainty, comparison and sources; the region plans when the data has any; the time
 * section when the report has one; one per persona in scope.
 */
function contentsEntries(ctx: ReportContext): number {
  return 7 + (ctx.study.regionPlans.length > 0 ? 1 : 0) + (ctx.hasTimeline ? 1 : 0) + personaSectionCount(ctx.study);
}

function writeMetaRow(ctx: ReportContext, label: string, value: string): void {
  const { layout } = ctx;
  const labelWidth = 110;
  const valueWidth = layout.contentWidth - labelWidth;
  const height = Math.max(layout.textHeight(value, STYLES.body, valueWidth), layout.lineHeight(STYLES.body));
  layout.ensure(height);
  // Label and value are read as one paragraph.
  layout.structure.content("P", () => {
    layout.drawText(label, { ...STYLES.body, color: MUTED }, layout.left, layout.y, labelWidth);
    layout.drawText(value, STYLES.body, layout.left + labelWidth, layout.y, valueWidth);
  });
  layout.y += height + 2;
}

function writeVerdictTiles(ctx: ReportContext): void {
  const { layout, coverage, lang } = ctx;
  const counts = new Map<Verdict, number>();
  for (const topic of coverage.topics) counts.set(topic.verdict, (counts.get(topic.verdict) ?? 0) + 1);
  const gap = 8;
  const width = (layout.contentWidth - gap * (VERDICTS.length - 1)) / VERDICTS.length;
  const height = 50;
  layout.ensure(height);
  VERDICTS.forEach((verdict, index) => {
    const x = layout.left + index * (width + gap);
    const fill = VERDICT_FILLS[verdict];
    const ink = inkOn(fill);
    layout.fillRect(x, layout.y, width, height, fill);
    // The count and its verdict are read as one paragraph ("2 ■ witte vlek").
    layout.structure.content("P", () => {
      layout.drawText(String(counts.get(verdict) ?? 0), { ...STYLES.h1, size: 20, color: ink }, x + 8, layout.y + 5, width - 16);
      layout.drawText(`${VERDICT_SYMBOLS[verdict]} ${VERDICT_LABELS[lang][verdict]}`, { ...STYLES.smallBold, color: ink }, x + 8, layout.y + 32, width - 16);
    });
  });
  layout.y += height + 8;
}

export function writeTitlePage(ctx: ReportContext): ContentsSlot {
  const { layout, study, coverage, lang, words } = ctx;
  const meta = study.study;

  layout.fillRect(layout.left, layout.y, layout.contentWidth, 4, ACCENT);
  layout.y += 18;
  layout.write(words.kicker.toUpperCase(), { ...STYLES.smallBold, color: ACCENT }, { spaceAfter: 6 });
  layout.write(meta.title, STYLES.title, { spaceAfter: 14 });
  layout.write(words.question, { ...STYLES.smallBold, color: MUTED }, { spaceAfter: 2 });
  layout.write(meta.question.trim(), STYLES.lead, { spaceAfter: 16 });

  writeMetaRow(ctx, words.authors, meta.authors.join(", "));
  if (meta.organisations && meta.organisations.length > 0) writeMetaRow(ctx, words.organisations, meta.organisations.join(", "));
  if (meta.commissioned_by) writeMetaRow(ctx, words.commissionedBy, meta.commissioned_by);
  writeMetaRow(ctx, words.placeAndDate, [meta.place, formatDate(meta.date, lang)].filter(Boolean).join(", "));
  layout.y += 10;
  layout.rule(layout.y, RULE);
  layout.y += 14;

  layout.heading(WORDS[lang].summary!, STYLES.h3, { keepWith: 60, spaceAfter: 6, tag: "H2" });
  writeVerdictTiles(ctx);
  layout.write(summaryLine(coverage, lang), STYLES.small, { spaceAfter: 4 });
  layout.write(prioritySummary(coverage.topics, lang), STYLES.small, { spaceAfter: 14 });

  const entries = contentsEntries(ctx);
  layout.heading(words.contents, STYLES.h3, { keepWith: entries * layout.lineHeight(STYLES.body), spaceAfter: 4, tag: "H2" });
  const slot: ContentsSlot = { page: layout.pageIndex, top: layout.y, entries, element: layout.structure.reserve("TOC") };
  layout.y += entries * layout.lineHeight(STYLES.body) + 12;

  layout.heading(words.sources, STYLES.h3, { keepWith: 2 * layout.lineHeight(STYLES.body), spaceAfter: 4, tag: "H2" });
  // The title page names the study report and the accords' own texts; the sources chapter lists every document.
  for (const document of meta.documents.filter((d) => d.kind === "report" || d.kind === "accord")) {
    layout.writeParagraphs([
      { text: `${document.title} (${DOCUMENT_KIND_LABELS[lang][document.kind]})`, style: STYLES.body },
      { text: document.url ? `${document.id} — ${document.url}` : document.id, style: STYLES.small, indent: 10, spaceAfter: 3 },
    ]);
  }

  // The generation line sits at the foot of the title page when there is room for it.
  const stamp = `${words.generatedOn} ${formatDate(ctx.generatedOn, lang)} · ${words.dataVersion} ${coverage.study.dataVersion} · dekking`;
  const stampHeight = layout.lineHeight(STYLES.small) + 8;
  // When the page is full it goes lower, where the other pages have their running footer;
  // it never moves to a page of its own.
  const footY = layout.y + 12 <= layout.bottom + 20 - stampHeight ? layout.bottom + 20 - stampHeight : layout.geometry.height - layout.geometry.bottom + 16;
  const page = layout.doc.page;
  const bottomMargin = page.margins.bottom;
  // Text below the bottom margin would make pdfkit start a new page; lift the margin while writing.
  page.margins.bottom = 0;
  layout.rule(footY, RULE);
  layout.drawText(stamp, STYLES.small, layout.left, footY + 6, layout.contentWidth);
  page.margins.bottom = bottomMargin;
  return slot;
}

/**
 * pdfkit writes a JavaScript string as a PDF name and a `String` object as a PDF text string;
 * an annotation's Contents (a link's description for assistive technology) must be the latter.
 */
function pdfString(text: string): string {
  return new String(pdfText(text)) as unknown as string;
}

/** Writes the contents list into the slot kept free on the title page. */
export function writeContents(ctx: ReportContext, slot: ContentsSlot): void {
  const { layout, words } = ctx;
  const style = STYLES.body;
  const lineHeight = layout.lineHeight(style);
  const numberWidth = 80;
  layout.structure.within(slot.element, () => {
    ctx.sections.slice(0, slot.entries).forEach((section, index) => {
      const top = slot.top + index * lineHeight;
      const titleWidth = layout.contentWidth - numberWidth;
      const page = `${words.page} ${section.page + 1}`;
      // Each entry refers to its part (TOCI may hold a Reference, not a Link directly): the
      // entry's text and its link annotation in one Link element.
      layout.structure.group("TOCI", () =>
        layout.structure.group("Reference", () =>
          layout.structure.content("Link", (link) => {
            layout.drawText(section.title, style, layout.left, top, titleWidth);
            layout.drawText(page, { ...style, color: MUTED }, layout.left + titleWidth, top, numberWidth, "right");
            // pdfkit 0.20 takes `structParent` (the Link element); @types/pdfkit does not know it yet.
            const annotation = { structParent: link, Contents: pdfString(`${section.title}, ${page}`) };
            layout.doc.goTo(layout.left, top, layout.contentWidth, lineHeight, section.destination, annotation);
          }),
        ),
      );
    });
  });
}
