// The command line: wires options to the pipeline (load → validate → analyse → render)
// and maps outcomes to exit codes. No analysis or formatting happens here.

import { Command, CommanderError, Option } from "commander";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from "./errors.js";
import { hasErrors } from "./findings.js";
import { loadStudy, type LoadResult } from "./loadStudy.js";
import type { Study } from "./model.js";
import { colorWanted, makePaint, type Paint } from "./render/paint.js";
import { renderFindingsJson, renderFindingsStylish } from "./render/renderFindings.js";
import { computeCoverage } from "./analyse/computeCoverage.js";
import { VERDICTS, type Coverage, type TopicCoverage, type Verdict } from "./analyse/coverage.js";
import { closestMatch } from "./didYouMean.js";
import { CATEGORIES, type Category } from "./model.js";
import { MATRIX_FORMATS, MATRIX_RENDERERS, type MatrixFormat } from "./render/registry.js";
import { renderExplain } from "./render/renderExplain.js";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data/", import.meta.url));

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns: number | undefined;
  cwd: string;
}

export interface CommonOptions {
  data?: string;
  lang: "nl" | "en";
  color?: boolean;
}

export function dataDirOf(options: CommonOptions, io: Io): string {
  return options.data ? path.resolve(io.cwd, options.data) : DEFAULT_DATA_DIR;
}

export function displayPathFor(dataDir: string, io: Io): (file: string) => string {
  return (file) => {
    const absolute = path.join(dataDir, file);
    const relative = path.relative(io.cwd, absolute);
    return relative.startsWith(`..${path.sep}..`) || path.isAbsolute(relative) ? absolute : relative || ".";
  };
}

export function paintFor(options: CommonOptions, io: Io): Paint {
  return makePaint(colorWanted(options.color, io.env, io.isTTY));
}

/** Loads the study, or prints the findings and throws so the CLI exits 2. */
export async function requireStudy(options: CommonOptions, io: Io): Promise<{ study: Study; load: LoadResult; dataDir: string }> {
  const dataDir = dataDirOf(options, io);
  const load = await loadStudy(dataDir);
  if (!load.study || hasErrors(load.findings)) {
    const problems = load.findings.filter((f) => f.severity !== "info");
    io.stderr(renderFindingsStylish({ findings: problems, fileCount: load.files.length, displayPath: displayPathFor(dataDir, io) }, paintFor({ ...options, color: colorWanted(options.color, io.env, false) }, io)));
    throw new InvalidData();
  }
  return { study: load.study, load, dataDir };
}

/** The data was invalid and the findings have been printed already. */
export class InvalidData extends Error {
  constructor() {
    super("invalid data");
    this.name = "InvalidData";
  }
}

/** A check (report --check, --fail-on) failed; its explanation has been printed. */
export class CheckFailed extends Error {
  constructor(message = "check failed") {
    super(message);
    this.name = "CheckFailed";
  }
}

function addCommonOptions(command: Command): Command {
  return command
    .option("--data <dir>", "data folder (default: the shipped study)")
    .addOption(new Option("--lang <lang>", "language of fixed labels").choices(["nl", "en"]).default("nl"))
    .option("--color", "force colour")
    .option("--no-color", "no colour (NO_COLOR is honoured too)");
}

