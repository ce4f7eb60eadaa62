// coverage.pdf of `dekking report`: the report document (render/document) laid out on A4
// pages with pdfkit — a title page with the contents, then every section on a new page. An
// emitter: it chooses no words; the layout (render/pdf/layout.ts) applies the PDF escape
// step to every text. pdfkit and the fonts load only here, so the rest of the CLI starts
// without them. The bytes depend only on the input: dates come from the document, never
// from the clock or the time zone.

import { createRequire } from "node:module";
import { plainText, type Block, type Cell, type Group, type ReportDocument, type Tone } from "../../document/blocks.js";
import { pdfPlainText, pdfText, xmpText } from "../escape/pdf.js";
import { loadFontSet } from "../pdf/fonts.js";
import { A4, PdfLayout, STYLES, type Doc, type Paragraph, type TextStyle } from "../pdf/layout.js";
import { writeTable, type TableCell, type TableColumn, type TableRow } from "../pdf/writeTable.js";
import { ACCENT, INK, inkOn, MUTED, PANEL, RULE, TONE_FILLS, VERDICT_FILLS } from "../palette.js";

/** Indent of quotes: the bar sits 8 points left of the text. */
const QUOTE_INDENT = 20;
/** Share of a page that still counts as a short tail of the previous part. */
const SHORT_TAIL = 0.3;
const BAR_HEIGHT = 10;
/** Room under an interval bar for the scale and the threshold labels. */
const BAR_BLOCK = 46;

interface SectionMark {
  title: string;
  destination: string;
  page: number;
}

interface Emitter {
  layout: PdfLayout;
  doc: ReportDocument;
  sections: SectionMark[];
  outline: PDFKit.PDFOutline | null;
}

/** What the PDF could not show as the data writes it: characters no embedded font has, right-to-left characters. */
export interface PdfTextNotes {
  /** Shown as U+FFFD (�), in order of first use. */
  unsupported: string[];
  /** Set left to right, letters unjoined. */
  rightToLeft: string[];
}

function fill(tone: Tone): string {
  return TONE_FILLS[tone];
}

function paragraphStyle(style: "lead" | "small" | "strong" | undefined): TextStyle {
  return style === "lead" ? STYLES.lead : style === "small" ? STYLES.small : style === "strong" ? STYLES.bodyBold : STYLES.body;
}

/** Starts a section on a new page (unless the page holds only a short tail): structure, destination, outline, heading. */
function startSection(em: Emitter, title: string, destination: string): void {
  const { layout } = em;
  const used = (layout.y - layout.geometry.top) / (layout.bottom - layout.geometry.top);
  if (used > SHORT_TAIL) layout.addPage();
  else if (!layout.atPageTop) layout.y += 28;
  layout.structure.startSection();
  layout.doc.addNamedDestination(destination);
  em.sections.push({ title, destination, page: layout.pageIndex });
  em.outline = layout.doc.outline.addItem(pdfPlainText(title));
  layout.fillRect(layout.left, layout.y, 28, 3, ACCENT);
  layout.y += 9;
  layout.heading(title, STYLES.h1, { spaceAfter: 10 });
}

/**
 * Column widths: the hinted ones fixed, the rest shared by the columns without a hint; the
 * columns without a hint keep at least 120 points (90 each when there are several); the fixed ones shrink for them.
 */
function columnWidths(em: Emitter, block: Extract<Block, { kind: "table" }>): number[] {
  const total = em.layout.contentWidth;
  const hinted = { narrow: 36, number: 44, medium: 108, wide: 150 } as const;
  // A fixed column is at least as wide as the longest word of its header, so no header word breaks,
  const padding = block.compact ? 2.5 : 3.5;
  const longestWord = (header: string): number => Math.max(0, ...header.split(/\s+/).map((word) => em.layout.widthOf(word, STYLES.cellBold)));
  // ... and as wide as the widest run of a cell that may not break (a no-break space joins
  // "0.60 ≥ 0.60"), up to twice its hint.
  const cellStyle = block.compact ? STYLES.cell : STYLES.tableCell;
  const widestRun = (index: number): number =>
    Math.max(
      0,
      ...block.rows.flatMap((row) =>
        "cells" in row
          ? plainText(row.cells[index]?.text ?? "")
              .split(/[^\S\u00a0]+/)
              .map((run) => em.layout.widthOf(run, cellStyle))
          : [],
      ),
    );
  const fixed: number[] = block.columns.map((c, i) =>
    c.width ? Math.max(hinted[c.width], longestWord(c.header) + 2 * padding + 1, Math.min(2 * hinted[c.width], widestRun(i) + 2 * padding + 1)) : 0,
  );
  const free = block.columns.filter((c) => !c.width).length;
  const fixedSum = fixed.reduce((a, b) => a + b, 0);
  const minimum = free === 1 ? 120 : 90 * free;
  const scale = fixedSum > 0 && fixedSum > total - minimum ? (total - minimum) / fixedSum : 1;
  const rest = (total - fixedSum * scale) / Math.max(free, 1);
  return fixed.map((w) => (w === 0 ? rest : w * scale));
}

