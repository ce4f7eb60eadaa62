// The verdict rules of DESIGN.md as a pure function of the study and its rules. No I/O;
// every number comes from the data or from rules.yaml. The numbers themselves (scores, the
// regional formula, the verdict decision) are the kernel in scoring.ts; this module gathers
// the evidence per topic and puts the coverage together.

import { emptyRecord, ownValue } from "../ownKeys.js";
import type { Group, Rules, Study, Topic } from "../model.js";
import { studyAsOf } from "./evidenceView.js";
import { topicLinkScope } from "../model.js";
import { minimumEvidenceRegions } from "./certaintyRules.js";
import { actionScore, decideVerdict, indexStudy, planScoreOf, regionalScoreOf, requiredCoverage, sampleShareOf, type StudyIndex } from "./scoring.js";
import type { ActionEvidence, Coverage, NationalCoverage, PlanEvidence, Reason, RegionalCoverage, TopicCoverage, Verdict } from "./coverage.js";
import { regionalInterval } from "./intervals.js";
import { assignPriorities } from "./priority.js";
import { computeFlips, ruleVariants } from "./sensitivity.js";

/** The groups (in the vocabulary's order) and themes that raise a topic. */
function demandOf(study: Study, index: StudyIndex, topicId: string): { groups: Group[]; themes: string[] } {
  const groups = new Set<Group>();
  const themes: string[] = [];
  for (const theme of index.themesByTopic.get(topicId) ?? []) {
    themes.push(theme.id);
    for (const group of theme.groups) groups.add(group);
  }
  return { groups: study.vocabulary.groups.map((g) => g.id).filter((g) => groups.has(g)), themes: themes.sort() };
}

function compareActions(a: ActionEvidence, b: ActionEvidence): number {
  return b.score - a.score || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0);
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
    sampleShare = sampleShareOf(sampleFinding.prevalence, sampleFinding.evidence === "indirect", rules);
  }

  const findings = index.planFindings.get(topicId);
  const plans: PlanEvidence[] = index.plans.map((plan) => {
    const finding = findings?.get(plan.file);
    const status = finding?.status ?? "unknown";
    const indirect = finding?.evidence === "indirect";
    const scope = finding?.scope ?? "specific";
    const score = status === "unknown" ? null : planScoreOf(status, indirect, scope === "general", rules);
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
  const minimumRegions = minimumEvidenceRegions(rules, sampleRegions.length);
  const evidenceRegions = sampleShare === null ? assessedRegions.size : new Set([...sampleRegions, ...assessedRegions]).size;
  const certainty = { evidenceRegions, minimumRegions, interval: null, unassessedRegions: 0 };
  const score = regionalScoreOf(sum, counted, evidenceRegions, sampleRegions.length, rules);
  if (score === null) {
    return { score: null, estimate: false, counted: 0, assessedFindings: 0, sample, plans, ...certainty };
  }
  const regional = { score, estimate: regionsAtSampleShare > 0, counted, assessedFindings: assessed, sample, plans };
  return { ...regional, ...certainty, ...regionalInterval(regional, sampleRegions, rules) };
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
    reasons.push(
      insufficient ? { code: "regional-insufficient", regions: regional.evidenceRegions, minimum: regional.minimumRegions } : { code: "regional-unknown" },
    );
  } else {
    const entry = { score: regional.score, required, estimate: regional.estimate, counted: regional.counted };
    reasons.push(regional.score < required ? { code: "regional-short", ...entry } : { code: "regional-ok", ...entry });
  }
  if (verdict === "witte-vlek") {
    reasons.push({
      code: "white-spot",
      national: national.score,
      nationalThreshold: rules.national_threshold,
      regional: regional.score!,
      regionalThreshold: rules.white_spot_regional_threshold,
    });
  }
  return reasons;
}

function referenceAgrees(conclusion: "possible-white-spot" | "covered" | "monitor", verdict: Verdict): boolean {
  if (conclusion === "covered") return verdict === "gedekt";
  // The report flags the topic (a possible white spot, or one to keep watching).
  return verdict === "witte-vlek" || verdict === "mogelijke-witte-vlek";
}

/**
 * What a topic's verdict rests on, and the verdict (rules 1–5): without its certainty (the
 * interval's ends, the flips), priority, reasons and reference. What `computeVerdicts` gives.
 */
export type TopicVerdict = Pick<
  TopicCoverage,
  "id" | "label" | "labelEn" | "category" | "indicator" | "demand" | "required" | "national" | "regional" | "verdict" | "gap"
>;

function topicVerdict(study: Study, index: StudyIndex, topic: Topic, rules: Rules): TopicVerdict {
  const demand = demandOf(study, index, topic.id);
  const required = requiredCoverage(demand.groups.length, rules);
  const national = nationalCoverageOf(study, index, topic.id, rules);
  const regional = regionalCoverageOf(study, index, topic.id, rules);
  const { verdict, gap } = decideVerdict(national.score, regional.score, required, rules);
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
  };
}

function topicCoverage(study: Study, index: StudyIndex, topic: Topic, rules: Rules, variants: ReturnType<typeof ruleVariants>): TopicCoverage {
  const base = topicVerdict(study, index, topic, rules);
  const { demand, required, national, regional, verdict } = base;
  const verdictRange = {
    pessimistic: decideVerdict(national.score, regional.interval?.low ?? regional.score, required, rules).verdict,
    optimistic: decideVerdict(national.score, regional.interval?.high ?? regional.score, required, rules).verdict,
  };
  const flips = computeFlips(study, index, { id: topic.id, groups: demand.groups.length, required, verdict, national, regional }, rules, variants);
  const reference = ownValue(study.reference, topic.id);
  const disposition = ownValue(study.dispositions, topic.id);
  return {
    ...base,
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

/** The study at its own date when it was not taken at one: periods always apply. */
function studyAtADate(given: Study): Study {
  return given.asOf === undefined ? studyAsOf(given, given.study.date).study : given;
}

/** The topics in category order, then in the order of topics.yaml. */
function orderedTopics(study: Study): Topic[] {
  const order = new Map<string, number>(study.vocabulary.categories.map((c, i) => [c.id, i]));
  return study.topics
    .map((topic, index) => ({ topic, index }))
    .sort((a, b) => (order.get(a.topic.category) ?? Infinity) - (order.get(b.topic.category) ?? Infinity) || a.index - b.index)
    .map(({ topic }) => topic);
}

/**
 * Each topic's verdict and what it rests on, in the order of `computeCoverage`'s rows, without
 * the sensitivity enumeration, the priority and the reasons: for what shows only verdicts and
 * scores (the timeline computes one per date), so the work nobody sees is not done.
 */
export function computeVerdicts(given: Study, rules: Rules = given.rules): TopicVerdict[] {
  const study = studyAtADate(given);
  const index = indexStudy(study);
  return orderedTopics(study).map((topic) => topicVerdict(study, index, topic, rules));
}

/** Rows in category order, then in the order of topics.yaml. */
export function computeCoverage(given: Study, rules: Rules = given.rules): Coverage {
  const study = studyAtADate(given);
  const index = indexStudy(study);
  const variants = ruleVariants(rules);
  const topics = orderedTopics(study).map((topic) => topicCoverage(study, index, topic, rules, variants));
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
    vocabulary: study.vocabulary,
    rules,
    regionPlanCount: study.regionPlans.length,
    topics,
  };
}
