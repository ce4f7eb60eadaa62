// The coverage matrix for the terminal: rows grouped by category, a cell per accord,
// the regions, demand and verdict, then a legend and a summary line. Fits 120 columns;
// below 110 the accord cells drop their numbers and the report column goes; narrower
// still, one national column, then two lines per topic. No line exceeds the width.

import type { Coverage, TopicCoverage, Verdict } from "../analyse/coverage.js";
import {
  categoryName,
  DECISION_LABELS,
  demandLetters,
  formatScore,
  GAP_LABELS,
  groupLegend,
  topicLabel,
  VERDICT_LABELS,
  VERDICT_SHORT,
  VERDICT_SYMBOLS,
  WORDS,
  type Lang,
} from "../messages/labels.js";
import { MATRIX_WORDS } from "../messages/commandText.js";
import { LEVEL_SYMBOLS, levelOf } from "../analyse/levels.js";
import type { Level, Paint } from "./paint.js";
import type { RenderOptions } from "./renderer.js";
import { clipLine, truncate, usableWidth, visibleWidth, wrapLine } from "./textColumns.js";
import { renderTextTable, type SpanningLine } from "./textTable.js";
import { terminalLine } from "./escape/terminal.js";
import { ownValue } from "../ownKeys.js";
import { certaintyMarker } from "../document/certaintyText.js";
import { summaryLine } from "../document/common.js";
import { CERTAINTY_WORDS } from "../messages/certaintyWords.js";

const WIDE = 110;

/** Spaces between columns: the level symbols already separate the score cells. */
const GAP = 1;

export function verdictColour(verdict: Verdict, paint: Paint, text: string): string {
  switch (verdict) {
    case "witte-vlek":
      return paint.bad(text);
    case "mogelijke-witte-vlek":
      return paint.warn(text);
    case "gedekt":
      return paint.level("high", text);
    case "geen-signaal":
      return paint.dim(text);
  }
}

function scoreCell(score: number | null, level: Level, paint: Paint, withNumber: boolean, prefix = ""): string {
  const symbol = LEVEL_SYMBOLS[level];
  const text = withNumber ? `${symbol} ${prefix}${score === null ? "—" : formatScore(score)}` : symbol;
  return paint.level(level, text);
}

function demandCell(coverage: Coverage, topic: TopicCoverage): string {
  return terminalLine(demandLetters(coverage.vocabulary, topic.demand.groups, ""));
}

function verdictCell(topic: TopicCoverage, lang: Lang, paint: Paint, wide: boolean): string {
  const showGap = topic.gap !== null && topic.verdict !== "witte-vlek";
  const gap = showGap ? (wide ? ` (${GAP_LABELS[lang][topic.gap!]})` : ` ${MATRIX_WORDS[lang].gapLetters[topic.gap!]}`) : "";
  // Narrow: the analysts' decision shrinks to a marker explained under the table.
  const decision = !wide && topic.disposition ? paint.dim(" *") : "";
  return verdictColour(topic.verdict, paint, `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}${gap}`) + decision;
}

function decisionCell(topic: TopicCoverage, lang: Lang, paint: Paint): string {
  return topic.disposition ? paint.dim(DECISION_LABELS[lang][topic.disposition.decision]) : "";
}

function referenceCell(topic: TopicCoverage, paint: Paint): string {
  if (!topic.reference) return "";
  return topic.reference.agrees ? paint.dim("=") : paint.warn("≠");
}

