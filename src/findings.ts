// Every problem the loader and validator can report has one shape and one code from a
// closed list. Renderers turn findings into text; tests assert codes and positions.

export const FINDING_CODES = [
  // files and bytes
  "missing-file",
  "unknown-file",
  "not-a-file",
  "unreadable-file",
  "outside-data-folder",
  "file-too-large",
  "too-many-files",
  "empty-data-folder",
  "encoding",
  "byte-order-mark",
  "ignored-file",
  // YAML
  "yaml-syntax",
  "tab-indent",
  "duplicate-key",
  "alias-limit",
  "nesting-limit",
  "unknown-tag",
  "empty-file",
  "multiple-documents",
  "complex-key",
  // schema
  "schema",
  "unknown-key",
  "missing-key",
  "wrong-type",
  "bad-value",
  "bad-id",
  "unsafe-character",
  "blank-text",
  "bad-date",
  // references across files
  "duplicate-id",
  "unknown-ref",
  "unknown-vocabulary",
  "id-mismatch",
  "region-mismatch",
  "rules-order",
  "not-in-description",
  // evidence
  "quote-not-in-source",
  "quote-other-page",
  "missing-quote",
  "page-layout",
  "quote-too-short",
  "bad-elision",
  "bad-page",
  // information
  "completeness",
  "placeholder",
  "quotes-checked",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

/** 0-based line and column. */
export interface Position {
  line: number;
  col: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Path of the file relative to the data folder, with forward slashes. */
  file: string;
  /** Start of the offending node; absent when the problem concerns the file as a whole. */
  position?: Position;
  /** JSON pointer into the document (`/actions/3/topics/0`), when the problem is in the data. */
  path?: string;
  /** What failed and what was expected. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** A finding before its position is known: the loader places it by its JSON pointer (`at` the key or the value). */
export type PendingFinding = Omit<Finding, "position"> & { at?: "key" | "value" };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.position?.line ?? -1;
  const lb = b.position?.line ?? -1;
  if (la !== lb) return la - lb;
  const ca = a.position?.col ?? -1;
  const cb = b.position?.col ?? -1;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
