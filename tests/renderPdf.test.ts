// The PDF renderer, tested on fictional studies: the minimal fixture folder, and a study
// of 300 made-up topics built in code. Text is read back with pdfjs-dist, so the tests
// check what a reader of the PDF would see.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as fontkit from "fontkit";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import type { Coverage } from "../src/analyse/coverage.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Group, Rules, Study } from "../src/model.js";
import { formatScore, LEVEL_LABELS, VERDICT_LABELS, WORDS } from "../src/messages/labels.js";
import { contrastRatio, DEMAND_FILL, inkOn, LEVEL_FILLS, PANEL, VERDICT_FILLS } from "../src/render/palette.js";
import { FONT_NAMES } from "../src/render/pdf/fonts.js";
import { renderPdf } from "../src/render/renderPdf.js";
import { MINIMAL, ROOT } from "./helpers.js";
import { accord, action, DEFAULT_RULES, makeStudy, theme, topic } from "./studyBuilder.js";

const GENERATED_ON = new Date(Date.UTC(2024, 7, 1, 23, 30));

/** Text per page, whitespace collapsed. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push(text.replace(/\s+/g, " "));
  }
  await pdf.destroy();
  return pages;
}

/** Drops all whitespace, so a comparison ignores where lines and font runs break. */
const squash = (text: string): string => text.replace(/\s+/g, "");

function expectText(haystack: string, needle: string): void {
  expect(squash(haystack), `expected the PDF text to contain “${needle}”`).toContain(squash(needle));
}

async function minimalStudy(): Promise<Study> {
  const { study, findings } = await loadStudy(MINIMAL);
  expect(findings).toEqual([]);
  return study!;
}

/** Thresholds no default has, so finding them in the text proves they come from `coverage.rules`. */
const DISTINCT_RULES: Rules = {
  strength_scores: { measure: 0.95, agreement: 0.55, mention: 0.25 },
  general_scope_factor: 0.45,
  breadth_minimum: 0.52,
  prevalence_shares: { "all": 0.98, "almost-all": 0.88, "most": 0.74, "more-than-half": 0.61, "half": 0.49, "some": 0.31, "few": 0.14, "none": 0.01 },
  status_scores: { concrete: 0.97, ambition: 0.47, absent: 0.02 },
  indirect_factor: 0.4,
  required_coverage: { one_group: 0.51, two_or_more_groups: 0.77 },
  national_threshold: 0.62,
  white_spot_regional_threshold: 0.33,
};