function buildProgram(io: Io): Command {
  const program = new Command("dekking")
    .description("Coverage of Dutch care-policy accords, region plans and interview themes: where do needs of older people living at home go uncovered (witte vlekken)?")
    .version("0.1.0")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  addCommonOptions(program.command("validate"))
    .description("load and check all data; errors as file:line:col  message  (hint)")
    .addOption(new Option("--format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .action(async (options: CommonOptions & { format: "stylish" | "json" }) => {
      const dataDir = dataDirOf(options, io);
      const load = await loadStudy(dataDir);
      const report = { findings: load.findings, fileCount: load.files.length, displayPath: displayPathFor(dataDir, io) };
      if (options.format === "json") io.stdout(renderFindingsJson(report));
      else io.stdout(renderFindingsStylish(report, paintFor(options, io)));
      if (hasErrors(load.findings)) throw new InvalidData();
    });

  addCommonOptions(program.command("matrix"))
    .description("the coverage matrix: per topic the accords, the regions, the demand and the verdict")
    .addOption(new Option("--format <format>", "output format").choices([...MATRIX_FORMATS]).default("table"))
    .option("--category <category...>", `only these categories (${CATEGORIES.join(", ")})`)
    .option("--verdict <verdict...>", `only these verdicts (${VERDICTS.join(", ")})`)
    .option("--excel", "CSV for Dutch Excel: UTF-8 BOM, ';' separators, decimal commas")
    .addOption(new Option("--fail-on <level>", "exit 1 when such a verdict exists without an accepted disposition").choices(["white-spot", "possible-white-spot"]))
    .action(async (options: CommonOptions & { format: MatrixFormat; category?: string[]; verdict?: string[]; excel?: boolean; failOn?: FailOn }) => {
      const categories = checkChoices(options.category, CATEGORIES, "category");
      const verdicts = checkChoices(options.verdict, VERDICTS, "verdict");
      const { study } = await requireStudy(options, io);
      const coverage = computeCoverage(study);
      const shown = filterCoverage(coverage, categories, verdicts);
      const output = MATRIX_RENDERERS[options.format](shown, {
        lang: options.lang,
        paint: paintFor(options, io),
        width: terminalWidth(io),
        excel: Boolean(options.excel),
      });
      io.stdout(typeof output === "string" ? output : Buffer.from(output).toString("utf8"));
      if (options.failOn) {
        const failing = failingTopics(coverage, options.failOn);
        if (failing.length > 0) {
          io.stderr(`dekking: ${failing.length} topic(s) fail --fail-on ${options.failOn}: ${failing.map((t) => t.id).join(", ")}\n`);
          throw new CheckFailed();
        }
      }
    });

  addCommonOptions(program.command("explain"))
    .description("everything behind one row: demand with quotes, actions per accord, regional findings, the rule that decided")
    .argument("<topic>", "topic id (see dekking matrix --format json)")
    .action(async (topicId: string, options: CommonOptions) => {
      const { study } = await requireStudy(options, io);
      const coverage = computeCoverage(study);
      const topic = coverage.topics.find((t) => t.id === topicId);
      if (!topic) {
        const match = closestMatch(topicId, coverage.topics.map((t) => t.id));
        throw new UsageError(`unknown topic "${topicId}"`, match ? `did you mean "${match}"?` : "dekking matrix --format json lists the topic ids");
      }
      io.stdout(renderExplain(study, topic, { lang: options.lang, paint: paintFor(options, io), width: terminalWidth(io) }));
    });

  return program;
}

type FailOn = "white-spot" | "possible-white-spot";

/** Topics that fail `--fail-on`: an `accepted` disposition exempts a topic. */
export function failingTopics(coverage: Coverage, failOn: FailOn): TopicCoverage[] {
  const failing: Verdict[] = failOn === "white-spot" ? ["witte-vlek"] : ["witte-vlek", "mogelijke-witte-vlek"];
  return coverage.topics.filter((t) => failing.includes(t.verdict) && t.disposition?.decision !== "accepted");
}

function checkChoices<T extends string>(values: string[] | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!values) return undefined;
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      const match = closestMatch(value, allowed);
      throw new UsageError(`unknown ${what} "${value}"; expected one of: ${allowed.join(", ")}`, match ? `did you mean "${match}"?` : undefined);
    }
  }
  return values as T[];
}

function filterCoverage(coverage: Coverage, categories: Category[] | undefined, verdicts: Verdict[] | undefined): Coverage {
  if (!categories && !verdicts) return coverage;
  return {
    ...coverage,
    topics: coverage.topics.filter((t) => (!categories || categories.includes(t.category)) && (!verdicts || verdicts.includes(t.verdict))),
  };
}

function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.columns ?? 120;
}

/** Runs the CLI and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT_OK;
      return EXIT_INVALID;
    }
    if (error instanceof InvalidData) return EXIT_INVALID;
    if (error instanceof CheckFailed) return EXIT_CHECK_FAILED;
    if (error instanceof UsageError) {
      io.stderr(`dekking: ${error.message}${error.hint ? `\n  (${error.hint})` : ""}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
