// `dekking agreement` for two codings of one accord (issue 26), in-process from FICTIONAL
// fixtures (tests/fixtures/agreement/accord-*.yaml). The expected figures are computed by hand
// below, not copied from the program.

import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { computeAccordAgreement } from "../src/analyse/accordAgreement.js";
import { runAgreement, type AgreementOptions } from "../src/commands/agreement.js";
import type { Io } from "../src/commands/context.js";
import { UsageError } from "../src/errors.js";
import { loadDataFile } from "../src/loadStudy.js";
import type { Accord } from "../src/model.js";
import { FIXTURES, SHIPPED_DATA } from "./helpers.js";

const DIR = path.join(FIXTURES, "agreement");
const file = (name: string) => path.join(DIR, name);
const TOPICS = ["gedekt-thema", "beleid-kort", "witte-plek"];

async function accord(name: string): Promise<Accord> {
  const loaded = await loadDataFile(file(name), name, "accord");
  expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  return loaded.value as Accord;
}

function run(a: string, b: string, extra: Partial<AgreementOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { NO_COLOR: "1" }, isTTY: false, columns: 100, cwd: DIR };
  const options: AgreementOptions = { a, b, format: "table", lang: "en", data: path.join(DIR, "three-topics"), ...extra };
  return { outcome: runAgreement(options, io), out, err };
}

