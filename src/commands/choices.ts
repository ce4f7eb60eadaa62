// Option values shared by several commands, and the check of repeatable choices with a
// "did you mean" for a misspelt value.

import { Option } from "commander";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";

export { MATRIX_FORMATS, type MatrixFormat } from "../render/renderer.js";

export function excelOption(): Option {
  return new Option("--excel", "CSV for Dutch Excel: UTF-8 BOM, ';' separators, decimal commas (only with --format csv)");
}

/**
 * Checks that every value is one of `allowed`.
 * @throws UsageError naming the allowed values and the closest match
 */
export function checkChoices<T extends string>(values: string[] | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!values) return undefined;
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      const match = closestMatch(value, allowed);
      throw new UsageError(`unknown ${what} "${value}"; expected one of: ${allowed.join(", ")}`, match ? `did you mean "${match}"?` : undefined);
    }
  }
  return values as T[];
}

/**
 * `--excel` changes CSV only; with another format it would be silently ignored.
 * @throws UsageError when `--excel` comes with a format other than csv
 */
export function checkExcel(format: string, excel: boolean | undefined): void {
  if (excel && format !== "csv") throw new UsageError(`--excel only applies to --format csv, not to --format ${format}`, "add --format csv, or leave --excel out");
}
