// Time: periods at their boundaries, the timeline, --as-of end to end, and a property that
// moving the date never changes a topic none of whose actions has a period. FICTIONAL data
// from the study builder, and the shipped study through the real bin.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { inForce, studyAsOf } from "../src/analyse/evidenceView.js";
import { computeTimeline, dayAfter, timelineChanges, type Timeline } from "../src/analyse/timeline.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Period, Study } from "../src/model.js";
import { visibleWidth } from "../src/render/textColumns.js";
import { runOnUnchangedData, SHIPPED_DATA } from "./helpers.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

const PERIOD_SOURCE = { doc: "fictief", page: 1 };
const period = (from?: string, to?: string): Period => ({ ...(from ? { from } : {}), ...(to ? { to } : {}), quote: "fictief", source: PERIOD_SOURCE });

/** A study where topic `geld` rests on one measure with money 2023-01-01 – 2025-12-31, and `vast` on an action without a period. */
function studyWithMoney() {
  const money = { ...action("alpha-geld", "measure", ["geld"]), period: period("2023-01-01", "2025-12-31") };
  return makeStudy({
    topics: [topic("geld"), topic("vast")],
    accords: [accord("alpha", [money, action("alpha-vast", "agreement", ["vast"])])],
    themes: [theme("t1", ["ouderen"], ["geld", "vast"])],
  });
}

describe("a period at its boundaries", () => {
  it("counts on its first and last day, not the day before or after; open ends are open", async () => {
    const p = period("2023-01-01", "2025-12-31");
    expect([inForce(p, "2022-12-31"), inForce(p, "2023-01-01"), inForce(p, "2025-12-31"), inForce(p, "2026-01-01")]).toEqual([false, true, true, false]);
    expect([inForce(period(undefined, "2025-12-31"), "1900-01-01"), inForce(period("2023-01-01"), "2999-12-31")]).toEqual([true, true]);
    expect(inForce(undefined, "2024-01-01")).toBe(true);
  });

  it("an action scores 0 outside its period, and the day after the end is when it lapses", async () => {
    const study = studyWithMoney();
    const at = (date: string) => computeCoverage(studyAsOf(study, date).study).topics.find((t) => t.id === "geld")!.national.score;
    expect([at("2022-12-31"), at("2023-01-01"), at("2025-12-31"), at("2026-01-01")]).toEqual([0, 1, 1, 0]);
    expect(dayAfter("2025-12-31")).toBe("2026-01-01");
    expect(dayAfter("2024-02-28")).toBe("2024-02-29");
    expect(studyAsOf(study, "2026-01-01").outOfPeriod.map((o) => [o.action.id, o.state])).toEqual([["alpha-geld", "lapsed"]]);
    expect(studyAsOf(study, "2022-06-01").outOfPeriod.map((o) => [o.action.id, o.state])).toEqual([["alpha-geld", "not-yet"]]);
  });

  it("an accord not in force is no column", async () => {
    const later = makeStudy({ topics: [topic("x")], accords: [{ ...accord("nieuw", [action("nieuw-a", "measure", ["x"])]), period: period("2025-08-31") }] });
    expect(computeCoverage(studyAsOf(later, "2025-08-30").study).accords).toEqual([]);
    expect(computeCoverage(studyAsOf(later, "2025-08-31").study).accords.map((a) => a.id)).toEqual(["nieuw"]);
  });

  it("the timeline has a point where money lapses, naming the action and where the period is stated", async () => {
    const timeline = computeTimeline(studyWithMoney(), { from: "2024-08-02" });
    expect(timeline.dates).toEqual(["2024-08-02", "2026-01-01"]);
    const geld = timeline.topics.find((t) => t.id === "geld")!;
    expect(geld.points.map((p) => [p.date, p.national, p.verdict])).toEqual([
      ["2024-08-02", 1, "mogelijke-witte-vlek"],
      ["2026-01-01", 0, "mogelijke-witte-vlek"],
    ]);
    expect(geld.points[1]!.events).toEqual([expect.objectContaining({ action: "alpha-geld", change: "lapses", periodSource: PERIOD_SOURCE })]);
    expect(timeline.topics.find((t) => t.id === "vast")!.changes).toBe(false);
  });
});

