// The command outputs in English carry no Dutch fixed word: `matrix`, `regions`, `explain`,
// `screen`, `agreement` and `diff` take every fixed word from the catalogue (src/messages/) in
// the output's language. The studies are built in code with an English label for every topic,
// so whatever Dutch the English output shows is the tool's own. Two nets: every Dutch string
// of the catalogue that differs from its English twin, and common Dutch words that only a
// sentence of the tool could bring.

import { describe, expect, it } from "vitest";
import { computeAccordAgreement } from "../src/analyse/accordAgreement.js";
import { computeAgreement } from "../src/analyse/agreement.js";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { diffCoverage } from "../src/analyse/diffCoverage.js";
import type { Coverage } from "../src/analyse/coverage.js";
import { CERTAINTY_WORDS } from "../src/messages/certaintyWords.js";
import {
  ACCORD_AGREEMENT_WORDS,
  DIFF_WORDS,
  EXPLAIN_WORDS,
  MATRIX_WORDS,
  PLAN_AGREEMENT_WORDS,
  REGIONS_WORDS,
  SCREEN_WORDS,
} from "../src/messages/commandText.js";
import {
  DECISION_LABELS,
  EXCLUSION_LABELS,
  GAP_LABELS,
  LEVEL_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  REPORT_WORDS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SHORT,
  WORDS,
} from "../src/messages/labels.js";
import { PAGE_WORDS } from "../src/messages/pageWords.js";
import { REPORT_TEXT } from "../src/messages/reportText.js";
import type { Study, Topic } from "../src/model.js";
import { NO_PAINT } from "../src/render/paint.js";
import { renderAccordAgreementTable, renderAgreementTable } from "../src/render/renderAgreement.js";
import { renderDiffMarkdown, renderDiffText } from "../src/render/renderDiff.js";
import { renderExplain } from "../src/render/renderExplain.js";
import { renderMatrixMarkdown } from "../src/render/renderMatrixMarkdown.js";
import { renderMatrixTable } from "../src/render/renderMatrixTable.js";
import { regionMatrix, renderRegionsMarkdown, renderRegionsTable } from "../src/render/renderRegions.js";
import { renderScreenTable, type ScreenResult } from "../src/render/renderScreen.js";
import { missingDataSentence } from "../src/render/missingData.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { accord, action, DEFAULT_RULES, makeStudy, theme } from "./studyBuilder.js";

/** Every string of the Dutch catalogue (nested records too) of 8 or more characters that its English twin does not share. */
function dutchStrings(): string[] {
  const catalogues: Record<"nl" | "en", unknown>[] = [
    WORDS,
    REPORT_WORDS,
    PAGE_WORDS,
    REPORT_TEXT,
    VERDICT_LABELS,
    VERDICT_SHORT,
    GAP_LABELS,
    DECISION_LABELS,
    LEVEL_LABELS,
    PLAN_STATUS_LABELS,
    STRENGTH_LABELS,
    PREVALENCE_LABELS,
    EXCLUSION_LABELS,
    CERTAINTY_WORDS,
    MATRIX_WORDS,
    EXPLAIN_WORDS,
    REGIONS_WORDS,
    DIFF_WORDS,
    SCREEN_WORDS,
    PLAN_AGREEMENT_WORDS,
    ACCORD_AGREEMENT_WORDS,
  ];
  const english = new Set<string>();
  const dutch = new Set<string>();
  const walk = (value: unknown, into: Set<string>): void => {
    if (typeof value === "string") into.add(value);
    else if (value !== null && typeof value === "object") for (const v of Object.values(value)) walk(v, into);
  };
  for (const catalogue of catalogues) {
    walk(catalogue.en, english);
    walk(catalogue.nl, dutch);
  }
  return [...dutch].filter((text) => text.length >= 8 && !english.has(text));
}

/** Dutch words no English sentence of the tool has, as whole words. */
const DUTCH_WORDS =
  /\b(de|het|een|van|niet|geen|voor|uit|zijn|wordt|telt|waarvan|gewijzigd|onderwerpen?|oordeel|beoordeeld|landelijk|regionaal|gekoppeld|uitgesloten|kandidaten|vergeleken|eens|oneens|peildatum|bewijs|bron|vraag|tekort|steekproef|regioplan(nen)?|nieuwe?|zeker|gevoelig|robuust|prioriteit|legenda|ja|nee)\b/i;

const DUTCH = dutchStrings();

/** The Dutch the output shows: catalogue strings it contains, and lines with a Dutch word. */
function dutchIn(output: string): string[] {
  return [...DUTCH.filter((text) => output.includes(text)), ...output.split("\n").filter((line) => DUTCH_WORDS.test(line))];
}

