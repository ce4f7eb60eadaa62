// Tables that flow over pages: the header row repeats on every page, a row is never split,
// a group heading row always stays with the row after it and is repeated, marked as
// continued, when its rows go on over a page. In the structure tree a table is Table, THead
// and TBody, TR, and TH (with its scope) or TD; what repeats on a new page is an artefact.

import { STYLES, type Align, type Line, type PdfLayout, type TextStyle } from "./layout.js";
import { inkOn, RULE } from "../palette.js";

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
  /** Called after a page break, before the header is repeated (a "continued" caption); drawn as an artefact. */
  onNewPage?: () => void;
  /** The first column names the row (a topic): its cells are row headers. */
  rowHeaders?: boolean;
  /** The group heading repeated at the top of a page where its rows go on ("… (vervolg)"). */
  groupContinued?: (group: string) => string;
}

interface LaidCell {
  lines: readonly Line[];
  noteLines: readonly Line[];
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

  const structure = layout.structure;
  const spans = spec.spans ?? [];

  /** The caption row over several columns: a header cell per span, an empty cell elsewhere. */
  const drawSpans = (top: number): void => {
    for (let index = 0; index < spec.columns.length;) {
      const span = spans.find((s) => s.from === index);
      if (!span) {
        structure.group("TD", () => undefined);
        index += 1;
        continue;
      }
      const left = offsets[span.from]!;
      const right = offsets[span.to]! + spec.columns[span.to]!.width;
      structure.content("TH", () => layout.drawText(span.text, { ...headerStyle, weight: "regular" }, left, top, right - left, "center"), {
        table: { scope: "Column", colSpan: span.to - span.from + 1 },
      });
      layout.rule(top + layout.lineHeight(headerStyle) + 1, RULE, left + 2, right - left - 4);
      index = span.to + 1;
    }
  };

  const drawHeader = (): void => {
    const top = layout.y;
    if (spans.length > 0) structure.group("TR", () => drawSpans(top));
    structure.group("TR", () =>
      spec.columns.forEach((column, index) => {
        const lines = headerLines[index]!;
        // Header text sits on the bottom edge, so one-line and two-line headers line up.
        const blockTop = top + headerHeight - padding - lines.length * layout.lineHeight(headerStyle);
        structure.content(
          "TH",
          () => layout.drawLines(lines, headerStyle, offsets[index]! + padding, blockTop, column.width - 2 * padding, column.align ?? "left"),
          { table: { scope: "Column" } },
        );
      }),
    );
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
    const height =
      Math.max(...laid.map((c) => c.lines.length * layout.lineHeight(c.style) + c.noteLines.length * layout.lineHeight(c.noteStyle))) + 2 * padding;
    return { laid, height };
  };

  const groupStyle = { ...headerStyle, size: headerStyle.size + 1 };
  const groupHeight = layout.lineHeight(groupStyle) + 2 * padding + 4;

  const drawGroup = (text: string): void => {
    const top = layout.y + 4;
    layout.drawText(text, groupStyle, x0 + padding, top + padding, tableWidth - 2 * padding);
    layout.y += groupHeight;
    layout.rule(layout.y - 0.5, RULE, x0, tableWidth, 0.5);
  };

  /** The group whose rows are being written, repeated over its rows on a new page. */
  let currentGroup: string | null = null;

  const startPageIfNeeded = (height: number, continuesGroup: boolean): void => {
    if (!layout.ensure(height)) return;
    // Repeated on the new page for the reader's eye; the structure has them once.
    structure.artifact(() => {
      spec.onNewPage?.();
      drawHeader();
      if (continuesGroup && currentGroup !== null) drawGroup(spec.groupContinued ? spec.groupContinued(currentGroup) : currentGroup);
    }, "Pagination");
  };

  // The header needs at least one row under it on the same page.
  const firstRow = spec.rows.find((row): row is { cells: TableCell[] } => "cells" in row);
  const firstHeight = firstRow ? layRow(firstRow.cells).height : 0;
  const firstIsGroup = spec.rows[0] !== undefined && "group" in spec.rows[0];
  layout.ensure(headerHeight + firstHeight + (firstIsGroup ? groupHeight : 0));

  structure.group("Table", () => {
    structure.group("THead", drawHeader);
    structure.group("TBody", () =>
      spec.rows.forEach((row, rowIndex) => {
        if ("group" in row) {
          const next = spec.rows[rowIndex + 1];
          const nextHeight = next && "cells" in next ? layRow(next.cells).height : 0;
          startPageIfNeeded(groupHeight + nextHeight, false);
          currentGroup = row.group;
          // A group heading is a header cell across the whole row, for the rows under it.
          structure.group("TR", () => structure.content("TH", () => drawGroup(row.group), { table: { scope: "Row", colSpan: spec.columns.length } }));
          return;
        }
        const { laid, height } = layRow(row.cells);
        startPageIfNeeded(height, true);
        const top = layout.y;
        structure.group("TR", () =>
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
            const rowHeader = spec.rowHeaders === true && index === 0;
            structure.content(
              rowHeader ? "TH" : "TD",
              () => {
                const drawn = layout.drawLines(cell.lines, { ...cell.style, color: ink }, x + padding, blockTop, column.width - 2 * padding, align);
                if (cell.noteLines.length > 0) {
                  layout.drawLines(
                    cell.noteLines,
                    { ...cell.noteStyle, color: cell.cell.fill ? ink : cell.noteStyle.color },
                    x + padding,
                    blockTop + drawn,
                    column.width - 2 * padding,
                    align,
                  );
                }
              },
              rowHeader ? { table: { scope: "Row" } } : {},
            );
          }),
        );
        layout.y = top + height;
        layout.rule(layout.y, RULE, x0, tableWidth, 0.4);
      }),
    );
  });
}
