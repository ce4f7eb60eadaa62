// The sections through a persona's eyes: her needs, the topics behind each with coverage and
// verdict, and the OPaZ bottlenecks.

import { bottleneckView, personaCoverage, personasInScope } from "../../../analyse/personaCoverage.js";
import { ownValue } from "../../../ownKeys.js";
import { DECISION_LABELS, formatScore } from "../../../messages/labels.js";
import { bottleneckIntro, needSentences, PERSONA_WORDS, topicName } from "../../renderPersona.js";
import { formatSource } from "../../formatSource.js";
import type { Block, Section } from "../blocks.js";
import { regionalScoreText, topicAnchor, verdictText, verdictTone, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../../messages/reportText.js";

export function personaSections(ctx: BuildContext): Section[] {
  const { study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const personas = personasInScope(study);
  return personas.map((persona, index) => {
    const view = personaCoverage(persona, coverage);
    const blocks: Block[] = [
      { kind: "heading", text: persona.heading },
      { kind: "quote", text: persona.description.replace(/\s+/g, " ").trim(), source: `${w.source}: ${formatSource(persona.source)}`, accent: true },
      { kind: "paragraph", text: `${w.inScope}: ${persona.reason.replace(/\s+/g, " ").trim()}` },
      { kind: "paragraph", text: REPORT_TEXT[lang].personaIntro },
    ];
    view.needs.forEach((need, needIndex) => {
      const sentences = needSentences(need, lang);
      blocks.push({ kind: "heading", text: `${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}` });
      blocks.push({ kind: "paragraph", text: `${w.rests}: “${need.need.phrase}” (${w.judgement})`, style: "small" });
      blocks.push({
        kind: "table",
        caption: `${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}`,
        columns: [
          { header: w.topic },
          ...coverage.accords.map((a) => ({ header: a.name, align: "right" as const, width: "narrow" as const })),
          { header: w.regions, align: "right", width: "number" },
          { header: w.verdict, width: "medium" },
        ],
        rows: need.topics.map((topic) => ({
          cells: [
            { text: topicName(topic, lang), href: topicAnchor(topic.id) },
            ...coverage.accords.map((a) => ({ text: formatScore(ownValue(topic.national.accords, a.id) ?? 0), align: "right" as const })),
            { text: regionalScoreText(topic, "—"), align: "right" },
            {
              text: verdictText(topic, lang),
              tone: verdictTone(topic.verdict),
              ...(topic.disposition ? { note: DECISION_LABELS[lang][topic.disposition.decision] } : {}),
            },
          ],
        })),
        rowHeaders: true,
      });
      blocks.push({ kind: "list", items: [sentences.covered, sentences.notCovered, ...(sentences.unjudged ? [sentences.unjudged] : [])] });
      blocks.push({ kind: "paragraph", text: `${w.note}: ${need.need.note.replace(/\s+/g, " ").trim()}`, style: "small" });
    });
    if (index === personas.length - 1) blocks.push(...bottleneckBlocks(ctx));
    return { id: `persona-${persona.id}`, title: `${w.eyesOf} ${persona.name}`, blocks };
  });
}

function bottleneckBlocks(ctx: BuildContext): Block[] {
  const { study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const view = bottleneckView(study, coverage);
  if (view.rows.length === 0) return [];
  const names = new Map(coverage.topics.map((t) => [t.id, topicName(t, lang)]));
  const topicList = (ids: readonly string[]): string => (ids.length === 0 ? "0" : `${ids.length} — ${ids.map((id) => names.get(id) ?? id).join(", ")}`);
  return [
    { kind: "heading", text: w.bottlenecks },
    { kind: "paragraph", text: bottleneckIntro(view, lang) },
    {
      kind: "table",
      caption: w.bottlenecks,
      columns: [{ header: w.bottleneck, width: "wide" }, { header: w.themes, align: "right", width: "number" }, { header: w.flaggedTopics }],
      rows: [
        ...view.rows.map((row) => ({
          cells: [
            { text: lang === "en" ? row.bottleneck.label_en : row.bottleneck.label },
            { text: String(row.themes.length), align: "right" as const },
            { text: topicList(row.flaggedTopics) },
          ],
        })),
        { cells: [{ text: w.untagged }, { text: "" }, { text: topicList(view.untagged) }] },
      ],
      rowHeaders: true,
    },
  ];
}
