// Which single change flips a verdict. Two kinds of change are tried, one at a time:
// every number of rules.yaml that enters a verdict, moved one step up and one step down
// (rules.yaml `sensitivity_steps`), and every encoding judgement behind the topic moved one
// step: an action's strength, an action's scope, the sample's prevalence word, `evidence:
// indirect` (sample and plans), a plan's status. A verdict no such change flips is robuust.
//
// The work stays linear in the data: a change of a number recomputes only the side of the
// verdict it enters, and plans with the same status and evidence give the same result, so
// one plan per such group is recomputed.

import type { ActionFile, PlanStatus, Rules, Strength, Study } from "../model.js";
import { topicLinkId, topicLinkScope } from "../model.js";
import { sensitivitySteps, type PrevalenceWord } from "./certaintyRules.js";
import { decideVerdict, nationalScoreOf, planScoreOf, regionalScoreOf, requiredCoverage, roundScore, sampleShareOf, type StudyIndex } from "./scoring.js";
import type { Flip, Gap, NationalCoverage, RegionalCoverage, Verdict } from "./coverage.js";

export const STRENGTH_ORDER: readonly Strength[] = ["mention", "agreement", "measure"];
export const PREVALENCE_ORDER: readonly PrevalenceWord[] = ["none", "few", "some", "half", "more-than-half", "most", "almost-all", "all"];
export const STATUS_ORDER: readonly Exclude<PlanStatus, "unknown">[] = ["absent", "ambition", "concrete"];

/** The side of the verdict a number of rules.yaml enters. */
type Side = "national" | "regional" | "decision";

interface RuleNumber {
  /** Dotted path in rules.yaml. */
  path: string;
  side: Side;
  integer?: boolean;
  get: (rules: Rules) => number;
  set: (rules: Rules, value: number) => Rules;
  /** Whether the number can matter for this topic at all (saves recomputing when it cannot). */
  relevant?: (national: NationalCoverage, regional: RegionalCoverage) => boolean;
}

function nested<K extends "strength_scores" | "prevalence_shares" | "status_scores" | "required_coverage">(
  group: K,
  key: keyof Rules[K] & string,
  side: Side,
  relevant?: RuleNumber["relevant"],
): RuleNumber {
  return {
    path: `${group}.${key}`,
    side,
    get: (rules) => (rules[group] as Record<string, number>)[key]!,
    set: (rules, value) => ({ ...rules, [group]: { ...rules[group], [key]: value } }),
    ...(relevant ? { relevant } : {}),
  };
}

function flat(
  key: "general_scope_factor" | "indirect_factor" | "national_threshold" | "white_spot_regional_threshold",
  side: Side,
  relevant?: RuleNumber["relevant"],
): RuleNumber {
  return { path: key, side, get: (rules) => rules[key], set: (rules, value) => ({ ...rules, [key]: value }), ...(relevant ? { relevant } : {}) };
}

const hasIndirect = (_n: NationalCoverage, r: RegionalCoverage): boolean => Boolean(r.sample?.indirect) || r.plans.some((p) => p.indirect && p.score !== null);

/**
 * The numbers of rules.yaml that enter a verdict. Not listed: `breadth_minimum` (breadth is
 * shown, not used by the verdict), the ranges (they move the verdict range, not the
 * verdict), the steps and the priority weights (they decide no verdict).
 */
export const RULE_NUMBERS: readonly RuleNumber[] = [
  ...STRENGTH_ORDER.map((s) => nested("strength_scores", s, "national", (n) => n.actions.some((a) => a.strength === s))),
  flat("general_scope_factor", "national", (n) => n.actions.some((a) => a.scope === "general")),
  ...PREVALENCE_ORDER.map((w) => nested("prevalence_shares", w, "regional", (_n, r) => r.sample?.prevalence === w)),
  ...STATUS_ORDER.map((s) => nested("status_scores", s, "regional", (_n, r) => r.plans.some((p) => p.status === s))),
  flat("indirect_factor", "regional", hasIndirect),
  {
    path: "minimum_evidence_regions",
    side: "regional",
    integer: true,
    get: (rules) => rules.minimum_evidence_regions ?? 1,
    set: (rules, value) => ({ ...rules, minimum_evidence_regions: value }),
    relevant: (_n, r) => r.evidenceRegions > 0,
  },
  nested("required_coverage", "one_group", "decision"),
  nested("required_coverage", "two_or_more_groups", "decision"),
  flat("national_threshold", "decision"),
  flat("white_spot_regional_threshold", "decision"),
];

/** False when a moved number would break an order the validator requires of rules.yaml. */
function keepsOrder(rules: Rules): boolean {
  const descending = (values: number[]): boolean => values.every((v, i) => i === 0 || v <= values[i - 1]!);
  return (
    descending([...STRENGTH_ORDER].reverse().map((s) => rules.strength_scores[s])) &&
    descending([...PREVALENCE_ORDER].reverse().map((w) => rules.prevalence_shares[w])) &&
    descending([...STATUS_ORDER].reverse().map((s) => rules.status_scores[s])) &&
    rules.required_coverage.one_group <= rules.required_coverage.two_or_more_groups &&
    Object.entries(rules.prevalence_ranges ?? {}).every(
      ([w, r]) => r.low <= rules.prevalence_shares[w as PrevalenceWord] && rules.prevalence_shares[w as PrevalenceWord] <= r.high,
    )
  );
}

