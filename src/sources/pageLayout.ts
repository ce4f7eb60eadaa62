// From the positioned text items of a PDF's pages to text in reading order. Pure: the items
// come from src/sources/readPdf.ts (pdf.js), so this can be tested on hand-made items.
//
// The steps, per page: footnote markers (small raised digits after a word) are dropped;
// items on one baseline are joined into lines and a line is split where a gap is wider than
// a column gutter; running heads and feet (a line in the top or bottom band whose text,
// digits aside, recurs on many pages) are set apart; the remaining lines are put in reading
// order by a recursive XY-cut (a vertical cut is a gutter that no line crosses; strips
// between horizontal gaps that share a gutter are read as one set of columns, so paragraph
// gaps that happen to line up across two columns do not interleave them); lines are joined
// into paragraphs, a line-end hyphen is joined where the joined word is the document's own
// spelling, and ligatures become letters.

/** One run of text on a PDF page, in PDF points (origin bottom-left, y is the baseline). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the item's height). */
  size: number;
}

/** The text items of one page. */
export interface PdfPageItems {
  /** 1-based page index in the PDF. */
  index: number;
  /** The printed page label, where the PDF gives one. */
  label?: string;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** One page read in reading order. */
export interface ReadPage {
  index: number;
  label?: string;
  /** Paragraphs separated by a blank line; "" for a page without text. */
  text: string;
  /** The most columns found side by side on the page (1 for a single column). */
  columns: number;
  /** Running heads and feet set apart from the page's text, as printed. */
  margins: string[];
}

/** What reading a document found, for the summary a user sees. */
export interface ReadDocument {
  pages: ReadPage[];
  /** Pages (1-based indices) with no text at all. */
  emptyPages: number[];
  /** Pages (1-based indices) whose text came out in two or more columns somewhere. */
  multiColumnPages: number[];
  /** Running heads and feet recognised, each with the number of pages it was removed from. */
  margins: { text: string; pages: number }[];
  characters: number;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
}

const LIGATURES: Record<string, string> = {
  "\uFB00": "ff",
  "\uFB01": "fi",
  "\uFB02": "fl",
  "\uFB03": "ffi",
  "\uFB04": "ffl",
  "\uFB05": "st",
  "\uFB06": "st",
  "\u0132": "IJ",
  "\u0133": "ij",
};

/** Ligatures to letters; soft hyphens, zero-width and control characters out; every space kind a space. */
export function cleanItemText(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06\u0132\u0133]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, "")
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, " ");
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Drops footnote markers: an item of one to three digits, clearly smaller than a neighbour
 * it follows on the left and raised above that neighbour's baseline ("zorg³" → "zorg").
 */
function dropFootnoteMarkers(items: PdfTextItem[]): PdfTextItem[] {
  return items.filter((item) => {
    if (!/^\d{1,3}(,\d{1,3})*$/.test(item.text.trim())) return true;
    return !items.some(
      (word) =>
        word !== item &&
        word.size >= item.size * 1.25 &&
        item.y > word.y + word.size * 0.15 &&
        item.y < word.y + word.size * 0.8 &&
        item.x >= word.x + word.width - word.size * 0.3 &&
        item.x <= word.x + word.width + word.size * 0.6 &&
        /\p{L}|[.,;:)’'"]$/u.test(word.text.trim().slice(-1)),
    );
  });
}

const LIST_LABEL = /^([•▪◦●■□◆➢➤✓✔>–-]|\d{1,2}[.)]|[a-z][.)])$/u;

/** Joins items on one baseline into fragments; a gap wider than a gutter starts a new fragment. */
function fragmentsOf(items: PdfTextItem[]): Fragment[] {
  // A gap is judged against the page's body text: a gutter is wider than an em of it.
  const em = median(items.map((item) => item.size)) || 10;
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(first.size, item.size) * 0.3) row.push(item);
    else rows.push([item]);
  }
  const fragments: Fragment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Fragment | undefined;
    for (const item of row) {
      const size = Math.max(item.size, 1);
      const gap = current ? item.x - current.x1 : Infinity;
      // A list label (bullet, "1.", "a)") belongs to the text after it, however wide the gap.
      const afterLabel = current !== undefined && LIST_LABEL.test(current.text.trim()) && gap < Math.max(current.size, size) * 6;
      if (current && (afterLabel || gap < Math.min(em, Math.max(current.size, size)))) {
        const needsSpace = gap > Math.min(current.size, size) * 0.12 && !current.text.endsWith(" ") && !item.text.startsWith(" ");
        current.text += (needsSpace ? " " : "") + item.text;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, size);
      } else {
        current = { text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, size };
        fragments.push(current);
      }
    }
  }
  return fragments.map((f) => ({ ...f, text: f.text.replace(/ +/g, " ").trim() })).filter((f) => f.text !== "");
}

