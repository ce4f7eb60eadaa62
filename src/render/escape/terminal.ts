// The one escape step for text that reaches a terminal (tables, explain, diff, findings,
// error messages): unsafe characters become visible `\u001B` names, so a label cannot
// clear the screen, colour a fake verdict, move the cursor or reverse a line. Text is
// NFC-normalised so a letter with a combining accent takes one column. A soft hyphen
// (U+00AD, a permitted break for the PDF) is dropped: terminals disagree on whether it
// takes a column, and a table cell never breaks there.

import { codePointName, replaceUnsafe, withoutSoftHyphens } from "../../unsafeText.js";

/** Text for the terminal; newlines and tabs stay. */
export function terminalText(text: string): string {
  return withoutSoftHyphens(replaceUnsafe(text, codePointName)).normalize("NFC");
}

/** Text for one line of the terminal (a table cell, a name in a message): newlines and tabs become spaces. */
export function terminalLine(text: string): string {
  return terminalText(text.replace(/[\t\n]/g, " "));
}
