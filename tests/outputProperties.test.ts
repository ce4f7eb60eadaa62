// Whatever text the data holds, every output kind stays safe: no control, invisible or
// direction character reaches any output (beyond newline, tab and the tool's own colour
// codes), every CSV cell is formula-safe, every Markdown table keeps its column count and
// nothing from the data becomes a tag or a link, and the terminal matrix, explain and the
// regions table never exceed the width they were given (0 to 300 columns). Properties with
// fast-check; `npm run fuzz` runs them 5,000 times.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { diffCoverage } from "../src/analyse/diffCoverage.js";
import type { Study } from "../src/model.js";
import { loadPaint, NO_PAINT } from "../src/render/paint.js";

const COLOUR = await loadPaint(true);
import { regionMatrix } from "../src/analyse/regionMatrix.js";
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from "../src/render/renderDiff.js";
import { renderExplain } from "../src/render/renderExplain.js";
import { renderFindingsJson, renderFindingsStylish } from "../src/render/renderFindings.js";
import { renderMatrixCsv } from "../src/render/renderMatrixCsv.js";
import { renderMatrixJson } from "../src/render/renderMatrixJson.js";
import { renderMatrixMarkdown } from "../src/render/renderMatrixMarkdown.js";
import { renderMatrixTable } from "../src/render/renderMatrixTable.js";
import { renderRegionsCsv, renderRegionsJson, renderRegionsMarkdown, renderRegionsTable } from "../src/render/renderRegions.js";
import { renderReportMarkdown } from "../src/render/renderReportMarkdown.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { MIN_WIDTH, usableWidth, visibleWidth } from "../src/render/textColumns.js";
import {
  brokenTableRows,
  formulaCells,
  htmlReaderText,
  leakedJsonValues,
  leakedValueIn,
  nonFiniteNumbers,
  rawMarkup,
  unsafeCharacterIn,
} from "./outputChecks.js";
import { coverageToJson } from "../src/render/renderMatrixJson.js";
import { renderSensitivityJson } from "../src/render/renderSensitivityJson.js";
import { sensitivitySection } from "../src/document/sections/certainty.js";
import { emitMarkdownSections } from "../src/render/report/markdown.js";
import { emitTerminalSections } from "../src/render/report/terminal.js";
import { renderReportHtml } from "../src/render/renderReportHtml.js";
import { plainSummarySection } from "../src/document/sections/plainSummary.js";
import { checkSchema } from "../src/validate/schemaCheck.js";
import { checkRulesOrder } from "../src/validate/checkReferences.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Rules } from "../src/model.js";
import { MINIMAL } from "./helpers.js";
import { RUNS } from "./fuzzCorpus.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

/** Pieces attackers and careless pastes bring. */
const HOSTILE = [
  "\u001b[2J",
  "\u001b[31mALLES GEDEKT\u001b[0m",
  "\u001b]8;;http://example.org\u0007klik\u001b]8;;\u0007",
  "\u0000",
  "\r",
  "\b",
  "\u0007",
  "\u009b31m",
  "\u0085",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\ud800",
  "\udc00",
  "\t",
  "\n",
  "\r\n",
  '=HYPERLINK("http://example.org","klik")',
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  " =1",
  "\uff1d1",
  "<script>alert(1)</script>",
  "</summary></details>",
  "[klik](http://example.org)",
  "![x](y)",
  "|",
  "\\|",
  "`",
  "**",
  "_x_",
  "http://example.org",
  "www.example.org",
  "a@b.nl",
  "# kop",
  "- lijst",
  "1. lijst",
  "e\u0301",
  "漢字",
  "👩‍👩‍👧",
  "ЗЕЕЛАНД",
  "constructor",
  "__proto__",
  "toString",
  " ",
  "",
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 8 }), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""));

const SOURCE = { doc: "fictief", section: "Fictief" };

interface Texts {
  labels: string[];
  accordName: string;
  themeTitle: string;
  quote: string;
  region: string;
  planQuote: string;
  sampleQuote: string;
  rationale: string;
  title: string;
  doc: string;
}

