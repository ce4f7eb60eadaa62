// The terminal tables keep their columns in line whatever the cells hold: the level, verdict
// and demand symbols, wide (East Asian) letters, letters with combining accents, Hebrew
// points and a soft hyphen (which cli-table3's own width measure counts differently from
// ours), measured by the one width measure of textColumns.ts.

import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { NO_PAINT } from "../src/render/paint.js";
import { renderMatrixTable } from "../src/render/renderMatrixTable.js";
import { regionMatrix, renderRegionsTable } from "../src/render/renderRegions.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { visibleWidth } from "../src/render/textColumns.js";
import { renderTextTable } from "../src/render/textTable.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

const SYMBOLS = ["●", "◐", "◔", "○", "✓", "▲", "■", "~", "·"];
/** Labels whose width in characters or UTF-16 units is not their width on screen. */
const LABELS = ["e\u0301e\u0301n 漢字 thuis", "שָׁלוֹם en zorg", "Zorg\u00ADverzekeraar", "ЗЕЕЛАНД", "Wonen 👩 samen", "plain"];

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The screen column (0-based) at which each character of the line starts. */
function columns(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const { segment } of segmenter.segment(line.replace(/\u001b\[[0-9;]*m/g, "").normalize("NFC"))) {
    out.push({ text: segment, at });
    at += visibleWidth(segment);
  }
  return out;
}

/** The screen column at which `needle` starts in the line. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  expect(index, `${needle} in ${line}`).toBeGreaterThanOrEqual(0);
  return visibleWidth(line.slice(0, index));
}

/** What the line shows at a screen column ("" past its end or inside a wide character). */
function at(line: string, column: number): string {
  return columns(line).find((c) => c.at === column)?.text ?? "";
}

describe("renderTextTable", () => {
  // Each cell starts with a tag, so the test can find where every column begins.
  const rows = LABELS.map((label, i) => [
    `a:${label}`,
    `b:${SYMBOLS[i]} 0.60`,
    `c:${SYMBOLS.slice(i, i + 3).join("")}`,
    `d:${SYMBOLS[8 - i]} oordeel`,
    "e:end",
  ]);

  it("starts every column at the same screen column in every row, with a span between rows", () => {
    const lines = renderTextTable([rows[0]!, { span: "— Kop 漢字 over de hele breedte" }, ...rows.slice(1)], { gap: 1 });
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toBe("— Kop 漢字 over de hele breedte");
    const cellLines = lines.filter((_, i) => i !== 1);
    for (const tag of ["b:", "c:", "d:", "e:"]) {
      const starts = cellLines.map((line) => columnOf(line, tag));
      expect(new Set(starts).size, `${tag} starts at ${starts.join(", ")}`).toBe(1);
    }
    // The widest label decides the first column: "Zorg\u00ADverzekeraar" takes 15 columns (the
    // soft hyphen none), 17 with its tag, and the gap is 1.
    expect(columnOf(cellLines[0]!, "b:")).toBe(18);
  });

  it("keeps the columns of a long table in line (it is drawn in slices of rows)", () => {
    const long = Array.from({ length: 50 }, (_, i) =>
      i % 7 === 3 ? { span: `— Kop ${i}` } : [`a:${"x".repeat(i % 13)}${i === 47 ? "漢字漢字" : ""}`, `b:${SYMBOLS[i % 9]}`, "c:"],
    );
    const lines = renderTextTable(long, { gap: 1 });
    expect(lines).toHaveLength(50);
    const starts = lines.filter((line) => line.startsWith("a:")).map((line) => columnOf(line, "b:"));
    // Row 47, in the last slice, is the widest: 8 x's and four wide letters after the tag.
    expect(new Set(starts)).toEqual(new Set([2 + 8 + 8 + 1]));
  });

  it("leaves no spaces at line ends, and honours a least width and the gap", () => {
    const lines = renderTextTable(
      [
        ["x", "y", ""],
        ["xx", "", ""],
      ],
      { gap: 2, minWidths: [5] },
    );
    expect(lines).toEqual(["x      y", "xx"]);
  });

  it("a span wider than the columns does not widen them", () => {
    const lines = renderTextTable([["a", "b"], { span: "— a heading longer than the table" }, ["aa", "bb"]], { gap: 1 });
    expect(lines).toEqual(["a  b", "— a heading longer than the table", "aa bb"]);
  });
});

