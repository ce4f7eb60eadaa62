// The coverage matrix section: the legend and the table of every topic per accord, region,
// demand and verdict.

import { VERDICTS } from "../../analyse/coverage.js";
import { ownValue } from "../../ownKeys.js";
import {
  categoryName,
  DECISION_LABELS,
  demandLetters,
  formatGroups,
  formatScore,
  groupLegend,
  groupName,
  LEVEL_LABELS,
  REPORT_WORDS,
  VERDICT_LABELS,
  VERDICT_SHORT,
  VERDICT_SYMBOLS,
  WORDS,
} from "../../messages/labels.js";
import { PAGE_WORDS } from "../../messages/pageWords.js";
import { LEVEL_SYMBOLS, levelOf } from "../../analyse/levels.js";
import type { Level } from "../../analyse/levels.js";
import { summaryLine } from "../common.js";
import type { Block, Cell, LegendItem, Row, Section, Tone } from "../blocks.js";
import { topicAnchor, topicLabel, verdictText, verdictTone, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";
import { topicFacets } from "../topics.js";

const LEVELS: readonly Level[] = ["high", "medium", "low", "none", "unknown"];

function legendBlock(ctx: BuildContext): Block {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const t = coverage.rules.national_threshold;
  const ranges = text.legendRanges(formatScore(t / 2), formatScore(t));
  const rangeOf: Record<Level, string> = { high: `≥ ${formatScore(t)}`, medium: ranges.medium, low: ranges.low, none: "0", unknown: ranges.unknown };
  const items = (list: LegendItem[]): LegendItem[] => list;
  return {
    kind: "legend",
    title: WORDS[lang].legend!,
    lines: [
      {
        caption: words.levelsHeading,
        items: items(
          LEVELS.map((level) => ({
            tile: { tone: `level-${level}` as Tone, text: `${LEVEL_SYMBOLS[level]} ${LEVEL_LABELS[lang][level]}` },
            text: rangeOf[level],
          })),
        ),
      },
      { caption: "", items: [{ text: text.numbersNote }, { text: `~ = ${words.estimateNote}.` }] },
      {
        caption: words.verdictHeading,
        items: VERDICTS.map((verdict) => ({
          tile: { tone: verdictTone(verdict), text: `${VERDICT_SYMBOLS[verdict]} ${VERDICT_SHORT[lang][verdict]}` },
          text: VERDICT_LABELS[lang][verdict] === VERDICT_SHORT[lang][verdict] ? "" : VERDICT_LABELS[lang][verdict],
        })),
      },
      { caption: "", items: [{ text: text.gapNote(words.decisionNote) }] },
      {
        caption: words.demandHeading,
        items: [...groupLegend(ctx.coverage.vocabulary, lang).map((text) => ({ text })), { text: `· = ${words.notMentioned}` }],
      },
    ],
  };
}

export function matrixSection(ctx: BuildContext): Section {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const html = PAGE_WORDS[lang];
  const rules = coverage.rules;
  const scoreCell = (score: number | null, href: string, options: { estimate?: boolean } = {}): Cell => {
    const level = levelOf(score, rules);
    const number = score === null ? "—" : `${options.estimate ? "~" : ""}${formatScore(score)}`;
    return { text: `${LEVEL_SYMBOLS[level]} ${number}`, short: number, tone: `level-${level}`, align: "center", href, hidden: LEVEL_LABELS[lang][level] };
  };
  const rows: Row[] = [];
  const vocabulary = coverage.vocabulary;
  for (const { id: category } of vocabulary.categories) {
    const topics = coverage.topics.filter((t) => t.category === category);
    if (topics.length === 0) continue;
    rows.push({ group: categoryName(vocabulary, category, lang) });
    for (const topic of topics) {
      const reference = topic.reference;
      const cells: Cell[] = [
        { text: topicLabel(topic, lang), href: topicAnchor(topic.id, "topic") },
        ...coverage.accords.map((a) => scoreCell(ownValue(topic.national.accords, a.id) ?? 0, topicAnchor(topic.id, `a-${a.id}`))),
        scoreCell(topic.regional.score, topicAnchor(topic.id, "regional"), { estimate: topic.regional.estimate }),
        {
          text: demandLetters(vocabulary, topic.demand.groups, " "),
          tone: "demand",
          align: "center",
          href: topicAnchor(topic.id, "demand"),
          hidden: topic.demand.groups.length === 0 ? words.notMentioned : formatGroups(topic.demand.groups, vocabulary, lang),
        },
        {
          text: verdictText(topic, lang),
          tone: verdictTone(topic.verdict),
          href: topicAnchor(topic.id, "verdict"),
          ...(topic.disposition ? { note: `${words.decision.toLowerCase()}: ${DECISION_LABELS[lang][topic.disposition.decision]}` } : {}),
        },
        {
          text: reference ? (reference.agrees ? `= ${WORDS[lang].agrees!}` : [{ text: `≠ ${WORDS[lang].differs!}`, strong: true }]) : "—",
          align: "center",
          href: topicAnchor(topic.id, "report"),
          ...(reference ? {} : { hidden: html.noConclusion }),
        },
      ];
      rows.push({ cells, facets: topicFacets(topic) });
    }
  }
  const categories = vocabulary.categories.map((c) => c.id).filter((c) => coverage.topics.some((t) => t.category === c));
  const table: Block = {
    kind: "table",
    id: "matrix",
    caption: REPORT_TEXT[lang].matrixCaption,
    columns: [
      { header: WORDS[lang].topic!, key: "topic" },
      ...coverage.accords.map((a) => ({ header: a.name, align: "center" as const, width: "narrow" as const, key: `a-${a.id}` })),
      { header: WORDS[lang].regions!, align: "center", width: "number", key: "regional" },
      { header: WORDS[lang].demand!, align: "center", width: "number", key: "demand" },
      { header: WORDS[lang].verdict!, width: "medium", key: "verdict" },
      { header: WORDS[lang].report!, align: "center", width: "number", key: "report" },
    ],
    spans: coverage.accords.length > 0 ? [{ from: 1, to: coverage.accords.length, text: words.nationalPerAccord }] : [],
    rows,
    rowHeaders: true,
    continued: { caption: words.matrixContinued, group: words.continued },
    filters: [
      { name: "category", label: html.category, options: categories.map((c) => ({ value: c, label: categoryName(vocabulary, c, lang) })) },
      { name: "verdict", label: html.verdict, options: VERDICTS.map((v) => ({ value: v, label: `${VERDICT_SYMBOLS[v]} ${VERDICT_LABELS[lang][v]}` })) },
      {
        name: "accord",
        label: html.accord,
        options: coverage.accords.map((a) => ({
          value: `a-${a.id}`,
          label: html.accordFilterOption.replace("{name}", () => study.accords.find((x) => x.id === a.id)?.name ?? a.name),
        })),
      },
      {
        name: "group",
        label: html.group,
        options: vocabulary.groups.map((g) => ({ value: g.id, label: html.groupFilterOption.replace("{name}", () => groupName(vocabulary, g.id, lang)) })),
      },
    ],
  };
  return { id: "coverage-matrix", title: words.matrix, blocks: [{ kind: "paragraph", text: summaryLine(coverage, lang) }, legendBlock(ctx), table] };
}
