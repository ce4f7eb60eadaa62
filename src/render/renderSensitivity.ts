// Output of `dekking sensitivity`: per topic its verdict, the verdict range of its interval,
// and every single change that flips it, as terminal text, JSON or Markdown.

import { sensitivitySteps } from "../analyse/certaintyRules.js";
import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import { CERTAINTY_WORDS, flipText, intervalText, isUncertain } from "./certaintyText.js";
import { jsonOutput } from "./escape/json.js";
import { markdownText } from "./escape/markdown.js";
import { terminalLine } from "./escape/terminal.js";
import { formatScore, VERDICT_LABELS, verdictText, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { clipLine, usableWidth, wrapLine } from "./textColumns.js";

export const SENSITIVITY_FORMATS = ["table", "json", "markdown"] as const;
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];

/** Wraps a line to the width with every line after the first indented two more. */
function indented(text: string, indent: string, width: number): string[] {
  return wrapLine(text, width - indent.length).map((line, i) => (i === 0 ? indent : `${indent}  `) + line.replace(/^ {2}/, ""));
}

function labelOf(topic: TopicCoverage, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

function stateText(topic: TopicCoverage, lang: Lang): string {
  const words = CERTAINTY_WORDS[lang];
  const range = isUncertain(topic)
    ? `${words.uncertain}: ${VERDICT_LABELS[lang][topic.verdictRange.pessimistic]} … ${VERDICT_LABELS[lang][topic.verdictRange.optimistic]}`
    : words.certain;
  return `${topic.robust ? words.robust : `${words.sensitive} (${topic.flips.length})`} · ${range}`;
}

function stepsText(coverage: Coverage, lang: Lang): string {
  const steps = sensitivitySteps(coverage.rules);
  return lang === "nl"
    ? `Elke enkele wijziging: elk getal van rules.yaml ± ${formatScore(steps.score)} (minimum regio's ± ${steps.regions}), en per onderwerp elke codering één stap (sterkte, reikwijdte, woord van de steekproef, indirect bewijs, status van een regioplan).`
    : `Every single change: each number of rules.yaml ± ${formatScore(steps.score)} (minimum regions ± ${steps.regions}), and per topic each encoding one step (strength, scope, the sample's word, indirect evidence, a plan's status).`;
}

function countsText(topics: readonly TopicCoverage[], lang: Lang): string {
  const robust = topics.filter((t) => t.robust).length;
  const uncertain = topics.filter(isUncertain).length;
  return lang === "nl"
    ? `${topics.length} onderwerp(en): ${robust} robuust, ${topics.length - robust} gevoelig; ${uncertain} onzeker binnen het interval.`
    : `${topics.length} topic(s): ${robust} robust, ${topics.length - robust} sensitive; ${uncertain} uncertain within the interval.`;
}

export function renderSensitivityTable(coverage: Coverage, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const width = Math.min(usableWidth(options.width), 120);
  const out: string[] = [
    paint.bold(nl ? "Gevoeligheid van de oordelen" : "Sensitivity of the verdicts"),
    ...wrapLine(paint.dim(stepsText(coverage, lang)), width),
    "",
  ];
  for (const topic of coverage.topics) {
    const regional = `${nl ? "regionaal" : "regional"} ${intervalText(topic, lang)}, ${nl ? "landelijk" : "national"} ${formatScore(topic.national.score)}`;
    out.push(...wrapLine(paint.bold(terminalLine(`${labelOf(topic, lang)} (${topic.id})`)), width));
    out.push(...indented(`${verdictText(topic, lang, "long")} — ${stateText(topic, lang)} — ${regional}`, "  ", width));
    for (const flip of topic.flips) out.push(...indented(terminalLine(flipText(flip, lang)), "    ", width));
  }
  if (coverage.topics.length === 0) out.push(nl ? "Geen onderwerpen." : "No topics.");
  out.push("", countsText(coverage.topics, lang));
  return out.map((line) => clipLine(line, width)).join("\n") + "\n";
}

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

export function renderSensitivityMarkdown(coverage: Coverage, options: { lang: Lang }): string {
  const { lang } = options;
  const nl = lang === "nl";
  const out = [`## ${nl ? "Gevoeligheid van de oordelen" : "Sensitivity of the verdicts"}`, "", markdownText(stepsText(coverage, lang)), ""];
  out.push(
    `| ${nl ? "Onderwerp" : "Topic"} | ${nl ? "Oordeel" : "Verdict"} | ${nl ? "Regionaal" : "Regional"} | ${CERTAINTY_WORDS[lang].column} | ${nl ? "Kantelt bij" : "Flipped by"} |`,
    "| --- | --- | --- | --- | --- |",
  );
  for (const topic of coverage.topics) {
    const flips = topic.flips.map((f) => markdownText(flipText(f, lang))).join("<br>");
    out.push(
      `| ${markdownText(labelOf(topic, lang))} \`${topic.id}\` | ${markdownText(verdictText(topic, lang, "long"))} | ${markdownText(intervalText(topic, lang))} | ${markdownText(stateText(topic, lang))} | ${flips} |`,
    );
  }
  out.push("", markdownText(countsText(coverage.topics, lang)));
  return out.join("\n") + "\n";
}
