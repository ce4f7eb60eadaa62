// The verdict rules at and around each threshold, on small fictional studies.

import { describe, expect, it } from "vitest";
import { computeCoverage, nationalCoverageOf } from "../src/analyse/computeCoverage.js";
import { decideVerdict, indexStudy, nationalScoreOf, roundScore } from "../src/analyse/scoring.js";
import { ruleVariants } from "../src/analyse/sensitivity.js";
import { loadStudy } from "../src/loadStudy.js";
import { SHIPPED_DATA } from "./helpers.js";
import { accord, action, DEFAULT_RULES, makeStudy, theme, topic } from "./studyBuilder.js";

const R = DEFAULT_RULES;
const only = (study: ReturnType<typeof makeStudy>) => computeCoverage(study).topics[0]!;

describe("decideVerdict thresholds", () => {
  it("no demand is geen-signaal whatever the coverage", () => {
    expect(decideVerdict(0, 0, null, R)).toEqual({ verdict: "geen-signaal", gap: null });
    expect(decideVerdict(1, 1, null, R)).toEqual({ verdict: "geen-signaal", gap: null });
  });
  it("national exactly at the threshold is not short; just below is", () => {
    expect(decideVerdict(0.6, 0.9, 0.5, R)).toEqual({ verdict: "gedekt", gap: null });
    expect(decideVerdict(0.59, 0.9, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "beleid" });
  });
  it("regional exactly at the required level passes; just below fails", () => {
    expect(decideVerdict(1, 0.5, 0.5, R).verdict).toBe("gedekt");
    expect(decideVerdict(1, 0.49, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "uitvoering" });
    expect(decideVerdict(1, 0.75, 0.75, R).verdict).toBe("gedekt");
    expect(decideVerdict(1, 0.74, 0.75, R).verdict).toBe("mogelijke-witte-vlek");
  });
  it("witte-vlek needs national short and regional below 0.3", () => {
    expect(decideVerdict(0.59, 0.29, 0.5, R)).toEqual({ verdict: "witte-vlek", gap: "beide" });
    expect(decideVerdict(0.59, 0.3, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "beide" });
    expect(decideVerdict(0.6, 0.1, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "uitvoering" });
  });
  it("unknown regional coverage fails the regional test but is no definite white spot", () => {
    expect(decideVerdict(1, null, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "uitvoering" });
    expect(decideVerdict(0, null, 0.5, R)).toEqual({ verdict: "mogelijke-witte-vlek", gap: "beide" });
  });
  it("thresholds come from the rules, not from code", () => {
    const strict = { ...R, national_threshold: 0.9 };
    expect(decideVerdict(0.8, 1, 0.5, R).verdict).toBe("gedekt");
    expect(decideVerdict(0.8, 1, 0.5, strict).verdict).toBe("mogelijke-witte-vlek");
  });
  it("rounding keeps float noise from flipping a verdict", () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(decideVerdict(0.5, roundScore(0.1 + 0.2), 0.5, R).verdict).toBe("mogelijke-witte-vlek");
  });
});

describe("demand", () => {
  it("is the union of groups over the themes that link the topic", () => {
    const study = makeStudy({
      themes: [theme("a", ["ouderen"], ["t"]), theme("b", ["ouderen", "experts"], ["t"]), theme("c", ["professionals"], ["other"])],
      topics: [topic("t"), topic("other")],
    });
    const row = computeCoverage(study).topics.find((t) => t.id === "t")!;
    expect(row.demand).toEqual({ groups: ["ouderen", "experts"], themes: ["a", "b"] });
    expect(row.required).toBe(0.75);
  });
  it("one group requires 0.5, none gives geen-signaal", () => {
    expect(only(makeStudy({ themes: [theme("a", ["professionals"], ["t"])] })).required).toBe(0.5);
    const row = only(makeStudy());
    expect(row.required).toBeNull();
    expect(row.verdict).toBe("geen-signaal");
    expect(row.reasons).toEqual([{ code: "no-demand" }]);
  });
});

