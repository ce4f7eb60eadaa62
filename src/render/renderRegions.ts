// Output formats of `dekking regions`: the regions × indicators matrix as a terminal table,
// JSON, CSV and Markdown. Each renderer takes the pure RegionMatrix (see regionMatrix.ts)
// and the options of renderer.ts, so the CLI wires them like the matrix renderers.

import { ownValue } from "../ownKeys.js";
import { jsonOutput } from "./escape/json.js";
import type { PlanStatus } from "../model.js";
import { categoryName, PLAN_STATUS_LABELS, PLAN_STATUS_SYMBOLS, topicLabel, type Lang } from "../messages/labels.js";
import { REGIONS_WORDS } from "../messages/commandText.js";
import type { Level, Paint } from "./paint.js";
import { regionMatrix, type RegionMatrix, type RegionMatrixCell, type RegionMatrixPlan, type RegionMatrixRow } from "../analyse/regionMatrix.js";
import type { RenderOptions } from "./renderer.js";
import { clipLine, truncate, usableWidth, visibleWidth as visibleLength, wrapLine } from "./textColumns.js";
import { renderTextTable, type SpanningLine } from "./textTable.js";
import { terminalLine } from "./escape/terminal.js";
import { csvField } from "./renderMatrixCsv.js";
import { markdownCell } from "./renderMatrixMarkdown.js";

export { regionMatrix };
export type { RegionMatrix, RegionMatrixCell, RegionMatrixPlan, RegionMatrixRow };

export type RegionRenderer = (matrix: RegionMatrix, options: RenderOptions) => string;

/** Status colours reuse the coverage levels: a concrete approach is high coverage, unknown is grey. */
const STATUS_LEVELS: Record<PlanStatus, Level> = { concrete: "high", ambition: "medium", absent: "none", unknown: "unknown" };

function rowLabel(row: RegionMatrixRow, lang: Lang): string {
  return topicLabel(row, lang);
}

function completenessText(plan: RegionMatrixPlan): string {
  return `${plan.assessed}/${plan.indicators} ${Math.round(plan.completeness * 100)}%`;
}

/** What the counting rule does with the plans, in one or two sentences. */
export function regionsSummary(matrix: RegionMatrix, lang: Lang): string {
  const own = matrix.plans.filter((p) => p.inSample).length;
  return REGIONS_WORDS[lang].summary(matrix.plans.length, own, matrix.sampleRegions.length, matrix.plans.length - own);
}

function legendText(lang: Lang, paint: Paint): string {
  const statuses = (["concrete", "ambition", "absent", "unknown"] as const).map((s) =>
    paint.level(STATUS_LEVELS[s], `${PLAN_STATUS_SYMBOLS[s]} ${PLAN_STATUS_LABELS[lang][s]}`),
  );
  const t = REGIONS_WORDS[lang];
  return `${t.legend}: ${statuses.join("  ")} (${t.unknownNote});  ${t.indirect}`;
}

// ── table ────────────────────────────────────────────────────────────────────

/** A name cut where a line may break: after a space (dropped) or after "-" and "/" (kept). */
function breakableParts(name: string): { text: string; joiner: string }[] {
  const parts: { text: string; joiner: string }[] = [];
  for (const match of name.trim().matchAll(/(\s*)([^\s\-/]*[\-/]*)/g)) {
    const text = match[2] ?? "";
    if (text === "") continue;
    parts.push({ text, joiner: (match[1] ?? "") === "" ? "" : " " });
  }
  return parts;
}

/**
 * Region name over two header lines of `width` columns. `truncated` says the header is not
 * the plain name (cut short, or a word split without a hyphen), so the key must name it.
 */
