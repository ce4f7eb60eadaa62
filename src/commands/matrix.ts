// `dekking matrix`: the coverage matrix in one of the matrix formats.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { selectEvidence } from "../analyse/evidenceView.js";
import { VERDICTS, type Coverage, type TopicCoverage, type Verdict } from "../analyse/coverage.js";
import type { Category } from "../model.js";
import {
  checkChoices,
  checkDate,
  checkExcel,
  declareAnalysisOptions,
  excelOption,
  type AnalysisOptions,
  MATRIX_FORMATS,
  type MatrixFormat,
} from "./choices.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";
import { coverageOf, evidenceViewKey } from "../loadStudy.js";

export type FailOn = "white-spot" | "possible-white-spot";

export interface MatrixOptions extends CommonOptions, AnalysisOptions {
  format: MatrixFormat;
  category?: string[];
  verdict?: string[];
  excel?: boolean;
  failOn?: FailOn;
  sort?: "category" | "priority";
}

export function declareMatrix(command: Command): Command {
  return declareAnalysisOptions(command)
    .description("the coverage matrix: per topic the accords, the regions, the demand and the verdict")
    .addOption(new Option("--format <format>", "output format").choices([...MATRIX_FORMATS]).default("table"))
    .option("--category <category...>", "only these categories (ids of the study's vocabulary.categories in study.yaml)")
    .option("--verdict <verdict...>", `only these verdicts (${VERDICTS.join(", ")})`)
    .addOption(
      new Option("--sort <order>", "category: grouped by category; priority: flagged topics in priority order first")
        .choices(["category", "priority"])
        .default("category"),
    )
    .addOption(excelOption())
    .addOption(
      new Option("--fail-on <level>", "exit 1 when such a verdict exists without an accepted disposition").choices(["white-spot", "possible-white-spot"]),
    );
}

/** Prints the matrix; `check-failed` when `--fail-on` finds a verdict. */
export async function runMatrix(options: MatrixOptions, io: Io): Promise<Outcome> {
  const verdicts = checkChoices(options.verdict, VERDICTS, "verdict");
  checkExcel(options.format, options.excel);
  const asOf = checkDate(options.asOf, "--as-of");
  const { study } = await requireStudy(options, io);
  // The categories are the study's own: known only once it is loaded.
  const categories = checkChoices(
    options.category,
    study.vocabulary.categories.map((c) => c.id),
    "category",
  );
  const coverage = await coverageOf(study, evidenceViewKey({ asOf, evidence: options.evidence }), () =>
    computeCoverage(selectEvidence(study, { asOf, evidence: options.evidence }).study),
  );
  const { MATRIX_RENDERERS } = await import("../render/registry.js");
  const filtered = filterCoverage(coverage, categories, verdicts);
  const render = await MATRIX_RENDERERS[options.format]();
  const output = render(options.sort === "priority" ? sortByPriority(filtered) : filtered, {
    lang: options.lang,
    paint: await paintFor(options, io),
    width: terminalWidth(io),
    excel: Boolean(options.excel),
    sort: options.sort ?? "category",
  });
  io.stdout(typeof output === "string" ? output : Buffer.from(output).toString("utf8"));
  // A new or unfinished study: say what is missing, on stdout beside a table for people, on
  // stderr where stdout is for programs.
  const { missingDataSentence } = await import("../render/missingData.js");
  const missing = missingDataSentence(coverage, options.lang);
  if (missing !== undefined) {
    if (options.format === "table" || options.format === "markdown") io.stdout(`\n${missing}\n`);
    else io.stderr(`dekking: ${missing}\n`);
  }
  if (options.failOn) {
    const failing = failingTopics(coverage, options.failOn);
    if (failing.length > 0) {
      io.stderr(`dekking: ${failing.length} topic(s) fail --fail-on ${options.failOn}: ${failing.map((t) => t.id).join(", ")}\n`);
      return "check-failed";
    }
  }
  return "ok";
}

/** Topics that fail `--fail-on`: an `accepted` disposition exempts a topic. */
export function failingTopics(coverage: Coverage, failOn: FailOn): TopicCoverage[] {
  const failing: Verdict[] = failOn === "white-spot" ? ["witte-vlek"] : ["witte-vlek", "mogelijke-witte-vlek"];
  return coverage.topics.filter((t) => failing.includes(t.verdict) && t.disposition?.decision !== "accepted");
}

/** Flagged topics by rank (1 first), then every other topic in the matrix order. */
export function sortByPriority(coverage: Coverage): Coverage {
  const rank = (t: TopicCoverage): number => t.priority?.rank ?? Number.MAX_SAFE_INTEGER;
  const order = new Map(coverage.topics.map((t, i) => [t.id, i]));
  return { ...coverage, topics: [...coverage.topics].sort((a, b) => rank(a) - rank(b) || order.get(a.id)! - order.get(b.id)!) };
}

function filterCoverage(coverage: Coverage, categories: Category[] | undefined, verdicts: Verdict[] | undefined): Coverage {
  if (!categories && !verdicts) return coverage;
  return {
    ...coverage,
    topics: coverage.topics.filter((t) => (!categories || categories.includes(t.category)) && (!verdicts || verdicts.includes(t.verdict))),
  };
}
