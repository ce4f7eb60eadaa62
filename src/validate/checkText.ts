// What the schemas cannot say about the text of any field: no control, invisible or
// direction characters and no lone surrogates (they would reach a terminal, a spreadsheet
// or a page), no text of only spaces (a blank row), and no date that is not on the
// calendar (2024-02-30 has the form of a date). Applies to every string of every file,
// keys included, so a new field is covered without a schema change.

import { pointerOf } from "../load/locate.js";
import { MAX_FINDINGS_PER_FILE } from "../load/limits.js";
import { firstUnsafeCharacter } from "../unsafeText.js";
import type { FindingParams, PendingFinding } from "../findings.js";

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD text that names a real day. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_FORM.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkString(file: string, text: string, segments: (string | number)[], at: "key" | "value"): PendingFinding | undefined {
  const path = pointerOf(segments);
  const unsafe = firstUnsafeCharacter(text);
  if (unsafe >= 0) {
    return {
      code: "unsafe-character",
      severity: "error",
      file,
      path,
      at,
      params: { in: at === "key" ? "key" : "text", char: text.charCodeAt(unsafe), index: unsafe + 1 },
    };
  }
  if (at === "value" && text.length > 0 && text.trim() === "") {
    return {
      code: "blank-text",
      severity: "error",
      file,
      path,
      at,
      params: {},
    };
  }
  if (at === "value" && DATE_FORM.test(text) && !isCalendarDate(text)) {
    return {
      code: "bad-date",
      severity: "error",
      file,
      path,
      at,
      params: { variant: "calendar", text, problem: dateProblem(text) },
    };
  }
  return undefined;
}

/** Findings for the text of one parsed file; at most MAX_FINDINGS_PER_FILE. */
export function checkText(file: string, value: unknown): PendingFinding[] {
  const findings: PendingFinding[] = [];
  // Iterative, so a deep value cannot overflow the stack.
  const stack: { node: unknown; segments: (string | number)[] }[] = [{ node: value, segments: [] }];
  while (stack.length > 0 && findings.length < MAX_FINDINGS_PER_FILE) {
    const { node, segments } = stack.pop()!;
    if (typeof node === "string") {
      const finding = checkString(file, node, segments, "value");
      if (finding) findings.push(finding);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], segments: [...segments, i] });
    } else if (node !== null && typeof node === "object") {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const finding = checkString(file, key, [...segments, key], "key");
        if (finding) findings.push(finding);
        stack.push({ node: (node as Record<string, unknown>)[key], segments: [...segments, key] });
      }
    }
  }
  return findings;
}

/** What is wrong with a text of the form YYYY-MM-DD that is no day on the calendar. */
function dateProblem(text: string): (FindingParams["bad-date"] & { variant: "calendar" })["problem"] {
  const [, month, day] = DATE_FORM.exec(text)!.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return { month };
  if (day < 1) return "day-00";
  return "month-length";
}