/** A study built so every branch of the outputs shows: each verdict, no demand, too little regional evidence, a reference and a decision. */
function englishStudy(): Study {
  const topic = (id: string, labelEn: string, category: Topic["category"] = "cultuur"): Topic => ({
    id,
    label: `Label ${id}`,
    label_en: labelEn,
    category,
    indicator: true,
  });
  const study = makeStudy({
    topics: [
      topic("wit", "White topic"),
      topic("half", "Half topic"),
      topic("vol", "Full topic", "wonen"),
      topic("stil", "Quiet topic", "wonen"),
      topic("dun", "Thin topic", "preventie"),
      topic("rand", "Edge topic", "preventie"),
    ],
    accords: [
      accord("alpha", [action("alpha-a", "agreement", ["half", "vol", { id: "dun", scope: "general" }]), action("alpha-b", "measure", ["vol", "rand"])]),
      accord("beta", [action("beta-a", "mention", ["half"])]),
    ],
    themes: [theme("th1", ["ouderen", "professionals"], ["wit", "half", "vol"]), theme("th2", ["experts"], ["dun", "rand"])].map((t) => ({
      ...t,
      summary: "Summary",
    })),
    sample: { wit: { prevalence: "few" }, half: { prevalence: "most", indirect: true }, vol: { prevalence: "all" }, rand: { prevalence: "half" } },
    plans: [
      { region: "Regio A", findings: { half: { status: "ambition" }, vol: { status: "concrete" } } },
      { region: "Regio C", findings: { dun: { status: "concrete" }, wit: { status: "absent" } } },
    ],
    reference: {
      half: { conclusion: "possible-white-spot", quote: "Quote", source: { doc: "fictief", section: "Section" } },
      vol: { conclusion: "monitor", quote: "Quote", source: { doc: "fictief", section: "Section" } },
    },
    dispositions: {
      half: { decision: "monitor", rationale: "Rationale", quote: "Quote", decided_by: "Board", source: { doc: "fictief", section: "Section" } },
    },
    rules: { ...DEFAULT_RULES, minimum_evidence_regions: 2 },
  });
  return study;
}

const en = (options: Partial<RenderOptions> = {}): RenderOptions => ({ lang: "en", paint: NO_PAINT, width: 140, excel: false, ...options });

