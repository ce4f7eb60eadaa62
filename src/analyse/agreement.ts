// Inter-rater agreement between two assessments of one region plan: per topic the pair of
// statuses, the percentage of agreement, and Cohen's kappa, unweighted and linearly weighted
// for the ordered statuses (absent < ambition < concrete). Pure.
//
// `unknown` is no judgement: a topic that either assessor left `unknown` (or did not list) is
// reported as a pair but left out of the percentage and both kappas, which are computed over
// the topics both assessors judged.

import type { PlanStatus } from "../model.js";

export const ORDERED_STATUSES = ["absent", "ambition", "concrete"] as const;
type Judged = (typeof ORDERED_STATUSES)[number];

export interface AgreementPair {
  topic: string;
  a: PlanStatus;
  b: PlanStatus;
  /** False when either is `unknown`: not counted. */
  compared: boolean;
  agree: boolean;
}

export interface Agreement {
  pairs: AgreementPair[];
  /** Topics both assessors judged. */
  compared: number;
  /** Of those, how many got the same status. */
  agreeing: number;
  /** agreeing / compared, or null when nothing was compared. */
  percentage: number | null;
  /** Cohen's kappa; null when undefined (nothing compared, or both used one status only). */
  kappa: number | null;
  /** Cohen's kappa with linear weights 1 − |i − j| / 2 over absent, ambition, concrete. */
  weightedKappa: number | null;
  /** counts[i][j]: topics assessor A put in status i and B in status j (ORDERED_STATUSES order). */
  counts: number[][];
}

/**
 * Cohen's kappa of a square cross table (counts[i][j]: items coder A put in category i and B in
 * category j) with agreement weights `weight(i, j)` (1 on the diagonal; for the unweighted kappa
 * 0 elsewhere). Null when undefined: no items, or chance agreement 1.
 */
export function cohensKappa(counts: number[][], weight: (i: number, j: number) => number): number | null {
  const n = counts.flat().reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const k = counts.length;
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const cols = counts[0]!.map((_, j) => counts.reduce((sum, row) => sum + row[j]!, 0) / n);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += weight(i, j) * (counts[i]![j]! / n);
      expected += weight(i, j) * rows[i]! * cols[j]!;
    }
  }
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1e4) / 1e4);

/**
 * Compares two assessments' findings (status per topic id; a missing topic is `unknown`).
 * @returns pairs in topic-id order, and the agreement figures rounded to 4 decimals
 */
export function computeAgreement(a: Readonly<Record<string, { status: PlanStatus }>>, b: Readonly<Record<string, { status: PlanStatus }>>): Agreement {
  const topics = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const index = (s: PlanStatus): number => ORDERED_STATUSES.indexOf(s as Judged);
  const counts = ORDERED_STATUSES.map(() => ORDERED_STATUSES.map(() => 0));
  const pairs = topics.map((topic): AgreementPair => {
    const sa = Object.hasOwn(a, topic) ? a[topic]!.status : "unknown";
    const sb = Object.hasOwn(b, topic) ? b[topic]!.status : "unknown";
    const compared = sa !== "unknown" && sb !== "unknown";
    if (compared) counts[index(sa)]![index(sb)]!++;
    return { topic, a: sa, b: sb, compared, agree: sa === sb };
  });
  const compared = pairs.filter((p) => p.compared).length;
  const agreeing = pairs.filter((p) => p.compared && p.agree).length;
  const last = ORDERED_STATUSES.length - 1;
  return {
    pairs,
    compared,
    agreeing,
    percentage: compared === 0 ? null : round(agreeing / compared),
    kappa: round(cohensKappa(counts, (i, j) => (i === j ? 1 : 0))),
    weightedKappa: round(cohensKappa(counts, (i, j) => 1 - Math.abs(i - j) / last)),
    counts,
  };
}
