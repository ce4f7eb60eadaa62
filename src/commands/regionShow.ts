// `dekking region show <region>`: one region's profile — per topic with demand the plan's
// status and evidence, the national coverage, the other plans and the sample, and plan-gap.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";
import type { LoadedRegionPlan, Study } from "../model.js";
import { terminalLine } from "../render/escape/terminal.js";
import { checkDate, declareAnalysisOptions, type AnalysisOptions } from "./choices.js";
import { printSections, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface RegionShowOptions extends CommonOptions, AnalysisOptions {
  region: string;
  format: "table" | "json" | "markdown";
}

export function declareRegionShow(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("one region's profile: per topic with demand the plan's status and evidence, the national coverage, the other plans, and plan-gap")
    .argument("<region>", "the region's name or its file's slug (dekking regions lists the assessed ones)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "markdown"]).default("table"));
}

/**
 * The assessed plan of the region the user means: by name (any case) or by the file's slug.
 * @throws UsageError with "did you mean" for a region without an assessed plan
 */
export function findRegionPlan(study: Study, wanted: string): LoadedRegionPlan {
  const lower = wanted.trim().toLowerCase();
  const found = study.regionPlans.find((p) => p.region === wanted) ?? study.regionPlans.find((p) => p.region.toLowerCase() === lower || p.slug === lower);
  if (found) return found;
  const names = study.regionPlans.map((p) => p.region);
  const match =
    closestMatch(wanted, names) ??
    closestMatch(
      lower,
      study.regionPlans.map((p) => p.slug),
    );
  const inSample = (study.sample?.regions ?? study.study.regions).some((r) => r.toLowerCase() === lower);
  throw new UsageError(
    inSample ? `region "${terminalLine(wanted)}" has no assessed plan in this data` : `unknown region "${terminalLine(wanted)}"`,
    match
      ? `did you mean "${terminalLine(match)}"?`
      : names.length > 0
        ? `the assessed regions are: ${names.map(terminalLine).join(", ")}`
        : "assess a plan first: dekking region add <name> --data DIR --from <doc-id>",
  );
}

export async function runRegionShow(options: RegionShowOptions, io: Io): Promise<Outcome> {
  const asOf = checkDate(options.asOf, "--as-of");
  const { study: loaded } = await requireStudy(options, io);
  findRegionPlan(loaded, options.region);
  const { study } = selectEvidence(loaded, { asOf, evidence: options.evidence });
  // The evidence view may leave region files out (--evidence report): then there is no plan to show.
  const plan = findRegionPlan(study, options.region);
  const { regionProfile } = await import("../analyse/regionProfile.js");
  const coverage = computeCoverage(study);
  const profile = regionProfile(plan, coverage);
  if (options.format === "json") {
    const { renderRegionProfileJson } = await import("../render/renderRegionProfileJson.js");
    io.stdout(renderRegionProfileJson(profile));
    return "ok";
  }
  // The table and Markdown are the report's profile of this plan, naming every other plan.
  const { regionProfileSection } = await import("../document/sections/regions.js");
  await printSections([regionProfileSection({ study, coverage, lang: options.lang }, profile, { complete: true })], options, io);
  return "ok";
}
