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
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";

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
  const [{ regionProfile }, render] = await Promise.all([import("../analyse/regionProfile.js"), import("../render/renderRegionProfile.js")]);
  const profile = regionProfile(plan, computeCoverage(study));
  if (options.format === "json") io.stdout(render.renderRegionProfileJson(profile));
  else if (options.format === "markdown") io.stdout(render.renderRegionProfileMarkdown(profile, { lang: options.lang }));
  else io.stdout(render.renderRegionProfileTable(profile, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io) }));
  return "ok";
}
