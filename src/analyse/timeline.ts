// Coverage over time: the national coverage and verdict of each topic at every date where
// an action starts or stops counting, with what begins and what lapses on that date. Pure: the
// study and the dates in, the timeline out; computeVerdicts (the verdict rules of computeCoverage, without its certainty) decides each point.

import type { Period, Source, Study } from "../model.js";
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
  /**
   * Whose bound of the action's effective period this is: `accord`, the accord's own period (its
   * actions whose own period does not narrow it begin or lapse together); `action`, the action's.
   */
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

/** One bound of an action's effective period: its date, where it is stated, and whose bound it is. */
interface Bound {
  date: string;
  source: Source;
  level: TimelineEvent["level"];
}

/**
 * The bound that decides when an action starts (or stops) counting: of the accord's and the
 * action's own, the later start (`pick` "later") or the earlier end ("earlier"). On a tie the
 * accord's bound decides, so the action begins or lapses with its accord.
 */
function effectiveBound(accord: Bound | undefined, own: Bound | undefined, pick: "later" | "earlier"): Bound | undefined {
  if (!accord || !own) return accord ?? own;
  if (own.date === accord.date) return accord;
  return (pick === "later") === own.date > accord.date ? own : accord;
}

function boundOf(period: Period | undefined, end: "from" | "to", level: TimelineEvent["level"]): Bound | undefined {
  const date = period?.[end];
  return period === undefined || date === undefined ? undefined : { date, source: period.source, level };
}

/**
 * What begins and lapses: per action only where it starts or stops counting, as `studyAsOf`
 * decides (the accord in force and the action within its own period). An action's own period
 * narrows its accord's, so it has one effective period; a bound of the accord's period that is
 * the effective one is an `accord` event (all such actions of the accord together), else the
 * action's own bound is an `action` event. An action whose effective period is empty never
 * counts and has no events.
 */
function eventsOf(study: Study): { date: string; event: TimelineEvent }[] {
  const out: { date: string; event: TimelineEvent }[] = [];
  for (const accord of study.accords) {
    for (const action of accord.actions) {
      const start = effectiveBound(boundOf(accord.period, "from", "accord"), boundOf(action.period, "from", "action"), "later");
      const end = effectiveBound(boundOf(accord.period, "to", "accord"), boundOf(action.period, "to", "action"), "earlier");
      if (start && end && start.date > end.date) continue;
      const base = { accord: accord.id, action: action.id, source: action.source, topics: action.topics.map(topicLinkId) };
      if (start) out.push({ date: start.date, event: { ...base, change: "begins", periodSource: start.source, level: start.level } });
      if (end) out.push({ date: dayAfter(end.date), event: { ...base, change: "lapses", periodSource: end.source, level: end.level } });
    }
  }
  return out;
}

/**
 * The timeline from `from` (normally the study's date) to `until` (default: the last date
 * where an action begins or lapses). Dates are `from` and every date inside the range where
 * an action begins or lapses (the day after its effective period ends).
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
