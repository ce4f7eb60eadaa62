// The sections through a persona's eyes (the report's, and what `dekking persona` shows):
// who she is and whether she is in the study's population, her needs, the topics behind each
// with their coverage per accord and region and their verdict, and per need one sentence on
// what is covered and one on what is not; after the last, the OPaZ bottlenecks.

import { bottleneckView, personaCoverage, personasInScope, type NeedCoverage } from "../../analyse/personaCoverage.js";
import type { Persona } from "../../model.js";
import { ownValue } from "../../ownKeys.js";
import { DECISION_LABELS, formatScore, GAP_LABELS, VERDICT_LABELS, WORDS, type Lang } from "../../messages/labels.js";
import { joinWords, PERSONA_TEXT, REPORT_TEXT } from "../../messages/reportText.js";
import { formatSource } from "../../messages/formatSource.js";
import type { Block, Section } from "../blocks.js";
import { regionalScoreText, topicAnchor, topicLabel, verdictText, verdictTone, type BuildContext } from "../common.js";

export interface NeedSentences {
  covered: string;
  notCovered: string;
  /** Only where a topic of the need was raised by no interview theme. */
  unjudged?: string;
}

/** Per need, in one sentence each, what the rules call covered and what not (plain text, unescaped). */
export function needSentences(need: NeedCoverage, lang: Lang): NeedSentences {
  const w = PERSONA_TEXT[lang];
  const byId = new Map(need.topics.map((t) => [t.id, t]));
  const name = (id: string): string => topicLabel(byId.get(id)!, lang);
  const covered = need.covered.length > 0 ? w.covered(joinWords(need.covered.map(name), lang)) : w.noneCovered;
  const notCovered =
    need.flagged.length > 0
      ? w.notCovered(
          joinWords(
            need.flagged.map((id) => {
              const topic = byId.get(id)!;
              const gap = topic.gap && topic.verdict !== "witte-vlek" ? GAP_LABELS[lang][topic.gap] : null;
              return w.flaggedTopic(name(id), VERDICT_LABELS[lang][topic.verdict], gap);
            }),
            lang,
          ),
        )
      : w.noneFlagged;
  const sentences: NeedSentences = { covered, notCovered };
  if (need.unjudged.length > 0) {
    sentences.unjudged = w.unjudged(
      joinWords(
        need.unjudged.map((id) => {
          const topic = byId.get(id)!;
          return w.unjudgedTopic(name(id), formatScore(topic.national.score), regionalScoreText(topic, w.notAssessed));
        }),
        lang,
      ),
    );
  }
  return sentences;
}

/** One persona's section: a persona outside the study's population has no needs, only the reason. */
export function personaSection(ctx: BuildContext, persona: Persona): Section {
  const { coverage, lang } = ctx;
  const w = PERSONA_TEXT[lang];
  const words = WORDS[lang];
  const view = personaCoverage(persona, coverage);
  const blocks: Block[] = [
    { kind: "heading", text: persona.heading },
    { kind: "quote", text: persona.description.replace(/\s+/g, " ").trim(), source: `${w.source}: ${formatSource(persona.source)}`, accent: true },
    { kind: "paragraph", text: `${persona.in_scope ? w.inScope : w.outOfScope}: ${persona.reason.replace(/\s+/g, " ").trim()}` },
  ];
  if (view.needs.length > 0) blocks.push({ kind: "paragraph", text: REPORT_TEXT[lang].personaIntro });
  view.needs.forEach((need, needIndex) => {
    const sentences = needSentences(need, lang);
    const title = `${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}`;
    blocks.push({ kind: "heading", text: title });
    blocks.push({ kind: "paragraph", text: `${w.restsOn(need.need.phrase)} (${w.judgement})`, style: "small" });
    blocks.push({
      kind: "table",
      caption: title,
      columns: [
        { header: words.topic! },
        ...coverage.accords.map((a) => ({ header: a.name, align: "right" as const, width: "narrow" as const })),
        { header: words.regions!, align: "right", width: "number" },
        { header: words.verdict!, width: "medium" },
      ],
      rows: need.topics.map((topic) => ({
        cells: [
          { text: topicLabel(topic, lang), href: topicAnchor(topic.id) },
          ...coverage.accords.map((a) => ({ text: formatScore(ownValue(topic.national.accords, a.id) ?? 0), align: "right" as const })),
          { text: regionalScoreText(topic, "—"), align: "right" },
          {
            text: verdictText(topic, lang),
            tone: verdictTone(topic.verdict),
            ...(topic.disposition ? { note: `${w.decision}: ${DECISION_LABELS[lang][topic.disposition.decision]}` } : {}),
          },
        ],
      })),
      rowHeaders: true,
    });
    blocks.push({ kind: "list", items: [sentences.covered, sentences.notCovered, ...(sentences.unjudged ? [sentences.unjudged] : [])] });
    blocks.push({ kind: "paragraph", text: `${w.note}: ${need.need.note.replace(/\s+/g, " ").trim()}`, style: "small" });
  });
  return { id: `persona-${persona.id}`, title: w.eyesOf(persona.name), blocks };
}

/** The report's persona sections: one per persona in scope, the OPaZ bottlenecks after the last. */
export function personaSections(ctx: BuildContext): Section[] {
  const personas = personasInScope(ctx.study);
  return personas.map((persona, index) => {
    const section = personaSection(ctx, persona);
    return index === personas.length - 1 ? { ...section, blocks: [...section.blocks, ...bottleneckBlocks(ctx)] } : section;
  });
}

function bottleneckBlocks(ctx: BuildContext): Block[] {
  const { study, coverage, lang } = ctx;
  const w = PERSONA_TEXT[lang];
  const view = bottleneckView(study, coverage);
  if (view.rows.length === 0) return [];
  const names = new Map(coverage.topics.map((t) => [t.id, topicLabel(t, lang)]));
  const topicList = (ids: readonly string[]): string => (ids.length === 0 ? "0" : `${ids.length} — ${ids.map((id) => names.get(id) ?? id).join(", ")}`);
  const themes = view.rows.reduce((sum, r) => sum + r.themes.length, 0);
  return [
    { kind: "heading", text: w.bottlenecks },
    { kind: "paragraph", text: w.bottleneckIntro(view.flaggedCount, view.flaggedCount - view.untagged.length, themes) },
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
