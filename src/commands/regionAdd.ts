// `dekking region add <name>`: scaffold a region plan file.

import type { Command } from "commander";
import { UsageError } from "../errors.js";
import * as path from "node:path";
import { terminalLine } from "../render/escape/terminal.js";
import { displayPathFor, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface RegionAddOptions extends CommonOptions {
  name: string;
  planTitle?: string;
  year?: string;
  url?: string;
  assessedBy?: string;
  force?: boolean;
}

export function declareRegionAdd(command: Command): Command {
  return command
    .description("scaffold data/regions/<slug>.yaml with every indicator `unknown`; never overwrites")
    .argument("<name>", "the region's name (as in study.yaml for a sample region)")
    .option("--plan-title <title>", "title of the region plan")
    .option("--year <year>", "year of the plan")
    .option("--url <url>", "where the plan is published")
    .option("--assessed-by <name>", "who assesses the plan")
    .option("--force", "replace an existing file, keeping a backup beside it");
}

export async function runRegionAdd(options: RegionAddOptions, io: Io): Promise<Outcome> {
  // Without --data the other commands read the installed package's own study; writing a
  // researcher's plan into it would be lost on the next install (or refused by a global one).
  if (options.data === undefined) {
    throw new UsageError(
      "region add writes a new file into a data folder: give it with --data DIR",
      "start from a copy of the shipped study, e.g. cp -r \"$(npm root)/dekking/data\" ./data && dekking region add <name> --data ./data",
    );
  }
  const { study, dataDir } = await requireStudy(options, io);
  const { addRegionPlan } = await import("../region/addRegionPlan.js");
  const added = await addRegionPlan(study, dataDir, {
    name: options.name,
    force: Boolean(options.force),
    now: new Date(),
    ...(options.planTitle !== undefined ? { planTitle: options.planTitle } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.assessedBy !== undefined ? { assessedBy: options.assessedBy } : {}),
  });
  if (!added.inSample) {
    io.stderr(`dekking: "${terminalLine(options.name)}" is not one of the study's sample regions, so it counts as an extra region${added.suggestion ? ` (did you mean "${terminalLine(added.suggestion)}"?)` : ""}\n`);
  }
  if (added.slugNote) io.stderr(`dekking: ${terminalLine(added.slugNote)}\n`);
  if (added.backup) io.stdout(`kept the previous file as ${terminalLine(path.relative(io.cwd, added.backup) || added.backup)}\n`);
  io.stdout(`created ${terminalLine(displayPathFor(dataDir, io)(added.file))} with ${added.indicatorCount} indicators${added.demandCount > 0 ? ` and ${added.demandCount} other topics with demand` : ""}, all "unknown": fill them in, then run dekking validate\n`);
  return "ok";
}
