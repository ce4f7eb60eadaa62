// How sure a verdict is, in words and symbols, shared by every output kind: the matrix
// marker, a flipping change, the interval and what its ends assume, the priority reason.
// Returns plain text; each renderer escapes it with the escape step of its output kind,
// since action ids, file and region names come from the data.

import { minimumEvidenceRegions, prevalenceRange, priorityWeights, sensitivitySteps, type PrevalenceWord } from "../analyse/certaintyRules.js";
import { PREVALENCE_ORDER } from "../analyse/sensitivity.js";
import type { Flip, TopicCoverage } from "../analyse/coverage.js";
import type { Prevalence, Rules, Vocabulary } from "../model.js";
import {
  formatGroups,
  formatScore,
  GAP_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  type Lang,
} from "../messages/labels.js";

/** `!` gevoelig (a single change flips the verdict), `±` onzeker (the ends of the interval differ). */
export const CERTAINTY_SYMBOLS = { sensitive: "!", uncertain: "±" } as const;

export function isUncertain(topic: Pick<TopicCoverage, "verdictRange">): boolean {
  return topic.verdictRange.pessimistic !== topic.verdictRange.optimistic;
}

/** The matrix marker: "", "!", "±" or "!±". */
export function certaintyMarker(topic: Pick<TopicCoverage, "robust" | "verdictRange">): string {
  return `${topic.robust ? "" : CERTAINTY_SYMBOLS.sensitive}${isUncertain(topic) ? CERTAINTY_SYMBOLS.uncertain : ""}`;
}

export const CERTAINTY_WORDS: Record<Lang, { column: string; robust: string; sensitive: string; certain: string; uncertain: string; legend: string }> = {
  nl: {
    column: "Zeker",
    robust: "robuust",
    sensitive: "gevoelig",
    certain: "zeker",
    uncertain: "onzeker",
    legend:
      "Zeker: ! = gevoelig (één wijziging van een regel of codering kantelt het oordeel; dekking sensitivity), ± = onzeker (pessimistisch en optimistisch oordeel verschillen), leeg = robuust en zeker",
  },
  en: {
    column: "Sure",
    robust: "robust",
    sensitive: "sensitive",
    certain: "certain",
    uncertain: "uncertain",
    legend:
      "Sure: ! = sensitive (one change of a rule or an encoding flips the verdict; dekking sensitivity), ± = uncertain (pessimistic and optimistic verdicts differ), blank = robust and certain",
  },
};

function prevalenceLabel(word: string | number, lang: Lang): string {
  return PREVALENCE_LABELS[lang][word as Prevalence] ?? String(word);
}

function value(kind: Flip["kind"], v: string | number, lang: Lang): string {
  const nl = lang === "nl";
  if (typeof v === "number") return formatScoreOrCount(v);
  switch (kind) {
    case "strength":
      return STRENGTH_LABELS[lang][v as keyof (typeof STRENGTH_LABELS)["nl"]] ?? v;
    case "scope":
      return v === "general" ? (nl ? "algemeen" : "general") : nl ? "specifiek" : "specific";
    case "prevalence":
      return prevalenceLabel(v, lang);
    case "status":
      return PLAN_STATUS_LABELS[lang][v as keyof (typeof PLAN_STATUS_LABELS)["nl"]] ?? v;
    case "evidence":
      return v === "indirect" ? "indirect" : nl ? "direct" : "direct";
    case "rule":
      return v;
  }
}

function formatScoreOrCount(v: number): string {
  return Number.isInteger(v) && v > 1 ? String(v) : formatScore(v);
}

