// `dekking diff` output: what a data change did to the verdicts, as terminal text, as
// Markdown for a pull-request comment, and as JSON for scripts.

import { jsonOutput } from "./escape/json.js";
import type { Change, CoverageDiff, TopicChange, TopicPresence } from "../analyse/diffCoverage.js";
import { newWhiteSpots } from "../analyse/diffCoverage.js";
import type { Gap, Reason, Verdict } from "../analyse/coverage.js";
import type { Group, Vocabulary } from "../model.js";
import { DECISION_LABELS, formatGroups, formatScore, reasonText, topicLabel, verdictText, type Lang } from "../messages/labels.js";
import { DIFF_WORDS } from "../messages/commandText.js";
import { ownValue } from "../ownKeys.js";
import type { Paint } from "./paint.js";
import { wrapLine } from "./textColumns.js";
import { markdownCell } from "./renderMatrixMarkdown.js";
import { terminalLine } from "./escape/terminal.js";

function paintVerdict(verdict: Verdict, paint: Paint, text: string): string {
  if (verdict === "witte-vlek") return paint.bad(text);
  if (verdict === "mogelijke-witte-vlek") return paint.warn(text);
  if (verdict === "gedekt") return paint.good(text);
  return paint.dim(text);
}

/** The verdict before and after, with the gap on each side (unchanged gaps included). */
function verdictPair(topic: TopicChange): { old: Verdict; new: Verdict; oldGap: Gap | null; newGap: Gap | null } | undefined {
  if (!topic.verdict && !topic.gap) return undefined;
  const now = topic.verdictNow;
  const old = topic.verdict?.old ?? now;
  // A gap change without a verdict change still belongs in the verdict table: "possible (policy)" → "possible (both)".
  return { old, new: now, oldGap: topic.gap ? topic.gap.old : topic.gapNow, newGap: topic.gapNow };
}

function score(value: number | null, lang: Lang): string {
  return value === null ? DIFF_WORDS[lang].notAssessed : formatScore(value);
}

function groups(value: Group[], vocabulary: Vocabulary, lang: Lang): string {
  return value.length === 0 ? DIFF_WORDS[lang].none : formatGroups(value, vocabulary, lang);
}

function arrow<T>(c: Change<T>, show: (v: T) => string): string {
  return `${show(c.old)} → ${show(c.new)}`;
}

/** The number lines of one changed topic (not the verdict, not the reasons). */
function detailLines(topic: TopicChange, diff: CoverageDiff, lang: Lang): string[] {
  const t = DIFF_WORDS[lang];
  const lines: string[] = [];
  const national = topic.national;
  if (national) {
    const parts: string[] = [];
    if (national.score) parts.push(arrow(national.score, formatScore));
    for (const [id, c] of Object.entries(national.accords ?? {}))
      parts.push(`${(Object.hasOwn(diff.accordNames, id) ? diff.accordNames[id] : undefined) ?? id} ${arrow(c, formatScore)}`);
    if (national.breadth) parts.push(`${t.breadth} ${arrow(national.breadth, String)}`);
    if (parts.length > 0) lines.push(`${t.national}: ${parts.join("; ")}`);
    const shown = (list: string[]): string => (list.length > 5 ? `${list.slice(0, 5).join(", ")} … (+${list.length - 5})` : list.join(", "));
    if (national.actions?.added.length) lines.push(`+ ${t.actions}: ${shown(national.actions.added)}`);
    if (national.actions?.removed.length) lines.push(`− ${t.actions}: ${shown(national.actions.removed)}`);
  }
  const regional = topic.regional;
  if (regional) {
    const parts: string[] = [];
    if (regional.score) parts.push(arrow(regional.score, (v) => score(v, lang)));
    if (regional.estimate) parts.push(`${t.estimate} ${arrow(regional.estimate, (v) => (v ? t.yes : t.no))}`);
    if (regional.counted) parts.push(`${t.counted} ${arrow(regional.counted, String)}`);
    lines.push(`${t.regional}: ${parts.join("; ")}`);
  }
  if (topic.demand) lines.push(`${t.demand}: ${arrow(topic.demand, (v) => groups(v, diff.vocabulary, lang))}`);
  if (topic.disposition) lines.push(`${t.disposition}: ${arrow(topic.disposition, (v) => (v === null ? t.none : DECISION_LABELS[lang][v]))}`);
  return lines;
}

