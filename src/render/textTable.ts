// Borderless terminal tables, drawn by cli-table3: columns as wide as their widest cell (or a
// given least width), a gap of spaces between them, full-width lines (category headings) as
// one cell spanning every column, and no trailing spaces. A cell may hold several lines (a
// wrapped text): the row is as tall as its tallest cell. Cells arrive escaped (escape/
// terminal.ts) and coloured (Paint); the library adds no colour of its own.
//
// cli-table3 0.6.5 measures text with its own string-width 4, which disagrees with the one
// measure of textColumns.ts for about 15,000 code points: combining marks outside U+0300–036F
// (Hebrew points, Arabic vowels, Indic signs) count 1 there and 0 here, the soft hyphen 1
// and 0, newer wide characters 1 and 2. Padding by that measure would put such a row out of
// line, and its truncation cuts UTF-16 units (half a surrogate pair). So its three measuring
// helpers, which its cells call through the shared utils module, measure with visibleWidth.
// The version is pinned (package.json) because this reaches into its src/utils.js.

import Table from "cli-table3";
import tableText from "cli-table3/src/utils.js";
import { clipLine, visibleWidth } from "./textColumns.js";

function widestLine(text: string): number {
  return String(text)
    .split("\n")
    .reduce((widest, line) => Math.max(widest, visibleWidth(line)), 0);
}

tableText.strlen = widestLine;
tableText.pad = (text, width, fill, align) => {
  const room = Math.max(0, width - widestLine(text));
  if (align === "right") return fill.repeat(room) + text;
  if (align === "center") return fill.repeat(Math.floor(room / 2)) + text + fill.repeat(Math.ceil(room / 2));
  return text + fill.repeat(room);
};
// Never needed for our tables (every column fits its cells); grapheme- and colour-safe anyway.
tableText.truncate = (text, width, mark = "…") => (widestLine(text) <= width ? text : clipLine(text, Math.max(0, width - visibleWidth(mark))) + mark);

/** A full-width line (e.g. a category heading) between the rows. */
export interface SpanningLine {
  span: string;
}

export interface TableLayout {
  /** Spaces between columns. */
  gap: number;
  /** Least width per column (more where a cell is wider). */
  minWidths?: readonly number[];
  /** Alignment per column (default left). */
  aligns?: readonly ("left" | "center" | "right")[];
}

const NO_BORDER = {
  "top": "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  "bottom": "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  "left": "",
  "left-mid": "",
  "mid": "",
  "mid-mid": "",
  "right": "",
  "right-mid": "",
} as const;

/** The rows as lines of a borderless table, without trailing spaces. */
export function renderTextTable(rows: readonly (readonly string[] | SpanningLine)[], layout: TableLayout): string[] {
  const widths: number[] = [...(layout.minWidths ?? [])];
  for (const row of rows) {
    if (!isCells(row)) continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, widestLine(cell));
    });
  }
  if (widths.length === 0) return rows.map((row) => (isCells(row) ? "" : row.span.trimEnd()));
  // A spanning cell wider than the columns would widen them: give the room to the last column
  // instead, which only adds spaces at the end of lines (trimmed).
  const spanned = widths.reduce((sum, w) => sum + w, 0) + widths.length - 1;
  const widestSpan = rows.reduce((widest, row) => (isCells(row) ? widest : Math.max(widest, widestLine(row.span))), 0);
  if (widestSpan > spanned) widths[widths.length - 1]! += widestSpan - spanned;

  // cli-table3 places each cell by checking it against every cell of the rows above (for
  // row spans), work that grows with the square of the rows. Slices of rows with the same
  // column widths draw the same lines: the regions matrix of a synthetic study of 1,000
  // plans and 300 topics took about 3.5 s in its tables instead of 5.4 s.
  const lines: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE) {
    const table = new Table({
      chars: { ...NO_BORDER, middle: " ".repeat(layout.gap) },
      style: { "head": [], "border": [], "padding-left": 0, "padding-right": 0 },
      colWidths: [...widths],
      ...(layout.aligns ? { colAligns: [...layout.aligns] } : {}),
    });
    for (const row of rows.slice(start, start + SLICE)) table.push(isCells(row) ? [...row] : [{ content: row.span, colSpan: widths.length }]);
    for (const line of table.toString().split("\n")) lines.push(line.trimEnd());
  }
  return lines;
}

const SLICE = 16;

function isCells(row: readonly string[] | SpanningLine): row is readonly string[] {
  return Array.isArray(row);
}
