// The OPaZ life-world lens: personas.yaml against seed 001 and its own rules, the persona's
// coverage and sentences from a fictional study, the bottleneck view, and `dekking persona`.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { bottleneckView, personaCoverage } from "../src/analyse/personaCoverage.js";
import { normaliseForComparison } from "../src/evidence/sourceText.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Persona, Personas, Study } from "../src/model.js";
import { BOTTLENECKS } from "../src/model.js";
import { needSentences, personaSection } from "../src/document/sections/personas.js";
import { emitMarkdownSections } from "../src/render/report/markdown.js";
import { emitTerminalSections } from "../src/render/report/terminal.js";
import { NO_PAINT } from "../src/render/paint.js";
import { visibleWidth } from "../src/render/textColumns.js";
import { runCli } from "../src/cli.js";
import { copyFixture, ROOT, runInProcess, SHIPPED_DATA } from "./helpers.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";
import { formatFinding } from "../src/messages/findings.js";

const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");
const haveSeeds = existsSync(SEEDS);

let shipped: Study;
beforeAll(async () => {
  const result = await loadStudy(SHIPPED_DATA);
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  shipped = result.study!;
});

describe("personas.yaml (shipped)", () => {
  it("holds all ten personas of seed 001, and only Jeanny is in scope", async () => {
    const personas = shipped.personas!.personas;
    expect(personas.map((p) => p.id)).toEqual(["jeanny", "familie-hermsen", "jochem", "mira", "willem", "nora", "noah", "robert", "sem", "amal"]);
    expect(personas.filter((p) => p.in_scope).map((p) => p.id)).toEqual(["jeanny"]);
    for (const persona of personas) {
      expect(persona.reason.trim().length, persona.id).toBeGreaterThan(20);
      expect(persona.needs === undefined, persona.id).toBe(!persona.in_scope);
    }
  });

  it("lists the five OPaZ bottlenecks in the order of seed 000", async () => {
    expect(shipped.personas!.bottlenecks.map((b) => b.id)).toEqual([...BOTTLENECKS]);
  });

  it.runIf(haveSeeds)("headings, descriptions and need phrases stand verbatim in seed 001; bottleneck labels in seed 000", async () => {
    const seed001 = normaliseForComparison(readFileSync(path.join(SEEDS, "001_0c7a0b1db3b78231.txt"), "utf8"));
    const seed000 = normaliseForComparison(readFileSync(path.join(SEEDS, "000_717779d91fd47f63.txt"), "utf8"));
    let phrases = 0;
    for (const persona of shipped.personas!.personas) {
      expect(seed001, persona.id).toContain(normaliseForComparison(persona.heading));
      expect(seed001, persona.id).toContain(normaliseForComparison(persona.description));
      for (const need of persona.needs ?? []) {
        expect(seed001, need.id).toContain(normaliseForComparison(need.phrase));
        // …and in her own words, not somewhere else in the seed.
        expect(normaliseForComparison(`${persona.heading} ${persona.description}`), need.id).toContain(normaliseForComparison(need.phrase));
        phrases++;
      }
    }
    expect(phrases).toBe(5);
    for (const bottleneck of shipped.personas!.bottlenecks) expect(seed000, bottleneck.id).toContain(normaliseForComparison(bottleneck.label));
  });

  it("marks every need and every bottleneck tag as an encoding judgement with a note", async () => {
    for (const need of shipped.personas!.personas.flatMap((p) => p.needs ?? [])) {
      expect(need.encoding).toBe("judgement");
      expect(need.note.length).toBeGreaterThan(20);
    }
    const tagged = shipped.interviews.themes.filter((t) => t.bottleneck);
    expect(tagged.length).toBeGreaterThanOrEqual(10);
    for (const theme of tagged) {
      expect(theme.bottleneck!.encoding).toBe("judgement");
      expect(theme.bottleneck!.note.length).toBeGreaterThan(20);
    }
  });

  it("Jeanny's needs link the topics the encoding names, with the verdicts of the matrix", async () => {
    const coverage = computeCoverage(shipped);
    const view = personaCoverage(shipped.personas!.personas[0]!, coverage);
    const verdicts = Object.fromEntries(view.needs.flatMap((n) => n.topics.map((t) => [t.id, t.verdict])));
    expect(verdicts).toEqual({
      "mantelzorgondersteuning": "geen-signaal",
      "formele-informele-zorg": "gedekt",
      "vroegsignalering": "mogelijke-witte-vlek",
      "proactieve-zorgplanning": "mogelijke-witte-vlek",
      "bewezen-technologie-thuis": "geen-signaal",
      "spoedzorg": "mogelijke-witte-vlek",
      "wlz-zorg-thuis": "geen-signaal",
      "passende-woonvormen": "mogelijke-witte-vlek",
      "tijdelijk-verblijf": "mogelijke-witte-vlek",
      "gemeenschapskracht": "gedekt",
      "fysieke-leefomgeving": "mogelijke-witte-vlek",
    });
    expect(view.verdictCounts).toEqual({ "witte-vlek": 0, "mogelijke-witte-vlek": 6, "gedekt": 2, "geen-signaal": 3 });
  });
});

