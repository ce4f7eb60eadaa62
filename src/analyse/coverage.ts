// The result of the analysis: one row per topic with its numbers, verdict and the evidence
// behind them. Plain data; renderers turn it into text, tables, PDF.

import type { Category, Decision, Group, Page, Prevalence, PlanStatus, ReferenceConclusion, Rules, Scope, Strength, Vocabulary } from "../model.js";

export type Verdict = "witte-vlek" | "mogelijke-witte-vlek" | "gedekt" | "geen-signaal";
export type Gap = "beleid" | "uitvoering" | "beide";

export const VERDICTS: readonly Verdict[] = ["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"];

export interface ActionEvidence {
  accord: string;
  action: string;
  strength: Strength;
  scope: Scope;
  score: number;
}

export interface PlanEvidence {
  region: string;
  file: string;
  status: PlanStatus;
  indirect: boolean;
  /** `general` when the plan addresses the topic for all ages (× general_scope_factor). */
  scope: Scope;
  /** Score counted, or null for `unknown`. */
  score: number | null;
  /** The passages the finding rests on, each with its document (the plan's own unless another is named). */
  passages: { quote: string; page: Page | null; doc: string | null }[];
  /** The assessor's note, if any. */
  note: string | null;
}

export interface RegionalCoverage {
  /** Mean over counted regions; null when nothing is known ("regionaal niet beoordeeld"). */
  score: number | null;
  /** True when the sample's aggregate share is part of the figure. */
  estimate: boolean;
  /** Regions behind the figure. */
  counted: number;
  /** Findings from assessed region plans behind the figure (not `unknown`). */
  assessedFindings: number;
  sample: { prevalence: Prevalence; share: number | null; indirect: boolean; regions: number } | null;
  plans: PlanEvidence[];
  /** Where the regional coverage may lie (see analyse/intervals.ts); null when the score is null. */
  interval: Interval | null;
  /** Regions with evidence on the topic: the sample's when it assessed the topic, and those with an assessed plan. */
  evidenceRegions: number;
  /** Regions with evidence needed before the score counts (rules.yaml `minimum_evidence_regions`). */
  minimumRegions: number;
  /** Sample regions with no evidence at all: counted anywhere from 0 to 1 in the interval. */
  unassessedRegions: number;
}

/** A range of regional coverage: the pessimistic and the optimistic end. */
export interface Interval {
  low: number;
  high: number;
}

/** The verdict at the pessimistic and at the optimistic end of the interval. */
export interface VerdictRange {
  pessimistic: Verdict;
  optimistic: Verdict;
}

/** What a single change moves: a number of rules.yaml or one encoding judgement behind the topic. */
export type ChangeKind = "rule" | "strength" | "scope" | "prevalence" | "evidence" | "status";

/** A single change that flips a verdict, and the verdict it gives. */
export interface Flip {
  kind: ChangeKind;
  /** The rules.yaml path (`required_coverage.two_or_more_groups`), the action id, `sample`, or the region plan's file. */
  what: string;
  /** The accord of an action. */
  accord?: string;
  /** The region of a plan. */
  region?: string;
  from: string | number;
  to: string | number;
  verdict: Verdict;
  gap: Gap | null;
}

/** The place of a flagged topic in the priority order, and the points behind it. */
export interface Priority {
  /** 1 is the highest. */
  rank: number;
  score: number;
  groups: number;
  /** (threshold − national) / threshold, at least 0. */
  nationalShortfall: number;
  /** (required − regional) / required, at least 0; an unknown regional coverage counts as 0.5, the middle of 0–1. */
  regionalShortfall: number;
  robust: boolean;
}

export interface NationalCoverage {
  score: number;
  breadth: number;
  /** Best score per accord (every accord of the study, 0 where nothing links). */
  accords: Record<string, number>;
  /** All linked actions, best first per accord. */
  actions: ActionEvidence[];
}

export type Reason =
  | { code: "no-demand" }
  | { code: "demand"; groups: Group[]; themes: string[]; required: number }
  | { code: "national-short"; score: number; threshold: number; best: ActionEvidence | null }
  | { code: "national-ok"; score: number; threshold: number; breadth: number; best: ActionEvidence | null }
  | { code: "regional-unknown" }
  | { code: "regional-insufficient"; regions: number; minimum: number }
  | { code: "regional-short"; score: number; required: number; estimate: boolean; counted: number }
  | { code: "regional-ok"; score: number; required: number; estimate: boolean; counted: number }
  | { code: "white-spot"; national: number; nationalThreshold: number; regional: number; regionalThreshold: number };

export interface TopicCoverage {
  id: string;
  label: string;
  labelEn: string | undefined;
  category: Category;
  indicator: boolean;
  demand: { groups: Group[]; themes: string[] };
  /** Regional coverage required by the demand; null without demand. */
  required: number | null;
  national: NationalCoverage;
  regional: RegionalCoverage;
  verdict: Verdict;
  gap: Gap | null;
  /** The verdict at both ends of the regional interval; uncertain where they differ. */
  verdictRange: VerdictRange;
  /** True when no single change of `flips`' kinds flips the verdict (robuust); else gevoelig. */
  robust: boolean;
  /** Every single change that flips the verdict (analyse/sensitivity.ts). */
  flips: Flip[];
  /** Null when the topic is not flagged. */
  priority: Priority | null;
  reasons: Reason[];
  reference: { conclusion: ReferenceConclusion; agrees: boolean } | null;
  disposition: { decision: Decision; rationale: string } | null;
}

export interface Coverage {
  study: {
    id: string;
    title: string;
    date: string;
    dataVersion: string;
    regions: string[];
    /** The date the evidence was taken at. */
    asOf: string;
    /** Which evidence was used: everything encoded, or only the study report's own. */
    evidence: "all" | "report";
  };
  accords: { id: string; name: string }[];
  /** The study's groups, categories and domains with their names, in the study's order. */
  vocabulary: Vocabulary;
  rules: Rules;
  regionPlanCount: number;
  topics: TopicCoverage[];
}
