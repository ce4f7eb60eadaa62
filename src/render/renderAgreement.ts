// Output of `dekking agreement`: the pairs of statuses and the agreement figures.

import type { Agreement } from "../analyse/agreement.js";
import { ORDERED_STATUSES } from "../analyse/agreement.js";
import { ORDERED_STRENGTHS, type AccordAgreement, type Disagreement, type FieldAgreement } from "../analyse/accordAgreement.js";
import { jsonOutput } from "./escape/json.js";
import { terminalLine } from "./escape/terminal.js";
import { PLAN_STATUS_LABELS, SCOPE_SHORT, STRENGTH_LABELS, type Lang } from "../messages/labels.js";
import { ACCORD_AGREEMENT_WORDS, PLAN_AGREEMENT_WORDS } from "../messages/commandText.js";
import type { Paint } from "./paint.js";
import type { PlanStatus, Scope, Strength } from "../model.js";
import { clipLine, truncate, visibleWidth, wrapLine } from "./textColumns.js";
import { renderTextTable } from "./textTable.js";

const figure = (value: number | null, digits = 2): string => (value === null ? "—" : value.toFixed(digits));

/**
 * The agreement as a table and its figures, within `width` columns: topic ids are shortened
 * with "…" where the table would be wider, the sentences wrap.
 */
export function renderAgreementTable(agreement: Agreement, labels: { a: string; b: string }, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint, width } = options;
  const words = PLAN_AGREEMENT_WORDS[lang];
  const status = (s: PlanStatus) => PLAN_STATUS_LABELS[lang][s];
  const wrap = (line: string): string[] => wrapLine(line, width);
  const out = [...wrap(paint.bold(words.title)), ...wrap(`A: ${terminalLine(labels.a)}`), ...wrap(`B: ${terminalLine(labels.b)}`), ""];
  const gap = 2;
  const statusWidth = Math.max(1, ...agreement.pairs.flatMap((p) => [visibleWidth(status(p.a)), visibleWidth(status(p.b))]));
  // The topic column takes what the status columns and the one-character mark leave.
  const topicWidth = Math.max(8, width - 2 * statusWidth - 1 - 3 * gap);
  const rows: string[][] = [[words.topic, "A", "B", ""]];
  for (const pair of agreement.pairs) {
    rows.push([truncate(terminalLine(pair.topic), topicWidth), status(pair.a), status(pair.b), !pair.compared ? "?" : pair.agree ? "=" : "≠"]);
  }
  out.push(...renderTextTable(rows, { gap }).map((line) => clipLine(line, width)));
  out.push(...wrap(paint.dim(words.marks)), "");
  const percentage = agreement.percentage === null ? "—" : `${Math.round(agreement.percentage * 100)}%`;
  out.push(...wrap(words.compared(agreement.compared, agreement.agreeing, percentage)));
  out.push(...wrap(`Cohen's kappa: ${figure(agreement.kappa)} · ${words.weighted}: ${figure(agreement.weightedKappa)}`));
  out.push(...wrap(paint.dim(`${words.crossTable}: ${ORDERED_STATUSES.map((s, i) => `${status(s)} [${agreement.counts[i]!.join(", ")}]`).join(" · ")}`)));
  out.push(...wrap(paint.dim(words.unknownNote)));
  return out.join("\n") + "\n";
}

export function renderAgreementJson(agreement: Agreement, labels: { a: string; b: string }): string {
  return jsonOutput({ a: labels.a, b: labels.b, statuses: ORDERED_STATUSES, ...agreement });
}

/**
 * Two encodings of one accord compared: per field (topic links, strength, scope, period) the
 * number compared, percentage agreement and Cohen's kappa (strength also linearly weighted),
 * then every disagreement, wrapped to `width` columns.
 */
export function renderAccordAgreementTable(
  agreement: AccordAgreement,
  labels: { a: string; b: string },
  options: { lang: Lang; paint: Paint; width: number },
): string {
  const { lang, paint, width } = options;
  const words = ACCORD_AGREEMENT_WORDS[lang];
  const wrap = (line: string): string[] => wrapLine(line, width);
  const percent = (value: number | null): string => (value === null ? "—" : `${Math.round(value * 100)}%`);
  const out = [
    ...wrap(paint.bold(words.title(terminalLine(agreement.accord)))),
    ...wrap(`A: ${terminalLine(labels.a)}`),
    ...wrap(`B: ${terminalLine(labels.b)}`),
    ...wrap(words.compared(agreement.actions.length, agreement.topics.length)),
    "",
  ];
  const columns = words.columns;
  const rows: string[][] = [[columns.field, columns.decisions, columns.agree, "%", "κ", columns.weighted]];
  const row = (name: string, f: FieldAgreement, weighted?: number | null) => [
    name,
    String(f.compared),
    String(f.agreeing),
    percent(f.percentage),
    figure(f.kappa),
    weighted === undefined ? "" : figure(weighted),
  ];
  rows.push(row(words.fields.links, agreement.links));
  rows.push(row(words.fields.strength, agreement.strength, agreement.strength.weightedKappa));
  rows.push(row(words.fields.scope, agreement.scope));
  rows.push(row(words.fields.period, agreement.period));
  out.push(...renderTextTable(rows, { gap: 2 }).map((line) => clipLine(line, width)));
  out.push(...wrap(paint.dim(words.strengthNote)), "");
  // Each list's values in words: a link decision, a strength, a scope, a period (its dates as they are).
  const list = (title: string, items: readonly Disagreement[], show: (value: string) => string) => {
    out.push(...wrap(paint.bold(`${title} (${items.length})`)));
    for (const d of items)
      out.push(
        ...wrap(`  ${terminalLine(d.action)}${d.topic ? ` · ${terminalLine(d.topic)}` : ""}: A ${terminalLine(show(d.a))}, B ${terminalLine(show(d.b))}`),
      );
    if (items.length === 0) out.push(`  ${words.none}`);
    out.push("");
  };
  const link = (v: string): string => (v === "linked" ? words.values.linked : words.values.notLinked);
  const strength = (v: string): string => (Object.hasOwn(STRENGTH_LABELS[lang], v) ? STRENGTH_LABELS[lang][v as Strength] : v);
  const scope = (v: string): string => (Object.hasOwn(SCOPE_SHORT[lang], v) ? SCOPE_SHORT[lang][v as Scope] : v);
  const period = (v: string): string => (v === "none" ? words.values.noPeriod : v);
  list(words.lists.linksOnlyInA, agreement.links.onlyInA, link);
  list(words.lists.linksOnlyInB, agreement.links.onlyInB, link);
  list(words.lists.strength, agreement.strength.disagreements, strength);
  list(words.lists.scope, agreement.scope.disagreements, scope);
  list(words.lists.period, agreement.period.disagreements, period);
  if (agreement.onlyInA.length + agreement.onlyInB.length > 0) {
    out.push(...wrap(paint.bold(words.oneFileOnly)));
    if (agreement.onlyInA.length) out.push(...wrap(`  ${words.onlyInA}: ${agreement.onlyInA.map(terminalLine).join(", ")}`));
    if (agreement.onlyInB.length) out.push(...wrap(`  ${words.onlyInB}: ${agreement.onlyInB.map(terminalLine).join(", ")}`));
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

export function renderAccordAgreementJson(agreement: AccordAgreement, labels: { a: string; b: string }): string {
  return jsonOutput({ a: labels.a, b: labels.b, kind: "accord", strengths: ORDERED_STRENGTHS, ...agreement });
}