/** Every rules.yaml a single step away from `rules`, each with the number moved. Computed once per analysis. */
export function ruleVariants(rules: Rules): { number: RuleNumber; from: number; to: number; rules: Rules }[] {
  const steps = sensitivitySteps(rules);
  const out: { number: RuleNumber; from: number; to: number; rules: Rules }[] = [];
  for (const number of RULE_NUMBERS) {
    const from = number.get(rules);
    for (const direction of [1, -1]) {
      const to = number.integer ? from + direction * steps.regions : roundScore(Math.min(1, Math.max(0, from + direction * steps.score)));
      if (to === from || (number.integer && to < 1)) continue;
      const moved = number.set(rules, to);
      // A move that breaks the order of a scale is not a judgement anyone would defend.
      if (!keepsOrder(moved)) continue;
      out.push({ number, from, to, rules: moved });
    }
  }
  return out;
}

function step<T>(order: readonly T[], value: T, direction: 1 | -1): T | undefined {
  const index = order.indexOf(value);
  return index < 0 ? undefined : order[index + direction];
}

interface TopicState {
  id: string;
  /** Respondent groups that raised the topic. */
  groups: number;
  required: number | null;
  verdict: Verdict;
  national: NationalCoverage;
  regional: RegionalCoverage;
}

/**
 * Every single change that flips the topic's verdict, in a fixed order: numbers of rules.yaml
 * in file order, then the actions, the sample, the plans.
 * @param variants the result of ruleVariants(rules), shared by all topics
 */
export function computeFlips(study: Study, index: StudyIndex, topic: TopicState, rules: Rules, variants = ruleVariants(rules)): Flip[] {
  // Without demand the verdict is `geen-signaal` whatever the numbers: nothing flips it.
  if (topic.required === null) return [];
  const sampleRegions = study.sample?.regions ?? study.study.regions;
  const tally = regionalTally(topic.regional, sampleRegions.length, new Set(sampleRegions));
  const flips: Flip[] = [];
  const add = (change: Omit<Flip, "verdict" | "gap">, outcome: { verdict: Verdict; gap: Gap | null }): void => {
    if (outcome.verdict !== topic.verdict) flips.push({ ...change, verdict: outcome.verdict, gap: outcome.gap });
  };

  for (const variant of variants) {
    const { number } = variant;
    if (number.relevant && !number.relevant(topic.national, topic.regional)) continue;
    const moved = variant.rules;
    const national = number.side === "national" ? nationalScoreOf(index.actionsByTopic.get(topic.id) ?? [], moved) : topic.national.score;
    const regional = number.side === "regional" ? tallyScore(tally, moved) : topic.regional.score;
    const required = number.side === "decision" ? requiredCoverage(topic.groups, moved) : topic.required;
    add({ kind: "rule", what: number.path, from: variant.from, to: variant.to }, decideVerdict(national, regional, required, moved));
  }

  // Actions: strength one step, scope the other way.
  const entries = index.actionsByTopic.get(topic.id) ?? [];
  const nationalWith = (position: number, entry: (typeof entries)[number]): number => {
    const changed = entries.slice();
    changed[position] = entry;
    return nationalScoreOf(changed, rules);
  };
  entries.forEach((entry, position) => {
    const action = entry.action;
    for (const direction of [1, -1] as const) {
      const to = step(STRENGTH_ORDER, action.strength, direction);
      if (to === undefined) continue;
      const changed: ActionFile = { ...action, strength: to };
      add(
        { kind: "strength", what: action.id, accord: entry.accord.id, from: action.strength, to },
        decideVerdict(nationalWith(position, { ...entry, action: changed }), topic.regional.score, topic.required, rules),
      );
    }
    const scope = topicLinkScope(entry.link);
    const otherScope = scope === "general" ? "specific" : "general";
    const link = { id: topicLinkId(entry.link), scope: otherScope } as const;
    add(
      { kind: "scope", what: action.id, accord: entry.accord.id, from: scope, to: otherScope },
      decideVerdict(nationalWith(position, { ...entry, link }), topic.regional.score, topic.required, rules),
    );
  });

  // The sample: its word one step, and its evidence direct or indirect.
  const sample = tally.sample;
  if (sample) {
    for (const direction of [1, -1] as const) {
      const to = step(PREVALENCE_ORDER, sample.prevalence, direction);
      if (to === undefined) continue;
      add(
        { kind: "prevalence", what: "sample", from: sample.prevalence, to },
        decideVerdict(topic.national.score, tallyScore(tally, rules, { sample: { ...sample, prevalence: to } }), topic.required, rules),
      );
    }
    add(
      { kind: "evidence", what: "sample", from: sample.indirect ? "indirect" : "direct", to: sample.indirect ? "direct" : "indirect" },
      decideVerdict(topic.national.score, tallyScore(tally, rules, { sample: { ...sample, indirect: !sample.indirect } }), topic.required, rules),
    );
  }

  // Plans: a plan's status one step, its evidence the other way. Plans with the same status and
  // evidence give the same result, so each such group is computed once.
  const groups = new Map<string, { file: string; region: string }[]>();
  for (const plan of topic.regional.plans) {
    if (plan.status === "unknown") continue;
    const key = tallyKey(plan.status, plan.indirect, plan.scope === "general");
    const group = groups.get(key);
    if (group) group.push(plan);
    else groups.set(key, [plan]);
  }
  for (const [key, group] of groups) {
    const from = fromKey(key);
    const changes: { kind: "status" | "evidence" | "scope"; from: string; to: string; plan: PlanState }[] = [];
    for (const direction of [1, -1] as const) {
      const to = step(STATUS_ORDER, from.status, direction);
      if (to !== undefined) changes.push({ kind: "status", from: from.status, to, plan: { ...from, status: to } });
    }
    changes.push({
      kind: "evidence",
      from: from.indirect ? "indirect" : "direct",
      to: from.indirect ? "direct" : "indirect",
      plan: { ...from, indirect: !from.indirect },
    });
    changes.push({
      kind: "scope",
      from: from.general ? "general" : "specific",
      to: from.general ? "specific" : "general",
      plan: { ...from, general: !from.general },
    });
    for (const change of changes) {
      const outcome = decideVerdict(topic.national.score, tallyScore(tally, rules, { plan: { from, to: change.plan } }), topic.required, rules);
      for (const plan of group) add({ kind: change.kind, what: plan.file, region: plan.region, from: change.from, to: change.to }, outcome);
    }
  }
  return flips;
}

