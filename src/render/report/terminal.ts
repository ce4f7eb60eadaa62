// The report document's blocks as terminal text: `dekking explain` shows a topic's evidence
// group this way, and persona, timeline, region show, sensitivity and summary their
// sections. Headings bold, quotes indented, sources and notes dim, tables as borderless
// aligned columns (textTable.ts), colour by each block's tone, every line within the width.
// An emitter like the PDF, HTML and Markdown ones: it chooses no words, and every text from
// the document passes the terminal escape step once, here.

import { plainText, type Block, type Cell, type Inline, type Section, type Tone } from "../../document/blocks.js";
import { terminalLine } from "../escape/terminal.js";
import type { Paint } from "../paint.js";
import { renderTextTable, type SpanningLine } from "../textTable.js";
import { clipLine, visibleWidth, wrapIndented } from "../textColumns.js";

export interface TerminalOptions {
  paint: Paint;
  /** Columns to wrap to. */
  width: number;
}

type Colour = (text: string) => string;

/** A tone's colour; every toned text also carries a symbol or a word, so colour is never the only signal. */
const TONE_COLOURS: Record<Tone, (paint: Paint) => Colour> = {
  "level-high": (paint) => (text) => paint.level("high", text),
  "level-medium": (paint) => (text) => paint.level("medium", text),
  "level-low": (paint) => (text) => paint.level("low", text),
  "level-none": (paint) => (text) => paint.level("none", text),
  "level-unknown": (paint) => (text) => paint.level("unknown", text),
  "verdict-witte-vlek": (paint) => paint.bad,
  "verdict-mogelijke-witte-vlek": (paint) => paint.warn,
  "verdict-gedekt": (paint) => (text) => paint.level("high", text),
  "verdict-geen-signaal": (paint) => paint.dim,
  "status-concrete": (paint) => (text) => paint.level("high", text),
  "status-ambition": (paint) => (text) => paint.level("medium", text),
  "status-absent": (paint) => (text) => paint.level("none", text),
  "status-unknown": (paint) => (text) => paint.level("unknown", text),
  "demand": () => (text) => text,
  "panel": () => (text) => text,
};

function colourOf(tone: Tone | undefined, paint: Paint): Colour {
  return tone ? TONE_COLOURS[tone](paint) : (text) => text;
}

/**
 * The interval figure drawn in `cells` columns: the scale from its first to its last label,
 * the marks as │, the interval as ━ and the point as ●, coloured by tone. The words (the
 * block's `alt`) follow under it.
 */
function intervalBar(block: Extract<Block, { kind: "interval" }>, cells: number, paint: Paint): string {
  const size = Math.max(10, cells);
  const at = (value: number): number => Math.min(size - 1, Math.max(0, Math.round(value * (size - 1))));
  const glyphs: string[] = Array.from({ length: size }, () => "─");
  const tones: (Tone | undefined)[] = Array.from({ length: size }, () => undefined);
  for (const mark of block.marks) {
    glyphs[at(mark.value)] = "│";
    tones[at(mark.value)] = mark.tone === "accent" ? undefined : mark.tone;
  }
  const low = at(block.low ?? block.point ?? 0);
  const high = at(block.high ?? block.point ?? 0);
  for (let i = low; i <= high; i++) {
    glyphs[i] = "━";
    tones[i] = block.tone;
  }
  glyphs[at(block.point ?? 0)] = "●";
  const bar = glyphs.map((glyph, i) => colourOf(tones[i], paint)(glyph)).join("");
  return `${terminalLine(block.scaleLabels[0] ?? "")} ${bar} ${terminalLine(block.scaleLabels[block.scaleLabels.length - 1] ?? "")}`;
}

/** One line of escaped text, strong runs bold. */
function line(value: Inline, paint: Paint): string {
  const runs = typeof value === "string" ? [{ text: value }] : value;
  return runs
    .map((run) => {
      const shown = terminalLine(run.text).replace(/\s+/g, " ");
      return "strong" in run && run.strong ? paint.bold(shown) : shown;
    })
    .join("")
    .trim();
}

