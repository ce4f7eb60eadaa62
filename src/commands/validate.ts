// `dekking validate`: load and check all data, print every finding.

import { Option, type Command } from "commander";
import { stat } from "node:fs/promises";
import * as path from "node:path";
import { UsageError } from "../errors.js";
import { hasErrors } from "../findings.js";
import { renderFindingsJson, renderFindingsStylish } from "../render/renderFindings.js";
import { displayPathFor, loadFor, paintFor, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface ValidateOptions extends CommonOptions {
  format: "stylish" | "json";
  /** Folders with source texts besides <data>/sources/ (repeatable --sources). */
  sources?: string[];
}

export function declareValidate(command: Command): Command {
  return command
    .description("load and check all data; errors as file:line:col  message  (hint)")
    .addOption(new Option("--format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .option("--sources <dir...>", "more folders with the documents' texts (besides <data>/sources/), to check quotes against");
}

/** Prints the findings of loading the data; `invalid` when any is an error. */
export async function runValidate(options: ValidateOptions, io: Io): Promise<Outcome> {
  const sourceDirs = (options.sources ?? []).map((dir) => path.resolve(io.cwd, dir));
  for (const [i, dir] of sourceDirs.entries()) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new UsageError(
        `--sources ${options.sources![i]}: ${info ? "is not a folder" : "no such folder"}`,
        "give the folder that holds the documents' texts, e.g. ../shared/seeds",
      );
    }
  }
  const { load, dataDir } = await loadFor(options, io, { verifyQuotes: { sourceDirs } });
  const report = { findings: load.findings, fileCount: load.files.length, displayPath: displayPathFor(dataDir, io) };
  io.stdout(options.format === "json" ? renderFindingsJson(report) : renderFindingsStylish(report, await paintFor(options, io)));
  return hasErrors(load.findings) ? "invalid" : "ok";
}