describe("agreement between two codings of one accord", () => {
  // The fixtures: actions x1–x4 in both files (x9 only in B), topics gedekt-thema (t1),
  // beleid-kort (t2), witte-plek (t3).
  //   A: x1 measure {t1, t2 general} period 2023–2025; x2 agreement {t1}; x3 agreement {}; x4 mention {t3}
  //   B: x1 measure {t1, t2}         period 2023–2025; x2 agreement {t1, t3}; x3 mention {} from 2024; x4 mention {}
  it("computes per field the percentage and Cohen's kappa (hand-computed)", async () => {
    const result = computeAccordAgreement("alpha", (await accord("accord-a.yaml")).actions, (await accord("accord-b.yaml")).actions, TOPICS);
    expect(result.actions).toEqual(["x1", "x2", "x3", "x4"]);
    expect(result.onlyInA).toEqual([]);
    expect(result.onlyInB).toEqual(["x9"]);

    // Topic links, 4 actions × 3 topics = 12 decisions: both linked 3 (x1 t1, x1 t2, x2 t1),
    // only A 1 (x4 t3), only B 1 (x2 t3), neither 7. p_o = 10/12.
    // A links 4/12, B links 4/12: p_e = (4/12)² + (8/12)² = 80/144. κ = (120 − 80)/(144 − 80) = 40/64 = 0.625.
    expect(result.links.compared).toBe(12);
    expect(result.links.agreeing).toBe(10);
    expect(result.links.percentage).toBeCloseTo(0.8333, 4);
    expect(result.links.kappa).toBeCloseTo(0.625, 4);
    expect(result.links.onlyInA).toEqual([{ action: "x4", topic: "witte-plek", a: "linked", b: "not linked" }]);
    expect(result.links.onlyInB).toEqual([{ action: "x2", topic: "witte-plek", a: "not linked", b: "linked" }]);

    // Strength (rows A, columns B; mention, agreement, measure):
    //   mention [1 0 0] · agreement [1 1 0] · measure [0 0 1]; p_o = 3/4.
    //   A marginals .25 .5 .25, B .5 .25 .25: p_e = .125 + .125 + .0625 = .3125.
    //   κ = (.75 − .3125)/(1 − .3125) = .4375/.6875 = 0.6364.
    // Linear weights 1, .5, 0: observed .75 + .5·.25 = .875;
    //   expected = Σ w·rA·cB = .25(1·.5 + .5·.25) + .5(.5·.5 + 1·.25 + .5·.25) + .25(.5·.25 + 1·.25)
    //            = .15625 + .3125 + .09375 = .5625;
    //   κw = (.875 − .5625)/(1 − .5625) = .3125/.4375 = 0.7143.
    expect(result.strength.counts).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(result.strength.percentage).toBe(0.75);
    expect(result.strength.kappa).toBeCloseTo(0.6364, 4);
    expect(result.strength.weightedKappa).toBeCloseTo(0.7143, 4);
    expect(result.strength.disagreements).toEqual([{ action: "x3", a: "agreement", b: "mention" }]);

    // Scope over the 3 links both made: x1 t1 (specific, specific), x1 t2 (general, specific),
    // x2 t1 (specific, specific). p_o = 2/3; A specific 2/3, general 1/3; B specific 3/3:
    // p_e = 2/3 · 1 + 1/3 · 0 = 2/3, so κ = 0 although two thirds agree.
    expect(result.scope.compared).toBe(3);
    expect(result.scope.percentage).toBeCloseTo(0.6667, 4);
    expect(result.scope.kappa).toBe(0);
    expect(result.scope.disagreements).toEqual([{ action: "x1", topic: "beleid-kort", a: "general", b: "specific" }]);

    // Period: x1 same (2023-01-01…2025-12-31), x2 none/none, x3 none / from 2024, x4 none/none. p_o = 3/4.
    // A: none 3/4, P1 1/4; B: none 2/4, P1 1/4, P2 1/4: p_e = 3/4·2/4 + 1/4·1/4 = 7/16.
    // κ = (12/16 − 7/16)/(9/16) = 5/9 = 0.5556.
    expect(result.period.percentage).toBe(0.75);
    expect(result.period.kappa).toBeCloseTo(0.5556, 4);
    expect(result.period.disagreements).toEqual([{ action: "x3", a: "none", b: "2024-01-01…" }]);
  });

  it("identical codings agree fully in every direction", async () => {
    const a = (await accord("accord-a.yaml")).actions;
    const result = computeAccordAgreement("alpha", a, a, TOPICS);
    expect(result.links.kappa).toBe(1);
    expect(result.strength.kappa).toBe(1);
    expect(result.strength.weightedKappa).toBe(1);
    expect(result.links.onlyInA).toEqual([]);
    expect(result.links.onlyInB).toEqual([]);
  });

  it("the command prints every field with its kappa, lists the disagreements and the ids in one file only, exit ok", async () => {
    const { outcome, out, err } = run("accord-a.yaml", "accord-b.yaml");
    expect(await outcome).toBe("ok");
    const text = out.join("");
    expect(text).toMatch(/topic links \(action × topic\)\s+12\s+10\s+83%\s+0\.63/);
    expect(text).toMatch(/strength\s+4\s+3\s+75%\s+0\.64\s+0\.71/);
    expect(text).toMatch(/scope \(links both made\)\s+3\s+2\s+67%\s+0\.00/);
    expect(text).toMatch(/period\s+4\s+3\s+75%\s+0\.56/);
    expect(text).toContain("x4 · witte-plek: A linked, B not linked");
    expect(text).toContain("x2 · witte-plek: A not linked, B linked");
    expect(text).toContain("only in B: x9");
    expect(err.join("")).toContain("only in accord-b.yaml, not compared: x9");
  });

  it("in Dutch, the disagreements' values are Dutch words too: link decisions, strengths, scopes, no period", async () => {
    const { outcome, out } = run("accord-a.yaml", "accord-b.yaml", { lang: "nl" });
    expect(await outcome).toBe("ok");
    const text = out.join("");
    expect(text).toContain("x4 · witte-plek: A gekoppeld, B niet gekoppeld");
    expect(text).toContain("x3: A afspraak, B genoemd");
    expect(text).toContain("x1 · beleid-kort: A algemeen, B specifiek");
    expect(text).toContain("x3: A geen, B 2024-01-01…");
    expect(text).toContain("Sterkte: genoemd < afspraak < maatregel;");
    expect(text).not.toMatch(/\b(linked|agreement|mention|general|specific|none)\b/);
  });

  it("JSON carries the same figures", async () => {
    const { outcome, out } = run("accord-a.yaml", "accord-b.yaml", { format: "json" });
    expect(await outcome).toBe("ok");
    const json = JSON.parse(out.join("")) as { kind: string; strength: { kappa: number }; links: { onlyInB: unknown[] } };
    expect(json.kind).toBe("accord");
    expect(json.strength.kappa).toBeCloseTo(0.6364, 4);
    expect(json.links.onlyInB).toHaveLength(1);
  });

  it("different accords, an accord against a region plan, and no common id are usage errors", async () => {
    await expect(run("accord-a.yaml", "accord-other.yaml").outcome).rejects.toThrow(/different accords \("alpha" and "beta"\)/);
    await expect(run("accord-a.yaml", "a.yaml").outcome).rejects.toThrow(UsageError);
    await expect(run("a.yaml", "accord-a.yaml").outcome).rejects.toThrow(/is a region plan and .* is an accord/);
    await expect(run("accord-a.yaml", "accord-disjoint.yaml").outcome).rejects.toThrow(/no action id in common/);
  });

  it("two region plans still compare statuses", async () => {
    // Region plans are checked against the shipped study's topics (their fixtures use its ids).
    const { outcome, out } = run("a.yaml", "b.yaml", { data: SHIPPED_DATA });
    expect(await outcome).toBe("ok");
    expect(out.join("")).toContain("Cohen's kappa");
  });
});
