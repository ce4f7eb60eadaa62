// Option values shared by several commands, and the check of repeatable choices with a
// "did you mean" for a misspelt value.

import { Option, type Command } from "commander";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";
import type { Topic } from "../model.js";

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
 * The id of the topic the user means: its id, else its Dutch or English label (either case).
 * @throws UsageError with "did you mean" (the closest id, or the one topic whose label holds the words given)
 */
export function findTopicId(topics: readonly Pick<Topic, "id" | "label" | "label_en">[], wanted: string): string {
  const lower = wanted.trim().toLowerCase();
  const found = topics.find((t) => t.id === wanted) ?? topics.find((t) => t.label.toLowerCase() === lower || t.label_en?.toLowerCase() === lower);
  if (found) return found.id;
  const ids = topics.map((t) => t.id);
  const containing = lower === "" ? [] : topics.filter((t) => t.label.toLowerCase().includes(lower) || t.label_en?.toLowerCase().includes(lower));
  const match = closestMatch(wanted, ids) ?? (containing.length === 1 ? containing[0]!.id : undefined);
  throw new UsageError(`unknown topic "${wanted}"`, match ? `did you mean "${match}"?` : "dekking matrix --format json lists the topic ids");
}

/**
 * `--excel` changes CSV only; with another format it would be silently ignored.
 * @throws UsageError when `--excel` comes with a format other than csv
 */
export function checkExcel(format: string, excel: boolean | undefined): void {
  if (excel && format !== "csv")
    throw new UsageError(`--excel only applies to --format csv, not to --format ${format}`, "add --format csv, or leave --excel out");
}

/** The options of every command that analyses: the date and the evidence it uses. */
export interface AnalysisOptions {
  asOf?: string;
  evidence?: "all" | "report";
}

/** Declares --as-of and --evidence on an analysing command. */
export function declareAnalysisOptions(command: Command): Command {
  return command
    .option("--as-of <date>", "take the evidence as it stands on this date, YYYY-MM-DD (default: the study's own date)")
    .addOption(
      new Option("--evidence <view>", "all: every encoded source; report: only what the study report itself holds (the 2024 reproduction)")
        .choices(["all", "report"])
        .default("all"),
    );
}

/**
 * Checks a date option: YYYY-MM-DD and a real calendar date.
 * @throws UsageError naming the option, e.g. for 2024-02-30 or "morgen"
 */
export function checkDate(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} needs a real date as YYYY-MM-DD, got "${value.slice(0, 40)}"`, `for example ${option} 2026-01-01`);
  }
  return value;
}
