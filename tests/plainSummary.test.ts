// The summary in plain language (B1): readability by named measures, and every number in it
// matching the coverage.
//
// Measures (tests/readability.ts): Flesch–Douma (Douma 1960), the average sentence length
// in words, and the share of words of four syllables or more. Thresholds, and why:
// - The tool's own sentences (the fixed patterns, without the topic names from the data):
//   Flesch–Douma ≥ 70 ("redelijk makkelijk" on Douma's scale; B1 texts score 60–80), at most
//   10 words per sentence on average and no sentence over 15 words (B1 guidance keeps
//   sentences short, 10–15 words), long words ≤ 10%.
// - The whole text, topic names included: Flesch–Douma ≥ 60 and long words ≤ 12%. The names
//   are the study's own terms ("Coördinatie en concentratie tijdelijk verblijfsvormen"); they
//   cannot be simplified without rewording the study, so the whole text gets a lower bar.

import { beforeAll, describe, expect, it } from "vitest";
import type { Coverage } from "../src/analyse/coverage.js";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Study } from "../src/model.js";
import { plainSummary, plainSummarySection, plainSummaryText, type PlainSummary } from "../src/document/sections/plainSummary.js";
import { emitMarkdownSections } from "../src/render/report/markdown.js";
import { readability, sentencesOf, wordsOf } from "./readability.js";
import { SHIPPED_DATA } from "./helpers.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

let shipped: Study;
let coverage: Coverage;
let summary: PlainSummary;
beforeAll(async () => {
  const { study } = await loadStudy(SHIPPED_DATA);
  shipped = study!;
  coverage = computeCoverage(shipped);
  summary = plainSummary(coverage, "nl", shippedQuestion());
});

/** The shipped study's question as the report's section gives it: its plain rendering. */
function shippedQuestion(): { text: string; plain: boolean } {
  return { text: shipped.study.question_plain!, plain: true };
}

/** The tool's own sentences: paragraphs and headings, without the lists of topic names. */
function prose(s: PlainSummary): string {
  return s.sections.flatMap((section) => [section.heading, ...section.blocks.flatMap((b) => (b.kind === "p" ? b.sentences : []))]).join("\n");
}

describe("readability measure", () => {
  it("counts Dutch syllables and sentences as expected on known text", () => {
    const r = readability("Ik woon thuis. Mijn dochter helpt mij.");
    expect(r).toMatchObject({ sentences: 2, words: 7 });
    // ik woon thuis mijn doch-ter helpt mij: 8 syllables over 7 words.
    expect(r.syllablesPerWord).toBeCloseTo(8 / 7, 5);
    expect(readability("Coördinatie").syllablesPerWord).toBe(5);
    // A hard sentence scores far lower than an easy one.
    expect(
      readability("De werkorganisatie zal de verschillende acties die daartoe lopen bij elkaar brengen en bezien of deze toereikend zijn.").fleschDouma,
    ).toBeLessThan(60);
  });
});

