// The command line: wires options to the pipeline (load → validate → analyse → render)
// and maps outcomes to exit codes. No analysis or formatting happens here.

import { Command, CommanderError, Option } from "commander";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from "./errors.js";
import { hasErrors } from "./findings.js";
import { TOOL_VERSION } from "./version.js";
import { loadStudy, type LoadResult } from "./loadStudy.js";
import type { Study } from "./model.js";
import { colorWanted, makePaint, type Paint } from "./render/paint.js";
import { renderFindingsJson, renderFindingsStylish } from "./render/renderFindings.js";
import { computeCoverage } from "./analyse/computeCoverage.js";
import { VERDICTS, type Coverage, type TopicCoverage, type Verdict } from "./analyse/coverage.js";
import { closestMatch } from "./didYouMean.js";
import { CATEGORIES, type Category } from "./model.js";
import type { ReportFile } from "./report/writeReports.js";

// Each command imports what only it needs when it runs, so `dekking matrix` does not pay
// for the PDF, git or scaffolding code at start-up.
const OUTPUT_FORMATS = ["table", "json", "csv", "markdown"] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

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
  /** False with --no-cache. */
  cache?: boolean;
}

/**
 * Where parsed files are cached: DEKKING_CACHE_DIR, else the user's cache folder
 * ($XDG_CACHE_HOME or ~/.cache) + /dekking. `--no-cache` or DEKKING_CACHE_DIR=off disables it.
 */
export function cacheDirFor(options: CommonOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (options.cache === false) return undefined;
  const explicit = env.DEKKING_CACHE_DIR;
  if (explicit !== undefined && explicit !== "") return explicit === "off" || explicit === "0" ? undefined : explicit;
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, ".cache") : undefined);
  return base ? path.join(base, "dekking") : undefined;
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

function cacheOptions(options: CommonOptions, io: Io): { cacheDir?: string } {
  const cacheDir = cacheDirFor(options, io.env);
  return cacheDir ? { cacheDir } : {};
}

/** Loads the study, or prints the findings and throws so the CLI exits 2. */
export async function requireStudy(options: CommonOptions, io: Io): Promise<{ study: Study; load: LoadResult; dataDir: string }> {
  const dataDir = dataDirOf(options, io);
  const load = await loadStudy(dataDir, cacheOptions(options, io));
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
    .option("--no-color", "no colour (NO_COLOR is honoured too)")
    .option("--no-cache", "parse and validate every file again instead of using the cache of unchanged files");
}