describe("renderPdf on the minimal fixture", () => {
  let study: Study;
  let coverage: Coverage;
  let bytes: Uint8Array;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    study = await minimalStudy();
    coverage = computeCoverage(study);
    bytes = await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON });
    pages = await pageTexts(bytes);
    text = pages.join("\n");
  });

  it("gives byte-identical output for identical input", async () => {
    const again = await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
  });

  it("changes when the generation date changes, so the date really is in the file", async () => {
    const later = await renderPdf(study, coverage, { lang: "nl", generatedOn: new Date(Date.UTC(2025, 0, 2)) });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(later))).not.toBe(0);
  });

  it("shows the title page with study, date in UTC and data version", () => {
    const title = pages[0]!;
    expectText(title, study.study.title);
    expectText(title, study.study.question);
    expectText(title, "Gegenereerd op 1 augustus 2024");
    expectText(title, coverage.study.dataVersion);
    for (const document of study.study.documents.filter((d) => d.kind === "report" || d.kind === "accord")) expectText(title, document.title);
  });

  it("names every (possible) white spot, with its quote-backed section", () => {
    const flagged = coverage.topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
    expect(flagged.map((t) => t.id).sort()).toEqual(["beleid-kort", "onbekend-thema", "witte-plek"]);
    for (const topic of flagged) {
      expectText(text, topic.label);
      expectText(text, `${topic.id} ·`);
    }
    // The quote of the interview theme behind witte-plek, and the report's conclusion on it.
    expectText(text, "“Een verzonnen citaat.” — ouderen");
    expectText(text, "“Dit kan een witte vlek zijn.”");
    // The disposition of beleid-kort.
    expectText(text, "Besluit: geaccepteerd");
  });

  it("explains the colours in a legend with words and ranges", () => {
    expectText(text, WORDS.nl.legend!);
    for (const word of Object.values(LEVEL_LABELS.nl)) expectText(text, word);
    for (const word of Object.values(VERDICT_LABELS.nl)) expectText(text, word);
    expectText(text, "≥ 0.60");
    expectText(text, "O = ouderen");
  });

  it("compares every conclusion of the report with the computed verdict", () => {
    const comparison = pages.slice(1).find((p) => p.includes("Vergelijking met de gepubliceerde analyse"))!;
    expect(comparison).toBeDefined();
    for (const id of Object.keys(study.reference)) {
      const topic = coverage.topics.find((t) => t.id === id)!;
      expectText(comparison, topic.label);
    }
    // gedekt-thema is computed as covered while the report calls it a possible white spot.
    expectText(comparison, "≠ wijkt af");
  });

  it("puts a page number and the running footer on every page but the title page", () => {
    expect(pages.length).toBeGreaterThan(4);
    expect(squash(pages[0]!)).not.toContain(squash("pagina 1 van"));
    pages.slice(1).forEach((page, index) => {
      expectText(page, `pagina ${index + 2} van ${pages.length}`);
      expectText(page, `${study.study.title} · dataversie ${coverage.study.dataVersion}`);
    });
  });

  it("embeds Noto Sans and DejaVu Sans, and no standard font", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    // The symbols and ≥ come from DejaVu Sans.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe("renderPdf thresholds and language", () => {
  it("prints the thresholds of the rules in force in the method section", async () => {
    const study = await minimalStudy();
    const coverage = computeCoverage(study, DISTINCT_RULES);
    const pages = await pageTexts(await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON }));
    // The rules table may run onto the next page (it holds the rows on how sure a verdict is).
    const start = pages.findIndex((p) => p.includes("Beslisregels"));
    expect(start).toBeGreaterThanOrEqual(0);
    const method = pages.slice(start, start + 2).join("\n");
    const r = DISTINCT_RULES;
    const numbers = [
      ...Object.values(r.strength_scores),
      r.general_scope_factor,
      r.breadth_minimum,
      ...Object.values(r.prevalence_shares),
      ...Object.values(r.status_scores),
      r.indirect_factor,
      r.required_coverage.one_group,
      r.required_coverage.two_or_more_groups,
      r.national_threshold,
      r.white_spot_regional_threshold,
    ];
    for (const number of numbers) expectText(method, formatScore(number));
    expectText(method, `landelijk < ${formatScore(r.national_threshold)} én regionaal < ${formatScore(r.white_spot_regional_threshold)}`);
    expectText(method, "Onbekend telt als niet gedekt");
    // None of the defaults leaks in where a rule should be.
    expect(squash(method)).not.toContain(squash(`landelijk < ${formatScore(DEFAULT_RULES.national_threshold)}`));
  });

  it("uses English labels with lang en", async () => {
    const study = await minimalStudy();
    const coverage = computeCoverage(study);
    const text = (await pageTexts(await renderPdf(study, coverage, { lang: "en", generatedOn: GENERATED_ON }))).join("\n");
    expectText(text, "Generated on 1 August 2024");
    expectText(text, WORDS.en.legend!);
    expectText(text, "Unknown counts as not covered");
    expectText(text, "Covered topic"); // the topic's label_en
    expectText(text, "page 2 of");
    expect(squash(text)).not.toContain(squash("Gegenereerd op"));
  });

  it("does not depend on the TZ environment variable", async () => {
    const study = await minimalStudy();
    const coverage = computeCoverage(study);
    const saved = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const offsetUtc = GENERATED_ON.getTimezoneOffset();
      const inUtc = await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON });
      process.env.TZ = "Pacific/Auckland";
      // Node applies a changed TZ at once; if it did not, this test would prove nothing.
      expect(GENERATED_ON.getTimezoneOffset()).not.toBe(offsetUtc);
      const inAuckland = await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON });
      expect(Buffer.compare(Buffer.from(inUtc), Buffer.from(inAuckland))).toBe(0);
      // 23:30 UTC on 1 August is already 2 August in Auckland: the page keeps the UTC date.
      expectText((await pageTexts(inAuckland))[0]!, "1 augustus 2024");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("renders curly quotes, diacritics, ≥, ≤, –, → and ● from the data", async () => {
    const label = "Fictief: “ĳsvrije” ‘stoep’ – café ≥ 2 ≤ 3 → ● naïef";
    const study = makeStudy({
      topics: [{ ...topic("tekens", "wonen"), label }],
      themes: [theme("th", ["ouderen"], ["tekens"])],
      sample: { tekens: { prevalence: "few" } },
    });
    const text = (await pageTexts(await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON }))).join("\n");
    expectText(text, label);
  });
});