/** Whether `studyAsOf` counts the action on the date. */
function counts(study: Study, accordId: string, actionId: string, date: string): boolean {
  return studyAsOf(study, date).study.accords.some((a) => a.id === accordId && a.actions.some((x) => x.id === actionId));
}

function dayBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Per action its events, as `change@date level where`. */
function eventsByAction(timeline: Timeline): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { date, event } of timeline.events) (out[event.action] ??= []).push(`${event.change}@${date} ${event.level} p${event.periodSource.page ?? "-"}`);
  return out;
}

describe("an action's own period narrows its accord's: one begin and one lapse, where it starts or stops counting", () => {
  const accordPeriod = { ...period("2025-08-31", "2028-12-31"), source: { doc: "fictief", page: 49 } };
  const own = (from: string | undefined, to: string | undefined, page: number): Period => ({ ...period(from, to), source: { doc: "fictief", page } });
  const study = makeStudy({
    topics: [topic("x")],
    accords: [
      {
        ...accord("nieuw", [
          action("nieuw-geen", "measure", ["x"]),
          { ...action("nieuw-later", "measure", ["x"]), period: own("2027-01-01", "2028-12-31", 43) },
          { ...action("nieuw-zelfde-start", "measure", ["x"]), period: own("2025-08-31", "2030-12-31", 28) },
          { ...action("nieuw-eerder-op", "measure", ["x"]), period: own("2020-01-01", "2027-12-31", 18) },
          { ...action("nieuw-open", "measure", ["x"]), period: own(undefined, "2026-06-30", 5) },
          { ...action("nieuw-nooit", "measure", ["x"]), period: own("2029-06-01", "2030-01-01", 60) },
        ]),
        period: accordPeriod,
      },
    ],
    themes: [theme("t1", ["ouderen"], ["x"])],
  });
  const timeline = computeTimeline(study, { from: "2024-01-01" });

  it("lists each bound once: the accord's where it is the later start or the earlier end (also on a tie), else the action's own", () => {
    expect(eventsByAction(timeline)).toEqual({
      "nieuw-geen": ["begins@2025-08-31 accord p49", "lapses@2029-01-01 accord p49"],
      "nieuw-later": ["begins@2027-01-01 action p43", "lapses@2029-01-01 accord p49"],
      "nieuw-zelfde-start": ["begins@2025-08-31 accord p49", "lapses@2029-01-01 accord p49"],
      "nieuw-eerder-op": ["begins@2025-08-31 accord p49", "lapses@2028-01-01 action p18"],
      "nieuw-open": ["begins@2025-08-31 accord p49", "lapses@2026-07-01 action p5"],
      // Its own period lies after the accord's: it never counts, so nothing begins or lapses.
    });
    expect(timeline.dates).toEqual(["2024-01-01", "2025-08-31", "2026-07-01", "2027-01-01", "2028-01-01", "2029-01-01"]);
    expect(timeline.until).toBe("2029-01-01");
  });

  it("every event is a date where studyAsOf changes whether the action counts, and every such change is an event", () => {
    const candidates = [...new Set(timeline.events.map((e) => e.date).concat(["2029-06-01", "2030-01-02", "2031-01-01", "2020-01-01", "2026-07-01"]))];
    for (const act of study.accords[0]!.actions) {
      const flips = candidates.filter((d) => counts(study, "nieuw", act.id, d) !== counts(study, "nieuw", act.id, dayBefore(d))).sort();
      const events = timeline.events.filter((e) => e.event.action === act.id);
      expect(events.map((e) => e.date).sort(), act.id).toEqual(flips);
    }
  });

  it("groups the accord's bounds in one line per date, counting only the actions that begin or lapse with it", () => {
    const changes = timelineChanges(timeline).map(({ date, changes }) => [
      date,
      changes.map((c) => (c.kind === "accord" ? `${c.change} accord ${c.actions}` : `${c.change} ${c.action}`)),
    ]);
    expect(changes).toEqual([
      ["2025-08-31", ["begins accord 4"]],
      ["2026-07-01", ["lapses nieuw-open"]],
      ["2027-01-01", ["begins nieuw-later"]],
      ["2028-01-01", ["lapses nieuw-eerder-op"]],
      ["2029-01-01", ["lapses accord 3"]],
    ]);
  });
});