describe("personas.yaml rules (fictional data)", () => {
  const persona = (overrides: Partial<Persona> = {}): Persona => ({
    id: "ria",
    name: "Ria",
    heading: "Ria woont alleen",
    description: "Ria is 90 en woont alleen aan de rand van het dorp.",
    source: { doc: "fictief", section: "Ria" },
    in_scope: true,
    reason: "Een oudere die thuis woont.",
    needs: [
      {
        id: "nabij",
        need: "Hulp dichtbij",
        need_en: "Help nearby",
        phrase: "woont alleen aan de rand",
        topics: ["gedekt-thema"],
        encoding: "judgement",
        note: "Fictief.",
      },
    ],
    ...overrides,
  });
  const file = (personas: Persona[]): Personas => ({
    bottlenecks: BOTTLENECKS.map((id) => ({ id, label: id, label_en: id, source: { doc: "fictief", section: "Knelpunten" } })),
    personas,
  });
  async function load(value: Personas) {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "personas.yaml"), JSON.stringify(value, null, 2));
    return loadStudy(dir);
  }

  it("a valid file loads", async () => {
    const result = await load(file([persona()]));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.study?.personas?.personas[0]?.id).toBe("ria");
  });

  it("a phrase that is not in her own heading or description is an error at the phrase", async () => {
    const result = await load(file([persona({ needs: [{ ...persona().needs![0]!, phrase: "woont alleen in de stad" }] })]));
    const finding = result.findings.find((f) => f.code === "not-in-description");
    expect(finding?.path).toBe("/personas/0/needs/0/phrase");
    expect(result.study).toBeUndefined();
  });

  it("an unknown topic gets a did-you-mean", async () => {
    const result = await load(file([persona({ needs: [{ ...persona().needs![0]!, topics: ["gedekt-tema"] }] })]));
    const finding = result.findings.find((f) => f.code === "unknown-ref");
    expect(finding && formatFinding(finding).hint).toContain('"gedekt-thema"');
  });

  it("a persona out of scope may not have needs, one in scope must; persona ids are unique", async () => {
    const outWithNeeds = await load(file([persona({ in_scope: false })]));
    expect(outWithNeeds.study).toBeUndefined();
    const { needs: _needs, ...withoutNeeds } = persona();
    const inWithout = await load(file([withoutNeeds]));
    expect(inWithout.study).toBeUndefined();
    const twice = await load(file([persona(), persona()]));
    expect(twice.findings.some((f) => f.code === "duplicate-id" && f.path === "/personas/1/id")).toBe(true);
  });

  it("a bottleneck outside the closed list is refused, in personas.yaml and on a theme", async () => {
    const value = file([persona()]);
    value.bottlenecks[0] = { ...value.bottlenecks[0]!, id: "te-weinig-geld" as never };
    expect((await load(value)).study).toBeUndefined();
    const dir = copyFixture();
    const interviews = readFileSync(path.join(dir, "interviews.yaml"), "utf8").replace(
      /^(\s+)topics:/m,
      "$1bottleneck: { id: geen-plek, encoding: judgement, note: Fictief. }\n$1topics:",
    );
    writeFileSync(path.join(dir, "interviews.yaml"), interviews);
    const result = await loadStudy(dir);
    expect(result.study).toBeUndefined();
    expect(result.findings.some((f) => f.file === "interviews.yaml" && f.severity === "error")).toBe(true);
  });
});

