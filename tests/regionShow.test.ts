// `dekking region show`: one region's profile, and plan-gap computed from the demand, the
// national score against the threshold and the plan's status — never from a list. The region
// files written here are fictional and live in temporary copies of the minimal fixture.

import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, runInProcess } from "./helpers.js";

const cli = (args: string[]) => runInProcess(args, { columns: 100 });

interface ProfileJson {
  region: string;
  plan: { title: string };
  topics: {
    id: string;
    status: string;
    national: { score: number; threshold: number; commits: boolean };
    flags: string[];
    others: { region: string; status: string }[];
  }[];
  unassessed: { id: string }[];
}

/** Minimal fixture (national: gedekt-thema 1, beleid-kort 0.3, witte-plek 0, onbekend-thema 0.15; threshold 0.6) with two fictional plans. */
function studyWithPlans(noord: Record<string, string>): string {
  const dir = copyFixture();
  const file = (region: string, findings: Record<string, string>): string =>
    [
      "fictional: true",
      `region: ${region}`,
      "plan: { title: Fictief plan }",
      "assessed_by: Test",
      "assessed_on: 2024-01-10",
      "findings:",
      ...Object.entries(findings).map(([topic, status]) => `  ${topic}: { status: ${status} }`),
      "",
    ].join("\n");
  writeFileSync(path.join(dir, "regions", "regio-noord.yaml"), file("Regio Noord", noord));
  writeFileSync(path.join(dir, "regions", "regio-zuid.yaml"), file("Regio Zuid", { "gedekt-thema": "concrete", "witte-plek": "ambition" }));
  return dir;
}

