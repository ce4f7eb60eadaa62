// The terminal emitter (render/report/terminal.ts) from blocks, without a study: tables in
// aligned columns that wrap their text to the width and stack where the columns do not fit,
// colour by tone that changes no layout, and hostile text escaped and kept within the width.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../src/document/blocks.js";
import { loadPaint, NO_PAINT } from "../src/render/paint.js";
import { emitTerminal, emitTerminalSections } from "../src/render/report/terminal.js";
import { stripColour, visibleWidth } from "../src/render/textColumns.js";
import { unsafeCharacterIn } from "./outputChecks.js";

const TABLE: Extract<Block, { kind: "table" }> = {
  kind: "table",
  caption: "Dekking",
  columns: [{ header: "Onderwerp" }, { header: "IZA", align: "right" }, { header: "Regio's", align: "right" }, { header: "Oordeel" }],
  rows: [
    { group: "Wonen" },
    {
      cells: [
        { text: "Passende woningen en woonvormen" },
        { text: "0.00" },
        { text: "~0.32" },
        { text: "▲ mogelijk (uitvoering)", tone: "verdict-mogelijke-witte-vlek" },
      ],
    },
    {
      cells: [{ text: "Spoedzorg" }, { text: "1.00" }, { text: "—" }, { text: "■ witte vlek", tone: "verdict-witte-vlek", note: "besluit: monitoren" }],
    },
  ],
  footer: [{ text: "Totaal" }, { text: "1.00" }, { text: "0.32" }, { text: "" }],
};

/** The screen column at which `needle` ends in the line. */
function endOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  expect(index, `${needle} in ${line}`).toBeGreaterThanOrEqual(0);
  return visibleWidth(line.slice(0, index + needle.length));
}

