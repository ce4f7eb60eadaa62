// The plain texts of the source documents, split into pages, and the one comparison every
// verbatim check uses. Texts converted from PDFs differ from a quote in ways that carry no
// meaning — line breaks, soft hyphens, words hyphenated at a line end, the style of quote
// marks and dashes — so both sides are compared after the same normalisation.

import type { Page } from "../model.js";
import { pageRange } from "../model.js";
import { PAGE_MARKER_SPLIT } from "./pageMarkers.js";

/** One page of a source text: its number (1 for a text without page markers) and its text. */
export interface SourcePage {
  page: number;
  text: string;
  /** The text normalised for comparison (see normaliseForComparison). */
  normalised: string;
}

export interface SourceText {
  /** Document id of the register. */
  doc: string;
  /** Where the text was read from, for messages. */
  path: string;
  /** True when the text has `## Page N` markers, so quotes can be checked to the page. */
  paged: boolean;
  pages: SourcePage[];
}

/**
 * Normalises a text for comparison: NFC; soft hyphens (U+00AD) and the space after them
 * removed; a hyphen between a letter and a lowercase letter across whitespace joined
 * ("gezond- heid" → "gezondheid"), and a hyphen inside a word dropped too ("preventie-infrastructuur" ≡ "preventieinfrastructuur": whether a line-end hyphen was a break or part of the word is a guess either way); curly and straight quote marks made one, dashes made
 * one; and every whitespace removed, because extracted text breaks lines (and sometimes
 * words) at arbitrary places. Both a quote and its source go through this.
 */
export function normaliseForComparison(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\u00AD\s*/g, "")
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/([\p{L}\p{N}])-\s*(\p{L})/gu, "$1$2")
    .split(/[\s\u200B\uFEFF]+/)
    .join(""); // as replace(…, "") but about twice as fast on a whole publication
}

/** Splits a text at its `## Page N` lines; a text without them is one page, number 1. */
export function parseSourceText(doc: string, path: string, text: string): SourceText {
  if (!PAGE_MARKER_SPLIT.test(text)) return { doc, path, paged: false, pages: [{ page: 1, text, normalised: normaliseForComparison(text) }] };
  const parts = text.split(PAGE_MARKER_SPLIT);
  const pages: SourcePage[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1] ?? "";
    pages.push({ page: Number(parts[i]), text: body, normalised: normaliseForComparison(body) });
  }
  return { doc, path, paged: true, pages };
}

/** The pieces of a quote between elisions (` […] ` or ` [...] `), normalised. */
export function quotePieces(quote: string): string[] {
  return quote
    .split(/\[(?:…|\.\.\.)\]/)
    .map(normaliseForComparison)
    .filter((piece) => piece.length > 0);
}

/** Characters two normalised texts must share for one to be a passage of the other. */
const OVERLAP = 40;

/**
 * True when a passage and a quote (with its elisions) overlap: they share a stretch of 40
 * characters after normalisation, or the shorter stands whole in the longer.
 */
export function overlapsQuote(passage: string, quote: string): boolean {
  const a = normaliseForComparison(passage);
  for (const piece of quotePieces(quote)) {
    if (piece.length <= OVERLAP ? a.includes(piece) : false) return true;
    if (a.length <= OVERLAP && piece.includes(a)) return true;
    for (let i = 0; i + OVERLAP <= piece.length; i += 5) if (a.includes(piece.slice(i, i + OVERLAP))) return true;
    if (piece.length > OVERLAP && a.includes(piece.slice(piece.length - OVERLAP))) return true;
  }
  return false;
}

/** True when every piece occurs in `haystack`, in order. */
function piecesIn(pieces: readonly string[], haystack: string): boolean {
  let at = 0;
  for (const piece of pieces) {
    const found = haystack.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

function joinedPages(text: SourceText, from: number, to: number): string {
  return text.pages
    .filter((p) => p.page >= from && p.page <= to)
    .map((p) => p.normalised)
    .join("");
}

export type QuoteLocation = { found: "on-page" } | { found: "other-page"; page: Page } | { found: "no" };

/**
 * Where a quote stands in a source text: on the cited page (or range), on another page
 * (the first page, or page pair for a passage over a page break, that holds it), or not at
 * all. Without a cited page, or in a text without page markers, anywhere counts as on-page.
 */
export function locateQuote(text: SourceText, quote: string, cited: Page | undefined): QuoteLocation {
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return { found: "on-page" };
  if (!text.paged || cited === undefined) {
    return text.pages.some((p) => piecesIn(pieces, p.normalised)) || piecesIn(pieces, joinedPages(text, -Infinity, Infinity))
      ? { found: "on-page" }
      : { found: "no" };
  }
  const [from, to] = pageRange(cited);
  if (piecesIn(pieces, joinedPages(text, from, to))) return { found: "on-page" };
  for (const page of text.pages) {
    if (piecesIn(pieces, page.normalised)) return { found: "other-page", page: page.page };
  }
  for (let i = 0; i + 1 < text.pages.length; i++) {
    const a = text.pages[i]!;
    const b = text.pages[i + 1]!;
    if (piecesIn(pieces, a.normalised + b.normalised)) return { found: "other-page", page: `${a.page}-${b.page}` };
  }
  return { found: "no" };
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The passage of a source text most like a quote that was not found: the window of as many
 * words as the quote that shares the most of its words, with its page. For hints only.
 */
export function closestPassage(text: SourceText, quote: string): { page: number; passage: string; cut?: true } | undefined {
  const wanted = new Map<string, number>();
  for (const word of quote.toLowerCase().normalize("NFC").match(WORD) ?? []) wanted.set(word, (wanted.get(word) ?? 0) + 1);
  const length = [...wanted.values()].reduce((a, b) => a + b, 0);
  if (length === 0) return undefined;
  let best: { score: number; page: number; words: string[]; start: number } | undefined;
  for (const page of text.pages) {
    const words =
      page.text
        .normalize("NFC")
        .replace(/\u00AD\s*/g, "")
        .match(/\S+/g) ?? [];
    const keys = words.map((w) => (w.toLowerCase().match(WORD) ?? []).join(""));
    const counts = new Map<string, number>();
    let score = 0;
    const add = (key: string, delta: number): void => {
      const need = wanted.get(key);
      if (need === undefined) return;
      const before = counts.get(key) ?? 0;
      const after = before + delta;
      counts.set(key, after);
      score += Math.min(after, need) - Math.min(before, need);
    };
    for (let i = 0; i < keys.length; i++) {
      add(keys[i]!, 1);
      if (i >= length) add(keys[i - length]!, -1);
      if (!best || score > best.score) best = { score, page: page.page, words, start: Math.max(0, i - length + 1) };
    }
  }
  if (!best || best.score === 0) return undefined;
  const passage = best.words.slice(best.start, best.start + length).join(" ");
  // Cut at a word and marked by the caller, not with "…": the passage is offered to paste as it stands.
  if (passage.length <= 160) return { page: best.page, passage };
  const start = passage.slice(0, 160);
  return { page: best.page, passage: start.includes(" ") ? start.slice(0, start.lastIndexOf(" ")) : start, cut: true };
}
