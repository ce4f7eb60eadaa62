// How the one YAML reading (the `yaml` library, YAML 1.2 core schema) reads the scalars that
// YAML 1.1 and 1.2 read differently, each with its exact expected value; merge keys and a
// %YAML 1.1 directive do not bring back 1.1 behaviour.

import { describe, expect, it } from "vitest";
import { CAREFUL_OPTIONS, deepFlowOffset, parseWithPositions, positionedDocument } from "../src/load/parseYaml.js";
import { locatePointer } from "../src/load/locate.js";
import { formatFinding } from "../src/messages/findings.js";

describe("one YAML reading: YAML 1.2, core schema", () => {
  const SCALARS: [string, unknown][] = [
    ["0b101", "0b101"],
    ["0o17", 15],
    ["017", 17],
    ["0x1F", 31],
    ["1_000", "1_000"],
    ["1:30", "1:30"],
    ["yes", "yes"],
    ["No", "No"],
    ["on", "on"],
    ["off", "off"],
    ["y", "y"],
    ["True", true],
    ["FALSE", false],
    ["tRUE", "tRUE"],
    ["~", null],
    ["Null", null],
    ["nULL", "nULL"],
    ["-.inf", -Infinity],
    [".NaN", NaN],
    ["+1", 1],
    ["1.", 1],
    [".5", 0.5],
    ["1e5", 100000],
    ["2024-02-30", "2024-02-30"],
    ["2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"],
    ["<<", "<<"],
  ];
  for (const [scalar, expected] of SCALARS) {
    it(`reads ${scalar} as ${String(expected)}`, async () => {
      const careful = await parseWithPositions("x.yaml", `value: ${scalar}\nother: 1\n`);
      expect(careful.findings).toEqual([]);
      expect(careful.value).toEqual({ value: expected, other: 1 });
    });
  }

  it("reads a byte-order mark after comment lines as nothing (found by the fuzzer)", async () => {
    const careful = await parseWithPositions("x.yaml", "# een opmerking\n\uFEFFstrength_scores:\n  measure: 1.0\n");
    expect(careful.findings).toEqual([]);
    expect(careful.value).toEqual({ strength_scores: { measure: 1 } });
  });

  it("a merge key is an ordinary key", async () => {
    const careful = await parseWithPositions("x.yaml", "base: &b { a: 1 }\nuse:\n  <<: *b\n");
    expect(careful.value).toEqual({ base: { a: 1 }, use: { "<<": { a: 1 } } });
  });

  it("a %YAML 1.1 directive does not bring back the 1.1 schema", async () => {
    const careful = await parseWithPositions("x.yaml", "%YAML 1.1\n---\na: yes\nb: 0b11\n");
    expect(careful.value).toEqual({ a: "yes", b: "0b11" });
  });
});

describe("the careful reading's shortcuts change nothing", () => {
  it("leaves process.env the live object, for good and for broken YAML", async () => {
    const live = process.env;
    for (const text of ["a: 1\n", "a: [1\n", "a: 1\na: 2\n", "? [x]\n: 1\n"]) {
      await parseWithPositions("x.yaml", text);
      expect(process.env).toBe(live);
    }
  });

  it("positionedDocument places findings where the first reading's document does", async () => {
    const text = "# kop\nid: x\nfindings:\n  a: { status: concrete, quote: 'Een zin.', page: 3 }\n  b:\n    status: absent\nlist:\n  - een\n  - { twee: 2 }\n";
    const careful = await parseWithPositions("x.yaml", text);
    expect(careful.findings).toEqual([]);
    const again = await positionedDocument(text);
    for (const pointer of ["", "/id", "/findings/a/quote", "/findings/a/page", "/findings/b/status", "/list/1/twee", "/list/7", "/nope/deeper"]) {
      for (const at of ["key", "value"] as const) {
        expect(locatePointer(again, pointer, at)).toEqual(locatePointer(careful.positioned, pointer, at));
      }
    }
  });

  it("reports the first complex key in the order yaml's visit takes", async () => {
    const { parseDocument, visit, isScalar, LineCounter } = await import("yaml");
    for (const text of ["? { [inner]: 1 }\n: 2\n", "a:\n  ? [x]\n  : 1\n? [y]\n: 2\n", "- { ? [p]: 1 }\n- ? q\n  : { ? [r] : 1 }\n"]) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, version: "1.2", schema: "core" });
      const offsets: number[] = [];
      visit(doc, {
        Pair(_, pair) {
          const key = pair.key as { range?: [number, number, number] } | null;
          if (key !== null && !isScalar(key)) offsets.push(key.range?.[0] ?? 0);
        },
      });
      const careful = await parseWithPositions("x.yaml", text);
      const complex = careful.findings.filter((f) => f.code === "complex-key");
      expect(complex).toHaveLength(1);
      const { line, col } = lineCounter.linePos(offsets[0]!);
      expect(complex[0]!.position).toEqual({ line: line - 1, col: col - 1 });
      expect(
        formatFinding(complex[0]!).message.endsWith(offsets.length > 1 ? `(and ${offsets.length - 1} more like it)` : "as a key; keys are plain text here"),
      ).toBe(true);
    }
  });

  it("the flow pre-scan: at most 32 brackets pass, 33 nested ones are refused at the 33rd", () => {
    expect(deepFlowOffset("[".repeat(32))).toBeUndefined();
    expect(deepFlowOffset("a: " + "{ b: ".repeat(20) + "[1, [2]]")).toBeUndefined();
    expect(deepFlowOffset("[".repeat(33))).toBe(32);
    expect(deepFlowOffset("x: '" + "[".repeat(40) + "'\n")).toBeUndefined();
  });
});

describe("duplicate keys: found as yaml's own check finds them", () => {
  it("gives yaml's duplicate-key errors, in its order, and lets NaN keys pass as it does", async () => {
    const { parseDocument, LineCounter } = await import("yaml");
    const texts = [
      "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n",
      "- { x: 1, y: 2, x: 3 }\n- ? { k: 1, k: 2 }\n  : v\n",
      "1: a\n01: b\n",
      "~: a\nnull: b\n",
      ".nan: 1\n.NaN: 2\n",
      "a: 1\nb: 2\nc: 3\n",
    ];
    for (const text of texts) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, ...CAREFUL_OPTIONS });
      const duplicates = doc.errors.filter((e) => e.code === "DUPLICATE_KEY");
      const careful = await parseWithPositions("x.yaml", text);
      const found = careful.findings.filter((f) => f.code === "duplicate-key");
      if (duplicates.length === 0) {
        expect(found, text).toEqual([]);
        continue;
      }
      const { line, col } = lineCounter.linePos(duplicates[0]!.pos[0]);
      expect(found, text).toHaveLength(1);
      expect(found[0]!.position, text).toEqual({ line: line - 1, col: col - 1 });
      expect(formatFinding(found[0]!).message, text).toBe(
        `Map keys must be unique${duplicates.length > 1 ? ` (and ${duplicates.length - 1} more like it)` : ""}`,
      );
    }
  });
});
