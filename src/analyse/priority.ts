// The priority of a flagged topic (witte vlek or mogelijke witte vlek): a score of points
// anyone can recompute by hand, with the weights in rules.yaml `priority_weights`:
//
//   score = per_group × groups
//         + shortfall × (national shortfall + regional shortfall)
//         + robust, when no single change flips the verdict
//
// National shortfall = (threshold − national) / threshold, regional shortfall =
// (required − regional) / required, each at least 0. An unknown regional coverage counts as
// 0.5, the middle of the 0–1 that a region without evidence may be. Ties: a witte vlek
// first, then more groups, then the matrix order.

import type { Rules } from "../model.js";
import { priorityWeights } from "./certaintyRules.js";
import { roundScore } from "./scoring.js";
import type { Priority, TopicCoverage } from "./coverage.js";

export function isFlagged(topic: Pick<TopicCoverage, "verdict">): boolean {
  return topic.verdict === "witte-vlek" || topic.verdict === "mogelijke-witte-vlek";
}

/** The points of one flagged topic, without its rank. */
export function priorityScore(topic: Pick<TopicCoverage, "demand" | "national" | "regional" | "required" | "robust">, rules: Rules): Omit<Priority, "rank"> {
  const weights = priorityWeights(rules);
  const threshold = rules.national_threshold;
  const nationalShortfall = threshold > 0 ? roundScore(Math.max(0, threshold - topic.national.score) / threshold) : 0;
  const required = topic.required ?? 0;
  const regional = topic.regional.score ?? 0.5;
  const regionalShortfall = required > 0 ? roundScore(Math.max(0, required - regional) / required) : 0;
  const groups = topic.demand.groups.length;
  const score = roundScore(weights.per_group * groups + weights.shortfall * (nationalShortfall + regionalShortfall) + (topic.robust ? weights.robust : 0));
  return { score, groups, nationalShortfall, regionalShortfall, robust: topic.robust };
}

/** Ranks the flagged topics; topics not flagged get no entry. */
export function assignPriorities(topics: readonly TopicCoverage[], rules: Rules): Map<string, Priority> {
  const scored = topics.map((topic, order) => ({ topic, order, points: priorityScore(topic, rules) })).filter(({ topic }) => isFlagged(topic));
  scored.sort(
    (a, b) =>
      b.points.score - a.points.score ||
      Number(b.topic.verdict === "witte-vlek") - Number(a.topic.verdict === "witte-vlek") ||
      b.points.groups - a.points.groups ||
      a.order - b.order,
  );
  return new Map(scored.map(({ topic, points }, i) => [topic.id, { rank: i + 1, ...points }]));
}