const texts: fc.Arbitrary<Texts> = fc.record({
  labels: fc.array(text, { minLength: 3, maxLength: 3 }),
  accordName: text,
  themeTitle: text,
  quote: text,
  region: text,
  planQuote: text,
  sampleQuote: text,
  rationale: text,
  title: text,
  doc: text,
});

function hostileStudy(t: Texts): Study {
  const base = makeStudy({
    topics: [
      { ...topic("constructor", "cultuur"), label: t.labels[0]!, label_en: t.labels[1]! },
      { ...topic("vlek", "wonen"), label: t.labels[1]! },
      { ...topic("stil", "digitalisering"), label: t.labels[2]! },
    ],
    accords: [
      { ...accord("iza", [{ ...action("iza-1", "measure", ["constructor"]), text: t.quote, source: { doc: t.doc, section: t.title } }]), name: t.accordName },
      accord("gala", [action("gala-1", "mention", ["vlek"])]),
    ],
    themes: [
      {
        ...theme("th", ["ouderen", "professionals"], ["constructor", "vlek"]),
        title: t.themeTitle,
        summary: t.quote,
        quotes: [{ text: t.quote, group: "ouderen", source: SOURCE }],
      },
    ],
    sample: { constructor: { prevalence: "all" as const }, vlek: { prevalence: "few" as const }, stil: { prevalence: "half" as const } },
    sampleRegions: [t.region, "Regio B"],
    plans: [{ region: t.region, findings: { constructor: { status: "concrete" as const }, vlek: { status: "absent" as const } } }],
    reference: { vlek: { conclusion: "possible-white-spot", quote: t.sampleQuote, source: SOURCE } },
    dispositions: { constructor: { decision: "accepted" as const, rationale: t.rationale, quote: t.quote, source: SOURCE } },
  });
  // The study's own words are data too: a group's and a category's names are hostile text.
  const vocabulary = structuredClone(base.vocabulary);
  vocabulary.groups[0] = { ...vocabulary.groups[0]!, name: t.themeTitle, name_en: t.rationale };
  vocabulary.categories[0] = { ...vocabulary.categories[0]!, name: t.accordName, name_en: t.region };
  base.vocabulary = vocabulary;
  base.study.vocabulary = vocabulary;
  base.study.title = t.title;
  base.study.question = t.quote;
  base.study.documents = [{ id: t.doc, title: t.title, publisher: t.rationale, kind: "report" }];
  base.sample!.findings.vlek!.quote = t.sampleQuote;
  const id: string = "constructor";
  base.regionPlans[0]!.findings[id]!.quote = t.planQuote;
  return base;
}

const options = (overrides: Partial<RenderOptions> = {}): RenderOptions => ({ lang: "nl", paint: NO_PAINT, width: 120, excel: false, ...overrides });

function expectSafe(name: string, output: string, flags: { colour?: boolean; csv?: boolean } = {}): void {
  expect(unsafeCharacterIn(output, flags), name).toBeUndefined();
}

function expectFits(name: string, output: string, width: number): void {
  const over = output.split("\n").filter((line) => visibleWidth(line) > width);
  expect(over, `${name} at ${width} columns`).toEqual([]);
}

