// Inter-coder agreement between two encodings of one accord (the shipped file and a second
// coding, issue 26), per field: topic links (every action × topic a yes/no decision), strength
// (ordered mention < agreement < measure: unweighted and linearly weighted kappa), scope (over
// the links both coders made) and period (none, or the from–to pair). Pure.
//
// Only actions present in both encodings are compared; the ids only in one are returned so
// the caller can list them.

import type { ActionFile, Period, Strength } from "../model.js";
import { topicLinkId, topicLinkScope } from "../model.js";
import { cohensKappa } from "./agreement.js";

export const ORDERED_STRENGTHS: readonly Strength[] = ["mention", "agreement", "measure"];

/** Percentage agreement and Cohen's kappa of one field. */
export interface FieldAgreement {
  /** Decisions both coders made on this field. */
  compared: number;
  agreeing: number;
  /** agreeing / compared, or null when nothing was compared. */
  percentage: number | null;
  /** Cohen's kappa; null when undefined (nothing compared, or both used one category only). */
  kappa: number | null;
  /** Categories in the order of `counts`. */
  categories: string[];
  /** counts[i][j]: decisions coder A put in category i and B in category j. */
  counts: number[][];
}

export interface Disagreement {
  action: string;
  /** For a topic link or a scope: the topic. */
  topic?: string;
  a: string;
  b: string;
}

export interface AccordAgreement {
  accord: string;
  /** Actions in both encodings, in A's order. */
  actions: string[];
  onlyInA: string[];
  onlyInB: string[];
  /** The topic ids each action × topic decision ranges over. */
  topics: string[];
  links: FieldAgreement & { onlyInA: Disagreement[]; onlyInB: Disagreement[] };
  strength: FieldAgreement & { weightedKappa: number | null; disagreements: Disagreement[] };
  scope: FieldAgreement & { disagreements: Disagreement[] };
  period: FieldAgreement & { disagreements: Disagreement[] };
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1e4) / 1e4);

function field(categories: string[], pairs: readonly [string, string][]): FieldAgreement {
  const counts = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) counts[categories.indexOf(a)]![categories.indexOf(b)]!++;
  const agreeing = pairs.filter(([a, b]) => a === b).length;
  return {
    compared: pairs.length,
    agreeing,
    percentage: pairs.length === 0 ? null : round(agreeing / pairs.length),
    kappa: round(cohensKappa(counts, (i, j) => (i === j ? 1 : 0))),
    categories,
    counts,
  };
}

/** A period as one category: "none", or "from…to" with either end open. */
export function periodKey(period: Period | undefined): string {
  return period === undefined ? "none" : `${period.from ?? ""}…${period.to ?? ""}`;
}

/**
 * Compares two encodings' actions of one accord.
 * @param a the actions of the first encoding (e.g. `data/accords/iza.yaml`)
 * @param b the actions of the second encoding (e.g. `docs/encoding/second-coding/iza.yaml`)
 * @param topics the topic ids a link decision ranges over (the study's taxonomy); ids linked in
 *   either file but missing from it are added, so no link is lost
 * @returns per field the percentage agreement and Cohen's kappa (strength also linearly
 *   weighted), and the disagreements; figures rounded to 4 decimals
 */
export function computeAccordAgreement(accord: string, a: readonly ActionFile[], b: readonly ActionFile[], topics: readonly string[]): AccordAgreement {
  const byIdB = new Map(b.map((action) => [action.id, action]));
  const idsA = new Set(a.map((action) => action.id));
  const shared = a.filter((action) => byIdB.has(action.id));
  const linked = [...a, ...b].flatMap((action) => action.topics.map(topicLinkId));
  const universe = [...new Set([...topics, ...linked])];

  const linkPairs: [string, string][] = [];
  const linksOnlyInA: Disagreement[] = [];
  const linksOnlyInB: Disagreement[] = [];
  const strengthPairs: [string, string][] = [];
  const strengthDisagreements: Disagreement[] = [];
  const scopePairs: [string, string][] = [];
  const scopeDisagreements: Disagreement[] = [];
  const periodPairs: [string, string][] = [];
  const periodDisagreements: Disagreement[] = [];

  for (const actionA of shared) {
    const actionB = byIdB.get(actionA.id)!;
    const scopesA = new Map(actionA.topics.map((link) => [topicLinkId(link), topicLinkScope(link)]));
    const scopesB = new Map(actionB.topics.map((link) => [topicLinkId(link), topicLinkScope(link)]));
    for (const topic of universe) {
      const inA = scopesA.has(topic);
      const inB = scopesB.has(topic);
      linkPairs.push([inA ? "linked" : "not linked", inB ? "linked" : "not linked"]);
      if (inA && !inB) linksOnlyInA.push({ action: actionA.id, topic, a: "linked", b: "not linked" });
      if (!inA && inB) linksOnlyInB.push({ action: actionA.id, topic, a: "not linked", b: "linked" });
      if (inA && inB) {
        const pair: [string, string] = [scopesA.get(topic)!, scopesB.get(topic)!];
        scopePairs.push(pair);
        if (pair[0] !== pair[1]) scopeDisagreements.push({ action: actionA.id, topic, a: pair[0], b: pair[1] });
      }
    }
    strengthPairs.push([actionA.strength, actionB.strength]);
    if (actionA.strength !== actionB.strength) strengthDisagreements.push({ action: actionA.id, a: actionA.strength, b: actionB.strength });
    const periods: [string, string] = [periodKey(actionA.period), periodKey(actionB.period)];
    periodPairs.push(periods);
    if (periods[0] !== periods[1]) periodDisagreements.push({ action: actionA.id, a: periods[0], b: periods[1] });
  }

  const strength = field([...ORDERED_STRENGTHS], strengthPairs);
  const last = ORDERED_STRENGTHS.length - 1;
  const periodCategories = [...new Set(periodPairs.flat())].sort((x, y) => (x === "none" ? -1 : y === "none" ? 1 : x.localeCompare(y)));
  return {
    accord,
    actions: shared.map((action) => action.id),
    onlyInA: a.filter((action) => !byIdB.has(action.id)).map((action) => action.id),
    onlyInB: b.filter((action) => !idsA.has(action.id)).map((action) => action.id),
    topics: universe,
    links: { ...field(["linked", "not linked"], linkPairs), onlyInA: linksOnlyInA, onlyInB: linksOnlyInB },
    strength: { ...strength, weightedKappa: round(cohensKappa(strength.counts, (i, j) => 1 - Math.abs(i - j) / last)), disagreements: strengthDisagreements },
    scope: { ...field(["specific", "general"], scopePairs), disagreements: scopeDisagreements },
    period: { ...field(periodCategories, periodPairs), disagreements: periodDisagreements },
  };
}
