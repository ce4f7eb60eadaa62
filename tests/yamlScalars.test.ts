// How the one YAML reading (the `yaml` library, YAML 1.2 core schema) reads the scalars that
// YAML 1.1 and 1.2 read differently, each with its exact expected value; merge keys and a
// %YAML 1.1 directive do not bring back 1.1 behaviour.

import { describe, expect, it } from "vitest";
import { parseWithPositions } from "../src/load/parseYaml.js";

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
