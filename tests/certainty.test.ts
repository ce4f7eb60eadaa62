// How sure a verdict is: intervals, minimum evidence, the sensitivity enumeration at each kind
// of change, priority, and the renderers, on small fictional studies built in code.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage, regionalCoverageOf } from "../src/analyse/computeCoverage.js";
import { indexStudy } from "../src/analyse/scoring.js";
import { regionalTally, ruleVariants, tallyScore } from "../src/analyse/sensitivity.js";
import type { Coverage, TopicCoverage, Verdict } from "../src/analyse/coverage.js";
import type { Prevalence, Rules } from "../src/model.js";
import { NO_PAINT } from "../src/render/paint.js";
import { renderExplain } from "../src/render/renderExplain.js";
import { renderMatrixJson } from "../src/render/renderMatrixJson.js";
import { renderMatrixTable } from "../src/render/renderMatrixTable.js";
import { sensitivitySection } from "../src/document/sections/certainty.js";
import { emitMarkdownSections } from "../src/render/report/markdown.js";
import { emitTerminalSections } from "../src/render/report/terminal.js";
import { renderSensitivityJson } from "../src/render/renderSensitivityJson.js";
import type { Lang } from "../src/messages/labels.js";
import { accord, action, DEFAULT_RULES, makeStudy, theme, topic } from "./studyBuilder.js";

const RANGES: NonNullable<Rules["prevalence_ranges"]> = {
  "all": { low: 1, high: 1 },
  "almost-all": { low: 0.8, high: 0.95 },
  "most": { low: 0.6, high: 0.9 },
  "more-than-half": { low: 0.55, high: 0.7 },
  "half": { low: 0.4, high: 0.6 },
  "some": { low: 0.2, high: 0.4 },
  "few": { low: 0, high: 0.25 },
  "none": { low: 0, high: 0 },
};
const RULES: Rules = {
  ...DEFAULT_RULES,
  prevalence_ranges: RANGES,
  minimum_evidence_regions: 3,
  sensitivity_steps: { score: 0.05, regions: 1 },
  priority_weights: { per_group: 1, shortfall: 2, robust: 1 },
};
const TEN = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"];
const WORDS: Exclude<Prevalence, "not-assessed">[] = ["none", "few", "some", "half", "more-than-half", "most", "almost-all", "all"];
const RANK: Record<Verdict, number> = { "witte-vlek": 0, "mogelijke-witte-vlek": 1, "gedekt": 2, "geen-signaal": 3 };

const topicOf = (coverage: Coverage, id = "t"): TopicCoverage => coverage.topics.find((t) => t.id === id)!;

/** One topic with demand from `groups` groups, national evidence of the given strength, the sample's word and optional plans. */
function study(options: {
  word?: Prevalence;
  indirect?: boolean;
  strength?: "measure" | "agreement" | "mention";
  scope?: "general";
  groups?: 1 | 2;
  plans?: { region: string; status: "concrete" | "ambition" | "absent" | "unknown"; indirect?: boolean }[];
  rules?: Rules;
}) {
  const link = options.scope ? [{ id: "t", scope: "general" as const }] : ["t"];
  return makeStudy({
    sampleRegions: TEN,
    topics: [topic("t")],
    accords: options.strength ? [accord("a", [action("a-1", options.strength, link)])] : [],
    themes: [theme("th", options.groups === 2 ? ["ouderen", "professionals"] : ["ouderen"], ["t"])],
    ...(options.word ? { sample: { t: { prevalence: options.word, ...(options.indirect ? { indirect: true } : {}) } } } : {}),
    plans: (options.plans ?? []).map((p) => ({ region: p.region, findings: { t: { status: p.status, ...(p.indirect ? { indirect: true } : {}) } } })),
    rules: options.rules ?? RULES,
  });
}

