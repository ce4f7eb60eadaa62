// The numbers of rules.yaml that say how sure a verdict is, with what their absence means:
// a rules file written before they existed keeps giving exactly the verdicts it gave then.

import type { Prevalence, Rules } from "../model.js";

export type PrevalenceWord = Exclude<Prevalence, "not-assessed">;

/** Used when rules.yaml has no `sensitivity_steps` (documented in the schema). */
export const DEFAULT_SENSITIVITY_STEPS = { score: 0.05, regions: 1 } as const;

/** Used when rules.yaml has no `priority_weights` (documented in the schema). */
export const DEFAULT_PRIORITY_WEIGHTS = { per_group: 1, shortfall: 2, robust: 1 } as const;

/** The range a prevalence word stands for; without ranges in the rules, the word's exact share. */
export function prevalenceRange(rules: Rules, word: PrevalenceWord): { low: number; high: number } {
  const share = rules.prevalence_shares[word];
  return rules.prevalence_ranges?.[word] ?? { low: share, high: share };
}

/**
 * Regions with evidence needed before a regional score counts: the rules' minimum, never more
 * than the regions of the sample (a sample of two cannot be asked for three), at least 1.
 */
export function minimumEvidenceRegions(rules: Rules, sampleRegions: number): number {
  return Math.max(1, Math.min(rules.minimum_evidence_regions ?? 1, sampleRegions));
}

export function sensitivitySteps(rules: Rules): { score: number; regions: number } {
  return rules.sensitivity_steps ?? DEFAULT_SENSITIVITY_STEPS;
}

export function priorityWeights(rules: Rules): { per_group: number; shortfall: number; robust: number } {
  return rules.priority_weights ?? DEFAULT_PRIORITY_WEIGHTS;
}
