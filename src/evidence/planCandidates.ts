// Candidate passages of a region plan for every topic of its scaffold (`region add --from`):
// the best passages `screen` would rank, cleaned as screen's register entries are, so that a
// candidate the researcher uncomments as `quote:` passes the quote check as it stands.

import type { Topic } from "../model.js";
import { isQuotable, pasteableQuote } from "./quoteForm.js";
import { screenTopic, topicTerms } from "./screenTopic.js";
import type { SourceText } from "./sourceText.js";

export interface PlanCandidate {
  page: number;
  /** The passage as a verbatim text the data may hold. */
  quote: string;
  score: number;
  matched: string[];
  heading: string[];
  /** Better candidates with exactly the same terms (see ScreenCandidate.repeats). */
  repeats: number;
  /** The heading that makes the page a word list, if it is one. */
  wordList?: string;
}

/** Most candidates per topic `region add --from` writes. */
export const MAX_CANDIDATES = 10;

/** Per topic id, its `k` best quotable candidate passages in `text` (fewer where fewer match). */
export function planCandidates(topics: readonly Topic[], text: SourceText, k: number, stem: (word: string) => string): Map<string, PlanCandidate[]> {
  const out = new Map<string, PlanCandidate[]>();
  for (const topic of topics) {
    const picked: PlanCandidate[] = [];
    for (const c of screenTopic([text], topicTerms(topic), undefined, stem)) {
      if (picked.length >= k) break;
      const quote = pasteableQuote(c.text);
      if (!isQuotable(quote)) continue;
      picked.push({
        page: c.page,
        quote,
        score: c.score,
        matched: c.matched,
        heading: c.heading,
        repeats: c.repeats,
        ...(c.wordList !== undefined ? { wordList: c.wordList } : {}),
      });
    }
    out.set(topic.id, picked);
  }
  return out;
}
