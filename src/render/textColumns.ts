// Text for fixed-width terminal columns, and the one measure of display width (the tables
// themselves are drawn by textTable.ts). The measure is the kept `string-width` library
// after NFC normalisation (a letter with a combining accent is one column, a wide East
// Asian character two, ANSI colour codes none). The level symbols (● ◐ ◔ ○) are East
// Asian "ambiguous"; string-width counts them narrow, as the terminals our users have show
// them. Nothing here loops on a width: every width is at least 1 column per step.

import stringWidth from "string-width";

export { MAX_WIDTH, MIN_WIDTH, usableWidth } from "./widthLimits.js";

const ANSI = /\u001b\[[0-9;]*m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const measured = new Map<string, number>();

export function visibleWidth(text: string): number {
  // Most cells are plain ASCII: one column per character, no library call needed.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const cached = measured.get(text);
  if (cached !== undefined) return cached;
  const width = stringWidth(text.normalize("NFC"));
  if (text.length <= 64 && measured.size < 10_000) measured.set(text, width);
  return width;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters, so a cut never splits a letter from its accent. */
function graphemes(text: string): string[] {
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

/** ANSI colour codes removed (for measuring or comparing). */
export function stripColour(text: string): string {
  return text.replace(ANSI, "");
}
