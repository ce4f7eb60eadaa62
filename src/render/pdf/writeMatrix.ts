// The coverage matrix as a heat-map: a row per topic under its category, a tile per accord,
// the regions, the demand and the verdict. Every tile carries a symbol and a number or word
// besides its colour, and the legend above the table explains both.

import { ownValue } from "../../ownKeys.js";
import type { TopicCoverage } from "../../analyse/coverage.js";
import { CATEGORIES, GROUPS } from "../../model.js";
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  formatScore,
  GAP_LABELS,
  GROUP_LABELS,
  GROUP_LETTERS,
  LEVEL_LABELS,
  VERDICT_LABELS,
  VERDICT_SHORT,
  VERDICT_SYMBOLS,
  WORDS,
} from "../labels.js";
import { LEVEL_SYMBOLS, levelOf } from "../levels.js";
import type { Level } from "../paint.js";
import { summaryLine } from "../renderMatrixTable.js";
import { STYLES, type TextStyle } from "./layout.js";
import { DEMAND_FILL, inkOn, LEVEL_FILLS, MUTED, PANEL, VERDICT_FILLS } from "../palette.js";
import { startSection, topicLabel, type ReportContext } from "./reportContext.js";
import { writeTable, type TableCell, type TableColumn, type TableRow } from "./writeTable.js";

const LEVELS: readonly Level[] = ["high", "medium", "low", "none", "unknown"];

interface LegendItem {
  tile?: { fill: string; text: string };
  text: string;
}

/**
 * One legend line: a caption, then items that wrap within the panel; an item too long for
 * the rest of its row starts a new row and wraps its own text. Returns the line's height.
 */
function drawLegendLine(ctx: ReportContext, top: number, caption: string, items: LegendItem[], draw: boolean): number {
  const { layout } = ctx;
  const captionWidth = 78;
  const left = layout.left + 8 + captionWidth;
  const right = layout.left + layout.contentWidth - 8;
  const style: TextStyle = STYLES.smallInk;
  const tileStyle: TextStyle = STYLES.cellBold;
  const rowHeight = 15;
  const lineHeight = layout.lineHeight(style);
  let x = left;
  let y = top;
  let rowBottom = top + rowHeight;
  if (draw) layout.drawText(caption, STYLES.smallBold, layout.left + 8, top + 1.5, captionWidth - 4);
  for (const item of items) {
    const tileWidth = item.tile ? layout.widthOf(item.tile.text, tileStyle) + 10 : 0;
    const tileSpace = item.tile ? tileWidth + 4 : 0;
    const textWidth = layout.widthOf(item.text, style);
    if (x > left && x + tileSpace + textWidth > right) {
      x = left;
      y = rowBottom;
      rowBottom = y + rowHeight;
    }
    const lines = layout.wrap(item.text, style, right - x - tileSpace);
    const width = tileSpace + Math.max(0, ...lines.map((l) => l.width));
    rowBottom = Math.max(rowBottom, y + 0.5 + lines.length * lineHeight + 2);
    if (draw) {
      if (item.tile) {
        layout.fillRect(x, y, tileWidth, 12, item.tile.fill);
        layout.drawText(item.tile.text, { ...tileStyle, color: inkOn(item.tile.fill) }, x, y + 1.1, tileWidth, "center");
      }
      layout.drawLines(lines, style, x + tileSpace, y + 0.5, right - x - tileSpace);
    }
    x += width + 12;
  }
  return rowBottom - top;
}

function writeLegend(ctx: ReportContext): void {
  const { layout, coverage, lang, words } = ctx;
  const nl = lang === "nl";
  const t = coverage.rules.national_threshold;
  const f = formatScore;
  const ranges: Record<Level, string> = {
    high: `≥ ${f(t)}`,
    medium: nl ? `${f(t / 2)} tot ${f(t)}` : `${f(t / 2)} to ${f(t)}`,
    low: nl ? `> 0 en < ${f(t / 2)}` : `> 0 and < ${f(t / 2)}`,
    none: "0",
    unknown: nl ? "niet beoordeeld: telt als niet gedekt" : "not assessed: counts as not covered",
  };
  const lines: { caption: string; items: LegendItem[] }[] = [
    {
      caption: words.levelsHeading,
      items: LEVELS.map((level) => ({ tile: { fill: LEVEL_FILLS[level], text: `${LEVEL_SYMBOLS[level]} ${LEVEL_LABELS[lang][level]}` }, text: ranges[level] })),
    },
    {
      caption: "",
      items: [
        { text: nl ? "Getallen: dekking van 0 (geen) tot 1 (volledig)." : "Numbers: coverage from 0 (none) to 1 (full)." },
        { text: `~ = ${words.estimateNote}.` },
      ],
    },
    {
      caption: words.verdictHeading,
      items: (["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const).map((verdict) => ({
        tile: { fill: VERDICT_FILLS[verdict], text: `${VERDICT_SYMBOLS[verdict]} ${VERDICT_SHORT[lang][verdict]}` },
        text: VERDICT_LABELS[lang][verdict] === VERDICT_SHORT[lang][verdict] ? "" : VERDICT_LABELS[lang][verdict],
      })),
    },
    {
      caption: "",
      items: [
        {
          text: nl
            ? `Tussen haakjes waar het tekort zit: ${GAP_LABELS.nl.beleid} = landelijk, ${GAP_LABELS.nl.uitvoering} = regionaal. Tweede regel: ${words.decisionNote}.`
            : `In brackets where it falls short: ${GAP_LABELS.en.beleid} = national, ${GAP_LABELS.en.uitvoering} = regional. Second line: ${words.decisionNote}.`,
        },
      ],
    },
    {
      caption: words.demandHeading,
      items: [...GROUPS.map((g) => ({ text: `${GROUP_LETTERS[g]} = ${GROUP_LABELS[lang][g]}` })), { text: `· = ${words.notMentioned}` }],
    },
  ];
  const padding = 7;
  const heights = lines.map((line) => drawLegendLine(ctx, 0, line.caption, line.items, false));
  const height = heights.reduce((a, b) => a + b, 0) + 2 * padding + layout.lineHeight(STYLES.smallBold) + 4;
  layout.ensure(height);
  const top = layout.y;
  layout.fillRect(layout.left, top, layout.contentWidth, height, PANEL);
  layout.drawText(WORDS[lang].legend!, STYLES.smallBold, layout.left + 8, top + padding, 200);
  let y = top + padding + layout.lineHeight(STYLES.smallBold) + 4;
  // Each legend line is one paragraph: its caption, then every tile with its words.
  lines.forEach((line, index) => {
    layout.structure.content("P", () => drawLegendLine(ctx, y, line.caption, line.items, true));
    y += heights[index]!;
  });
  layout.y = top + height + 12;
}

