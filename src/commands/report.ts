// `dekking report`: write (or, with --check, compare) coverage.pdf, .md, .json and .html, and samenvatting.md.

import type { Command } from "commander";
import * as path from "node:path";
import { terminalLine } from "../render/escape/terminal.js";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { reportEvidenceOnly, selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { displayDir, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export interface ReportOptions extends CommonOptions, AnalysisOptions {
  out: string;
  check?: boolean;
}

export function declareReport(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("write coverage.pdf, coverage.md, coverage.json, coverage.html and samenvatting.md (plain language); --check compares instead of writing")
    .option("--out <dir>", "output folder", "reports")
    .option("--check", "write nothing; exit 1 when the files in --out differ from what the data gives");
}

/** Writes the reports (all or none), or checks them; `check-failed` when they are stale. */
export async function runReport(options: ReportOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const { reportDate, renderReportFiles, reportRecord, reportsMatchRecord, REPORT_FILE_NAMES } = await import("../report/buildReports.js");
  const dated = { lang: options.lang, generatedOn: reportDate(study, io.env) };
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
  const inputs = await withTimeline();
  const { writeReportsAtomically } = await import("../report/writeReports.js");
  const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
  const files = await renderReportFiles(study, coverage, inputs);
  await writeReportsAtomically(outDir, [...files, reportRecord(study, inputs, files)]);
  for (const file of files) io.stdout(`${terminalLine(path.join(shown, file.name))}  ${file.bytes.byteLength} bytes\n`);
  for (const file of files) for (const note of file.notes ?? []) io.stderr(`dekking: ${terminalLine(file.name)}: ${terminalLine(note)}\n`);
  return "ok";
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
