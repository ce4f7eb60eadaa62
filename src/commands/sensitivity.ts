// `dekking sensitivity [topic...]`: every single change of a rule or an encoding that flips a
// verdict; a verdict no single change flips is robuust.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { checkDate, declareAnalysisOptions, findTopicId, type AnalysisOptions } from "./choices.js";
import { printSections, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export interface SensitivityOptions extends CommonOptions, AnalysisOptions {
  topics?: string[];
  format: "table" | "json" | "markdown";
}

export function declareSensitivity(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("which single change of a rule or an encoding flips each verdict (robuust or gevoelig)")
    .argument("[topics...]", "topic ids (default: every topic with demand)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "markdown"]).default("table"));
}

export async function runSensitivity(options: SensitivityOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study } = await requireStudy(options, io);
  const topicIds = (options.topics ?? []).map((wanted) => findTopicId(study.topics, wanted));
  const coverage = await coverageOf(study, evidenceViewKey({ asOf, evidence: options.evidence }), () =>
    computeCoverage(selectEvidence(study, { asOf, evidence: options.evidence }).study),
  );
  const wanted = topicIds.length > 0 ? new Set(topicIds) : undefined;
  const shown = coverage.topics.filter((t) => (wanted ? wanted.has(t.id) : t.required !== null));
  if (options.format === "json") {
    const { renderSensitivityJson } = await import("../render/renderSensitivityJson.js");
    io.stdout(renderSensitivityJson({ ...coverage, topics: shown }));
    return "ok";
  }
  // The table and Markdown show each topic as the report's certainty section shows a flagged one.
  const { sensitivitySection } = await import("../document/sections/certainty.js");
  await printSections([sensitivitySection({ study, coverage, lang: options.lang }, shown)], options, io);
  return "ok";
}