/** Spaces between table columns. */
const GAP = 2;
/** A text column is not made narrower than this (or its longest word, up to 16) before the table stacks. */
const MIN_TEXT_COLUMN = 8;
const LONGEST_WORD_KEPT = 16;
/** On average, a row of a table may take this many lines; beyond it the rows stack. */
const MAX_LINES_PER_ROW = 3;

interface PreparedCell {
  text: string;
  note: string;
  colour: Colour;
}

function longestWord(text: string): number {
  return text.split(" ").reduce((widest, word) => Math.max(widest, visibleWidth(word)), 0);
}

/** Plain text in lines of at most `width` columns, broken at spaces; a word wider than that is cut (between graphemes). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const pieces: string[] = [];
    let rest = word;
    while (visibleWidth(rest) > width) {
      const piece = clipLine(rest, width) || Array.from(rest)[0]!;
      pieces.push(piece);
      rest = rest.slice(piece.length);
    }
    pieces.push(rest);
    for (const piece of pieces) {
      if (current !== "" && visibleWidth(current) + 1 + visibleWidth(piece) > width) {
        lines.push(current);
        current = piece;
      } else current = current === "" ? piece : `${current} ${piece}`;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Text wrapped into a column of `width`: every line painted on its own, so a colour never runs into the next cell. */
function wrapCell(text: string, width: number, colour: Colour): string[] {
  if (text === "") return [];
  return wrapWords(text, width).map((l) => colour(l));
}

/**
 * A table as lines: columns as wide as their cells where that fits, else the wider text
 * columns wrap (numbers never do); where even that does not fit, or the rows would take more
 * than three lines each on average, each row stacks as its first cell with the others after it
 * as "header: value".
 */
function tableLines(block: Extract<Block, { kind: "table" }>, indent: string, options: TerminalOptions): string[] {
  const { paint, width } = options;
  const columns = block.columns.map((c) => ({ header: line(c.header, paint), align: c.align ?? "left" }));
  // A cell is plain text painted line by line after wrapping: a strong run makes the whole cell
  // bold. Cells take their column's alignment.
  const prepare = (cell: Cell, strong = false): PreparedCell => {
    const colour = colourOf(cell.tone, paint);
    const bold = strong || (typeof cell.text !== "string" && cell.text.some((run) => run.strong));
    return {
      text: line(plainText(cell.text), paint),
      note: cell.note ? line(cell.note, paint) : "",
      colour: bold ? (text) => paint.bold(colour(text)) : colour,
    };
  };
  const rows: (PreparedCell[] | { group: string })[] = block.rows.map((row) =>
    "group" in row ? { group: line(row.group, paint) } : row.cells.map((c) => prepare(c)),
  );
  if (block.footer) rows.push(block.footer.map((c, i) => prepare(c, i === 0)));
  const cellRows = rows.filter((row): row is PreparedCell[] => Array.isArray(row));

  const room = width - visibleWidth(indent) - GAP * (columns.length - 1);
  const natural = columns.map((column, i) =>
    Math.max(visibleWidth(column.header), ...cellRows.map((row) => Math.max(visibleWidth(row[i]?.text ?? ""), visibleWidth(row[i]?.note ?? "")))),
  );
  const least = columns.map((column, i) => {
    const header = longestWord(column.header);
    if (column.align !== "left") return Math.max(header, ...cellRows.map((row) => visibleWidth(row[i]?.text ?? "")));
    return Math.min(
      natural[i]!,
      Math.max(MIN_TEXT_COLUMN, Math.min(LONGEST_WORD_KEPT, Math.max(header, ...cellRows.map((row) => longestWord(row[i]?.text ?? ""))))),
    );
  });
  if (least.reduce((sum, w) => sum + w, 0) > room) return stackedLines(columns, rows, indent, options);

  // Every column starts at its least width; the room left goes to the columns that want
  // more, in equal steps, each up to its natural width.
  const widths = [...least];
  let spare = room - widths.reduce((sum, w) => sum + w, 0);
  for (let wanting = widths.filter((w, i) => w < natural[i]!).length; spare > 0 && wanting > 0; wanting = widths.filter((w, i) => w < natural[i]!).length) {
    const step = Math.max(1, Math.floor(spare / wanting));
    widths.forEach((w, i) => {
      const add = Math.min(step, natural[i]! - w, spare);
      if (add > 0) {
        widths[i] = w + add;
        spare -= add;
      }
    });
  }

  const cells = cellRows.map((row) => row.map((cell, i) => [...wrapCell(cell.text, widths[i]!, cell.colour), ...wrapCell(cell.note, widths[i]!, paint.dim)]));
  // Rows that need more than a few lines each read worse than the stacked form.
  const height = cells.reduce((sum, row) => sum + Math.max(1, ...row.map((c) => c.length)), 0);
  if (height > MAX_LINES_PER_ROW * Math.max(1, cells.length)) return stackedLines(columns, rows, indent, options);

  const lines: (string[] | SpanningLine)[] = [columns.map((column, i) => wrapCell(column.header, widths[i]!, paint.bold).join("\n"))];
  let next = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) lines.push({ span: paint.bold(row.group) });
    else lines.push(cells[next++]!.map((cell) => cell.join("\n")));
  }
  return renderTextTable(lines, { gap: GAP, minWidths: widths, aligns: columns.map((c) => c.align) }).map((l) => (l === "" ? l : indent + l));
}

