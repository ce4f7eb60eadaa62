// The report's life-world lens: a section "Door de ogen van <persona>" per persona in the
// study's population, with her needs and the coverage of the topics behind them, and a short
// table of the OPaZ bottlenecks among the flagged topics.

import { bottleneckView, personaCoverage, personasInScope } from "../../analyse/personaCoverage.js";
import type { Study } from "../../model.js";
import { ownValue } from "../../ownKeys.js";
import { formatScore, GAP_LABELS, VERDICT_SHORT, VERDICT_SYMBOLS } from "../labels.js";
import { formatSource } from "../renderExplain.js";
import { bottleneckIntro, needSentences, PERSONA_WORDS, topicName } from "../renderPersona.js";
import { STYLES } from "./layout.js";
import { ACCENT, MUTED, VERDICT_FILLS } from "../palette.js";
import { startSection, type ReportContext } from "./reportContext.js";
import { writeTable, type TableRow } from "./writeTable.js";

/** How many parts of the report this module adds: one per persona in scope (the contents list needs it). */
export function personaSectionCount(study: Study): number {
  return personasInScope(study).length;
}

export function writePersonaSections(ctx: ReportContext): void {
  const { layout, study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const personas = personasInScope(study);
  personas.forEach((persona, index) => {
    startSection(ctx, `${w.eyesOf} ${persona.name}`, `persona-${persona.id}`);
    const view = personaCoverage(persona, coverage);
    layout.write(persona.heading, STYLES.h2, { spaceAfter: 4 });
    layout.writeParagraphs([
      { text: `“${persona.description.replace(/\s+/g, " ").trim()}”`, style: STYLES.lead, indent: 12, bar: ACCENT, spaceAfter: 2 },
      { text: `${w.source}: ${formatSource(persona.source)}`, style: STYLES.small, indent: 12, spaceAfter: 8 },
    ]);
    layout.write(`${w.inScope}: ${persona.reason.replace(/\s+/g, " ").trim()}`, STYLES.body, { spaceAfter: 4 });
    layout.write(
      lang === "nl"
        ? `Hieronder haar behoeften, elk met de woorden uit haar beschrijving waar ze op rust, en de onderwerpen van het onderzoek die daarbij horen, met hun dekking en oordeel. Welke behoeften en welke onderwerpen is een lezing van de codeur, geen uitspraak van de bron.`
        : `Below are her needs, each with the words of her description it rests on, and the study's topics that belong to it, with their coverage and verdict. Which needs and which topics is the encoder's reading, not a statement of the source.`,
      STYLES.body,
      { spaceAfter: 10 },
    );
    view.needs.forEach((need, needIndex) => {
      const sentences = needSentences(need, lang);
      layout.heading(`${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}`, STYLES.h3, { keepWith: 80, spaceBefore: 6, spaceAfter: 1 });
      layout.write(`${w.rests}: “${need.need.phrase}” (${w.judgement})`, { ...STYLES.small, color: MUTED }, { spaceAfter: 4 });
      const accordWidth = 38;
      const regionWidth = 46;
      const verdictWidth = 118;
      const rows: TableRow[] = need.topics.map((topic) => ({
        cells: [
          { text: topicName(topic, lang) },
          ...coverage.accords.map((a) => ({ text: formatScore(ownValue(topic.national.accords, a.id) ?? 0), align: "right" as const })),
          { text: topic.regional.score === null ? "—" : `${topic.regional.estimate ? "~" : ""}${formatScore(topic.regional.score)}`, align: "right" as const },
          {
            text: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}${topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : ""}`,
            fill: VERDICT_FILLS[topic.verdict],
          },
        ],
      }));
      writeTable(layout, {
        columns: [
          { header: w.topic, width: layout.contentWidth - coverage.accords.length * accordWidth - regionWidth - verdictWidth },
          ...coverage.accords.map((a) => ({ header: a.name, width: accordWidth, align: "right" as const })),
          { header: w.regions, width: regionWidth, align: "right" },
          { header: w.verdict, width: verdictWidth },
        ],
        rows,
        style: STYLES.tableCell,
        padding: 3,
        gutter: 1.5,
      });
      layout.y += 4;
      // The sentences and the note stay together, so a note never starts a page alone.
      const lines = [sentences.covered, sentences.notCovered, ...(sentences.unjudged ? [sentences.unjudged] : [])];
      layout.writeParagraphs([
        ...lines.map((text) => ({ text, style: STYLES.body, indent: 12, spaceAfter: 1, bullet: true })),
        { text: `${w.note}: ${need.need.note.replace(/\s+/g, " ").trim()}`, style: STYLES.small, indent: 12, spaceAfter: 6 },
      ]);
    });
    if (index === personas.length - 1) writeBottlenecks(ctx);
  });
}

function writeBottlenecks(ctx: ReportContext): void {
  const { layout, study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const view = bottleneckView(study, coverage);
  if (view.rows.length === 0) return;
  const names = new Map(coverage.topics.map((t) => [t.id, topicName(t, lang)]));
  const topicList = (ids: readonly string[]): string => (ids.length === 0 ? "0" : `${ids.length} — ${ids.map((id) => names.get(id) ?? id).join(", ")}`);
  layout.y += 8;
  layout.heading(w.bottlenecks, STYLES.h2, { keepWith: 120, spaceAfter: 6 });
  layout.write(bottleneckIntro(view, lang), STYLES.body, { spaceAfter: 8 });
  const rows: TableRow[] = view.rows.map((row) => ({
    cells: [
      { text: lang === "en" ? row.bottleneck.label_en : row.bottleneck.label, style: STYLES.tableCell },
      { text: String(row.themes.length), align: "right" },
      { text: topicList(row.flaggedTopics) },
    ],
  }));
  rows.push({ cells: [{ text: w.untagged, style: { ...STYLES.tableCell, color: MUTED } }, { text: "" }, { text: topicList(view.untagged) }] });
  writeTable(layout, {
    columns: [
      { header: w.bottleneck, width: 130 },
      { header: w.themes, width: 44, align: "right" },
      { header: w.flaggedTopics, width: layout.contentWidth - 130 - 44 },
    ],
    rows,
    style: STYLES.tableCell,
    padding: 4,
  });
}
