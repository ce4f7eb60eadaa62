// `dekking agreement <a.yaml> <b.yaml>`: two assessments of one region plan compared per topic:
// the pairs of statuses, percentage agreement and Cohen's kappa (unweighted and weighted).

import { Option, type Command } from "commander";
import * as path from "node:path";
import { computeAgreement } from "../analyse/agreement.js";
import { hasErrors } from "../findings.js";
import type { RegionPlan } from "../model.js";
import { colorWanted, loadPaint } from "../render/paint.js";
import { renderFindingsStylish } from "../render/renderFindings.js";
import { terminalLine } from "../render/escape/terminal.js";
import { closestMatch } from "../didYouMean.js";
import { unknownRef } from "../validate/checkReferences.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface AgreementOptions extends CommonOptions {
  a: string;
  b: string;
  format: "table" | "json";
}

export function declareAgreement(command: Command): Command {
  return command
    .description("compare two assessments of one region plan: status pairs, percentage agreement, Cohen's kappa (weighted for the ordered statuses)")
    .argument("<a>", "the first assessment (a region plan YAML file)")
    .argument("<b>", "the second assessment of the same plan")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"));
}

export async function runAgreement(options: AgreementOptions, io: Io): Promise<Outcome> {
  const { loadDataFile } = await import("../loadStudy.js");
  // The topics of the study (--data, or the shipped one): a misspelt topic in either file is
  // named, not silently left out of the comparison.
  const { study } = await requireStudy(options, io);
  const topicIds = new Set(study.topics.map((t) => t.id));
  const knownTopics = (file: string) => (value: unknown) =>
    Object.keys((value as RegionPlan).findings)
      .filter((id) => !topicIds.has(id))
      .map((id) => ({ ...unknownRef(file, ["findings", id], "topic", id, topicIds, "key"), hint: `${closestMatch(id, topicIds) ? `did you mean "${closestMatch(id, topicIds)}"? ` : ""}(the topics of ${study.study.id}; --data DIR compares against another study)` }));
  const files = await Promise.all([options.a, options.b].map((file) => loadDataFile(path.resolve(io.cwd, file), file, "region-plan", knownTopics(file))));
  const findings = files.flatMap((f) => f.findings);
  if (hasErrors(findings)) {
    const paint = await loadPaint(colorWanted(options.color, io.env, false));
    io.stderr(renderFindingsStylish({ findings: findings.filter((f) => f.severity !== "info"), fileCount: 2, displayPath: (file) => file }, paint));
    return "invalid";
  }
  const [a, b] = files.map((f) => f.value as RegionPlan) as [RegionPlan, RegionPlan];
  if (a.region !== b.region) io.stderr(`dekking: the two files assess different regions ("${terminalLine(a.region)}" and "${terminalLine(b.region)}"); compared all the same\n`);
  const agreement = computeAgreement(a.findings, b.findings);
  const { renderAgreementJson, renderAgreementTable } = await import("../render/renderAgreement.js");
  const labels = { a: `${options.a} (${a.assessed_by})`, b: `${options.b} (${b.assessed_by})` };
  io.stdout(options.format === "json" ? renderAgreementJson(agreement, labels) : renderAgreementTable(agreement, labels, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io) }));
  return "ok";
}