/**
 * Too narrow for columns: per row its first cell in bold, then the other cells as "header:
 * value", as many to a line as fit, a cell broken over lines only where it is wider than one.
 */
function stackedLines(
  columns: readonly { header: string }[],
  rows: readonly (PreparedCell[] | { group: string })[],
  indent: string,
  options: TerminalOptions,
): string[] {
  const { paint, width } = options;
  const out: string[] = [];
  const inner = `${indent}  `;
  const room = width - visibleWidth(inner);
  for (const row of rows) {
    if (!Array.isArray(row)) {
      out.push(...wrapIndented(row.group, width, indent).map((l) => paint.bold(l)));
      continue;
    }
    const [first, ...rest] = row;
    if (first)
      out.push(...wrapIndented(`${paint.bold(first.colour(first.text))}${first.note ? ` ${paint.dim(`(${first.note})`)}` : ""}`, width, indent, inner));
    const items = rest
      .map((cell, i) => ({ cell, header: columns[i + 1]?.header ?? "" }))
      .filter(({ cell }) => cell.text !== "" || cell.note !== "")
      .map(({ cell, header }) => `${header ? `${header}: ` : ""}${cell.colour(cell.text)}${cell.note ? ` ${paint.dim(`(${cell.note})`)}` : ""}`);
    let current = "";
    for (const item of items) {
      const joined = current === "" ? item : `${current} · ${item}`;
      if (visibleWidth(joined) <= room) current = joined;
      else {
        if (current !== "") out.push(inner + current);
        if (visibleWidth(item) <= room) current = item;
        else {
          out.push(...wrapIndented(item, width, inner, `${inner}  `));
          current = "";
        }
      }
    }
    if (current !== "") out.push(inner + current);
  }
  return out;
}

