// Coverage over time: the heat map of the topics that change, and what begins and lapses on
// each date; or, for `dekking timeline`, each topic's own dates.

import { timelineChanges, type Timeline, type TimelineChange, type TopicTimeline } from "../../analyse/timeline.js";
import type { Source } from "../../model.js";
import { formatScore, VERDICT_SYMBOLS, verdictText, WORDS, type Lang } from "../../messages/labels.js";
import { LEVEL_SYMBOLS, levelOf } from "../../analyse/levels.js";
import type { Block, Cell, Section } from "../blocks.js";
import { topicLabel, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";

/** Where a period is stated: the document and its page, else its section. */
function whereText(source: Source): string {
  if (source.page !== undefined) return `${source.doc} p. ${source.page}`;
  return source.section !== undefined ? `${source.doc}, “${source.section}”` : source.doc;
}

function changeText(change: TimelineChange, lang: Lang): string {
  const text = REPORT_TEXT[lang];
  const accord = change.accord.toUpperCase();
  return change.kind === "accord"
    ? text.timelineAccordChange(accord, change.change, change.actions, whereText(change.periodSource))
    : text.timelineActionChange(accord, change.action, change.change, change.topics.join(", "), whereText(change.periodSource));
}

const MARKS = { begins: "+", lapses: "−" } as const;

/** The points worth showing of a topic: the first, and every one where something happens or changes. */
function shownPoints(topic: TopicTimeline): TopicTimeline["points"] {
  return topic.points.filter((p, i) => {
    const before = topic.points[i - 1];
    return i === 0 || p.events.length > 0 || p.national !== before!.national || p.verdict !== before!.verdict || p.gap !== before!.gap;
  });
}

/**
 * Coverage over time: the heat map of the topics whose coverage or verdict changes, the ones
 * that do not, and what begins and lapses on each date. `perTopic` (`dekking timeline`) shows
 * instead, per topic, its coverage and verdict at each date where something happens to it,
 * with every action that begins or lapses there.
 */
export function timelineSection(ctx: BuildContext, timeline: Timeline, options: { perTopic?: boolean } = {}): Section {
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
  if (options.perTopic) {
    for (const topic of timeline.topics) {
      const points: Block[] = shownPoints(topic).flatMap((point): Block[] => [
        { kind: "paragraph", text: text.timelinePoint(point.date, formatScore(point.national), verdictText(point, lang, "long")) },
        ...(point.events.length > 0
          ? [
              {
                kind: "list" as const,
                items: point.events.map((event) =>
                  text.timelineTopicEvent(event.accord.toUpperCase(), event.action, event.change, whereText(event.periodSource)),
                ),
                style: "small" as const,
              },
            ]
          : []),
      ]);
      blocks.push({
        kind: "group",
        group: {
          id: `timeline-${topic.id}`,
          title: name(topic),
          subtitle: topic.changes ? topic.id : `${topic.id} · ${text.timelineUnchanged}`,
          blocks: points,
        },
      });
    }
    return { id: "timeline", title: text.timelineTitle, blocks };
  }
  blocks.push({ kind: "heading", text: text.beginsLapses });
  for (const { date, changes } of timelineChanges(timeline)) {
    blocks.push({ kind: "paragraph", text: date, style: "strong" });
    blocks.push({ kind: "list", items: changes.map((change) => `${MARKS[change.change]} ${changeText(change, lang)}`), style: "small" });
  }
  return { id: "timeline", title: text.timelineTitle, blocks };
}
