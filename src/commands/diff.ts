// `dekking diff`: which verdicts changed between two data folders, or since a git ref.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { UsageError } from "../errors.js";
import { paintFor, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface DiffOptions extends CommonOptions {
  oldData?: string;
  newData?: string;
  base?: string;
  format: "text" | "json" | "markdown";
  failOnNew?: "white-spot";
}

export function declareDiff(command: Command): Command {
  return command
    .description("which verdicts changed between two data folders, or since a git ref, and why")
    .argument("[old-data]", "the data folder before the change")
    .argument("[new-data]", "the data folder after the change (default: --data)")
    .option("--base <ref>", "compare with the data as it was at this git commit, branch or tag")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .addOption(new Option("--fail-on-new <level>", "exit 1 when the change creates such a verdict").choices(["white-spot"]));
}

/** Prints the changes; `check-failed` when `--fail-on-new` finds a new white spot. */
export async function runDiff(options: DiffOptions, io: Io): Promise<Outcome> {
  if ((options.oldData === undefined) === (options.base === undefined)) {
    throw new UsageError("give either an old data folder or --base <git-ref>", "dekking diff old-data/ [new-data/]  or  dekking diff --base HEAD");
  }
  const [{ diffCoverage, newWhiteSpots }, { renderDiffJson, renderDiffMarkdown, renderDiffText }] = await Promise.all([
    import("../analyse/diffCoverage.js"),
    import("../render/renderDiff.js"),
  ]);
  const after = await requireStudy({ ...options, ...(options.newData !== undefined ? { data: options.newData } : {}) }, io);
  const loadBefore = (data: string, cache: boolean, displayPath?: (file: string) => string) => requireStudy({ ...options, data, ...(cache ? {} : { cache: false }) }, io, displayPath);
  let before;
  if (options.base !== undefined) {
    const { withDataAtRef } = await import("../load/gitData.js");
    // The exported folder is temporary: caching it would only leave garbage behind.
    before = await withDataAtRef(after.dataDir, options.base, (dir, displayPath) => loadBefore(dir, false, displayPath));
  } else {
    before = await loadBefore(options.oldData!, true);
  }
  const diff = diffCoverage(computeCoverage(before.study), computeCoverage(after.study));
  if (options.format === "json") io.stdout(renderDiffJson(diff));
  else if (options.format === "markdown") io.stdout(renderDiffMarkdown(diff, { lang: options.lang }));
  else io.stdout(renderDiffText(diff, { lang: options.lang, paint: paintFor(options, io) }));
  if (options.failOnNew === "white-spot") {
    const fresh = newWhiteSpots(diff);
    if (fresh.length > 0) {
      io.stderr(`dekking: the change creates ${fresh.length} new white spot(s): ${fresh.join(", ")}\n`);
      return "check-failed";
    }
  }
  return "ok";
}