export function abbreviateRegion(name: string, width: number): { lines: [string, string]; truncated: boolean } {
  const parts = breakableParts(name.normalize("NFC"));
  let first = "";
  let index = 0;
  for (; index < parts.length; index++) {
    const part = parts[index]!;
    const candidate = first === "" ? part.text : first + part.joiner + part.text;
    if (visibleLength(candidate) > width) break;
    first = candidate;
  }
  let split = false;
  let rest = parts
    .slice(index)
    .map((p, i) => (i === 0 ? p.text : p.joiner + p.text))
    .join("");
  if (first === "") {
    // The first word alone is too long: cut it (between letters, not inside one) and go on
    // on the second line.
    first = clipLine(rest, width);
    rest = rest.slice(first.length);
    split = true;
  }
  const shown = truncate(rest, width);
  return { lines: [first, shown], truncated: split || shown !== rest };
}

/** Key entries joined with "; ", broken between entries so no region name is split over lines. */
function keyLines(label: string, entries: string[], width: number): string[] {
  const lines: string[] = [];
  let current = `${label}:`;
  for (const [i, entry] of entries.entries()) {
    if (i === 0 && visibleLength(`${current} ${entry}`) <= width) {
      current += ` ${entry}`;
    } else if (i === 0) {
      lines.push(current);
      current = `  ${entry}`;
    } else if (visibleLength(`${current}; ${entry}`) <= width) {
      current += `; ${entry}`;
    } else {
      lines.push(`${current};`);
      current = `  ${entry}`;
    }
  }
  lines.push(current);
  // An entry longer than the whole width still has to fit: wrap it at its spaces.
  return lines.flatMap((line) => wrapLine(line, width));
}

interface Column {
  plan: RegionMatrixPlan;
  header: [string, string];
  /** The abbreviated header differs from the region name or another column's header. */
  needsKey: boolean;
}

