// `dekking diff`: what a change to the data does to the verdicts. Two copies of the
// fictional minimal fixture, one changed by hand, loaded and compared.

import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { selectEvidence } from "../src/analyse/evidenceView.js";
import type { Coverage } from "../src/analyse/coverage.js";
import { changedPaths, diffCoverage, isEmptyDiff, newWhiteSpots } from "../src/analyse/diffCoverage.js";
import { loadStudy } from "../src/loadStudy.js";
import { loadPaint, NO_PAINT } from "../src/render/paint.js";

const COLOUR = await loadPaint(true);
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from "../src/render/renderDiff.js";
import { copyFixture } from "./helpers.js";

async function coverageOf(dir: string): Promise<Coverage> {
  const result = await loadStudy(dir);
  expect(
    result.findings.filter((f) => f.severity === "error"),
    JSON.stringify(result.findings),
  ).toEqual([]);
  return computeCoverage(result.study!);
}

function edit(dir: string, file: string, from: string, to: string): void {
  const target = path.join(dir, file);
  const text = readFileSync(target, "utf8");
  expect(text, `${file} should contain ${from}`).toContain(from);
  writeFileSync(target, text.replace(from, to));
}

/** The fixture with beta's agreement also linked to witte-plek: national 0 → 0.6. */
async function linkedPair(): Promise<{ before: Coverage; after: Coverage }> {
  const beforeDir = copyFixture();
  const afterDir = copyFixture();
  edit(afterDir, "accords/beta.yaml", "topics: [gedekt-thema]", "topics: [gedekt-thema, witte-plek]");
  return { before: await coverageOf(beforeDir), after: await coverageOf(afterDir) };
}