describe("intervals", () => {
  it("a prevalence word gives its range; the point lies inside", () => {
    const t = topicOf(computeCoverage(study({ word: "some", strength: "measure" })));
    expect(t.regional.score).toBe(0.3);
    expect(t.regional.interval).toEqual({ low: 0.2, high: 0.4 });
  });
  it("indirect evidence scales the range like the share", () => {
    const t = topicOf(computeCoverage(study({ word: "most", indirect: true, strength: "measure" })));
    expect(t.regional.score).toBe(0.375);
    expect(t.regional.interval).toEqual({ low: 0.3, high: 0.45 });
  });
  it("sample regions without any evidence count from 0 to 1; a plan's status is a point", () => {
    const plans = ["R1", "R2", "R3"].map((region) => ({ region, status: "concrete" as const }));
    const t = topicOf(computeCoverage(study({ word: "not-assessed", strength: "measure", plans })));
    expect(t.regional.score).toBe(1);
    expect(t.regional.unassessedRegions).toBe(7);
    expect(t.regional.interval).toEqual({ low: 0.3, high: 1 });
  });
  it("no regional evidence: no interval, and both ends give the point verdict", () => {
    const t = topicOf(computeCoverage(study({ strength: "measure" })));
    expect(t.regional.interval).toBeNull();
    expect(t.verdictRange).toEqual({ pessimistic: "mogelijke-witte-vlek", optimistic: "mogelijke-witte-vlek" });
  });
  it("verdict range: 'some' against a white-spot threshold of 0.30 is witte vlek at the pessimistic end", () => {
    const t = topicOf(computeCoverage(study({ word: "some" })));
    expect(t.verdict).toBe("mogelijke-witte-vlek");
    expect(t.verdictRange).toEqual({ pessimistic: "witte-vlek", optimistic: "mogelijke-witte-vlek" });
  });
  it("without ranges in rules.yaml (a version 1 file) every interval is the point", () => {
    const { prevalence_ranges: _r, minimum_evidence_regions: _m, ...v1 } = RULES;
    const t = topicOf(computeCoverage(study({ word: "some", strength: "measure", rules: v1 })));
    expect(t.regional.interval).toEqual({ low: 0.3, high: 0.3 });
  });

  const generated = fc.record({
    word: fc.constantFrom<Prevalence>(...WORDS, "not-assessed"),
    indirect: fc.boolean(),
    strength: fc.option(fc.constantFrom("measure" as const, "agreement" as const, "mention" as const), { nil: undefined }),
    groups: fc.constantFrom(1 as const, 2 as const),
    plans: fc.array(
      fc.record({
        region: fc.constantFrom(...TEN, "Elders"),
        status: fc.constantFrom("concrete" as const, "ambition" as const, "absent" as const, "unknown" as const),
        indirect: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
  });
  it("property: the point estimate lies within the interval", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const t = topicOf(computeCoverage(study(g)));
        if (t.regional.score === null) {
          expect(t.regional.interval).toBeNull();
        } else {
          expect(t.regional.interval!.low).toBeLessThanOrEqual(t.regional.score);
          expect(t.regional.score).toBeLessThanOrEqual(t.regional.interval!.high);
        }
        expect(RANK[t.verdictRange.pessimistic]).toBeLessThanOrEqual(RANK[t.verdict]);
        expect(RANK[t.verdict]).toBeLessThanOrEqual(RANK[t.verdictRange.optimistic]);
      }),
    );
  });
  it("property: widening a range never narrows the verdict range", () => {
    fc.assert(
      fc.property(generated, fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (g, word, down, up) => {
        const range = RANGES[word];
        const wider: Rules = {
          ...RULES,
          prevalence_ranges: { ...RANGES, [word]: { low: Math.max(0, range.low - down / 100), high: Math.min(1, range.high + up / 100) } },
        };
        const before = topicOf(computeCoverage(study(g))).verdictRange;
        const after = topicOf(computeCoverage(study({ ...g, rules: wider }))).verdictRange;
        expect(RANK[after.pessimistic]).toBeLessThanOrEqual(RANK[before.pessimistic]);
        expect(RANK[after.optimistic]).toBeGreaterThanOrEqual(RANK[before.optimistic]);
      }),
    );
  });
  it("property: a topic whose evidence does not change cannot change verdict (another topic's evidence moves)", () => {
    fc.assert(
      fc.property(generated, fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), (g, a, b) => {
        const base = study(g);
        const withOther = (word: Prevalence) => {
          const s = {
            ...base,
            topics: [...base.topics, topic("u")],
            interviews: { ...base.interviews, themes: [...base.interviews.themes, theme("th2", ["experts"], ["u"])] },
          };
          const findings = { ...(s.sample?.findings ?? {}), u: { prevalence: word, quote: "Citaat", source: { doc: "fictief", section: "Fictief" } } };
          return computeCoverage({ ...s, sample: { regions: TEN, source: { doc: "fictief", section: "Fictief" }, findings } });
        };
        const one = topicOf(withOther(a));
        const two = topicOf(withOther(b));
        expect(two.verdict).toBe(one.verdict);
        expect(two.verdictRange).toEqual(one.verdictRange);
        expect(two.flips).toEqual(one.flips);
      }),
    );
  });
});

