// The matrix as CSV (RFC 4180: CRLF line ends, fields quoted where needed). `excel`
// writes what Dutch Excel opens correctly: a UTF-8 byte-order mark, `;` between fields
// and decimal commas.

import { ownValue } from "../ownKeys.js";
import type { Coverage } from "../analyse/coverage.js";
import type { RenderOptions } from "./renderer.js";
import { csvCell } from "./escape/csv.js";

/** One field, through the one CSV escape step (formula-safe, RFC 4180 quoting). */
export function csvField(value: string, separator: string): string {
  return csvCell(value, separator);
}

export function renderMatrixCsv(coverage: Coverage, options: RenderOptions): string {
  const separator = options.excel ? ";" : ",";
  const number = (value: number | null): string => (value === null ? "" : options.excel ? String(value).replace(".", ",") : String(value));
  const header = [
    "topic",
    "label",
    "category",
    "indicator",
    ...coverage.accords.map((a) => a.id),
    "national",
    "breadth",
    "regional",
    "regional_estimate",
    "regions_counted",
    "demand_groups",
    "required",
    "verdict",
    "gap",
    "reference",
    "reference_agrees",
    "disposition",
    "regional_low",
    "regional_high",
    "verdict_pessimistic",
    "verdict_optimistic",
    "robust",
    "flips",
    "priority",
  ];
  const rows = coverage.topics.map((t) => [
    t.id,
    t.label,
    t.category,
    String(t.indicator),
    ...coverage.accords.map((a) => number(ownValue(t.national.accords, a.id) ?? 0)),
    number(t.national.score),
    String(t.national.breadth),
    number(t.regional.score),
    String(t.regional.estimate),
    String(t.regional.counted),
    t.demand.groups.join(" "),
    number(t.required),
    t.verdict,
    t.gap ?? "",
    t.reference?.conclusion ?? "",
    t.reference ? String(t.reference.agrees) : "",
    t.disposition?.decision ?? "",
    number(t.regional.interval?.low ?? null),
    number(t.regional.interval?.high ?? null),
    t.verdictRange.pessimistic,
    t.verdictRange.optimistic,
    String(t.robust),
    String(t.flips.length),
    t.priority ? String(t.priority.rank) : "",
  ]);
  const lines = [header, ...rows].map((fields) => fields.map((f) => csvField(f, separator)).join(separator));
  return (options.excel ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
