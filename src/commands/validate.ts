// `dekking validate`: load and check all data, print every finding.

import { Option, type Command } from "commander";
import { hasErrors } from "../findings.js";
import { renderFindingsJson, renderFindingsStylish } from "../render/renderFindings.js";
import { displayPathFor, loadFor, paintFor, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface ValidateOptions extends CommonOptions {
  format: "stylish" | "json";
}

export function declareValidate(command: Command): Command {
  return command
    .description("load and check all data; errors as file:line:col  message  (hint)")
    .addOption(new Option("--format <format>", "output format").choices(["stylish", "json"]).default("stylish"));
}

/** Prints the findings of loading the data; `invalid` when any is an error. */
export async function runValidate(options: ValidateOptions, io: Io): Promise<Outcome> {
  const { load, dataDir } = await loadFor(options, io);
  const report = { findings: load.findings, fileCount: load.files.length, displayPath: displayPathFor(dataDir, io) };
  io.stdout(options.format === "json" ? renderFindingsJson(report) : renderFindingsStylish(report, await paintFor(options, io)));
  return hasErrors(load.findings) ? "invalid" : "ok";
}
