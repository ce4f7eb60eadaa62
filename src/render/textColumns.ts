// Fixed-width text columns for the terminal. Widths count code points with ANSI colour
// codes removed: the level symbols (● ◐ ◔ ○) are one column wide in the terminals our
// users have, where width libraries count them as East Asian "ambiguous" and pad twice.

export function visibleWidth(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, "")].length;
}

export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, Math.max(1, width - 1)).join("") + "…";
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleWidth(text)));
}

/** A full-width line (e.g. a category heading) between the rows. */
export interface SpanningLine {
  span: string;
}

/** Lays out rows in columns of the widest cell, `gap` spaces apart, without trailing spaces. */
export function layoutColumns(rows: (string[] | SpanningLine)[], gap = 2): string {
  const widths: number[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell));
    });
  }
  return rows
    .map((row) => (Array.isArray(row) ? row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i]! + gap))).join("") : row.span).trimEnd())
    .join("\n");
}

/** Wraps a line at spaces; ANSI codes count as zero width. */
export function wrapLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const lines: string[] = [];
  let current = "";
  // A plain word longer than a line (a region name without spaces) is cut into pieces that fit.
  const words = line.split(" ").flatMap((word) => {
    if (word.includes("\u001b[") || visibleWidth(word) <= width - 2) return [word];
    const chars = [...word];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += width - 2) pieces.push(chars.slice(i, i + width - 2).join(""));
    return pieces;
  });
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && visibleWidth(candidate) > width) {
      lines.push(current);
      current = `  ${word}`;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