/** Reasons only on the old side (−) and only on the new side (+). */
function reasonLines(reasons: Change<Reason[]>, vocabulary: Vocabulary, lang: Lang): { removed: string[]; added: string[] } {
  const key = (r: Reason): string => JSON.stringify(r);
  const oldKeys = new Set(reasons.old.map(key));
  const newKeys = new Set(reasons.new.map(key));
  return {
    removed: reasons.old.filter((r) => !newKeys.has(key(r))).map((r) => reasonText(r, lang, vocabulary)),
    added: reasons.new.filter((r) => !oldKeys.has(key(r))).map((r) => reasonText(r, lang, vocabulary)),
  };
}

export function diffSummary(diff: CoverageDiff, lang: Lang): string {
  return DIFF_WORDS[lang].summary({
    changed: diff.changed.length,
    // A changed gap is a changed verdict too: "mogelijke witte vlek (beide)" is another finding than "(uitvoering)".
    verdicts: diff.changed.filter((t) => t.verdict || t.gap).length,
    newWhiteSpots: newWhiteSpots(diff).length,
    added: diff.added.length,
    removed: diff.removed.length,
    unchanged: diff.unchanged,
  });
}

/** A topic's label in the language: the English one the diff carries where there is one. */
function labelOf(diff: CoverageDiff, topic: { id: string; label: string }, lang: Lang): string {
  return topicLabel({ label: topic.label, labelEn: ownValue(diff.labelsEn, topic.id) }, lang);
}

function contextParts(diff: CoverageDiff, lang: Lang, code: (s: string) => string): string[] {
  const t = DIFF_WORDS[lang];
  const { old: before, new: after } = diff.view;
  const parts = [
    `${t.data} ${code(diff.dataVersion.old)} → ${code(diff.dataVersion.new)}`,
    before.asOf === after.asOf ? `${t.asOf} ${before.asOf}` : `${t.asOf} ${before.asOf} → ${after.asOf}`,
  ];
  if (before.evidence !== "all" || after.evidence !== "all")
    parts.push(`${t.evidence} ${t.views[before.evidence] ?? before.evidence} → ${t.views[after.evidence] ?? after.evidence}`);
  parts.push(`${t.plans} ${diff.regionPlans.old} → ${diff.regionPlans.new}`);
  if (diff.rulesChanged.length > 0) parts.push(`${t.rules}: ${diff.rulesChanged.map(code).join(", ")}`);
  if (diff.accords.added.length > 0) parts.push(`${t.accordsAdded}: ${diff.accords.added.join(", ")}`);
  if (diff.accords.removed.length > 0) parts.push(`${t.accordsRemoved}: ${diff.accords.removed.join(", ")}`);
  return parts;
}

/** Rows of the verdict table: changed verdicts or gaps, added and removed topics, in matrix order. */
interface VerdictRow {
  id: string;
  label: string;
  old: { verdict: Verdict; gap: Gap | null } | null;
  new: { verdict: Verdict; gap: Gap | null } | null;
}

function verdictRows(diff: CoverageDiff, lang: Lang): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const topic of diff.changed) {
    const pair = verdictPair(topic);
    if (!pair) continue;
    rows.push({ id: topic.id, label: labelOf(diff, topic, lang), old: { verdict: pair.old, gap: pair.oldGap }, new: { verdict: pair.new, gap: pair.newGap } });
  }
  const presence = (p: TopicPresence): { verdict: Verdict; gap: Gap | null } => ({ verdict: p.verdict, gap: p.gap });
  for (const topic of diff.added) rows.push({ id: topic.id, label: labelOf(diff, topic, lang), old: null, new: presence(topic) });
  for (const topic of diff.removed) rows.push({ id: topic.id, label: labelOf(diff, topic, lang), old: presence(topic), new: null });
  return rows;
}

