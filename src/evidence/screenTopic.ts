// `dekking screen`: candidate passages for a topic in the available source texts, ranked
// with BM25 over Dutch stems, each marked with the decision the screening register already
// holds for it, or with the region files that cite it. Pure: texts, terms and the register in; ranked candidates out.
//
// Transparent by construction: a passage is a sentence or a few consecutive sentences of one
// paragraph (at most about 400 characters, cut only at a sentence end), a candidate only when
// one of the search terms stands in it, and it carries the terms that matched — in its own
// words, and in a heading of its page, which adds to its score. Two rules shape the order
// beyond the score of a passage alone, and each candidate says when one touched it: a
// candidate that matched exactly the same terms as better ones counts half for each of them
// (`repeats`), so that five passages repeating one word do not crowd out the passage that
// says the topic in other words; and a passage of a word list (a page headed Woordenlijst,
// Begrippenlijst, Afkortingen) comes after the passages of the text itself (`wordList`): it
// defines a word, it does not say what the document does.

import type { ExclusionReason, LoadedRegionPlan, Page, Topic, TopicScreening } from "../model.js";
import { pageRange } from "../model.js";
import { normaliseForComparison, overlapsQuote, quotePieces, type SourceText } from "./sourceText.js";

/** A sentence-sized piece of a source text. */
export interface Passage {
  doc: string;
  page: number;
  /** The passage as it stands in the text (whitespace collapsed). */
  text: string;
}

export interface ScreenCandidate extends Passage {
  /**
   * The ranking score (higher is more relevant): BM25 plus the heading boost, times the
   * coordination factor, times NOVELTY for each of `repeats`; passages without a match are left out.
   */
  score: number;
  /** The search terms found in the passage. */
  matched: string[];
  /** Search terms found in a heading of the passage's page (they raise the score). */
  heading: string[];
  /** How many candidates ranked before this one matched exactly the same terms (each halves the score). */
  repeats: number;
  /** The heading that makes the passage's page a word list (such candidates come after the others); absent otherwise. */
  wordList?: string;
  /** What the screening register says of this passage for the topic, or which region files cite it. */
  mark:
    | { decision: "linked"; action: string }
    | { decision: "excluded"; reason: ExclusionReason }
    | { decision: "cited"; citations: Citation[] }
    | { decision: "new" };
}

/** A passage a region file cites for a topic (`gekoppeld` in screen's output). */
export interface Citation {
  region: string;
  topic: string;
  /** The region file, relative to the data folder. */
  file: string;
}

/** A quote of a region file, with where it stands. */
export interface CitedQuote extends Citation {
  doc: string;
  page: Page;
  quote: string;
}

/** Every quote the region files cite from a document, with its region and topic. */
export function citedQuotes(plans: readonly LoadedRegionPlan[]): CitedQuote[] {
  const out: CitedQuote[] = [];
  for (const plan of plans) {
    const own = plan.plan.document;
    for (const [topic, finding] of Object.entries(plan.findings)) {
      const passages = [
        ...(finding.quote !== undefined && finding.page !== undefined ? [{ quote: finding.quote, page: finding.page }] : []),
        ...(finding.quotes ?? []),
      ];
      for (const p of passages) {
        const doc = ("doc" in p ? p.doc : undefined) ?? own;
        if (doc !== undefined) out.push({ region: plan.region, topic, file: plan.file, doc, page: p.page, quote: p.quote });
      }
    }
  }
  return out;
}

/** A search term, where it comes from, and its weight in the score. */
export interface SearchTerm {
  term: string;
  from: "keyword" | "label" | "question";
  weight: number;
}

/** A passage grows sentence by sentence up to this many characters. */
export const PASSAGE_CHARACTERS = 400;
/** …and at most this many sentences. */
const PASSAGE_SENTENCES = 3;

// Function words and the words every analysis question is built from ("Is er aandacht voor
// … in de regio?"): they say nothing about a topic.
const STOPWORDS = new Set(
  (
    "aan al alle als andere bij dan dat de deze die dit door een en er haar hebben heeft het hoe hun ik in is je kan kunnen " +
    "maar meer met mogen na naar niet nog of om onder ook op over te tegen tot uit van veel voor wat we welke wie wij worden " +
    "wordt zal ze zelf zich zij zijn zo zoals zou " +
    "aandacht bijdraagt gericht mate plan regio regio's regioplan regioplannen sprake manier tussen binnen thema opgenomen"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase words of a text, NFC, soft hyphens removed. */
function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .replace(/\u00AD\s*/g, "")
      .toLowerCase()
      .match(WORD) ?? []
  );
}