describe("tables", () => {
  it("draws aligned columns: numbers right-aligned under their header, a note under its cell, the group as a line of its own", () => {
    const lines = emitTerminal([TABLE], { paint: NO_PAINT, width: 100 });
    const header = lines.find((l) => l.includes("Onderwerp"))!;
    const woningen = lines.find((l) => l.includes("Passende woningen"))!;
    const spoed = lines.findIndex((l) => l.includes("Spoedzorg"));
    const total = lines.find((l) => l.includes("Totaal"))!;
    expect(lines).toContain("  Wonen");
    for (const row of [woningen, lines[spoed]!, total]) expect(endOf(row, row === woningen ? "0.00" : "1.00")).toBe(endOf(header, "IZA"));
    expect(endOf(woningen, "~0.32")).toBe(endOf(header, "Regio's"));
    expect(endOf(lines[spoed]!, "—")).toBe(endOf(header, "Regio's"));
    expect(lines[spoed + 1]!.trim()).toBe("besluit: monitoren");
    expect(lines[spoed + 1]!.indexOf("besluit")).toBe(lines[spoed]!.indexOf("■"));
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it("wraps the text columns to fit a narrower terminal, never a number, and keeps every word whole", () => {
    const lines = emitTerminal([TABLE], { paint: NO_PAINT, width: 44 });
    for (const line of lines) expect(visibleWidth(line), line).toBeLessThanOrEqual(44);
    const header = lines.find((l) => l.includes("Onderwerp"))!;
    const first = lines.findIndex((l) => l.includes("Passende"));
    // The label takes three lines and the verdict two; the numbers stay whole on the first.
    expect(lines.slice(first, first + 3).map((l) => l.trimEnd())).toEqual([
      "  Passende      0.00    ~0.32  ▲ mogelijk",
      "  woningen en                  (uitvoering)",
      "  woonvormen",
    ]);
    expect(endOf(lines[first]!, "0.00")).toBe(endOf(header, "IZA"));
    const words = lines.join(" ").split(/\s+/);
    for (const word of ["Passende", "woningen", "woonvormen", "(uitvoering)", "monitoren"]) expect(words).toContain(word);
  });

  it("stacks each row as its first cell and 'header: value' where the columns do not fit", () => {
    const lines = emitTerminal([TABLE], { paint: NO_PAINT, width: 40 }).map((l) => l.trimEnd());
    expect(lines).toContain("  Spoedzorg");
    const details = lines
      .slice(lines.indexOf("  Spoedzorg") + 1, lines.indexOf("  Totaal"))
      .join(" ")
      .replace(/\s+/g, " ");
    expect(details).toContain("IZA: 1.00");
    expect(details).toContain("Regio's: —");
    expect(details).toContain("Oordeel: ■ witte vlek (besluit: monitoren)");
    for (const line of lines) expect(visibleWidth(line), line).toBeLessThanOrEqual(40);
  });

  it("colours a cell by its tone and changes nothing else: without the colour codes the text is the uncoloured one", async () => {
    const paint = await loadPaint(true);
    for (const width of [100, 44, 40]) {
      const coloured = emitTerminal([TABLE], { paint, width });
      expect(coloured.join("\n")).toMatch(/\u001b\[[0-9;]*m■ witte vlek/);
      expect(coloured.map((l) => stripColour(l).trimEnd())).toEqual(emitTerminal([TABLE], { paint: NO_PAINT, width }).map((l) => l.trimEnd()));
    }
  });
});

describe("sections", () => {
  it("underlines each title and keeps prose within the width, at most 120 columns", () => {
    const section: Section = {
      id: "s",
      title: "Door de ogen van Ria",
      blocks: [
        { kind: "heading", text: "1. Hulp" },
        { kind: "paragraph", text: "woord ".repeat(60).trim() },
        { kind: "list", items: ["een", "twee"] },
      ],
    };
    const text = emitTerminalSections([section], { paint: NO_PAINT, width: 300 });
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual(["Door de ogen van Ria", "────────────────────", "1. Hulp"]);
    expect(Math.max(...lines.map(visibleWidth))).toBeLessThanOrEqual(120);
    expect(text).toContain("\n  - een\n  - twee\n");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("property: whatever the text, no unsafe character and no line wider than the terminal", () => {
    const hostile = fc.oneof(
      fc.constantFrom("\u001b[2J", "\u202e", "漢字漢字漢字", "e\u0301", "\u0000x", "a\tb\nc", "Zorg\u00ADverzekeraar", "x".repeat(70)),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), fc.integer({ min: 40, max: 130 }), (texts, width) => {
        const [a, b, c, d, e, f] = texts as [string, string, string, string, string, string];
        const section: Section = {
          id: "x",
          title: a,
          blocks: [
            { kind: "paragraph", text: b },
            { kind: "quote", text: c, source: d },
            {
              kind: "table",
              caption: "",
              columns: [{ header: e }, { header: "N", align: "right" }, { header: f }],
              rows: [{ group: a }, { cells: [{ text: b, note: c }, { text: "0.50" }, { text: d, tone: "level-high" }] }],
            },
            {
              kind: "group",
              group: { id: "g", title: e, subtitle: f, badge: { tone: "verdict-witte-vlek", text: a }, blocks: [{ kind: "list", items: [b, c] }] },
            },
          ],
        };
        const text = emitTerminalSections([section], { paint: NO_PAINT, width });
        expect(unsafeCharacterIn(text)).toBeUndefined();
        for (const line of text.split("\n")) expect(visibleWidth(line)).toBeLessThanOrEqual(Math.min(width, 120));
      }),
      { numRuns: 300 },
    );
  });

  it("draws an interval as a bar on its scale (marks │, the interval ━, the point ●) above its words; an empty one as words only", () => {
    const interval: Extract<Block, { kind: "interval" }> = {
      kind: "interval",
      alt: "Balk: regionaal ~0.50 (0.25–0.75)",
      low: 0.25,
      high: 0.75,
      point: 0.5,
      tone: "verdict-gedekt",
      marks: [{ value: 0.1, label: "witte vlek onder 0.10", tone: "verdict-witte-vlek" }],
      scaleLabels: ["0.00", "0.50", "1.00"],
      side: "landelijk 0.60",
      empty: "niet beoordeeld",
    };
    const [bar, words] = emitTerminal([interval], { paint: NO_PAINT, width: 52 });
    // 40 cells between the scale's ends: 0.25 at cell 10, 0.50 at 20, 0.75 at 29, the mark 0.10 at 4.
    expect(bar).toBe(`  0.00 ${"─".repeat(4)}│${"─".repeat(5)}${"━".repeat(10)}●${"━".repeat(9)}${"─".repeat(10)} 1.00`);
    expect(words).toBe("  Balk: regionaal ~0.50 (0.25–0.75)");
    expect(emitTerminal([{ ...interval, point: null, low: null, high: null }], { paint: NO_PAINT, width: 52 })).toEqual([
      "  Balk: regionaal ~0.50 (0.25–0.75)",
    ]);
  });
});
