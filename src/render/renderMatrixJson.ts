// The stable JSON contract of `dekking matrix --format json` (documented in the README).
// Per topic, the assessed plans' findings with their passages (a plan silent on a topic is
// left out: with many plans those would multiply the output; `dekking regions --format json`
// has every status).

import { jsonOutput } from "./escape/json.js";
import type { Coverage } from "../analyse/coverage.js";
import { reasonText } from "../messages/labels.js";
import type { RenderOptions } from "./renderer.js";

export function coverageToJson(coverage: Coverage, options: Pick<RenderOptions, "lang">): unknown {
  return {
    study: coverage.study,
    rules: coverage.rules,
    accords: coverage.accords,
    region_plans: coverage.regionPlanCount,
    topics: coverage.topics.map((topic) => ({
      id: topic.id,
      label: topic.label,
      label_en: topic.labelEn ?? null,
      category: topic.category,
      indicator: topic.indicator,
      demand: { groups: topic.demand.groups, themes: topic.demand.themes },
      required: topic.required,
      national: {
        score: topic.national.score,
        breadth: topic.national.breadth,
        accords: topic.national.accords,
        actions: topic.national.actions,
      },
      regional: {
        score: topic.regional.score,
        estimate: topic.regional.estimate,
        counted: topic.regional.counted,
        assessed_findings: topic.regional.assessedFindings,
        sample: topic.regional.sample,
        interval: topic.regional.interval,
        evidence_regions: topic.regional.evidenceRegions,
        minimum_regions: topic.regional.minimumRegions,
        unassessed_regions: topic.regional.unassessedRegions,
        // Per assessed plan (findings other than `unknown`), the status, score and the passages it rests on.
        plans: topic.regional.plans
          .filter((plan) => plan.status !== "unknown")
          .map((plan) => ({
            region: plan.region,
            file: plan.file,
            status: plan.status,
            scope: plan.scope,
            indirect: plan.indirect,
            score: plan.score,
            passages: plan.passages,
            note: plan.note,
          })),
      },
      verdict: topic.verdict,
      gap: topic.gap,
      verdict_range: topic.verdictRange,
      robust: topic.robust,
      flips: topic.flips,
      priority: topic.priority?.rank ?? null,
      priority_score: topic.priority
        ? {
            score: topic.priority.score,
            groups: topic.priority.groups,
            national_shortfall: topic.priority.nationalShortfall,
            regional_shortfall: topic.priority.regionalShortfall,
            robust: topic.priority.robust,
          }
        : null,
      reasons: topic.reasons.map((reason) => ({ ...reason, text: reasonText(reason, options.lang, coverage.vocabulary) })),
      reference: topic.reference,
      disposition: topic.disposition,
    })),
  };
}

export function renderMatrixJson(coverage: Coverage, options: RenderOptions): string {
  return jsonOutput(coverageToJson(coverage, options));
}
