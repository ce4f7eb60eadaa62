// The matrix as GitHub-flavoured Markdown: one table per category, no colour, symbols and words.

import { ownValue } from "../ownKeys.js";
import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import {
  categoryName,
  DECISION_LABELS,
  demandLetters,
  formatScore,
  GAP_LABELS,
  groupLegend,
  topicLabel,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
  WORDS,
  type Lang,
} from "../messages/labels.js";
import { LEVEL_SYMBOLS, levelOf } from "../analyse/levels.js";
import type { RenderOptions } from "./renderer.js";
import { markdownText } from "./escape/markdown.js";
import { summaryLine } from "../document/common.js";
import { certaintyMarker } from "../document/certaintyText.js";
import { CERTAINTY_WORDS } from "../messages/certaintyWords.js";
import { MATRIX_WORDS } from "../messages/commandText.js";

/** Text from the data in a Markdown table cell or line (the one Markdown escape step). */
export function markdownCell(text: string): string {
  return markdownText(text);
}

function verdictText(topic: TopicCoverage, lang: Lang): string {
  const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : "";
  const disposition = topic.disposition ? ` — ${DECISION_LABELS[lang][topic.disposition.decision]}` : "";
  return `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}${gap}${disposition}`;
}

export function renderMatrixMarkdown(coverage: Coverage, options: RenderOptions): string {
  const { lang } = options;
  const out: string[] = [];
  const head = [
    WORDS[lang].topic!,
    ...coverage.accords.map((a) => markdownCell(a.name)),
    WORDS[lang].regions!,
    WORDS[lang].demand!,
    WORDS[lang].verdict!,
    CERTAINTY_WORDS[lang].column,
    WORDS[lang].report!,
  ];
  for (const { id: category } of coverage.vocabulary.categories) {
    const rows = coverage.topics.filter((t) => t.category === category);
    if (rows.length === 0) continue;
    out.push(`### ${markdownText(categoryName(coverage.vocabulary, category, lang))}`, "");
    out.push(`| ${head.join(" | ")} |`);
    out.push(`|${head.map((_, i) => (i === 0 ? " --- " : " :-: ")).join("|")}|`);
    for (const t of rows) {
      const label = topicLabel(t, lang);
      const cells = [
        `${markdownCell(label)} \`${t.id}\``,
        ...coverage.accords.map((a) => {
          const score = ownValue(t.national.accords, a.id) ?? 0;
          return `${LEVEL_SYMBOLS[levelOf(score, coverage.rules)]} ${formatScore(score)}`;
        }),
        `${LEVEL_SYMBOLS[levelOf(t.regional.score, coverage.rules)]} ${t.regional.score === null ? "?" : (t.regional.estimate ? "~" : "") + formatScore(t.regional.score)}`,
        markdownCell(demandLetters(coverage.vocabulary, t.demand.groups, "")),
        verdictText(t, lang),
        certaintyMarker(t),
        t.reference ? (t.reference.agrees ? `= ${WORDS[lang].agrees}` : `≠ ${WORDS[lang].differs}`) : "",
      ];
      out.push(`| ${cells.join(" | ")} |`);
    }
    out.push("");
  }
  const t = coverage.rules.national_threshold;
  out.push(
    `**${WORDS[lang].legend}:** ${LEVEL_SYMBOLS.high} ≥ ${formatScore(t)}, ${LEVEL_SYMBOLS.medium} ${formatScore(t / 2)}–${formatScore(t)}, ${LEVEL_SYMBOLS.low} > 0, ${LEVEL_SYMBOLS.none} 0, ${LEVEL_SYMBOLS.unknown} ${MATRIX_WORDS[lang].notAssessed}; ~ = ${MATRIX_WORDS[lang].estimate}. ` +
      `${WORDS[lang].demand}: ${markdownText(groupLegend(coverage.vocabulary, lang).join(", "))}. ${CERTAINTY_WORDS[lang].legend}.`,
    "",
    summaryLine(coverage, lang),
    "",
  );
  return out.join("\n");
}
