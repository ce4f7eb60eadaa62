// Text for fixed-width terminal columns, and the one measure of display width (the tables
// themselves are drawn by textTable.ts). The measure is the kept `string-width` library
// after NFC normalisation (a letter with a combining accent is one column, a wide East
// Asian character two, ANSI colour codes none). The level symbols (● ◐ ◔ ○) are East
// Asian "ambiguous"; string-width counts them narrow, as the terminals our users have show
// them. Nothing here loops on a width: every width is at least 1 column per step.

import measureWidth from "./measureWidth.cjs";

export { MAX_WIDTH, MIN_WIDTH, usableWidth } from "./widthLimits.js";

const ANSI = /\u001b\[[0-9;]*m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text made only of characters that string-width measures as one column each and that never
 * join a neighbour into one grapheme: Latin with its precomposed accents, punctuation, quotes
 * and dashes, currency, letterlike symbols, arrows, mathematical operators, box drawing and
 * geometric shapes (the level symbols ● ◐ ◔ ○ ▲ ■), and the dingbats ✓ ✗. For such text the
 * width is the number of characters (all in the BMP), without the library: its first
 * non-ASCII call compiles an emoji regular expression (about 40 ms) and each call segments
 * graphemes. tests/textColumns.test.ts checks every character of this class against
 * string-width.
 */
export const NARROW_TEXT =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u2125\u2127-\u2129\u212c-\u218b\u2190-\u2319\u2460-\u25fc\u270c-\u2727]*$/;

const measured = new Map<string, number>();

export function visibleWidth(text: string): number {
  // Most cells are plain ASCII or Dutch text with the level symbols: one column per character.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  if (NARROW_TEXT.test(plain)) return plain.length;
  const cached = measured.get(text);
  if (cached !== undefined) return cached;
  const width = measureWidth(text.normalize("NFC"));
  if (text.length <= 64 && measured.size < 10_000) measured.set(text, width);
  return width;
}

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters, so a cut never splits a letter from its accent. */
function graphemes(text: string): string[] {
  // Narrow text has one character per grapheme; only other text needs the segmenter.
  if (NARROW_TEXT.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text.normalize("NFC")), (s) => s.segment);
}

/** Cuts plain text (no colour codes) to at most `width` columns, with "…" where it was cut. */
export function truncate(text: string, width: number): string {
  const max = Math.max(1, Math.floor(width));
  if (visibleWidth(text) <= max) return text.normalize("NFC");
  let out = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const w = visibleWidth(g);
    if (used + w > max - 1) break;
    out += g;
    used += w;
  }
  return out + "…";
}

/**
 * Cuts a line that may hold colour codes to `width` columns: codes are kept whole (and a
 * reset added when something was cut), text beyond the width is dropped.
 */
export function clipLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  let out = "";
  let used = 0;
  let coloured = false;
  for (const part of line.split(/(\u001b\[[0-9;]*m)/)) {
    if (part.startsWith("\u001b[")) {
      out += part;
      coloured = true;
      continue;
    }
    for (const g of graphemes(part)) {
      const w = visibleWidth(g);
      if (used + w > width) return out + (coloured ? "\u001b[0m" : "");
      out += g;
      used += w;
    }
  }
  return out;
}

/** Wraps a line at spaces to at most `width` columns; ANSI codes count as zero width. */
export function wrapLine(line: string, width: number): string[] {
  const max = Math.max(4, Math.floor(width));
  if (visibleWidth(line) <= max) return [line];
  // An indented line keeps its indent, and its later lines wrap two spaces further in
  // (a `+ acties:` line of diff stays under its topic), as long as some room is left.
  const lead = /^ +/.exec(line)?.[0] ?? "";
  if (lead && max - lead.length >= 12) return wrapLine(line.slice(lead.length), max - lead.length).map((l) => lead + l);
  const lines: string[] = [];
  let current = "";
  // A word longer than a line (a region name without spaces) is cut into pieces that fit
  // after the two-space continuation indent.
  const piece = max - 2;
  const words = line.split(" ").flatMap((word) => {
    if (visibleWidth(word) <= piece) return [word];
    const pieces: string[] = [];
    let current = "";
    for (const part of word.split(/(\u001b\[[0-9;]*m)/)) {
      if (part.startsWith("\u001b[")) {
        current += part;
        continue;
      }
      for (const g of graphemes(part)) {
        if (visibleWidth(current + g) > piece) {
          pieces.push(current);
          current = "";
        }
        current += g;
      }
    }
    if (current) pieces.push(current);
    return pieces;
  });
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && visibleWidth(candidate) > max) {
      lines.push(current);
      current = `  ${word}`;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => clipLine(l, max));
}

/** Wraps terminal text (already escaped) to `width` columns: the first line after `indent`, later lines after `hanging`. */
export function wrapIndented(text: string, width: number, indent: string, hanging = indent): string[] {
  // Spaces the text starts with stay (a right-aligned number); wrapLine starts each later line
  // with two spaces of its own, which the hanging indent replaces.
  const lead = /^ */.exec(text)![0];
  const room = width - Math.max(visibleWidth(indent) + lead.length, visibleWidth(hanging));
  return wrapLine(text.slice(lead.length), room).map((line, i) => (i === 0 ? indent + lead + line : hanging + line.replace(/^ {2}/, "")));
}

/** ANSI colour codes removed (for measuring or comparing). */
export function stripColour(text: string): string {
  return text.replace(ANSI, "");
}
