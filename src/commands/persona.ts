// `dekking persona <id>`: the life-world lens on the coverage: a persona's needs, the topics
// behind each, their coverage and verdicts.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";
import type { Persona, Study } from "../model.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { printSections, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export interface PersonaOptions extends CommonOptions, AnalysisOptions {
  persona: string;
  format: "table" | "json" | "markdown";
}

export function declarePersona(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("the OPaZ life-world lens: a persona's needs, the topics behind each, their coverage and verdicts")
    .argument("<persona>", "persona id or name, e.g. jeanny (data/personas.yaml lists them)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "markdown"]).default("table"));
}

/**
 * The persona the user means: by id, else by name (either case).
 * @throws UsageError with "did you mean" for an unknown persona, or when the data has none
 */
export function findPersona(study: Study, wanted: string): Persona {
  const personas = study.personas?.personas ?? [];
  if (personas.length === 0) throw new UsageError("this data has no personas", "add data/personas.yaml (the shipped study has the OPaZ personas)");
  const lower = wanted.trim().toLowerCase();
  const found = personas.find((p) => p.id === wanted) ?? personas.find((p) => p.id === lower || p.name.toLowerCase() === lower);
  if (found) return found;
  const match = closestMatch(
    lower,
    personas.map((p) => p.id),
  );
  throw new UsageError(`unknown persona "${wanted}"`, match ? `did you mean "${match}"?` : `the personas are: ${personas.map((p) => p.id).join(", ")}`);
}

export async function runPersona(options: PersonaOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  const persona = findPersona(study, options.persona);
  const coverage = await coverageOf(loaded, evidenceViewKey({ asOf, evidence: options.evidence }), () => computeCoverage(study));
  if (options.format === "json") {
    const [{ personaCoverage }, { renderPersonaJson }] = await Promise.all([import("../analyse/personaCoverage.js"), import("../render/renderPersonaJson.js")]);
    io.stdout(renderPersonaJson(personaCoverage(persona, coverage), options.lang));
    return "ok";
  }
  // The table and Markdown are the report's section through her eyes.
  const { personaSection } = await import("../document/sections/personas.js");
  const section = personaSection({ study, coverage, lang: options.lang }, persona);
  await printSections([section], options, io);
  return "ok";
}
