// The life-world lens: a persona's needs with the coverage rows of the topics behind them,
// and which OPaZ bottlenecks the interview themes behind the flagged topics express.
// Pure functions of the study and its Coverage; no text.

import type { Bottleneck, Persona, PersonaNeed, Study } from "../model.js";
import { BOTTLENECKS } from "../model.js";
import type { Coverage, TopicCoverage, Verdict } from "./coverage.js";

/** A topic counts as flagged when the rules call it a white spot or a possible one. */
export function isFlagged(verdict: Verdict): boolean {
  return verdict === "witte-vlek" || verdict === "mogelijke-witte-vlek";
}

export interface NeedCoverage {
  need: PersonaNeed;
  /** The coverage rows of the need's topics, in the need's order. */
  topics: TopicCoverage[];
  /** Topic ids by what the rules say: covered, flagged, or not judged (no demand in the interviews). */
  covered: string[];
  flagged: string[];
  unjudged: string[];
}

export interface PersonaCoverage {
  persona: Persona;
  needs: NeedCoverage[];
  /** Distinct topics over all needs, per verdict. */
  verdictCounts: Record<Verdict, number>;
}

/** The coverage of one persona's needs. A persona out of scope has no needs. */
export function personaCoverage(persona: Persona, coverage: Coverage): PersonaCoverage {
  const rows = new Map(coverage.topics.map((t) => [t.id, t]));
  const needs = (persona.needs ?? []).map((need) => {
    // Every topic id was checked against topics.yaml when the data loaded.
    const topics = need.topics.map((id) => rows.get(id)).filter((t): t is TopicCoverage => t !== undefined);
    return {
      need,
      topics,
      covered: topics.filter((t) => t.verdict === "gedekt").map((t) => t.id),
      flagged: topics.filter((t) => isFlagged(t.verdict)).map((t) => t.id),
      unjudged: topics.filter((t) => t.verdict === "geen-signaal").map((t) => t.id),
    };
  });
  const verdictCounts: Record<Verdict, number> = { "witte-vlek": 0, "mogelijke-witte-vlek": 0, "gedekt": 0, "geen-signaal": 0 };
  const seen = new Set<string>();
  for (const need of needs) {
    for (const topic of need.topics) {
      if (seen.has(topic.id)) continue;
      seen.add(topic.id);
      verdictCounts[topic.verdict]++;
    }
  }
  return { persona, needs, verdictCounts };
}

export interface BottleneckRow {
  bottleneck: Bottleneck;
  /** Interview themes tagged with this bottleneck. */
  themes: string[];
  /** Flagged topics raised by at least one of those themes, in matrix order. */
  flaggedTopics: string[];
}

export interface BottleneckView {
  rows: BottleneckRow[];
  /** Flagged topics none of whose themes carries a bottleneck. */
  untagged: string[];
  flaggedCount: number;
}

/** Which bottlenecks recur among the flagged topics, in the order OPaZ lists them. */
export function bottleneckView(study: Study, coverage: Coverage): BottleneckView {
  const bottlenecks = new Map((study.personas?.bottlenecks ?? []).map((b) => [b.id, b]));
  const flagged = coverage.topics.filter((t) => isFlagged(t.verdict));
  const themes = new Map(study.interviews.themes.map((t) => [t.id, t]));
  const tagged = new Set<string>();
  const rows: BottleneckRow[] = [];
  for (const id of BOTTLENECKS) {
    const bottleneck = bottlenecks.get(id);
    if (!bottleneck) continue;
    const themeIds = study.interviews.themes.filter((t) => t.bottleneck?.id === id).map((t) => t.id);
    const flaggedTopics = flagged.filter((topic) => topic.demand.themes.some((themeId) => themes.get(themeId)?.bottleneck?.id === id)).map((t) => t.id);
    for (const topic of flaggedTopics) tagged.add(topic);
    rows.push({ bottleneck, themes: themeIds, flaggedTopics });
  }
  return { rows, untagged: flagged.filter((t) => !tagged.has(t.id)).map((t) => t.id), flaggedCount: flagged.length };
}

/** The personas in scope, in the order of personas.yaml. */
export function personasInScope(study: Study): Persona[] {
  return (study.personas?.personas ?? []).filter((p) => p.in_scope);
}
