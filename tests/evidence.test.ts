// Primary evidence: the comparison of quotes with source texts, quote verification through
// the loader (positions, hints, pages), the screening register's checks, and the ranking of
// `dekking screen` — all on FICTIONAL texts and data (tests/fixtures/).

import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  isContentsLine,
  isHeadingLine,
  isWordListHeading,
  NOVELTY,
  PASSAGE_CHARACTERS,
  screenTopic,
  topicTerms,
  type ScreenCandidate,
} from "../src/evidence/screenTopic.js";
import { candidateOrderNote } from "../src/render/renderScreen.js";
import { stemDutch } from "../src/evidence/dutchStem.js";
import { closestPassage, locateQuote, normaliseForComparison, parseSourceText } from "../src/evidence/sourceText.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Finding } from "../src/findings.js";
import { FIXTURES, MINIMAL, runInProcess, runOnUnchangedData, tempDir } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const TEXT_FILE = path.join(FIXTURES, "sources", "fictief-akkoord.md");
const text = parseSourceText("fictief-akkoord", TEXT_FILE, readFileSync(TEXT_FILE, "utf8"));

describe("comparing a quote with its source text", () => {
  it("ignores line breaks, soft hyphens, line-end hyphenation, quote marks and dashes, nothing else", async () => {
    expect(normaliseForComparison("eenzaam\u00AD heid")).toBe(normaliseForComparison("eenzaamheid"));
    expect(normaliseForComparison("gezond-\n heid")).toBe(normaliseForComparison("gezondheid"));
    expect(normaliseForComparison("“geld” – ‘nu’")).toBe(normaliseForComparison("\"geld\" - 'nu'"));
    expect(normaliseForComparison("met geld")).not.toBe(normaliseForComparison("met gold"));
    // Quote and source go through the same steps, so a suspended hyphen ("Zorg- en") compares equal on both sides.
    expect(normaliseForComparison("Zorg- en Welzijnsakkoord")).toBe(normaliseForComparison("Zorg-  en\nWelzijnsakkoord"));
  });

  it("finds a quote on its page, on another page, across a page break, with elisions, or not at all", async () => {
    expect(locateQuote(text, "Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen", 2)).toEqual({ found: "on-page" });
    expect(locateQuote(text, "Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen", 3)).toEqual({ found: "other-page", page: 2 });
    expect(locateQuote(text, "De verzonnen zin loopt door over de paginagrens naar de volgende pagina", "3-4")).toEqual({ found: "on-page" });
    expect(locateQuote(text, "De verzonnen zin loopt door over de paginagrens naar de volgende pagina", 3)).toEqual({ found: "other-page", page: "3-4" });
    expect(locateQuote(text, "Gemeenten zetten in […] met “financiële middelen” tot en met 2025.", 2)).toEqual({ found: "on-page" });
    // Elided pieces must stand in order.
    expect(locateQuote(text, "met “financiële middelen” […] Gemeenten zetten in", 2)).toEqual({ found: "no" });
    expect(locateQuote(text, "Gemeenten zetten in op een landelijke aanpak", 2)).toEqual({ found: "no" });
  });

  it("names the closest passage and its page for a quote that is not there", async () => {
    expect(closestPassage(text, "Gemeenten zetten in op een landelijke aanpak van eenzaamheid")).toEqual({
      page: 2,
      passage: expect.stringContaining("Gemeenten zetten in op een lokale aanpak"),
    });
  });
});

