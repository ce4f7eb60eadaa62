// `region add`: check the name against the study, scaffold the plan file, write it safely.

import { realpath } from "node:fs/promises";
import * as path from "node:path";
import { UsageError } from "../errors.js";
import type { Study } from "../model.js";
import {
  type ScaffoldInput,
  checkRegionName,
  scaffoldTopics,
  localDate,
  regionPlanPath,
  renderRegionPlanScaffold,
  slugFor,
  writeNewFile,
} from "./scaffoldRegionPlan.js";

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
  /** The plan's document and its candidate passages per topic (`--from`). */
  from?: ScaffoldInput["from"];
}

export interface AddedRegionPlan {
  /** Path of the new file relative to the data folder (`regions/<slug>.yaml`). */
  file: string;
  /** The previous file kept with --force, if any (absolute path). */
  backup?: string;
  indicatorCount: number;
  /** Other topics with demand listed after the indicators. */
  demandCount: number;
  inSample: boolean;
  /** The closest sample region's name, when the name is not in the sample. */
  suggestion?: string;
  /** Why the file name is not simply the name in ASCII (another alphabet, a name Windows reserves). */
  slugNote?: string;
}

/**
 * Writes `regions/<slug>.yaml` in `dataDir` for a new region plan, every indicator `unknown`.
 * @throws UsageError for a bad year, a region already assessed in another file, or an
 *   existing target without `force` (nothing is written then)
 */
export async function addRegionPlan(study: Study, dataDir: string, input: AddRegionPlanInput): Promise<AddedRegionPlan> {
  const { slug, note: slugNote } = slugFor(input.name);
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
    ...(input.from !== undefined ? { from: input.from } : {}),
  });
  const target = regionPlanPath(dataDir, slug);
  await refuseLinkedFolder(dataDir, path.dirname(target));
  const { backup } = await writeNewFile(target, text, { force: input.force, now: input.now });
  return {
    file,
    ...(backup ? { backup } : {}),
    indicatorCount: scaffoldTopics(study).indicators.length,
    demandCount: scaffoldTopics(study).demand.length,
    inSample: check.inSample,
    ...(check.suggestion ? { suggestion: check.suggestion } : {}),
    ...(slugNote ? { slugNote } : {}),
  };
}

/** A regions folder that is a link out of the data folder is never written through. */
async function refuseLinkedFolder(dataDir: string, folder: string): Promise<void> {
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    return; // It does not exist yet: writeNewFile creates it as a real folder.
  }
  const realData = await realpath(dataDir);
  const relative = path.relative(realData, realFolder);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new UsageError(
      `${folder} is a link to ${realFolder}, outside the data folder; nothing was written`,
      "make regions/ a real folder inside the data folder",
    );
  }
}
