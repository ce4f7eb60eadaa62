// `dekking agreement <a.yaml> <b.yaml>`: two assessments of one region plan compared per topic
// (the pairs of statuses, percentage agreement and Cohen's kappa, unweighted and weighted), or
// two encodings of one accord compared per field (topic links, strength, scope, period).
// Which it is follows from the files: an accord file has `actions`, a region plan `findings`.

import { Option, type Command } from "commander";
import * as path from "node:path";
import { computeAgreement } from "../analyse/agreement.js";
import { hasErrors } from "../findings.js";
import type { Accord, RegionPlan } from "../model.js";
import { UsageError } from "../errors.js";
import { colorWanted, loadPaint } from "../render/paint.js";
import { renderFindingsStylish } from "../render/renderFindings.js";
import { terminalLine } from "../render/escape/terminal.js";
import { unknownRef } from "../validate/checkReferences.js";
import { dataDirOf, paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface AgreementOptions extends CommonOptions {
  a: string;
  b: string;
  format: "table" | "json";
}

export function declareAgreement(command: Command): Command {
  return command
    .description(
      "compare two assessments of one region plan (status pairs, percentage agreement, Cohen's kappa weighted for the ordered statuses) or two codings of one accord (per field: topic links, strength, scope, period)",
    )
    .argument("<a>", "the first assessment or coding (a region plan or an accord YAML file)")
    .argument("<b>", "the second assessment of the same plan, or the second coding of the same accord")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"));
}

/** What a file holds, from its top-level keys: `actions` → accord, `findings` → region plan. */
async function kindOf(file: string, io: Io): Promise<"accord" | "region-plan" | "other" | "unreadable"> {
  const { readFile } = await import("node:fs/promises");
  const { parse } = await import("yaml");
  try {
    const value: unknown = parse(await readFile(path.resolve(io.cwd, file), "utf8"));
    if (value === null || typeof value !== "object") return "other";
    if (Object.hasOwn(value, "actions")) return "accord";
    if (Object.hasOwn(value, "findings")) return "region-plan";
    return "other";
  } catch {
    return "unreadable"; // the loader below reports why
  }
}

export async function runAgreement(options: AgreementOptions, io: Io): Promise<Outcome> {
  const kinds = await Promise.all([options.a, options.b].map((file) => kindOf(file, io)));
  const known = kinds.filter((k): k is "accord" | "region-plan" => k === "accord" || k === "region-plan");
  for (const [i, kind] of kinds.entries()) {
    if (kind === "other")
      throw new UsageError(
        `${[options.a, options.b][i]} is neither a region plan (no findings:) nor an accord (no actions:)`,
        "give two region plan files or two accord files",
      );
  }
  if (known.length === 2 && known[0] !== known[1]) {
    throw new UsageError(
      `${options.a} is ${known[0] === "accord" ? "an accord" : "a region plan"} and ${options.b} is ${known[1] === "accord" ? "an accord" : "a region plan"}: they cannot be compared`,
      "give two codings of one accord, or two assessments of one region plan",
    );
  }
  if (known[0] === "accord") return runAccordAgreement(options, io);
  const { loadDataFile } = await import("../loadStudy.js");
  // The topics of the study (--data, or the shipped one): a misspelt topic in either file is
  // named, not silently left out of the comparison.
  const { study } = await requireStudy(options, io);
  const topicIds = new Set(study.topics.map((t) => t.id));
  const knownTopics = (file: string) => (value: unknown) =>
    Object.keys((value as RegionPlan).findings)
      .filter((id) => !topicIds.has(id))
      .map((id) => unknownRef(file, ["findings", id], "topic", id, topicIds, "key", { kind: "agreement", study: study.study.id }));
  const files = await Promise.all([options.a, options.b].map((file) => loadDataFile(path.resolve(io.cwd, file), file, "region-plan", knownTopics(file))));
  const findings = files.flatMap((f) => f.findings);
  if (hasErrors(findings)) {
    const paint = await loadPaint(colorWanted(options.color, io.env, false));
    io.stderr(renderFindingsStylish({ findings: findings.filter((f) => f.severity !== "info"), fileCount: 2, displayPath: (file) => file }, paint));
    return "invalid";
  }
  const [a, b] = files.map((f) => f.value as RegionPlan) as [RegionPlan, RegionPlan];
  if (a.region !== b.region)
    io.stderr(`dekking: the two files assess different regions ("${terminalLine(a.region)}" and "${terminalLine(b.region)}"); compared all the same\n`);
  const agreement = computeAgreement(a.findings, b.findings);
  const { renderAgreementJson, renderAgreementTable } = await import("../render/renderAgreement.js");
  const labels = { a: `${options.a} (${a.assessed_by})`, b: `${options.b} (${b.assessed_by})` };
  io.stdout(
    options.format === "json"
      ? renderAgreementJson(agreement, labels)
      : renderAgreementTable(agreement, labels, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io) }),
  );
  return "ok";
}

