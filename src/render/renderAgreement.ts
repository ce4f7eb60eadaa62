// Output of `dekking agreement`: the pairs of statuses and the agreement figures.

import type { Agreement } from "../analyse/agreement.js";
import { ORDERED_STATUSES } from "../analyse/agreement.js";
import { jsonOutput } from "./escape/json.js";
import { terminalLine } from "./escape/terminal.js";
import { PLAN_STATUS_LABELS, type Lang } from "./labels.js";
import type { Paint } from "./paint.js";
import { renderTextTable } from "./textTable.js";

const figure = (value: number | null, digits = 2): string => (value === null ? "—" : value.toFixed(digits));

export function renderAgreementTable(agreement: Agreement, labels: { a: string; b: string }, options: { lang: Lang; paint: Paint }): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const status = (s: keyof (typeof PLAN_STATUS_LABELS)["nl"]) => PLAN_STATUS_LABELS[lang][s];
  const out = [paint.bold(nl ? "Overeenstemming tussen twee beoordelingen" : "Agreement between two assessments"), `A: ${terminalLine(labels.a)}`, `B: ${terminalLine(labels.b)}`, ""];
  const rows: string[][] = [[nl ? "Onderwerp" : "Topic", "A", "B", ""]];
  for (const pair of agreement.pairs) {
    rows.push([terminalLine(pair.topic), status(pair.a), status(pair.b), !pair.compared ? (nl ? "niet vergeleken (onbekend)" : "not compared (unknown)") : pair.agree ? "=" : "≠"]);
  }
  out.push(...renderTextTable(rows, { gap: 2 }), "");
  out.push(`${nl ? "Vergeleken" : "Compared"}: ${agreement.compared} ${nl ? "onderwerpen die beide beoordeelden" : "topics both assessed"}; ${nl ? "eens" : "agreeing"}: ${agreement.agreeing} (${agreement.percentage === null ? "—" : `${Math.round(agreement.percentage * 100)}%`})`);
  out.push(`Cohen's kappa: ${figure(agreement.kappa)} · ${nl ? "gewogen (lineair, afwezig < ambitie < concreet)" : "weighted (linear, absent < ambition < concrete)"}: ${figure(agreement.weightedKappa)}`);
  out.push(paint.dim(`${nl ? "Kruistabel (rijen A, kolommen B)" : "Cross table (rows A, columns B)"}: ${ORDERED_STATUSES.map((s, i) => `${status(s)} [${agreement.counts[i]!.join(", ")}]`).join(" · ")}`));
  out.push(paint.dim(nl ? "Onbekend is geen oordeel: een onderwerp dat een van beiden onbekend liet, telt niet mee in het percentage en de kappa's." : "Unknown is no judgement: a topic either left unknown is left out of the percentage and both kappas."));
  return out.join("\n") + "\n";
}

export function renderAgreementJson(agreement: Agreement, labels: { a: string; b: string }): string {
  return jsonOutput({ a: labels.a, b: labels.b, statuses: ORDERED_STATUSES, ...agreement });
}