describe("the sensitivity's regional tally", () => {
  const plan = fc.record({
    region: fc.constantFrom(...TEN, "Elders"),
    status: fc.constantFrom("concrete" as const, "ambition" as const, "absent" as const, "unknown" as const),
    indirect: fc.boolean(),
  });
  it("property: gives regionalCoverageOf's score, under the rules and under every moved rules.yaml", () => {
    fc.assert(
      fc.property(fc.constantFrom<Prevalence>(...WORDS, "not-assessed"), fc.boolean(), fc.array(plan, { maxLength: 8 }), (word, indirect, plans) => {
        const s = study({ word, indirect, strength: "measure", plans });
        const index = indexStudy(s);
        const base = regionalCoverageOf(s, index, "t", RULES);
        const tally = regionalTally(base, TEN.length, new Set(TEN));
        expect(tallyScore(tally, RULES)).toBe(base.score);
        for (const variant of ruleVariants(RULES)) expect(tallyScore(tally, variant.rules)).toBe(regionalCoverageOf(s, index, "t", variant.rules).score);
      }),
      { numRuns: 200 },
    );
  });
});

describe("minimum evidence", () => {
  it("one assessed plan on a topic the sample did not assess gives no regional score", () => {
    const t = topicOf(computeCoverage(study({ word: "not-assessed", strength: "measure", plans: [{ region: "R1", status: "concrete" }] })));
    expect(t.regional.score).toBeNull();
    expect(t.regional.evidenceRegions).toBe(1);
    expect(t.reasons.map((r) => r.code)).toContain("regional-insufficient");
    expect(t.verdict).toBe("mogelijke-witte-vlek");
  });
  it("three assessed plans do", () => {
    const plans = ["R1", "R2", "R3"].map((region) => ({ region, status: "concrete" as const }));
    expect(topicOf(computeCoverage(study({ word: "not-assessed", strength: "measure", plans }))).regional.score).toBe(1);
  });
  it("never asks more than the sample has: a sample of two regions", () => {
    const s = makeStudy({ topics: [topic("t")], themes: [theme("th", ["ouderen"], ["t"])], sample: { t: { prevalence: "most" } }, rules: RULES });
    expect(topicOf(computeCoverage(s)).regional.score).toBe(0.75);
  });
});

