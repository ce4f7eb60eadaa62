// The shipped data is a test subject: it validates, every verbatim text and quote appears
// in its source document, every cited section heading exists, and every topic is used.

import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy } from "../src/loadStudy.js";
import type { Source, Study } from "../src/model.js";
import { topicLinkId } from "../src/model.js";
import { ROOT, SHIPPED_DATA } from "./helpers.js";

const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");
const haveSeeds = existsSync(SEEDS);

let study: Study;
beforeAll(async () => {
  const result = await loadStudy(SHIPPED_DATA);
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  study = result.study!;
});

/** Whitespace carries no meaning in the extracted sources (line breaks fall mid-sentence). */
const squash = (text: string): string => text.replace(/\s+/g, "");

interface Cited {
  where: string;
  text: string;
  source: Source;
}

/** Every string the data claims is verbatim, with the source it cites. */
function verbatimTexts(s: Study): Cited[] {
  const out: Cited[] = [];
  for (const accord of s.accords) {
    out.push({ where: `${accord.id}.goal`, text: accord.goal, source: accord.source });
    out.push({ where: `${accord.id}.essence`, text: accord.essence, source: accord.source });
    accord.principles.forEach((p, i) => out.push({ where: `${accord.id}.principles[${i}]`, text: p, source: accord.source }));
    for (const action of accord.actions) out.push({ where: action.id, text: action.text, source: action.source });
  }
  for (const c of s.connections) {
    out.push({ where: `${c.id}.title`, text: c.title, source: c.source });
    out.push({ where: `${c.id}.summary`, text: c.summary, source: c.source });
  }
  for (const theme of s.interviews.themes) {
    out.push({ where: `${theme.id}.summary`, text: theme.summary, source: theme.source });
    (theme.quotes ?? []).forEach((q, i) => out.push({ where: `${theme.id}.quotes[${i}]`, text: q.text, source: q.source }));
  }
  for (const [topic, f] of Object.entries(s.sample?.findings ?? {})) {
    if (f.quote) out.push({ where: `sample.${topic}`, text: f.quote, source: f.source });
    (f.conflicting ?? []).forEach((c, i) => out.push({ where: `sample.${topic}.conflicting[${i}]`, text: c.quote, source: c.source }));
  }
  for (const [topic, r] of Object.entries(s.reference)) out.push({ where: `reference.${topic}`, text: r.quote, source: r.source });
  for (const [topic, d] of Object.entries(s.dispositions)) out.push({ where: `dispositions.${topic}`, text: d.quote, source: d.source });
  for (const topic of s.topics) for (const q of topic.questions ?? []) out.push({ where: `${topic.id}.questions`, text: q, source: topic.source ?? { doc: "003_da870fc574455194.txt", section: "Deel 3: Analyse van regioplannen" } });
  return out;
}

const documents = new Map<string, string>();
function document(doc: string): string {
  if (!documents.has(doc)) documents.set(doc, squash(readFileSync(path.join(SEEDS, doc), "utf8")));
  return documents.get(doc)!;
}

describe("shipped data", () => {
  it("validates without errors or warnings", () => {
    expect(study.accords.map((a) => a.id)).toEqual(["iza", "gala", "wozo", "taz"]);
    expect(study.topics.length).toBeGreaterThanOrEqual(44);
  });

  it("holds every fixed topic id of the design", () => {
    const fixed = "visie-leidende-principes bewustwording-burgers inzet-vitale-ouderen betrokkenheid-ouderenorganisaties stroomlijning-patientenstromen tijdelijk-verblijf spoedzorg concentratie-zorgsoorten randvoorwaarden-samenwerking gemeenschapskracht netwerkorganisaties formele-informele-zorg voorzieningen-wijk proactieve-zorgplanning vroegsignalering reablement gerichte-preventie valpreventie eenzaamheid verbinding-sociaal-zorgdomein wlz-zorg-thuis welzijn-op-recept mantelzorgondersteuning diagnostiek-behandeling-thuis toegankelijkheid-zorg indicatiestelling mentale-gezondheid-ouderen palliatieve-zorg hulpmiddelen training-positieve-gezondheid training-proactieve-zorgplanning bekwaam-is-bevoegd passende-woonvormen fysieke-leefomgeving vervoer-mobiliteit levensloopbestendige-woningen digitale-vaardigheden-burgers digitale-toegankelijkheid bewezen-technologie-thuis gegevensuitwisseling".split(" ");
    const ids = new Set(study.topics.map((t) => t.id));
    expect(fixed.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("ships no region plan files: the source has no per-region data", () => {
    expect(study.regionPlans).toEqual([]);
    expect(study.sample?.regions).toEqual(study.study.regions);
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

describe.skipIf(!haveSeeds)(`provenance against ${SEEDS}`, () => {
  it("every verbatim text and quote appears in its source document", () => {
    const missing = verbatimTexts(study).filter((c) => !document(c.source.doc).includes(squash(c.text)));
    expect(missing.map((c) => `${c.where}: ${c.text.slice(0, 60)}`)).toEqual([]);
    expect(verbatimTexts(study).length).toBeGreaterThan(300);
  });

  it("every cited section heading exists in its document", () => {
    const sources: Source[] = verbatimTexts(study).map((c) => c.source);
    const absent = sources.filter((s) => !document(s.doc).includes(squash(s.section)));
    expect([...new Set(absent.map((s) => `${s.doc}: ${s.section}`))]).toEqual([]);
  });

  it("every cited document is listed in study.yaml", () => {
    const listed = new Set(study.study.sources.map((s) => s.doc));
    const cited = new Set(verbatimTexts(study).map((c) => c.source.doc));
    expect([...cited].filter((d) => !listed.has(d))).toEqual([]);
  });
});

if (!haveSeeds) {
  it.skip(`provenance tests skipped: ${SEEDS} is not there (clone the project beside shared/ to run them)`, () => {});
}