type CountedStatus = Exclude<PlanStatus, "unknown">;
interface PlanState {
  status: CountedStatus;
  indirect: boolean;
  /** The plan addresses the topic for all ages (scope: general). */
  general: boolean;
}

const tallyKey = (status: CountedStatus, indirect: boolean, general: boolean): string =>
  `${status}|${indirect ? "indirect" : "direct"}|${general ? "general" : "specific"}`;
const fromKey = (key: string): PlanState => {
  const [status, evidence, scope] = key.split("|") as [CountedStatus, string, string];
  return { status, indirect: evidence === "indirect", general: scope === "general" };
};

/**
 * What the regional coverage of one topic rests on, counted once: plans per status and
 * evidence, the regions with evidence, the sample's word. The score under other rules or with
 * one judgement changed then costs no pass over the plans. It follows regionalCoverageOf in
 * computeCoverage.ts (tests/certainty.test.ts checks that both agree).
 */
export interface RegionalTally {
  counts: Map<string, number>;
  /** Assessed plans (not `unknown`). */
  plans: number;
  /** Distinct regions with an assessed plan, and those of them outside the sample. */
  assessedRegions: number;
  outsideSample: number;
  sampleRegions: number;
  /** The sample's finding when it assessed the topic, with the sample regions that count at its share. */
  sample: { prevalence: PrevalenceWord; indirect: boolean; regions: number } | null;
}

export function regionalTally(
  regional: Pick<RegionalCoverage, "plans" | "sample">,
  sampleRegionCount: number,
  sampleRegions: ReadonlySet<string>,
): RegionalTally {
  const counts = new Map<string, number>();
  const regions = new Set<string>();
  let plans = 0;
  for (const plan of regional.plans) {
    if (plan.status === "unknown") continue;
    const key = tallyKey(plan.status, plan.indirect, plan.scope === "general");
    counts.set(key, (counts.get(key) ?? 0) + 1);
    regions.add(plan.region);
    plans++;
  }
  let outsideSample = 0;
  for (const region of regions) if (!sampleRegions.has(region)) outsideSample++;
  const sample = regional.sample;
  return {
    counts,
    plans,
    assessedRegions: regions.size,
    outsideSample,
    sampleRegions: sampleRegionCount,
    sample: sample && sample.prevalence !== "not-assessed" ? { prevalence: sample.prevalence, indirect: sample.indirect, regions: sample.regions } : null,
  };
}

/** The regional score of a tally under `rules`, with at most one judgement changed. */
export function tallyScore(
  tally: RegionalTally,
  rules: Rules,
  change: { sample?: NonNullable<RegionalTally["sample"]>; plan?: { from: PlanState; to: PlanState } } = {},
): number | null {
  const planScore = (p: PlanState): number => planScoreOf(p.status, p.indirect, p.general, rules);
  let sum = 0;
  for (const [key, n] of tally.counts) sum += n * planScore(fromKey(key));
  if (change.plan) sum += planScore(change.plan.to) - planScore(change.plan.from);
  const sample = change.sample ?? tally.sample;
  const share = sample ? sampleShareOf(sample.prevalence, sample.indirect, rules) : null;
  const atShare = share === null || !sample ? 0 : sample.regions;
  sum += atShare * (share ?? 0);
  const counted = tally.plans + atShare;
  const evidence = share === null ? tally.assessedRegions : tally.sampleRegions + tally.outsideSample;
  return regionalScoreOf(sum, counted, evidence, tally.sampleRegions, rules);
}
