// `dekking diff`: what a change to the data did to the verdicts. Compares two Coverage
// values topic by topic (matched by id) and keeps, for every topic that changed, the old
// and new numbers and the reasons of both sides. Pure; renderDiff.ts makes text of it.

import { ownValue } from "../ownKeys.js";
import type { Category, Decision, Group, Vocabulary, VocabularyTerm } from "../model.js";
import type { Coverage, Gap, Reason, TopicCoverage, Verdict } from "./coverage.js";

export interface Change<T> {
  old: T;
  new: T;
}

export interface TopicChange {
  id: string;
  /** Label and category after the change. */
  label: string;
  category: Category;
  /** The verdict after the change (also when it did not change), for sorting and summaries. */
  verdictNow: Verdict;
  /** The gap after the change (also when it did not change). */
  gapNow: Gap | null;
  verdict?: Change<Verdict>;
  gap?: Change<Gap | null>;
  national?: {
    score?: Change<number>;
    breadth?: Change<number>;
    /** Per accord whose best score changed (0 where the accord is missing on one side). */
    accords?: Record<string, Change<number>>;
    /** Actions counted for the topic on one side only (`accord:action score`), best first. */
    actions?: { added: string[]; removed: string[] };
  };
  regional?: {
    score?: Change<number | null>;
    estimate?: Change<boolean>;
    counted?: Change<number>;
  };
  demand?: Change<Group[]>;
  disposition?: Change<Decision | null>;
  /** Both sides' reasons, present when they differ in any way. */
  reasons?: Change<Reason[]>;
}

/** A topic present on one side only. */
export interface TopicPresence {
  id: string;
  label: string;
  category: Category;
  verdict: Verdict;
  gap: Gap | null;
  reasons: Reason[];
}

export interface CoverageDiff {
  study: Change<{ id: string; title: string }>;
  dataVersion: Change<string>;
  /** What each side looked at: the date (`--as-of`) and the evidence view (`--evidence`). */
  view: Change<{ asOf: string; evidence: string }>;
  /** Dotted paths of the rules whose value differs (`national_threshold`, `strength_scores.measure`). */
  rulesChanged: string[];
  accords: { added: string[]; removed: string[] };
  /** Display names of the accords of both sides, by id (the new name where both have it). */
  accordNames: Record<string, string>;
  /** English labels (`label_en`) of the topics of both sides that have one, by id (the new where both have it): for the text renderers' English. */
  labelsEn: Record<string, string>;
  regionPlans: Change<number>;
  added: TopicPresence[];
  removed: TopicPresence[];
  /** Topics on both sides with any difference, in the order of the new matrix. */
  changed: TopicChange[];
  /** Topics on both sides without any difference. */
  unchanged: number;
  /** The groups, categories and domains of both sides, for their names: the new side's, then those only the old side has. */
  vocabulary: Vocabulary;
}

/** The terms of `now`, then those of `old` that `now` lacks. */
function unionTerms<T extends VocabularyTerm>(old: readonly T[], now: readonly T[]): T[] {
  const ids = new Set(now.map((t) => t.id));
  return [...now, ...old.filter((t) => !ids.has(t.id))];
}

function change<T>(old: T, now: T, equal: (a: T, b: T) => boolean = (a, b) => a === b): Change<T> | undefined {
  return equal(old, now) ? undefined : { old, new: now };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Leaf paths of two JSON-like values whose values differ (keys on one side only count too). */
export function changedPaths(a: unknown, b: unknown, prefix = ""): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => changedPaths(a[key], b[key], prefix ? `${prefix}.${key}` : key));
  }
  return sameJson(a, b) ? [] : [prefix || "(all)"];
}

function presence(topic: TopicCoverage): TopicPresence {
  return { id: topic.id, label: topic.label, category: topic.category, verdict: topic.verdict, gap: topic.gap, reasons: topic.reasons };
}

function withoutEmpty<T extends object>(value: T): T | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