/** 300 made-up topics over the 8 categories: every tenth has demand and is flagged. */
function manyTopicsStudy(count: number): Study {
  const categories = ["cultuur", "regionale-samenwerking", "wijken", "preventie", "zorg-thuis", "professionals", "wonen", "digitalisering"] as const;
  const topics = Array.from({ length: count }, (_, i) => ({
    ...topic(`fictief-${i}`, categories[i % categories.length]!),
    label: i % 9 === 0 ? `Fictief onderwerp ${i} met een lang verzonnen label dat over twee regels loopt` : `Fictief onderwerp ${i}`,
  }));
  const groups: Group[][] = [["ouderen"], ["professionals", "experts"]];
  const flagged = topics.filter((_, i) => i % 10 === 0);
  return makeStudy({
    topics,
    accords: [
      accord("alfa", [
        action(
          "alfa-1",
          "measure",
          topics.filter((_, i) => i % 3 === 0).map((t) => t.id),
        ),
      ]),
      accord("beta", [
        action(
          "beta-1",
          "mention",
          topics.filter((_, i) => i % 4 === 0).map((t) => t.id),
        ),
      ]),
    ],
    themes: flagged.map((t, i) => theme(`thema-${i}`, groups[i % 2]!, [t.id])),
    sample: Object.fromEntries(topics.map((t, i) => [t.id, { prevalence: (["all", "some", "few", "not-assessed"] as const)[i % 4]! }])),
  });
}

