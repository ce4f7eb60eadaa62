// `dekking region add <name>`: scaffold a region plan file.

import type { Command } from "commander";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";
import { formatFinding } from "../messages/findings.js";
import { MAX_CANDIDATES, type PlanCandidate } from "../evidence/planCandidates.js";
import type { Study } from "../model.js";
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
  /** Document id of the plan in the register: candidate passages of its text per topic. */
  from?: string;
  /** How many candidates per topic (with --from). */
  candidates?: string;
  sources?: string[];
}

export function declareRegionAdd(command: Command): Command {
  return command
    .description("scaffold data/regions/<slug>.yaml with every indicator `unknown`; never overwrites")
    .argument("<name>", "the region's name (as in study.yaml for a sample region)")
    .option("--plan-title <title>", "title of the region plan")
    .option("--year <year>", "year of the plan")
    .option("--url <url>", "where the plan is published")
    .option("--assessed-by <name>", "who assesses the plan")
    .option("--force", "replace an existing file, keeping a backup beside it")
    .option("--from <doc-id>", "the plan's document in the register (source add): under each topic its best candidate passages, as comments")
    .option("--candidates <k>", `candidate passages per topic with --from (1 to ${MAX_CANDIDATES})`, "3")
    .option("--sources <dir...>", "more folders with the documents' texts (besides <data>/sources/)");
}

/** The plan's text and its candidate passages per scaffold topic; a usage error (nothing written) for an unknown document or one without text. */
async function candidatesFrom(
  study: Study,
  dataDir: string,
  doc: string,
  k: number,
  sources: readonly string[],
  io: Io,
): Promise<{ doc: string; candidates: Map<string, PlanCandidate[]> }> {
  const document = study.study.documents.find((d) => d.id === doc);
  if (!document) {
    const match = closestMatch(
      doc,
      study.study.documents.map((d) => d.id),
    );
    throw new UsageError(
      `unknown document "${terminalLine(doc)}" for --from; nothing was written`,
      match
        ? `did you mean "${match}"? (the documents are listed under documents: in study.yaml)`
        : "register the plan's text first: dekking source add <plan.pdf> --data DIR --id <id> --kind region-plan",
    );
  }
  const [{ readSourceTexts }, { planCandidates }, { stemDutch }, { scaffoldTopics }] = await Promise.all([
    import("../load/sourceTexts.js"),
    import("../evidence/planCandidates.js"),
    import("../evidence/dutchStem.js"),
    import("../region/scaffoldRegionPlan.js"),
  ]);
  const dirs = [path.join(dataDir, "sources"), ...sources.map((dir) => path.resolve(io.cwd, dir))];
  const read = await readSourceTexts([document], dirs);
  if (read.findings.length > 0) {
    const { message, hint } = formatFinding(read.findings[0]!);
    throw new UsageError(`${message}; nothing was written`, hint);
  }
  const text = read.texts.get(doc);
  if (!text) {
    throw new UsageError(
      document.text === undefined
        ? `document "${doc}" has no text in the register (no text: in study.yaml); nothing was written`
        : `the text of "${doc}", ${document.text}, is in none of ${dirs.join(", ")}; nothing was written`,
      document.text === undefined
        ? "read its PDF into the register: dekking source add <plan.pdf> --data DIR --id " + doc + " --kind region-plan --force"
        : "give the folder that holds it with --sources DIR",
    );
  }
  const { indicators, demand } = scaffoldTopics(study);
  return { doc, candidates: planCandidates([...indicators, ...demand], text, k, stemDutch) };
}

export async function runRegionAdd(options: RegionAddOptions, io: Io): Promise<Outcome> {
  // Without --data the other commands read the installed package's own study; writing a
  // researcher's plan into it would be lost on the next install (or refused by a global one).
  if (options.data === undefined) {
    throw new UsageError(
      "region add writes a new file into a data folder: give it with --data DIR",
      'start from a copy of the shipped study, e.g. cp -r "$(npm root)/dekking/data" ./data && dekking region add <name> --data ./data',
    );
  }
  const k = options.candidates ?? "3";
  if (!/^\d{1,3}$/.test(k) || Number(k) < 1 || Number(k) > MAX_CANDIDATES) {
    throw new UsageError(
      `--candidates needs a whole number from 1 to ${MAX_CANDIDATES}, got "${terminalLine(k.slice(0, 20))}"`,
      "for example --candidates 3 (the default)",
    );
  }
  if (options.candidates !== undefined && options.candidates !== "3" && options.from === undefined)
    throw new UsageError("--candidates needs --from <doc-id>", "name the plan's document, e.g. --from regioplan-flevoland-2023");
  const { study, dataDir } = await requireStudy(options, io);
  const from = options.from === undefined ? undefined : await candidatesFrom(study, dataDir, options.from, Number(k), options.sources ?? [], io);
  const { addRegionPlan } = await import("../region/addRegionPlan.js");
  const added = await addRegionPlan(study, dataDir, {
    name: options.name,
    force: Boolean(options.force),
    now: new Date(),
    ...(options.planTitle !== undefined ? { planTitle: options.planTitle } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.assessedBy !== undefined ? { assessedBy: options.assessedBy } : {}),
    ...(from !== undefined ? { from } : {}),
  });
  if (!added.inSample) {
    io.stderr(
      `dekking: "${terminalLine(options.name)}" is not one of the study's sample regions, so it counts as an extra region${added.suggestion ? ` (did you mean "${terminalLine(added.suggestion)}"?)` : ""}\n`,
    );
  }
  if (added.slugNote) io.stderr(`dekking: ${terminalLine(added.slugNote)}\n`);
  // The next commands as the researcher can paste them: with the --data they gave, so that
  // validate checks this folder's quotes and not the shipped study's.
  const shellWord = (value: string): string => (/^[\w./:@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const data = options.data !== undefined ? ` --data ${terminalLine(shellWord(options.data))}` : "";
  if (added.backup) io.stdout(`kept the previous file as ${terminalLine(path.relative(io.cwd, added.backup) || added.backup)}\n`);
  io.stdout(
    `created ${terminalLine(displayPathFor(dataDir, io)(added.file))} with ${added.indicatorCount} indicators${added.demandCount > 0 ? ` and ${added.demandCount} other topics with demand` : ""}, all "unknown": fill them in, then run dekking validate${data}\n`,
  );
  if (from) {
    const counts = [...from.candidates.values()].map((c) => c.length);
    io.stdout(
      `candidate passages from ${terminalLine(from.doc)} as comments: ${counts.reduce((a, b) => a + b, 0)} under ${counts.filter((n) => n > 0).length} of ${counts.length} topics; uncomment what fits, decide each status yourself\n` +
        `validate checks every uncommented quote against the text of ${terminalLine(from.doc)}; then dekking region show ${terminalLine(shellWord(options.name))}${data} shows what the plan leaves open\n`,
    );
  }
  return "ok";
}