function compareTopic(before: TopicCoverage, after: TopicCoverage): TopicChange | undefined {
  const accordIds = [...new Set([...Object.keys(before.national.accords), ...Object.keys(after.national.accords)])].sort();
  const accords: Record<string, Change<number>> = {};
  for (const id of accordIds) {
    const c = change(ownValue(before.national.accords, id) ?? 0, ownValue(after.national.accords, id) ?? 0);
    if (c) accords[id] = c;
  }
  const label = (a: TopicCoverage["national"]["actions"][number]): string => `${a.action} ${a.score.toFixed(2)}`;
  const beforeIds = new Set(before.national.actions.map((a) => a.action));
  const afterIds = new Set(after.national.actions.map((a) => a.action));
  const byScore = (list: TopicCoverage["national"]["actions"]) => [...list].sort((a, b) => b.score - a.score || (a.action < b.action ? -1 : 1));
  const actions = {
    added: byScore(after.national.actions.filter((a) => !beforeIds.has(a.action))).map(label),
    removed: byScore(before.national.actions.filter((a) => !afterIds.has(a.action))).map(label),
  };
  const national = withoutEmpty({
    score: change(before.national.score, after.national.score),
    breadth: change(before.national.breadth, after.national.breadth),
    accords: Object.keys(accords).length > 0 ? accords : undefined,
    actions: actions.added.length + actions.removed.length > 0 ? actions : undefined,
  });
  const regional = withoutEmpty({
    score: change(before.regional.score, after.regional.score),
    estimate: change(before.regional.estimate, after.regional.estimate),
    counted: change(before.regional.counted, after.regional.counted),
  });
  const differences = {
    verdict: change(before.verdict, after.verdict),
    gap: change(before.gap, after.gap),
    national,
    regional,
    demand: change(before.demand.groups, after.demand.groups, sameJson),
    disposition: change(before.disposition?.decision ?? null, after.disposition?.decision ?? null),
    reasons: change(before.reasons, after.reasons, sameJson),
  };
  if (Object.values(differences).every((v) => v === undefined)) return undefined;
  const result: TopicChange = { id: after.id, label: after.label, category: after.category, verdictNow: after.verdict, gapNow: after.gap };
  for (const [key, value] of Object.entries(differences)) {
    if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  }
  return result;
}

export function diffCoverage(before: Coverage, after: Coverage): CoverageDiff {
  const oldTopics = new Map(before.topics.map((t) => [t.id, t]));
  const newIds = new Set(after.topics.map((t) => t.id));
  const added: TopicPresence[] = [];
  const changed: TopicChange[] = [];
  let unchanged = 0;
  for (const topic of after.topics) {
    const old = oldTopics.get(topic.id);
    if (!old) {
      added.push(presence(topic));
      continue;
    }
    const difference = compareTopic(old, topic);
    if (difference) changed.push(difference);
    else unchanged++;
  }
  const oldAccords = before.accords.map((a) => a.id);
  const newAccords = after.accords.map((a) => a.id);
  return {
    study: { old: { id: before.study.id, title: before.study.title }, new: { id: after.study.id, title: after.study.title } },
    dataVersion: { old: before.study.dataVersion, new: after.study.dataVersion },
    view: { old: { asOf: before.study.asOf, evidence: before.study.evidence }, new: { asOf: after.study.asOf, evidence: after.study.evidence } },
    rulesChanged: changedPaths(before.rules, after.rules),
    accords: { added: newAccords.filter((id) => !oldAccords.includes(id)), removed: oldAccords.filter((id) => !newAccords.includes(id)) },
    accordNames: Object.fromEntries([...before.accords, ...after.accords].map((a) => [a.id, a.name])),
    labelsEn: Object.fromEntries([...before.topics, ...after.topics].flatMap((t) => (t.labelEn === undefined ? [] : [[t.id, t.labelEn]]))),
    regionPlans: { old: before.regionPlanCount, new: after.regionPlanCount },
    added,
    removed: before.topics.filter((t) => !newIds.has(t.id)).map(presence),
    changed,
    unchanged,
    vocabulary: {
      groups: unionTerms(before.vocabulary.groups, after.vocabulary.groups),
      categories: unionTerms(before.vocabulary.categories, after.vocabulary.categories),
      domains: unionTerms(before.vocabulary.domains, after.vocabulary.domains),
    },
  };
}

/** Topic ids whose verdict became `witte-vlek`, from any other verdict or by being added. */
export function newWhiteSpots(diff: CoverageDiff): string[] {
  return [
    ...diff.changed.filter((t) => t.verdict && t.verdict.new === "witte-vlek" && t.verdict.old !== "witte-vlek").map((t) => t.id),
    ...diff.added.filter((t) => t.verdict === "witte-vlek").map((t) => t.id),
  ];
}

/** True when nothing that the verdicts depend on differs. */
export function isEmptyDiff(diff: CoverageDiff): boolean {
  return (
    diff.changed.length === 0 &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.rulesChanged.length === 0 &&
    diff.accords.added.length === 0 &&
    diff.accords.removed.length === 0
  );
}
