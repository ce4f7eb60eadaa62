// The screening register in numbers, per topic: what the report's method section shows so a
// reader can see how the evidence was searched for.

import type { ExclusionReason, Study } from "../model.js";
import { EXCLUSION_REASONS } from "../model.js";
import { ownValue } from "../ownKeys.js";

export interface TopicScreeningSummary {
  topic: string;
  label: string;
  /** Document ids searched. */
  documents: string[];
  screened: number;
  linked: number;
  /** Excluded passages per reason (every reason present, 0 where none). */
  excluded: Record<ExclusionReason, number>;
}

/** One row per screened topic, in the order of topics.yaml; `totals` sums them. */
export function summariseScreening(study: Study): { rows: TopicScreeningSummary[]; totals: Omit<TopicScreeningSummary, "topic" | "label"> } {
  const zero = (): Record<ExclusionReason, number> => Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const totals = { documents: [] as string[], screened: 0, linked: 0, excluded: zero() };
  const documents = new Set<string>();
  const rows: TopicScreeningSummary[] = [];
  for (const topic of study.topics) {
    const entry = ownValue(study.screening, topic.id);
    if (!entry) continue;
    const excluded = zero();
    let linked = 0;
    for (const candidate of entry.candidates) {
      if (candidate.decision === "linked") linked++;
      else if (candidate.reason) excluded[candidate.reason]++;
    }
    for (const doc of entry.documents) documents.add(doc);
    rows.push({ topic: topic.id, label: topic.label, documents: entry.documents, screened: entry.candidates.length, linked, excluded });
    totals.screened += entry.candidates.length;
    totals.linked += linked;
    for (const reason of EXCLUSION_REASONS) totals.excluded[reason] += excluded[reason];
  }
  totals.documents = [...documents].sort();
  return { rows, totals };
}
