// How sure a verdict is, in words, in Dutch and English: the matrix's certainty column and
// legend, a flipping change, what the ends of the regional interval assume, why a flagged
// topic has its priority, and the method's rows on certainty. render/certaintyText.ts
// computes the numbers and hands them here formatted; this file only says them, choosing
// plurals by count.

import { count } from "./reportText.js";
import type { Lang } from "./labels.js";

/** What one end of the regional interval assumes; every part is left out where it does not apply. */
export interface EndAssumption {
  /** `low`: the pessimistic end; `high`: the optimistic one. */
  end: "low" | "high";
  /** The sample's word at this end of its range; undefined without a judged sample. */
  sample?: {
    /** The prevalence word in the language ("de meeste plannen"). */
    word: string;
    /** The word's range, formatted ("0.60", "0.90"). */
    low: string;
    high: string;
    /** The share taken at this end, after the indirect factor, formatted. */
    share: string;
    indirect: boolean;
    /** Regions the sample's share counts for. */
    regions: number;
  };
  /** Assessed region plans, each counted at its own score. */
  assessedPlans: number;
  /** Regions without any evidence, counted at 0 (low end) or 1 (high end). */
  unassessedRegions: number;
}

/** The parts of the priority sentence of a flagged topic, numbers formatted. */
export interface PriorityFacts {
  /** Respondent groups that raise the topic, and their names joined. */
  groups: number;
  groupNames: string;
  /** The national score and the threshold it misses; undefined where it is met. */
  nationalShort?: { score: string; threshold: string };
  /** `unassessed`: no regional score (counted as 0.50); `met`; else the score and the required coverage it misses. */
  regional: "unassessed" | "met" | { score: string; required: string };
  /** No single change flips the verdict; else how many single changes do. */
  robust: boolean;
  flips: number;
  /** The priority score, formatted. */
  score: string;
}

/** The values the method's rows on certainty name, formatted. */
export interface CertaintyMethodFacts {
  /** Every prevalence word with its range, joined ("alle plannen 1.00 · … "). */
  ranges: string;
  /** Regions of evidence a regional score needs. */
  minimumRegions: number;
  /** The step of a score rule and of the minimum number of regions in the sensitivity analysis. */
  scoreStep: string;
  regionsStep: number;
  /** Priority weights: per group, per shortfall, for a robust verdict. */
  perGroup: string;
  shortfall: string;
  robust: string;
}

/** The words of certainty for one language. */
export interface CertaintyWords {
  /** Header of the matrix's certainty column. */
  column: string;
  robust: string;
  sensitive: string;
  certain: string;
  uncertain: string;
  /** The legend line on the markers `!` and `±`. */
  legend: string;
  /** The regional interval where there is no regional score. */
  notAssessed: string;
  /** What a flipping change moves, as it is named before the values. */
  moves: { sample: string; strength: string; scope: string; evidence: string; status: string };
  /** Direct or indirect evidence as a value of a change. */
  evidence: { direct: string; indirect: string };
  /** What one end of the interval assumes, as a list joined by "; " ("" when nothing). */
  endAssumption: (facts: EndAssumption) => string;
  /** Why a flagged topic has its priority, in one sentence. */
  priorityReason: (facts: PriorityFacts) => string;
  /** Rows (rule, value and effect) of the method's table on how sure a verdict is. */
  methodRows: (facts: CertaintyMethodFacts) => [string, string][];
}

