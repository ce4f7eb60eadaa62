// Renders loader findings for people (`stylish`) and for machines (`json`). Their words come
// from the findings catalogue (messages/findings.ts); escaping them is done here.

import type { Finding } from "../findings.js";
import { findingsSummary, formatFinding, SEVERITY_WORDS } from "../messages/findings.js";
import type { Paint } from "./paint.js";
import { jsonOutput } from "./escape/json.js";
import { terminalLine } from "./escape/terminal.js";

export interface FindingsReport {
  findings: readonly Finding[];
  /** Number of files read. */
  fileCount: number;
  /** How to show a data-relative path to the user (e.g. relative to the working directory). */
  displayPath: (file: string) => string;
}

function location(finding: Finding, displayPath: (file: string) => string): string {
  const where = terminalLine(displayPath(finding.file));
  if (!finding.position) return where;
  return `${where}:${finding.position.line + 1}:${finding.position.col + 1}`;
}

/** The summary line: `1 error, 0 warnings in 9 files`. */
export function summarise(findings: readonly Finding[], fileCount: number): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return findingsSummary({ errors, warnings, files: fileCount });
}

export function renderFindingsStylish(report: FindingsReport, paint: Paint): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const word = SEVERITY_WORDS[finding.severity];
    const label = finding.severity === "error" ? paint.bad(word) : finding.severity === "warning" ? paint.warn(word) : paint.dim(word);
    const text = formatFinding(finding);
    // Messages and hints may quote a value or a file name from the data: escaped like any data text.
    const hint = text.hint ? `  (${terminalLine(text.hint)})` : "";
    lines.push(`${location(finding, report.displayPath)}  ${label}  ${terminalLine(text.message)}${paint.dim(hint)}  ${paint.dim(`[${finding.code}]`)}`);
  }
  const summary = summarise(report.findings, report.fileCount);
  const errors = report.findings.some((f) => f.severity === "error");
  lines.push((lines.length > 0 ? "\n" : "") + (errors ? paint.bad(summary) : paint.good(summary)));
  return lines.join("\n") + "\n";
}

export function renderFindingsJson(report: FindingsReport): string {
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  return jsonOutput({
    valid: errors === 0,
    errors,
    warnings,
    files: report.fileCount,
    findings: report.findings.map((f) => {
      const text = formatFinding(f);
      return {
        code: f.code,
        severity: f.severity,
        file: report.displayPath(f.file),
        line: f.position ? f.position.line + 1 : null,
        col: f.position ? f.position.col + 1 : null,
        path: f.path ?? null,
        message: text.message,
        hint: text.hint ?? null,
        params: f.params,
      };
    }),
  });
}