/** A fictional study: one topic covered, one flagged, one without demand. */
function fictionalStudy(): Study {
  const study = makeStudy({
    topics: [topic("goed"), topic("gat"), topic("stil")],
    accords: [accord("alpha", [action("a1", "measure", ["goed", "stil"])])],
    themes: [
      { ...theme("th-goed", ["ouderen"], ["goed"]) },
      { ...theme("th-gat", ["ouderen"], ["gat"]), bottleneck: { id: "geen-plekken", encoding: "judgement", note: "Fictief." } },
    ],
    sample: { goed: { prevalence: "all" }, gat: { prevalence: "few" }, stil: { prevalence: "most" } },
  });
  study.personas = {
    bottlenecks: BOTTLENECKS.map((id) => ({ id, label: `label ${id}`, label_en: `label ${id}`, source: { doc: "fictief", section: "K" } })),
    personas: [
      {
        id: "ria",
        name: "Ria",
        heading: "Ria <b>woont</b> alleen",
        description: "Ria is 90.",
        source: { doc: "fictief", section: "Ria" },
        in_scope: true,
        reason: "Oudere.",
        needs: [{ id: "n1", need: "Hulp", need_en: "Help", phrase: "Ria is 90", topics: ["goed", "gat", "stil"], encoding: "judgement", note: "Fictief." }],
      },
    ],
  };
  return study;
}

describe("persona coverage and sentences (fictional study)", () => {
  const study = fictionalStudy();
  const coverage = computeCoverage(study);
  const view = personaCoverage(study.personas!.personas[0]!, coverage);

  it("sorts the need's topics by what the rules say", async () => {
    expect(view.needs[0]).toMatchObject({ covered: ["goed"], flagged: ["gat"], unjudged: ["stil"] });
  });

  it("says in one sentence each what is covered and what is not", async () => {
    expect(needSentences(view.needs[0]!, "nl")).toEqual({
      covered: "Gedekt: Label goed.",
      notCovered: "Niet gedekt: Label gat (witte vlek).",
      unjudged: "Niet beoordeeld, want geen interviewthema noemt het: Label stil (landelijk 1.00, regionaal ~0.75).",
    });
    expect(needSentences(view.needs[0]!, "en").covered).toBe("Covered: Label goed.");
  });

  it("finds which bottleneck the flagged topics' themes express", async () => {
    const bottlenecks = bottleneckView(study, coverage);
    expect(bottlenecks.flaggedCount).toBe(1);
    expect(bottlenecks.rows.find((r) => r.bottleneck.id === "geen-plekken")).toMatchObject({ themes: ["th-gat"], flaggedTopics: ["gat"] });
    expect(bottlenecks.rows.filter((r) => r.flaggedTopics.length > 0)).toHaveLength(1);
    expect(bottlenecks.untagged).toEqual([]);
  });

  it("the section shows each topic's row with its score per accord, the regions and the verdict, aligned in columns", () => {
    const text = emitTerminalSections([personaSection({ study, coverage, lang: "nl" }, study.personas!.personas[0]!)], { paint: NO_PAINT, width: 100 });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Door de ogen van Ria");
    expect(text).toContain("Binnen de onderzoekspopulatie: Oudere.");
    const header = lines.find((l) => l.includes("Onderwerp"))!;
    const rows = ["Label goed", "Label gat", "Label stil"].map((label) => lines.find((l) => l.trimStart().startsWith(label))!);
    expect(rows.every(Boolean)).toBe(true);
    // Every row's verdict starts under the header's "Oordeel".
    const verdictAt = header.indexOf("Oordeel");
    expect(rows.map((row) => row.slice(verdictAt))).toEqual(["✓ gedekt", "■ witte vlek", "· geen signaal"]);
    expect(text).toContain("- Niet gedekt: Label gat (witte vlek).");
    expect(text).toContain("noot: Fictief.");
  });

  it("escapes the data in Markdown and on the terminal", async () => {
    const ria = study.personas!.personas[0]!;
    const markdown = emitMarkdownSections([personaSection({ study, coverage, lang: "nl" }, ria)], 2);
    expect(markdown).toContain("### Ria &lt;b&gt;woont&lt;/b&gt; alleen");
    expect(markdown).toMatch(/^\| Label gat \| .* \| ■ witte vlek \|$/m);
    const hostile = { ...ria, name: "Ria\u001b[2J" };
    const text = emitTerminalSections([personaSection({ study, coverage, lang: "nl" }, hostile)], { paint: NO_PAINT, width: 80 });
    expect(text).not.toContain("\u001b");
    expect(text).toContain("Door de ogen van Ria\\u001B[2J");
  });
});

/** Runs the CLI in this process (as the bin would, without spawning Node: the suite runs on two cores). */
async function cli(args: string[], columns = 120): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    env: { NO_COLOR: "1", COLUMNS: String(columns), DEKKING_CACHE_DIR: "off" },
    isTTY: false,
    columns: undefined,
    cwd: ROOT,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