/** Lines of `blocks`, indented by `indent` spaces per level of heading above them. */
export function emitTerminal(blocks: readonly Block[], options: TerminalOptions): string[] {
  const { paint, width } = options;
  const out: string[] = [];
  const wrap = (value: string, indent: string, hanging = indent): string[] => wrapIndented(value, width, indent, hanging);
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  const emit = (list: readonly Block[], depth: number): void => {
    const pad = "  ".repeat(depth);
    for (const block of list) {
      switch (block.kind) {
        case "heading":
          blank();
          out.push(...wrap(line(block.text, paint), pad).map((l) => paint.bold(l)));
          break;
        case "paragraph": {
          // A toned paragraph (a verdict's line) takes its tone's colour, whatever its style.
          const colour = block.tone
            ? colourOf(block.tone, paint)
            : block.style === "small"
              ? paint.dim
              : block.style === "strong"
                ? paint.bold
                : (text: string) => text;
          out.push(...wrap(line(block.text, paint), `${pad}  `).map((l) => colour(l)));
          break;
        }
        case "list":
          block.items.forEach((item, index) => out.push(...wrap(`${block.ordered ? `${index + 1}.` : "-"} ${line(item, paint)}`, `${pad}  `, `${pad}    `)));
          break;
        case "quote":
          out.push(...wrap(`“${line(block.text, paint)}”${block.attribution ? ` — ${line(block.attribution, paint)}` : ""}`, `${pad}    `));
          if (block.source !== undefined) out.push(...wrap(line(block.source, paint), `${pad}      `).map((l) => paint.dim(l)));
          break;
        case "table":
          blank();
          out.push(...tableLines(block, `${pad}  `, options));
          break;
        case "cards":
          for (const card of block.cards) {
            const title = colourOf(card.tone, paint)(line(card.title, paint));
            out.push(
              ...wrap(
                `${card.caption ? `${line(card.caption, paint)}: ` : ""}${title}${card.text ? ` — ${line(card.text, paint)}` : ""}`,
                `${pad}  `,
                `${pad}    `,
              ),
            );
          }
          break;
        case "callout":
          out.push(...wrap(`${colourOf(block.tone, paint)(line(block.title, paint))}: ${line(block.text, paint)}`, `${pad}  `));
          break;
        case "legend":
          for (const legendLine of block.lines) {
            const items = legendLine.items.map((i) =>
              [i.tile ? colourOf(i.tile.tone, paint)(line(i.tile.text, paint)) : "", line(i.text, paint)].filter(Boolean).join(" "),
            );
            out.push(...wrap(`${legendLine.caption ? `${line(legendLine.caption, paint)}: ` : ""}${items.join(" · ")}`, `${pad}  `, `${pad}    `));
          }
          break;
        case "interval":
          if (block.point !== null) out.push(`${pad}  ${intervalBar(block, Math.min(40, width - pad.length - 12), paint)}`);
          out.push(...wrap(line(block.alt, paint), `${pad}  `).map((l) => paint.dim(l)));
          break;
        case "group": {
          const { group } = block;
          blank();
          const badge = group.badge ? `${colourOf(group.badge.tone, paint)(line(group.badge.text, paint))} · ` : "";
          out.push(...wrap(`${badge}${paint.bold(line(group.title, paint))}`, pad, `${pad}  `));
          if (group.subtitle) out.push(...wrap(line(group.subtitle, paint), pad).map((l) => paint.dim(l)));
          emit(group.blocks, depth + 1);
          break;
        }
        case "anchor":
          break;
        default: {
          const never: never = block;
          throw new Error(`unknown block ${String(never)}`);
        }
      }
    }
  };
  emit(blocks, 0);
  return out;
}

/** Prose is hard to read in longer lines, however wide the terminal. */
const MAX_TEXT_WIDTH = 120;

/** Sections as terminal text: each title bold and underlined, then its blocks; no line wider than the width. */
export function emitTerminalSections(sections: readonly Section[], options: TerminalOptions): string {
  const width = Math.min(options.width, MAX_TEXT_WIDTH);
  const { paint } = options;
  const out: string[] = [];
  for (const section of sections) {
    if (out.length > 0) out.push("");
    const title = wrapIndented(line(section.title, paint), width, "");
    out.push(...title.map((l) => paint.bold(l)), "─".repeat(Math.max(...title.map(visibleWidth))));
    out.push(...emitTerminal(section.blocks, { paint, width }));
  }
  while (out[out.length - 1] === "") out.pop();
  // The last guard of the promise that no line is wider than the terminal.
  return out.map((l) => clipLine(l, width)).join("\n") + "\n";
}