describe("samenvatting (shipped data)", () => {
  it("the tool's own sentences are B1: Flesch–Douma ≥ 70, ≤ 10 words per sentence, none over 15, long words ≤ 10%", () => {
    const r = readability(prose(summary));
    expect(r.fleschDouma).toBeGreaterThanOrEqual(70);
    expect(r.wordsPerSentence).toBeLessThanOrEqual(10);
    expect(r.longWordShare).toBeLessThanOrEqual(0.1);
    for (const sentence of sentencesOf(prose(summary))) expect(wordsOf(sentence).length, sentence).toBeLessThanOrEqual(15);
  });

  it("the whole text, topic names included: Flesch–Douma ≥ 60, long words ≤ 12%", () => {
    const r = readability(plainSummaryText(summary));
    expect(r.fleschDouma).toBeGreaterThanOrEqual(60);
    expect(r.longWordShare).toBeLessThanOrEqual(0.12);
  });

  it("every number in it is a count of the coverage", () => {
    const t = coverage.topics;
    const flagged = t.filter((x) => x.verdict === "witte-vlek" || x.verdict === "mogelijke-witte-vlek");
    const text = plainSummaryText(summary);
    const expectNumber = (pattern: RegExp, value: number): void => {
      const match = pattern.exec(text);
      expect(match, String(pattern)).not.toBeNull();
      expect(Number(match![1]), String(pattern)).toBe(value);
    };
    expectNumber(/naar (\d+) landelijke afspraken/, coverage.accords.length);
    expectNumber(/plannen van (\d+) regio's/, coverage.study.regions.length);
    expectNumber(/gaat het om (\d+) onderwerpen/, t.length);
    expectNumber(/Over (\d+) daarvan vertelden/, t.filter((x) => x.verdict !== "geen-signaal").length);
    expectNumber(/Bij (\d+) onderwerpen lijkt het goed geregeld/, t.filter((x) => x.verdict === "gedekt").length);
    expectNumber(/Bij (\d+) onderwerpen is er misschien een gat/, flagged.length);
    expectNumber(/Bij (\d+) daarvan is het gat duidelijk/, t.filter((x) => x.verdict === "witte-vlek").length);
    expectNumber(/te weinig landelijke afspraken\.\nDat geldt voor (\d+) onderwerpen/, flagged.filter((x) => x.gap === "beleid" || x.gap === "beide").length);
    expectNumber(/plannen van de regio's\.\nDat geldt voor (\d+) onderwerpen/, flagged.filter((x) => x.gap === "uitvoering" || x.gap === "beide").length);
    // The sentence on unknown regional coverage is left out when there is none.
    const unknownRegional = flagged.filter((x) => (x.gap === "uitvoering" || x.gap === "beide") && x.regional.score === null).length;
    if (unknownRegional > 0) expectNumber(/Bij (\d+) daarvan is het niet bekend/, unknownRegional);
    else expect(text).not.toMatch(/daarvan is het niet bekend/);
    expectNumber(/Over (\d+) van deze onderwerpen is al een besluit/, flagged.filter((x) => x.disposition).length);
    expectNumber(/Bij (\d+) onderwerpen blijft men volgen/, flagged.filter((x) => x.disposition?.decision === "monitor").length);
    expectNumber(/Bij (\d+) onderwerpen is het volgens het besluit/, flagged.filter((x) => x.disposition?.decision === "accepted").length);
    expectNumber(/Over (\d+) onderwerpen is nog geen besluit/, flagged.filter((x) => !x.disposition).length);
    expectNumber(/Bij (\d+) van de \d+ onderwerpen komt de berekening/, t.filter((x) => x.reference?.agrees).length);
    expectNumber(/Bij \d+ van de (\d+) onderwerpen komt de berekening/, t.filter((x) => x.reference).length);
    // No other number: every digit run in the text is one of those checked above (or in a topic name).
    const names = t.map((x) => x.label).join(" ");
    const matched = unknownRegional > 0 ? 16 : 15;
    const numbers = (text.match(/\d+/g) ?? []).filter((n) => !names.includes(n));
    expect(numbers.length).toBe(matched);
    // The lists name exactly the covered and the flagged topics.
    for (const topic of t) {
      const listed = text.split("\n").some((line) => line === topic.label || line.startsWith(`${topic.label}: `));
      expect(listed, topic.id).toBe(topic.verdict !== "geen-signaal");
    }
  });

  it("samenvatting.md keeps the figures' provenance apart from the text, and English has the same figures", () => {
    const markdown = emitMarkdownSections([plainSummarySection({ study: shipped, coverage, lang: "nl" })], 1);
    // The study's own question in plain language, from study.yaml (question_plain), not a question of the tool's.
    expect(markdown).toMatch(
      /^# Samenvatting in gewone taal\n\n## Wat is onderzocht\?\n\nKunnen ouderen langer thuis blijven wonen\? En is daar genoeg voor geregeld\? Dat is de vraag van dit onderzoek\.\n/,
    );
    expect(shipped.study.question_plain).toBe("Kunnen ouderen langer thuis blijven wonen? En is daar genoeg voor geregeld?");
    // Every sentence of the text is in the Markdown, and every list item is a list item.
    for (const part of summary.sections)
      for (const block of part.blocks) {
        if (block.kind === "p") expect(markdown).toContain(block.sentences.join(" "));
        else if (block.kind === "list") for (const item of block.items) expect(markdown).toContain(`\n- ${item}\n`);
        else expect(markdown).toContain(`\n> “${block.text}”\n`);
      }
    // The provenance closes it, apart from the readable text.
    expect(markdown.trimEnd().split("\n").at(-1)).toBe(`Berekend uit de data met dataversie ${coverage.study.dataVersion}, peildatum ${coverage.study.asOf}.`);
    const english = plainSummaryText(plainSummary(coverage, "en", shippedQuestion()));
    const digits = (s: string) => (s.match(/\d+/g) ?? []).join(",");
    expect(digits(english)).toBe(digits(plainSummaryText(summary)));
  });
});

describe("samenvatting (fictional study)", () => {
  it("with nothing flagged says so, and makes no sentences about gaps or decisions", () => {
    const s = plainSummary(computeCoverage(makeStudy({ topics: [topic("a")] })), "nl", { text: "Vraag?", plain: false });
    const text = plainSummaryText(s);
    expect(text).toContain("De berekening vindt geen gaten.");
    expect(text).toContain("Bij geen enkel onderwerp lijkt alles goed geregeld.");
    expect(text).toContain("Er is nog niets besloten.");
    expect(text).not.toContain("misschien een gat");
  });
});

describe("samenvatting: the study's own question", () => {
  it("asks the question of study.yaml, whatever the study, and says so when it is still to be filled in", () => {
    const study = makeStudy({ topics: [topic("a")] });
    const question = "Krijgen  jongeren in de regio\n op tijd de jeugdzorg die zij nodig hebben?";
    for (const lang of ["nl", "en"] as const) {
      const s = plainSummary(computeCoverage(study), lang, { text: question, plain: false });
      expect(s.sections[0]!.blocks.slice(0, 2), lang).toEqual([
        { kind: "p", sentences: [lang === "nl" ? "Dit is de vraag van het onderzoek:" : "This is the question of the study:"] },
        { kind: "quote", text: "Krijgen jongeren in de regio op tijd de jeugdzorg die zij nodig hebben?" },
      ]);
      expect(plainSummaryText(s), lang).not.toMatch(/ouderen|older people/);
    }
    const fresh = plainSummaryText(plainSummary(computeCoverage(study), "nl", { text: "nog invullen", plain: false }));
    expect(fresh).toContain("De vraag van het onderzoek is nog niet ingevuld.");
    expect(fresh).not.toContain("nog invullen");
    // The report's section takes the question from the study it is given.
    const section = plainSummarySection({ study: { ...study, study: { ...study.study, question } }, coverage: computeCoverage(study), lang: "nl" });
    expect(section.blocks).toContainEqual({ kind: "quote", text: "Krijgen jongeren in de regio op tijd de jeugdzorg die zij nodig hebben?" });
    // A plain rendering (study.yaml question_plain) is said as part of the text, not quoted.
    const plain = plainSummarySection({
      study: { ...study, study: { ...study.study, question, question_plain: "Krijgen jongeren op tijd hulp?" } },
      coverage: computeCoverage(study),
      lang: "nl",
    });
    expect(plain.blocks.filter((b) => b.kind === "quote")).toEqual([]);
    expect(plain.blocks).toContainEqual({ kind: "paragraph", text: "Krijgen jongeren op tijd hulp? Dat is de vraag van dit onderzoek.", style: "lead" });
  });
});

describe("samenvatting: a gap whose regional part is not known says so", () => {
  // a: national covered, no region assessed; b: nothing national, no region assessed;
  // c: national covered, few regions; d: nothing national, few regions (a white spot).
  const study = makeStudy({
    topics: [topic("a"), topic("b"), topic("c"), topic("d")],
    accords: [accord("alpha", [action("alpha-a", "measure", ["a"]), action("alpha-c", "measure", ["c"])])],
    themes: [theme("t1", ["ouderen"], ["a", "b", "c", "d"])],
    sample: { c: { prevalence: "few" }, d: { prevalence: "few" } },
  });
  const fictional = computeCoverage(study);

  it("the fictional study has the four cases", () => {
    expect(fictional.topics.map((t) => [t.id, t.verdict, t.gap, t.regional.score])).toEqual([
      ["a", "mogelijke-witte-vlek", "uitvoering", null],
      ["b", "mogelijke-witte-vlek", "beide", null],
      ["c", "mogelijke-witte-vlek", "uitvoering", 0.15],
      ["d", "witte-vlek", "beide", 0.15],
    ]);
  });

  it("in Dutch and English", () => {
    const items = (lang: "nl" | "en") =>
      plainSummary(fictional, lang, { text: "Vraag?", plain: false })
        .sections.flatMap((s) => s.blocks)
        .flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(items("nl")).toEqual([
      "Label a: over de regio's is het niet bekend",
      "Label b: te weinig afspraken; over de regio's is het niet bekend",
      "Label c: te weinig in de regio's",
      "Label d: te weinig afspraken en te weinig in de regio's",
    ]);
    expect(items("en")).toEqual([
      "Label a: for the regions it is not known",
      "Label b: too few agreements; for the regions it is not known",
      "Label c: too little in the regions",
      "Label d: too few agreements and too little in the regions",
    ]);
  });

  it("on the shipped study: never “too little in the regions” where the regional coverage is not known", () => {
    for (const lang of ["nl", "en"] as const) {
      const lines = plainSummaryText(plainSummary(coverage, lang, shippedQuestion())).split("\n");
      const flagged = coverage.topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
      const unknown = flagged.filter((t) => t.gap !== "beleid" && t.regional.score === null);
      expect(unknown.map((t) => t.id)).toEqual(["inzet-vitale-ouderen", "indicatiestelling"]);
      for (const topic of flagged) {
        const line = lines.find((l) => l.startsWith(`${lang === "en" && topic.labelEn ? topic.labelEn : topic.label}: `))!;
        expect(line, topic.id).toBeDefined();
        const saysUnknown = lang === "nl" ? line.endsWith("over de regio's is het niet bekend") : line.endsWith("for the regions it is not known");
        expect(saysUnknown, line).toBe(unknown.includes(topic));
        if (unknown.includes(topic)) expect(line).not.toMatch(/te weinig in de regio's|too little in the regions/);
      }
    }
  });
});