/** The changes for the terminal; a line wider than `width` (default 120) wraps. */
export function renderDiffText(diff: CoverageDiff, options: { lang: Lang; paint: Paint; width?: number }): string {
  const { lang, paint } = options;
  const fit = (lines: string[]): string =>
    lines
      .join("\n")
      .split("\n")
      .flatMap((line) => wrapLine(line, options.width ?? 120))
      .join("\n");
  const t = DIFF_WORDS[lang];
  const out: string[] = [paint.bold(t.title), contextParts(diff, lang, (s) => s).join(" · ")];
  if (diff.changed.length === 0 && diff.added.length === 0 && diff.removed.length === 0) {
    out.push(t.nothing);
    return fit(out) + "\n";
  }
  out.push(diffSummary(diff, lang), "");
  const rows = verdictRows(diff, lang);
  if (rows.length > 0) {
    out.push(paint.bold(t.verdicts));
    const side = (v: { verdict: Verdict; gap: Gap | null } | null, marker: string): string =>
      v === null ? paint.dim(`— (${marker})`) : paintVerdict(v.verdict, paint, verdictText(v, lang, "long"));
    for (const row of rows) {
      out.push(`  ${terminalLine(row.label)} (${row.id}): ${side(row.old, t.added)} → ${side(row.new, t.removed)}`);
    }
    out.push("");
  }
  const detailed = diff.changed.filter((topic) => detailLines(topic, diff, lang).length > 0 || topic.reasons);
  if (detailed.length > 0) {
    out.push(paint.bold(t.details));
    for (const topic of detailed) {
      out.push(`  ${paint.bold(terminalLine(labelOf(diff, topic, lang)))} (${topic.id})`);
      for (const line of detailLines(topic, diff, lang)) out.push(`    ${terminalLine(line)}`);
      if (topic.reasons) {
        const { removed, added } = reasonLines(topic.reasons, diff.vocabulary, lang);
        for (const text of removed) out.push(paint.bad(`    − ${terminalLine(text)}`));
        for (const text of added) out.push(paint.good(`    + ${terminalLine(text)}`));
      }
    }
    out.push("");
  }
  return fit(out).replace(/\n+$/, "") + "\n";
}

/** For a pull-request comment: a summary line, the table of changed verdicts, then the details folded away. */
export function renderDiffMarkdown(diff: CoverageDiff, options: { lang: Lang }): string {
  const { lang } = options;
  const t = DIFF_WORDS[lang];
  const code = (s: string): string => `\`${s}\``;
  const out: string[] = [`### ${t.markdownHeading}`, ""];
  const white = newWhiteSpots(diff);
  if (diff.changed.length === 0 && diff.added.length === 0 && diff.removed.length === 0) {
    out.push(t.nothing, "", contextParts(diff, lang, code).join(" · "), "");
    return out.join("\n");
  }
  const summary = diffSummary(diff, lang);
  out.push(white.length > 0 ? `**${summary}**` : summary, "", contextParts(diff, lang, code).join(" · "), "");
  const rows = verdictRows(diff, lang);
  if (rows.length > 0) {
    out.push(`| ${t.topic} | ${t.was} | ${t.becomes} |`, "| --- | --- | --- |");
    const side = (v: { verdict: Verdict; gap: Gap | null } | null, marker: string): string => (v === null ? `— (${marker})` : verdictText(v, lang, "long"));
    for (const row of rows) {
      const becomes = side(row.new, t.removed);
      const emphasised = row.new?.verdict === "witte-vlek" && row.old?.verdict !== "witte-vlek" ? `**${markdownCell(becomes)}**` : markdownCell(becomes);
      out.push(`| ${markdownCell(row.label)} \`${row.id}\` | ${markdownCell(side(row.old, t.added))} | ${emphasised} |`);
    }
    out.push("");
  }
  const detailed = diff.changed.filter((topic) => detailLines(topic, diff, lang).length > 0 || topic.reasons);
  if (detailed.length > 0) {
    out.push(`<details><summary>${t.details} (${detailed.length})</summary>`, "");
    for (const topic of detailed) {
      out.push(`#### ${markdownCell(labelOf(diff, topic, lang))} \`${topic.id}\``, "");
      for (const line of detailLines(topic, diff, lang)) out.push(`- ${markdownCell(line)}`);
      if (topic.reasons) {
        const { removed, added } = reasonLines(topic.reasons, diff.vocabulary, lang);
        if (removed.length + added.length > 0) {
          out.push(`- ${t.reasons}:`);
          for (const text of removed) out.push(`  - − ${markdownCell(text)}`);
          for (const text of added) out.push(`  - + ${markdownCell(text)}`);
        }
      }
      out.push("");
    }
    out.push("</details>", "");
  }
  return out.join("\n");
}

/** The diff as JSON, with the ids of new white spots for scripts (the same list `--fail-on-new white-spot` uses). */
export function renderDiffJson(diff: CoverageDiff): string {
  // The vocabulary and the English labels only give the text renderers their names; the JSON keeps the ids.
  const { vocabulary: _names, labelsEn: _labels, ...rest } = diff;
  return jsonOutput({ ...rest, newWhiteSpots: newWhiteSpots(diff) });
}