function buildProgram(io: Io): Command {
  const program = new Command("dekking")
    .description("Coverage of Dutch care-policy accords, region plans and interview themes: where do needs of older people living at home go uncovered (witte vlekken)?")
    .version(TOOL_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  addCommonOptions(program.command("validate"))
    .description("load and check all data; errors as file:line:col  message  (hint)")
    .addOption(new Option("--format <format>", "output format").choices(["stylish", "json"]).default("stylish"))
    .action(async (options: CommonOptions & { format: "stylish" | "json" }) => {
      const dataDir = dataDirOf(options, io);
      const load = await loadStudy(dataDir, cacheOptions(options, io));
      const report = { findings: load.findings, fileCount: load.files.length, displayPath: displayPathFor(dataDir, io) };
      if (options.format === "json") io.stdout(renderFindingsJson(report));
      else io.stdout(renderFindingsStylish(report, paintFor(options, io)));
      if (hasErrors(load.findings)) throw new InvalidData();
    });

  addCommonOptions(program.command("matrix"))
    .description("the coverage matrix: per topic the accords, the regions, the demand and the verdict")
    .addOption(new Option("--format <format>", "output format").choices([...OUTPUT_FORMATS]).default("table"))
    .option("--category <category...>", `only these categories (${CATEGORIES.join(", ")})`)
    .option("--verdict <verdict...>", `only these verdicts (${VERDICTS.join(", ")})`)
    .option("--excel", "CSV for Dutch Excel: UTF-8 BOM, ';' separators, decimal commas")
    .addOption(new Option("--fail-on <level>", "exit 1 when such a verdict exists without an accepted disposition").choices(["white-spot", "possible-white-spot"]))
    .action(async (options: CommonOptions & { format: OutputFormat; category?: string[]; verdict?: string[]; excel?: boolean; failOn?: FailOn }) => {
      const categories = checkChoices(options.category, CATEGORIES, "category");
      const verdicts = checkChoices(options.verdict, VERDICTS, "verdict");
      const { study } = await requireStudy(options, io);
      const coverage = computeCoverage(study);
      const shown = filterCoverage(coverage, categories, verdicts);
      const { MATRIX_RENDERERS } = await import("./render/registry.js");
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
      const { renderExplain } = await import("./render/renderExplain.js");
      io.stdout(renderExplain(study, topic, { lang: options.lang, paint: paintFor(options, io), width: terminalWidth(io) }));
    });

  addCommonOptions(program.command("report"))
    .description("write coverage.pdf, coverage.md and coverage.json; --check compares instead of writing")
    .option("--out <dir>", "output folder", "reports")
    .option("--check", "write nothing; exit 1 when the files in --out differ from what the data gives")
    .action(async (options: CommonOptions & { out: string; check?: boolean }) => {
      const { study } = await requireStudy(options, io);
      const coverage = computeCoverage(study);
      const generatedOn = reportDate(study, io.env);
      // pdfkit is heavy: only this command loads it.
      const [{ renderPdf }, { renderReportMarkdown }, { renderMatrixJson }, { staleReports, writeReportsAtomically }] = await Promise.all([
        import("./render/renderPdf.js"),
        import("./render/renderReportMarkdown.js"),
        import("./render/renderMatrixJson.js"),
        import("./report/writeReports.js"),
      ]);
      const files: ReportFile[] = [
        { name: "coverage.pdf", bytes: await renderPdf(study, coverage, { lang: options.lang, generatedOn }) },
        { name: "coverage.md", bytes: Buffer.from(renderReportMarkdown(study, coverage, { lang: options.lang, generatedOn }), "utf8") },
        { name: "coverage.json", bytes: Buffer.from(renderMatrixJson(coverage, { lang: options.lang, paint: paintFor(options, io), width: 120, excel: false }), "utf8") },
      ];
      const outDir = path.resolve(io.cwd, options.out);
      const relative = path.relative(io.cwd, outDir);
      const shown = relative === "" ? "." : relative.startsWith("..") ? outDir : relative;
      if (options.check) {
        const stale = await staleReports(outDir, files);
        if (stale.length > 0) {
          io.stderr(`dekking: the reports in ${shown} are not what the data gives: ${stale.join(", ")}\n  (run dekking report${options.out === "reports" ? "" : ` --out ${options.out}`} and commit the result)\n`);
          throw new CheckFailed();
        }
        io.stdout(`${shown}: ${files.map((f) => f.name).join(", ")} are up to date (data version ${study.dataVersion})\n`);
        return;
      }
      await writeReportsAtomically(outDir, files);
      for (const file of files) io.stdout(`${path.join(shown, file.name)}  ${file.bytes.byteLength} bytes\n`);
    });

  const region = program.command("region").description("work with region plan files");
  addCommonOptions(region.command("add"))
    .description("scaffold data/regions/<slug>.yaml with every indicator `unknown`; never overwrites")
    .argument("<name>", "the region's name (as in study.yaml for a sample region)")
    .option("--plan-title <title>", "title of the region plan")
    .option("--year <year>", "year of the plan")
    .option("--url <url>", "where the plan is published")
    .option("--assessed-by <name>", "who assesses the plan")
    .option("--force", "replace an existing file, keeping a backup beside it")
    .action(async (name: string, options: CommonOptions & { planTitle?: string; year?: string; url?: string; assessedBy?: string; force?: boolean }) => {
      const { checkRegionName, indicatorTopics, localDate, regionPlanPath, renderRegionPlanScaffold, slugify, writeNewFile } = await import("./region/scaffoldRegionPlan.js");
      const slug = slugify(name);
      const { study, dataDir } = await requireStudy(options, io);
      const target = regionPlanPath(dataDir, slug);
      const check = checkRegionName(study, name);
      if (check.assessedIn && check.assessedIn !== `regions/${slug}.yaml`) {
        throw new UsageError(`region "${name}" is already assessed in ${check.assessedIn}`, "edit that file; one file per region");
      }
      let year: number | undefined;
      if (options.year !== undefined) {
        if (!/^\d{4}$/.test(options.year)) throw new UsageError(`--year must be a year such as 2023, got "${options.year}"`);
        year = Number(options.year);
      }
      const text = renderRegionPlanScaffold(study, {
        region: name,
        assessedOn: localDate(new Date()),
        ...(options.planTitle !== undefined ? { planTitle: options.planTitle } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(options.url !== undefined ? { url: options.url } : {}),
        ...(options.assessedBy !== undefined ? { assessedBy: options.assessedBy } : {}),
      });
      const { backup } = await writeNewFile(target, text, { force: Boolean(options.force) });
      const shown = displayPathFor(dataDir, io)(`regions/${slug}.yaml`);
      if (!check.inSample) {
        io.stderr(`dekking: "${name}" is not one of the study's sample regions, so it counts as an extra region${check.suggestion ? ` (did you mean "${check.suggestion}"?)` : ""}\n`);
      }
      if (backup) io.stdout(`kept the previous file as ${path.relative(io.cwd, backup) || backup}\n`);
      io.stdout(`created ${shown} with ${indicatorTopics(study).length} indicators, all "unknown": fill them in, then run dekking validate\n`);
    });

  addCommonOptions(program.command("regions"))
    .description("the regions × indicators matrix of the assessed region plans")
    .addOption(new Option("--format <format>", "output format").choices([...OUTPUT_FORMATS]).default("table"))
    .option("--excel", "CSV for Dutch Excel: UTF-8 BOM, ';' separators, decimal commas")
    .action(async (options: CommonOptions & { format: OutputFormat; excel?: boolean }) => {
      const { study } = await requireStudy(options, io);
      const { REGION_RENDERERS, regionMatrix } = await import("./render/renderRegions.js");
      io.stdout(REGION_RENDERERS[options.format](regionMatrix(study), { lang: options.lang, paint: paintFor(options, io), width: terminalWidth(io), excel: Boolean(options.excel) }));
    });

  addCommonOptions(program.command("diff"))
    .description("which verdicts changed between two data folders, or since a git ref, and why")
    .argument("[old-data]", "the data folder before the change")
    .argument("[new-data]", "the data folder after the change (default: --data)")
    .option("--base <ref>", "compare with the data as it was at this git commit, branch or tag")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .addOption(new Option("--fail-on-new <level>", "exit 1 when the change creates such a verdict").choices(["white-spot"]))
    .action(async (oldData: string | undefined, newData: string | undefined, options: CommonOptions & { base?: string; format: "text" | "json" | "markdown"; failOnNew?: "white-spot" }) => {
      if ((oldData === undefined) === (options.base === undefined)) {
        throw new UsageError("give either an old data folder or --base <git-ref>", "dekking diff old-data/ [new-data/]  or  dekking diff --base HEAD");
      }
      const [{ diffCoverage, newWhiteSpots }, { exportDataAtRef }, { renderDiffJson, renderDiffMarkdown, renderDiffText }, { mkdtemp, rm }, { tmpdir }] = await Promise.all([
        import("./analyse/diffCoverage.js"),
        import("./load/gitData.js"),
        import("./render/renderDiff.js"),
        import("node:fs/promises"),
        import("node:os"),
      ]);
      const newOptions = { ...options, ...(newData !== undefined ? { data: newData } : {}) };
      const after = await requireStudy(newOptions, io);
      let beforeDir: string;
      let cleanup: (() => Promise<void>) | undefined;
      if (options.base !== undefined) {
        const scratch = await mkdtemp(path.join(tmpdir(), "dekking-diff-"));
        cleanup = () => rm(scratch, { recursive: true, force: true });
        beforeDir = path.join(scratch, "data");
        try {
          await exportDataAtRef(after.dataDir, options.base, after.dataDir, beforeDir);
        } catch (error) {
          await cleanup();
          throw error;
        }
      } else {
        beforeDir = path.resolve(io.cwd, oldData!);
      }
      try {
        // The exported folder is temporary: caching it would only leave garbage behind.
        const before = await requireStudy({ ...options, data: beforeDir, ...(options.base !== undefined ? { cache: false } : {}) }, io);
        const diff = diffCoverage(computeCoverage(before.study), computeCoverage(after.study));
        if (options.format === "json") io.stdout(renderDiffJson(diff));
        else if (options.format === "markdown") io.stdout(renderDiffMarkdown(diff, { lang: options.lang }));
        else io.stdout(renderDiffText(diff, { lang: options.lang, paint: paintFor(options, io) }));
        if (options.failOnNew === "white-spot") {
          const fresh = newWhiteSpots(diff);
          if (fresh.length > 0) {
            io.stderr(`dekking: the change creates ${fresh.length} new white spot(s): ${fresh.join(", ")}\n`);
            throw new CheckFailed();
          }
        }
      } finally {
        await cleanup?.();
      }
    });

  return program;
}

/**
 * The date printed on reports: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise
 * the study's own date, never the clock, so the same data gives the same bytes.
 */
export function reportDate(study: Study, env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`, "unset it, or set it to e.g. $(git log -1 --format=%ct)");
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${study.study.date}T00:00:00Z`);
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
