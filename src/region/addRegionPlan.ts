// `region add`: check the name against the study, scaffold the plan file, write it safely.

import { UsageError } from "../errors.js";
import type { Study } from "../model.js";
import { checkRegionName, indicatorTopics, localDate, regionPlanPath, renderRegionPlanScaffold, slugify, writeNewFile } from "./scaffoldRegionPlan.js";

export interface AddRegionPlanInput {
  /** The region's name as the user typed it. */
  name: string;
  planTitle?: string;
  /** A four-digit year, as typed. */
  year?: string;
  url?: string;
  assessedBy?: string;
  force: boolean;
  /** Today, for `assessed_on`. */
  now: Date;
}

export interface AddedRegionPlan {
  /** Path of the new file relative to the data folder (`regions/<slug>.yaml`). */
  file: string;
  /** The previous file kept with --force, if any (absolute path). */
  backup?: string;
  indicatorCount: number;
  inSample: boolean;
  /** The closest sample region's name, when the name is not in the sample. */
  suggestion?: string;
}

/**
 * Writes `regions/<slug>.yaml` in `dataDir` for a new region plan, every indicator `unknown`.
 * @throws UsageError for a bad year, a region already assessed in another file, or an
 *   existing target without `force` (nothing is written then)
 */
export async function addRegionPlan(study: Study, dataDir: string, input: AddRegionPlanInput): Promise<AddedRegionPlan> {
  const slug = slugify(input.name);
  const file = `regions/${slug}.yaml`;
  const check = checkRegionName(study, input.name);
  if (check.assessedIn && check.assessedIn !== file) {
    throw new UsageError(`region "${input.name}" is already assessed in ${check.assessedIn}`, "edit that file; one file per region");
  }
  if (input.year !== undefined && !/^\d{4}$/.test(input.year)) throw new UsageError(`--year must be a year such as 2023, got "${input.year}"`);
  const text = renderRegionPlanScaffold(study, {
    region: input.name,
    assessedOn: localDate(input.now),
    ...(input.planTitle !== undefined ? { planTitle: input.planTitle } : {}),
    ...(input.year !== undefined ? { year: Number(input.year) } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.assessedBy !== undefined ? { assessedBy: input.assessedBy } : {}),
  });
  const { backup } = await writeNewFile(regionPlanPath(dataDir, slug), text, { force: input.force, now: input.now });
  return {
    file,
    ...(backup ? { backup } : {}),
    indicatorCount: indicatorTopics(study).length,
    inSample: check.inSample,
    ...(check.suggestion ? { suggestion: check.suggestion } : {}),
  };
}
