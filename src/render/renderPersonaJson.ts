// `dekking persona <id> --format json`: a persona's needs, the topics behind each with their
// coverage and verdict, and the need's sentences (the words the report's section uses).

import type { PersonaCoverage } from "../analyse/personaCoverage.js";
import type { Lang } from "../messages/labels.js";
import { needSentences } from "../document/sections/personas.js";
import { jsonOutput } from "./escape/json.js";

export function renderPersonaJson(view: PersonaCoverage, lang: Lang): string {
  const { persona } = view;
  return jsonOutput({
    persona: {
      id: persona.id,
      name: persona.name,
      heading: persona.heading,
      description: persona.description,
      source: persona.source,
      in_scope: persona.in_scope,
      reason: persona.reason,
    },
    needs: view.needs.map((need) => ({
      id: need.need.id,
      need: need.need.need,
      need_en: need.need.need_en,
      phrase: need.need.phrase,
      encoding: need.need.encoding,
      note: need.need.note,
      topics: need.topics.map((t) => ({
        id: t.id,
        label: t.label,
        national: { score: t.national.score, accords: t.national.accords },
        regional: { score: t.regional.score, estimate: t.regional.estimate },
        verdict: t.verdict,
        gap: t.gap,
        disposition: t.disposition?.decision ?? null,
      })),
      sentences: needSentences(need, lang),
    })),
    verdictCounts: view.verdictCounts,
  });
}
