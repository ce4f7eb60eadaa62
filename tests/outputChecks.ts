// Checks every output kind must pass whatever text the data holds: used by the property
// tests and the fuzz run.

import { looksLikeFormula } from "../src/render/escape/csv.js";
import { UNSAFE_CHARACTER } from "../src/unsafeText.js";

const OWN_COLOUR = /\u001b\[[0-9;]*m/g;

/** The first character no output may carry (besides newline, tab, and colour codes when allowed), or undefined. */
export function unsafeCharacterIn(output: string, options: { colour?: boolean; csv?: boolean } = {}): string | undefined {
  let text = options.colour ? output.replace(OWN_COLOUR, "") : output;
  if (options.csv) text = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const match = UNSAFE_CHARACTER.exec(text);
  return match
    ? `U+${match[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${match.index} in ${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}`
    : undefined;
}

/** RFC 4180 fields of a CSV text (CRLF rows, "" escapes). */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Cells a spreadsheet would run as a formula. */
export function formulaCells(text: string, separator: string): string[] {
  return parseCsv(text, separator)
    .flat()
    .filter((cell) => looksLikeFormula(cell));
}

/** Pipes that separate cells: not escaped by an odd number of backslashes. */
function cellBorders(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== "|") continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === "\\"; j--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** Rows of Markdown tables whose cell count differs from their header's. */
export function brokenTableRows(markdown: string): string[] {
  const broken: string[] = [];
  let header: number | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      header = undefined;
      continue;
    }
    const borders = cellBorders(line);
    if (header === undefined) header = borders;
    else if (borders !== header) broken.push(line);
  }
  return broken;
}

/** Markup from the data that would become HTML or a link: an unescaped tag start (<a, </, <!, <?) or [. */
export function rawMarkup(markdown: string): string[] {
  // Our own markup (details, summary, a line break in a table cell) is allowed.
  const own = markdown.replace(/<\/?details>|<summary>|<\/summary>|<br>/g, "");
  const found: string[] = [];
  for (let i = 0; i < own.length; i++) {
    const c = own[i]!;
    if (c !== "<" && c !== "[") continue;
    if (c === "<" && !/[A-Za-z/!?]/.test(own[i + 1] ?? "")) continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && own[j] === "\\"; j--) backslashes++;
    if (backslashes % 2 === 0) found.push(own.slice(Math.max(0, i - 20), i + 20));
  }
  return found;
}

/** What a program leaks when a value is missing or not a number: never text for a reader. */
const LEAKED_VALUE = /\b(?:undefined|null|NaN|Infinity)\b|\[object Object\]/;

/** The first leaked `undefined`, `null`, `NaN`, `Infinity` or `[object Object]` in a text, with its context; undefined when there is none. */
export function leakedValueIn(output: string): string | undefined {
  const match = LEAKED_VALUE.exec(output);
  return match ? `"${match[0]}" at ${match.index} in ${JSON.stringify(output.slice(Math.max(0, match.index - 40), match.index + 40))}` : undefined;
}

/**
 * Keys whose JSON value may be null, as the JSON contracts say (README: a topic not assessed
 * regionally, a topic not flagged, no gap, no strongest action, a verdict absent on one side of a diff, …).
 */
export const NULLABLE_JSON_KEYS = new Set([
  "quote",
  "line",
  "col",
  "path",
  "hint",
  "required",
  "share",
  "gapNow",
  "gapBefore",
  "gapWas",
  "score",
  "interval",
  "priority",
  "priority_score",
  "gap",
  "best",
  "old",
  "new",
  "verdict",
  "regional",
  "regional_score",
  "kappa",
  "weighted_kappa",
  "agreement",
  "conclusion",
  "disposition",
  "reference",
  "until",
  "to",
  "page",
  "persona",
  "low",
  "high",
]);

/** Paths of JSON values that leak: a null under a key not in `nullable`, or a string holding a leaked value. */
export function leakedJsonValues(json: string, nullable: ReadonlySet<string> | "any" = NULLABLE_JSON_KEYS): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string, key: string): void => {
    if (node === null) {
      if (nullable !== "any" && !nullable.has(key)) out.push(`${path}: null`);
    } else if (typeof node === "string") {
      const leak = leakedValueIn(node);
      if (leak) out.push(`${path}: ${leak}`);
    } else if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}/${i}`, key));
    else if (typeof node === "object") for (const [k, child] of Object.entries(node)) walk(child, `${path}/${k}`, k);
  };
  walk(JSON.parse(json), "", "");
  return out;
}

/** The text of an HTML page a reader meets: its text and its title, alt and aria-label attributes, without scripts and styles. */
export function htmlReaderText(html: string): string {
  const withoutCode = html.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<style\b[\s\S]*?<\/style>/g, "");
  const attributes = [...withoutCode.matchAll(/\s(?:title|alt|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  return [withoutCode.replace(/<[^>]*>/g, " "), ...attributes].join("\n");
}

/** Paths of numbers that are not finite (NaN, Infinity) in a value before it is written: JSON would show them as null. */
export function nonFiniteNumbers(value: unknown, path = ""): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((child, i) => nonFiniteNumbers(child, `${path}/${i}`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, child]) => nonFiniteNumbers(child, `${path}/${k}`));
  return [];
}