/** The text of a fragment as a running head or foot is recognised: digits and case aside. */
function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

const MARGIN_BAND = 0.1;

function inMarginBand(fragment: Fragment, height: number): boolean {
  return fragment.y > height * (1 - MARGIN_BAND) || fragment.y < height * MARGIN_BAND;
}

interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

function boxOf(f: Fragment): Box {
  return { x0: f.x0, x1: f.x1, top: f.y + f.size * 0.8, bottom: f.y - f.size * 0.25 };
}

/** The open intervals of [from, to] that no fragment covers, at least `min` wide. */
function xGaps(fragments: Fragment[], from: number, to: number, min: number): [number, number][] {
  const spans = fragments.map((f) => [f.x0, f.x1] as const).sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let reach = from;
  for (const [x0, x1] of spans) {
    if (x0 - reach >= min) gaps.push([reach, x0]);
    reach = Math.max(reach, x1);
  }
  if (to - reach >= min) gaps.push([reach, to]);
  return gaps;
}

function intersectGaps(a: [number, number][], b: [number, number][], min: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (hi - lo >= min) out.push([lo, hi]);
    }
  }
  return out;
}

/** Splits fragments at vertical gutters (inner gaps with text on both sides), left to right. */
function splitColumns(fragments: Fragment[], gutters: [number, number][]): Fragment[][] {
  const columns: Fragment[][] = [];
  let rest = fragments;
  for (const [, hi] of gutters) {
    columns.push(rest.filter((f) => f.x1 <= hi));
    rest = rest.filter((f) => f.x1 > hi);
  }
  columns.push(rest);
  return columns.filter((c) => c.length > 0);
}

/** Horizontal strips: groups of fragments whose boxes overlap vertically, top to bottom. */
function strips(fragments: Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => boxOf(b).top - boxOf(a).top);
  const out: Fragment[][] = [];
  let low = Infinity;
  for (const f of sorted) {
    const box = boxOf(f);
    if (out.length > 0 && box.top > low) {
      out.at(-1)!.push(f);
      low = Math.min(low, box.bottom);
    } else {
      out.push([f]);
      low = box.bottom;
    }
  }
  return out;
}

interface Ordered {
  /** Fragments in reading order, each block (a leaf of the cut) a list of lines. */
  blocks: Fragment[][];
  columns: number;
}

/** Characters a column needs beside a gutter for the gutter to count. */
const MIN_COLUMN_TEXT = 30;

function textLength(fragments: Fragment[]): number {
  return fragments.reduce((n, f) => n + f.text.length, 0);
}

/**
 * Recursive XY-cut. A region splits first at vertical gutters that no fragment crosses;
 * otherwise into horizontal strips, and consecutive strips that share a gutter are read
 * together (and cut at that gutter).
 */
function order(fragments: Fragment[], gutterMin: number, depth = 0): Ordered {
  if (fragments.length <= 1 || depth > 40) return { blocks: fragments.length ? [sortLines(fragments)] : [], columns: 1 };
  const x0 = Math.min(...fragments.map((f) => f.x0));
  const x1 = Math.max(...fragments.map((f) => f.x1));
  // A gutter divides columns, not a page number or footnote label from the text beside it:
  // every side must hold some running text.
  const inner = xGaps(fragments, x0, x1, gutterMin).filter(
    ([lo, hi]) =>
      lo > x0 &&
      hi < x1 &&
      textLength(fragments.filter((f) => f.x1 <= lo)) >= MIN_COLUMN_TEXT &&
      textLength(fragments.filter((f) => f.x0 >= hi)) >= MIN_COLUMN_TEXT,
  );
  if (inner.length > 0) {
    const parts = splitColumns(fragments, inner);
    if (parts.length > 1 && isTable(parts)) return { blocks: [sortLines(fragments)], columns: 1 };
    if (parts.length > 1) {
      const results = parts.map((p) => order(p, gutterMin, depth + 1));
      return { blocks: results.flatMap((r) => r.blocks), columns: Math.max(parts.length, ...results.map((r) => r.columns)) };
    }
  }
  const rows = strips(fragments);
  if (rows.length <= 1) return { blocks: [sortLines(fragments)], columns: 1 };
  // Group consecutive strips that share an inner gutter of the region: the free space of
  // each strip (edges included, so a strip with text in one column only can join) must
  // meet the group's, strictly inside the region.
  const inside = (gaps: [number, number][]): [number, number][] => gaps.filter(([lo, hi]) => lo > x0 && hi < x1);
  const groups: Fragment[][] = [];
  let shared: [number, number][] = [];
  let lastTabular = false;
  for (const row of rows) {
    // A strip with text on one side of the gutter only joins when it is a line of running
    // text (a column's line), not a label, a number or a cell that happens to stand there.
    const gaps = xGaps(row, x0, x1, gutterMin);
    const twoSided = inside(gaps).some(([lo, hi]) => row.some((f) => f.x1 <= lo) && row.some((f) => f.x0 >= hi));
    const free = twoSided || row.every((f) => f.text.length >= 20) ? gaps : [];
    // A row of a table of figures and a line of running text never share a group, so a
    // table under two columns of text does not make the columns read as a table.
    const tabular = row.length >= 3 && row.filter((f) => NUMERIC_CELL.test(f.text)).length * 2 >= row.length;
    const last = groups.at(-1);
    const common = last && tabular === lastTabular ? inside(intersectGaps(shared, free, gutterMin)) : [];
    if (last && common.length > 0) {
      last.push(...row);
      shared = common;
    } else {
      groups.push([...row]);
      shared = free;
      lastTabular = tabular;
    }
  }
  if (groups.length === 1) {
    // One group: either no gutter at all (a single column: read line by line) or a gutter
    // crossed by nothing within the group but by a fragment of the region — not possible, as
    // the group is the region; so read it line by line.
    return { blocks: [sortLines(fragments)], columns: 1 };
  }
  const results = groups.map((g) => order(g, gutterMin, depth + 1));
  return { blocks: results.flatMap((r) => r.blocks), columns: Math.max(1, ...results.map((r) => r.columns)) };
}