/**
 * The terms to search a topic with: its keywords, the content words of its label and those of
 * its analysis questions, each of weight 1 (the words of the questions' frame are stopwords).
 */
export function topicTerms(topic: Pick<Topic, "label" | "keywords" | "questions">): SearchTerm[] {
  const content = (text: string): string[] => wordsOf(text.replace(/’/g, "'")).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
  return [
    ...(topic.keywords ?? []).map((term) => ({ term, from: "keyword" as const, weight: 1 })),
    ...content(topic.label).map((term) => ({ term, from: "label" as const, weight: 1 })),
    ...(topic.questions ?? []).flatMap(content).map((term) => ({ term, from: "question" as const, weight: 1 })),
  ];
}

interface Sentence {
  text: string;
  words: string[];
  stems: string[];
}

interface Block {
  doc: string;
  page: number;
  sentences: Sentence[];
}

/**
 * A line that reads as a heading: short, no sentence end, starting with a capital, after a
 * section number if any ("3.2.7. Eén tegen eenzaamheid", "4 Aanpak").
 */
export function isHeadingLine(line: string): boolean {
  const title = line.replace(/^\d+(?:\.\d+)*\.?\s+(?=\p{Lu})/u, "");
  return title.length >= 4 && line.length <= 80 && /^\p{Lu}/u.test(title) && !/[.!?;:,]$/.test(line) && line.split(" ").length <= 10;
}

/**
 * A line of a table of contents: a run of five or more leader dots ("Zorgdomein ....... 11").
 * It names a chapter and its page; it is neither a passage nor a heading of its page.
 */
export function isContentsLine(line: string): boolean {
  return /(?:\.\s?){5,}|…{2,}/.test(line);
}

