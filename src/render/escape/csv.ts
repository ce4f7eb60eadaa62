// The one escape step for CSV cells: RFC 4180 quoting, and the OWASP guidance on CSV
// injection: a cell a spreadsheet would read as a formula (starting with = + - @, a tab or
// a carriage return, also after spaces or in their full-width forms) gets a leading
// apostrophe, so Excel and LibreOffice show it as text. Unsafe characters become U+FFFD.

import { replaceUnsafe, withoutSoftHyphens } from "../../unsafeText.js";

const FORMULA_START = /^(?:[\t\r]|[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** True when a spreadsheet could read the cell as a formula. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * One CSV field: neutralised, cleaned and quoted where needed. A soft hyphen (a permitted
 * break for the PDF) is dropped first, so it can neither show in a cell nor hide a formula.
 */
export function csvCell(raw: string, separator: string): string {
  const value = withoutSoftHyphens(raw);
  const neutral = looksLikeFormula(value) ? `'${value}` : value;
  // Line ends inside a field become \n; a lone \r would end the row in some readers.
  const clean = replaceUnsafe(neutral.replace(/\r\n?/g, "\n"), () => "\uFFFD");
  return clean.includes(separator) || /["\n]/.test(clean) || clean !== clean.trim() ? `"${clean.replace(/"/g, '""')}"` : clean;
}