/** A cell of figures, or a mark in a table of ticks ("X", "√", "✓"). */
const NUMERIC_CELL = /^(?:[-–+€$%()\d.,\s/x]*\d[-–+€$%()\d.,\s/x]*(miljoen|mln|mld)?\.?|[xX√✓✔•](?:\s+[xX√✓✔•])*)$/u;

/**
 * True when columns side by side are a table of figures rather than text columns: the
 * parts after the first are short cells, mostly numbers, and most of those cells share a baseline with a cell of another part. Such a table is read
 * row by row ("Wijkaanpak sociale basis 36,4 35,9"); a table of text cells is read column
 * by column, so a cell's lines stay together.
 */
function isTable(parts: Fragment[][]): boolean {
  const cells = parts.slice(1).flat();
  if (cells.filter((f) => NUMERIC_CELL.test(f.text)).length < cells.length * 0.5) return false;
  if (cells.filter((f) => f.text.length <= 24).length < cells.length * 0.8) return false;
  const all = parts.flat();
  const aligned = cells.filter((f) => all.some((g) => g !== f && (g.x1 <= f.x0 || g.x0 >= f.x1) && Math.abs(g.y - f.y) <= f.size * 0.3)).length;
  return aligned >= cells.length * 0.7;
}

function sortLines(fragments: Fragment[]): Fragment[] {
  return [...fragments].sort((a, b) => (Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 0.3 ? a.x0 - b.x0 : b.y - a.y));
}

/** Words the document spells, for deciding line-end hyphens. */
export type Lexicon = Map<string, number>;

function addWords(lexicon: Lexicon, text: string): void {
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) lexicon.set(word, (lexicon.get(word) ?? 0) + 1);
}

/** Words after which a line-end hyphen is a suspended compound ("zorg- en welzijn"). */
const SUSPENSION = new Set(["en", "of", "tot", "noch", "and", "or", "en/of"]);

/**
 * Joins two lines where the first ends in a hyphen. Returns the joined text: the hyphen
 * dropped where the joined word is the document's own spelling (or neither spelling occurs),
 * kept without a space in a compound the document spells with a hyphen or before a capital
 * or digit ("Noord-Nederland"), kept with a space before "en"/"of" ("zorg- en welzijn").
 */
export function joinHyphenated(first: string, second: string, lexicon: Lexicon): string {
  const head = /([\p{L}\p{N}]+)-$/u.exec(first);
  const tail = /^([\p{L}\p{N}]+)/u.exec(second);
  if (!head || !tail) return `${first} ${second}`;
  const nextWord = second.split(" ")[0]!.toLowerCase();
  if (SUSPENSION.has(nextWord)) return `${first} ${second}`;
  if (!/^\p{Ll}/u.test(tail[1]!)) return `${first}${second}`;
  const joined = (head[1]! + tail[1]!).toLowerCase();
  const hyphenated = `${head[1]!}-${tail[1]!}`.toLowerCase();
  if ((lexicon.get(hyphenated) ?? 0) > (lexicon.get(joined) ?? 0)) return `${first}${second}`;
  return `${first.slice(0, -1)}${second}`;
}

const SENTENCE_END = /[.!?:;)”"’]$/;

