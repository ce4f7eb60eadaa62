// One region's profile (`dekking region show`): per topic with demand, what this region's plan
// says (status and passages), how firmly the accords commit, what the other assessed plans
// and the sample say — and `plan-gap` where people asked for the topic, the accords commit
// to it and this plan is `absent`. Pure: the coverage and the plan in, the profile out.

import type { Group, LoadedRegionPlan, Page, PlanStatus, Prevalence, Scope, Vocabulary } from "../model.js";
import type { Coverage, Verdict } from "./coverage.js";

export type ProfileFlag = "plan-gap";

export interface ProfileTopic {
  id: string;
  label: string;
  labelEn: string | undefined;
  indicator: boolean;
  groups: Group[];
  /** This plan's status for the topic. */
  status: Exclude<PlanStatus, "unknown">;
  scope: Scope;
  indirect: boolean;
  /** The passages the finding rests on, with their pages. */
  evidence: { quote: string; page: Page | null; doc: string | null }[];
  national: { score: number; threshold: number; commits: boolean; accords: Record<string, number> };
  /** The other assessed plans' statuses (not `unknown`). */
  others: { region: string; status: Exclude<PlanStatus, "unknown"> }[];
  /** The study sample's word for the topic, if it has one. */
  sample: Prevalence | null;
  verdict: Verdict;
  flags: ProfileFlag[];
}

export interface RegionProfile {
  region: string;
  file: string;
  plan: LoadedRegionPlan["plan"];
  asOf: string;
  /** Topics with demand that this plan assesses. */
  topics: ProfileTopic[];
  /** Topics with demand this plan leaves `unknown` or does not list: niet beoordeeld, never a gap. */
  unassessed: { id: string; label: string; labelEn: string | undefined; groups: Group[] }[];
  /** The study's vocabulary, for the names of the groups that asked. */
  vocabulary: Vocabulary;
}

/** The profile of `plan` against `coverage` (computed at the date and evidence view the caller chose). */
export function regionProfile(plan: LoadedRegionPlan, coverage: Coverage): RegionProfile {
  const threshold = coverage.rules.national_threshold;
  const topics: ProfileTopic[] = [];
  const unassessed: RegionProfile["unassessed"] = [];
  for (const topic of coverage.topics) {
    if (topic.demand.groups.length === 0) continue;
    const own = topic.regional.plans.find((p) => p.file === plan.file);
    if (!own || own.status === "unknown") {
      unassessed.push({ id: topic.id, label: topic.label, labelEn: topic.labelEn, groups: topic.demand.groups });
      continue;
    }
    const commits = topic.national.score >= threshold;
    topics.push({
      id: topic.id,
      label: topic.label,
      labelEn: topic.labelEn,
      indicator: topic.indicator,
      groups: topic.demand.groups,
      status: own.status,
      scope: own.scope,
      indirect: own.indirect,
      evidence: own.passages,
      national: { score: topic.national.score, threshold, commits, accords: topic.national.accords },
      others: topic.regional.plans.flatMap((p) => (p.file !== plan.file && p.status !== "unknown" ? [{ region: p.region, status: p.status }] : [])),
      sample: topic.regional.sample?.prevalence ?? null,
      verdict: topic.verdict,
      // People asked (the topic has demand), the accords commit, and this plan leaves it out.
      flags: commits && own.status === "absent" ? ["plan-gap"] : [],
    });
  }
  return { region: plan.region, file: plan.file, plan: plan.plan, asOf: coverage.study.asOf, topics, unassessed, vocabulary: coverage.vocabulary };
}