describe("renderPdf with 300 fictional topics", () => {
  it("grows the page count, repeats the matrix header and footers on every page", { timeout: 120_000 }, async () => {
    const small = await minimalStudy();
    const smallPages = await pageTexts(await renderPdf(small, computeCoverage(small), { lang: "nl", generatedOn: GENERATED_ON }));

    const study = manyTopicsStudy(300);
    const coverage = computeCoverage(study);
    expect(coverage.topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek").length).toBeGreaterThan(10);
    const pages = await pageTexts(await renderPdf(study, coverage, { lang: "nl", generatedOn: GENERATED_ON }));
    expect(pages.length).toBeGreaterThan(smallPages.length + 10);

    pages.slice(1).forEach((page, index) => {
      const footer = `${study.study.title} · dataversie ${coverage.study.dataVersion} pagina ${index + 2} van ${pages.length}`;
      expectText(page, `pagina ${index + 2} van ${pages.length}`);
      expectText(page, `${study.study.title} · dataversie ${coverage.study.dataVersion}`);
      // No page holds only its footer.
      expect(squash(page).length - squash(footer).length, `page ${index + 2} is empty`).toBeGreaterThan(100);
    });

    // The matrix runs over several pages; each continuation repeats the header row.
    const continued = pages.filter((p) => p.includes("Dekkingsmatrix (vervolg)"));
    expect(continued.length).toBeGreaterThanOrEqual(4);
    for (const page of continued) {
      for (const header of ["Onderwerp", "ALFA", "BETA", "Regio's", "Vraag", "Oordeel", "Rapport"]) expectText(page, header);
      // Under the header the category comes first: repeated with "(vervolg)" where its rows go on.
      const afterHeader = page.slice(page.indexOf("Rapport") + "Rapport".length).trim();
      const category = study.vocabulary.categories.map((c) => c.name).find((label) => afterHeader.startsWith(label));
      expect(category, `a continued matrix page starts with a category: ${afterHeader.slice(0, 60)}`).toBeDefined();
    }
    expect(continued.filter((page) => /Rapport [^·]*? \(vervolg\) Fictief onderwerp/.test(page)).length).toBeGreaterThanOrEqual(3);
    // Every topic is a row of the matrix.
    const matrix = pages.filter((p) => p.includes("Dekkingsmatrix")).join("\n");
    for (const t of study.topics) expectText(matrix, t.label);
  });
});

describe("palette", () => {
  it("sets text on every fill in black or white with at least WCAG AA contrast", () => {
    for (const fill of [...Object.values(LEVEL_FILLS), ...Object.values(VERDICT_FILLS), DEMAND_FILL, PANEL]) {
      expect(contrastRatio(fill, inkOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
    expect(inkOn("#0072B2")).toBe("#FFFFFF");
    expect(inkOn("#E69F00")).toBe("#000000");
  });
});

describe("the fonts prepared at build time (scripts/build-fonts.mjs)", () => {
  it("keep every glyph of the WOFF they come from, without the OpenType layout tables", async () => {
    const require = createRequire(import.meta.url);
    const { FONTS } = (await import("../scripts/build-fonts.mjs" as string)) as { FONTS: Record<string, string> };
    expect(Object.keys(FONTS).sort()).toEqual(FONT_NAMES.slice().sort());
    for (const [name, module] of Object.entries(FONTS)) {
      const fromWoff = fontkit.create(readFileSync(require.resolve(module)));
      const built = fontkit.create(readFileSync(path.join(ROOT, "generated", "fonts", `${name}.ttf`)));
      if (!("numGlyphs" in fromWoff) || !("numGlyphs" in built)) throw new Error("expected single fonts");
      expect(built.numGlyphs, name).toBe(fromWoff.numGlyphs);
      expect(built.postscriptName, name).toBe(fromWoff.postscriptName);
      for (const char of "aé“≥●ĳ")
        expect(built.hasGlyphForCodePoint(char.codePointAt(0)!), `${name} ${char}`).toBe(fromWoff.hasGlyphForCodePoint(char.codePointAt(0)!));
      const tables = (built as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
      for (const table of ["GSUB", "GPOS", "GDEF"]) expect(Object.hasOwn(tables, table), `${name} ${table}`).toBe(false);
      expect(Object.hasOwn(tables, "cmap"), name).toBe(true);
    }
  });

  it("rejects what is not a WOFF file", async () => {
    const { woffToSfnt } = (await import("../scripts/build-fonts.mjs" as string)) as { woffToSfnt: (woff: Buffer) => Buffer };
    expect(() => woffToSfnt(Buffer.from("not a font at all, but long enough to have a header of 44 bytes"))).toThrow(/WOFF/);
  });
});

describe("renderPdf with assessed region plans", () => {
  it("adds the region-plan part, with completeness and per-indicator counts, only when plans exist", async () => {
    const study = makeStudy({
      topics: [topic("t1"), topic("t2", "wonen")],
      sampleRegions: ["Regio A", "Regio B"],
      sample: { t1: { prevalence: "half" }, t2: { prevalence: "few" } },
      plans: [{ region: "Fictieve regio A", findings: { t1: { status: "concrete" }, t2: { status: "unknown" } } }],
    });
    const withPlans = (await pageTexts(await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON }))).join("\n");
    expectText(withPlans, "Beoordeelde regioplannen");
    expectText(withPlans, "Fictieve regio A");
    expectText(withPlans, "50%");
    const without = makeStudy({ topics: [topic("t1")] });
    const plain = (await pageTexts(await renderPdf(without, computeCoverage(without), { lang: "nl", generatedOn: GENERATED_ON }))).join("\n");
    expect(squash(plain)).not.toContain(squash("Beoordeelde regioplannen"));
  });
});

describe("PDF escape step (issue 14)", () => {
  it("text from the data reaches the page without controls, direction or zero-width characters", async () => {
    const hostile = "ALLES\u001b[2J GE\u0000DEKT\u202e \u200bzorg\tthuis \ud800";
    const study = makeStudy({
      topics: [{ ...topic("constructor", "cultuur"), label: hostile }],
      accords: [{ ...accord("iza", [{ ...action("iza-1", "mention", ["constructor"]), text: hostile }]), name: "IZA\u0007" }],
      themes: [
        {
          ...theme("th", ["ouderen"], ["constructor"]),
          title: hostile,
          quotes: [{ text: hostile, group: "ouderen", source: { doc: "fictief.txt", section: "Fictief" } }],
        },
      ],
    });
    study.study.title = hostile;
    const bytes = await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    const text = (await pageTexts(bytes)).join(" ");
    expect(text).toContain("ALLES[2J GEDEKT zorg thuis \uFFFD");
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202E]/);
  });
});

describe("the PDF's document information", () => {
  it("names the tool as author, not the study report's authors, and keeps the study's title", async () => {
    const study = makeStudy({ topics: [topic("t1")] });
    const pdf = await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    const document = await getDocument({ data: pdf.slice() }).promise;
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Author).toBe("dekking");
    expect(info.Author).not.toContain(study.study.authors[0]!);
    expect(info.Title).toBe(study.study.title);
  });
});
