// Regional coverage as an interval. A prevalence word stands for a range of shares
// (rules.yaml `prevalence_ranges`); a plan's status is a point; a sample region with no
// evidence at all counts anywhere from 0 to 1. The pessimistic end takes every range at
// its low end and every region without evidence at 0; the optimistic end the opposite.
// The point estimate of computeCoverage always lies inside: it leaves regions without
// evidence out, and a mean of numbers in [0, 1] lies between the two ends.

import type { Rules } from "../model.js";
import { prevalenceRange } from "./certaintyRules.js";
import { roundScore } from "./scoring.js";
import type { Interval, RegionalCoverage } from "./coverage.js";

/** The interval of a regional coverage, and the sample regions counted at 0–1 in it. */
export function regionalInterval(
  regional: Pick<RegionalCoverage, "score" | "sample" | "plans">,
  sampleRegions: readonly string[],
  rules: Rules,
): { interval: Interval | null; unassessedRegions: number } {
  if (regional.score === null) return { interval: null, unassessedRegions: 0 };
  let low = 0;
  let high = 0;
  let regions = 0;
  const assessed = new Set<string>();
  for (const plan of regional.plans) {
    if (plan.score === null) continue;
    low += plan.score;
    high += plan.score;
    regions++;
    assessed.add(plan.region);
  }
  let unassessedRegions = 0;
  const sample = regional.sample;
  if (sample && sample.share !== null && sample.prevalence !== "not-assessed") {
    const range = prevalenceRange(rules, sample.prevalence);
    const factor = sample.indirect ? rules.indirect_factor : 1;
    low += sample.regions * roundScore(range.low * factor);
    high += sample.regions * roundScore(range.high * factor);
    regions += sample.regions;
  } else {
    unassessedRegions = sampleRegions.filter((r) => !assessed.has(r)).length;
    high += unassessedRegions;
    regions += unassessedRegions;
  }
  return { interval: { low: roundScore(low / regions), high: roundScore(high / regions) }, unassessedRegions };
}
