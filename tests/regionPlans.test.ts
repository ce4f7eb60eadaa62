// Region plans as real plans are written: agreement between two assessors (hand-computed on
// FICTIONAL assessments), look-alike region names, region add without --data, and the
// Flevoland plan in the JSON contract.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { visibleWidth } from "../src/render/textColumns.js";
import { describe, expect, it } from "vitest";
import { computeAgreement } from "../src/analyse/agreement.js";
import { loadStudy } from "../src/loadStudy.js";
import type { PlanStatus } from "../src/model.js";
import { FIXTURES, MINIMAL, runInProcess, tempDir } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const A = path.join(FIXTURES, "agreement", "a.yaml");
const B = path.join(FIXTURES, "agreement", "b.yaml");

describe("agreement between two assessments of one plan", () => {
  // The fixtures, by hand (rows A, columns B; absent, ambition, concrete), the 11th and 12th
  // topics (netwerkorganisaties, formele-informele-zorg) not compared (one side unknown):
  //   A absent   [2, 1, 0]      row shares 0.3, 0.3, 0.4; column shares 0.4, 0.4, 0.2
  //   A ambition [1, 2, 0]      observed agreement 6/10 = 0.6
  //   A concrete [1, 1, 2]      chance agreement 0.3·0.4 + 0.3·0.4 + 0.4·0.2 = 0.32
  // kappa = (0.6 − 0.32) / (1 − 0.32) = 0.28 / 0.68 = 0.4118
  // linear weights 1, 0.5, 0: observed 0.6 + 0.5·(1 + 1 + 1)/10 = 0.75;
  //   chance 0.12 + 0.06 + 0.06 + 0.12 + 0.03 + 0.08 + 0.08 = 0.55; weighted kappa = 0.2 / 0.45 = 0.4444
  it("gives the hand-computed percentage and kappas", async () => {
    const statuses = (file: string): Record<string, { status: PlanStatus }> => {
      const entries = [...readFileSync(file, "utf8").matchAll(/^ {2}([a-z-]+): \{ status: (\w+) \}$/gm)];
      return Object.fromEntries(entries.map((m) => [m[1]!, { status: m[2] as PlanStatus }]));
    };
    const result = computeAgreement(statuses(A), statuses(B));
    expect(result.compared).toBe(10);
    expect(result.agreeing).toBe(6);
    expect(result.percentage).toBe(0.6);
    expect(result.counts).toEqual([
      [2, 1, 0],
      [1, 2, 0],
      [1, 1, 2],
    ]);
    expect(result.kappa).toBe(0.4118);
    expect(result.weightedKappa).toBe(0.4444);
    expect(result.pairs.filter((p) => !p.compared).map((p) => p.topic)).toEqual(["formele-informele-zorg", "netwerkorganisaties"]);
  });

  it("perfect agreement is kappa 1; one status only on both sides leaves kappa undefined", async () => {
    const same = { a: { status: "concrete" as const }, b: { status: "absent" as const } };
    expect(computeAgreement(same, same).kappa).toBe(1);
    const one = { a: { status: "concrete" as const } };
    expect(computeAgreement(one, one).kappa).toBeNull();
    expect(computeAgreement({}, {}).percentage).toBeNull();
  });

  it("through the CLI, and a broken file gets file:line:col and exit 2", async () => {
    const result = await runInProcess(["agreement", A, B]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Vergeleken: 10 onderwerpen die beide beoordeelden; eens: 6 (60%)");
    expect(result.stdout).toContain("Cohen's kappa: 0.41 · gewogen (lineair, afwezig < ambitie < concreet): 0.44");
    for (const columns of ["40", "80"]) {
      const narrow = await runInProcess(["agreement", A, B], { env: { COLUMNS: columns } });
      const lines = narrow.stdout.split("\n");
      expect(
        lines.filter((line) => visibleWidth(line) > Number(columns)),
        `COLUMNS=${columns}`,
      ).toEqual([]);
      expect(narrow.stdout).toContain("Cohen's kappa: 0.41");
    }
    const json = JSON.parse((await runInProcess(["agreement", A, B, "--format", "json"])).stdout) as { kappa: number; weightedKappa: number };
    expect([json.kappa, json.weightedKappa]).toEqual([0.4118, 0.4444]);
    const broken = path.join(tempDir(), "c.yaml");
    writeFileSync(broken, readFileSync(B, "utf8").replace("inzet-vitale-ouderen: { status: ambition }", "inzet-vitale-ouderen: { status: ambitie }"));
    const bad = await runInProcess(["agreement", A, broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/c\.yaml:14:35 {2}error/);
    expect(bad.stderr).toContain('did you mean "ambition"?');
  });
});

/** Loads the minimal fixture with one more region plan, regions/noord.yaml. */
async function loadWithRegionPlan(text: string): ReturnType<typeof loadStudy> {
  const dir = path.join(tempDir(), "data");
  cpSync(MINIMAL, dir, { recursive: true });
  writeFileSync(path.join(dir, "regions", "noord.yaml"), text);
  return loadStudy(dir);
}

describe("region names and region add", () => {
  it("a region name that differs from a sample region only in case or look-alike letters gets a warning with did-you-mean", async () => {
    // "Regio Noord" with a Cyrillic о and in lower case: the same name to a reader.
    const result = await loadWithRegionPlan("region: regio N\u043Eord\nplan: { title: Fictief }\nassessed_by: Test\nassessed_on: 2024-01-01\nfindings: {}\n");
    const warning = result.findings.find((f) => f.code === "look-alike-region");
    // A warning, so the study still loads and every command runs.
    expect(result.study).toBeDefined();
    expect(warning).toMatchObject({ severity: "warning", file: "regions/noord.yaml", position: { line: 0, col: 8 } });
    expect(formatFinding(warning!).hint).toBe('did you mean "Regio Noord"?');
  });

  it("a concrete or ambition finding without the plan's words, and a quote without its page, get a warning at the finding", async () => {
    const result = await loadWithRegionPlan(
      [
        "region: Regio Noord",
        "plan: { title: Fictief }",
        "assessed_by: Test",
        "assessed_on: 2024-01-01",
        "findings:",
        "  gedekt-thema:",
        "    status: concrete",
        "  witte-plek:",
        "    status: ambition",
        "    quote: Fictief citaat",
        "  beleid-kort:",
        "    status: absent",
        "",
      ].join("\n"),
    );
    expect(result.study).toBeDefined();
    const warnings = result.findings
      .filter((f) => f.code === "missing-quote" || f.code === "quote-without-page")
      .map((f) => ({ severity: f.severity, file: f.file, at: `${f.position!.line + 1}:${f.position!.col + 1}`, message: formatFinding(f).message }));
    expect(warnings).toEqual([
      { severity: "warning", file: "regions/noord.yaml", at: "7:13", message: '"gedekt-thema" is concrete without the plan\'s words' },
      { severity: "warning", file: "regions/noord.yaml", at: "10:12", message: 'the quote of "witte-plek" has no page' },
    ]);
  });

  it("region add without --data refuses, writing nothing, and says how to start from a copy", async () => {
    const result = await runInProcess(["region", "add", "Zeeland"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("region add writes a new file into a data folder: give it with --data DIR");
  });
});

describe("the Flevoland plan in the outputs", () => {
  it("matrix --format json carries the plan's findings with their passages per topic", async () => {
    const json = JSON.parse((await runInProcess(["matrix", "--format", "json"])).stdout) as {
      topics: {
        id: string;
        regional: { plans: { region: string; status: string; scope: string; passages: { quote: string; page: number | string; doc: string }[] }[] };
      }[];
    };
    const spoedzorg = json.topics.find((t) => t.id === "spoedzorg")!;
    expect(spoedzorg.regional.plans).toHaveLength(1);
    const plan = spoedzorg.regional.plans[0]!;
    expect(plan.region).toBe("Flevoland");
    expect(plan.passages.length).toBeGreaterThan(0);
    expect(plan.passages[0]!.doc).toBe("regioplan-flevoland-2023");
  });

  it("regions shows Flevoland with its completeness", async () => {
    const result = await runInProcess(["regions"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Flevoland");
    expect(result.stdout).toMatch(/29\/29|100 ?%/);
  });
});
