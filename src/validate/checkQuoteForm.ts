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
      return { ...at, code: "bad-elision", params: { where: empty === 0 ? "start" : empty === pieces.length - 1 ? "end" : "after-elision" } };
    }
  }
  const letters = lettersIn(field.text);
  if (letters < MIN_QUOTE_CHARACTERS) {
    return { ...at, code: "quote-too-short", params: { letters, minimum: MIN_QUOTE_CHARACTERS } };
  }
  return undefined;
}

export { MIN_QUOTE_CHARACTERS };