/** A copy of the minimal fixture whose ALPHA action cites the fictional text, with `edit` applied to alpha.yaml. */
function studyWithText(editAlpha: (text: string) => string): string {
  const dir = path.join(tempDir(), "data");
  cpSync(MINIMAL, dir, { recursive: true });
  const study = path.join(dir, "study.yaml");
  writeFileSync(
    study,
    readFileSync(study, "utf8").replace(
      "documents:\n",
      "documents:\n  - id: fictief-akkoord\n    title: Fictief akkoord\n    kind: accord\n    text: fictief-akkoord.md\n",
    ),
  );
  mkdirSync(path.join(dir, "sources"));
  cpSync(TEXT_FILE, path.join(dir, "sources", "fictief-akkoord.md"));
  const alpha = path.join(dir, "accords", "alpha.yaml");
  const withAction = readFileSync(alpha, "utf8").replace(
    "source: { doc: fictief, section: Fictief }\n",
    "source: { doc: fictief, section: Fictief }\n" +
      "  - id: alpha-eenzaamheid\n" +
      "    domain: clientniveau-wijk\n" +
      '    text: "Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen"\n' +
      "    topics: [witte-plek]\n" +
      "    strength: agreement\n" +
      "    source: { doc: fictief-akkoord, section: Inleiding, page: 2 }\n",
  );
  writeFileSync(alpha, editAlpha(withAction));
  return dir;
}

const problems = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity !== "info")
    .map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.position?.line, col: f.position?.col, hint: formatFinding(f).hint }));