function table(em: Emitter, block: Extract<Block, { kind: "table" }>): void {
  const { layout } = em;
  const widths = columnWidths(em, block);
  const style = block.compact ? STYLES.cell : STYLES.tableCell;
  const columns: TableColumn[] = block.columns.map((c, i) => ({ header: c.header, width: widths[i]!, ...(c.align ? { align: c.align } : {}) }));
  const cellOf = (cell: Cell, index: number, bold = false): TableCell => {
    const strong = bold || (typeof cell.text !== "string" && cell.text.some((r) => r.strong));
    const narrow = widths[index]! < 36 && cell.short !== undefined;
    const result: TableCell = { text: narrow ? cell.short! : plainText(cell.text), style: strong ? { ...style, weight: "bold" } : style };
    if (cell.note) result.note = cell.note;
    if (cell.tone) result.fill = fill(cell.tone);
    if (cell.align) result.align = cell.align;
    return result;
  };
  const rows: TableRow[] = block.rows.map((row) => ("group" in row ? { group: row.group } : { cells: row.cells.map((c, i) => cellOf(c, i)) }));
  if (block.footer) rows.push({ cells: block.footer.map((c, i) => cellOf(c, i, true)) });
  const tinted = block.rows.some((row) => !("group" in row) && row.cells.some((c) => c.tone !== undefined));
  const continued = block.continued;
  writeTable(layout, {
    columns,
    spans: block.spans ?? [],
    rows,
    style,
    padding: block.compact ? 2.5 : 3.5,
    ...(tinted ? { gutter: 1.5 } : {}),
    rowHeaders: block.rowHeaders === true,
    ...(continued
      ? {
          groupContinued: (group: string) => `${group} (${continued.group})`,
          onNewPage: () => {
            layout.drawText(continued.caption, STYLES.small, layout.left, layout.y, layout.contentWidth);
            layout.y += layout.lineHeight(STYLES.small) + 6;
          },
        }
      : {}),
  });
  layout.y += 8;
}

