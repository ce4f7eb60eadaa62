// The shipped data is a test subject: it validates, every verbatim text and quote appears
// in its source document, every cited section heading exists, and every topic is used.

import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { normaliseForComparison } from "../src/evidence/sourceText.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Source, Study } from "../src/model.js";
import { topicLinkId } from "../src/model.js";
import { ROOT, SHIPPED_DATA } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");
const SOURCES = path.resolve(ROOT, "..", "shared", "sources");
const haveSeeds = existsSync(SEEDS);

let study: Study;
beforeAll(async () => {
  const result = await loadStudy(SHIPPED_DATA);
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  study = result.study!;
});

/** Whitespace carries no meaning in the extracted sources (line breaks fall mid-sentence). */
const squash = (text: string): string => normaliseForComparison(text);

/** The texts of the register's documents, from ../shared (seeds and sources) or data/sources/. */
const texts = new Map<string, string>();
function documentText(doc: string): string {
  const known = texts.get(doc);
  if (known !== undefined) return known;
  const entry = study.study.documents.find((d) => d.id === doc);
  if (!entry?.text) throw new Error(`document ${doc} has no text`);
  for (const dir of [SEEDS, SOURCES, path.join(SHIPPED_DATA, "sources")]) {
    const file = path.join(dir, entry.text);
    if (existsSync(file)) {
      texts.set(doc, squash(readFileSync(file, "utf8")));
      return texts.get(doc)!;
    }
  }
  throw new Error(`no text for ${doc}`);
}

describe("shipped data", () => {
  it("validates without errors or warnings", () => {
    expect(study.accords.map((a) => a.id)).toEqual(["iza", "gala", "wozo", "taz", "azwa"]);
    expect(study.topics.length).toBeGreaterThanOrEqual(44);
  });

  it("holds every fixed topic id of the design", () => {
    const fixed =
      "visie-leidende-principes bewustwording-burgers inzet-vitale-ouderen betrokkenheid-ouderenorganisaties stroomlijning-patientenstromen tijdelijk-verblijf spoedzorg concentratie-zorgsoorten randvoorwaarden-samenwerking gemeenschapskracht netwerkorganisaties formele-informele-zorg voorzieningen-wijk proactieve-zorgplanning vroegsignalering reablement gerichte-preventie valpreventie eenzaamheid verbinding-sociaal-zorgdomein wlz-zorg-thuis welzijn-op-recept mantelzorgondersteuning diagnostiek-behandeling-thuis toegankelijkheid-zorg indicatiestelling mentale-gezondheid-ouderen palliatieve-zorg hulpmiddelen training-positieve-gezondheid training-proactieve-zorgplanning bekwaam-is-bevoegd passende-woonvormen fysieke-leefomgeving vervoer-mobiliteit levensloopbestendige-woningen digitale-vaardigheden-burgers digitale-toegankelijkheid bewezen-technologie-thuis gegevensuitwisseling".split(
        " ",
      );
    const ids = new Set(study.topics.map((t) => t.id));
    expect(fixed.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("ships one region plan, Flevoland, assessed from its own text for every indicator and topic with demand", () => {
    expect(study.regionPlans.map((p) => [p.region, p.file, p.plan.document])).toEqual([["Flevoland", "regions/flevoland.yaml", "regioplan-flevoland-2023"]]);
    expect(study.sample?.regions).toEqual(study.study.regions);
    const flevoland = study.regionPlans[0]!;
    const demand = new Set(study.interviews.themes.flatMap((t) => t.topics));
    const expected = study.topics
      .filter((t) => t.indicator || demand.has(t.id))
      .map((t) => t.id)
      .sort();
    expect(Object.keys(flevoland.findings).sort()).toEqual(expected);
    // Every concrete or ambition finding rests on at least one verbatim passage with its page.
    const unsupported = Object.entries(flevoland.findings).filter(
      ([, f]) => (f.status === "concrete" || f.status === "ambition") && (f.quotes ?? []).length === 0 && f.quote === undefined,
    );
    expect(unsupported.map(([id]) => id)).toEqual([]);
  });

  it("the AZWA is in force from its own date: no column at the study's date", () => {
    const azwa = study.accords.find((a) => a.id === "azwa")!;
    expect(azwa.period?.from).toBe("2025-08-31");
    expect(azwa.period?.source.doc).toBe("azwa-2025");
  });

  it("uses every topic somewhere, or documents why not", () => {
    const used = new Set<string>();
    for (const accord of study.accords) for (const action of accord.actions) for (const link of action.topics) used.add(topicLinkId(link));
    for (const theme of study.interviews.themes) for (const t of theme.topics) used.add(t);
    for (const [t, f] of Object.entries(study.sample?.findings ?? {})) if (f.prevalence !== "not-assessed") used.add(t);
    const unused = study.topics.filter((t) => !used.has(t.id) && !t.note);
    expect(unused.map((t) => t.id)).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)(`provenance against ${SEEDS} and ${SOURCES}`, () => {
  it("dekking's own check finds every verbatim text on its cited page, with no document left unchecked", async () => {
    const result = await loadStudy(SHIPPED_DATA, { verifyQuotes: { sourceDirs: [SEEDS, SOURCES] } });
    expect(result.findings.filter((f) => f.severity !== "info").map((f) => `${f.file}:${(f.position?.line ?? -1) + 1} ${formatFinding(f).message}`)).toEqual(
      [],
    );
    const summary = result.findings.find((f) => f.code === "quotes-checked")!;
    const checked = Number(/^(\d+) verbatim texts checked/.exec(formatFinding(summary).message)?.[1]);
    expect(checked).toBeGreaterThan(800);
    expect(formatFinding(summary).message).not.toContain("not checked");
  });

  // Sources with a page are located by the page (their section is a descriptive path such as
  // "Onderdeel C …; 1. …"); sources without one must name a heading that is in the document.
  it("every cited section heading of a source without a page exists in its document", () => {
    const sources: Source[] = [];
    for (const accord of study.accords) for (const action of accord.actions) sources.push(action.source);
    for (const theme of study.interviews.themes) sources.push(theme.source);
    for (const finding of Object.values(study.sample?.findings ?? {})) sources.push(finding.source);
    const absent = sources.filter((s) => s.page === undefined && !documentText(s.doc).includes(squash(s.section ?? "")));
    expect(sources.filter((s) => s.page === undefined).length).toBeGreaterThan(200);
    expect([...new Set(absent.map((s) => `${s.doc}: ${s.section}`))]).toEqual([]);
  });

  it("every topic with demand was screened in the IZA and the GALA", () => {
    const coverage = computeCoverage(study);
    const unscreened = coverage.topics
      .filter((t) => t.demand.groups.length > 0)
      .filter((t) => !["iza-2022", "gala-2023"].every((doc) => study.screening[t.id]?.documents.includes(doc)));
    expect(unscreened.map((t) => t.id)).toEqual([]);
  });
});

if (!haveSeeds) {
  it.skip(`provenance tests skipped: ${SEEDS} is not there (clone the project beside shared/ to run them)`, () => {});
}
