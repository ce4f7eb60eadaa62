// `dekking persona <id>` and the report's section through her eyes: a persona's needs, the
// topics behind each with their coverage per accord and region and their verdict, and per
// need one sentence on what is covered and one on what is not. Terminal text, JSON and
// Markdown; every text from the data goes through the escape step of its output kind.

import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import type { BottleneckView, NeedCoverage, PersonaCoverage } from "../analyse/personaCoverage.js";
import { ownValue } from "../ownKeys.js";
import { jsonOutput } from "./escape/json.js";
import { markdownText } from "./escape/markdown.js";
import { terminalLine } from "./escape/terminal.js";
import { DECISION_LABELS, formatScore, GAP_LABELS, VERDICT_LABELS, verdictText, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { formatSource } from "./formatSource.js";
import { verdictColour } from "./renderMatrixTable.js";
import { clipLine, truncate, usableWidth, visibleWidth, wrapIndented } from "./textColumns.js";
import { renderTextTable } from "./textTable.js";

export const PERSONA_FORMATS = ["table", "json", "markdown"] as const;
export type PersonaFormat = (typeof PERSONA_FORMATS)[number];

export const PERSONA_WORDS = {
  nl: {
    eyesOf: "Door de ogen van",
    inScope: "Binnen de onderzoekspopulatie",
    outOfScope: "Buiten de onderzoekspopulatie",
    judgement: "lezing van de codeur",
    rests: "rust op",
    note: "noot",
    source: "bron",
    topic: "Onderwerp",
    regions: "Regio's",
    verdict: "Oordeel",
    decision: "Besluit",
    covered: "Gedekt",
    notCovered: "Niet gedekt",
    noneCovered: "Niets hiervan is volgens de rekenregels gedekt.",
    noneFlagged: "Geen witte vlek of mogelijke witte vlek.",
    unjudged: "Niet beoordeeld, want geen interviewthema noemt het",
    national: "landelijk",
    regional: "regionaal",
    notAssessed: "niet beoordeeld",
    gap: "tekort",
    and: "en",
    bottlenecks: "OPaZ-knelpunten bij de gemarkeerde onderwerpen",
    bottleneck: "Knelpunt (OPaZ)",
    themes: "Thema's",
    flaggedTopics: "Gemarkeerde onderwerpen",
    untagged: "Zonder knelpunt",
  },
  en: {
    eyesOf: "Through the eyes of",
    inScope: "Within the study's population",
    outOfScope: "Outside the study's population",
    judgement: "the encoder's reading",
    rests: "rests on",
    note: "note",
    source: "source",
    topic: "Topic",
    regions: "Regions",
    verdict: "Verdict",
    decision: "Decision",
    covered: "Covered",
    notCovered: "Not covered",
    noneCovered: "None of this is covered by the rules.",
    noneFlagged: "No white spot or possible white spot.",
    unjudged: "Not judged, as no interview theme raises it",
    national: "national",
    regional: "regional",
    notAssessed: "not assessed",
    gap: "gap",
    and: "and",
    bottlenecks: "OPaZ bottlenecks among the flagged topics",
    bottleneck: "Bottleneck (OPaZ)",
    themes: "Themes",
    flaggedTopics: "Flagged topics",
    untagged: "Without a bottleneck",
  },
} as const;

export function topicName(topic: TopicCoverage, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

/** "a, b en c" */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${PERSONA_WORDS[lang].and} ${items.at(-1)}`;
}

function regionalText(topic: TopicCoverage, lang: Lang): string {
  return topic.regional.score === null ? PERSONA_WORDS[lang].notAssessed : `${topic.regional.estimate ? "~" : ""}${formatScore(topic.regional.score)}`;
}

export interface NeedSentences {
  covered: string;
  notCovered: string;
  /** Only where a topic of the need was raised by no interview theme. */
  unjudged?: string;
}

/** Per need, in one sentence each, what the rules call covered and what not (plain text, unescaped). */
export function needSentences(need: NeedCoverage, lang: Lang): NeedSentences {
  const w = PERSONA_WORDS[lang];
  const byId = new Map(need.topics.map((t) => [t.id, t]));
  const name = (id: string): string => topicName(byId.get(id)!, lang);
  const covered = need.covered.length > 0 ? `${w.covered}: ${joinWords(need.covered.map(name), lang)}.` : w.noneCovered;
  const notCovered =
    need.flagged.length > 0
      ? `${w.notCovered}: ${joinWords(
          need.flagged.map((id) => {
            const topic = byId.get(id)!;
            const gap = topic.gap && topic.verdict !== "witte-vlek" ? `, ${w.gap}: ${GAP_LABELS[lang][topic.gap]}` : "";
            return `${name(id)} (${VERDICT_LABELS[lang][topic.verdict]}${gap})`;
          }),
          lang,
        )}.`
      : w.noneFlagged;
  const sentences: NeedSentences = { covered, notCovered };
  if (need.unjudged.length > 0) {
    sentences.unjudged = `${w.unjudged}: ${joinWords(
      need.unjudged.map((id) => {
        const topic = byId.get(id)!;
        return `${name(id)} (${w.national} ${formatScore(topic.national.score)}, ${w.regional} ${regionalText(topic, lang)})`;
      }),
      lang,
    )}.`;
  }
  return sentences;
}

/** `labelColumn`: the widest topic label of all needs, so the tables of the needs line up. */
function topicRows(need: NeedCoverage, coverage: Coverage, lang: Lang, paint: Paint, width: number, labelColumn: number): string[] {
  const w = PERSONA_WORDS[lang];
  const indent = "     ";
  const accordWidth = coverage.accords.reduce((sum, a) => sum + Math.max(4, visibleWidth(terminalLine(a.name))) + 2, 0);
  const fixed = visibleWidth(indent) + 2 + accordWidth + Math.max(7, visibleWidth(w.regions)) + 2 + 24;
  const labelWidth = Math.min(width - fixed, labelColumn);
  if (width - fixed >= 18) {
    const head = [w.topic, ...coverage.accords.map((a) => terminalLine(a.name)), w.regions, w.verdict];
    const rows = need.topics.map((topic) => [
      truncate(terminalLine(topicName(topic, lang)), labelWidth),
      ...coverage.accords.map((a) => formatScore(ownValue(topic.national.accords, a.id) ?? 0)),
      regionalText(topic, lang),
      verdictColour(topic.verdict, paint, verdictText(topic, lang, "short")),
    ]);
    return renderTextTable([head.map((h) => paint.dim(h)), ...rows], { gap: 2, minWidths: [labelWidth] }).map((line) => clipLine(indent + line, width));
  }
  // Narrow: the topic on one line, its numbers on the next.
  const out: string[] = [];
  for (const topic of need.topics) {
    out.push(...wrapIndented(terminalLine(topicName(topic, lang)), width, indent));
    const numbers = [
      ...coverage.accords.map((a) => `${terminalLine(a.name)} ${formatScore(ownValue(topic.national.accords, a.id) ?? 0)}`),
      `${w.regions} ${regionalText(topic, lang)}`,
    ].join(" · ");
    out.push(...wrapIndented(numbers, width, `${indent}  `));
    out.push(...wrapIndented(verdictColour(topic.verdict, paint, verdictText(topic, lang, "long")), width, `${indent}  `));
  }
  return out;
}

/** The persona as terminal text: who she is, whether she is in scope, and each need with its topics. */
export function renderPersonaTable(view: PersonaCoverage, coverage: Coverage, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint } = options;
  const w = PERSONA_WORDS[lang];
  const width = Math.min(usableWidth(options.width), 120);
  const { persona } = view;
  const labelColumn = Math.max(0, ...view.needs.flatMap((n) => n.topics.map((t) => visibleWidth(terminalLine(topicName(t, lang))))));
  const out: string[] = [];
  out.push(...wrapIndented(paint.bold(terminalLine(`${persona.name} — ${persona.heading}`)), width, ""));
  out.push(...wrapIndented(terminalLine(`“${persona.description.replace(/\s+/g, " ").trim()}”`), width, "  "));
  out.push(...wrapIndented(paint.dim(terminalLine(`${w.source}: ${formatSource(persona.source)}`)), width, "  "));
  out.push("");
  out.push(
    ...wrapIndented(`${paint.bold(persona.in_scope ? w.inScope : w.outOfScope)}: ${terminalLine(persona.reason.replace(/\s+/g, " ").trim())}`, width, ""),
  );
  view.needs.forEach((need, index) => {
    const sentences = needSentences(need, lang);
    out.push("");
    out.push(
      ...wrapIndented(
        `${paint.bold(`${index + 1}. ${terminalLine(lang === "en" ? need.need.need_en : need.need.need)}`)} ${paint.dim(`(${w.judgement})`)}`,
        width,
        "",
        "   ",
      ),
    );
    out.push(...wrapIndented(terminalLine(`${w.rests}: “${need.need.phrase}”`), width, "   "));
    out.push(...topicRows(need, coverage, lang, paint, width, labelColumn));
    out.push(...wrapIndented(terminalLine(sentences.covered), width, "   "));
    out.push(...wrapIndented(terminalLine(sentences.notCovered), width, "   "));
    if (sentences.unjudged) out.push(...wrapIndented(terminalLine(sentences.unjudged), width, "   "));
    const decided = need.topics.filter((t) => t.disposition);
    if (decided.length > 0)
      out.push(
        ...wrapIndented(
          terminalLine(`${w.decision}: ${decided.map((t) => `${topicName(t, lang)} — ${DECISION_LABELS[lang][t.disposition!.decision]}`).join("; ")}`),
          width,
          "   ",
        ),
      );
    out.push(...wrapIndented(paint.dim(terminalLine(`${w.note}: ${need.need.note.replace(/\s+/g, " ").trim()}`)), width, "   "));
  });
  return out.map((line) => clipLine(line, width)).join("\n") + "\n";
}

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

/** The persona as Markdown; `level` is the heading level of her title (2 in the command, 3 in the report). */
export function renderPersonaMarkdown(view: PersonaCoverage, coverage: Coverage, options: { lang: Lang; level?: number; title?: string }): string {
  const { lang } = options;
  const w = PERSONA_WORDS[lang];
  const h = "#".repeat(options.level ?? 2);
  const { persona } = view;
  const out: string[] = [];
  out.push(`${h} ${options.title ?? `${markdownText(persona.name)} — ${markdownText(persona.heading)}`}`, "");
  out.push(
    `> ${markdownText(`“${persona.description.replace(/\s+/g, " ").trim()}”`)}`,
    ">",
    `> ${w.source}: ${markdownText(formatSource(persona.source))}`,
    "",
  );
  out.push(`**${persona.in_scope ? w.inScope : w.outOfScope}**: ${markdownText(persona.reason.replace(/\s+/g, " ").trim())}`, "");
  view.needs.forEach((need, index) => {
    const sentences = needSentences(need, lang);
    out.push(`${h}# ${index + 1}. ${markdownText(lang === "en" ? need.need.need_en : need.need.need)} (${w.judgement})`, "");
    out.push(`${w.rests[0]!.toUpperCase()}${w.rests.slice(1)}: “${markdownText(need.need.phrase)}”`, "");
    out.push(`| ${w.topic} | ${coverage.accords.map((a) => markdownText(a.name)).join(" | ")} | ${w.regions} | ${w.verdict} |`);
    out.push(`| --- | ${coverage.accords.map(() => "---:").join(" | ")} | ---: | --- |`);
    for (const topic of need.topics) {
      const decision = topic.disposition ? ` — ${DECISION_LABELS[lang][topic.disposition.decision]}` : "";
      out.push(
        `| ${markdownText(topicName(topic, lang))} | ${coverage.accords.map((a) => formatScore(ownValue(topic.national.accords, a.id) ?? 0)).join(" | ")} | ${regionalText(topic, lang)} | ${markdownText(verdictText(topic, lang, "long"))}${decision} |`,
      );
    }
    out.push("");
    out.push(`- ${markdownText(sentences.covered)}`, `- ${markdownText(sentences.notCovered)}`);
    if (sentences.unjudged) out.push(`- ${markdownText(sentences.unjudged)}`);
    out.push(`- ${w.note[0]!.toUpperCase()}${w.note.slice(1)}: ${markdownText(need.need.note.replace(/\s+/g, " ").trim())}`, "");
  });
  return out.join("\n");
}

/** The sentence above the bottleneck table (plain text). */
export function bottleneckIntro(view: BottleneckView, lang: Lang): string {
  const themes = view.rows.reduce((sum, r) => sum + r.themes.length, 0);
  return lang === "nl"
    ? `Van de ${view.flaggedCount} gemarkeerde onderwerpen (witte vlek of mogelijke witte vlek) zijn er ${view.flaggedCount - view.untagged.length} genoemd in een interviewthema dat een van de vijf OPaZ-knelpunten uitdrukt (${themes} thema's getagd). Het taggen van een thema is een lezing van de codeur; een onderwerp kan onder meer dan één knelpunt vallen.`
    : `Of the ${view.flaggedCount} flagged topics (white spot or possible white spot), ${view.flaggedCount - view.untagged.length} are raised by an interview theme that expresses one of the five OPaZ bottlenecks (${themes} themes tagged). Tagging a theme is the encoder's reading; a topic can fall under more than one bottleneck.`;
}
