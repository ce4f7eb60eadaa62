// Every problem the loader and validator can report has one shape: a code from a closed
// list with that code's parameters (src/messages/findings.ts has the list, the parameter
// types and the words). Renderers turn findings into text through formatFinding; tests
// assert codes and positions.

import { formatFinding, type CodedFinding, type FindingCode, type FindingParams } from "./messages/findings.js";

export { FINDING_CODES, isFindingCode } from "./messages/findings.js";
export type { FindingCode, FindingParams };
export type Severity = "error" | "warning" | "info";

/** 0-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/** What every finding has besides its code and parameters. */
export interface FindingBase {
  severity: Severity;
  /** Path of the file relative to the data folder, with forward slashes. */
  file: string;
  /** Start of the offending node; absent when the problem concerns the file as a whole. */
  position?: Position;
  /** JSON pointer into the document (`/actions/3/topics/0`), when the problem is in the data. */
  path?: string;
}

/**
 * One problem: where it is, its code and that code's parameters (a union keyed by code, so
 * `{ code: "unknown-ref", params }` type-checks only with unknown-ref's parameters). Its
 * words come from `formatFinding`.
 */
export type Finding = FindingBase & CodedFinding;

/** A finding before its position is known: the loader places it by its JSON pointer (`at` the key or the value). */
export type PendingFinding = Omit<FindingBase, "position"> & CodedFinding & { at?: "key" | "value" };

/** Orders findings by file, line, column, code and message. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.position?.line ?? -1;
  const lb = b.position?.line ?? -1;
  if (la !== lb) return la - lb;
  const ca = a.position?.col ?? -1;
  const cb = b.position?.col ?? -1;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const ma = formatFinding(a).message;
  const mb = formatFinding(b).message;
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
