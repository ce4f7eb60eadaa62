// `dekking report`: write (or, with --check, compare) coverage.pdf, .md, .json and .html, and samenvatting.md.

import type { Command } from "commander";
import * as path from "node:path";
import { terminalLine } from "../render/escape/terminal.js";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { reportEvidenceOnly, selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { displayDir, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";
import { UsageError } from "../errors.js";
import type { UnvouchedFile } from "../report/buildReports.js";

export interface ReportOptions extends CommonOptions, AnalysisOptions {
  out: string;
  check?: boolean;
  force?: boolean;
}

export function declareReport(command: Command): Command {
  return declareAnalysisOptions(command)
    .description(
      "write coverage.pdf, coverage.md, coverage.json, coverage.html and samenvatting.md (plain language); --check compares instead of writing; replaces only the files dekking wrote there, unchanged",
    )
    .option("--out <dir>", "output folder", "reports")
    .option("--check", "write nothing; exit 1 when the files in --out differ from what the data gives")
    .option("--force", "also replace report files dekking did not write or that were changed, keeping each as a .bak copy");
}

/** Writes the reports (all or none), or checks them; `check-failed` when they are stale. */
export async function runReport(options: ReportOptions, io: Io): Promise<Outcome> {
  if (options.out.trim() === "")
    throw new UsageError("--out needs a folder, got an empty value", "leave --out out to use reports/, or name a folder, e.g. --out reports");
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const { reportDate, renderReportFiles, reportRecord, reportsMatchRecord, unvouchedReportFiles, REPORT_FILE_NAMES, REPORT_RECORD } =
    await import("../report/buildReports.js");
  const dated = { lang: options.lang, generatedOn: reportDate(study, io.env), studyDate: !io.env.SOURCE_DATE_EPOCH };
  // The timeline is needed only to render: the record's digest covers the data it is computed
  // from, so an unchanged --check does not compute it.
  const withTimeline = async () => {
    // The timeline starts at the report's date and needs every accord and action, in force or not.
    const { computeTimeline } = await import("../analyse/timeline.js");
    return {
      ...dated,
      timeline: computeTimeline(options.evidence === "report" ? reportEvidenceOnly(loaded) : loaded, { from: study.asOf ?? loaded.study.date }),
    };
  };
  const outDir = path.resolve(io.cwd, options.out);
  const shown = displayDir(outDir, io);
  if (options.check) {
    if (!(await reportsMatchRecord(outDir, study, dated))) {
      const inputs = await withTimeline();
      const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
      const { staleReports } = await import("../report/writeReports.js");
      const stale = await staleReports(outDir, await renderReportFiles(study, coverage, inputs));
      if (stale.length > 0) {
        io.stderr(
          `dekking: the reports in ${terminalLine(shown)} are not what the data gives: ${stale.join(", ")}\n  (run ${terminalLine(reportCommandLine(options))} and commit the result)\n`,
        );
        return "check-failed";
      }
    }
    io.stdout(`${terminalLine(shown)}: ${REPORT_FILE_NAMES.join(", ")} are up to date (data version ${study.dataVersion})\n`);
    return "ok";
  }
  // Before rendering, so that a refusal comes at once: a file there that the record does not
  // vouch for may be the user's own (a coverage.md written by hand, a report edited after).
  const unvouched = await unvouchedReportFiles(outDir);
  if (unvouched.length > 0 && !options.force) throw refusal(unvouched, shown, REPORT_RECORD);
  const inputs = await withTimeline();
  const { writeReportsAtomically } = await import("../report/writeReports.js");
  const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
  const files = await renderReportFiles(study, coverage, inputs);
  const { backups } = await writeReportsAtomically(outDir, [...files, reportRecord(study, inputs, files)], {
    backUp: unvouched.map((file) => file.name),
    now: new Date(),
  });
  for (const { name, backup } of backups) io.stdout(`kept the previous ${terminalLine(name)} as ${terminalLine(path.join(shown, path.basename(backup)))}\n`);
  for (const file of files) io.stdout(`${terminalLine(path.join(shown, file.name))}  ${file.bytes.byteLength} bytes\n`);
  for (const file of files) for (const note of file.notes ?? []) io.stderr(`dekking: ${terminalLine(file.name)}: ${terminalLine(note)}\n`);
  return "ok";
}

/** Why a file (or, `many`, each of several) is not vouched for, in words; `record` is the record's file name. */
function reasonText(reason: UnvouchedFile["reason"], record: string, many: boolean): string {
  switch (reason) {
    case "no-record":
      return `there is no ${record} there, dekking's record of the files it wrote`;
    case "unreadable-record":
      return `${record} there is not a record dekking can read`;
    case "not-recorded":
      return `${record} there does not list ${many ? "them" : "it"}`;
    case "changed":
      return `${many ? "their" : "its"} bytes differ from those ${record} records`;
    case "unreadable-file":
      return `dekking cannot read ${many ? "them" : "it"}`;
  }
}

/** Names as a list in words: `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}

/** The refusal to replace files the record does not vouch for: which files, why, and the ways out. */
function refusal(unvouched: readonly UnvouchedFile[], shown: string, record: string): UsageError {
  const one = unvouched.length === 1;
  // The files grouped by reason: one reason for all is said once, else each after its files.
  const byReason = new Map<UnvouchedFile["reason"], string[]>();
  for (const file of unvouched) byReason.set(file.reason, [...(byReason.get(file.reason) ?? []), file.name]);
  const why =
    byReason.size === 1
      ? reasonText(unvouched[0]!.reason, record, !one)
      : [...byReason].map(([reason, names]) => `${listed(names)}: ${reasonText(reason, record, names.length > 1)}`).join("; ");
  const [was, it] = one ? ["was", "it"] : ["were", "them"];
  return new UsageError(
    `${listed(unvouched.map((file) => file.name))} in ${shown} ${was} not written by dekking, or ${was} changed after (${why}); nothing was written`,
    `move or rename ${it}, choose another folder with --out, or pass --force to replace ${it} and keep ${one ? `it as ${unvouched[0]!.name}` : "each as <name>"}.bak-<date><time>`,
  );
}

/** The command that regenerates the reports, with the options the user gave. */
function reportCommandLine(options: ReportOptions): string {
  const quote = (value: string) => (/^[\w./:@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return [
    "dekking report",
    ...(options.data !== undefined ? [`--data ${quote(options.data)}`] : []),
    ...(options.out !== "reports" ? [`--out ${quote(options.out)}`] : []),
    ...(options.lang !== "nl" ? [`--lang ${options.lang}`] : []),
    ...(options.asOf !== undefined ? [`--as-of ${quote(options.asOf)}`] : []),
    ...(options.evidence === "report" ? ["--evidence report"] : []),
  ].join(" ");
}