export const CERTAINTY_WORDS: Record<Lang, CertaintyWords> = {
  nl: {
    column: "Zeker",
    robust: "robuust",
    sensitive: "gevoelig",
    certain: "zeker",
    uncertain: "onzeker",
    legend:
      "Zeker: ! = gevoelig (één wijziging van een regel of codering kantelt het oordeel; dekking sensitivity), ± = onzeker (pessimistisch en optimistisch oordeel verschillen), leeg = robuust en zeker",
    notAssessed: "niet beoordeeld",
    moves: { sample: "steekproef", strength: "sterkte", scope: "reikwijdte", evidence: "bewijs", status: "status" },
    evidence: { direct: "direct", indirect: "indirect" },
    endAssumption: ({ end, sample, assessedPlans, unassessedRegions }) => {
      const parts: string[] = [];
      if (sample)
        parts.push(
          `“${sample.word}” aan de ${end === "low" ? "lage" : "hoge"} kant van ${sample.low}–${sample.high}: ${sample.share}${sample.indirect ? " (indirect)" : ""} voor ${count(sample.regions, "regio", "regio's")}`,
        );
      if (assessedPlans > 0)
        parts.push(assessedPlans === 1 ? "1 beoordeeld regioplan op zijn eigen score" : `${assessedPlans} beoordeelde regioplannen op hun eigen score`);
      if (unassessedRegions > 0) parts.push(`${count(unassessedRegions, "regio", "regio's")} zonder bewijs op ${end === "low" ? "0" : "1"}`);
      return parts.join("; ");
    },
    priorityReason: (f) => {
      const national = f.nationalShort ? `landelijk ${f.nationalShort.score} waar ${f.nationalShort.threshold} nodig is` : "landelijk voldoende";
      const regional =
        f.regional === "unassessed"
          ? "regionaal niet beoordeeld (telt als 0.50)"
          : f.regional === "met"
            ? "regionaal voldoende"
            : `regionaal ${f.regional.score} waar ${f.regional.required} nodig is`;
      const robust = f.robust ? "robuust" : `gevoelig (${f.flips === 1 ? "1 wijziging kantelt" : `${f.flips} wijzigingen kantelen`} het oordeel)`;
      return `Genoemd door ${count(f.groups, "groep", "groepen")} (${f.groupNames}); ${national}, ${regional}; ${robust} — score ${f.score}.`;
    },
    methodRows: (f) => [
      [
        "Bereik van een woord",
        `${f.ranges}; het pessimistische oordeel neemt elk woord aan de lage kant, het optimistische aan de hoge kant; regio's zonder enig bewijs tellen van 0 tot 1; een status in een regioplan is een punt`,
      ],
      [
        "Minimum bewijs",
        `een regionale score telt pas met bewijs uit ten minste ${f.minimumRegions} regio's (nooit meer dan de steekproef): de regio's van de steekproef als die het onderwerp beoordeelde, plus regio's met een beoordeeld regioplan`,
      ],
      [
        "Gevoeligheid",
        `elk getal van deze tabel ± ${f.scoreStep} (minimum ± ${f.regionsStep}), en per onderwerp elke codering één stap: sterkte van een actie, reikwijdte, woord van de steekproef, indirect bewijs, status van een regioplan; kantelt geen enkele wijziging het oordeel, dan is het robuust`,
      ],
      [
        "Prioriteit",
        `${f.perGroup} per groep + ${f.shortfall} × (landelijk tekort + regionaal tekort, elk als deel van de drempel; onbekend regionaal telt als 0.50) + ${f.robust} als het oordeel robuust is`,
      ],
    ],
  },
  en: {
    column: "Sure",
    robust: "robust",
    sensitive: "sensitive",
    certain: "certain",
    uncertain: "uncertain",
    legend:
      "Sure: ! = sensitive (one change of a rule or an encoding flips the verdict; dekking sensitivity), ± = uncertain (pessimistic and optimistic verdicts differ), blank = robust and certain",
    notAssessed: "not assessed",
    moves: { sample: "sample", strength: "strength", scope: "scope", evidence: "evidence", status: "status" },
    evidence: { direct: "direct", indirect: "indirect" },
    endAssumption: ({ end, sample, assessedPlans, unassessedRegions }) => {
      const parts: string[] = [];
      if (sample)
        parts.push(
          `“${sample.word}” at the ${end} end of ${sample.low}–${sample.high}: ${sample.share}${sample.indirect ? " (indirect)" : ""} for ${count(sample.regions, "region", "regions")}`,
        );
      if (assessedPlans > 0) parts.push(assessedPlans === 1 ? "1 assessed plan at its own score" : `${assessedPlans} assessed plans at their own score`);
      if (unassessedRegions > 0) parts.push(`${count(unassessedRegions, "region", "regions")} without evidence at ${end === "low" ? "0" : "1"}`);
      return parts.join("; ");
    },
    priorityReason: (f) => {
      const national = f.nationalShort ? `national ${f.nationalShort.score} where ${f.nationalShort.threshold} is needed` : "national coverage sufficient";
      const regional =
        f.regional === "unassessed"
          ? "not assessed regionally (counts as 0.50)"
          : f.regional === "met"
            ? "regional coverage sufficient"
            : `regional ${f.regional.score} where ${f.regional.required} is needed`;
      const robust = f.robust ? "robust" : `sensitive (${f.flips === 1 ? "1 change flips" : `${f.flips} changes flip`} the verdict)`;
      return `Raised by ${count(f.groups, "group", "groups")} (${f.groupNames}); ${national}, ${regional}; ${robust} — score ${f.score}.`;
    },
    methodRows: (f) => [
      [
        "Range of a word",
        `${f.ranges}; the pessimistic verdict takes each word at its low end, the optimistic at its high end; regions without any evidence count from 0 to 1; a plan's status is a point`,
      ],
      [
        "Minimum evidence",
        `a regional score counts only with evidence from at least ${f.minimumRegions} regions (never more than the sample): the sample's regions where it assessed the topic, plus regions with an assessed plan`,
      ],
      [
        "Sensitivity",
        `each number of this table ± ${f.scoreStep} (minimum ± ${f.regionsStep}), and per topic each encoding one step: an action's strength, scope, the sample's word, indirect evidence, a plan's status; a verdict no single change flips is robust`,
      ],
      [
        "Priority",
        `${f.perGroup} per group + ${f.shortfall} × (national shortfall + regional shortfall, each as a share of its threshold; unknown regional counts as 0.50) + ${f.robust} when the verdict is robust`,
      ],
    ],
  },
};