export function renderLegend(coverage: Coverage, lang: Lang, paint: Paint): string {
  const words = MATRIX_WORDS[lang];
  const t = coverage.rules.national_threshold;
  const levels = (["high", "medium", "low", "none", "unknown"] as const).map((level) => {
    const range =
      level === "high"
        ? `≥ ${formatScore(t)}`
        : level === "medium"
          ? `${formatScore(t / 2)}–${formatScore(t)}`
          : level === "low"
            ? `> 0`
            : level === "none"
              ? "0"
              : words.notAssessed;
    return paint.level(level, `${LEVEL_SYMBOLS[level]} ${range}`);
  });
  const verdicts = (["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const).map((v) =>
    verdictColour(v, paint, `${VERDICT_SYMBOLS[v]} ${VERDICT_LABELS[lang][v]}`),
  );
  const groups = terminalLine(groupLegend(coverage.vocabulary, lang).join(", "));
  return [
    `${WORDS[lang].legend}: ${levels.join("  ")}   ~ = ${words.estimate}`,
    `${WORDS[lang].verdict}: ${verdicts.join("  ")}; ${words.gapNote}`,
    `${WORDS[lang].demand}: ${groups}`,
    CERTAINTY_WORDS[lang].legend,
    `${WORDS[lang].report}: = ${words.agreesWithReport}, ≠ ${words.differsFromReport}`,
  ].join("\n");
}

/**
 * How the matrix is laid out: `wide` (numbers per accord, decision and report columns),
 * `narrow` (a symbol per accord), `compact` (only the best national score) and `stacked`
 * (each topic on two lines), the first that fits the width.
 */
type Layout = "wide" | "narrow" | "compact" | "stacked";

/** The label column never gets narrower than this in a columned layout. */
const MIN_LABEL = 14;

export function renderMatrixTable(coverage: Coverage, options: RenderOptions): string {
  const { lang, paint } = options;
  const width = usableWidth(options.width);
  const candidates: Exclude<Layout, "stacked">[] = width >= WIDE ? ["wide", "narrow", "compact"] : ["narrow", "compact"];
  for (const layout of candidates) {
    const table = columnedTable(coverage, options, width, layout);
    if (table !== undefined) return finish(coverage, options, width, table, layout !== "wide");
  }
  return finish(coverage, options, width, stackedTable(coverage, lang, paint, width, options.sort === "priority"), true, true);
}

function labelOf(topic: TopicCoverage, lang: Lang): string {
  return terminalLine(topicLabel(topic, lang));
}

/** The label, led by the rank when the rows come in priority order. */
function rowLabel(topic: TopicCoverage, lang: Lang, byPriority: boolean): string {
  return byPriority && topic.priority ? `${topic.priority.rank}. ${labelOf(topic, lang)}` : labelOf(topic, lang);
}

/** Rows under their category headings, or in the given (priority) order under one heading. */
function groupRows<T extends { topic: TopicCoverage }>(
  coverage: Coverage,
  rows: readonly T[],
  lang: Lang,
  byPriority: boolean,
): { heading: string; rows: T[] }[] {
  if (byPriority) return [{ heading: MATRIX_WORDS[lang].byPriority, rows: [...rows] }];
  return coverage.vocabulary.categories
    .map((category) => ({
      heading: terminalLine(categoryName(coverage.vocabulary, category.id, lang)),
      rows: rows.filter((r) => r.topic.category === category.id),
    }))
    .filter((g) => g.rows.length > 0);
}

/** The table in columns, or undefined when the cells leave the label too little room. */
function columnedTable(coverage: Coverage, options: RenderOptions, width: number, layout: Exclude<Layout, "stacked">): string | undefined {
  const { lang, paint } = options;
  const wide = layout === "wide";
  const accordHead = (name: string): string => truncate(terminalLine(name), wide ? 6 : 4);
  const head = [
    WORDS[lang].topic!,
    ...(layout === "compact" ? [WORDS[lang].national!] : coverage.accords.map((a) => accordHead(a.name))),
    WORDS[lang].regions!,
    WORDS[lang].demand!,
    WORDS[lang].verdict!,
    CERTAINTY_WORDS[lang].column,
  ];
  if (wide) head.push(WORDS[lang].decision!, WORDS[lang].report!);

  // Cells after the label first: the label gets whatever width is left.
  const cellsOf = (topic: TopicCoverage): string[] => {
    const regional = topic.regional;
    const national =
      layout === "compact"
        ? [scoreCell(topic.national.score, levelOf(topic.national.score, coverage.rules), paint, true)]
        : coverage.accords.map((a) => {
            const score = ownValue(topic.national.accords, a.id) ?? 0;
            return scoreCell(score, levelOf(score, coverage.rules), paint, wide);
          });
    const cells = [
      ...national,
      scoreCell(regional.score, levelOf(regional.score, coverage.rules), paint, true, regional.estimate ? "~" : ""),
      demandCell(coverage, topic),
      verdictCell(topic, lang, paint, wide),
      certaintyMarker(topic),
    ];
    if (wide) cells.push(decisionCell(topic, lang, paint), referenceCell(topic, paint));
    return cells;
  };
  const rows = coverage.topics.map((topic) => ({ topic, cells: cellsOf(topic) }));
  const columnWidths = head.slice(1).map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r.cells[i]!))));
  const usedByCells = columnWidths.reduce((sum, w) => sum + w, 0) + GAP * columnWidths.length;
  if (usedByCells + MIN_LABEL > width) return undefined;
  const labelWidth = Math.max(MIN_LABEL, Math.min(48, width - usedByCells));

  const lines: (string[] | SpanningLine)[] = [[truncate(head[0]!, labelWidth), ...head.slice(1)].map((h) => paint.bold(h))];
  const byPriority = options.sort === "priority";
  for (const group of groupRows(coverage, rows, lang, byPriority)) {
    lines.push({ span: paint.bold(truncate(`— ${group.heading}`, width)) });
    for (const { topic, cells } of group.rows) lines.push(["  " + truncate(rowLabel(topic, lang, byPriority), labelWidth - 2), ...cells]);
  }
  return renderTextTable(lines, { gap: GAP }).join("\n");
}

