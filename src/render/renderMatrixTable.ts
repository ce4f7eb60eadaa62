// The coverage matrix for the terminal: rows grouped by category, a cell per accord,
// the regions, demand and verdict, then a legend and a summary line. Fits 120 columns;
// below 110 the accord cells drop their numbers and the report column goes.

import Table from "cli-table3";
import type { Coverage, TopicCoverage, Verdict } from "../analyse/coverage.js";
import { CATEGORIES, GROUPS } from "../model.js";
import { CATEGORY_LABELS, DECISION_LABELS, formatScore, GAP_LABELS, GROUP_LABELS, GROUP_LETTERS, VERDICT_LABELS, VERDICT_SHORT, VERDICT_SYMBOLS, WORDS, type Lang } from "./labels.js";
import { LEVEL_SYMBOLS, levelOf } from "./levels.js";
import type { Level, Paint } from "./paint.js";
import type { RenderOptions } from "./renderer.js";

const WIDE = 110;

const BORDERLESS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "",
  bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "",
  right: "", "right-mid": "", middle: " ",
};

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, Math.max(1, width - 1)).join("") + "…";
}

function verdictColour(verdict: Verdict, paint: Paint, text: string): string {
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

function demandCell(topic: TopicCoverage): string {
  return GROUPS.map((g) => (topic.demand.groups.includes(g) ? GROUP_LETTERS[g] : "·")).join("");
}

function verdictCell(topic: TopicCoverage, lang: Lang, paint: Paint, wide: boolean): string {
  const words = wide ? VERDICT_SHORT[lang][topic.verdict] : VERDICT_SHORT[lang][topic.verdict];
  const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : "";
  const accepted = topic.disposition ? ` [${DECISION_LABELS[lang][topic.disposition.decision]}]` : "";
  return verdictColour(topic.verdict, paint, `${VERDICT_SYMBOLS[topic.verdict]} ${words}${gap}`) + paint.dim(accepted);
}

function referenceCell(topic: TopicCoverage, lang: Lang, paint: Paint): string {
  if (!topic.reference) return "";
  return topic.reference.agrees ? paint.dim(`= ${WORDS[lang].agrees!}`) : paint.warn(`≠ ${WORDS[lang].differs!}`);
}

/** Wraps a line at spaces; ANSI codes count as zero width. */
function wrapPlain(line: string, width: number): string {
  const visible = (text: string): number => [...text.replace(/\u001b\[[0-9;]*m/g, "")].length;
  if (visible(line) <= width) return line;
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && visible(candidate) > width) {
      lines.push(current);
      current = `  ${word}`;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.join("\n");
}

export function renderLegend(coverage: Coverage, lang: Lang, paint: Paint): string {
  const nl = lang === "nl";
  const t = coverage.rules.national_threshold;
  const levels = (["high", "medium", "low", "none", "unknown"] as const).map((level) => {
    const range =
      level === "high" ? `≥ ${formatScore(t)}` : level === "medium" ? `${formatScore(t / 2)}–${formatScore(t)}` : level === "low" ? `> 0` : level === "none" ? "0" : nl ? "niet beoordeeld" : "not assessed";
    return paint.level(level, `${LEVEL_SYMBOLS[level]} ${range}`);
  });
  const verdicts = (["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const).map((v) => verdictColour(v, paint, `${VERDICT_SYMBOLS[v]} ${VERDICT_LABELS[lang][v]}`));
  const groups = GROUPS.map((g) => `${GROUP_LETTERS[g]} = ${GROUP_LABELS[lang][g]}`).join(", ");
  return [
    `${WORDS[lang].legend}: ${levels.join("  ")}   ~ = ${nl ? "schatting uit de steekproef" : "estimate from the sample"}`,
    `${nl ? "Oordeel" : "Verdict"}: ${verdicts.join("  ")}; ${nl ? "tussen haakjes waar het tekort zit (beleid = landelijk, uitvoering = regionaal)" : "in brackets where it falls short (policy = national, implementation = regional)"}`,
    `${WORDS[lang].demand}: ${groups}`,
  ].join("\n");
}

export function summaryLine(coverage: Coverage, lang: Lang): string {
  const counts = new Map<Verdict, number>();
  for (const topic of coverage.topics) counts.set(topic.verdict, (counts.get(topic.verdict) ?? 0) + 1);
  const parts = (["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const).map((v) => `${counts.get(v) ?? 0} ${VERDICT_LABELS[lang][v]}`);
  const compared = coverage.topics.filter((t) => t.reference);
  const agree = compared.filter((t) => t.reference!.agrees).length;
  const nl = lang === "nl";
  return `${coverage.topics.length} ${nl ? "onderwerpen" : "topics"}: ${parts.join(", ")}. ${nl ? "Eens met het rapport" : "Agrees with the report"}: ${agree}/${compared.length}.`;
}

export function renderMatrixTable(coverage: Coverage, options: RenderOptions): string {
  const { lang, paint } = options;
  const wide = options.width >= WIDE;
  const accordCount = coverage.accords.length;
  // Fixed columns: accords, regions, demand, verdict (and report when wide).
  const accordWidth = wide ? 6 : 1;
  const fixed = accordCount * (accordWidth + 1) + 8 + 4 + (wide ? 30 + 9 : 26);
  const labelWidth = Math.max(16, Math.min(48, options.width - fixed - 1));

  const head = [WORDS[lang].topic!, ...coverage.accords.map((a) => a.name), WORDS[lang].regions!, WORDS[lang].demand!, WORDS[lang].verdict!];
  if (wide) head.push(WORDS[lang].report!);
  const table = new Table({
    head: head.map((h) => paint.bold(h)),
    chars: BORDERLESS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 1 },
    wordWrap: false,
  });
  for (const category of CATEGORIES) {
    const rows = coverage.topics.filter((t) => t.category === category);
    if (rows.length === 0) continue;
    table.push([{ colSpan: head.length, content: paint.bold(`— ${CATEGORY_LABELS[lang][category]}`) }]);
    for (const topic of rows) {
      const label = lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
      const regional = topic.regional;
      const row = [
        "  " + truncate(label, labelWidth - 2),
        ...coverage.accords.map((a) => {
          const score = topic.national.accords[a.id] ?? 0;
          return scoreCell(score, levelOf(score, coverage.rules), paint, wide);
        }),
        scoreCell(regional.score, levelOf(regional.score, coverage.rules), paint, true, regional.estimate ? "~" : ""),
        demandCell(topic),
        verdictCell(topic, lang, paint, wide),
      ];
      if (wide) row.push(referenceCell(topic, lang, paint));
      table.push(row);
    }
  }
  const body = table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
  const footer = [...renderLegend(coverage, lang, paint).split("\n"), summaryLine(coverage, lang)].map((line) => wrapPlain(line, options.width));
  return `${body}\n\n${footer.join("\n")}\n`;
}
