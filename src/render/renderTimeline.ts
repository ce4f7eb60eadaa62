// Output of `dekking timeline`: per topic its national coverage and verdict at each date
// where something begins or lapses, as terminal text, JSON or Markdown.

import type { Timeline, TimelineChange, TimelineEvent, TopicTimeline } from "../analyse/timeline.js";
import { jsonOutput } from "./escape/json.js";
import { markdownText } from "./escape/markdown.js";
import { terminalLine } from "./escape/terminal.js";
import { formatScore, GAP_LABELS, VERDICT_LABELS, VERDICT_SYMBOLS, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { wrapIndented } from "./textColumns.js";

export const TIMELINE_FORMATS = ["table", "json", "markdown"] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

/** The points worth showing: the first, and every one where something happens or changes. */
function shownPoints(topic: TopicTimeline): TopicTimeline["points"] {
  return topic.points.filter((p, i) => {
    const before = topic.points[i - 1];
    return i === 0 || p.events.length > 0 || p.national !== before!.national || p.verdict !== before!.verdict || p.gap !== before!.gap;
  });
}

function eventText(event: TimelineEvent, lang: Lang): string {
  const nl = lang === "nl";
  const what = event.change === "begins" ? (nl ? "begint" : "begins") : nl ? "vervalt" : "lapses";
  const where =
    event.periodSource.page !== undefined
      ? `${event.periodSource.doc} p. ${event.periodSource.page}`
      : `${event.periodSource.doc}, “${event.periodSource.section ?? ""}”`;
  return `${what}: ${event.accord.toUpperCase()} ${event.action} (${nl ? "periode" : "period"}: ${where})`;
}

function verdictText(point: TopicTimeline["points"][number], lang: Lang): string {
  return `${VERDICT_SYMBOLS[point.verdict]} ${VERDICT_LABELS[lang][point.verdict]}${point.gap ? ` (${GAP_LABELS[lang][point.gap]})` : ""}`;
}

/** One change of a date as text: a whole accord or one action, what happens, and where the period is stated. */
export function timelineChangeText(change: TimelineChange, lang: Lang): string {
  const nl = lang === "nl";
  const what = change.change === "begins" ? (nl ? "begint" : "begins") : nl ? "vervalt" : "lapses";
  const where = `${change.periodSource.doc}${change.periodSource.page !== undefined ? ` p. ${change.periodSource.page}` : ""}`;
  return change.kind === "accord"
    ? `${change.accord.toUpperCase()} ${nl ? "als geheel" : "as a whole"} ${what} (${change.actions} ${nl ? "acties" : "actions"}) — ${where}`
    : `${change.accord.toUpperCase()} ${change.action} ${what} (${change.topics.join(", ")}) — ${where}`;
}

/** The timeline for the terminal, every line within `width` columns (long action ids wrap). */
export function renderTimelineTable(timeline: Timeline, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint, width } = options;
  const nl = lang === "nl";
  const out = [
    ...wrapIndented(nl ? "Dekking in de tijd" : "Coverage over time", width, "").map(paint.bold),
    ...wrapIndented(`${timeline.from} – ${timeline.until} · ${timeline.dates.length} ${nl ? "peildata" : "dates"}`, width, "").map(paint.dim),
    "",
  ];
  for (const topic of timeline.topics) {
    const heading = wrapIndented(
      `${terminalLine(`${topic.label} (${topic.id})`)}${topic.changes ? "" : nl ? "  — ongewijzigd" : "  — unchanged"}`,
      width,
      "",
      "  ",
    );
    out.push(...heading.map(paint.bold));
    for (const point of shownPoints(topic)) {
      out.push(
        ...wrapIndented(`${point.date}  ${nl ? "landelijk" : "national"} ${formatScore(point.national)}  ${verdictText(point, lang)}`, width, "  ", "    "),
      );
      for (const event of point.events)
        out.push(
          ...wrapIndented(`${event.change === "begins" ? "+" : "−"} ${terminalLine(eventText(event, lang))}`, width, "      ", "        ").map(paint.dim),
        );
    }
    out.push("");
  }
  if (timeline.topics.length === 0) out.push(nl ? "Geen onderwerpen." : "No topics.");
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

export function renderTimelineJson(timeline: Timeline): string {
  return jsonOutput(timeline);
}

export function renderTimelineMarkdown(timeline: Timeline, options: { lang: Lang }): string {
  const { lang } = options;
  const nl = lang === "nl";
  const out = [`## ${nl ? "Dekking in de tijd" : "Coverage over time"}`, "", `${timeline.from} – ${timeline.until}`, ""];
  out.push(
    `| ${nl ? "Onderwerp" : "Topic"} | ${nl ? "Datum" : "Date"} | ${nl ? "Landelijk" : "National"} | ${nl ? "Oordeel" : "Verdict"} | ${nl ? "Wat begint of vervalt" : "What begins or lapses"} |`,
    "| --- | --- | ---: | --- | --- |",
  );
  for (const topic of timeline.topics) {
    for (const point of shownPoints(topic)) {
      out.push(
        `| ${markdownText(topic.label)} | ${point.date} | ${formatScore(point.national)} | ${markdownText(verdictText(point, lang))} | ${point.events.map((e) => markdownText(eventText(e, lang))).join("<br>")} |`,
      );
    }
  }
  return out.join("\n") + "\n";
}