function cards(em: Emitter, block: Extract<Block, { kind: "cards" }>): void {
  const { layout } = em;
  const gap = 6;
  const padding = 6;
  const weights = block.cards.map((c) => c.weight ?? 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const free = layout.contentWidth - gap * (block.cards.length - 1);
  const widths = weights.map((w) => (free * w) / totalWeight);
  const titleStyle: TextStyle = { ...STYLES.h3, size: 11 };
  const heights = block.cards.map((card, index) => {
    const inner = widths[index]! - 2 * padding;
    return (
      (card.caption ? layout.textHeight(card.caption, STYLES.small, inner) : 0) +
      layout.textHeight(card.title, titleStyle, inner) +
      (card.text ? layout.textHeight(card.text, STYLES.small, inner) : 0)
    );
  });
  const height = Math.max(...heights) + 2 * padding;
  layout.ensure(height);
  let x = layout.left;
  block.cards.forEach((card, index) => {
    const width = widths[index]!;
    const inner = width - 2 * padding;
    const background = card.tone ? fill(card.tone) : PANEL;
    const ink = inkOn(background);
    layout.fillRect(x, layout.y, width, height, background);
    let y = layout.y + padding;
    // A card is read as one paragraph: caption, value and detail.
    layout.structure.content("P", () => {
      if (card.caption) y += layout.drawText(card.caption, { ...STYLES.small, color: ink }, x + padding, y, inner);
      y += layout.drawText(card.title, { ...titleStyle, color: ink }, x + padding, y, inner);
      if (card.text) layout.drawText(card.text, { ...STYLES.small, color: ink }, x + padding, y, inner);
    });
    x += width + gap;
  });
  layout.y += height + 8;
}

function callout(em: Emitter, block: Extract<Block, { kind: "callout" }>): void {
  const { layout } = em;
  const padding = 9;
  const inner = layout.contentWidth - 2 * padding - 4;
  const titleHeight = layout.textHeight(block.title, STYLES.bodyBold, inner);
  const bodyHeight = layout.textHeight(block.text, STYLES.body, inner);
  const height = titleHeight + 3 + bodyHeight + 2 * padding;
  layout.ensure(height);
  layout.fillRect(layout.left, layout.y, layout.contentWidth, height, PANEL);
  layout.fillRect(layout.left, layout.y, 4, height, fill(block.tone));
  layout.drawText(block.title, STYLES.bodyBold, layout.left + 4 + padding, layout.y + padding, inner);
  layout.drawText(block.text, STYLES.body, layout.left + 4 + padding, layout.y + padding + titleHeight + 3, inner);
  layout.y += height + 12;
}

/** One legend line: a caption, then items that wrap within the panel. Returns its height. */
function legendLine(em: Emitter, top: number, line: Extract<Block, { kind: "legend" }>["lines"][number], draw: boolean): number {
  const { layout } = em;
  const captionWidth = 78;
  const left = layout.left + 8 + captionWidth;
  const right = layout.left + layout.contentWidth - 8;
  const style = STYLES.smallInk;
  const tileStyle = STYLES.cellBold;
  const rowHeight = 15;
  const lineHeight = layout.lineHeight(style);
  let x = left;
  let y = top;
  let rowBottom = top + rowHeight;
  if (draw && line.caption) layout.drawText(line.caption, STYLES.smallBold, layout.left + 8, top + 1.5, captionWidth - 4);
  for (const item of line.items) {
    const tileWidth = item.tile ? layout.widthOf(item.tile.text, tileStyle) + 10 : 0;
    const tileSpace = item.tile ? tileWidth + 4 : 0;
    const textWidth = layout.widthOf(item.text, style);
    if (x > left && x + tileSpace + textWidth > right) {
      x = left;
      y = rowBottom;
      rowBottom = y + rowHeight;
    }
    const lines = layout.wrap(item.text, style, right - x - tileSpace);
    const width = tileSpace + Math.max(0, ...lines.map((l) => l.width));
    rowBottom = Math.max(rowBottom, y + 0.5 + lines.length * lineHeight + 2);
    if (draw) {
      if (item.tile) {
        const background = fill(item.tile.tone);
        layout.fillRect(x, y, tileWidth, 12, background);
        layout.drawText(item.tile.text, { ...tileStyle, color: inkOn(background) }, x, y + 1.1, tileWidth, "center");
      }
      layout.drawLines(lines, style, x + tileSpace, y + 0.5, right - x - tileSpace);
    }
    x += width + 12;
  }
  return rowBottom - top;
}

function legend(em: Emitter, block: Extract<Block, { kind: "legend" }>): void {
  const { layout } = em;
  const padding = 7;
  const heights = block.lines.map((line) => legendLine(em, 0, line, false));
  const height = heights.reduce((a, b) => a + b, 0) + 2 * padding + layout.lineHeight(STYLES.smallBold) + 4;
  layout.ensure(height);
  const top = layout.y;
  layout.fillRect(layout.left, top, layout.contentWidth, height, PANEL);
  layout.drawText(block.title, STYLES.smallBold, layout.left + 8, top + padding, 200);
  let y = top + padding + layout.lineHeight(STYLES.smallBold) + 4;
  // Each legend line is one paragraph: its caption, then every tile with its words.
  block.lines.forEach((line, index) => {
    layout.structure.content("P", () => legendLine(em, y, line, true));
    y += heights[index]!;
  });
  layout.y = top + height + 12;
}

/** The interval bar: a 0–1 scale, the interval filled, the point as a stroke, the thresholds as ticks. */
function interval(em: Emitter, block: Extract<Block, { kind: "interval" }>): void {
  const { layout } = em;
  const pdf = layout.doc;
  layout.ensure(BAR_BLOCK);
  const draw = (): void => {
    const x0 = layout.left + 4;
    const width = Math.min(360, layout.contentWidth - 8);
    const top = layout.y + 4;
    const at = (value: number): number => x0 + value * width;
    layout.fillRect(x0, top, width, BAR_HEIGHT, PANEL);
    pdf.save().rect(x0, top, width, BAR_HEIGHT).lineWidth(0.4).strokeColor(RULE).stroke().restore();
    block.scaleLabels.forEach((label, i) => {
      const tick = i / (block.scaleLabels.length - 1);
      pdf
        .save()
        .moveTo(at(tick), top + BAR_HEIGHT)
        .lineTo(at(tick), top + BAR_HEIGHT + 3)
        .lineWidth(0.4)
        .strokeColor(MUTED)
        .stroke()
        .restore();
      layout.drawText(label, { ...STYLES.footer, size: 6.5 }, at(tick) - 12, top + BAR_HEIGHT + 3, 24, "center");
    });
    if (block.point === null || block.low === null || block.high === null) {
      layout.drawText(block.empty, STYLES.small, x0 + 6, top + 0.5, width - 12);
    } else {
      // A zero-width interval still shows as a sliver, so the point is never hidden.
      layout.fillRect(at(block.low), top + 2, Math.max(at(block.high) - at(block.low), 1.5), BAR_HEIGHT - 4, fill(block.tone));
      pdf
        .save()
        .moveTo(at(block.point), top - 2)
        .lineTo(at(block.point), top + BAR_HEIGHT + 2)
        .lineWidth(1.6)
        .strokeColor(INK)
        .stroke()
        .restore();
    }
    block.marks.forEach((mark, i) => {
      const x = at(mark.value);
      const color = mark.tone === "accent" ? ACCENT : VERDICT_FILLS["witte-vlek"];
      pdf
        .save()
        .moveTo(x, top - 4)
        .lineTo(x, top + BAR_HEIGHT + 4)
        .dash(2, { space: 1.5 })
        .lineWidth(1)
        .strokeColor(color)
        .stroke()
        .undash()
        .restore();
      layout.drawText(mark.label, { ...STYLES.footer, size: 6.5, color }, x - 40, top + BAR_HEIGHT + 12 + i * 8, 80, "center");
    });
    layout.drawText(block.side, STYLES.small, x0 + width + 10, top, layout.contentWidth - width - 14);
    layout.y = top + BAR_BLOCK - 4;
  };
  // Drawn as one figure, with what it shows in words as its alternative text.
  layout.structure.content("Figure", draw, { alt: block.alt });
}

function group(em: Emitter, value: Group, depth: number): void {
  const { layout } = em;
  if (value.keepRoom !== undefined && !layout.atPageTop) {
    // A topic starts on a fresh page unless its title, figures and first lines fit here.
    if (layout.bottom - layout.y < value.keepRoom) layout.addPage();
    else {
      layout.y += 14;
      layout.rule(layout.y, RULE, layout.left, layout.contentWidth, 1);
      layout.y += 16;
    }
  }
  const style = depth === 0 ? STYLES.h2 : STYLES.h3;
  layout.heading(value.title, style, { keepWith: value.keepRoom !== undefined ? 110 : 40, spaceBefore: 8, spaceAfter: 2 });
  if (depth === 0 && value.keepRoom !== undefined) em.outline?.addItem(pdfPlainText(value.title));
  if (value.subtitle) layout.write(value.subtitle, STYLES.small, { spaceAfter: 8 });
  blocks(em, value.blocks, depth + 1);
}

function blocks(em: Emitter, list: readonly Block[], depth: number): void {
  list.forEach((block, index) => emitBlock(em, block, depth, list[index + 1]));
}

function emitBlock(em: Emitter, block: Block, depth: number, next: Block | undefined): void {
  const { layout } = em;
  switch (block.kind) {
    case "heading": {
      const style = depth === 0 ? STYLES.h2 : STYLES.h3;
      // A heading never ends a page: it keeps a few lines of what follows.
      const keepWith = next?.kind === "table" || next?.kind === "cards" ? 60 : 3 * layout.lineHeight(STYLES.body);
      layout.heading(block.text, style, { keepWith, spaceBefore: 10, spaceAfter: 4 });
      return;
    }
    case "paragraph": {
      const style = paragraphStyle(block.style);
      const text = plainText(block.text);
      if (block.tone) {
        const lineHeight = layout.lineHeight(style);
        layout.ensure(lineHeight);
        const chip = fill(block.tone);
        // A colour chip in front, matching the verdict column of the matrix.
        layout.fillRect(layout.left, layout.y + lineHeight / 2 - 4, 8, 8, chip);
        layout.strokeRect(layout.left, layout.y + lineHeight / 2 - 4, 8, 8, inkOn(chip) === "#000000" ? "#9AA1AA" : chip);
        layout.write(text, style, { indent: 14, spaceAfter: 3 });
        return;
      }
      layout.write(text, style, { spaceAfter: block.style === "strong" ? 2 : 6 });
      return;
    }
    case "list": {
      const style = block.style === "lead" ? STYLES.lead : block.style === "small" ? STYLES.smallInk : STYLES.body;
      const items: Paragraph[] = block.items.map((item, i) => ({
        text: block.ordered ? `${i + 1}. ${plainText(item)}` : plainText(item),
        style,
        indent: 12,
        spaceAfter: 2,
        bullet: !block.ordered,
      }));
      layout.writeParagraphs(items);
      layout.y += 4;
      return;
    }
    case "quote": {
      const paragraphs: Paragraph[] = [
        {
          text: `“${block.text.trim()}”${block.attribution ? ` — ${block.attribution}` : ""}`,
          style: STYLES.body,
          indent: QUOTE_INDENT,
          spaceAfter: block.source !== undefined ? 1 : 6,
          bar: block.accent ? ACCENT : RULE,
        },
      ];
      if (block.source !== undefined) paragraphs.push({ text: plainText(block.source), style: STYLES.small, indent: QUOTE_INDENT, spaceAfter: 6 });
      layout.writeParagraphs(paragraphs);
      return;
    }
    case "table":
      table(em, block);
      return;
    case "cards":
      cards(em, block);
      return;
    case "callout":
      callout(em, block);
      return;
    case "legend":
      legend(em, block);
      return;
    case "interval":
      interval(em, block);
      return;
    case "group":
      group(em, block.group, depth);
      return;
    case "anchor":
      return;
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

interface ContentsSlot {
  page: number;
  top: number;
  element: PDFKit.PDFStructureElement;
}

function writeTitlePage(em: Emitter): ContentsSlot {
  const { layout, doc } = em;
  const { words, front } = doc;
  layout.fillRect(layout.left, layout.y, layout.contentWidth, 4, ACCENT);
  layout.y += 18;
  layout.write(words.kicker.toUpperCase(), { ...STYLES.smallBold, color: ACCENT }, { spaceAfter: 6 });
  layout.write(doc.title, STYLES.title, { spaceAfter: 14 });
  layout.write(words.question, { ...STYLES.smallBold, color: MUTED }, { spaceAfter: 2 });
  layout.write(doc.question, STYLES.lead, { spaceAfter: 16 });
  for (const [label, value] of doc.facts) {
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
  layout.y += 10;
  layout.rule(layout.y, RULE);
  layout.y += 14;

  layout.heading(front.summaryHeading, STYLES.h3, { keepWith: 60, spaceAfter: 6, tag: "H2" });
  const gap = 8;
  const tileWidth = (layout.contentWidth - gap * (front.tiles.length - 1)) / front.tiles.length;
  layout.ensure(50);
  front.tiles.forEach((tile, index) => {
    const x = layout.left + index * (tileWidth + gap);
    const background = fill(tile.tone);
    const ink = inkOn(background);
    layout.fillRect(x, layout.y, tileWidth, 50, background);
    // The count and its verdict are read as one paragraph ("2 ■ witte vlek").
    layout.structure.content("P", () => {
      layout.drawText(String(tile.count), { ...STYLES.h1, size: 20, color: ink }, x + 8, layout.y + 5, tileWidth - 16);
      layout.drawText(tile.text, { ...STYLES.smallBold, color: ink }, x + 8, layout.y + 32, tileWidth - 16);
    });
  });
  layout.y += 58;
  for (const line of front.lines) layout.write(line, STYLES.small, { spaceAfter: 4 });
  layout.y += 10;

  const entries = doc.sections.length;
  layout.heading(words.contents, STYLES.h3, { keepWith: entries * layout.lineHeight(STYLES.body), spaceAfter: 4, tag: "H2" });
  const slot: ContentsSlot = { page: layout.pageIndex, top: layout.y, element: layout.structure.reserve("TOC") };
  layout.y += entries * layout.lineHeight(STYLES.body) + 12;

  layout.heading(front.sourcesHeading, STYLES.h3, { keepWith: 2 * layout.lineHeight(STYLES.body), spaceAfter: 4, tag: "H2" });
  for (const [title, detail] of front.sources) {
    layout.writeParagraphs([
      { text: title, style: STYLES.body },
      { text: detail, style: STYLES.small, indent: 10, spaceAfter: 3 },
    ]);
  }
  // The generation line sits at the foot of the title page, or lower where the other pages
  // have their running footer when the page is full; never on a page of its own.
  const stamp = `${words.generatedOn} ${doc.generatedOn} · ${words.dataVersion} ${doc.dataVersion} · dekking`;
  const stampHeight = layout.lineHeight(STYLES.small) + 8;
  const footY = layout.y + 12 <= layout.bottom + 20 - stampHeight ? layout.bottom + 20 - stampHeight : layout.geometry.height - layout.geometry.bottom + 16;
  const page = layout.doc.page;
  const bottomMargin = page.margins.bottom;
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

/** Writes the contents list into the slot kept free on the title page: one entry per section. */
function writeContents(em: Emitter, slot: ContentsSlot): void {
  const { layout, doc } = em;
  const style = STYLES.body;
  const lineHeight = layout.lineHeight(style);
  const numberWidth = 80;
  layout.structure.within(slot.element, () => {
    em.sections.forEach((section, index) => {
      const top = slot.top + index * lineHeight;
      const titleWidth = layout.contentWidth - numberWidth;
      const page = `${doc.words.page} ${section.page + 1}`;
      // Each entry refers to its part: the entry's text and its link annotation in one Link element.
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

/** Page number and running footer on every page but the title page. */
function writeFooters(em: Emitter): void {
  const { layout, doc } = em;
  const pdf = layout.doc;
  const range = pdf.bufferedPageRange();
  const style = STYLES.footer;
  const top = A4.height - A4.bottom + 22;
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    const page = pdf.switchToPage(index);
    // Text below the bottom margin would make pdfkit start a new page; lift the margin while writing.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const number = `${doc.words.page} ${index + 1} ${doc.words.pageOf} ${range.count}`;
    const numberWidth = layout.widthOf(number, style) + 2;
    const running = layout.fitLine(`${doc.title} · ${doc.words.dataVersion} ${doc.dataVersion}`, style, layout.contentWidth - numberWidth - 16);
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
function escapeMetadata(pdf: Doc): void {
  const internals = pdf as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const endMetadata = internals.endMetadata.bind(pdf);
  internals.endMetadata = () => {
    for (const [key, value] of Object.entries(internals.info)) if (typeof value === "string") internals.info[key] = xmpText(value);
    endMetadata();
  };
}

async function collect(pdf: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", () => resolve());
    pdf.on("error", reject);
  });
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The report document as PDF bytes (A4, tagged PDF 1.7, PDF/A-2a), with notes on the text it
 * could not show as written: every character is set in one of the embedded fonts (Noto Sans,
 * DejaVu Sans), and a character neither has is shown as �; right-to-left scripts are set left
 * to right without joining. `creationDate` is stored as the PDF's creation date.
 */
export async function emitPdf(document: ReportDocument, creationDate: Date): Promise<{ bytes: Uint8Array; notes: PdfTextNotes }> {
  // pdfkit's CommonJS build: require() loads it without the ES module loader's cost.
  const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");
  const fonts = await loadFontSet();
  const pdf = new PDFDocument({
    size: [A4.width, A4.height],
    margins: { top: A4.top, bottom: A4.bottom, left: A4.left, right: A4.right },
    bufferPages: true,
    // Tagged PDF 1.7 with the document language and the title in the window: what Dutch
    // public bodies must publish (WCAG 2.1 AA / EN 301 549, PDF/UA's structure).
    pdfVersion: "1.7",
    tagged: true,
    // PDF/A-2a: archivable and tagged with Unicode text; see docs/accessibility.md.
    subset: "PDF/A-2a",
    lang: document.lang === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    info: {
      Title: pdfPlainText(document.title),
      // This analysis is made by the tool from the data; the study report's authors did not write it.
      Author: "dekking",
      Subject: pdfPlainText(`${document.words.kicker}: ${document.question}`),
      Keywords: `${document.words.dataVersion} ${document.dataVersion}`,
      Producer: "dekking",
      Creator: "dekking",
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate to match it.
      CreationDate: creationDate,
    },
  });
  for (const font of fonts.fonts) pdf.registerFont(font.name, font.bytes);
  escapeMetadata(pdf);
  // Quotes are verbatim from the Dutch documents: in an English report they say so, so a
  // screen reader reads them in Dutch.
  const layout = new PdfLayout(pdf, fonts, A4, document.quoteLang === "nl" ? "nl-NL" : undefined);
  const em: Emitter = { layout, doc: document, sections: [], outline: null };
  const slot = writeTitlePage(em);
  for (const section of document.sections) {
    startSection(em, section.title, section.id);
    blocks(em, section.blocks, 0);
  }
  pdf.switchToPage(slot.page);
  writeContents(em, slot);
  writeFooters(em);
  layout.structure.finish();
  return { bytes: await collect(pdf), notes: { unsupported: [...fonts.unsupported], rightToLeft: [...fonts.rightToLeft] } };
}
