// The verdict rules of DESIGN.md as a pure function of the study and its rules. No I/O;
// every number comes from the data or from rules.yaml.

import { emptyRecord, ownValue } from "../ownKeys.js";
import type { Accord, ActionFile, Group, LoadedRegionPlan, PlanFinding, Rules, Study, Theme, Topic, TopicLink } from "../model.js";
import { studyAsOf } from "./evidenceView.js";
import { CATEGORIES, GROUPS, topicLinkId, topicLinkScope } from "../model.js";
import { minimumEvidenceRegions } from "./certaintyRules.js";
import type { ActionEvidence, Coverage, Gap, NationalCoverage, PlanEvidence, Reason, RegionalCoverage, TopicCoverage, Verdict } from "./coverage.js";
import { regionalInterval } from "./intervals.js";
import { assignPriorities } from "./priority.js";
import { computeFlips, ruleVariants } from "./sensitivity.js";

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

function demandOf(index: StudyIndex, topicId: string): { groups: Group[]; themes: string[] } {
  const groups = new Set<Group>();
  const themes: string[] = [];
  for (const theme of index.themesByTopic.get(topicId) ?? []) {
    themes.push(theme.id);
    for (const group of theme.groups) groups.add(group);
  }
  return { groups: GROUPS.filter((g) => groups.has(g)), themes: themes.sort() };
}

function compareActions(a: ActionEvidence, b: ActionEvidence): number {
  return b.score - a.score || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0);
}

