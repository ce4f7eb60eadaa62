// Coverage over time: the national coverage and verdict of each topic at every date where
// some period starts or ends, with what begins and what lapses on that date. Pure: the
// study and the dates in, the timeline out; computeVerdicts (the verdict rules of computeCoverage, without its certainty) decides each point.

import type { ActionFile, Source, Study } from "../model.js";
import { topicLinkId } from "../model.js";
import { computeVerdicts } from "./computeCoverage.js";
import type { Gap, Verdict } from "./coverage.js";
import { studyAsOf } from "./evidenceView.js";

/** The day after a date (YYYY-MM-DD): an end date is the last day in force, so it lapses the day after. */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** An action (or a whole accord's actions) that begins or lapses on a date. */
export interface TimelineEvent {
  accord: string;
  action: string;
  /** `begins` on its `from` date; `lapses` the day after its `to` date. */
  change: "begins" | "lapses";
  source: Source;
  /** Where the period is stated. */
  periodSource: Source;
  /** The topics the action links. */
  topics: string[];
  /** `accord`: the accord's own period (all its actions begin or lapse together); `action`: the action's. */
  level: "accord" | "action";
}

export interface TimelinePoint {
  date: string;
  national: number;
  /** Per accord in force on the date, its best score for the topic. */
  accords: Record<string, number>;
  verdict: Verdict;
  gap: Gap | null;
  /** What begins or lapses on this date for this topic. */
  events: TimelineEvent[];
}

export interface TopicTimeline {
  id: string;
  label: string;
  points: TimelinePoint[];
  /** True when the national coverage or the verdict differs between any two points. */
  changes: boolean;
}

export interface Timeline {
  from: string;
  until: string;
  dates: string[];
  topics: TopicTimeline[];
  /** Every event after `from` up to `until`, by date: what begins and what lapses. */
  events: { date: string; event: TimelineEvent }[];
}

function eventsOf(study: Study): { date: string; event: TimelineEvent }[] {
  const out: { date: string; event: TimelineEvent }[] = [];
  const add = (accord: string, action: ActionFile, period: NonNullable<ActionFile["period"]>, level: TimelineEvent["level"]): void => {
    const base = { accord, action: action.id, source: action.source, periodSource: period.source, topics: action.topics.map(topicLinkId), level };
    if (period.from) out.push({ date: period.from, event: { ...base, change: "begins" } });
    if (period.to) out.push({ date: dayAfter(period.to), event: { ...base, change: "lapses" } });
  };
  for (const accord of study.accords) {
    for (const action of accord.actions) {
      // An accord's own period applies to each of its actions; an action's own period narrows it.
      if (accord.period) add(accord.id, action, accord.period, "accord");
      if (action.period) add(accord.id, action, action.period, "action");
    }
  }
  return out;
}

/**
 * The timeline from `from` (normally the study's date) to `until` (default: the last date
 * any period names). Dates are `from` and every start or day-after-end inside the range.
 * @param topicIds the topics to follow (default: every topic with demand)
 */
export function computeTimeline(study: Study, options: { from: string; until?: string | undefined; topicIds?: readonly string[] | undefined }): Timeline {
  const events = eventsOf(study);
  const lastNamed = events.reduce((last, e) => (e.date > last ? e.date : last), options.from);
  const until = options.until ?? lastNamed;
  const dates = [...new Set([options.from, ...events.map((e) => e.date).filter((d) => d > options.from && d <= until)])].sort();
  // Verdicts only: the timeline shows no certainty, so none is enumerated.
  const verdicts = dates.map((date) => new Map(computeVerdicts(studyAsOf(study, date).study).map((t) => [t.id, t])));
  const first = [...verdicts[0]!.values()];
  const wanted = options.topicIds ? new Set(options.topicIds) : new Set(first.filter((t) => t.demand.groups.length > 0).map((t) => t.id));
  const topics: TopicTimeline[] = first
    .filter((t) => wanted.has(t.id))
    .map((topic) => {
      const points = verdicts.map((byId, i) => {
        const now = byId.get(topic.id)!;
        const date = dates[i]!;
        return {
          date,
          national: now.national.score,
          accords: now.national.accords,
          verdict: now.verdict,
          gap: now.gap,
          events: i === 0 ? [] : events.filter((e) => e.date === date && e.event.topics.includes(topic.id)).map((e) => e.event),
        };
      });
      const changes = points.some((p) => p.national !== points[0]!.national || p.verdict !== points[0]!.verdict || p.gap !== points[0]!.gap);
      return { id: topic.id, label: topic.label, points, changes };
    });
  const inRange = events
    .filter((e) => e.date > options.from && e.date <= until)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.event.action < b.event.action ? -1 : 1));
  return { from: options.from, until, dates, topics, events: inRange };
}

/** One line of "what changes on a date": a whole accord (its own period) or one action. */
export type TimelineChange =
  | { kind: "accord"; accord: string; change: TimelineEvent["change"]; actions: number; periodSource: Source }
  | { kind: "action"; accord: string; action: string; change: TimelineEvent["change"]; topics: string[]; periodSource: Source };

/** The timeline's events per date, an accord's own period as one line for all its actions. */
export function timelineChanges(timeline: Timeline): { date: string; changes: TimelineChange[] }[] {
  const byDate = new Map<string, TimelineChange[]>();
  for (const { date, event } of timeline.events) {
    const list = byDate.get(date) ?? [];
    if (event.level === "accord") {
      const existing = list.find(
        (c): c is Extract<TimelineChange, { kind: "accord" }> => c.kind === "accord" && c.accord === event.accord && c.change === event.change,
      );
      if (existing) existing.actions++;
      else list.push({ kind: "accord", accord: event.accord, change: event.change, actions: 1, periodSource: event.periodSource });
    } else {
      list.push({ kind: "action", accord: event.accord, action: event.action, change: event.change, topics: event.topics, periodSource: event.periodSource });
    }
    byDate.set(date, list);
  }
  return [...byDate].map(([date, changes]) => ({ date, changes }));
}