describe("national coverage", () => {
  it("scores the best action per accord by strength, halves general scope, takes the max over accords", () => {
    const study = makeStudy({
      accords: [
        accord("a", [action("a1", "mention", ["t"]), action("a2", "agreement", ["t"])]),
        accord("b", [action("b1", "measure", [{ id: "t", scope: "general" }])]),
        accord("c", [action("c1", "measure", ["elders"])]),
      ],
      topics: [topic("t"), topic("elders")],
    });
    const row = computeCoverage(study).topics.find((t) => t.id === "t")!;
    expect(row.national.accords).toEqual({ a: 0.6, b: 0.5, c: 0 });
    expect(row.national.score).toBe(0.6);
    expect(row.national.breadth).toBe(1);
    expect(row.national.actions.map((a) => a.action)).toEqual(["a2", "a1", "b1"]);
  });
  it("breadth counts accords at or above the agreement level", () => {
    const study = makeStudy({
      accords: [accord("a", [action("a1", "agreement", ["t"])]), accord("b", [action("b1", "measure", ["t"])]), accord("c", [action("c1", "mention", ["t"])])],
    });
    expect(only(study).national.breadth).toBe(2);
  });
  it("is zero without actions", () => {
    expect(only(makeStudy()).national).toMatchObject({ score: 0, breadth: 0 });
  });
});

describe("regional coverage", () => {
  it("maps prevalence words to shares and halves indirect evidence", () => {
    expect(only(makeStudy({ sample: { t: { prevalence: "most" } } })).regional).toMatchObject({ score: 0.75, estimate: true, counted: 2 });
    expect(only(makeStudy({ sample: { t: { prevalence: "almost-all", indirect: true } } })).regional.score).toBe(0.45);
    expect(only(makeStudy({ sample: { t: { prevalence: "none" } } })).regional.score).toBe(0);
  });
  it("is unknown without a finding or with not-assessed, and says so in the reasons", () => {
    for (const study of [
      makeStudy({ themes: [theme("a", ["ouderen"], ["t"])] }),
      makeStudy({ themes: [theme("a", ["ouderen"], ["t"])], sample: { t: { prevalence: "not-assessed" } } }),
    ]) {
      const row = only(study);
      expect(row.regional.score).toBeNull();
      expect(row.reasons.map((r) => r.code)).toContain("regional-unknown");
      expect(row.verdict).toBe("mogelijke-witte-vlek");
    }
  });
  it("combines region files with the sample: own score for a region with a file, sample share for the rest", () => {
    const study = makeStudy({
      sampleRegions: ["A", "B", "C", "D"],
      sample: { t: { prevalence: "half" } },
      plans: [{ region: "A", findings: { t: { status: "concrete" } } }],
    });
    // (1.0 + 3 × 0.5) / 4
    expect(only(study).regional).toMatchObject({ score: 0.625, estimate: true, counted: 4, assessedFindings: 1 });
  });
  it("with a file for every sample region, the figure is no longer an estimate", () => {
    const study = makeStudy({
      sampleRegions: ["A", "B"],
      sample: { t: { prevalence: "all" } },
      plans: [
        { region: "A", findings: { t: { status: "ambition" } } },
        { region: "B", findings: { t: { status: "absent" } } },
      ],
    });
    expect(only(study).regional).toMatchObject({ score: 0.25, estimate: false, counted: 2 });
  });
  it("an extra region outside the sample counts with its own score", () => {
    const study = makeStudy({
      sampleRegions: ["A"],
      sample: { t: { prevalence: "none" } },
      plans: [{ region: "X", findings: { t: { status: "concrete", indirect: true } } }],
    });
    expect(only(study).regional).toMatchObject({ score: 0.25, estimate: true, counted: 2 });
  });
  it("unknown statuses are not counted; only unknowns leave the topic unassessed", () => {
    const study = makeStudy({ plans: [{ region: "A", findings: { t: { status: "unknown" } } }] });
    expect(only(study).regional).toMatchObject({ score: null, counted: 0 });
    // A sample region whose file is silent on the topic keeps counting at the sample share.
    const mixed = makeStudy({
      sampleRegions: ["A", "B"],
      sample: { t: { prevalence: "half" } },
      plans: [{ region: "A", findings: { t: { status: "unknown" } } }],
    });
    expect(only(mixed).regional).toMatchObject({ score: 0.5, counted: 2, assessedFindings: 0, estimate: true });
    // An extra region outside the sample with `unknown` adds nothing.
    const extra = makeStudy({ sampleRegions: ["A"], sample: { t: { prevalence: "all" } }, plans: [{ region: "X", findings: { t: { status: "unknown" } } }] });
    expect(only(extra).regional).toMatchObject({ score: 1, counted: 1 });
  });
});