describe("dekking persona", () => {
  it("shows Jeanny's needs with coverage and verdicts (through the CLI, in-process)", async () => {
    const result = await runInProcess(["persona", "jeanny"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Binnen de onderzoekspopulatie");
    expect(result.stdout).toContain("rust op: “haar mantelzorgers raken erg overbelast”");
    // IZA 0.30 since the reconciliation of issue 26: iza-handreiking-kwetsbare-ouderen-thuis no longer links
    // vroegsignalering (its passage does not name the Handreiking's content); the IZA's remaining links are general.
    expect(result.stdout).toMatch(/Vroegsignalering +0\.30 +1\.00 +0\.60 +0\.00 +~0\.18 +▲ mogelijk \(uitvoering\)/);
    expect(result.stdout).toContain("Niet gedekt: Spoedzorg (mogelijke witte vlek, tekort: uitvoering).");
    // The analysts' decision stands under the verdict it is about.
    const lines = result.stdout.split("\n");
    const spoedzorg = lines.findIndex((l) => /^ +Spoedzorg +1\.00/.test(l));
    expect(lines[spoedzorg]).toMatch(/▲ mogelijk \(uitvoering\)$/);
    expect(lines[spoedzorg + 1]!.trim()).toBe("besluit: monitoren");
    expect(lines[spoedzorg + 1]!.indexOf("besluit")).toBe(lines[spoedzorg]!.indexOf("▲"));
  });

  it("fits 80 and 120 columns, every need's table in aligned columns", async () => {
    for (const columns of [80, 120]) {
      const result = await cli(["persona", "Jeanny"], columns);
      expect(result.status).toBe(0);
      for (const line of result.stdout.split("\n")) expect(visibleWidth(line), line).toBeLessThanOrEqual(columns);
      expect(result.stdout.match(/^ +Onderwerp +IZA +GALA +WOZO +TAZ +Regio's +Oordeel$/gm)).toHaveLength(5);
      // Every number still shows: Vroegsignalering's row has all four accords and the regions on one line.
      expect(result.stdout).toMatch(/Vroegsignalering +0\.30 +1\.00 +0\.60 +0\.00 +~0\.18 /);
    }
  });

  it("--format markdown has a table per need and the decision with its verdict", async () => {
    const result = await cli(["persona", "jeanny", "--format", "markdown"]);
    expect(result.stdout).toMatch(/^## Door de ogen van Jeanny\n/);
    expect(result.stdout.match(/^\| Onderwerp \| IZA \| GALA \| WOZO \| TAZ \| Regio's \| Oordeel \|$/gm)).toHaveLength(5);
    expect(result.stdout).toContain("| Spoedzorg | 1\\.00 | 0\\.00 | 1\\.00 | 0\\.00 | \\~0.37 | ▲ mogelijk (uitvoering)<br>besluit: monitoren |");
  });

  it("gives a persona out of scope with the reason, and an unknown one a did-you-mean", async () => {
    const nora = await cli(["persona", "nora"]);
    expect(nora.status).toBe(0);
    expect(nora.stdout).toContain("Buiten de onderzoekspopulatie: Haar ouders regelen en geven de zorg");
    const typo = await cli(["persona", "jenny"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown persona "jenny"');
    expect(typo.stderr).toContain('did you mean "jeanny"?');
  });

  it("--format json carries the needs, topics and verdicts", async () => {
    const result = await cli(["persona", "jeanny", "--format", "json"]);
    const value = JSON.parse(result.stdout) as { needs: { id: string; topics: { id: string; verdict: string }[] }[] };
    expect(value.needs.map((n) => n.id)).toEqual([
      "mantelzorgers-ontlasten",
      "geheugen-op-tijd-zien",
      "veilig-thuis",
      "wonen-als-alleen-niet-meer-gaat",
      "veilig-in-de-buurt",
    ]);
    expect(value.needs[1]!.topics[0]).toMatchObject({ id: "vroegsignalering", verdict: "mogelijke-witte-vlek" });
  });

  it("dekking summary prints samenvatting.md", async () => {
    const result = await cli(["summary"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# Samenvatting in gewone taal\n/);
    expect(result.stdout).toContain("## Wat gebeurt er nu?");
    // The same as samenvatting.md, byte for byte.
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, "reports", "samenvatting.md"), "utf8"));
    const table = await cli(["summary", "--format", "table"], 80);
    const lines = table.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual(["Samenvatting in gewone taal", "───────────────────────────", "Wat is onderzocht?"]);
    expect(table.stdout).toContain("  - Bewustwording burgers\n");
    for (const line of lines) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
  });
});