describe("sensitivity: each kind of change", () => {
  const kinds = (t: TopicCoverage) => t.flips.map((f) => `${f.kind}:${f.what}:${f.from}->${f.to}=>${f.verdict}`);
  it("a threshold moved by a step: required 0.75 → 0.80 flips a topic at exactly 0.75", () => {
    const t = topicOf(computeCoverage(study({ word: "most", strength: "measure", groups: 2 })));
    expect(t.verdict).toBe("gedekt");
    expect(kinds(t)).toContain("rule:required_coverage.two_or_more_groups:0.75->0.8=>mogelijke-witte-vlek");
    expect(kinds(t)).toContain("rule:prevalence_shares.most:0.75->0.7=>mogelijke-witte-vlek");
    expect(t.robust).toBe(false);
  });
  it("a weight: strength_scores.agreement 0.60 → 0.55 flips national coverage at exactly the threshold", () => {
    const t = topicOf(computeCoverage(study({ word: "all", strength: "agreement" })));
    expect(kinds(t)).toContain("rule:strength_scores.agreement:0.6->0.55=>mogelijke-witte-vlek");
    expect(kinds(t)).toContain("rule:national_threshold:0.6->0.65=>mogelijke-witte-vlek");
  });
  it("an action's strength and scope one step", () => {
    const t = topicOf(computeCoverage(study({ word: "all", strength: "agreement" })));
    expect(t.flips.find((f) => f.kind === "strength")).toMatchObject({
      what: "a-1",
      accord: "a",
      from: "agreement",
      to: "mention",
      verdict: "mogelijke-witte-vlek",
      gap: "beleid",
    });
    expect(t.flips.find((f) => f.kind === "scope")).toMatchObject({ what: "a-1", from: "specific", to: "general" });
    const general = topicOf(computeCoverage(study({ word: "all", strength: "measure", scope: "general" })));
    expect(general.verdict).toBe("mogelijke-witte-vlek");
    expect(general.flips.find((f) => f.kind === "scope")).toMatchObject({ from: "general", to: "specific", verdict: "gedekt" });
  });
  it("the sample's word one step, and its evidence indirect", () => {
    const t = topicOf(computeCoverage(study({ word: "half", strength: "measure" })));
    expect(kinds(t)).toEqual(
      expect.arrayContaining(["prevalence:sample:half->some=>mogelijke-witte-vlek", "evidence:sample:direct->indirect=>mogelijke-witte-vlek"]),
    );
    expect(kinds(t)).not.toContain("prevalence:sample:half->more-than-half=>gedekt");
  });
  it("a plan's status and evidence, listed per plan", () => {
    const plans = [
      { region: "R1", status: "concrete" as const },
      { region: "R2", status: "ambition" as const },
      { region: "R3", status: "absent" as const },
    ];
    // Mean (1 + 0.5 + 0) / 3 = 0.5, just the required 0.5. Any plan one step down, or indirect, drops it below;
    // one step up never flips; R3 absent cannot go down.
    const t = topicOf(computeCoverage(study({ word: "not-assessed", strength: "measure", plans })));
    expect(t.verdict).toBe("gedekt");
    const planFlips = t.flips.filter((f) => f.kind === "status" || f.kind === "evidence").map((f) => `${f.region}:${f.kind}:${f.from}->${f.to}`);
    expect(planFlips.sort()).toEqual([
      "R1:evidence:direct->indirect",
      "R1:status:concrete->ambition",
      "R2:evidence:direct->indirect",
      "R2:status:ambition->absent",
    ]);
    expect(t.flips.filter((f) => f.kind === "status").every((f) => f.verdict === "mogelijke-witte-vlek" && f.gap === "uitvoering")).toBe(true);
  });
  it("the minimum evidence: 3 → 4 undoes a score from three plans", () => {
    const plans = ["R1", "R2", "R3"].map((region) => ({ region, status: "concrete" as const }));
    const t = topicOf(computeCoverage(study({ word: "not-assessed", strength: "measure", plans })));
    expect(kinds(t)).toContain("rule:minimum_evidence_regions:3->4=>mogelijke-witte-vlek");
  });
  it("no flip without demand, and a robust verdict far from every edge", () => {
    const s = makeStudy({ sampleRegions: TEN, topics: [topic("t")], sample: { t: { prevalence: "half" } }, rules: RULES });
    expect(topicOf(computeCoverage(s))).toMatchObject({ verdict: "geen-signaal", robust: true, flips: [] });
    // Two accords with a measure: no single action or weight takes national coverage below 0.6.
    const robust = makeStudy({
      sampleRegions: TEN,
      topics: [topic("t")],
      accords: [accord("a", [action("a-1", "measure", ["t"])]), accord("b", [action("b-1", "measure", ["t"])])],
      themes: [theme("th", ["ouderen"], ["t"])],
      sample: { t: { prevalence: "all" } },
      rules: RULES,
    });
    expect(topicOf(computeCoverage(robust))).toMatchObject({ verdict: "gedekt", robust: true, flips: [] });
  });
  it("a move that would break the order of a scale is not tried", () => {
    const tied: Rules = { ...RULES, strength_scores: { measure: 0.6, agreement: 0.6, mention: 0.3 } };
    const t = topicOf(computeCoverage(study({ word: "all", strength: "agreement", rules: tied })));
    expect(t.flips.some((f) => f.what === "strength_scores.agreement" && f.to === 0.65)).toBe(false);
  });
});

describe("priority", () => {
  it("ranks flagged topics by the documented score and leaves others null", () => {
    const s = makeStudy({
      sampleRegions: TEN,
      topics: [topic("a"), topic("b"), topic("c")],
      accords: [accord("x", [action("x-1", "measure", ["b", "c"])])],
      themes: [theme("th1", ["ouderen", "professionals"], ["a"]), theme("th2", ["ouderen"], ["b", "c"])],
      sample: { a: { prevalence: "none" }, b: { prevalence: "few" }, c: { prevalence: "all" } },
      rules: RULES,
    });
    const coverage = computeCoverage(s);
    const a = topicOf(coverage, "a");
    // 2 groups + 2 × (1 + 1) + robust 1 = 7
    expect(a.priority).toMatchObject({ rank: 1, score: 7, groups: 2, nationalShortfall: 1, regionalShortfall: 1, robust: true });
    // 1 group + 2 × (0 + (0.5 − 0.15)/0.5 = 0.7), not robust (x-1 with scope general makes it a witte vlek) = 2.4
    expect(topicOf(coverage, "b").priority).toMatchObject({ rank: 2, score: 2.4, robust: false });
    expect(topicOf(coverage, "c").priority).toBeNull();
  });
});