/** Lines of the blocks in reading order to paragraphs. */
function paragraphs(blocks: Fragment[][], lexicon: Lexicon): string[] {
  const out: string[] = [];
  let current = "";
  let previous: Fragment | undefined;
  for (const block of blocks) {
    const pitches: number[] = [];
    for (let i = 1; i < block.length; i++) pitches.push(block[i - 1]!.y - block[i]!.y);
    const pitch = median(pitches.filter((p) => p > 0));
    block.forEach((line, i) => {
      let newParagraph: boolean;
      if (current === "") newParagraph = false;
      else if (i === 0) {
        // A new block continues the paragraph where the text before it stops mid-sentence, in
        // the same type, after a full line ("Gezond en Actief / Leven Akkoord" over a column
        // break); after a short line (a heading) or at a change of size it starts a new one.
        const midSentence = !SENTENCE_END.test(current) && Math.abs(line.size - previous!.size) <= 0.5 && previous!.text.length >= 40;
        newParagraph = !midSentence && (SENTENCE_END.test(current) || !/^\p{Ll}/u.test(line.text));
      } else {
        const gap = previous!.y - line.y;
        // A cell beside the previous one (a table read row by row) continues its line.
        if (Math.abs(gap) <= line.size * 0.3) newParagraph = false;
        else newParagraph = gap < 0 || (pitch > 0 ? gap > pitch * 1.35 : gap > line.size * 1.8) || Math.abs(line.size - previous!.size) > 1;
      }
      if (newParagraph) {
        out.push(current);
        current = line.text;
      } else if (current === "") current = line.text;
      else if (current.endsWith("-")) current = joinHyphenated(current, line.text, lexicon);
      else current = `${current} ${line.text}`;
      previous = line;
    });
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * Reads the pages of a document in reading order.
 * @param pages the positioned items of every page, in page order (see readPdf)
 * @returns the pages' texts, with what was found on the way
 */
export function readPages(pages: readonly PdfPageItems[]): ReadDocument {
  const perPage = pages.map((page) => {
    const items = dropFootnoteMarkers(page.items.map((item) => ({ ...item, text: cleanItemText(item.text) })).filter((item) => item.text.trim() !== ""));
    return { page, fragments: fragmentsOf(items) };
  });

  // Running heads and feet: a text in the top or bottom band that recurs (digits aside) on
  // at least 30 % of the pages, and on three or more; a bare page number in the band too.
  const seen = new Map<string, Set<number>>();
  for (const { page, fragments } of perPage) {
    for (const f of fragments) {
      if (!inMarginBand(f, page.height)) continue;
      const key = marginKey(f.text);
      let set = seen.get(key);
      if (!set) seen.set(key, (set = new Set()));
      set.add(page.index);
    }
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.3));
  const isMargin = (f: Fragment, page: PdfPageItems, fragments: Fragment[]): boolean => {
    if (!inMarginBand(f, page.height)) return false;
    const key = marginKey(f.text);
    if (/^(#|[ivxlcdm]+|pagina #|page #|# \/ #|# van #)$/.test(key)) {
      // A bare number is a page number only when it stands alone on its line and nothing
      // lies between it and the page's edge; a footnote's number has its text beside it.
      const top = f.y > page.height / 2;
      return !fragments.some((g) => g !== f && (Math.abs(g.y - f.y) <= f.size * 0.3 || (top ? g.y > f.y : g.y < f.y)));
    }
    return (seen.get(key)?.size ?? 0) >= threshold;
  };

  const lexicon: Lexicon = new Map();
  for (const { fragments } of perPage) for (const f of fragments) addWords(lexicon, f.text);

  const margins = new Map<string, { text: string; pages: number }>();
  const read: ReadPage[] = perPage.map(({ page, fragments }) => {
    const body: Fragment[] = [];
    const removed: string[] = [];
    for (const f of fragments) {
      if (isMargin(f, page, fragments)) {
        removed.push(f.text);
        const key = marginKey(f.text);
        const entry = margins.get(key) ?? { text: key === "#" ? "(page numbers)" : f.text, pages: 0 };
        entry.pages += 1;
        margins.set(key, entry);
      } else body.push(f);
    }
    const gutterMin = Math.max(4, median(body.map((f) => f.size)) * 0.5);
    const { blocks, columns } = order(body, gutterMin);
    const text = paragraphs(blocks, lexicon).join("\n\n");
    return { index: page.index, ...(page.label !== undefined ? { label: page.label } : {}), text, columns, margins: removed };
  });
  return {
    pages: read,
    emptyPages: read.filter((p) => p.text === "").map((p) => p.index),
    multiColumnPages: read.filter((p) => p.columns > 1).map((p) => p.index),
    margins: [...margins.values()].sort((a, b) => b.pages - a.pages || a.text.localeCompare(b.text)),
    characters: read.reduce((n, p) => n + p.text.length, 0),
  };
}
