// What a verbatim text must be to identify a passage, and how a passage of a source text is
// made into one. Pure: validate turns a failed rule into a finding (validate/checkQuoteForm.ts),
// screen and the closest-passage hint propose only what passes.

import { UNSAFE_CHARACTER } from "../unsafeText.js";

/** Letters and digits a verbatim text needs at least (the shortest real one, an action's name, has 10). */
export const MIN_QUOTE_CHARACTERS = 8;

/** An elision in a verbatim text: ` […] ` or ` [...] `. */
export const ELISION = /\[(?:…|\.\.\.)\]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** The letters and digits of a text. */
export function lettersIn(text: string): number {
  return text.match(LETTER_OR_DIGIT)?.length ?? 0;
}

/** True when a text can stand as a verbatim quote: enough letters or digits, every elision between words. */
export function isQuotable(text: string): boolean {
  const pieces = text.split(ELISION);
  return lettersIn(text) >= MIN_QUOTE_CHARACTERS && (pieces.length === 1 || pieces.every((piece) => lettersIn(piece) > 0));
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
