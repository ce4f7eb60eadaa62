// One reading of a YAML file: the fast path (js-yaml) and the careful path (`yaml`, with
// positions) must give the same value for every file the fast path accepts, whatever else
// the file contains. A differential test over the fuzz corpus, plus the scalars YAML 1.1
// and 1.2 read differently, each with its exact expected value.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFast, parseWithPositions } from "../src/load/parseYaml.js";
import { mutate, mutation, RUNS, seeds } from "./fuzzCorpus.js";

async function bothReadings(text: string): Promise<{ fast: unknown; careful: unknown; findings: string[] } | undefined> {
  const fast = await parseFast(text);
  if (!fast) return undefined;
  const careful = await parseWithPositions("x.yaml", text);
  return { fast: fast.value, careful: careful.value, findings: careful.findings.map((f) => `${f.code}: ${f.message}`) };
}

describe("one reading of YAML on both paths", () => {
  it(`whenever js-yaml accepts a file, yaml accepts it without errors and reads the same value (${RUNS} runs)`, async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (seed, mutations) => {
        const text = mutate(seeds[seed]!, mutations);
        const readings = await bothReadings(text);
        if (!readings) return;
        compared++;
        expect(readings.findings, text).toEqual([]);
        expect(readings.careful, text).toEqual(readings.fast);
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(0);
  }, 300_000);

  it("reads a byte-order mark after comment lines the same on both paths (found by the fuzzer)", async () => {
    const text = "# een opmerking\n\uFEFFstrength_scores:\n  measure: 1.0\n";
    expect(await parseFast(text)).toBeUndefined();
    const careful = await parseWithPositions("x.yaml", text);
    expect(careful.value).toEqual({ strength_scores: { measure: 1 } });
  });

  // Each scalar as a value, alone and next to an anchor elsewhere in the file (which sends
  // the file down the careful path): the value must not change.
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
    it(`reads ${scalar} as ${String(expected)} on both paths`, async () => {
      const fast = await parseFast(`value: ${scalar}\nother: 1\n`);
      const careful = await parseWithPositions("x.yaml", `value: ${scalar}\nother: &a 1 # an anchor sends this file down the careful path\n`);
      expect(fast?.value).toEqual({ value: expected, other: 1 });
      expect(careful.findings).toEqual([]);
      expect(careful.value).toEqual({ value: expected, other: 1 });
    });
  }

  it("a merge key is an ordinary key on both paths", async () => {
    const careful = await parseWithPositions("x.yaml", "base: &b { a: 1 }\nuse:\n  <<: *b\n");
    expect(careful.value).toEqual({ base: { a: 1 }, use: { "<<": { a: 1 } } });
  });

  it("a %YAML 1.1 directive does not bring back the 1.1 schema", async () => {
    const careful = await parseWithPositions("x.yaml", "%YAML 1.1\n---\na: yes\nb: 0b11\n");
    expect(careful.value).toEqual({ a: "yes", b: "0b11" });
  });
});
