// A source and a period as one line of plain text, the same in every output kind (each
// escapes it itself).

import type { Period, Source } from "../model.js";

/** A source as one line of plain text (each output kind escapes it itself): document id, section heading, and page or slide where given. */
export function formatSource(source: Source): string {
  return `${source.doc}${source.section !== undefined ? `, “${source.section}”` : ""}${source.page !== undefined ? `, p. ${source.page}` : ""}${source.slide !== undefined ? `, dia ${source.slide}` : ""}`;
}

/** A period as "2023-01-01 – 2025-12-31" (an open end as "…"). */
export function formatPeriod(period: Period): string {
  return `${period.from ?? "…"} – ${period.to ?? "…"}`;
}