describe("the shipped study's timeline agrees with studyAsOf", () => {
  it("each action begins and lapses at most once, and only on a date where studyAsOf changes whether it counts", async () => {
    const { study } = await loadStudy(SHIPPED_DATA);
    expect(study).toBeDefined();
    const shipped = study!;
    const timeline = computeTimeline(shipped, { from: "1900-01-01" });
    expect(timeline.events.length).toBeGreaterThan(50);
    const seen = new Map<string, number>();
    for (const { date, event } of timeline.events) {
      const key = `${event.accord}/${event.action}/${event.change}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const now = counts(shipped, event.accord, event.action, date);
      const before = counts(shipped, event.accord, event.action, dayBefore(date));
      expect([key, date, before, now]).toEqual([key, date, event.change === "lapses", event.change === "begins"]);
    }
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    // And no change is missed: at every date any period names, a change in counting is an event.
    const named = new Set<string>();
    for (const accord of shipped.accords)
      for (const p of [accord.period, ...accord.actions.map((a) => a.period)]) {
        if (p?.from) named.add(p.from);
        if (p?.to) named.add(dayAfter(p.to));
      }
    for (const accord of shipped.accords)
      for (const act of accord.actions)
        for (const date of named) {
          if (counts(shipped, accord.id, act.id, date) === counts(shipped, accord.id, act.id, dayBefore(date))) continue;
          expect(
            timeline.events.some((e) => e.date === date && e.event.action === act.id),
            `${act.id} on ${date}`,
          ).toBe(true);
        }
  });
});

describe("moving --as-of never changes a topic none of whose actions has a period", () => {
  it("property over dates", async () => {
    const study = studyWithMoney();
    const date = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const base = computeCoverage(study).topics.find((t) => t.id === "vast")!;
    fc.assert(
      fc.property(date, (d) => {
        const vast = computeCoverage(studyAsOf(study, d).study).topics.find((t) => t.id === "vast")!;
        expect({ national: vast.national, verdict: vast.verdict, gap: vast.gap }).toEqual({ national: base.national, verdict: base.verdict, gap: base.gap });
      }),
      { numRuns: 100 },
    );
  });
});

describe("time through the CLI on the shipped study", () => {
  it("plain matrix has no AZWA column and the verdicts of --as-of the study date; at 2026-12-01 the AZWA is a column", async () => {
    const plain = await runOnUnchangedData(["matrix", "--format", "json"]);
    const atStudy = await runOnUnchangedData(["matrix", "--format", "json", "--as-of", "2024-08-02"]);
    expect(plain.stdout).toBe(atStudy.stdout);
    const json = JSON.parse(plain.stdout) as { accords: { id: string }[]; study: { asOf: string } };
    expect(json.accords.map((a) => a.id)).toEqual(["iza", "gala", "wozo", "taz"]);
    expect(json.study.asOf).toBe("2024-08-02");
    const later = JSON.parse((await runOnUnchangedData(["matrix", "--format", "json", "--as-of", "2026-12-01"])).stdout) as { accords: { id: string }[] };
    expect(later.accords.map((a) => a.id)).toEqual(["iza", "gala", "wozo", "taz", "azwa"]);
    const table = await runOnUnchangedData(["matrix", "--as-of", "2026-12-01"]);
    expect(table.stdout.split("\n")[0]).toContain("AZWA");
  });

  it("--as-of that is no calendar date is a usage error, exit 2", async () => {
    for (const bad of ["2024-02-30", "gisteren", "2024-13-01", "24-08-02"]) {
      const result = await runOnUnchangedData(["matrix", "--as-of", bad]);
      expect(result.status, bad).toBe(2);
      expect(result.stderr, bad).toContain(`--as-of needs a real date as YYYY-MM-DD, got "${bad}"`);
    }
  });

  it("timeline eenzaamheid shows the GALA earmark lapsing after 2025, with the page that says so", async () => {
    const result = await runOnUnchangedData(["timeline", "eenzaamheid"]);
    expect(result.status).toBe(0);
    // The topic's own dates: its coverage and verdict at each, and under the second what lapses there.
    const lines = result.stdout.split("\n").map((line) => line.trim());
    const first = lines.indexOf("2024-08-02 · landelijk 0.60 · ▲ mogelijke witte vlek (uitvoering)");
    expect(first).toBeGreaterThan(0);
    expect(lines[first - 1]).toBe("eenzaamheid · ongewijzigd");
    expect(lines[first + 1]).toBe("2026-01-01 · landelijk 0.60 · ▲ mogelijke witte vlek (uitvoering)");
    expect(lines[first + 2]).toBe("- vervalt: GALA gala-spuk-eenzaamheid — gala-2023 p. 38");
    const markdown = await runOnUnchangedData(["timeline", "eenzaamheid", "--format", "markdown", "--lang", "en"]);
    expect(markdown.stdout).toMatch(/^## Coverage over time\n/);
    expect(markdown.stdout).toContain("### Loneliness\n\n*eenzaamheid · unchanged*\n\n2024-08-02 · national 0.60 · ▲ possible white spot (implementation)\n");
    expect(markdown.stdout).toContain("- lapses: GALA gala-spuk-eenzaamheid — gala-2023 p. 38");
    const json = JSON.parse((await runOnUnchangedData(["timeline", "eenzaamheid", "--format", "json"])).stdout) as { topics: { points: { date: string }[] }[] };
    expect(json.topics[0]!.points[0]!.date).toBe("2024-08-02");
    expect((await runOnUnchangedData(["timeline", "eenzaamheidd"])).stderr).toContain('did you mean "eenzaamheid"?');
  });

  it("timeline arbeidsmarkt: AZWA's doorbraakmiddelen begin once, on their own date, as explain --as-of says", async () => {
    const result = await runOnUnchangedData(["timeline", "arbeidsmarkt"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n").map((line) => line.trim());
    // Not with the AZWA on 2025-08-31 (p. 49): the action's own period starts later (p. 43).
    expect(lines.filter((line) => line.includes(" azwa-doorbraakmiddelen "))).toEqual([
      "- begint: AZWA azwa-doorbraakmiddelen — azwa-2025 p. 43",
      "- vervalt: AZWA azwa-doorbraakmiddelen — azwa-2025 p. 49",
    ]);
    const begins = lines.indexOf("- begint: AZWA azwa-doorbraakmiddelen — azwa-2025 p. 43");
    const dateLine = lines
      .slice(0, begins)
      .reverse()
      .find((line) => /^\d{4}-\d{2}-\d{2} · /.test(line));
    expect(dateLine).toMatch(/^2027-01-01 · /);
    const explain = await runOnUnchangedData(["explain", "arbeidsmarkt", "--as-of", "2025-09-01"]);
    expect(explain.stdout).toContain("2027-01-01 – 2028-12-31");
  });

  it("timeline, screen and diff keep every line within the terminal width, wrapping long ids", async () => {
    const commands = [["timeline"], ["diff", "--as-of-old", "2024-08-02", "--as-of", "2027-06-01"], ["screen", "eenzaamheid"]];
    for (const args of commands) {
      // screen keeps 60 columns at the least: its passages need them.
      for (const columns of args[0] === "screen" ? [60, 80] : [40, 80]) {
        const lines = (await runOnUnchangedData(args, { env: { COLUMNS: String(columns) } })).stdout.split("\n");
        expect(lines.length, args.join(" ")).toBeGreaterThan(20);
        expect(
          lines.filter((line) => visibleWidth(line) > columns),
          `${args.join(" ")} at COLUMNS=${columns}`,
        ).toEqual([]);
      }
    }
  });

  it("diff --as-of-old compares two dates of the same data", async () => {
    const result = await runOnUnchangedData(["diff", "--as-of-old", "2024-08-02", "--as-of", "2026-12-01", "--format", "json"]);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout) as { accords: { added: string[] } };
    expect(diff.accords.added).toEqual(["azwa"]);
  });
});