describe("diffCoverage", () => {
  it("a new link: the white spot becomes a possible one, with old and new numbers and reasons", async () => {
    const { before, after } = await linkedPair();
    const diff = diffCoverage(before, after);
    expect(diff.changed.map((t) => t.id)).toEqual(["witte-plek"]);
    const topic = diff.changed[0]!;
    expect(topic.verdict).toEqual({ old: "witte-vlek", new: "mogelijke-witte-vlek" });
    expect(topic.gap).toEqual({ old: "beide", new: "uitvoering" });
    expect(topic.national).toEqual({
      score: { old: 0, new: 0.6 },
      breadth: { old: 0, new: 1 },
      accords: { beta: { old: 0, new: 0.6 } },
      actions: { added: ["beta-afspraak 0.60"], removed: [] },
    });
    expect(topic.regional).toBeUndefined();
    expect(topic.demand).toBeUndefined();
    expect(topic.reasons!.old.map((r) => r.code)).toEqual(["demand", "national-short", "regional-short", "white-spot"]);
    expect(topic.reasons!.new.map((r) => r.code)).toEqual(["demand", "national-ok", "regional-short"]);
    expect(diff.unchanged).toBe(before.topics.length - 1);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.rulesChanged).toEqual([]);
    expect(diff.dataVersion.old).not.toBe(diff.dataVersion.new);
    expect(newWhiteSpots(diff)).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("the same change reversed makes a new white spot", async () => {
    const { before, after } = await linkedPair();
    const diff = diffCoverage(after, before);
    expect(diff.changed[0]!.verdict).toEqual({ old: "mogelijke-witte-vlek", new: "witte-vlek" });
    expect(newWhiteSpots(diff)).toEqual(["witte-plek"]);
  });

  it("identical data: nothing changed", async () => {
    const coverage = await coverageOf(copyFixture());
    const diff = diffCoverage(coverage, await coverageOf(copyFixture()));
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(coverage.topics.length);
    expect(diff.dataVersion.old).toBe(diff.dataVersion.new);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(renderDiffText(diff, { lang: "nl", paint: NO_PAINT })).toContain("Geen verschil");
  });

  it("a regional change: score, estimate and counted regions, and the verdict", async () => {
    const beforeDir = copyFixture();
    const afterDir = copyFixture();
    // A fictional plan for one sample region says gedekt-thema is absent there.
    writeFileSync(
      path.join(afterDir, "regions", "noord.yaml"),
      "# FICTIONAL test data: made up for the tests.\nregion: Regio Noord\nfictional: true\nplan: { title: Fictief plan }\nassessed_by: Test\nassessed_on: 2024-09-01\nfindings:\n  gedekt-thema: { status: absent }\n",
    );
    const diff = diffCoverage(await coverageOf(beforeDir), await coverageOf(afterDir));
    const topic = diff.changed.find((t) => t.id === "gedekt-thema")!;
    // Regio Zuid at the sample share 1.0, Regio Noord at 0: (1 + 0) / 2.
    expect(topic.regional).toEqual({ score: { old: 1, new: 0.5 } });
    expect(topic.verdict).toEqual({ old: "gedekt", new: "mogelijke-witte-vlek" });
    expect(topic.gap).toEqual({ old: null, new: "uitvoering" });
    expect(diff.regionPlans).toEqual({ old: 0, new: 1 });
  });

  it("added and removed topics, demand and rules", async () => {
    const beforeDir = copyFixture();
    const afterDir = copyFixture();
    // A new topic raised by experts, in no accord, in no region plan of the sample: a white spot.
    edit(
      afterDir,
      "topics.yaml",
      "  - id: zonder-vraag",
      "  - id: nieuw-thema\n    label: Nieuw thema\n    category: preventie\n    indicator: false\n  - id: zonder-vraag",
    );
    edit(afterDir, "interviews.yaml", "topics: [beleid-kort, onbekend-thema]", "topics: [beleid-kort, onbekend-thema, nieuw-thema, zonder-vraag]");
    edit(
      afterDir,
      "regions/sample.yaml",
      "\nsource: {",
      "\n  nieuw-thema: { prevalence: none, quote: In geen plan., source: { doc: fictief, section: Fictief } }\nsource: {",
    );
    edit(afterDir, "rules.yaml", "national_threshold: 0.6", "national_threshold: 0.65");
    edit(afterDir, "rules.yaml", "  mention: 0.3", "  mention: 0.2");
    const before = await coverageOf(beforeDir);
    const after = await coverageOf(afterDir);
    const diff = diffCoverage(before, after);
    expect(diff.added.map((t) => [t.id, t.verdict])).toEqual([["nieuw-thema", "witte-vlek"]]);
    expect(newWhiteSpots(diff)).toContain("nieuw-thema");
    expect(diff.rulesChanged).toEqual(["national_threshold", "strength_scores.mention"]);
    const noDemandBefore = diff.changed.find((t) => t.id === "zonder-vraag")!;
    expect(noDemandBefore.demand).toEqual({ old: [], new: ["experts"] });
    expect(noDemandBefore.verdict!.old).toBe("geen-signaal");
    const mention = diff.changed.find((t) => t.id === "beleid-kort")!;
    expect(mention.national!.score).toEqual({ old: 0.3, new: 0.2 });

    const back = diffCoverage(after, before);
    expect(back.removed.map((t) => t.id)).toEqual(["nieuw-thema"]);
    expect(back.added).toEqual([]);
  });

  it("says what each side looked at: its date and, where not all sources, its evidence view (text, Markdown, JSON)", async () => {
    const study = (await loadStudy(copyFixture())).study!;
    const before = computeCoverage(selectEvidence(study, { asOf: "2024-01-01", evidence: "report" }).study);
    const after = computeCoverage(selectEvidence(study, { asOf: "2030-06-01", evidence: "all" }).study);
    const diff = diffCoverage(before, after);
    expect(diff.view).toEqual({ old: { asOf: "2024-01-01", evidence: "report" }, new: { asOf: "2030-06-01", evidence: "all" } });
    const text = renderDiffText(diff, { lang: "nl", paint: NO_PAINT });
    expect(text).toContain("peildatum 2024-01-01 → 2030-06-01");
    expect(text).toMatch(/bewijs alleen het onderzoeksrapport → alle\s+bronnen/);
    expect(renderDiffMarkdown(diff, { lang: "en" })).toContain("as of 2024-01-01 → 2030-06-01");
    expect(JSON.parse(renderDiffJson(diff)).view.old.evidence).toBe("report");
    // The same date and all sources on both sides: the date once, no evidence view.
    const same = renderDiffText(diffCoverage(after, after), { lang: "en", paint: NO_PAINT });
    expect(same).toContain("as of 2030-06-01 ·");
    expect(same).not.toContain("evidence");
  });

  it("changedPaths names leaves, including keys on one side only", () => {
    expect(changedPaths({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4, e: 5 } })).toEqual(["b.d", "b.e"]);
    expect(changedPaths({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(changedPaths({ a: [1, 2] }, { a: [2, 1] })).toEqual(["a"]);
  });
});

describe("diff renderers", () => {
  it("text: summary, the verdict old → new with symbols, the numbers and the reasons that differ", async () => {
    const { before, after } = await linkedPair();
    const text = renderDiffText(diffCoverage(before, after), { lang: "nl", paint: NO_PAINT });
    // Plurals follow the count: one topic, no new white spots.
    expect(text).toContain("1 onderwerp gewijzigd, waarvan 1 met een ander oordeel of tekort; 0 nieuwe witte vlekken;");
    expect(text).toContain("Witte plek (witte-plek): ■ witte vlek → ▲ mogelijke witte vlek (uitvoering)");
    expect(text).toContain("landelijk: 0.00 → 0.60; BETA 0.00 → 0.60; breedte 0 → 1");
    expect(text).toMatch(/− landelijke dekking 0\.00 < 0\.60 \(geen actie in de akkoorden\)/);
    expect(text).toMatch(/\+ landelijke dekking 0\.60 ≥ 0\.60 in 1 akkoord \(sterkste actie: beta-afspraak, afspraak\)/);
    expect(text).toContain("− witte vlek: landelijk 0.00 < 0.60 én regionaal 0.15 < 0.30");
    // The unchanged demand reason is not repeated.
    expect(text).not.toMatch(/[−+] vraag van/);
    const coloured = renderDiffText(diffCoverage(before, after), { lang: "nl", paint: COLOUR });
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(text);
  });

  it("markdown for a pull request: a summary line, a table of changed verdicts, then details", async () => {
    const { before, after } = await linkedPair();
    const markdown = renderDiffMarkdown(diffCoverage(after, before), { lang: "nl" });
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("### dekking: verschil in de oordelen");
    expect(markdown).toContain("**1 onderwerp gewijzigd, waarvan 1 met een ander oordeel of tekort; 1 nieuwe witte vlek; 0 toegevoegd, 0 verwijderd;");
    expect(markdown).toContain("| Onderwerp | Was | Wordt |");
    expect(markdown).toContain("| Witte plek `witte-plek` | ▲ mogelijke witte vlek (uitvoering) | **■ witte vlek** |");
    expect(markdown).toContain("<details><summary>Details (1)</summary>");
    expect(markdown).toContain("- landelijk: 0.60 → 0.00; BETA 0.60 → 0.00; breedte 1 → 0");
    expect(markdown.indexOf("| Onderwerp |")).toBeLessThan(markdown.indexOf("<details>"));
  });

  it("english labels", async () => {
    const { before, after } = await linkedPair();
    const text = renderDiffText(diffCoverage(before, after), { lang: "en", paint: NO_PAINT });
    // The topic has no label_en: its label shows as encoded.
    expect(text).toContain("Witte plek (witte-plek): ■ white spot → ▲ possible white spot (implementation)");
    expect(text).toContain("1 topic changed, 1 with another verdict or gap; 0 new white spots; 0 added, 0 removed;");
    expect(text).toContain("national: 0.00 → 0.60; BETA 0.00 → 0.60; breadth 0 → 1");
  });

  it("english: a topic's label_en in the text and the Markdown, not in the JSON", async () => {
    const beforeDir = copyFixture();
    const afterDir = copyFixture();
    edit(afterDir, "accords/beta.yaml", "topics: [gedekt-thema]", "topics: [gedekt-thema, witte-plek]");
    edit(afterDir, "topics.yaml", "label: Witte plek\n", "label: Witte plek\n    label_en: White patch\n");
    const diff = diffCoverage(await coverageOf(beforeDir), await coverageOf(afterDir));
    const text = renderDiffText(diff, { lang: "en", paint: NO_PAINT });
    expect(text).toContain("White patch (witte-plek): ■ white spot → ▲ possible white spot (implementation)");
    expect(text).not.toContain("Witte plek");
    const markdown = renderDiffMarkdown(diff, { lang: "en" });
    expect(markdown).toContain("| White patch `witte-plek` |");
    expect(markdown).toContain("#### White patch `witte-plek`");
    expect(markdown).not.toContain("Witte plek");
    // Dutch keeps the label as encoded; the JSON keeps its shape (no English labels).
    expect(renderDiffText(diff, { lang: "nl", paint: NO_PAINT })).toContain("Witte plek (witte-plek)");
    expect(renderDiffJson(diff)).not.toContain("White patch");
  });

  it("json: the diff with the new white spots", async () => {
    const { before, after } = await linkedPair();
    const value = JSON.parse(renderDiffJson(diffCoverage(after, before))) as {
      newWhiteSpots: string[];
      changed: { id: string; verdict: { old: string; new: string } }[];
    };
    expect(value.newWhiteSpots).toEqual(["witte-plek"]);
    expect(value.changed[0]).toMatchObject({ id: "witte-plek", verdict: { old: "mogelijke-witte-vlek", new: "witte-vlek" } });
  });
});
