// Time: periods at their boundaries, the timeline, --as-of end to end, and a property that
// moving the date never changes a topic none of whose actions has a period. FICTIONAL data
// from the study builder, and the shipped study through the real bin.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { inForce, studyAsOf } from "../src/analyse/evidenceView.js";
import { computeTimeline, dayAfter } from "../src/analyse/timeline.js";
import type { Period } from "../src/model.js";
import { visibleWidth } from "../src/render/textColumns.js";
import { runOnUnchangedData } from "./helpers.js";
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