function scoreCell(score: number | null, level: Level, options: { estimate?: boolean; symbol: boolean }): TableCell {
  const number = score === null ? "—" : `${options.estimate ? "~" : ""}${formatScore(score)}`;
  return { text: options.symbol ? `${LEVEL_SYMBOLS[level]} ${number}` : number, fill: LEVEL_FILLS[level], align: "center" };
}

function verdictCell(ctx: ReportContext, topic: TopicCoverage): TableCell {
  const { lang, words } = ctx;
  const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : "";
  const cell: TableCell = { text: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}${gap}`, fill: VERDICT_FILLS[topic.verdict] };
  if (topic.disposition) cell.note = `${words.decision.toLowerCase()}: ${DECISION_LABELS[lang][topic.disposition.decision]}`;
  return cell;
}

export function writeMatrix(ctx: ReportContext): void {
  const { layout, coverage, lang, words } = ctx;
  startSection(ctx, words.matrix, "matrix");
  const legendPage = layout.pageIndex;
  layout.write(summaryLine(coverage, lang), STYLES.body, { spaceAfter: 10 });
  writeLegend(ctx);

  const width = layout.contentWidth;
  // Narrow columns still fit their header word, which is longer in English than in Dutch.
  const headerWidth = (text: string): number => layout.widthOf(text, STYLES.cellBold) + 8;
  const regionWidth = Math.max(46, headerWidth(WORDS[lang].regions!));
  const demandWidth = Math.max(36, headerWidth(WORDS[lang].demand!));
  const verdictWidth = 108;
  const accordCount = Math.max(coverage.accords.length, 1);
  const minLabel = 120;
  const accordWidth = Math.max(24, Math.min(44, (width - minLabel - regionWidth - demandWidth - verdictWidth) / accordCount));
  const labelWidth = width - regionWidth - demandWidth - verdictWidth - accordWidth * coverage.accords.length;
  // Narrow accord tiles drop the symbol and keep the number: the number is the label that matters.
  const accordSymbols = accordWidth >= 36;

  const columns: TableColumn[] = [
    { header: WORDS[lang].topic!, width: labelWidth },
    ...coverage.accords.map((a) => ({ header: a.name, width: accordWidth, align: "center" as const })),
    { header: WORDS[lang].regions!, width: regionWidth, align: "center" },
    { header: WORDS[lang].demand!, width: demandWidth, align: "center" },
    { header: WORDS[lang].verdict!, width: verdictWidth },
  ];

  const rows: TableRow[] = [];
  for (const category of CATEGORIES) {
    const topics = coverage.topics.filter((t) => t.category === category);
    if (topics.length === 0) continue;
    rows.push({ group: CATEGORY_LABELS[lang][category] });
    for (const topic of topics) {
      const rules = coverage.rules;
      rows.push({
        cells: [
          { text: topicLabel(topic, lang), style: STYLES.tableCell },
          ...coverage.accords.map((a) => {
            const score = ownValue(topic.national.accords, a.id) ?? 0;
            return scoreCell(score, levelOf(score, rules), { symbol: accordSymbols });
          }),
          scoreCell(topic.regional.score, levelOf(topic.regional.score, rules), { estimate: topic.regional.estimate, symbol: true }),
          { text: GROUPS.map((g) => (topic.demand.groups.includes(g) ? GROUP_LETTERS[g] : "·")).join(" "), fill: DEMAND_FILL, align: "center" },
          verdictCell(ctx, topic),
        ],
      });
    }
  }

  writeTable(layout, {
    columns,
    spans: coverage.accords.length > 0 ? [{ from: 1, to: coverage.accords.length, text: words.nationalPerAccord }] : [],
    rows,
    padding: 3,
    gutter: 1.5,
    rowHeaders: true,
    groupContinued: (group) => `${group} (${words.continued})`,
    onNewPage: () => {
      layout.drawText(
        `${words.matrixContinued} — ${words.legendOnPage} ${legendPage + 1}`,
        { ...STYLES.small, color: MUTED },
        layout.left,
        layout.y,
        layout.contentWidth,
      );
      layout.y += layout.lineHeight(STYLES.small) + 6;
    },
  });
}