/**
 * Two codings of one accord: both validated as accord files, then compared per field over the
 * actions in both (`computeAccordAgreement`). Different accords, or no action in common, are a
 * usage error (exit 2); ids in one file only are listed on stderr and in the output.
 */
async function runAccordAgreement(options: AgreementOptions, io: Io): Promise<Outcome> {
  const { loadDataFile } = await import("../loadStudy.js");
  const files = await Promise.all([options.a, options.b].map((file) => loadDataFile(path.resolve(io.cwd, file), file, "accord")));
  const findings = files.flatMap((f) => f.findings);
  if (hasErrors(findings)) {
    const paint = await loadPaint(colorWanted(options.color, io.env, false));
    io.stderr(renderFindingsStylish({ findings: findings.filter((f) => f.severity !== "info"), fileCount: 2, displayPath: (file) => file }, paint));
    return "invalid";
  }
  const [a, b] = files.map((f) => f.value as Accord) as [Accord, Accord];
  if (a.id !== b.id)
    throw new UsageError(
      `the two files encode different accords ("${terminalLine(a.id)}" and "${terminalLine(b.id)}")`,
      "compare two codings of the same accord",
    );
  // The decisions range over the study's topics; without a readable taxonomy, over the topics either coder linked.
  const topicsFile = await loadDataFile(path.join(dataDirOf(options, io), "topics.yaml"), "topics.yaml", "topics");
  const topics = hasErrors(topicsFile.findings) ? [] : (topicsFile.value as { topics: { id: string }[] }).topics.map((t) => t.id);
  const { computeAccordAgreement } = await import("../analyse/accordAgreement.js");
  const agreement = computeAccordAgreement(a.id, a.actions, b.actions, topics);
  if (agreement.actions.length === 0)
    throw new UsageError(
      `the two codings of ${terminalLine(a.id)} have no action id in common`,
      "the second coding uses the ids of the packet (docs/encoding/second-coding/packets/)",
    );
  if (agreement.onlyInA.length > 0)
    io.stderr(`dekking: ${agreement.onlyInA.length} action id(s) only in ${options.a}, not compared: ${agreement.onlyInA.map(terminalLine).join(", ")}\n`);
  if (agreement.onlyInB.length > 0)
    io.stderr(`dekking: ${agreement.onlyInB.length} action id(s) only in ${options.b}, not compared: ${agreement.onlyInB.map(terminalLine).join(", ")}\n`);
  if (topics.length === 0) io.stderr("dekking: no readable topics.yaml in the data folder; topic decisions range over the topics either coding links\n");
  const { renderAccordAgreementJson, renderAccordAgreementTable } = await import("../render/renderAgreement.js");
  const labels = { a: options.a, b: options.b };
  io.stdout(
    options.format === "json"
      ? renderAccordAgreementJson(agreement, labels)
      : renderAccordAgreementTable(agreement, labels, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io) }),
  );
  return "ok";
}
