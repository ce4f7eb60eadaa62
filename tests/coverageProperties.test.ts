// Properties of the verdict rules on generated fictional studies.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { decideVerdict } from "../src/analyse/scoring.js";
import type { Verdict } from "../src/analyse/coverage.js";
import type { Group, Prevalence, Strength } from "../src/model.js";
import { accord, action, DEFAULT_RULES, makeStudy, theme, topic } from "./studyBuilder.js";

/** Worse verdicts rank lower. geen-signaal is not a judgement and is compared separately. */
const RANK: Record<Exclude<Verdict, "geen-signaal">, number> = { "witte-vlek": 0, "mogelijke-witte-vlek": 1, "gedekt": 2 };
const rank = (v: Verdict): number => (v === "geen-signaal" ? Number.NaN : RANK[v]);

const score = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const STRENGTHS: Strength[] = ["mention", "agreement", "measure"];
const PREVALENCES: Exclude<Prevalence, "not-assessed">[] = ["none", "few", "some", "half", "more-than-half", "most", "almost-all", "all"];
const GROUP_SETS: Group[][] = [["ouderen"], ["ouderen", "professionals"], ["ouderen", "professionals", "experts"]];

describe("verdict properties (decideVerdict)", () => {
  it("raising national or regional coverage never worsens a verdict", () => {
    fc.assert(
      fc.property(score, score, score, score, fc.constantFrom(0.5, 0.75), (n, r, dn, dr, required) => {
        const before = decideVerdict(n, r, required, DEFAULT_RULES).verdict;
        const after = decideVerdict(Math.min(1, n + dn), Math.min(1, r + dr), required, DEFAULT_RULES).verdict;
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
    );
  });
  it("requiring more (more demand) never improves a verdict", () => {
    fc.assert(
      fc.property(score, fc.option(score, { nil: null }), (n, r) => {
        const one = decideVerdict(n, r, DEFAULT_RULES.required_coverage.one_group, DEFAULT_RULES).verdict;
        const more = decideVerdict(n, r, DEFAULT_RULES.required_coverage.two_or_more_groups, DEFAULT_RULES).verdict;
        expect(rank(more)).toBeLessThanOrEqual(rank(one));
      }),
    );
  });
});

interface Generated {
  strengths: (Strength | null)[];
  prevalence: Exclude<Prevalence, "not-assessed">;
  groups: number;
}

const generated: fc.Arbitrary<Generated> = fc.record({
  strengths: fc.array(fc.option(fc.constantFrom(...STRENGTHS), { nil: null }), { minLength: 1, maxLength: 4 }),
  prevalence: fc.constantFrom(...PREVALENCES),
  groups: fc.integer({ min: 0, max: 2 }),
});

function studyOf(g: Generated, order: "forward" | "reverse" = "forward") {
  const accords = g.strengths.map((strength, i) => accord(`a${i}`, strength ? [action(`a${i}-x`, strength, ["t"]), action(`a${i}-y`, "mention", ["u"])] : []));
  const themes = [theme("th1", GROUP_SETS[g.groups]!, ["t"]), theme("th2", ["experts"], ["u"])];
  const topics = [topic("t"), topic("u", "wonen")];
  const rev = <T>(list: T[]): T[] => (order === "reverse" ? [...list].reverse() : list);
  return makeStudy({
    accords: rev(accords.map((a) => ({ ...a, actions: rev(a.actions) }))),
    themes: rev(themes),
    topics: rev(topics),
    sample: { t: { prevalence: g.prevalence }, u: { prevalence: "some" } },
  });
}

const verdictOf = (g: Generated): Verdict => computeCoverage(studyOf(g)).topics.find((t) => t.id === "t")!.verdict;

describe("verdict properties (computeCoverage on generated studies)", () => {
  it("raising an action's strength never worsens a verdict", () => {
    fc.assert(
      fc.property(generated, fc.nat(), (g, pick) => {
        const i = pick % g.strengths.length;
        const current = g.strengths[i] ?? null;
        const stronger = current === null ? "mention" : STRENGTHS[Math.min(2, STRENGTHS.indexOf(current!) + 1)]!;
        const raised = { ...g, strengths: g.strengths.map((s, j) => (j === i ? stronger : s)) };
        expect(rank(verdictOf(raised))).toBeGreaterThanOrEqual(rank(verdictOf(g)));
      }),
    );
  });
  it("raising the regional prevalence never worsens a verdict", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const higher = PREVALENCES[Math.min(PREVALENCES.length - 1, PREVALENCES.indexOf(g.prevalence) + 1)]!;
        expect(rank(verdictOf({ ...g, prevalence: higher }))).toBeGreaterThanOrEqual(rank(verdictOf(g)));
      }),
    );
  });
  it("adding demand never improves a verdict", () => {
    fc.assert(
      fc.property(generated, (g) => {
        fc.pre(g.groups < 2);
        expect(rank(verdictOf({ ...g, groups: g.groups + 1 }))).toBeLessThanOrEqual(rank(verdictOf(g)));
      }),
    );
  });
  it("the result does not depend on the order of accords, actions, themes or topics", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const forward = computeCoverage(studyOf(g, "forward"));
        const reverse = computeCoverage(studyOf(g, "reverse"));
        const byId = (c: typeof forward) =>
          Object.fromEntries(
            c.topics.map((t) => [
              t.id,
              { verdict: t.verdict, gap: t.gap, national: t.national.score, breadth: t.national.breadth, regional: t.regional.score, reasons: t.reasons },
            ]),
          );
        expect(byId(reverse)).toEqual(byId(forward));
      }),
    );
  });
});
