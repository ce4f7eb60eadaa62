// The scoring kernel: every number a verdict rests on, computed in one place — rounding, the
// score of an action and of a plan's finding, the sample's share, the regional score formula
// with its minimum of evidence, the required coverage, the verdict decision — and the study
// index they read. computeCoverage, intervals, priority and sensitivity import it; it imports
// none of them (checked by dependency-cruiser, .dependency-cruiser.cjs).

import type { Accord, ActionFile, LoadedRegionPlan, PlanFinding, PlanStatus, Prevalence, Rules, Scope, Strength, Study, Theme, TopicLink } from "../model.js";
import { topicLinkId, topicLinkScope } from "../model.js";
import { minimumEvidenceRegions } from "./certaintyRules.js";
import type { Gap, Verdict } from "./coverage.js";

/** Scores are compared after rounding, so 0.1 + 0.2 style float noise never flips a verdict. */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Everything that points at a topic, gathered in one pass over the study, so the work per
 * topic does not grow with the size of the whole study.
 */
export interface StudyIndex {
  themesByTopic: Map<string, Theme[]>;
  actionsByTopic: Map<string, { accord: Accord; action: ActionFile; link: TopicLink }[]>;
  /** Region plans sorted by region name. */
  plans: LoadedRegionPlan[];
  /** Per topic, the plans' findings on it by plan file: one pass over all findings. */
  planFindings: Map<string, Map<string, PlanFinding>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexStudy(study: Study): StudyIndex {
  const themesByTopic = new Map<string, Theme[]>();
  for (const theme of study.interviews.themes) for (const topicId of new Set(theme.topics)) push(themesByTopic, topicId, theme);
  const actionsByTopic: StudyIndex["actionsByTopic"] = new Map();
  for (const accord of study.accords) {
    for (const action of accord.actions) {
      const seen = new Set<string>();
      for (const link of action.topics) {
        const id = topicLinkId(link);
        if (seen.has(id)) continue;
        seen.add(id);
        push(actionsByTopic, id, { accord, action, link });
      }
    }
  }
  const plans = [...study.regionPlans].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.file < b.file ? -1 : 1));
  const planFindings = new Map<string, Map<string, PlanFinding>>();
  for (const plan of plans) {
    for (const [topicId, finding] of Object.entries(plan.findings)) {
      let byFile = planFindings.get(topicId);
      if (!byFile) planFindings.set(topicId, (byFile = new Map()));
      byFile.set(plan.file, finding);
    }
  }
  return { themesByTopic, actionsByTopic, plans, planFindings };
}

/** The score of an action of `strength` for a topic it links with `scope`: the strength's score, times the general-scope factor for a general link. */
export function strengthScore(strength: Strength, scope: Scope, rules: Rules): number {
  return roundScore(rules.strength_scores[strength] * (scope === "general" ? rules.general_scope_factor : 1));
}

/** The score one linked action gives its topic: its strength's score, times the general-scope factor for a general link. */
export function actionScore(action: ActionFile, link: TopicLink, rules: Rules): number {
  return strengthScore(action.strength, topicLinkScope(link), rules);
}

/**
 * The national score alone, as `nationalCoverageOf(…).score` gives it: the highest score of
 * the topic's linked actions (`index.actionsByTopic`, all of accords in the study), 0
 * without any. The sensitivity asks it for every what-if, without the breakdown per accord.
 */
export function nationalScoreOf(entries: readonly { action: ActionFile; link: TopicLink }[], rules: Rules): number {
  let score = 0;
  for (const { action, link } of entries) score = Math.max(score, actionScore(action, link, rules));
  return score;
}

/**
 * The score of a plan's finding on a topic: its status's score, times the indirect factor for
 * indirect evidence and the general-scope factor for a plan written for all inhabitants
 * (which counts like an accord action of general scope).
 */
export function planScoreOf(status: Exclude<PlanStatus, "unknown">, indirect: boolean, general: boolean, rules: Rules): number {
  return roundScore(rules.status_scores[status] * (indirect ? rules.indirect_factor : 1) * (general ? rules.general_scope_factor : 1));
}

/** The share of the sample's plans a prevalence word stands for, times the indirect factor for indirect evidence. */
export function sampleShareOf(prevalence: Exclude<Prevalence, "not-assessed">, indirect: boolean, rules: Rules): number {
  return roundScore(rules.prevalence_shares[prevalence] * (indirect ? rules.indirect_factor : 1));
}

/**
 * The regional score formula: the mean over the counted regions (each assessed plan at its
 * score, each other sample region at the sample's share) — `sum` of those scores over
 * `counted` regions — or null when nothing counts or fewer regions give evidence than the
 * minimum (one assessed plan on a topic the sample did not assess must not stand in for
 * every region).
 */
export function regionalScoreOf(sum: number, counted: number, evidenceRegions: number, sampleRegionCount: number, rules: Rules): number | null {
  if (counted === 0 || evidenceRegions < minimumEvidenceRegions(rules, sampleRegionCount)) return null;
  return roundScore(sum / counted);
}

export function requiredCoverage(groupCount: number, rules: Rules): number | null {
  if (groupCount === 0) return null;
  return groupCount === 1 ? rules.required_coverage.one_group : rules.required_coverage.two_or_more_groups;
}

/** The verdict and gap from the three numbers; `regional: null` means not assessed. */
export function decideVerdict(national: number, regional: number | null, required: number | null, rules: Rules): { verdict: Verdict; gap: Gap | null } {
  if (required === null) return { verdict: "geen-signaal", gap: null };
  const nationalShort = national < rules.national_threshold;
  // Unknown regional coverage fails the regional test, but a definite white spot needs
  // evidence that the regions fall short, not the absence of evidence.
  const regionalShort = regional === null || regional < required;
  if (nationalShort && regional !== null && regional < rules.white_spot_regional_threshold) {
    return { verdict: "witte-vlek", gap: "beide" };
  }
  if (nationalShort || regionalShort) {
    return { verdict: "mogelijke-witte-vlek", gap: nationalShort && regionalShort ? "beide" : nationalShort ? "beleid" : "uitvoering" };
  }
  return { verdict: "gedekt", gap: null };
}