/** The sentences of a paragraph; one longer than a passage is cut at spaces into passage-sized parts. */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  for (const sentence of paragraph.split(/(?<=[.!?;:])\s+(?=[\p{Lu}\p{N}“"‘'(•−–-])|\s+(?=[•−–-] )/u)) {
    let rest = sentence.trim();
    while (rest.length > PASSAGE_CHARACTERS) {
      const cut = rest.lastIndexOf(" ", PASSAGE_CHARACTERS);
      const at = cut > PASSAGE_CHARACTERS / 2 ? cut : PASSAGE_CHARACTERS;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest.length > 0) out.push(rest);
  }
  return out;
}

interface Layout {
  blocks: Block[];
  /** Per document and page, the words of its heading lines (running heads and feet left out). */
  headings: Map<string, { words: string[]; stems: string[] }[]>;
  /** Per document and page (same key), the heading line that makes the page a word list. */
  wordLists: Map<string, string>;
}

/**
 * A heading that opens a word list: Woordenlijst, (Verklarende) Begrippenlijst, Begrippen,
 * Afkortingen(lijst), Lijst van afkortingen, after a page or chapter number if any.
 */
const WORD_LIST_HEADING =
  /^(?:[\d.]+\s+)?(?:verklarende\s+|lijst\s+(?:van|met)\s+)?(?:woordenlijst|begrippenlijst|begrippen|afkortingenlijst|afkortingen)(?![\p{L}\p{N}])/u;

/** Whether a heading line opens a word list (see WORD_LIST_HEADING). */
export function isWordListHeading(line: string): boolean {
  return WORD_LIST_HEADING.test(line.normalize("NFC").toLowerCase());
}

/**
 * Splits source texts into paragraphs of sentences and collects each page's headings. A
 * heading line found on more than a tenth of a document's pages (a running head, the table of
 * contents in the margin) is page furniture, not a heading.
 */
function layoutOf(texts: readonly SourceText[], stem: (word: string) => string): Layout {
  const blocks: Block[] = [];
  const headings: Layout["headings"] = new Map();
  const wordLists: Layout["wordLists"] = new Map();
  for (const text of texts) {
    let layout = layouts.get(text);
    if (layout?.stem !== stem) {
      layout = { stem, ...layoutOfText(text, stem) };
      layouts.set(text, layout);
    }
    blocks.push(...layout.blocks);
    for (const [key, lines] of layout.headings) headings.set(key, lines);
    for (const [key, line] of layout.wordLists) wordLists.set(key, line);
  }
  return { blocks, headings, wordLists };
}

// `region add --from` ranks one text for every topic: it is split and stemmed once.
const layouts = new WeakMap<SourceText, Layout & { stem: (word: string) => string }>();

function layoutOfText(text: SourceText, stem: (word: string) => string): Layout {
  const blocks: Block[] = [];
  const headings: Layout["headings"] = new Map();
  const wordLists: Layout["wordLists"] = new Map();
  const shape = (line: string): string => line.replace(/\d+/g, "#");
  {
    const lines = text.pages.map((page) => ({
      page: page.page,
      lines: page.text
        .split(/\n/)
        .map((raw) => raw.replace(/\s+/g, " ").trim())
        .filter((l) => l.length > 0),
    }));
    // A line on several pages (page numbers aside) is a running head or foot: at most a
    // heading of those pages, never a passage; one on more than a tenth of the pages (the
    // table of contents in the margin) is neither.
    const onPages = new Map<string, number>();
    for (const page of lines) for (const line of new Set(page.lines.map(shape))) onPages.set(line, (onPages.get(line) ?? 0) + 1);
    const furniture = Math.max(3, text.pages.length / 10);
    for (const page of lines) {
      const pageHeadings: string[] = [];
      for (const paragraph of page.lines) {
        const repeated = onPages.get(shape(paragraph)) ?? 0;
        if (repeated > furniture || isContentsLine(paragraph)) continue;
        if (repeated >= 3 || isHeadingLine(paragraph)) {
          pageHeadings.push(paragraph);
          continue;
        }
        // A word broken at the paragraph's end ("de patiënt-", its rest on the next page) is left
        // out: the quote check joins such a hyphen to the next letter, so a passage ending in it
        // could never be found.
        const whole = paragraph.replace(/\s*\S*\p{L}-$/u, "");
        if (whole.length < 20) continue;
        const sentences = sentencesOf(whole)
          .filter((s) => /[\p{L}\p{N}]/u.test(s))
          .map((s) => {
            const words = wordsOf(s);
            return { text: s, words, stems: words.map(stem) };
          });
        if (sentences.length > 0) blocks.push({ doc: text.doc, page: page.page, sentences });
      }
      const wordList = pageHeadings.find(isWordListHeading);
      if (wordList !== undefined) wordLists.set(`${text.doc}\u0000${page.page}`, wordList);
      headings.set(
        `${text.doc}\u0000${page.page}`,
        pageHeadings.map((l) => {
          const words = wordsOf(l);
          return { words, stems: words.map(stem) };
        }),
      );
    }
  }
  return { blocks, headings, wordLists };
}

/** Splits a source text into passages: sentences and short runs of them within a paragraph. */
export function passagesOf(text: SourceText, stem: (word: string) => string): Passage[] {
  return windowsOf(layoutOf([text], stem).blocks).map((w) => w.passage);
}

interface Window {
  passage: Passage;
  block: number;
  first: number;
  last: number;
}

/** Every run of 1 to PASSAGE_SENTENCES sentences of a paragraph within PASSAGE_CHARACTERS. */
function windowsOf(blocks: readonly Block[]): Window[] {
  const windows: Window[] = [];
  blocks.forEach((block, b) => {
    for (let first = 0; first < block.sentences.length; first++) {
      let text = "";
      for (let last = first; last < block.sentences.length && last < first + PASSAGE_SENTENCES; last++) {
        const next = text === "" ? block.sentences[last]!.text : `${text} ${block.sentences[last]!.text}`;
        if (last > first && next.length > PASSAGE_CHARACTERS) break;
        text = next;
        if (text.length >= 20) windows.push({ passage: { doc: block.doc, page: block.page, text }, block: b, first, last });
      }
    }
  });
  return windows;
}

interface Term {
  term: string;
  weight: number;
  words: string[];
  stems: string[];
  /** For a one-word compound: its parts, found as words of the texts ("ouderenzorg" → ouderen + zorg). */
  parts?: string[];
}

/**
 * Counts the occurrences of a term in a sentence: a one-word term matches a word with the
 * same stem, or a compound that contains the term (at least 5 letters) or its stem
 * ("mantelzorgondersteuning" for "mantelzorg"); a phrase matches consecutive words with its
 * stems; a compound term also matches a sentence that holds each of its parts.
 */
function occurrences(term: Term, words: readonly string[], stems: readonly string[]): number {
  let count = 0;
  if (term.words.length === 1) {
    const [word] = term.words as [string];
    const [stem] = term.stems as [string];
    for (let i = 0; i < words.length; i++) {
      if (stems[i] === stem || (word.length >= 5 && words[i]!.includes(word)) || (stem.length >= 5 && words[i]!.includes(stem))) count++;
    }
    if (count === 0 && term.parts) count = Math.min(...term.parts.map((part) => stems.filter((s) => s === part).length));
    return count;
  }
  outer: for (let i = 0; i + term.stems.length <= stems.length; i++) {
    for (let j = 0; j < term.stems.length; j++) if (stems[i + j] !== term.stems[j]) continue outer;
    count++;
  }
  return count;
}

/**
 * The parts of a one-word compound as stems of words the texts hold: the longest head of at
 * least 4 letters (a linking -s- or -e- dropped) whose stem is a word of the texts, and a tail
 * of at least 4 letters that is one too. Dutch writes compounds as one word, so a plan's
 * "zorg voor ouderen" would otherwise never meet the keyword "ouderenzorg".
 */
function compoundParts(word: string, vocabulary: ReadonlySet<string>, stem: (word: string) => string): string[] | undefined {
  for (let at = word.length - 4; at >= 4; at--) {
    const tail = stem(word.slice(at));
    if (!vocabulary.has(tail)) continue;
    for (const head of [word.slice(0, at), word.slice(0, at).replace(/(?<=..)[se]$/, "")]) {
      if (head.length >= 4 && vocabulary.has(stem(head))) return [stem(head), tail];
    }
  }
  return undefined;
}

/** BM25 parameters (the common defaults of the literature). */
const K1 = 1.2;
const B = 0.75;
/** What a term in a heading of the page adds, as a share of its weight and idf. */
const HEADING_BOOST = 0.5;
/** What each further distinct term found adds to the score, as a share. */
const COORDINATION = 0.2;
/**
 * The factor a candidate's score takes for each better candidate that matched exactly the same
 * terms: the second passage with only "ervaringsdeskundig" counts half, the third a quarter.
 */
export const NOVELTY = 0.5;

/**
 * Ranks the passages of `texts` for `terms` and marks each with the register's decision.
 * Overlapping runs of sentences compete: only the best of those sharing a sentence is kept.
 * Then the order: the candidates of the text itself before those of a word list, each time by
 * score after the novelty factor (NOVELTY for each better candidate with the same terms).
 * @param terms search terms; a plain string is a keyword of weight 1
 * @param stem a Dutch stemmer (see dutchStem.ts)
 * @param cited the quotes of the region files (citedQuotes): a passage one overlaps, on its page, is `cited`
 * @returns candidates with at least one term, best first (ties: document, page, text order)
 */
export function screenTopic(
  texts: readonly SourceText[],
  terms: readonly (string | SearchTerm)[],
  screening: TopicScreening | undefined,
  stem: (word: string) => string,
  cited: readonly CitedQuote[] = [],
): ScreenCandidate[] {
  const { blocks, headings, wordLists } = layoutOf(texts, stem);
  const vocabulary = new Set(blocks.flatMap((b) => b.sentences.flatMap((s) => s.stems)));
  // Terms with the same stems ("eenzaamheid", "eenzaam") are one term: counting both would
  // weigh a word twice only because it was listed in two forms. The first (a keyword) wins.
  const query: Term[] = [];
  const seen = new Set<string>();
  for (const given of terms) {
    const { term, weight } = typeof given === "string" ? { term: given, weight: 1 } : given;
    const words = wordsOf(term.trim());
    const stems = words.map(stem);
    const key = stems.join(" ");
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const parts = words.length === 1 && words[0]!.length >= 8 ? compoundParts(words[0]!, vocabulary, stem) : undefined;
    query.push({ term: term.trim(), weight, words, stems, ...(parts ? { parts } : {}) });
  }
  // Counts per sentence; a window's count is the sum over its sentences.
  const sentenceCounts = blocks.map((block) => block.sentences.map((s) => query.map((term) => occurrences(term, s.words, s.stems))));
  const windows = windowsOf(blocks);
  const counts = windows.map((w) =>
    query.map((_, t) => {
      let n = 0;
      for (let s = w.first; s <= w.last; s++) n += sentenceCounts[w.block]![s]![t]!;
      return n;
    }),
  );
  const lengths = windows.map((w) => {
    let n = 0;
    for (let s = w.first; s <= w.last; s++) n += blocks[w.block]!.sentences[s]!.words.length;
    return n;
  });
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
  // Document frequency over sentences, so that a run of three does not count a word three times.
  const allSentences = sentenceCounts.flat();
  const documentFrequency = query.map((_, t) => allSentences.filter((c) => c[t]! > 0).length);
  const idf = documentFrequency.map((df) => Math.log(1 + (allSentences.length - df + 0.5) / (df + 0.5)));
  const headingTerms = new Map<string, number[]>();
  for (const [key, lines] of headings) {
    headingTerms.set(
      key,
      query.flatMap((term, t) => (lines.some((line) => occurrences(term, line.words, line.stems) > 0) ? [t] : [])),
    );
  }
  const decided = (screening?.candidates ?? []).map((c) => ({ candidate: c, pieces: quotePieces(c.excerpt), range: pageRange(c.page) }));

  const scored: { window: Window; score: number; matched: string[]; heading: string[]; order: number }[] = [];
  windows.forEach((w, index) => {
    let score = 0;
    const matched: string[] = [];
    query.forEach((term, t) => {
      const tf = counts[index]![t]!;
      if (tf === 0) return;
      matched.push(term.term);
      score += term.weight * idf[t]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[index]!) / averageLength)));
    });
    if (matched.length === 0) return;
    // A passage that meets the topic in several of its terms is about it more surely than one
    // that repeats a single term.
    score *= 1 + COORDINATION * (matched.length - 1);
    const heading: string[] = [];
    for (const t of headingTerms.get(`${w.passage.doc}\u0000${w.passage.page}`) ?? []) {
      heading.push(query[t]!.term);
      score += HEADING_BOOST * query[t]!.weight * idf[t]!;
    }
    scored.push({ window: w, score, matched, heading, order: index });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const taken = new Set<string>();
  const found: { candidate: Omit<ScreenCandidate, "score" | "repeats">; score: number; wordList: boolean }[] = [];
  for (const { window: w, score, matched, heading } of scored) {
    const sentences = Array.from({ length: w.last - w.first + 1 }, (_, i) => `${w.block}:${w.first + i}`);
    if (sentences.some((s) => taken.has(s))) continue;
    for (const s of sentences) taken.add(s);
    const normalised = normaliseForComparison(w.passage.text);
    const hit = decided.find(({ candidate, pieces, range }) => {
      if (candidate.doc !== w.passage.doc || w.passage.page < range[0] || w.passage.page > range[1]) return false;
      // The same passage when the excerpt's first piece stands in it, or it stands in the excerpt.
      return (pieces[0] !== undefined && normalised.includes(pieces[0].slice(0, 80))) || pieces.some((piece) => piece.includes(normalised.slice(0, 80)));
    })?.candidate;
    const citations = hit
      ? []
      : cited.filter((q) => {
          const [from, to] = pageRange(q.page);
          return q.doc === w.passage.doc && w.passage.page >= from && w.passage.page <= to && overlapsQuote(w.passage.text, q.quote);
        });
    const mark: ScreenCandidate["mark"] = !hit
      ? citations.length > 0
        ? { decision: "cited", citations: citations.map(({ region, topic, file }) => ({ region, topic, file })) }
        : { decision: "new" }
      : hit.decision === "linked"
        ? { decision: "linked", action: hit.action ?? "" }
        : { decision: "excluded", reason: hit.reason ?? "off-topic" };
    const wordList = wordLists.get(`${w.passage.doc}\u0000${w.passage.page}`);
    found.push({
      candidate: { ...w.passage, matched, heading, mark, ...(wordList !== undefined ? { wordList } : {}) },
      score,
      wordList: wordList !== undefined,
    });
  }
  return noveltyOrder(found);
}

