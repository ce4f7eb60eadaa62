// `dekking diff`: which verdicts changed between two data folders, or since a git ref.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { UsageError } from "../errors.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface DiffOptions extends CommonOptions, AnalysisOptions {
  oldData?: string;
  newData?: string;
  base?: string;
  /** Compare the same data in another evidence view (the "old" side). */
  evidenceOld?: "all" | "report";
  /** Compare the same data at another date (the "old" side). */
  asOfOld?: string;
  format: "text" | "json" | "markdown";
  failOnNew?: "white-spot";
}

export function declareDiff(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("which verdicts changed between two data folders, since a git ref, between two evidence views or between two dates, and why")
    .argument("[old-data]", "the data folder before the change")
    .argument("[new-data]", "the data folder after the change (default: --data)")
    .option("--base <ref>", "compare with the data as it was at this git commit, branch or tag")
    .addOption(
      new Option("--evidence-old <view>", "compare the same data with this evidence on the old side (e.g. report: what the primary texts change)").choices([
        "all",
        "report",
      ]),
    )
    .option("--as-of-old <date>", "compare the same data at this earlier date on the old side (what lapses, what begins)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .addOption(new Option("--fail-on-new <level>", "exit 1 when the change creates such a verdict").choices(["white-spot"]));
}

/** Prints the changes; `check-failed` when `--fail-on-new` finds a new white spot. */
export async function runDiff(options: DiffOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const asOfOld = checkDate(options.asOfOld, "--as-of-old");
  const sameData = options.evidenceOld !== undefined || asOfOld !== undefined;
  const sources = [options.oldData !== undefined, options.base !== undefined, sameData].filter(Boolean).length;
  if (sources !== 1) {
    throw new UsageError(
      "give one of: an old data folder, --base <git-ref>, or --evidence-old/--as-of-old to compare the same data two ways",
      "dekking diff old-data/ [new-data/]   dekking diff --base HEAD   dekking diff --evidence-old report   dekking diff --as-of-old 2024-08-02 --as-of 2026-12-31",
    );
  }
  const [{ diffCoverage, newWhiteSpots }, { renderDiffJson, renderDiffMarkdown, renderDiffText }] = await Promise.all([
    import("../analyse/diffCoverage.js"),
    import("../render/renderDiff.js"),
  ]);
  const after = await requireStudy({ ...options, ...(options.newData !== undefined ? { data: options.newData } : {}) }, io);
  const loadBefore = (data: string, cache: boolean, displayPath?: (file: string) => string) =>
    requireStudy({ ...options, data, ...(cache ? {} : { cache: false }) }, io, displayPath);
  let beforeStudy;
  let beforeView = { asOf, evidence: options.evidence };
  if (options.base !== undefined) {
    const { withDataAtRef } = await import("../load/gitData.js");
    // The exported folder is temporary: caching it would only leave garbage behind.
    beforeStudy = (await withDataAtRef(after.dataDir, options.base, (dir, displayPath) => loadBefore(dir, false, displayPath), io.env)).study;
  } else if (options.oldData !== undefined) {
    beforeStudy = (await loadBefore(options.oldData, true)).study;
  } else {
    beforeStudy = after.study;
    beforeView = { asOf: asOfOld ?? asOf, evidence: options.evidenceOld ?? options.evidence };
  }
  const before = selectEvidence(beforeStudy, beforeView).study;
  const now = selectEvidence(after.study, { asOf, evidence: options.evidence }).study;
  const diff = diffCoverage(computeCoverage(before), computeCoverage(now));
  if (options.format === "json") io.stdout(renderDiffJson(diff));
  else if (options.format === "markdown") io.stdout(renderDiffMarkdown(diff, { lang: options.lang }));
  else io.stdout(renderDiffText(diff, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io) }));
  if (options.failOnNew === "white-spot") {
    const fresh = newWhiteSpots(diff);
    if (fresh.length > 0) {
      io.stderr(`dekking: the change creates ${fresh.length} new white spot(s): ${fresh.join(", ")}\n`);
      return "check-failed";
    }
  }
  return "ok";
}
