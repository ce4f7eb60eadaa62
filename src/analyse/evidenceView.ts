// Which evidence an analysis looks at: the evidence in force at a date (periods), and the
// evidence the study report itself held. Both are pure transformations of a Study, applied
// before computeCoverage, so the verdict rules stay one function.

import type { Accord, ActionFile, Period, Study } from "../model.js";

export const EVIDENCE_VIEWS = ["all", "report"] as const;
/** `all`: every encoded source; `report`: only what the study report itself holds. */
export type EvidenceView = (typeof EVIDENCE_VIEWS)[number];

/** True when `date` (YYYY-MM-DD) lies within the period; ends count as inside; no period is always. */
export function inForce(period: Period | undefined, date: string): boolean {
  if (!period) return true;
  return (period.from === undefined || period.from <= date) && (period.to === undefined || date <= period.to);
}

/** An action left out at a date, and why. */
export interface OutOfPeriod {
  accord: string;
  action: ActionFile;
  /** `lapsed`: its period ended before the date; `not-yet`: it starts after the date. */
  state: "lapsed" | "not-yet";
}

function stateAt(period: Period, date: string): OutOfPeriod["state"] {
  return period.to !== undefined && period.to < date ? "lapsed" : "not-yet";
}

/**
 * The study as it stands at `date`: accords not in force are no columns, and actions
 * outside their period are left out. `outOfPeriod` lists what was left out (accords'
 * actions too), so explanations can name it.
 */
export function studyAsOf(study: Study, date: string): { study: Study; outOfPeriod: OutOfPeriod[] } {
  const outOfPeriod: OutOfPeriod[] = [];
  const accords: Accord[] = [];
  for (const accord of study.accords) {
    if (!inForce(accord.period, date)) {
      for (const action of accord.actions) outOfPeriod.push({ accord: accord.id, action, state: stateAt(accord.period!, date) });
      continue;
    }
    const actions = accord.actions.filter((action) => {
      if (inForce(action.period, date)) return true;
      outOfPeriod.push({ accord: accord.id, action, state: stateAt(action.period!, date) });
      return false;
    });
    accords.push(actions.length === accord.actions.length ? accord : { ...accord, actions });
  }
  return { study: { ...study, accords, asOf: date }, outOfPeriod };
}

/**
 * The study with only the evidence of the study report: national actions sourced from the
 * document of kind `report`, the report's own regional sample, no assessed region plans.
 * This reproduces the 2024 analysis whatever primary texts and plans are added later.
 */
export function reportEvidenceOnly(study: Study): Study {
  const reportDocs = new Set(study.study.documents.filter((d) => d.kind === "report").map((d) => d.id));
  return {
    ...study,
    accords: study.accords.map((accord) => ({ ...accord, actions: accord.actions.filter((action) => reportDocs.has(action.source.doc)) })),
    regionPlans: [],
    evidence: "report",
  };
}

/**
 * The study an analysis command works on: at `asOf` (default: the study's own date, so
 * output stays reproducible), with the chosen evidence.
 */
export function selectEvidence(
  study: Study,
  options: { asOf?: string | undefined; evidence?: EvidenceView | undefined },
): { study: Study; outOfPeriod: OutOfPeriod[] } {
  const base = options.evidence === "report" ? reportEvidenceOnly(study) : study;
  return studyAsOf(base, options.asOf ?? study.study.date);
}
