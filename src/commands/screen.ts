// `dekking screen <topic>`: candidate passages for a topic in the documents' texts, ranked,
// each marked linked, excluded or new against the screening register, or linked (gekoppeld)
// where a region file already cites it.

import { Option, type Command } from "commander";
import * as path from "node:path";
import { closestMatch } from "../didYouMean.js";
import { UsageError } from "../errors.js";
import { formatFinding } from "../messages/findings.js";
import { ownValue } from "../ownKeys.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";
import { findTopicId } from "./choices.js";

export interface ScreenOptions extends CommonOptions {
  topic: string;
  doc?: string[];
  format: "table" | "json" | "yaml";
  limit: string;
  sources?: string[];
  /** `report` searches the study report only (its text must be given with --sources). */
  evidence?: "all" | "report";
}

export function declareScreen(command: Command): Command {
  return command
    .description("candidate passages for a topic in the documents' texts, ranked, marked linked, excluded or new")
    .argument("<topic>", "topic id")
    .option("--doc <id...>", "only these documents (ids of the register in study.yaml)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "yaml"]).default("table"))
    .option("--limit <n>", "show at most this many candidates (0: all)", "20")
    .option("--sources <dir...>", "more folders with the documents' texts (besides <data>/sources/)")
    .addOption(new Option("--evidence <view>", "all: every document with a text; report: only the study report").choices(["all", "report"]).default("all"));
}

export async function runScreen(options: ScreenOptions, io: Io): Promise<Outcome> {
  if (!/^\d{1,6}$/.test(options.limit))
    throw new UsageError(`--limit needs a whole number, got "${options.limit.slice(0, 20)}"`, "for example --limit 50, or --limit 0 for all");
  const { study, dataDir } = await requireStudy(options, io);
  const topicId = findTopicId(study.topics, options.topic);
  const topic = study.topics.find((t) => t.id === topicId)!;
  const registered = new Set(study.study.documents.map((d) => d.id));
  for (const doc of options.doc ?? []) {
    if (!registered.has(doc)) {
      const match = closestMatch(doc, registered);
      throw new UsageError(`unknown document "${doc}"`, match ? `did you mean "${match}"?` : "the documents are listed under documents: in study.yaml");
    }
  }
  const wanted = study.study.documents.filter(
    (d) => d.text !== undefined && (options.doc ? options.doc.includes(d.id) : options.evidence === "report" ? d.kind === "report" : d.kind !== "context"),
  );
  const [{ readSourceTexts }, { citedQuotes, screenTopic, topicTerms }, { stemDutch }, render] = await Promise.all([
    import("../load/sourceTexts.js"),
    import("../evidence/screenTopic.js"),
    import("../evidence/dutchStem.js"),
    import("../render/renderScreen.js"),
  ]);
  const sourceDirs = [path.join(dataDir, "sources"), ...(options.sources ?? []).map((dir) => path.resolve(io.cwd, dir))];
  const sources = await readSourceTexts(wanted, sourceDirs);
  if (sources.findings.length > 0) {
    const { message, hint } = formatFinding(sources.findings[0]!);
    throw new UsageError(message, hint);
  }
  const searchTerms = topicTerms(topic);
  const terms = [...new Set(searchTerms.map((t) => t.term))];
  const texts = wanted.map((d) => sources.texts.get(d.id)).filter((t) => t !== undefined);
  const result = {
    topic: { id: topic.id, label: topic.label, labelEn: topic.label_en },
    documents: texts.map((t) => t.doc),
    withoutText: sources.missing.map((d) => d.id),
    terms,
    candidates: screenTopic(texts, searchTerms, ownValue(study.screening, topic.id), stemDutch, citedQuotes(study.regionPlans)),
  };
  const limit = Number(options.limit);
  if (options.format === "json") io.stdout(render.renderScreenJson(result, { limit }));
  else if (options.format === "yaml") io.stdout(render.renderScreenYaml(result, { limit }));
  else io.stdout(render.renderScreenTable(result, { lang: options.lang, paint: await paintFor(options, io), width: terminalWidth(io), limit }));
  return "ok";
}