describe("every output is safe for any text in the data", () => {
  it(`matrix in every format, explain, regions, report Markdown and diff (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.constantFrom("nl" as const, "en" as const), (t, width, colour, lang) => {
        const study = hostileStudy(t);
        const coverage = computeCoverage(study);
        const paint = colour ? COLOUR : NO_PAINT;
        const usable = usableWidth(width);

        const table = renderMatrixTable(coverage, options({ lang, paint, width }));
        expectSafe("matrix table", table, { colour });
        expectFits("matrix table", table, usable);
        expect(table).toContain(lang === "nl" ? "3 onderwerpen" : "3 topics");

        for (const topicCoverage of coverage.topics) {
          const explain = renderExplain(study, coverage, topicCoverage, { lang, paint, width });
          expectSafe("explain", explain, { colour });
          expectFits("explain", explain, Math.min(usable, 120));
        }

        expectSafe("matrix json", renderMatrixJson(coverage, options({ lang })));
        expect(JSON.parse(renderMatrixJson(coverage, options({ lang }))).topics[0].label).toBe(t.labels[0]);

        for (const excel of [false, true]) {
          const csv = renderMatrixCsv(coverage, options({ lang, excel }));
          expectSafe("matrix csv", csv, { csv: true });
          expect(formulaCells(csv, excel ? ";" : ",")).toEqual([]);
          const regionsCsv = renderRegionsCsv(regionMatrix(study), options({ lang, excel }));
          expectSafe("regions csv", regionsCsv, { csv: true });
          expect(formulaCells(regionsCsv, excel ? ";" : ",")).toEqual([]);
        }

        const markdown = renderMatrixMarkdown(coverage, options({ lang }));
        const report = renderReportMarkdown(study, coverage, { lang, generatedOn: new Date(0) });
        const regionsMarkdown = renderRegionsMarkdown(regionMatrix(study), options({ lang }));
        const changed = hostileStudy({ ...t, labels: [t.labels[2]!, t.labels[0]!, t.labels[1]!] });
        changed.accords = changed.accords.slice(0, 1);
        changed.study.accords = ["iza"];
        const diff = diffCoverage(coverage, computeCoverage(changed));
        const diffMarkdown = renderDiffMarkdown(diff, { lang });
        for (const [name, md] of [
          ["matrix markdown", markdown],
          ["report markdown", report],
          ["regions markdown", regionsMarkdown],
          ["diff markdown", diffMarkdown],
        ] as const) {
          expectSafe(name, md);
          expect(brokenTableRows(md), name).toEqual([]);
          expect(rawMarkup(md), name).toEqual([]);
        }

        const regionsTable = renderRegionsTable(regionMatrix(study), options({ lang, paint, width }));
        expectSafe("regions table", regionsTable, { colour });
        expectFits("regions table", regionsTable, usable);
        expectSafe("regions json", renderRegionsJson(regionMatrix(study), options()));

        expectSafe("diff text", renderDiffText(diff, { lang, paint }), { colour });
        expectSafe("diff json", renderDiffJson(diff));

        const findings = [
          {
            // Data text in the message (the group) and in the hint (the group again, and the theme's groups).
            code: "group-not-in-theme" as const,
            severity: "error" as const,
            file: t.doc,
            position: { line: 0, col: 0 },
            params: { group: t.quote, themeGroups: [t.rationale] },
          },
        ];
        expectSafe("findings", renderFindingsStylish({ findings, fileCount: 1, displayPath: (f) => f }, paint), { colour });
        expectSafe("findings json", renderFindingsJson({ findings, fileCount: 1, displayPath: (f) => f }));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it(`the terminal matrix of twenty accords fits every width from 0 to 300`, () => {
    const accords = Array.from({ length: 20 }, (_, i) => accord(`akkoord-${i}`, [action(`a-${i}`, "agreement", ["constructor"])]));
    const study = makeStudy({
      topics: [{ ...topic("constructor"), label: "e\u0301e\u0301n 漢字 label ".repeat(4) }],
      accords,
      themes: [theme("th", ["ouderen"], ["constructor"])],
    });
    const coverage = computeCoverage(study);
    for (let width = 0; width <= 300; width++) {
      expectFits("matrix table", renderMatrixTable(coverage, options({ width })), Math.max(MIN_WIDTH, width));
    }
  });
});

// ── Issue 24, kinds 4 and 10: every rules file that validates analyses, and nothing a reader
// sees shows undefined, null, NaN, Infinity or [object Object] ─────────────────────────────

/** A number of rules.yaml: often at an edge of what the schema allows, where the arithmetic breaks. */
const share = fc.oneof(fc.constantFrom(0, 1, 0.5, Number.MIN_VALUE, 1 - Number.EPSILON), fc.double({ min: 0, max: 1, noNaN: true }));
const weight = fc.oneof(fc.constantFrom(0, 1, 100, 1e6, 1e308, Number.MAX_VALUE), fc.double({ min: 0, max: 1e6, noNaN: true }));
const count = fc.oneof(fc.constantFrom(1, 2, 3, 100, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308), fc.integer({ min: 1, max: 20 }));
const descending = (n: number) => fc.array(share, { minLength: n, maxLength: n }).map((values) => values.sort((a, b) => b - a));

const rulesArbitrary: fc.Arbitrary<Rules> = fc
  .record({
    strength: descending(3),
    prevalence: descending(8),
    status: descending(3),
    required: descending(2),
    general_scope_factor: share,
    breadth_minimum: share,
    indirect_factor: share,
    national_threshold: share,
    white_spot_regional_threshold: share,
    spread: fc.option(fc.tuple(share, share), { nil: undefined }),
    minimum_evidence_regions: fc.option(count, { nil: undefined }),
    steps: fc.option(
      fc.record({ score: fc.oneof(fc.constantFrom(Number.MIN_VALUE, 0.5, 0.05), fc.double({ min: Number.MIN_VALUE, max: 0.5, noNaN: true })), regions: count }),
      { nil: undefined },
    ),
    weights: fc.option(fc.record({ per_group: weight, shortfall: weight, robust: weight }), { nil: undefined }),
  })
  .map((r) => {
    const words = ["all", "almost-all", "most", "more-than-half", "half", "some", "few", "none"] as const;
    const shares = Object.fromEntries(words.map((w, i) => [w, r.prevalence[i]!])) as Rules["prevalence_shares"];
    return {
      strength_scores: { measure: r.strength[0]!, agreement: r.strength[1]!, mention: r.strength[2]! },
      general_scope_factor: r.general_scope_factor,
      breadth_minimum: r.breadth_minimum,
      prevalence_shares: shares,
      status_scores: { concrete: r.status[0]!, ambition: r.status[1]!, absent: r.status[2]! },
      indirect_factor: r.indirect_factor,
      required_coverage: { two_or_more_groups: r.required[0]!, one_group: r.required[1]! },
      national_threshold: r.national_threshold,
      white_spot_regional_threshold: r.white_spot_regional_threshold,
      ...(r.spread
        ? {
            prevalence_ranges: Object.fromEntries(
              words.map((w) => [w, { low: Math.max(0, shares[w] - r.spread![0]), high: Math.min(1, shares[w] + r.spread![1]) }]),
            ) as Rules["prevalence_ranges"],
          }
        : {}),
      ...(r.minimum_evidence_regions !== undefined ? { minimum_evidence_regions: r.minimum_evidence_regions } : {}),
      ...(r.steps ? { sensitivity_steps: r.steps } : {}),
      ...(r.weights ? { priority_weights: r.weights } : {}),
    };
  });

function expectReadable(name: string, output: string): void {
  expect(leakedValueIn(output), name).toBeUndefined();
}

const MINIMAL_STUDY = (await loadStudy(MINIMAL)).study!;

describe("every rules file that validates analyses, and every output stays readable", () => {
  it(`rules at the edges of the schema: no crash, no undefined, null, NaN or Infinity in any output (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(rulesArbitrary, fc.constantFrom("nl" as const, "en" as const), (rules, lang) => {
        // What the schema or the order check refuses needs not analyse: it never gets that far.
        fc.pre(checkSchema("rules", "rules.yaml", rules).length === 0 && checkRulesOrder("rules.yaml", rules).length === 0);
        for (const base of [
          MINIMAL_STUDY,
          hostileStudy({
            labels: ["a", "b", "c"],
            accordName: "A",
            themeTitle: "T",
            quote: "Een citaat van genoeg woorden",
            region: "Regio A",
            planQuote: "Een citaat uit het plan",
            sampleQuote: "Een citaat uit het verslag",
            rationale: "Omdat",
            title: "Titel",
            doc: "fictief",
          }),
        ]) {
          const study = { ...base, rules };
          const coverage = computeCoverage(study);
          expect(nonFiniteNumbers(coverageToJson(coverage, { lang })), "coverage json").toEqual([]);
          // Nulls the contract allows are fine here; a number that is not finite (null in JSON) is caught above.
          expect(leakedJsonValues(renderMatrixJson(coverage, options({ lang })), "any")).toEqual([]);
          expect(leakedJsonValues(renderSensitivityJson(coverage), "any")).toEqual([]);
          expectReadable("matrix table", renderMatrixTable(coverage, options({ lang })));
          expectReadable(
            "matrix table by priority",
            renderMatrixTable(
              { ...coverage, topics: [...coverage.topics].sort((a, b) => (a.priority?.rank ?? 1e9) - (b.priority?.rank ?? 1e9)) },
              options({ lang, width: 70 }),
            ),
          );
          expectReadable("matrix csv", renderMatrixCsv(coverage, options({ lang, excel: true })));
          expectReadable("matrix markdown", renderMatrixMarkdown(coverage, options({ lang })));
          const sensitivity = sensitivitySection({ study, coverage, lang }, coverage.topics);
          expectReadable("sensitivity", emitTerminalSections([sensitivity], { paint: NO_PAINT, width: 120 }));
          expectReadable("sensitivity markdown", emitMarkdownSections([sensitivity], 2));
          expectReadable("report markdown", renderReportMarkdown(study, coverage, { lang, generatedOn: new Date(0) }));
          expectReadable("report html", htmlReaderText(renderReportHtml(study, coverage, { lang, generatedOn: new Date(0) })));
          expectReadable("summary", emitMarkdownSections([plainSummarySection({ study, coverage, lang })], 1));
          for (const topicCoverage of coverage.topics)
            expectReadable(`explain ${topicCoverage.id}`, renderExplain(study, coverage, topicCoverage, { lang, paint: NO_PAINT, width: 120 }));
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it(`hostile text: no undefined, null, NaN or [object Object] in any text output (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(texts, fc.constantFrom("nl" as const, "en" as const), (t, lang) => {
        // Text from the data may itself say "null"; what must never appear is a value the program leaked.
        const clean = (s: string): string => s.replace(/undefined|null|NaN|Infinity|object Object/g, "x");
        const study = hostileStudy({
          ...t,
          labels: t.labels.map(clean),
          accordName: clean(t.accordName),
          themeTitle: clean(t.themeTitle),
          quote: clean(t.quote),
          region: clean(t.region),
          planQuote: clean(t.planQuote),
          sampleQuote: clean(t.sampleQuote),
          rationale: clean(t.rationale),
          title: clean(t.title),
          doc: clean(t.doc),
        });
        const coverage = computeCoverage(study);
        expectReadable("matrix table", renderMatrixTable(coverage, options({ lang })));
        expectReadable("matrix csv", renderMatrixCsv(coverage, options({ lang })));
        expectReadable("matrix markdown", renderMatrixMarkdown(coverage, options({ lang })));
        expect(nonFiniteNumbers(coverageToJson(coverage, { lang }))).toEqual([]);
        expect(leakedJsonValues(renderMatrixJson(coverage, options({ lang })), "any")).toEqual([]);
        expectReadable("report markdown", renderReportMarkdown(study, coverage, { lang, generatedOn: new Date(0) }));
        expectReadable("report html", htmlReaderText(renderReportHtml(study, coverage, { lang, generatedOn: new Date(0) })));
        expectReadable("regions", renderRegionsTable(regionMatrix(study), options({ lang })));
        expectReadable("regions markdown", renderRegionsMarkdown(regionMatrix(study), options({ lang })));
        for (const topicCoverage of coverage.topics)
          expectReadable("explain", renderExplain(study, coverage, topicCoverage, { lang, paint: NO_PAINT, width: 120 }));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