describe("renderers from a fixture coverage", () => {
  const coverage = computeCoverage(study({ word: "most", strength: "measure", groups: 2 }));
  it("JSON carries interval, verdict_range, robust, flips and priority", () => {
    const json = JSON.parse(renderMatrixJson(coverage, { lang: "nl", paint: NO_PAINT, width: 120, excel: false })) as { topics: Record<string, unknown>[] };
    const t = json.topics[0]!;
    expect((t.regional as { interval: unknown }).interval).toEqual({ low: 0.6, high: 0.9 });
    expect(t.verdict_range).toEqual({ pessimistic: "mogelijke-witte-vlek", optimistic: "gedekt" });
    expect(t.robust).toBe(false);
    expect((t.flips as unknown[]).length).toBeGreaterThan(0);
    expect(t.priority).toBeNull();
  });
  it("the table marks the topic ! and ± and explains both in the legend, within 80 columns", () => {
    for (const width of [120, 80]) {
      const table = renderMatrixTable(coverage, { lang: "nl", paint: NO_PAINT, width, excel: false });
      const row = table.split("\n").find((l) => l.includes("Label t"))!;
      expect(row).toContain("!±");
      expect(table).toContain("! = gevoelig");
      expect(table).toContain("± = onzeker");
      for (const line of table.split("\n")) expect([...line].length).toBeLessThanOrEqual(width);
    }
  });
  const sensitivityTable = (s: Parameters<typeof computeCoverage>[0], c: Coverage, lang: Lang = "nl"): string =>
    emitTerminalSections([sensitivitySection({ study: s, coverage: c, lang }, c.topics)], { paint: NO_PAINT, width: 120 });
  const sensitivityMarkdown = (s: Parameters<typeof computeCoverage>[0], c: Coverage, lang: Lang): string =>
    emitMarkdownSections([sensitivitySection({ study: s, coverage: c, lang }, c.topics)], 2);
  it("sensitivity table, Markdown and JSON list the flipping change in words", () => {
    const s = study({ word: "most", strength: "measure", groups: 2 });
    const table = sensitivityTable(s, coverage);
    expect(table).toContain("rules.yaml required_coverage.two_or_more_groups: 0.75 → 0.80 ⇒ mogelijke witte vlek (uitvoering)");
    expect(table).toContain("steekproef: de meeste plannen → meer dan de helft ⇒ mogelijke witte vlek (uitvoering)");
    // The verdict, its state and the interval, and the verdicts at the interval's ends.
    expect(table).toMatch(/^ {2}✓ gedekt — gevoelig \(!\) · onzeker \(±\) — regionaal ~0\.75 \(0\.60–0\.90\), landelijk /m);
    expect(table).toContain("Pessimistisch: mogelijke witte vlek · optimistisch: gedekt");
    expect(table).toContain("1 onderwerp: 0 robuust, 1 gevoelig; 1 onzeker binnen het interval.");
    expect(sensitivityMarkdown(s, coverage, "en")).toContain(
      "rules.yaml required\\_coverage.two\\_or\\_more\\_groups: 0.75 → 0.80 ⇒ possible white spot (implementation)",
    );
    expect(JSON.parse(renderSensitivityJson(coverage)).topics[0].robust).toBe(false);
  });
  it("data text in a flip is escaped for the terminal and for Markdown", () => {
    const hostile = study({
      word: "not-assessed",
      strength: "measure",
      plans: ["R1", "R2", "R3\u001b[2J|*x*"].map((region) => ({ region, status: "ambition" as const })),
    });
    const c = computeCoverage(hostile);
    expect(topicOf(c).flips.some((f) => f.region?.includes("\u001b"))).toBe(true);
    expect(sensitivityTable(hostile, c)).not.toContain("\u001b");
    const md = sensitivityMarkdown(hostile, c, "nl");
    expect(md).toContain("R3\uFFFD\\[2J\\|\\*x\\*");
  });
  it("explain shows the interval, what each end assumes and the flipping changes", () => {
    const s = study({ word: "most", strength: "measure", groups: 2 });
    const text = renderExplain(s, computeCoverage(s), topicOf(computeCoverage(s)), { lang: "nl", paint: NO_PAINT, width: 120 });
    expect(text).toContain("Regionaal: ~0.75 (0.60–0.90)");
    expect(text).toContain("Pessimistisch (0.60): “de meeste plannen” aan de lage kant van 0.60–0.90");
    expect(text).toContain("⇒ mogelijke witte vlek");
    expect(text).toContain("Optimistisch (0.90)");
    expect(text).toContain("- rules.yaml required_coverage.two_or_more_groups: 0.75 → 0.80 ⇒ mogelijke witte vlek (uitvoering)");
  });
});
