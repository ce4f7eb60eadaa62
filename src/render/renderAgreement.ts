// Output of `dekking agreement`: the pairs of statuses and the agreement figures.

import type { Agreement } from "../analyse/agreement.js";
import { ORDERED_STATUSES } from "../analyse/agreement.js";
import { ORDERED_STRENGTHS, type AccordAgreement, type Disagreement, type FieldAgreement } from "../analyse/accordAgreement.js";
import { jsonOutput } from "./escape/json.js";
import { terminalLine } from "./escape/terminal.js";
import { PLAN_STATUS_LABELS, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { clipLine, truncate, visibleWidth, wrapLine } from "./textColumns.js";
import { renderTextTable } from "./textTable.js";

const figure = (value: number | null, digits = 2): string => (value === null ? "—" : value.toFixed(digits));

/**
 * The agreement as a table and its figures, within `width` columns: topic ids are shortened
 * with "…" where the table would be wider, the sentences wrap.
 */
export function renderAgreementTable(agreement: Agreement, labels: { a: string; b: string }, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint, width } = options;
  const nl = lang === "nl";
  const status = (s: keyof (typeof PLAN_STATUS_LABELS)["nl"]) => PLAN_STATUS_LABELS[lang][s];
  const wrap = (line: string): string[] => wrapLine(line, width);
  const out = [
    ...wrap(paint.bold(nl ? "Overeenstemming tussen twee beoordelingen" : "Agreement between two assessments")),
    ...wrap(`A: ${terminalLine(labels.a)}`),
    ...wrap(`B: ${terminalLine(labels.b)}`),
    "",
  ];
  const gap = 2;
  const statusWidth = Math.max(1, ...agreement.pairs.flatMap((p) => [visibleWidth(status(p.a)), visibleWidth(status(p.b))]));
  // The topic column takes what the status columns and the one-character mark leave.
  const topicWidth = Math.max(8, width - 2 * statusWidth - 1 - 3 * gap);
  const rows: string[][] = [[nl ? "Onderwerp" : "Topic", "A", "B", ""]];
  for (const pair of agreement.pairs) {
    rows.push([truncate(terminalLine(pair.topic), topicWidth), status(pair.a), status(pair.b), !pair.compared ? "?" : pair.agree ? "=" : "≠"]);
  }
  out.push(...renderTextTable(rows, { gap }).map((line) => clipLine(line, width)));
  out.push(
    ...wrap(paint.dim(nl ? "= eens, ≠ oneens, ? niet vergeleken (een van beiden onbekend)" : "= agree, ≠ disagree, ? not compared (either left it unknown)")),
    "",
  );
  out.push(
    ...wrap(
      `${nl ? "Vergeleken" : "Compared"}: ${agreement.compared} ${nl ? "onderwerpen die beide beoordeelden" : "topics both assessed"}; ${nl ? "eens" : "agreeing"}: ${agreement.agreeing} (${agreement.percentage === null ? "—" : `${Math.round(agreement.percentage * 100)}%`})`,
    ),
  );
  out.push(
    ...wrap(
      `Cohen's kappa: ${figure(agreement.kappa)} · ${nl ? "gewogen (lineair, afwezig < ambitie < concreet)" : "weighted (linear, absent < ambition < concrete)"}: ${figure(agreement.weightedKappa)}`,
    ),
  );
  out.push(
    ...wrap(
      paint.dim(
        `${nl ? "Kruistabel (rijen A, kolommen B)" : "Cross table (rows A, columns B)"}: ${ORDERED_STATUSES.map((s, i) => `${status(s)} [${agreement.counts[i]!.join(", ")}]`).join(" · ")}`,
      ),
    ),
  );
  out.push(
    ...wrap(
      paint.dim(
        nl
          ? "Onbekend is geen oordeel: een onderwerp dat een van beiden onbekend liet, telt niet mee in het percentage en de kappa's."
          : "Unknown is no judgement: a topic either left unknown is left out of the percentage and both kappas.",
      ),
    ),
  );
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
  const nl = lang === "nl";
  const wrap = (line: string): string[] => wrapLine(line, width);
  const percent = (value: number | null): string => (value === null ? "—" : `${Math.round(value * 100)}%`);
  const out = [
    ...wrap(
      paint.bold(
        nl
          ? `Overeenstemming tussen twee coderingen van akkoord ${terminalLine(agreement.accord)}`
          : `Agreement between two codings of accord ${terminalLine(agreement.accord)}`,
      ),
    ),
    ...wrap(`A: ${terminalLine(labels.a)}`),
    ...wrap(`B: ${terminalLine(labels.b)}`),
    ...wrap(
      `${nl ? "Vergeleken acties" : "Actions compared"}: ${agreement.actions.length} · ${nl ? "onderwerpen per actie" : "topics per action"}: ${agreement.topics.length}`,
    ),
    "",
  ];
  const rows: string[][] = [[nl ? "Veld" : "Field", nl ? "Beslissingen" : "Decisions", nl ? "Eens" : "Agree", "%", "κ", nl ? "κ gewogen" : "κ weighted"]];
  const row = (name: string, f: FieldAgreement, weighted?: number | null) => [
    name,
    String(f.compared),
    String(f.agreeing),
    percent(f.percentage),
    figure(f.kappa),
    weighted === undefined ? "" : figure(weighted),
  ];
  rows.push(row(nl ? "onderwerpkoppelingen (actie × onderwerp)" : "topic links (action × topic)", agreement.links));
  rows.push(row(nl ? "sterkte" : "strength", agreement.strength, agreement.strength.weightedKappa));
  rows.push(row(nl ? "reikwijdte (koppelingen van beiden)" : "scope (links both made)", agreement.scope));
  rows.push(row(nl ? "periode" : "period", agreement.period));
  out.push(...renderTextTable(rows, { gap: 2 }).map((line) => clipLine(line, width)));
  out.push(
    ...wrap(
      paint.dim(
        nl
          ? "Sterkte: vermelding < afspraak < maatregel; gewogen κ met lineaire gewichten (één stap verschil telt half)."
          : "Strength: mention < agreement < measure; weighted κ with linear weights (one step apart counts half).",
      ),
    ),
    "",
  );
  const list = (title: string, items: readonly Disagreement[]) => {
    out.push(...wrap(paint.bold(`${title} (${items.length})`)));
    for (const d of items)
      out.push(...wrap(`  ${terminalLine(d.action)}${d.topic ? ` · ${terminalLine(d.topic)}` : ""}: A ${terminalLine(d.a)}, B ${terminalLine(d.b)}`));
    if (items.length === 0) out.push(nl ? "  geen" : "  none");
    out.push("");
  };
  list(nl ? "Koppelingen alleen in A" : "Links only in A", agreement.links.onlyInA);
  list(nl ? "Koppelingen alleen in B" : "Links only in B", agreement.links.onlyInB);
  list(nl ? "Sterkte verschilt" : "Strength differs", agreement.strength.disagreements);
  list(nl ? "Reikwijdte verschilt" : "Scope differs", agreement.scope.disagreements);
  list(nl ? "Periode verschilt" : "Period differs", agreement.period.disagreements);
  if (agreement.onlyInA.length + agreement.onlyInB.length > 0) {
    out.push(...wrap(paint.bold(nl ? "Acties in één van beide bestanden (niet vergeleken)" : "Actions in one file only (not compared)")));
    if (agreement.onlyInA.length) out.push(...wrap(`  ${nl ? "alleen in A" : "only in A"}: ${agreement.onlyInA.map(terminalLine).join(", ")}`));
    if (agreement.onlyInB.length) out.push(...wrap(`  ${nl ? "alleen in B" : "only in B"}: ${agreement.onlyInB.map(terminalLine).join(", ")}`));
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

export function renderAccordAgreementJson(agreement: AccordAgreement, labels: { a: string; b: string }): string {
  return jsonOutput({ a: labels.a, b: labels.b, kind: "accord", strengths: ORDERED_STRENGTHS, ...agreement });
}