/** What a change moves, without its outcome: "required_coverage.two_or_more_groups 0.75 → 0.80". */
export function changeText(flip: Omit<Flip, "verdict" | "gap">, lang: Lang): string {
  const nl = lang === "nl";
  const move = `${value(flip.kind, flip.from, lang)} → ${value(flip.kind, flip.to, lang)}`;
  const sample = nl ? "steekproef" : "sample";
  switch (flip.kind) {
    case "rule":
      return `rules.yaml ${flip.what}: ${move}`;
    case "strength":
      return `${(flip.accord ?? "").toUpperCase()} ${flip.what}: ${nl ? "sterkte" : "strength"} ${move}`;
    case "scope":
      // An action's scope names its accord; a region plan's finding names its region and file.
      return flip.accord !== undefined
        ? `${flip.accord.toUpperCase()} ${flip.what}: ${nl ? "reikwijdte" : "scope"} ${move}`
        : `${flip.region ?? ""} (${flip.what}): ${nl ? "reikwijdte" : "scope"} ${move}`;
    case "prevalence":
      return `${sample}: ${move}`;
    case "evidence":
      return `${flip.what === "sample" ? sample : `${flip.region ?? ""} (${flip.what})`}: ${nl ? "bewijs" : "evidence"} ${move}`;
    case "status":
      return `${flip.region ?? ""} (${flip.what}): status ${move}`;
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
  if (score === null) return lang === "nl" ? "niet beoordeeld" : "not assessed";
  const point = `${estimate ? "~" : ""}${formatScore(score)}`;
  if (!interval || (interval.low === score && interval.high === score)) return point;
  return `${point} (${formatScore(interval.low)}–${formatScore(interval.high)})`;
}

/** What the pessimistic and the optimistic end assume for this topic. */
export function endAssumptions(topic: Pick<TopicCoverage, "regional">, rules: Rules, lang: Lang): { pessimistic: string; optimistic: string } {
  const nl = lang === "nl";
  const { sample, unassessedRegions, plans } = topic.regional;
  const parts = (end: "low" | "high"): string[] => {
    const out: string[] = [];
    if (sample && sample.share !== null && sample.prevalence !== "not-assessed") {
      const range = prevalenceRange(rules, sample.prevalence as PrevalenceWord);
      const share = formatScore(range[end] * (sample.indirect ? rules.indirect_factor : 1));
      out.push(
        nl
          ? `“${PREVALENCE_LABELS.nl[sample.prevalence]}” aan de ${end === "low" ? "lage" : "hoge"} kant van ${formatScore(range.low)}–${formatScore(range.high)}: ${share}${sample.indirect ? " (indirect)" : ""} voor ${sample.regions} regio('s)`
          : `“${PREVALENCE_LABELS.en[sample.prevalence]}” at the ${end} end of ${formatScore(range.low)}–${formatScore(range.high)}: ${share}${sample.indirect ? " (indirect)" : ""} for ${sample.regions} region(s)`,
      );
    }
    const assessed = plans.filter((p) => p.score !== null).length;
    if (assessed > 0) out.push(nl ? `${assessed} beoordeeld(e) regioplan(nen) op hun eigen score` : `${assessed} assessed plan(s) at their own score`);
    if (unassessedRegions > 0)
      out.push(
        nl
          ? `${unassessedRegions} regio('s) zonder bewijs op ${end === "low" ? "0" : "1"}`
          : `${unassessedRegions} region(s) without evidence at ${end === "low" ? "0" : "1"}`,
      );
    return out;
  };
  return { pessimistic: parts("low").join("; "), optimistic: parts("high").join("; ") };
}

/** Why a flagged topic has its priority, in one sentence. */
export function priorityReason(topic: TopicCoverage, rules: Rules, lang: Lang, vocabulary: Vocabulary): string {
  const nl = lang === "nl";
  const priority = topic.priority;
  if (!priority) return "";
  const groups = topic.demand.groups;
  const demand = nl
    ? `Genoemd door ${groups.length} groep${groups.length === 1 ? "" : "en"} (${formatGroups(groups, vocabulary, lang)})`
    : `Raised by ${groups.length} group${groups.length === 1 ? "" : "s"} (${formatGroups(groups, vocabulary, lang)})`;
  const national =
    priority.nationalShortfall > 0
      ? nl
        ? `landelijk ${formatScore(topic.national.score)} waar ${formatScore(rules.national_threshold)} nodig is`
        : `national ${formatScore(topic.national.score)} where ${formatScore(rules.national_threshold)} is needed`
      : nl
        ? "landelijk voldoende"
        : "national coverage sufficient";
  const regional =
    topic.regional.score === null
      ? nl
        ? "regionaal niet beoordeeld (telt als 0.50)"
        : "not assessed regionally (counts as 0.50)"
      : priority.regionalShortfall > 0
        ? nl
          ? `regionaal ${formatScore(topic.regional.score)} waar ${formatScore(topic.required ?? 0)} nodig is`
          : `regional ${formatScore(topic.regional.score)} where ${formatScore(topic.required ?? 0)} is needed`
        : nl
          ? "regionaal voldoende"
          : "regional coverage sufficient";
  const robust = topic.robust
    ? nl
      ? "robuust"
      : "robust"
    : nl
      ? `gevoelig (${topic.flips.length === 1 ? "1 wijziging kantelt" : `${topic.flips.length} wijzigingen kantelen`} het oordeel)`
      : `sensitive (${topic.flips.length === 1 ? "1 change flips" : `${topic.flips.length} changes flip`} the verdict)`;
  return `${demand}; ${national}, ${regional}; ${robust} — ${nl ? "score" : "score"} ${formatScore(priority.score)}.`;
}

/** Rows of the method's rules table on how sure a verdict is: ranges, minimum evidence, steps, priority. */
export function certaintyMethodRows(rules: Rules, lang: Lang): [string, string][] {
  const nl = lang === "nl";
  const ranges = [...PREVALENCE_ORDER]
    .reverse()
    .map((word) => {
      const range = prevalenceRange(rules, word);
      return `${PREVALENCE_LABELS[lang][word]} ${range.low === range.high ? formatScore(range.low) : `${formatScore(range.low)}–${formatScore(range.high)}`}`;
    })
    .join(" · ");
  const steps = sensitivitySteps(rules);
  const weights = priorityWeights(rules);
  const minimum = rules.minimum_evidence_regions ?? minimumEvidenceRegions(rules, 1);
  return nl
    ? [
        [
          "Bereik van een woord",
          `${ranges}; het pessimistische oordeel neemt elk woord aan de lage kant, het optimistische aan de hoge kant; regio's zonder enig bewijs tellen van 0 tot 1; een status in een regioplan is een punt`,
        ],
        [
          "Minimum bewijs",
          `een regionale score telt pas met bewijs uit ten minste ${minimum} regio's (nooit meer dan de steekproef): de regio's van de steekproef als die het onderwerp beoordeelde, plus regio's met een beoordeeld regioplan`,
        ],
        [
          "Gevoeligheid",
          `elk getal van deze tabel ± ${formatScore(steps.score)} (minimum ± ${steps.regions}), en per onderwerp elke codering één stap: sterkte van een actie, reikwijdte, woord van de steekproef, indirect bewijs, status van een regioplan; kantelt geen enkele wijziging het oordeel, dan is het robuust`,
        ],
        [
          "Prioriteit",
          `${formatScore(weights.per_group)} per groep + ${formatScore(weights.shortfall)} × (landelijk tekort + regionaal tekort, elk als deel van de drempel; onbekend regionaal telt als 0.50) + ${formatScore(weights.robust)} als het oordeel robuust is`,
        ],
      ]
    : [
        [
          "Range of a word",
          `${ranges}; the pessimistic verdict takes each word at its low end, the optimistic at its high end; regions without any evidence count from 0 to 1; a plan's status is a point`,
        ],
        [
          "Minimum evidence",
          `a regional score counts only with evidence from at least ${minimum} regions (never more than the sample): the sample's regions where it assessed the topic, plus regions with an assessed plan`,
        ],
        [
          "Sensitivity",
          `each number of this table ± ${formatScore(steps.score)} (minimum ± ${steps.regions}), and per topic each encoding one step: an action's strength, scope, the sample's word, indirect evidence, a plan's status; a verdict no single change flips is robust`,
        ],
        [
          "Priority",
          `${formatScore(weights.per_group)} per group + ${formatScore(weights.shortfall)} × (national shortfall + regional shortfall, each as a share of its threshold; unknown regional counts as 0.50) + ${formatScore(weights.robust)} when the verdict is robust`,
        ],
      ];
}
