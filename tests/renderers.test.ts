// Renderers tested from a computed Coverage of a fictional study, without the loader.

import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { loadPaint, NO_PAINT } from "../src/render/paint.js";

const COLOUR = await loadPaint(true);
import { renderMatrixCsv } from "../src/render/renderMatrixCsv.js";
import { renderMatrixJson } from "../src/render/renderMatrixJson.js";
import { renderMatrixMarkdown } from "../src/render/renderMatrixMarkdown.js";
import { renderMatrixTable } from "../src/render/renderMatrixTable.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

const study = makeStudy({
  topics: [
    { ...topic("gedekt", "cultuur"), label: "Een heel erg lang onderwerp met een label dat niet past in een smalle terminal" },
    { ...topic("vlek", "wonen"), label: 'Wonen, "anders" | met tekens' },
    topic("stil", "digitalisering"),
  ],
  accords: [
    accord("iza", [action("iza-1", "measure", ["gedekt"])]),
    accord("gala", [action("gala-1", "mention", ["vlek"])]),
    accord("wozo", []),
    accord("taz", []),
  ],
  themes: [theme("th", ["ouderen", "professionals"], ["gedekt", "vlek"])],
  sample: { gedekt: { prevalence: "all" }, vlek: { prevalence: "few" }, stil: { prevalence: "half" } },
});
const coverage = computeCoverage(study);
const plain = (overrides: Partial<RenderOptions> = {}): RenderOptions => ({ lang: "nl", paint: NO_PAINT, width: 120, excel: false, ...overrides });
const visibleWidth = (line: string): number => [...line.replace(/\u001b\[[0-9;]*m/g, "")].length;

describe("terminal matrix", () => {
  it("groups rows under Dutch category headings, with symbols, legend and summary", () => {
    const text = renderMatrixTable(coverage, plain());
    expect(text).toContain("— Cultuur");
    expect(text).toContain("— Wonen");
    expect(text).toContain("● 1.00");
    expect(text).toContain("■ witte vlek");
    expect(text).toContain("Legenda:");
    expect(text).toContain("3 onderwerpen: 1 witte vlek, 0 mogelijke witte vlekken, 1 gedekt, 1 geen signaal.");
    expect(text).not.toMatch(/\u001b\[/);
  });
  it("fits 120 and 80 columns", () => {
    for (const width of [120, 80]) {
      const lines = renderMatrixTable(coverage, plain({ width })).split("\n");
      expect(Math.max(...lines.map(visibleWidth)), `width ${width}`).toBeLessThanOrEqual(width);
    }
  });
  it("drops the accord numbers when narrow, keeps the symbols", () => {
    const narrow = renderMatrixTable(coverage, plain({ width: 80 }));
    const row = narrow.split("\n").find((l) => l.includes("Wonen, "))!;
    expect(row).not.toContain("0.30");
    expect(row).toContain("◔");
  });
  it("stacks each topic on two lines when too narrow for columns, and the legend says what their letters mean", () => {
    for (const [lang, national, note] of [
      ["nl", "L", "Per onderwerp een tweede regel: L = landelijke dekking"],
      ["en", "N", "Each topic has a second line: N = national coverage"],
    ] as const) {
      const text = renderMatrixTable(coverage, plain({ width: 50, lang }));
      expect(text).toMatch(new RegExp(`\\n    ${national} . \\d\\.\\d\\d  R `));
      expect(text.replace(/\s+/g, " ")).toContain(note);
      // Columns that fit: no such note.
      expect(renderMatrixTable(coverage, plain({ width: 120, lang }))).not.toContain(note.slice(0, 20));
    }
  });

  it("colours only when asked, and keeps the same text", () => {
    const coloured = renderMatrixTable(coverage, plain({ paint: COLOUR }));
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(renderMatrixTable(coverage, plain()));
  });
  it("uses English fixed labels with --lang en", () => {
    const text = renderMatrixTable(coverage, plain({ lang: "en" }));
    expect(text).toContain("— Housing");
    expect(text).toContain("■ white spot");
  });
});

describe("JSON contract", () => {
  it("has the documented shape", () => {
    const json = JSON.parse(renderMatrixJson(coverage, plain()) as string);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["study", "rules", "topics"]));
    const row = json.topics.find((t: { id: string }) => t.id === "vlek");
    expect(row).toMatchObject({
      id: "vlek",
      category: "wonen",
      demand: { groups: ["ouderen", "professionals"] },
      national: { score: 0.3, breadth: 0, accords: { iza: 0, gala: 0.3, wozo: 0, taz: 0 } },
      regional: { score: 0.15, estimate: true, counted: 2 },
      verdict: "witte-vlek",
      gap: "beide",
      reference: null,
    });
    expect(row.reasons.map((r: { code: string }) => r.code)).toEqual(["demand", "national-short", "regional-short", "white-spot"]);
    expect(row.reasons[1].text).toContain("landelijke dekking 0.30 < 0.60");
  });
});

describe("CSV", () => {
  it("follows RFC 4180: CRLF, quoted fields with separators or quotes", () => {
    const csv = renderMatrixCsv(coverage, plain()) as string;
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "topic,label,category,indicator,iza,gala,wozo,taz,national,breadth,regional,regional_estimate,regions_counted,demand_groups,required,verdict,gap,reference,reference_agrees,disposition,regional_low,regional_high,verdict_pessimistic,verdict_optimistic,robust,flips,priority",
    );
    expect(csv).toContain('"Wonen, ""anders"" | met tekens"');
    expect(lines.at(-1)).toBe("");
    expect(csv.includes("\n") && !/[^\r]\n/.test(csv)).toBe(true);
  });
  it("--excel writes a BOM, semicolons and decimal commas", () => {
    const csv = renderMatrixCsv(coverage, plain({ excel: true })) as string;
    expect(csv.startsWith("\uFEFFtopic;label;")).toBe(true);
    const row = csv.split("\r\n").find((l) => l.startsWith("vlek;"))!;
    expect(row).toContain(";0,3;");
    expect(row).toContain(";0,15;");
  });
});

describe("Markdown", () => {
  it("renders a table per category and escapes pipes", () => {
    const md = renderMatrixMarkdown(coverage, plain()) as string;
    expect(md).toContain("### Wonen");
    expect(md).toContain("| Onderwerp | IZA | GALA | WOZO | TAZ | Regio's | Vraag | Oordeel | Zeker | Rapport |");
    expect(md).toContain('Wonen, "anders" \\| met tekens');
    const tableLines = md.split("\n").filter((l) => l.startsWith("|"));
    for (const line of tableLines) expect(line.split(/(?<!\\)\|/).length).toBe(12);
  });
});
