// `dekking sensitivity --format json`: per topic its verdict, the verdict range of its
// interval, and every single change that flips it.

import { sensitivitySteps } from "../analyse/certaintyRules.js";
import type { Coverage } from "../analyse/coverage.js";
import { jsonOutput } from "./escape/json.js";

export function renderSensitivityJson(coverage: Coverage): string {
  return jsonOutput({
    study: coverage.study,
    steps: sensitivitySteps(coverage.rules),
    topics: coverage.topics.map((t) => ({
      id: t.id,
      label: t.label,
      verdict: t.verdict,
      gap: t.gap,
      regional: { score: t.regional.score, interval: t.regional.interval },
      verdict_range: t.verdictRange,
      robust: t.robust,
      flips: t.flips,
      priority: t.priority?.rank ?? null,
    })),
  });
}