/** The score one linked action gives its topic: its strength's score, times the general-scope factor for a general link. */
function actionScore(action: ActionFile, link: TopicLink, rules: Rules): number {
  return roundScore(rules.strength_scores[action.strength] * (topicLinkScope(link) === "general" ? rules.general_scope_factor : 1));
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

export function nationalCoverageOf(study: Study, index: StudyIndex, topicId: string, rules: Rules): NationalCoverage {
  const accords: Record<string, number> = emptyRecord();
  for (const accord of study.accords) accords[accord.id] = 0;
  const actions: ActionEvidence[] = [];
  for (const { accord, action, link } of index.actionsByTopic.get(topicId) ?? []) {
    const scope = topicLinkScope(link);
    const score = actionScore(action, link, rules);
    actions.push({ accord: accord.id, action: action.id, strength: action.strength, scope, score });
    if (score > accords[accord.id]!) accords[accord.id] = score;
  }
  const scores = Object.values(accords);
  const accordOrder = new Map(study.accords.map((a, i) => [a.id, i]));
  return {
    score: scores.length > 0 ? Math.max(...scores) : 0,
    breadth: scores.filter((s) => s >= rules.breadth_minimum).length,
    accords,
    actions: actions.sort((a, b) => accordOrder.get(a.accord)! - accordOrder.get(b.accord)! || compareActions(a, b)),
  };
}

export function regionalCoverageOf(study: Study, index: StudyIndex, topicId: string, rules: Rules): RegionalCoverage {
  const sampleFinding = ownValue(study.sample?.findings, topicId);
  const sampleRegions = study.sample?.regions ?? study.study.regions;
  let sampleShare: number | null = null;
  if (sampleFinding && sampleFinding.prevalence !== "not-assessed") {
    const indirect = sampleFinding.evidence === "indirect" ? rules.indirect_factor : 1;
    sampleShare = roundScore(rules.prevalence_shares[sampleFinding.prevalence] * indirect);
  }

  const findings = index.planFindings.get(topicId);
  const plans: PlanEvidence[] = index.plans.map((plan) => {
    const finding = findings?.get(plan.file);
    const status = finding?.status ?? "unknown";
    const indirect = finding?.evidence === "indirect";
    const scope = finding?.scope ?? "specific";
    // A plan written for all inhabitants counts like an accord action of general scope.
    const factor = (indirect ? rules.indirect_factor : 1) * (scope === "general" ? rules.general_scope_factor : 1);
    const score = status === "unknown" ? null : roundScore(rules.status_scores[status] * factor);
    const doc = plan.plan.document ?? null;
    const passages = [
      ...(finding?.quote !== undefined ? [{ quote: finding.quote, page: finding.page ?? null, doc }] : []),
      ...(finding?.quotes ?? []).map((q) => ({ quote: q.quote, page: q.page, doc: q.doc ?? doc })),
    ];
    return { region: plan.region, file: plan.file, status, indirect, scope, score, passages, note: finding?.note ?? null };
  });

  // Each region whose plan was assessed on this topic counts at its own score. A sample
  // region without such an assessment (no file, or `unknown` in its file) keeps counting at
  // the sample's share: a half-filled file must not move the figures of topics it is silent on.
  let sum = 0;
  let assessed = 0;
  const assessedRegions = new Set<string>();
  for (const plan of plans) {
    if (plan.score === null) continue;
    sum += plan.score;
    assessed++;
    assessedRegions.add(plan.region);
  }
  const regionsAtSampleShare = sampleShare === null ? 0 : sampleRegions.filter((r) => !assessedRegions.has(r)).length;
  sum += regionsAtSampleShare * (sampleShare ?? 0);
  const counted = regionsAtSampleShare + assessed;
  const sample = sampleFinding
    ? { prevalence: sampleFinding.prevalence, share: sampleShare, indirect: sampleFinding.evidence === "indirect", regions: regionsAtSampleShare }
    : null;
  // A minimum of evidence before a score counts at all: one assessed plan on a topic the
  // sample did not assess must not stand in for every region.
  const minimumRegions = minimumEvidenceRegions(rules, sampleRegions.length);
  const evidenceRegions = sampleShare === null ? assessedRegions.size : new Set([...sampleRegions, ...assessedRegions]).size;
  const certainty = { evidenceRegions, minimumRegions, interval: null, unassessedRegions: 0 };
  if (counted === 0 || evidenceRegions < minimumRegions) {
    return { score: null, estimate: false, counted: 0, assessedFindings: 0, sample, plans, ...certainty };
  }
  const regional = { score: roundScore(sum / counted), estimate: regionsAtSampleShare > 0, counted, assessedFindings: assessed, sample, plans };
  return { ...regional, ...certainty, ...regionalInterval(regional, sampleRegions, rules) };
}

export function requiredCoverage(groupCount: number, rules: Rules): number | null {
  if (groupCount === 0) return null;
  return groupCount === 1 ? rules.required_coverage.one_group : rules.required_coverage.two_or_more_groups;
}

/** The verdict and gap from the three numbers; `regional: null` means not assessed. */
export function decideVerdict(
  national: number,
  regional: number | null,
  required: number | null,
  rules: Rules,
): { verdict: Verdict; gap: Gap | null } {
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

function reasonsFor(
  demand: { groups: Group[]; themes: string[] },
  required: number | null,
  national: NationalCoverage,
  regional: RegionalCoverage,
  verdict: Verdict,
  rules: Rules,
): Reason[] {
  if (required === null) return [{ code: "no-demand" }];
  const reasons: Reason[] = [{ code: "demand", groups: demand.groups, themes: demand.themes, required }];
  const best = national.actions.slice().sort(compareActions)[0] ?? null;
  if (national.score < rules.national_threshold) {
    reasons.push({ code: "national-short", score: national.score, threshold: rules.national_threshold, best });
  } else {
    reasons.push({ code: "national-ok", score: national.score, threshold: rules.national_threshold, breadth: national.breadth, best });
  }
  if (regional.score === null) {
    const insufficient = regional.evidenceRegions > 0 && regional.evidenceRegions < regional.minimumRegions;
    reasons.push(insufficient ? { code: "regional-insufficient", regions: regional.evidenceRegions, minimum: regional.minimumRegions } : { code: "regional-unknown" });
  } else {
    const entry = { score: regional.score, required, estimate: regional.estimate, counted: regional.counted };
    reasons.push(regional.score < required ? { code: "regional-short", ...entry } : { code: "regional-ok", ...entry });
  }
  if (verdict === "witte-vlek") {
    reasons.push({ code: "white-spot", national: national.score, nationalThreshold: rules.national_threshold, regional: regional.score!, regionalThreshold: rules.white_spot_regional_threshold });
  }
  return reasons;
}

function referenceAgrees(conclusion: "possible-white-spot" | "covered" | "monitor", verdict: Verdict): boolean {
  if (conclusion === "covered") return verdict === "gedekt";
  // The report flags the topic (a possible white spot, or one to keep watching).
  return verdict === "witte-vlek" || verdict === "mogelijke-witte-vlek";
}

function topicCoverage(study: Study, index: StudyIndex, topic: Topic, rules: Rules, variants: ReturnType<typeof ruleVariants>): TopicCoverage {
  const demand = demandOf(index, topic.id);
  const required = requiredCoverage(demand.groups.length, rules);
  const national = nationalCoverageOf(study, index, topic.id, rules);
  const regional = regionalCoverageOf(study, index, topic.id, rules);
  const { verdict, gap } = decideVerdict(national.score, regional.score, required, rules);
  const verdictRange = {
    pessimistic: decideVerdict(national.score, regional.interval?.low ?? regional.score, required, rules).verdict,
    optimistic: decideVerdict(national.score, regional.interval?.high ?? regional.score, required, rules).verdict,
  };
  const flips = computeFlips(study, index, { id: topic.id, groups: demand.groups.length, required, verdict, national, regional }, rules, variants);
  const reference = ownValue(study.reference, topic.id);
  const disposition = ownValue(study.dispositions, topic.id);
  return {
    id: topic.id,
    label: topic.label,
    labelEn: topic.label_en,
    category: topic.category,
    indicator: topic.indicator,
    demand,
    required,
    national,
    regional,
    verdict,
    gap,
    verdictRange,
    robust: flips.length === 0,
    flips,
    // Set once every topic is known: a rank compares topics.
    priority: null,
    reasons: reasonsFor(demand, required, national, regional, verdict, rules),
    reference: reference ? { conclusion: reference.conclusion, agrees: referenceAgrees(reference.conclusion, verdict) } : null,
    disposition: disposition ? { decision: disposition.decision, rationale: disposition.rationale } : null,
  };
}

/** Rows in category order, then in the order of topics.yaml. */
export function computeCoverage(given: Study, rules: Rules = given.rules): Coverage {
  // Periods always apply: a study not yet taken at a date is taken at its own date.
  const study = given.asOf === undefined ? studyAsOf(given, given.study.date).study : given;
  const order = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  const index = indexStudy(study);
  const variants = ruleVariants(rules);
  const topics = study.topics
    .map((topic, index) => ({ topic, index }))
    .sort((a, b) => order.get(a.topic.category)! - order.get(b.topic.category)! || a.index - b.index)
    .map(({ topic }) => topicCoverage(study, index, topic, rules, variants));
  const priorities = assignPriorities(topics, rules);
  for (const topic of topics) topic.priority = priorities.get(topic.id) ?? null;
  return {
    study: {
      id: study.study.id,
      title: study.study.title,
      date: study.study.date,
      dataVersion: study.dataVersion,
      regions: study.study.regions,
      asOf: study.asOf ?? study.study.date,
      evidence: study.evidence ?? "all",
    },
    accords: study.accords.map((a) => ({ id: a.id, name: a.name })),
    rules,
    regionPlanCount: study.regionPlans.length,
    topics,
  };
}
