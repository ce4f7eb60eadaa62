// Fuzzing the loader: generated and mutated YAML (from the shipped files) must always give
// findings or a valid study, never an exception, and quickly. A longer run:
// `DEKKING_FUZZ_RUNS=5000 npx vitest run tests/loaderFuzz.test.ts` (or `npm run fuzz`).

import fc from "fast-check";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudy } from "../src/loadStudy.js";
import { copyFixture, MINIMAL, SHIPPED_DATA } from "./helpers.js";

const RUNS = Number(process.env.DEKKING_FUZZ_RUNS ?? 60);
const TIME_LIMIT_MS = 10_000;

const targets = [
  "study.yaml",
  "topics.yaml",
  "rules.yaml",
  "interviews.yaml",
  "reference.yaml",
  "dispositions.yaml",
  "regions/sample.yaml",
  "accords/alpha.yaml",
];

/** Seeds for mutation: the fixture files and slices of the shipped data files. */
const seeds = [
  ...targets.map((t) => readFileSync(path.join(MINIMAL, t), "utf8")),
  ...["topics.yaml", "interviews.yaml", "regions/sample.yaml", "accords/taz.yaml"].map((f) => readFileSync(path.join(SHIPPED_DATA, f), "utf8").slice(0, 4000)),
];

const FRAGMENTS = ["\t", ": ", "- ", "&a ", "*a", "!!js/function ", "<<: *a", "[", "]", "{", "}", '"', "'", "#", "\n", "\r\n", "\u0000", "\uFEFF", "__proto__: 1\n", "constructor: 1\n", "? ", "|\n", ">-\n", "~", "1e999", "0x1F", "---\n", "...\n", "%YAML 1.1\n", "é", "’"];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === "insert") out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === "delete") out = out.slice(0, at) + out.slice(at + m.length);
    else {
      const lines = out.split("\n");
      const i = lines.length === 0 ? 0 : m.at % lines.length;
      if (m.kind === "duplicate-line") lines.splice(i, 0, lines[i] ?? "");
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      out = lines.join("\n");
    }
  }
  return out;
}

async function loadsCleanly(target: string, content: string | Uint8Array, dir: string): Promise<void> {
  writeFileSync(path.join(dir, target), content);
  const started = Date.now();
  const result = await loadStudy(dir);
  expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  const errors = result.findings.filter((f) => f.severity === "error");
  // Either a study and no errors, or errors and no study.
  expect(result.study === undefined).toBe(errors.length > 0);
  for (const finding of result.findings) {
    expect(typeof finding.message).toBe("string");
    if (finding.position) {
      expect(finding.position.line).toBeGreaterThanOrEqual(0);
      expect(finding.position.col).toBeGreaterThanOrEqual(0);
    }
  }
}

describe("loader fuzzing", () => {
  it(`mutated YAML never throws (${RUNS} runs)`, async () => {
    const dir = copyFixture();
    const originals = Object.fromEntries(targets.map((t) => [t, readFileSync(path.join(dir, t))]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (target, seed, mutations) => {
        await loadsCleanly(target, mutate(seeds[seed]!, mutations), dir);
        writeFileSync(path.join(dir, target), originals[target]!);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`random bytes never throw (${RUNS} runs)`, async () => {
    const dir = copyFixture();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.uint8Array({ maxLength: 2000 }), async (target, bytes) => {
        await loadsCleanly(target, bytes, dir);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`generated YAML values never throw (${RUNS} runs)`, async () => {
    const dir = copyFixture();
    const { stringify } = await import("yaml");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.anything({ maxDepth: 4, withNullPrototype: false }), async (target, value) => {
        let text: string | undefined;
        try {
          text = stringify(value) as string | undefined;
        } catch {
          return; // a value YAML cannot express (e.g. a symbol) is not a test of the loader
        }
        if (typeof text !== "string") return;
        await loadsCleanly(target, text, dir);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("the shipped data and the fixture themselves load", async () => {
    for (const dir of [SHIPPED_DATA, MINIMAL]) {
      const result = await loadStudy(dir);
      expect(result.study, dir).toBeDefined();
    }
    expect(readdirSync(path.join(SHIPPED_DATA, "accords")).length).toBe(4);
  });
});