/** Too narrow for columns: the label on one line, the scores and the verdict below it. */
function stackedTable(coverage: Coverage, lang: Lang, paint: Paint, width: number, byPriority: boolean): string {
  const lines: string[] = [];
  for (const group of groupRows(
    coverage,
    coverage.topics.map((topic) => ({ topic })),
    lang,
    byPriority,
  )) {
    lines.push(paint.bold(truncate(`— ${group.heading}`, width)));
    for (const { topic } of group.rows) {
      lines.push("  " + truncate(rowLabel(topic, lang, byPriority), width - 2));
      const national = scoreCell(topic.national.score, levelOf(topic.national.score, coverage.rules), paint, true);
      const regional = scoreCell(topic.regional.score, levelOf(topic.regional.score, coverage.rules), paint, true, topic.regional.estimate ? "~" : "");
      const marker = certaintyMarker(topic);
      const detail = `${MATRIX_WORDS[lang].nationalLetter} ${national}  ${MATRIX_WORDS[lang].regionalLetter} ${regional}  ${demandCell(coverage, topic)}  ${verdictCell(topic, lang, paint, false)}${marker ? ` ${marker}` : ""}`;
      lines.push(...wrapLine(`    ${detail}`, width));
    }
  }
  return lines.join("\n");
}

function finish(coverage: Coverage, options: RenderOptions, width: number, body: string, narrow: boolean, stacked = false): string {
  const { lang, paint } = options;
  const legend = renderLegend(coverage, lang, paint).split("\n");
  // Narrow: no report column to explain, but the short forms of the verdict column instead.
  if (narrow) legend.splice(legend.length - 1, 1, MATRIX_WORDS[lang].narrowNote);
  if (stacked) legend.unshift(MATRIX_WORDS[lang].stackedNote);
  const footer = [...legend, summaryLine(coverage, lang)].flatMap((line) => wrapLine(line, width));
  // The last guard of the promise that no line is wider than the terminal.
  return [...body.split("\n"), "", ...footer].map((line) => clipLine(line, width)).join("\n") + "\n";
}
