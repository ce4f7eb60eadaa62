// `dekking summary`: the summary in plain language (B1), as `report` writes it to samenvatting.md
// (the report's first section), or as terminal text.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { printSections, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export type SummaryOptions = CommonOptions & AnalysisOptions & { format?: "markdown" | "table" };

export function declareSummary(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("the summary in plain language (B1, Markdown) for the people who were interviewed; report writes it as samenvatting.md")
    .addOption(
      new Option("--format <format>", "output format: markdown (as samenvatting.md) or table (terminal text)")
        .choices(["markdown", "table"])
        .default("markdown"),
    );
}

export async function runSummary(options: SummaryOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const [{ plainSummarySection }, coverage] = await Promise.all([
    import("../document/sections/plainSummary.js"),
    coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study)),
  ]);
  // Its title a heading of level 1, as in samenvatting.md.
  await printSections([plainSummarySection({ study, coverage, lang: options.lang })], { ...options, format: options.format ?? "markdown" }, io, 1);
  return "ok";
}