describe("the English command outputs", () => {
  const study = englishStudy();
  const coverage = computeCoverage(study);

  it("the study shows what it is built to show", () => {
    const verdicts = new Set(coverage.topics.map((t) => t.verdict));
    expect(verdicts).toEqual(new Set(["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"]));
    const thin = coverage.topics.find((t) => t.id === "dun")!;
    expect(thin.regional.score).toBeNull();
    expect(thin.regional.evidenceRegions).toBeGreaterThan(0);
    expect(coverage.topics.some((t) => !t.robust)).toBe(true);
    expect(coverage.topics.some((t) => t.priority)).toBe(true);
    expect(DUTCH.length).toBeGreaterThan(150);
  });

  it("the check finds Dutch: a catalogue string and a Dutch word planted in an English output", () => {
    const output = renderMatrixTable(coverage, en());
    expect(dutchIn(output)).toEqual([]);
    expect(dutchIn(`${output}${MATRIX_WORDS.nl.byPriority}\n`)).toContain(MATRIX_WORDS.nl.byPriority);
    expect(dutchIn(`${output}\n3 kandidaten`)).toEqual(["3 kandidaten"]);
    // The Dutch output is caught all over.
    expect(dutchIn(renderMatrixTable(coverage, en({ lang: "nl" }))).length).toBeGreaterThan(10);
  });

  it("matrix: every layout, priority order and Markdown", () => {
    for (const width of [140, 100, 70, 40]) {
      expect(dutchIn(renderMatrixTable(coverage, en({ width }))), `width ${width}`).toEqual([]);
      expect(dutchIn(renderMatrixTable(coverage, en({ width, sort: "priority" }))), `width ${width}, priority`).toEqual([]);
    }
    const markdown = renderMatrixMarkdown(coverage, en());
    expect(dutchIn(markdown)).toEqual([]);
    expect(markdown).toContain("White topic");
    expect(markdown).not.toContain("Label wit");
    const empty = computeCoverage(makeStudy({ topics: [], sampleRegions: [] }));
    expect(dutchIn(missingDataSentence(empty, "en")!)).toEqual([]);
  });

  it("regions: with plans and without, table and Markdown", () => {
    const matrix = regionMatrix(study);
    for (const width of [140, 60]) expect(dutchIn(renderRegionsTable(matrix, en({ width }))), `width ${width}`).toEqual([]);
    const markdown = renderRegionsMarkdown(matrix, en());
    expect(dutchIn(markdown)).toEqual([]);
    expect(markdown).toContain("Half topic");
    const none = regionMatrix(makeStudy());
    expect(dutchIn(renderRegionsTable(none, en()))).toEqual([]);
    expect(dutchIn(renderRegionsMarkdown(none, en()))).toEqual([]);
  });

  it("explain: every topic, with an action out of period", () => {
    const lapsed = action("alpha-old", "measure", ["wit"]);
    for (const topic of coverage.topics) {
      const text = renderExplain(study, coverage, topic, {
        lang: "en",
        paint: NO_PAINT,
        width: 120,
        outOfPeriod: [
          {
            accord: "alpha",
            action: { ...lapsed, period: { from: "2020-01-01", to: "2021-01-01", quote: "Until 2021", source: { doc: "fictief", section: "Section" } } },
            state: "lapsed",
          },
        ],
      });
      expect(dutchIn(text), topic.id).toEqual([]);
    }
    const thin = renderExplain(
      study,
      coverage,
      coverage.topics.find((t) => t.id === "dun")!,
      { lang: "en", paint: NO_PAINT, width: 120 },
    );
    expect(thin).toContain("Evidence from 1 region; at least 2 are needed before a regional score counts.");
  });

  it("screen: every mark, the order notes and the count line", () => {
    const passage = { doc: "fictief", page: 3, text: "Passage text", score: 1.5, matched: ["term"], heading: ["term"], repeats: 0 };
    const result: ScreenResult = {
      topic: { id: "wit", label: "Label wit", labelEn: "White topic" },
      documents: ["fictief"],
      withoutText: ["other"],
      terms: ["term"],
      candidates: [
        { ...passage, mark: { decision: "linked", action: "alpha-a" } },
        { ...passage, repeats: 1, mark: { decision: "excluded", reason: "off-topic" } },
        { ...passage, wordList: "Glossary", mark: { decision: "cited", citations: [{ region: "Regio A", topic: "wit", file: "regions/a.yaml" }] } },
        { ...passage, repeats: 2, mark: { decision: "new" } },
      ],
    };
    const text = renderScreenTable(result, { lang: "en", paint: NO_PAINT, width: 120, limit: 3 });
    expect(dutchIn(text)).toEqual([]);
    expect(text).toContain("Screening: White topic (wit)");
    // A passage a region file cites counts as linked.
    expect(text).toContain("4 candidates: 2 linked, 1 excluded, 1 new · shown: 3 (--limit 0 shows all)");
  });

  it("agreement: two assessments of a plan, two codings of an accord", () => {
    const plan = computeAgreement(
      { wit: { status: "absent" }, half: { status: "ambition" }, vol: { status: "concrete" } },
      { wit: { status: "absent" }, half: { status: "concrete" }, vol: { status: "unknown" } },
    );
    const labels = { a: "a.yaml", b: "b.yaml" };
    const planText = renderAgreementTable(plan, labels, { lang: "en", paint: NO_PAINT, width: 100 });
    expect(dutchIn(planText)).toEqual([]);
    expect(planText).toContain("Compared: 2 topics both assessed; agreeing: 1 (50%)");
    const a = [action("x", "measure", ["wit"]), action("y", "agreement", ["half"]), action("only-a", "mention", ["vol"])];
    const b = [action("x", "agreement", ["wit", "half"]), action("y", "agreement", [{ id: "half", scope: "general" }]), action("only-b", "mention", ["vol"])];
    const accordText = renderAccordAgreementTable(computeAccordAgreement("alpha", a, b, ["wit", "half", "vol"]), labels, {
      lang: "en",
      paint: NO_PAINT,
      width: 100,
    });
    expect(dutchIn(accordText)).toEqual([]);
    expect(accordText).toContain("x: A measure, B agreement");
  });

  it("diff: text and Markdown, topics changed, added and removed", () => {
    const before: Coverage = computeCoverage({ ...study, topics: study.topics.filter((t) => t.id !== "dun"), rules: DEFAULT_RULES });
    const diff = diffCoverage(before, coverage);
    const text = renderDiffText(diff, { lang: "en", paint: NO_PAINT });
    expect(dutchIn(text)).toEqual([]);
    expect(text).toContain("Thin topic (dun)");
    expect(dutchIn(renderDiffMarkdown(diff, { lang: "en" }))).toEqual([]);
    expect(dutchIn(renderDiffMarkdown(diffCoverage(coverage, coverage), { lang: "en" }))).toEqual([]);
  });
});