describe("verdicts, reasons, reference and dispositions", () => {
  const flagged = makeStudy({
    themes: [theme("a", ["ouderen"], ["t"])],
    accords: [accord("a", [action("a1", "mention", ["t"])])],
    sample: { t: { prevalence: "few" } },
    reference: { t: { conclusion: "possible-white-spot", quote: "Citaat", source: { doc: "d", section: "s" } } },
    dispositions: { t: { decision: "accepted", rationale: "Elders belegd", quote: "Citaat", source: { doc: "d", section: "s" } } },
  });
  it("a white spot carries the numbers and the strongest action", () => {
    const row = only(flagged);
    expect(row.verdict).toBe("witte-vlek");
    expect(row.gap).toBe("beide");
    expect(row.reasons).toEqual([
      { code: "demand", groups: ["ouderen"], themes: ["a"], required: 0.5 },
      { code: "national-short", score: 0.3, threshold: 0.6, best: { accord: "a", action: "a1", strength: "mention", scope: "specific", score: 0.3 } },
      { code: "regional-short", score: 0.15, required: 0.5, estimate: true, counted: 2 },
      { code: "white-spot", national: 0.3, nationalThreshold: 0.6, regional: 0.15, regionalThreshold: 0.3 },
    ]);
  });
  it("compares with the report and carries the disposition", () => {
    const row = only(flagged);
    expect(row.reference).toEqual({ conclusion: "possible-white-spot", agrees: true });
    expect(row.disposition).toEqual({ decision: "accepted", rationale: "Elders belegd" });
    const covered = makeStudy({
      themes: [theme("a", ["ouderen"], ["t"])],
      accords: [accord("a", [action("a1", "measure", ["t"])])],
      sample: { t: { prevalence: "all" } },
      reference: { t: { conclusion: "possible-white-spot", quote: "Citaat", source: { doc: "d", section: "s" } } },
    });
    expect(only(covered).verdict).toBe("gedekt");
    expect(only(covered).reference).toEqual({ conclusion: "possible-white-spot", agrees: false });
  });
  it("orders rows by category, then by the order of topics.yaml", () => {
    const study = makeStudy({ topics: [topic("w", "wonen"), topic("c2", "cultuur"), topic("p", "preventie"), topic("c1", "cultuur")] });
    expect(computeCoverage(study).topics.map((t) => t.id)).toEqual(["c2", "c1", "p", "w"]);
  });
});

describe("nationalScoreOf, the sensitivity's shortcut", () => {
  it("gives nationalCoverageOf's score for every topic of the shipped study, under the rules and every rule variant", async () => {
    const { study } = await loadStudy(SHIPPED_DATA);
    const index = indexStudy(study!);
    const rulesList = [study!.rules, ...ruleVariants(study!.rules).map((v) => v.rules)];
    expect(rulesList.length).toBeGreaterThan(5);
    let nonZero = 0;
    for (const rules of rulesList) {
      for (const t of study!.topics) {
        const expected = nationalCoverageOf(study!, index, t.id, rules).score;
        expect(nationalScoreOf(index.actionsByTopic.get(t.id) ?? [], rules), `${t.id}`).toBe(expected);
        if (expected > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(study!.topics.length);
  });
});
