// Coverage over time: the heat map of the topics that change, and what begins and lapses on
// each date.

import { timelineChanges, type Timeline } from "../../../analyse/timeline.js";
import { formatScore, VERDICT_SYMBOLS, WORDS } from "../../../messages/labels.js";
import { LEVEL_SYMBOLS, levelOf } from "../../../analyse/levels.js";
import { timelineChangeText } from "../../renderTimeline.js";
import type { Block, Cell, Section } from "../blocks.js";
import { topicLabel, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../../messages/reportText.js";

export function timelineSection(ctx: BuildContext, timeline: Timeline): Section {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const changing = timeline.topics.filter((t) => t.changes);
  const names = new Map(coverage.topics.map((t) => [t.id, topicLabel(t, lang)]));
  const name = (topic: { id: string; label: string }): string => names.get(topic.id) ?? topic.label;
  const blocks: Block[] = [{ kind: "paragraph", text: text.timelineIntro(timeline.from, timeline.until, changing.length, timeline.topics.length) }];
  if (changing.length > 0) {
    blocks.push({
      kind: "table",
      caption: text.heatMapAlt(changing.length, timeline.dates.length, timeline.from, timeline.until),
      columns: [{ header: WORDS[lang].topic! }, ...timeline.dates.map((date) => ({ header: date, align: "center" as const, width: "narrow" as const }))],
      rows: changing.map((topic) => ({
        cells: [
          { text: name(topic) },
          ...topic.points.map((point): Cell => {
            const level = levelOf(point.national, coverage.rules);
            const mark = point.verdict === "witte-vlek" || point.verdict === "mogelijke-witte-vlek" ? ` ${VERDICT_SYMBOLS[point.verdict]}` : "";
            return { text: `${LEVEL_SYMBOLS[level]} ${formatScore(point.national)}${mark}`, tone: `level-${level}`, align: "center" };
          }),
        ],
      })),
      rowHeaders: true,
      compact: true,
    });
    blocks.push({ kind: "paragraph", text: text.timelineCells, style: "small" });
  }
  const unchanged = timeline.topics.filter((t) => !t.changes).map(name);
  if (unchanged.length > 0) blocks.push({ kind: "paragraph", text: `${text.unchanged}: ${unchanged.join(", ")}.`, style: "small" });
  blocks.push({ kind: "heading", text: text.beginsLapses });
  for (const { date, changes } of timelineChanges(timeline)) {
    blocks.push({ kind: "paragraph", text: date, style: "strong" });
    blocks.push({
      kind: "list",
      items: changes.map((change) => `${change.change === "begins" ? "+" : "−"} ${timelineChangeText(change, lang)}`),
      style: "small",
    });
  }
  return { id: "timeline", title: text.timelineTitle, blocks };
}
