// How sure a verdict is, in words and symbols, shared by every output kind: the matrix
// marker, a flipping change, the interval and what its ends assume, the priority reason.
// The numbers are computed here, the words come from the catalogue (messages/certaintyWords.ts).
// Returns plain text; each renderer escapes it with the escape step of its output kind,
// since action ids, file and region names come from the data.

import { minimumEvidenceRegions, prevalenceRange, priorityWeights, sensitivitySteps, type PrevalenceWord } from "../analyse/certaintyRules.js";
import { PREVALENCE_ORDER } from "../analyse/sensitivity.js";
import type { Flip, TopicCoverage } from "../analyse/coverage.js";
import type { PlanStatus, Prevalence, Rules, Strength, Vocabulary } from "../model.js";
import {
  formatGroups,
  formatScore,
  GAP_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  SCOPE_SHORT,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  type Lang,
} from "../messages/labels.js";
import { CERTAINTY_WORDS, type EndAssumption } from "../messages/certaintyWords.js";

// The words live in the catalogue; the report builder and `dekking sensitivity` still import them from here.
export { CERTAINTY_WORDS };

/** `!` gevoelig (a single change flips the verdict), `±` onzeker (the ends of the interval differ). */
export const CERTAINTY_SYMBOLS = { sensitive: "!", uncertain: "±" } as const;

export function isUncertain(topic: Pick<TopicCoverage, "verdictRange">): boolean {
  return topic.verdictRange.pessimistic !== topic.verdictRange.optimistic;
}

/** The matrix marker: "", "!", "±" or "!±". */
export function certaintyMarker(topic: Pick<TopicCoverage, "robust" | "verdictRange">): string {
  return `${topic.robust ? "" : CERTAINTY_SYMBOLS.sensitive}${isUncertain(topic) ? CERTAINTY_SYMBOLS.uncertain : ""}`;
}

function prevalenceLabel(word: string | number, lang: Lang): string {
  return PREVALENCE_LABELS[lang][word as Prevalence] ?? String(word);
}

function value(kind: Flip["kind"], v: string | number, lang: Lang): string {
  if (typeof v === "number") return formatScoreOrCount(v);
  switch (kind) {
    case "strength":
      return STRENGTH_LABELS[lang][v as Strength] ?? v;
    case "scope":
      return SCOPE_SHORT[lang][v === "general" ? "general" : "specific"];
    case "prevalence":
      return prevalenceLabel(v, lang);
    case "status":
      return PLAN_STATUS_LABELS[lang][v as PlanStatus] ?? v;
    case "evidence":
      return CERTAINTY_WORDS[lang].evidence[v === "indirect" ? "indirect" : "direct"];
    case "rule":
      return v;
  }
}

function formatScoreOrCount(v: number): string {
  return Number.isInteger(v) && v > 1 ? String(v) : formatScore(v);
}

/** What a change moves, without its outcome: "required_coverage.two_or_more_groups 0.75 → 0.80". */
export function changeText(flip: Omit<Flip, "verdict" | "gap">, lang: Lang): string {
  const moves = CERTAINTY_WORDS[lang].moves;
  const move = `${value(flip.kind, flip.from, lang)} → ${value(flip.kind, flip.to, lang)}`;
  switch (flip.kind) {
    case "rule":
      return `rules.yaml ${flip.what}: ${move}`;
    case "strength":
      return `${(flip.accord ?? "").toUpperCase()} ${flip.what}: ${moves.strength} ${move}`;
    case "scope":
      // An action's scope names its accord; a region plan's finding names its region and file.
      return flip.accord !== undefined
        ? `${flip.accord.toUpperCase()} ${flip.what}: ${moves.scope} ${move}`
        : `${flip.region ?? ""} (${flip.what}): ${moves.scope} ${move}`;
    case "prevalence":
      return `${moves.sample}: ${move}`;
    case "evidence":
      return `${flip.what === "sample" ? moves.sample : `${flip.region ?? ""} (${flip.what})`}: ${moves.evidence} ${move}`;
    case "status":
      return `${flip.region ?? ""} (${flip.what}): ${moves.status} ${move}`;
  }
}