const lineOf = (file: string, needle: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle));
/** 0-based column where `needle` starts on its line. */
const colOf = (file: string, needle: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .find((l) => l.includes(needle))!
    .indexOf(needle);

describe("validate checks verbatim texts against their documents", () => {
  it("passes a quote that is there, and says how many were checked", async () => {
    const dir = studyWithText((t) => t);
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    expect(problems(result.findings)).toEqual([]);
    expect(formatFinding(result.findings.find((f) => f.code === "quotes-checked")!).message).toMatch(
      /^1 verbatim texts checked against 1 source texts; not checked, no text here: fictief \(\d+\)$/,
    );
  });

  it("a changed word is an error at the quote, with the closest passage and its page as the hint", async () => {
    const dir = studyWithText((t) => t.replace("een lokale aanpak van eenzaamheid", "een landelijke aanpak van eenzaamheid"));
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    const alpha = path.join(dir, "accords", "alpha.yaml");
    expect(problems(result.findings)).toEqual([
      {
        code: "quote-not-in-source",
        severity: "error",
        file: "accords/alpha.yaml",
        line: lineOf(alpha, "landelijke aanpak"),
        col: 10,
        hint: expect.stringMatching(/^closest passage, page 2: “.*Gemeenten zetten in op een lokale aanpak/),
      },
    ]);
    expect(result.study).toBeUndefined();
  });

  it("a right quote on a wrong page is a warning that names the page", async () => {
    const dir = studyWithText((t) => t.replace("section: Inleiding, page: 2 }", "section: Inleiding, page: 1 }"));
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    expect(problems(result.findings)).toEqual([
      {
        code: "quote-other-page",
        severity: "warning",
        file: "accords/alpha.yaml",
        line: lineOf(path.join(dir, "accords", "alpha.yaml"), "lokale aanpak"),
        col: 10,
        hint: "cite page 2",
      },
    ]);
  });

  it("an unregistered document is an unknown reference with a suggestion; a page range is a valid page", async () => {
    const dir = studyWithText((t) => t.replace("doc: fictief-akkoord, section: Inleiding, page: 2", 'doc: fictief-akord, section: Inleiding, page: "2-3"'));
    const result = await loadStudy(dir);
    expect(problems(result.findings)).toEqual([
      {
        code: "unknown-ref",
        severity: "error",
        file: "accords/alpha.yaml",
        line: lineOf(path.join(dir, "accords", "alpha.yaml"), "fictief-akord"),
        col: colOf(path.join(dir, "accords", "alpha.yaml"), "fictief-akord"),
        hint: 'did you mean "fictief-akkoord"?',
      },
    ]);
  });

  it("without --sources the CLI checks what it has, and says which documents it could not check", async () => {
    const dir = studyWithText((t) => t);
    const result = await runInProcess(["validate", "--data", dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("1 verbatim texts checked against 1 source texts; not checked, no text here: fictief");
  });
});

describe("the screening register", () => {
  const screening = (candidate: string) => `topics:\n  witte-plek:\n    documents: [fictief-akkoord]\n    terms: [eenzaamheid]\n    candidates:\n${candidate}`;

  it("accepts a linked passage of the action's own page, and checks excerpts like quotes", async () => {
    const dir = studyWithText((t) => t);
    writeFileSync(
      path.join(dir, "screening.yaml"),
      screening(
        '      - { doc: fictief-akkoord, page: 2, excerpt: "lokale aanpak van eenzaam­ heid", decision: linked, action: alpha-eenzaamheid }\n' +
          '      - { doc: fictief-akkoord, page: 2, excerpt: "eenzaamheid is een groeiend probleem", decision: excluded, reason: background }\n',
      ),
    );
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    expect(problems(result.findings)).toEqual([]);
    expect(result.study?.screening["witte-plek"]?.candidates).toHaveLength(2);
  });

  it("refuses a link to an action of another page, an unknown action, and an exclusion without a reason", async () => {
    const dir = studyWithText((t) => t);
    const file = path.join(dir, "screening.yaml");
    writeFileSync(file, screening('      - { doc: fictief-akkoord, page: 4, excerpt: "Eenzame ouderen", decision: linked, action: alpha-eenzaamheid }\n'));
    expect(problems((await loadStudy(dir)).findings)).toEqual([
      {
        code: "candidate-source-mismatch",
        severity: "error",
        file: "screening.yaml",
        line: 5,
        col: colOf(file, "alpha-eenzaamheid"),
        hint: "link the action that encodes this passage, or correct the action's source",
      },
    ]);
    writeFileSync(file, screening('      - { doc: fictief-akkoord, page: 2, excerpt: "lokale aanpak", decision: linked, action: alpha-eenzaamheidd }\n'));
    expect(problems((await loadStudy(dir)).findings)).toEqual([
      {
        code: "unknown-ref",
        severity: "error",
        file: "screening.yaml",
        line: 5,
        col: colOf(file, "alpha-eenzaamheidd"),
        hint: 'did you mean "alpha-eenzaamheid"?',
      },
    ]);
    writeFileSync(file, screening('      - { doc: fictief-akkoord, page: 2, excerpt: "lokale aanpak", decision: excluded }\n'));
    const missingReason = problems((await loadStudy(dir)).findings);
    expect(missingReason.map((f) => [f.code, f.line])).toEqual([["missing-key", 5]]);
  });
});

describe("dekking screen ranks passages by their terms after Dutch stemming", () => {
  it("finds inflections and compounds, ranks denser passages first, and marks what the register decided", async () => {
    const register = {
      documents: ["fictief-akkoord"],
      terms: ["eenzaamheid"],
      candidates: [
        {
          doc: "fictief-akkoord",
          page: 2,
          excerpt: "Gemeenten zetten in op een lokale aanpak van eenzaamheid",
          decision: "linked" as const,
          action: "alpha-eenzaamheid",
        },
        {
          doc: "fictief-akkoord",
          page: 2,
          excerpt: "Achtergrond: eenzaamheid is een groeiend probleem",
          decision: "excluded" as const,
          reason: "background" as const,
        },
      ],
    };
    const candidates = screenTopic([text], ["eenzaamheid"], register, stemDutch);
    // Page 4 says "eenzaamheid" three times in one sentence and "Eenzame" (same stem) in the next: passages are
    // sentences, and the dense one ranks first.
    expect(candidates[0]).toMatchObject({
      page: 4,
      mark: { decision: "new" },
      matched: ["eenzaamheid"],
      text: "Eenzaamheid, eenzaamheid en nog eens eenzaamheid.",
    });
    expect(candidates.map((c) => [c.page, c.mark.decision])).toEqual([
      [4, "new"],
      [4, "new"],
      [2, "excluded"],
      [2, "linked"],
    ]);
    // The soft-hyphenated "eenzaam­ heid" of page 2 is found too.
    expect(candidates.find((c) => c.mark.decision === "linked")?.text).toContain("eenzaam\u00AD heid");
    // A compound ("mantelzorgondersteuning") matches its part; a rare term outweighs a frequent one (BM25's idf).
    const both = screenTopic([text], ["eenzaamheid", "mantelzorg"], register, stemDutch);
    expect(both[0]).toMatchObject({ page: 3, matched: ["mantelzorg"] });
    // A passage without any term is no candidate.
    expect(candidates.some((c) => c.text.startsWith("Het ministerie onderzoekt"))).toBe(false);
  });

  it("searches with the label and the questions besides the keywords, splits compounds, boosts a matching heading, and cuts passages at sentences", async () => {
    const terms = topicTerms({ label: "Zorg voor ouderen", keywords: ["ouderenzorg"], questions: ["Is er aandacht voor de mantelzorgers in de regio?"] });
    // Function words and the words of the question's frame ("aandacht", "regio") are no search terms.
    expect(terms.map((t) => [t.term, t.from])).toEqual([
      ["ouderenzorg", "keyword"],
      ["zorg", "label"],
      ["ouderen", "label"],
      ["mantelzorgers", "question"],
    ]);
    const long = "Dit is een lange zin over iets anders dan het onderwerp en hij loopt maar door en door. ".repeat(5);
    const source = parseSourceText(
      "fictief",
      "fictief.md",
      `## Page 1\n\nWerkwijze\n\nWe bieden hulp aan huis voor ouderen die dat nodig hebben. ${long}\n\n## Page 2\n\nHuisvesting\n\nWe bieden hulp aan huis voor ouderen die dat nodig hebben.\n\n## Page 3\n\nDe zorg voor ouderen thuis wordt sterker.\n`,
    );
    // "ouderenzorg" meets "zorg voor ouderen": the compound's parts are words of the text.
    const compound = screenTopic([source], ["ouderenzorg"], undefined, stemDutch);
    expect(compound.map((c) => [c.page, c.text, c.matched])).toEqual([[3, "De zorg voor ouderen thuis wordt sterker.", ["ouderenzorg"]]]);
    // The same sentence on two pages: the page whose heading holds a term ranks first, and says so.
    const boosted = screenTopic([source], ["ouderen", "huisvesting"], undefined, stemDutch).filter((c) => c.text.startsWith("We bieden"));
    expect(boosted.map((c) => [c.page, c.heading])).toEqual([
      [2, ["huisvesting"]],
      [1, []],
    ]);
    // A word broken at a paragraph's end (its rest on the next page) is left out: the quote check could never find it.
    const broken = parseSourceText(
      "fictief",
      "fictief.md",
      "## Page 1\n\nIn de beweging naar betere zorg voor ouderen dienen de patiënt-\n\n## Page 2\n\nen cliëntorganisaties mee te doen.\n",
    );
    expect(screenTopic([broken], ["ouderen"], undefined, stemDutch).map((c) => c.text)).toEqual(["In de beweging naar betere zorg voor ouderen dienen de"]);
    // A passage ends at a sentence end and stays within the limit.
    for (const c of screenTopic([source], ["onderwerp", "ouderen"], undefined, stemDutch)) {
      expect(c.text.length).toBeLessThanOrEqual(PASSAGE_CHARACTERS);
      expect(c.text).toMatch(/[.!?]$/);
    }
  });

  it("a candidate with the same terms as better ones counts half for each; a word list's passages come after the text's", () => {
    const source = parseSourceText(
      "fictief",
      "fictief.md",
      [
        "## Page 1",
        "Werkwijze",
        "Ervaringsdeskundigen denken mee over het plan van de gemeente.",
        "Ervaringsdeskundigen spreken in de werkgroep mee over de zorg.",
        "Ervaringsdeskundigen geven ook les aan de nieuwe collega's hier.",
        "De patiëntenorganisaties zitten aan tafel bij het overleg in de stad.",
        "Dit is een zin over het weer en de wind in de polder vandaag.",
        "## Page 2",
        "Woordenlijst",
        "Ervaringsdeskundige Iemand die zijn ervaring inzet voor patiëntenorganisaties.",
      ].join("\n\n") + "\n",
    );
    const terms = [
      { term: "ervaringsdeskundig", from: "keyword" as const, weight: 1 },
      { term: "patiëntenorganisatie", from: "keyword" as const, weight: 0.4 },
    ];
    const candidates = screenTopic([source], terms, undefined, stemDutch);
    expect(candidates.map((c) => [c.page, c.text.slice(0, 30), c.repeats, c.wordList])).toEqual([
      [1, "Ervaringsdeskundigen denken me", 0, undefined],
      [1, "De patiëntenorganisaties zitte", 0, undefined],
      [1, "Ervaringsdeskundigen spreken i", 1, undefined],
      [1, "Ervaringsdeskundigen geven ook", 2, undefined],
      // The best match of all (both terms) stands in a word list: it defines a word, so it comes last, and says why.
      [2, "Ervaringsdeskundige Iemand die", 0, "Woordenlijst"],
    ]);
    const [first, other, second, third, wordList] = candidates as [ScreenCandidate, ScreenCandidate, ScreenCandidate, ScreenCandidate, ScreenCandidate];
    // Without the novelty factor the second "ervaringsdeskundig" passage would outrank the other term's passage.
    expect(second.score / NOVELTY).toBeGreaterThan(other.score);
    expect(wordList.score).toBeGreaterThan(first.score);
    expect(candidateOrderNote(third, "nl")).toBe("zelfde termen als 2 betere: score ×0.25");
    expect(candidateOrderNote(wordList, "en")).toBe('word list ("Woordenlijst"): ranked last');
    expect(candidateOrderNote(first, "nl")).toBe("");
    // Word-list headings, after a page or chapter number; a heading that only starts like one is none.
    for (const line of [
      "Woordenlijst",
      "108 Woordenlijst Zorgzaam Flevoland 2023",
      "Verklarende woordenlijst",
      "Begrippenlijst",
      "Lijst van afkortingen",
      "7. Afkortingen",
    ])
      expect([line, isWordListHeading(line)]).toEqual([line, true]);
    for (const line of ["Woorden van de wethouder", "Afkortingsbeleid", "Werkwijze", "Het begrippenkader"])
      expect([line, isWordListHeading(line)]).toEqual([line, false]);
  });

  it("a numbered section title is a heading of its page, not a candidate", () => {
    const source = parseSourceText(
      "fictief",
      "fictief.md",
      "## Page 22\n\n3.2.7. Eén tegen eenzaamheid\n\nVeel inwoners ervaren gevoelens van eenzaamheid in de stad.\n",
    );
    expect(screenTopic([source], ["eenzaamheid"], undefined, stemDutch).map((c) => [c.text, c.heading])).toEqual([
      ["Veel inwoners ervaren gevoelens van eenzaamheid in de stad.", ["eenzaamheid"]],
    ]);
    expect(["3.2.7. Eén tegen eenzaamheid", "4 Aanpak", "Werkwijze"].map(isHeadingLine)).toEqual([true, true, true]);
    expect(["14% van de ouderen", "2023", "3. Data wordt digitaal geregistreerd.", "3.2.7. de kleine letter"].map(isHeadingLine)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("a line of a table of contents (leader dots) is no passage", () => {
    const source = parseSourceText(
      "fictief",
      "fictief.md",
      "## Page 2\n\n3 Ervaringsdeskundigen in de wijk ........................ 11 Zorgdomein\n\n## Page 11\n\nErvaringsdeskundigen denken mee over het plan van de gemeente.\n",
    );
    expect(screenTopic([source], ["ervaringsdeskundig"], undefined, stemDutch).map((c) => c.page)).toEqual([11]);
    expect(isContentsLine("Zorgdomein . . . . . . 11")).toBe(true);
    expect(isContentsLine("Dit kost geld... en tijd.")).toBe(false);
  });

  it("through the CLI: table, YAML entries that validate only once decided, and did-you-mean for a topic", async () => {
    const table = await runOnUnchangedData(["screen", "eenzaamheid", "--doc", "gala-2023", "--limit", "20"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("gala-2023 p. 19  gekoppeld: gala-lokale-aanpak-eenzaamheid");
    expect(table.stdout).toMatch(/\d+ kandidaten: \d+ gekoppeld, \d+ uitgesloten, \d+ nieuw · getoond: 20/);
    const yaml = await runOnUnchangedData(["screen", "eenzaamheid", "--format", "yaml", "--limit", "2"]);
    expect(yaml.stdout).toMatch(/^- doc: [a-z0-9-]+\n  page: \d+\n  excerpt: ".+"\n  decision: undecided$/m);
    const typo = await runOnUnchangedData(["screen", "eenzaamheidd"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean "eenzaamheid"?');
  }, 30_000);
});

describe("the study report's own view beside the fuller picture", () => {
  it("--evidence report reproduces the version 1 verdicts; diff --evidence-old report names what the primary texts change", async () => {
    const json = JSON.parse((await runOnUnchangedData(["matrix", "--evidence", "report", "--format", "json"])).stdout) as {
      study: { evidence: string };
      topics: { id: string; verdict: string }[];
    };
    expect(json.study.evidence).toBe("report");
    const counts: Record<string, number> = {};
    for (const t of json.topics) counts[t.verdict] = (counts[t.verdict] ?? 0) + 1;
    expect(counts).toEqual({ "witte-vlek": 3, "mogelijke-witte-vlek": 14, "gedekt": 10, "geen-signaal": 17 });
    expect(json.topics.find((t) => t.id === "eenzaamheid")?.verdict).toBe("witte-vlek");

    const diff = await runOnUnchangedData(["diff", "--evidence-old", "report", "--format", "json"]);
    expect(diff.status).toBe(0);
    const changes = JSON.parse(diff.stdout) as {
      changed: { id: string; verdict?: { old: string; new: string }; national?: { actions?: { added: string[] } } }[];
    };
    const eenzaamheid = changes.changed.find((t) => t.id === "eenzaamheid");
    expect(eenzaamheid?.verdict).toEqual({ old: "witte-vlek", new: "mogelijke-witte-vlek" });
    expect(eenzaamheid?.national?.actions?.added[0]).toBe("gala-ontmoeting-ouderen-eenzaamheid-bewegen 0.60");
    const text = (await runOnUnchangedData(["diff", "--evidence-old", "report"])).stdout;
    expect(text).toContain("Eenzaamheid (eenzaamheid): ■ witte vlek → ▲ mogelijke witte vlek (uitvoering)");
    // The report's view has neither the accords' own texts nor the Flevoland plan: both show up here.
    // 5 since the codebook of issue 26: gala-mentale-gezondheid-kwetsbare-ouderen became general, so the
    // primary texts no longer lift mentale-gezondheid-ouderen out of witte vlek. 4 since the reconciliation of
    // issue 26: iza-gezamenlijk-indiceren-wijk became general ("in de wijk"), so the primary texts no longer lift
    // indicatiestelling from "beide" to "uitvoering".
    expect(text).toContain("waarvan 4 met een ander oordeel of tekort");
    expect(text).not.toContain("Indicatiestelling (indicatiestelling):");
    expect(text).not.toContain("Mentale gezondheid van ouderen (mentale-gezondheid-ouderen): ■");
    expect(text).toContain("regioplannen 0 → 1");
    expect(text).toContain("+ acties: gala-ontmoeting-ouderen-eenzaamheid-bewegen 0.60");
  }, 60_000);
});
