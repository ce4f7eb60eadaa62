// `dekking screen`: candidate passages for a topic in the available source texts, ranked
// with BM25 over Dutch stems, each marked with the decision the screening register already
// holds for it. Pure: texts, terms and the register in; ranked candidates out.

import type { ExclusionReason, TopicScreening } from "../model.js";
import { pageRange } from "../model.js";
import { normaliseForComparison, quotePieces, type SourceText } from "./sourceText.js";

/** A paragraph-sized piece of a source text. */
export interface Passage {
  doc: string;
  page: number;
  /** The passage as it stands in the text (whitespace collapsed). */
  text: string;
}

export interface ScreenCandidate extends Passage {
  /** BM25 score (higher is more relevant); 0 never appears (passages without a match are left out). */
  score: number;
  /** The search terms found in the passage. */
  matched: string[];
  /** What the screening register says of this passage for the topic. */
  mark: { decision: "linked"; action: string } | { decision: "excluded"; reason: ExclusionReason } | { decision: "new" };
}

/** Passages longer than this are split at their bullets (•, −, –) so a candidate stays paragraph-sized. */
const SPLIT_LONGER_THAN = 700;

/** Splits a source text into passages: its paragraphs (lines), long ones at their bullets. */
export function passagesOf(text: SourceText): Passage[] {
  const passages: Passage[] = [];
  for (const page of text.pages) {
    for (const line of page.text.split(/\n\s*\n|\n/)) {
      const paragraph = line.replace(/\s+/g, " ").trim();
      if (paragraph.length < 20) continue;
      const pieces = paragraph.length > SPLIT_LONGER_THAN ? paragraph.split(/ (?=[•−–] )/) : [paragraph];
      for (const piece of pieces) if (piece.trim().length >= 20) passages.push({ doc: text.doc, page: page.page, text: piece.trim() });
    }
  }
  return passages;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase words of a text, NFC, soft hyphens removed. */
function wordsOf(text: string): string[] {
  return text.normalize("NFC").replace(/\u00AD\s*/g, "").toLowerCase().match(WORD) ?? [];
}

interface Term {
  /** The term as given. */
  term: string;
  /** Lowercase words of the term. */
  words: string[];
  /** Their stems. */
  stems: string[];
}

/**
 * Counts the occurrences of a term in a passage: a one-word term matches a word with the
 * same stem, or a compound that contains the term (at least 5 letters) or its stem
 * ("mantelzorgondersteuning" for "mantelzorg"); a phrase matches consecutive words with its stems.
 */
function occurrences(term: Term, words: string[], stems: string[]): number {
  let count = 0;
  if (term.words.length === 1) {
    const [word] = term.words as [string];
    const [stem] = term.stems as [string];
    for (let i = 0; i < words.length; i++) {
      if (stems[i] === stem || (word.length >= 5 && words[i]!.includes(word)) || (stem.length >= 5 && words[i]!.includes(stem))) count++;
    }
    return count;
  }
  outer: for (let i = 0; i + term.stems.length <= stems.length; i++) {
    for (let j = 0; j < term.stems.length; j++) if (stems[i + j] !== term.stems[j]) continue outer;
    count++;
  }
  return count;
}

/** BM25 parameters (the common defaults of the literature). */
const K1 = 1.2;
const B = 0.75;

/**
 * Ranks the passages of `texts` for `terms` and marks each with the register's decision.
 * @param stem a Dutch stemmer (see dutchStem.ts)
 * @returns candidates with at least one term, best first (ties: document, page, text order)
 */
export function screenTopic(texts: readonly SourceText[], terms: readonly string[], screening: TopicScreening | undefined, stem: (word: string) => string): ScreenCandidate[] {
  // Terms with the same stems ("eenzaamheid", "eenzaam") are one term: counting both would
  // weigh a word twice only because it was listed in two forms.
  const query: Term[] = [];
  const seen = new Set<string>();
  for (const term of terms.map((t) => t.trim()).filter(Boolean)) {
    const words = wordsOf(term);
    const stems = words.map(stem);
    const key = stems.join(" ");
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    query.push({ term, words, stems });
  }
  const passages = texts.flatMap(passagesOf);
  const analysed = passages.map((passage) => {
    const words = wordsOf(passage.text);
    return { passage, words, stems: words.map(stem) };
  });
  const averageLength = analysed.reduce((sum, p) => sum + p.words.length, 0) / Math.max(1, analysed.length);
  const counts = analysed.map((p) => query.map((term) => occurrences(term, p.words, p.stems)));
  const documentFrequency = query.map((_, t) => counts.filter((c) => c[t]! > 0).length);
  const idf = documentFrequency.map((df) => Math.log(1 + (analysed.length - df + 0.5) / (df + 0.5)));
  const decided = (screening?.candidates ?? []).map((c) => ({ candidate: c, pieces: quotePieces(c.excerpt), range: pageRange(c.page) }));

  const candidates: (ScreenCandidate & { order: number })[] = [];
  analysed.forEach((p, index) => {
    let score = 0;
    const matched: string[] = [];
    query.forEach((term, t) => {
      const tf = counts[index]![t]!;
      if (tf === 0) return;
      matched.push(term.term);
      score += idf[t]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.words.length) / averageLength)));
    });
    if (matched.length === 0) return;
    const normalised = normaliseForComparison(p.passage.text);
    const hit = decided.find(({ candidate, pieces, range }) => {
      if (candidate.doc !== p.passage.doc || p.passage.page < range[0] || p.passage.page > range[1]) return false;
      // The same passage when the excerpt's first piece stands in it, or it stands in the excerpt.
      return (pieces[0] !== undefined && normalised.includes(pieces[0].slice(0, 80))) || pieces.some((piece) => piece.includes(normalised.slice(0, 80)));
    })?.candidate;
    const mark: ScreenCandidate["mark"] = !hit
      ? { decision: "new" }
      : hit.decision === "linked"
        ? { decision: "linked", action: hit.action ?? "" }
        : { decision: "excluded", reason: hit.reason ?? "off-topic" };
    candidates.push({ ...p.passage, score: Math.round(score * 1000) / 1000, matched, mark, order: index });
  });
  return candidates
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...candidate }) => candidate);
}