describe("region show", () => {
  it("flags plan-gap where people asked, the accords commit and the plan is absent; unknown is niet beoordeeld, never a gap", async () => {
    const dir = studyWithPlans({ "gedekt-thema": "absent", "beleid-kort": "absent", "witte-plek": "unknown", "zonder-vraag": "absent" });
    const run = await cli(["region", "show", "Regio Noord", "--data", dir, "--format", "json"]);
    // The plans leave indicators out (warnings): one line on stderr says so and where to read them.
    expect(run.stderr).toMatch(/^dekking: 2 warnings about the data \(dekking validate --data \S+ lists them\)\n$/);
    expect(run.status).toBe(0);
    const profile = JSON.parse(run.stdout) as ProfileJson;
    expect(profile.region).toBe("Regio Noord");
    // gedekt-thema: asked for, national 1 ≥ 0.6, absent → plan-gap; beleid-kort: absent but national 0.3 < 0.6 → none.
    expect(profile.topics.map((t) => [t.id, t.status, t.national.commits, t.flags])).toEqual([
      ["gedekt-thema", "absent", true, ["plan-gap"]],
      ["beleid-kort", "absent", false, []],
    ]);
    expect(profile.topics[0]!.others).toEqual([{ region: "Regio Zuid", status: "concrete" }]);
    // witte-plek is unknown and onbekend-thema not in the file: both niet beoordeeld; zonder-vraag has no demand: not shown.
    expect(profile.unassessed.map((u) => u.id).sort()).toEqual(["onbekend-thema", "witte-plek"]);
    const table = await cli(["region", "show", "regio-noord", "--data", dir]);
    expect(table.stdout).toMatch(/^Regioprofiel: Regio Noord\n/);
    const flat = table.stdout.replace(/\s+/g, " ");
    expect(flat).toContain("4 onderwerpen met vraag: 2 beoordeeld in dit plan, 2 niet.");
    expect(flat).toContain(
      "Plan-gap bij 1 onderwerp: mensen vroegen erom, de akkoorden binden zich eraan (landelijk ≥ 0.60) en dit plan is afwezig: Gedekt thema.",
    );
    // The flagged topic comes first; each row says the plan's status, the national score against the threshold, the other plans and the flag.
    const rows = table.stdout.slice(table.stdout.indexOf("Gedekt thema (")).split(/\n(?= {2}\S)/);
    expect(rows[0]).toMatch(/^Gedekt thema \(gedekt-thema · ▲ mogelijke witte vlek\)/);
    expect(rows[0]!.replace(/\s+/g, " ")).toContain("Plan: afwezig");
    expect(rows[0]!.replace(/\s+/g, " ")).toContain("Landelijk: 1.00 (≥ 0.60 · ALPHA 1.00, BETA 0.60)");
    expect(rows[0]!.replace(/\s+/g, " ")).toContain("Andere plannen: Regio Zuid concreet");
    expect(rows[0]!.replace(/\s+/g, " ")).toContain("Vlag: plan-gap");
    expect(rows[1]!.trimStart()).toMatch(/^Beleid schiet tekort \(beleid-kort · ▲ mogelijke witte vlek\)/);
    expect(rows[1]!.replace(/\s+/g, " ")).toContain("Landelijk: 0.30 (< 0.60 · ALPHA 0.30)");
    expect(rows[1]!.replace(/\s+/g, " ")).toContain("Vlag: —");
    expect(flat).toContain("Niet beoordeeld (geen oordeel, dus ook geen plan-gap): Witte plek (witte-plek), Onbekend in de regio (onbekend-thema).");
    const markdown = await cli(["region", "show", "Regio Noord", "--data", dir, "--format", "markdown"]);
    expect(markdown.stdout).toMatch(/^\| Gedekt thema<br>gedekt-thema · ▲ mogelijke witte vlek \| .* \| afwezig \| .* \| \*\*plan-gap\*\* \|$/m);
  });

  it("the same plan with the topic concrete or ambition has no gap", async () => {
    for (const status of ["concrete", "ambition"]) {
      const dir = studyWithPlans({ "gedekt-thema": status });
      const profile = JSON.parse((await cli(["region", "show", "Regio Noord", "--data", dir, "--format", "json"])).stdout) as ProfileJson;
      expect(profile.topics.find((t) => t.id === "gedekt-thema")?.flags).toEqual([]);
    }
  });

  it("an unknown region, or a sample region without a plan: exit 2 with did you mean", async () => {
    const dir = studyWithPlans({ "gedekt-thema": "absent" });
    const typo = await cli(["region", "show", "Regio Nord", "--data", dir]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean "Regio Noord"?');
    expect(typo.stdout).toBe("");
  });

  it("on the shipped study: palliatieve zorg is a plan-gap of Flevoland at 2026-12-06 (the AZWA commits), none at the study's own date", async () => {
    const late = JSON.parse((await cli(["region", "show", "Flevoland", "--as-of", "2026-12-06", "--format", "json"])).stdout) as ProfileJson;
    const palliatief = late.topics.find((t) => t.id === "palliatieve-zorg");
    expect(palliatief).toMatchObject({ status: "absent", flags: ["plan-gap"] });
    expect(palliatief!.national.score).toBeGreaterThanOrEqual(palliatief!.national.threshold);
    // Every flag follows from its own numbers.
    for (const t of late.topics) expect(t.flags.includes("plan-gap")).toBe(t.status === "absent" && t.national.score >= t.national.threshold);
    const own = JSON.parse((await cli(["region", "show", "Flevoland", "--format", "json"])).stdout) as ProfileJson;
    expect(own.topics.find((t) => t.id === "palliatieve-zorg")).toMatchObject({ status: "absent", flags: [] });
    expect(own.topics.filter((t) => t.flags.length > 0)).toEqual([]);
  }, 30_000);

  it("says a page once: a passage on p. 65 beside one on pp. 64-65 of the same plan reads '64-65'", async () => {
    const own = JSON.parse((await cli(["region", "show", "Flevoland", "--format", "json"])).stdout) as {
      topics: { id: string; evidence: { page: string | number | null }[] }[];
    };
    // The data holds both passages (the JSON keeps them all) ...
    expect(
      own.topics
        .find((t) => t.id === "tijdelijk-verblijf")!
        .evidence.map((e) => String(e.page))
        .sort(),
    ).toEqual(["64-65", "65"]);
    // ... and the profile's pages say 64-65 once.
    const table = (await cli(["region", "show", "Flevoland"])).stdout;
    expect(table).toContain("Bewijs (p.): 64-65");
    expect(table).not.toContain("64-65, 65");
  }, 30_000);
});
