// What a verbatim text must be before any source is consulted: long enough to identify a
// passage, and with every elision ([…] or [...]) between words. A one-letter "quote" is
// found in any document, so it would be called verified while proving nothing.

import { pointerOf } from "../load/locate.js";
import { UNSAFE_CHARACTER } from "../unsafeText.js";
import type { PendingFinding } from "./schemaCheck.js";
import type { VerbatimField } from "./verifyQuotes.js";

/** Letters and digits a verbatim text needs at least (the shortest real one, an action's name, has 10). */
export const MIN_QUOTE_CHARACTERS = 8;

const ELISION = /\[(?:…|\.\.\.)\]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

function lettersIn(text: string): number {
  return text.match(LETTER_OR_DIGIT)?.length ?? 0;
}

/** A finding for a verbatim text that is too short or elides at an edge or twice in a row; undefined when it is fine. */
export function checkQuoteForm(field: Pick<VerbatimField, "file" | "path" | "text">): PendingFinding | undefined {
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
        hint: empty === 0 || empty === pieces.length - 1 ? "drop the […] at the edge: a quote may start and end anywhere in the source" : "join the two elisions into one […]",
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

const UNSAFE_ALL = new RegExp(UNSAFE_CHARACTER.source, "g");

/**
 * A passage of a source text as a verbatim text the data may hold (for `screen --format
 * yaml` and the closest-passage hint): a zero-width space or byte-order mark (which the
 * comparison ignores) is dropped; any other character the data may not hold (a control
 * character a PDF conversion left, a direction mark) becomes an elision ` […] `, so the words
 * on both sides are still checked, in order.
 */
export function pasteableQuote(text: string): string {
  return text
    .replace(/[\u200B\uFEFF]/g, "")
    .split(UNSAFE_ALL)
    .map((piece) => piece.replace(/\s+/g, " ").trim())
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece))
    .join(" […] ");
}
