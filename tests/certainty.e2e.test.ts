// End to end: `dekking sensitivity`, `matrix --sort priority` and the minimum evidence, by
// running the real bin on the shipped study and on a copy of it.

import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, runOnUnchangedData, SHIPPED_DATA, tempDir } from "./helpers.js";

interface SensitivityJson {
  topics: {
    id: string;
    verdict: string;
    robust: boolean;
    flips: { kind: string; what: string; from: unknown; to: unknown; verdict: string }[];
    priority: number | null;
  }[];
}

describe("dekking sensitivity", { timeout: 30_000 }, () => {
  it("lists, per topic with demand, the single changes that flip its verdict", async () => {
    const json = await runOnUnchangedData(["sensitivity", "--format", "json"]);
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as SensitivityJson;
    expect(result.topics).toHaveLength(27);
    const palliative = result.topics.find((t) => t.id === "palliatieve-zorg")!;
    expect(palliative.robust).toBe(false);
    // With the Flevoland plan (absent) the regional estimate is ~0.27: just under the white-spot threshold.
    expect(palliative.flips).toContainEqual({
      kind: "rule",
      what: "white_spot_regional_threshold",
      from: 0.3,
      to: 0.25,
      verdict: "mogelijke-witte-vlek",
      gap: "beide",
    });
    expect(palliative.flips).toContainEqual({
      kind: "status",
      what: "regions/flevoland.yaml",
      region: "Flevoland",
      from: "absent",
      to: "ambition",
      verdict: "mogelijke-witte-vlek",
      gap: "beide",
    });
    expect(result.topics.find((t) => t.id === "hulpmiddelen")).toMatchObject({ robust: true, flips: [] });

    const table = await runOnUnchangedData(["sensitivity", "palliatieve-zorg"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("rules.yaml white_spot_regional_threshold: 0.30 → 0.25 ⇒ mogelijke witte vlek");
    expect(table.stdout).toContain("steekproef: een deel van de plannen → de helft ⇒ mogelijke witte vlek");
    expect(table.stdout).toContain("Flevoland (regions/flevoland.yaml): status afwezig → ambitie ⇒ mogelijke witte vlek");
    expect(table.stdout).toContain("■ witte vlek — gevoelig (!) · onzeker (±) — regionaal ~0.27 (0.18–0.36), landelijk 0.00");
    expect(table.stdout).toContain("Pessimistisch: witte vlek · optimistisch: mogelijke witte vlek");
    expect(table.stdout).toContain("1 onderwerp: 0 robuust, 1 gevoelig; 1 onzeker binnen het interval.");
    expect(table.stderr).toBe("");
    const markdown = await runOnUnchangedData(["sensitivity", "palliatieve-zorg", "--format", "markdown", "--lang", "en"]);
    expect(markdown.stdout).toMatch(/^## Sensitivity of the verdicts\n/);
    expect(markdown.stdout).toContain("### Palliative and end-of-life care (palliatieve-zorg)");
    expect(markdown.stdout).toContain("- rules.yaml white\\_spot\\_regional\\_threshold: 0.30 → 0.25 ⇒ possible white spot (both)");
  });
  it("refuses an unknown topic with a suggestion, exit 2", async () => {
    const result = await runOnUnchangedData(["sensitivity", "palliatieve-zorgg"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "palliatieve-zorg"?');
  });
  it("matrix --sort priority puts the flagged topics first, by rank", async () => {
    const result = await runOnUnchangedData(["matrix", "--sort", "priority", "--format", "json"]);
    const topics = (JSON.parse(result.stdout) as SensitivityJson).topics;
    const flagged = topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek").length;
    expect(flagged).toBeGreaterThan(10);
    expect(topics.slice(0, flagged).map((t) => t.priority)).toEqual(Array.from({ length: flagged }, (_, i) => i + 1));
    expect(topics.slice(flagged).every((t) => t.priority === null)).toBe(true);
    const first = topics[0]!;
    const table = (await runOnUnchangedData(["matrix", "--sort", "priority"])).stdout;
    expect(table.split("\n")[2]).toMatch(/^ {2}1\. \S/);
    expect(first.priority).toBe(1);
  });
  it("--evidence report still reproduces the 2024 study", async () => {
    const result = await runOnUnchangedData(["matrix", "--evidence", "report"]);
    expect(result.stdout).toContain("44 onderwerpen: 3 witte vlekken, 14 mogelijke witte vlekken, 10 gedekt, 17 geen signaal.");
  });
});

describe("minimum evidence on a copy of the shipped data", { timeout: 30_000 }, () => {
  it("one region file alone that assesses a topic the sample did not assess gives no regional score", async () => {
    const data = path.join(tempDir(), "data");
    cpSync(SHIPPED_DATA, data, { recursive: true });
    // Start without the shipped Flevoland assessment: one new, nearly empty file for the region.
    rmSync(path.join(data, "regions", "flevoland.yaml"));
    expect((await runInProcess(["region", "add", "Flevoland", "--data", data])).status).toBe(0);
    const file = path.join(data, "regions", "flevoland.yaml");
    // indicatiestelling: the sample did not assess it; one concrete plan would have given 1.00 ≥ 0.50 (1 region).
    // The scaffold lists it (a topic with demand) as unknown: assess it concrete.
    const scaffold = readFileSync(file, "utf8");
    expect(scaffold).toContain("  indicatiestelling:\n    status: unknown\n");
    writeFileSync(file, scaffold.replace("  indicatiestelling:\n    status: unknown\n", "  indicatiestelling:\n    status: concrete\n"));
    const result = await runInProcess(["matrix", "--data", data, "--format", "json"]);
    expect(result.status).toBe(0);
    const topic = (
      JSON.parse(result.stdout) as { topics: { id: string; verdict: string; regional: Record<string, unknown>; reasons: { code: string }[] }[] }
    ).topics.find((t) => t.id === "indicatiestelling")!;
    expect(topic.regional).toMatchObject({ score: null, interval: null, evidence_regions: 1, minimum_regions: 3 });
    expect(topic.reasons.map((r) => r.code)).toContain("regional-insufficient");
    expect(topic.verdict).toBe("mogelijke-witte-vlek");
  });
});
