// Tables that flow over pages: the header row repeats on every page, a row is never split,
// and a group heading row always stays with the row after it.

import { STYLES, type Align, type Line, type PdfLayout, type TextStyle } from "./layout.js";
import { inkOn, RULE } from "./palette.js";

export interface TableColumn {
  header: string;
  width: number;
  align?: Align;
}

export interface TableCell {
  text: string;
  /** A second, smaller line of text (a gap, a decision) under the main text. */
  note?: string;
  /** Fill colour; text on it is drawn in black or white, whichever contrasts more. */
  fill?: string;
  style?: TextStyle;
  align?: Align;
}

export type TableRow = { cells: TableCell[] } | { group: string };

export interface TableSpec {
  columns: TableColumn[];
  /** Captions spanning several columns, drawn above the header row. */
  spans?: { from: number; to: number; text: string }[];
  rows: TableRow[];
  style?: TextStyle;
  headerStyle?: TextStyle;
  /** Padding inside a cell. */
  padding?: number;
  /** White gap between filled cells, so a row of fills reads as tiles. */
  gutter?: number;
  /** Called after a page break, before the header is repeated (a "continued" caption). */
  onNewPage?: () => void;
}

interface LaidCell {
  lines: Line[];
  noteLines: Line[];
  style: TextStyle;
  noteStyle: TextStyle;
  cell: TableCell;
}

const NOTE_SCALE = 0.87;

function noteStyleOf(style: TextStyle): TextStyle {
  return { ...style, weight: "regular", size: Math.round(style.size * NOTE_SCALE * 10) / 10 };
}

export function writeTable(layout: PdfLayout, spec: TableSpec): void {
  const style = spec.style ?? STYLES.cell;
  const headerStyle = spec.headerStyle ?? STYLES.cellBold;
  const padding = spec.padding ?? 3;
  const gutter = spec.gutter ?? 0;
  const x0 = layout.left;
  const offsets: number[] = [];
  spec.columns.reduce((x, column) => {
    offsets.push(x);
    return x + column.width;
  }, x0);
  const tableWidth = spec.columns.reduce((sum, c) => sum + c.width, 0);

  const headerLines = spec.columns.map((c) => layout.wrap(c.header, headerStyle, c.width - 2 * padding));
  const spanHeight = spec.spans && spec.spans.length > 0 ? layout.lineHeight(headerStyle) + 3 : 0;
  const headerHeight = spanHeight + Math.max(...headerLines.map((l) => l.length)) * layout.lineHeight(headerStyle) + 2 * padding;

  const drawHeader = (): void => {
    const top = layout.y;
    if (spec.spans) {
      for (const span of spec.spans) {
        const left = offsets[span.from]!;
        const right = offsets[span.to]! + spec.columns[span.to]!.width;
        layout.drawText(span.text, { ...headerStyle, weight: "regular" }, left, top, right - left, "center");
        layout.rule(top + layout.lineHeight(headerStyle) + 1, RULE, left + 2, right - left - 4);
      }
    }
    spec.columns.forEach((column, index) => {
      const lines = headerLines[index]!;
      // Header text sits on the bottom edge, so one-line and two-line headers line up.
      const blockTop = top + headerHeight - padding - lines.length * layout.lineHeight(headerStyle);
      layout.drawLines(lines, headerStyle, offsets[index]! + padding, blockTop, column.width - 2 * padding, column.align ?? "left");
    });
    layout.y = top + headerHeight;
    layout.rule(layout.y, "#6B7280", x0, tableWidth, 0.8);
    layout.y += 1;
  };

  const layRow = (cells: TableCell[]): { laid: LaidCell[]; height: number } => {
    const laid = cells.map((cell, index) => {
      const cellStyle = cell.style ?? style;
      const width = spec.columns[index]!.width - 2 * padding;
      const noteStyle = noteStyleOf(cellStyle);
      return {
        cell,
        style: cellStyle,
        noteStyle,
        lines: layout.wrap(cell.text, cellStyle, width),
        noteLines: cell.note ? layout.wrap(cell.note, noteStyle, width) : [],
      };
    });
    const height = Math.max(...laid.map((c) => c.lines.length * layout.lineHeight(c.style) + c.noteLines.length * layout.lineHeight(c.noteStyle))) + 2 * padding;
    return { laid, height };
  };

  const groupStyle = { ...headerStyle, size: headerStyle.size + 1 };
  const groupHeight = layout.lineHeight(groupStyle) + 2 * padding + 4;

  const startPageIfNeeded = (height: number): void => {
    if (layout.ensure(height)) {
      spec.onNewPage?.();
      drawHeader();
    }
  };

  // The header needs at least one row under it on the same page.
  const firstRow = spec.rows.find((row): row is { cells: TableCell[] } => "cells" in row);
  const firstHeight = firstRow ? layRow(firstRow.cells).height : 0;
  const firstIsGroup = spec.rows[0] !== undefined && "group" in spec.rows[0];
  layout.ensure(headerHeight + firstHeight + (firstIsGroup ? groupHeight : 0));
  drawHeader();

  spec.rows.forEach((row, rowIndex) => {
    if ("group" in row) {
      const next = spec.rows[rowIndex + 1];
      const nextHeight = next && "cells" in next ? layRow(next.cells).height : 0;
      startPageIfNeeded(groupHeight + nextHeight);
      const top = layout.y + 4;
      layout.drawText(row.group, groupStyle, x0 + padding, top + padding, tableWidth - 2 * padding);
      layout.y += groupHeight;
      layout.rule(layout.y - 0.5, RULE, x0, tableWidth, 0.5);
      return;
    }
    const { laid, height } = layRow(row.cells);
    startPageIfNeeded(height);
    const top = layout.y;
    laid.forEach((cell, index) => {
      const column = spec.columns[index]!;
      const x = offsets[index]!;
      let ink = cell.style.color;
      if (cell.cell.fill) {
        layout.fillRect(x + gutter / 2, top + gutter / 2, column.width - gutter, height - gutter, cell.cell.fill);
        ink = inkOn(cell.cell.fill);
      }
      const blockHeight = cell.lines.length * layout.lineHeight(cell.style) + cell.noteLines.length * layout.lineHeight(cell.noteStyle);
      const blockTop = top + (height - blockHeight) / 2;
      const align = cell.cell.align ?? column.align ?? "left";
      const drawn = layout.drawLines(cell.lines, { ...cell.style, color: ink }, x + padding, blockTop, column.width - 2 * padding, align);
      if (cell.noteLines.length > 0) {
        layout.drawLines(cell.noteLines, { ...cell.noteStyle, color: cell.cell.fill ? ink : cell.noteStyle.color }, x + padding, blockTop + drawn, column.width - 2 * padding, align);
      }
    });
    layout.y = top + height;
    layout.rule(layout.y, RULE, x0, tableWidth, 0.4);
  });
}
