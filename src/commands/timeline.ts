// `dekking timeline [topic...]`: national coverage and verdicts at every date where some
// period starts or ends, with what begins and what lapses.

import { Option, type Command } from "commander";
import { computeCoverage } from "../analyse/computeCoverage.js";
import { reportEvidenceOnly } from "../analyse/evidenceView.js";
import { UsageError } from "../errors.js";
import { checkDate, findTopicId } from "./choices.js";
import { printSections, requireStudy, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface TimelineOptions extends CommonOptions {
  topics?: string[];
  from?: string;
  until?: string;
  format: "table" | "json" | "markdown";
  evidence?: "all" | "report";
}

export function declareTimeline(command: Command): Command {
  return command
    .description("national coverage and verdicts at every date where something begins or lapses, with what and where the source says so")
    .argument("[topics...]", "topic ids (default: every topic with demand)")
    .option("--from <date>", "first date, YYYY-MM-DD (default: the study's own date)")
    .option("--until <date>", "last date, YYYY-MM-DD (default: the last date where something begins or lapses)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .addOption(
      new Option("--evidence <view>", "all: every encoded source; report: only what the study report itself holds").choices(["all", "report"]).default("all"),
    );
}

export async function runTimeline(options: TimelineOptions, io: Io): Promise<Outcome> {
  const from = checkDate(options.from, "--from");
  const until = checkDate(options.until, "--until");
  const { study: loaded } = await requireStudy(options, io);
  const study = options.evidence === "report" ? reportEvidenceOnly(loaded) : loaded;
  const start = from ?? study.study.date;
  if (until !== undefined && until < start)
    throw new UsageError(`--until ${until} lies before the first date ${start}`, "give a later --until, or an earlier --from");
  const topicIds = (options.topics ?? []).map((wanted) => findTopicId(study.topics, wanted));
  const { computeTimeline } = await import("../analyse/timeline.js");
  const timeline = computeTimeline(study, { from: start, until, topicIds: topicIds.length > 0 ? topicIds : undefined });
  if (options.format === "json") {
    const { renderTimelineJson } = await import("../render/renderTimelineJson.js");
    io.stdout(renderTimelineJson(timeline));
    return "ok";
  }
  // The table and Markdown are the report's section "coverage over time", with each topic's own dates.
  const { timelineSection } = await import("../document/sections/timeline.js");
  const coverage = computeCoverage(study);
  await printSections([timelineSection({ study, coverage, lang: options.lang }, timeline, { perTopic: true })], options, io);
  return "ok";
}