/**
 * Orders scored candidates: those of the text before those of a word list; within each, by
 * score times NOVELTY^n, n the number of candidates before it with exactly the same matched
 * terms. Ranking greedily (take the best, then rescore the rest) gives this same order: the
 * n-th passage of a term set always has n of its set before it, since its better-scored
 * siblings outrank it at every step. Ties keep the order of `found`.
 * @param found candidates in descending score order (ties already broken), without score and repeats
 */
function noveltyOrder(found: readonly { candidate: Omit<ScreenCandidate, "score" | "repeats">; score: number; wordList: boolean }[]): ScreenCandidate[] {
  const seen = new Map<string, number>();
  const part = (wordList: boolean): { candidate: ScreenCandidate; score: number; order: number }[] =>
    found
      .map((f, order) => ({ ...f, order }))
      .filter((f) => f.wordList === wordList)
      .map(({ candidate, score, order }) => {
        const key = [...candidate.matched].sort().join("\u0000");
        const repeats = seen.get(key) ?? 0;
        seen.set(key, repeats + 1);
        const adjusted = score * NOVELTY ** repeats;
        const { doc, page, text, matched, heading, mark, wordList: list } = candidate;
        const rounded = Math.round(adjusted * 1000) / 1000;
        return {
          candidate: { doc, page, text, score: rounded, matched, heading, repeats, ...(list !== undefined ? { wordList: list } : {}), mark },
          score: adjusted,
          order,
        };
      })
      .sort((a, b) => b.score - a.score || a.order - b.order);
  return [...part(false), ...part(true)].map((r) => r.candidate);
}