describe("terminal tables with symbols, wide and combining characters", () => {
  const ids = LABELS.map((_, i) => `t${i}`);
  const study = makeStudy({
    topics: LABELS.map((label, i) => ({ ...topic(ids[i]!, i % 2 === 0 ? "cultuur" : "wonen"), label })),
    accords: [
      accord("iza", [action("iza-1", "measure", [ids[0]!, ids[1]!]), action("iza-2", "mention", [ids[2]!])]),
      { ...accord("wide", [action("w-1", "agreement", [ids[3]!, ids[0]!])]), name: "漢字" },
      { ...accord("accent", [action("a-1", "mention", [ids[4]!])]), name: "Ae\u0301" },
    ],
    themes: [theme("th", ["ouderen", "professionals"], ids.slice(0, 5))],
    sample: {
      [ids[0]!]: { prevalence: "all" },
      [ids[1]!]: { prevalence: "few" },
      [ids[2]!]: { prevalence: "half" },
      [ids[4]!]: { prevalence: "some", indirect: true },
    },
    plans: [
      {
        region: "Regio 漢字",
        findings: { [ids[0]!]: { status: "concrete" }, [ids[1]!]: { status: "ambition", indirect: true }, [ids[2]!]: { status: "absent" } },
      },
      { region: "Regio Noord", findings: { [ids[0]!]: { status: "ambition" }, [ids[3]!]: { status: "concrete" } } },
    ],
  });
  const coverage = computeCoverage(study);
  const options = (width: number): RenderOptions => ({ lang: "nl", paint: NO_PAINT, width, excel: false });

  /** Every row has a space just before each start column and, at it, what `shows` matches. */
  function expectColumnsAt(rows: string[], starts: number[], shows: RegExp): void {
    for (const start of starts) {
      for (const row of rows) {
        expect(at(row, start - 1), `before column ${start}: ${row}`).toBe(" ");
        expect(at(row, start), `at column ${start}: ${row}`).toMatch(shows);
      }
    }
  }

  it.each([120, 80])("matrix at %i columns: the cells of every topic start under their headings", (width) => {
    const lines = renderMatrixTable(coverage, options(width)).split("\n");
    const header = lines[0]!;
    const rows = lines.slice(1, lines.indexOf("")).filter((line) => line.startsWith("  "));
    expect(rows).toHaveLength(LABELS.length);
    // The table holds the symbols it is about, and the labels in a form that shows.
    const cells = rows.join("\n");
    for (const symbol of SYMBOLS) expect(cells, symbol).toContain(symbol);
    expect(cells).toContain("één 漢字");
    const starts = ["IZA", "漢字", "Aé", "Regio's", "Vraag", "Oordeel"].map((heading) => columnOf(header, heading));
    expectColumnsAt(rows, starts, /^[^ ]$/);
  });

  it.each([120, 80])("regions at %i columns: the status of every indicator starts under its region", (width) => {
    const lines = renderRegionsTable(regionMatrix(study), options(width)).split("\n");
    const rows = lines.filter((line) => LABELS.some((label) => line.startsWith(`  ${label.normalize("NFC").slice(0, 4)}`)));
    expect(rows).toHaveLength(LABELS.length);
    // Both regions' names start with "Regio" on the first header line.
    const starts = columns(lines[0]!)
      .filter((c, i, all) => c.text === "R" && all[i - 1]?.text === " ")
      .map((c) => c.at);
    expect(starts).toHaveLength(2);
    expectColumnsAt(rows, starts, /^[●◐○?]$/);
  });
});
