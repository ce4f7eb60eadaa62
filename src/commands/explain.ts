// `dekking explain <topic>`: everything behind one row of the matrix.

import type { Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, findTopicId, type AnalysisOptions } from "./choices.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export interface ExplainOptions extends CommonOptions, AnalysisOptions {
  topic: string;
}

export function declareExplain(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("everything behind one row: demand with quotes, actions per accord, regional findings, the rule that decided")
    .argument("<topic>", "topic id or label (dekking matrix --format json lists them)");
}

/** Prints the explanation of one topic, found by id or by its (Dutch or English) label. */
export async function runExplain(options: ExplainOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study, outOfPeriod } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
  const id = findTopicId(loaded.topics, options.topic);
  const topic = coverage.topics.find((t) => t.id === id)!;
  const { renderExplain } = await import("../render/renderExplain.js");
  io.stdout(renderExplain(study, coverage, topic, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io), outOfPeriod }));
  return "ok";
}
