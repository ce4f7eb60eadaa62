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

/** Where a value stands: its key or index, and the entry it lies in (a linked list, so no path is copied per node). */
interface Place {
  segment: string | number;
  parent: Place | undefined;
}

function segmentsOf(place: Place | undefined): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let at = place; at !== undefined; at = at.parent) segments.push(at.segment);
  return segments.reverse();
}

function checkString(file: string, text: string, place: Place | undefined, at: "key" | "value"): PendingFinding | undefined {
  // The pointer is built only for a finding: this runs for every string of every file.
  const unsafe = firstUnsafeCharacter(text);
  if (unsafe >= 0) {
    return {
      code: "unsafe-character",
      severity: "error",
      file,
      path: pointerOf(segmentsOf(place)),
      at,
      params: { in: at === "key" ? "key" : "text", char: text.charCodeAt(unsafe), index: unsafe + 1 },
    };
  }
  if (at === "value" && text.length > 0 && text.trim() === "") {
    return {
      code: "blank-text",
      severity: "error",
      file,
      path: pointerOf(segmentsOf(place)),
      at,
      params: {},
    };
  }
  if (at === "value" && DATE_FORM.test(text) && !isCalendarDate(text)) {
    return {
      code: "bad-date",
      severity: "error",
      file,
      path: pointerOf(segmentsOf(place)),
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
  const stack: { node: unknown; place: Place | undefined }[] = [{ node: value, place: undefined }];
  while (stack.length > 0 && findings.length < MAX_FINDINGS_PER_FILE) {
    const { node, place } = stack.pop()!;
    if (typeof node === "string") {
      const finding = checkString(file, node, place, "value");
      if (finding) findings.push(finding);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], place: { segment: i, parent: place } });
    } else if (node !== null && typeof node === "object") {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const keyPlace = { segment: key, parent: place };
        const finding = checkString(file, key, keyPlace, "key");
        if (finding) findings.push(finding);
        stack.push({ node: (node as Record<string, unknown>)[key], place: keyPlace });
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