/** A flipping change and the verdict it gives, on one line. */
export function flipText(flip: Flip, lang: Lang): string {
  const gap = flip.gap && flip.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][flip.gap]})` : "";
  return `${changeText(flip, lang)} ⇒ ${VERDICT_LABELS[lang][flip.verdict]}${gap}`;
}

/** "0.75 (0.60–0.90)", "0.50", or "niet beoordeeld". */
export function intervalText(topic: Pick<TopicCoverage, "regional">, lang: Lang): string {
  const { score, interval, estimate } = topic.regional;
  if (score === null) return CERTAINTY_WORDS[lang].notAssessed;
  const point = `${estimate ? "~" : ""}${formatScore(score)}`;
  if (!interval || (interval.low === score && interval.high === score)) return point;
  return `${point} (${formatScore(interval.low)}–${formatScore(interval.high)})`;
}

/** What the pessimistic and the optimistic end assume for this topic. */
export function endAssumptions(topic: Pick<TopicCoverage, "regional">, rules: Rules, lang: Lang): { pessimistic: string; optimistic: string } {
  const { sample, unassessedRegions, plans } = topic.regional;
  const assessedPlans = plans.filter((p) => p.score !== null).length;
  const at = (end: "low" | "high"): string => {
    let judged: EndAssumption["sample"];
    if (sample && sample.share !== null && sample.prevalence !== "not-assessed") {
      const range = prevalenceRange(rules, sample.prevalence as PrevalenceWord);
      judged = {
        word: PREVALENCE_LABELS[lang][sample.prevalence],
        low: formatScore(range.low),
        high: formatScore(range.high),
        share: formatScore(range[end] * (sample.indirect ? rules.indirect_factor : 1)),
        indirect: sample.indirect,
        regions: sample.regions,
      };
    }
    return CERTAINTY_WORDS[lang].endAssumption({ end, sample: judged, assessedPlans, unassessedRegions });
  };
  return { pessimistic: at("low"), optimistic: at("high") };
}

/** Why a flagged topic has its priority, in one sentence. */
export function priorityReason(topic: TopicCoverage, rules: Rules, lang: Lang, vocabulary: Vocabulary): string {
  const priority = topic.priority;
  if (!priority) return "";
  const groups = topic.demand.groups;
  return CERTAINTY_WORDS[lang].priorityReason({
    groups: groups.length,
    groupNames: formatGroups(groups, vocabulary, lang),
    nationalShort: priority.nationalShortfall > 0 ? { score: formatScore(topic.national.score), threshold: formatScore(rules.national_threshold) } : undefined,
    regional:
      topic.regional.score === null
        ? "unassessed"
        : priority.regionalShortfall > 0
          ? { score: formatScore(topic.regional.score), required: formatScore(topic.required ?? 0) }
          : "met",
    robust: topic.robust,
    flips: topic.flips.length,
    score: formatScore(priority.score),
  });
}

/** Rows of the method's rules table on how sure a verdict is: ranges, minimum evidence, steps, priority. */
export function certaintyMethodRows(rules: Rules, lang: Lang): [string, string][] {
  const ranges = [...PREVALENCE_ORDER]
    .reverse()
    .map((word) => {
      const range = prevalenceRange(rules, word);
      return `${PREVALENCE_LABELS[lang][word]} ${range.low === range.high ? formatScore(range.low) : `${formatScore(range.low)}–${formatScore(range.high)}`}`;
    })
    .join(" · ");
  const steps = sensitivitySteps(rules);
  const weights = priorityWeights(rules);
  return CERTAINTY_WORDS[lang].methodRows({
    ranges,
    minimumRegions: rules.minimum_evidence_regions ?? minimumEvidenceRegions(rules, 1),
    scoreStep: formatScore(steps.score),
    regionsStep: steps.regions,
    perGroup: formatScore(weights.per_group),
    shortfall: formatScore(weights.shortfall),
    robust: formatScore(weights.robust),
  });
}
