// What a verbatim text must be before any source is consulted: long enough to identify a
// passage, and with every elision ([…] or [...]) between words. A one-letter "quote" is
// found in any document, so it would be called verified while proving nothing.

import { pointerOf } from "../load/locate.js";
import { ELISION, lettersIn, MIN_QUOTE_CHARACTERS } from "../evidence/quoteForm.js";
import type { PendingFinding } from "../findings.js";

/** A finding for a verbatim text that is too short or elides at an edge or twice in a row; undefined when it is fine. */
export function checkQuoteForm(field: { file: string; path: readonly (string | number)[]; text: string }): PendingFinding | undefined {
  const at = { file: field.file, path: pointerOf(field.path), severity: "error" as const };
  const pieces = field.text.split(ELISION);
  if (pieces.length > 1) {
    const empty = pieces.findIndex((piece) => lettersIn(piece) === 0);
    if (empty >= 0) {
      const where = empty === 0 ? "at its start" : empty === pieces.length - 1 ? "at its end" : "right after another elision";
      return {
        ...at,
        code: "bad-elision",
        message: `the elision […] stands ${where}: an elision must leave quoted words on both sides`,
        hint:
          empty === 0 || empty === pieces.length - 1
            ? "drop the […] at the edge: a quote may start and end anywhere in the source"
            : "join the two elisions into one […]",
      };
    }
  }
  const letters = lettersIn(field.text);
  if (letters < MIN_QUOTE_CHARACTERS) {
    return {
      ...at,
      code: "quote-too-short",
      message: `a verbatim text of ${letters} letter${letters === 1 ? "" : "s"} or digits cannot identify a passage: at least ${MIN_QUOTE_CHARACTERS} letters or digits are needed`,
      hint: "quote the whole phrase from the source, so the passage it stands for can be found",
    };
  }
  return undefined;
}

export { MIN_QUOTE_CHARACTERS };
