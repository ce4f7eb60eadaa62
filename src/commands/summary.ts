// `dekking summary`: the summary in plain language (B1), as `report` writes it to samenvatting.md.

import type { Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export type SummaryOptions = CommonOptions & AnalysisOptions;

export function declareSummary(command: Command): Command {
  return declareAnalysisOptions(command).description(
    "the summary in plain language (B1, Markdown) for the people who were interviewed; report writes it as samenvatting.md",
  );
}

export async function runSummary(options: SummaryOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const { renderPlainSummaryMarkdown } = await import("../render/renderPlainSummary.js");
  const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
  io.stdout(renderPlainSummaryMarkdown(coverage, { lang: options.lang }));
  return "ok";
}