/** Headers for all columns, made unique: a clash gets a number at the end. */
function columnsOf(plans: RegionMatrixPlan[], width: number): Column[] {
  const columns = plans.map((plan) => {
    const { lines, truncated } = abbreviateRegion(printable(plan.region), width);
    return { plan, header: lines, needsKey: truncated };
  });
  const seen = new Map<string, number>();
  for (const column of columns) {
    const key = column.header.join("\n");
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const numbered = new Map<string, number>();
  for (const column of columns) {
    const key = column.header.join("\n");
    if ((seen.get(key) ?? 0) < 2) continue;
    const n = (numbered.get(key) ?? 0) + 1;
    numbered.set(key, n);
    const suffix = ` ${n}`;
    column.header = [column.header[0], truncate(column.header[1], width - suffix.length) + suffix];
    column.needsKey = true;
  }
  return columns;
}

const COLUMN_WIDTH = 10;

/** Region names come from hand-written files: control characters (an escape sequence, say) must not reach the terminal. */
/** Data text on one terminal line (the one terminal escape step). */
function printable(text: string): string {
  return terminalLine(text);
}

function cellText(cell: RegionMatrixCell, paint: Paint): string {
  return paint.level(STATUS_LEVELS[cell.status], `${PLAN_STATUS_SYMBOLS[cell.status]}${cell.indirect ? " i" : ""}`);
}

export function renderRegionsTable(matrix: RegionMatrix, options: RenderOptions): string {
  const { lang, paint } = options;
  const t = REGIONS_WORDS[lang];
  const width = usableWidth(options.width);
  if (matrix.plans.length === 0) {
    const lines = [paint.bold(t.noPlans), t.sampleOnly(matrix.sampleRegions.length), t.addOne((command) => command)];
    return lines.flatMap((line) => wrapLine(line, width)).join("\n") + "\n";
  }

  const minLabelWidth = width >= 90 ? 36 : width >= 60 ? 24 : 16;
  // Headers are cut to COLUMN_WIDTH, but a study of 100 or more indicators counts wider
  // ("100/134 75%"): the columns take the widest count, so that row stays in line too.
  const columnWidth = matrix.plans.reduce(
    (widest, plan) => Math.max(widest, visibleLength(completenessText(plan)), visibleLength(plan.participation ?? "")),
    COLUMN_WIDTH,
  );
  const perBlockMax = Math.max(1, Math.floor((width - minLabelWidth) / (columnWidth + 1)));
  const blockCount = Math.ceil(matrix.plans.length / perBlockMax);
  // Even blocks read better than one full block and a stub; room left goes to the labels.
  const perBlock = Math.ceil(matrix.plans.length / blockCount);
  const labelWidth = Math.max(minLabelWidth, Math.min(48, width - perBlock * (columnWidth + 1)));
  const columns = columnsOf(matrix.plans, COLUMN_WIDTH);

  const out: string[] = [];
  for (let b = 0; b < blockCount; b++) {
    const block = columns.slice(b * perBlock, (b + 1) * perBlock);
    if (b > 0) out.push("");
    const rows: (string[] | SpanningLine)[] = [];
    rows.push(["", ...block.map((c) => paint.bold(c.header[0]))]);
    rows.push([paint.bold(t.indicator), ...block.map((c) => paint.bold(c.header[1]))]);
    let category: string | undefined;
    let otherShown = false;
    for (const row of matrix.rows) {
      if (!row.indicator && !otherShown) {
        otherShown = true;
        category = undefined;
        rows.push({ span: paint.bold(`— ${t.other}`) });
      }
      if (row.indicator && row.category !== category) {
        category = row.category;
        rows.push({ span: paint.bold(`— ${terminalLine(categoryName(matrix.vocabulary, row.category, lang))}`) });
      }
      rows.push(["  " + truncate(printable(rowLabel(row, lang)), labelWidth - 2), ...block.map((c) => cellText(ownValue(c.plan.cells, row.id)!, paint))]);
    }
    rows.push([paint.bold(t.assessed), ...block.map((c) => completenessText(c.plan))]);
    rows.push([paint.bold(t.participation), ...block.map((c) => c.plan.participation ?? "—")]);
    rows.push([paint.bold(t.inSample), ...block.map((c) => (c.plan.inSample ? t.yes : t.extra))]);
    out.push(...renderTextTable(rows, { gap: 1, minWidths: [labelWidth, ...block.map(() => columnWidth)] }));
    const keyed = block.filter((c) => c.needsKey);
    if (keyed.length > 0) {
      const entries = keyed.map((c) => `${c.header.filter((h) => h !== "").join(" ")} = ${printable(c.plan.region)}`);
      out.push(...keyLines(t.columns, entries, width).map((l) => paint.dim(l)));
    }
  }
  out.push("", ...wrapLine(legendText(lang, paint), width), ...wrapLine(regionsSummary(matrix, lang), width));
  // The last guard of the promise that no line is wider than the terminal.
  return out.map((l) => clipLine(l, width)).join("\n") + "\n";
}

// ── json ─────────────────────────────────────────────────────────────────────

export function regionsToJson(matrix: RegionMatrix): unknown {
  return {
    study: { id: matrix.study.id, title: matrix.study.title, data_version: matrix.study.dataVersion },
    sample_regions: matrix.sampleRegions,
    indicators: matrix.rows.map((row) => ({ id: row.id, label: row.label, label_en: row.labelEn ?? null, category: row.category, indicator: row.indicator })),
    regions: matrix.plans.map((plan) => ({
      region: plan.region,
      file: plan.file,
      slug: plan.slug,
      fictional: plan.fictional,
      in_sample: plan.inSample,
      plan: plan.plan,
      assessed_by: plan.assessedBy,
      assessed_on: plan.assessedOn,
      participation: plan.participation,
      participation_groups: plan.participationGroups,
      completeness: { assessed: plan.assessed, indicators: plan.indicators, share: plan.completeness },
      findings: plan.cells,
    })),
  };
}

export function renderRegionsJson(matrix: RegionMatrix, _options: RenderOptions): string {
  return jsonOutput(regionsToJson(matrix));
}

// ── csv ──────────────────────────────────────────────────────────────────────

/**
 * One row per region plan, one column per topic (the matrix transposed: a region's
 * completeness and participation then sit in its own row, which is what Excel filters on).
 */
export function renderRegionsCsv(matrix: RegionMatrix, options: RenderOptions): string {
  const separator = options.excel ? ";" : ",";
  const number = (value: number): string => (options.excel ? String(value).replace(".", ",") : String(value));
  const header = [
    "region",
    "file",
    "in_sample",
    "fictional",
    "plan_title",
    "plan_year",
    "plan_url",
    "assessed_by",
    "assessed_on",
    "participation",
    "assessed",
    "indicators",
    "completeness",
    ...matrix.rows.map((r) => r.id),
  ];
  const rows = matrix.plans.map((plan) => [
    plan.region,
    plan.file,
    String(plan.inSample),
    String(plan.fictional),
    plan.plan.title,
    plan.plan.year === null ? "" : String(plan.plan.year),
    plan.plan.url ?? "",
    plan.assessedBy,
    plan.assessedOn,
    plan.participation ?? "",
    String(plan.assessed),
    String(plan.indicators),
    number(plan.completeness),
    ...matrix.rows.map((r) => {
      const cell = ownValue(plan.cells, r.id)!;
      return cell.indirect ? `${cell.status} (indirect)` : cell.status;
    }),
  ]);
  const lines = [header, ...rows].map((fields) => fields.map((f) => csvField(f, separator)).join(separator));
  return (options.excel ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}

// ── markdown ─────────────────────────────────────────────────────────────────

export function renderRegionsMarkdown(matrix: RegionMatrix, options: RenderOptions): string {
  const { lang } = options;
  const t = REGIONS_WORDS[lang];
  if (matrix.plans.length === 0) return `${t.noPlans} ${t.addOne((command) => `\`${command}\``)}\n`;
  const out: string[] = [];
  const head = [t.indicator, ...matrix.plans.map((p) => markdownCell(p.region))];
  out.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? " --- " : " :-: ")).join("|")}|`);
  const empty = matrix.plans.map(() => "");
  let category: string | undefined;
  let otherShown = false;
  for (const row of matrix.rows) {
    if (!row.indicator && !otherShown) {
      otherShown = true;
      out.push(`| **${markdownCell(t.other)}** | ${empty.join(" | ")} |`);
    }
    if (row.indicator && row.category !== category) {
      category = row.category;
      out.push(`| **${markdownCell(categoryName(matrix.vocabulary, row.category, lang))}** | ${empty.join(" | ")} |`);
    }
    const cells = matrix.plans.map((p) => {
      const cell = ownValue(p.cells, row.id)!;
      return `${PLAN_STATUS_SYMBOLS[cell.status]} ${PLAN_STATUS_LABELS[lang][cell.status]}${cell.indirect ? ` ${t.indirectMark}` : ""}`;
    });
    out.push(`| ${markdownCell(rowLabel(row, lang))} \`${row.id}\` | ${cells.join(" | ")} |`);
  }
  out.push(`| **${t.assessed}** | ${matrix.plans.map((p) => `${p.assessed}/${p.indicators} (${Math.round(p.completeness * 100)}%)`).join(" | ")} |`);
  out.push(`| **${t.participation}** | ${matrix.plans.map((p) => p.participation ?? "—").join(" | ")} |`);
  out.push(`| **${t.inSample}** | ${matrix.plans.map((p) => (p.inSample ? t.yes : t.extra)).join(" | ")} |`);
  const statuses = (["concrete", "ambition", "absent", "unknown"] as const).map((s) => `${PLAN_STATUS_SYMBOLS[s]} ${PLAN_STATUS_LABELS[lang][s]}`);
  out.push("", `**${t.legend}:** ${statuses.join(", ")} (${t.unknownNote}); ${t.indirect}.`, "", regionsSummary(matrix, lang), "");
  return out.join("\n");
}

// ── registry ─────────────────────────────────────────────────────────────────

export const REGION_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type RegionFormat = (typeof REGION_FORMATS)[number];

export const REGION_RENDERERS: Record<RegionFormat, RegionRenderer> = {
  table: renderRegionsTable,
  json: renderRegionsJson,
  csv: renderRegionsCsv,
  markdown: renderRegionsMarkdown,
};
