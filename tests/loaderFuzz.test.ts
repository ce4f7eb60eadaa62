// Fuzzing the loader: generated and mutated YAML (from the shipped files) must always give
// findings or a valid study, never an exception, and quickly. A longer run:
// `DEKKING_FUZZ_RUNS=5000 npx vitest run tests/loaderFuzz.test.ts` (or `npm run fuzz`).

import fc from "fast-check";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudy } from "../src/loadStudy.js";
import { formatFinding } from "../src/messages/findings.js";
import { copyFixture, MINIMAL, SHIPPED_DATA } from "./helpers.js";
import { mutate, mutation, RUNS, seeds, targets } from "./fuzzCorpus.js";
import { leakedValueIn } from "./outputChecks.js";

const TIME_LIMIT_MS = 10_000;

async function loadsCleanly(target: string, content: string | Uint8Array, dir: string): Promise<void> {
  writeFileSync(path.join(dir, target), content);
  const started = Date.now();
  const result = await loadStudy(dir);
  expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  const errors = result.findings.filter((f) => f.severity === "error");
  // Either a study and no errors, or errors and no study.
  expect(result.study === undefined).toBe(errors.length > 0);
  // A finding quotes what the file says; where the file itself says none of these words, none may appear.
  const quotesLeakWords = /undefined|null|NaN|Infinity|object Object/.test(Buffer.from(content).toString("latin1"));
  for (const finding of result.findings) {
    const text = formatFinding(finding);
    expect(typeof text.message).toBe("string");
    expect(JSON.parse(JSON.stringify(finding.params)), finding.code).toEqual(finding.params);
    if (!quotesLeakWords) expect(leakedValueIn(`${text.message} ${text.hint ?? ""}`.replace("nothing (null)", "")), finding.code).toBeUndefined();
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
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (target, seed, mutations) => {
          await loadsCleanly(target, mutate(seeds[seed]!, mutations), dir);
          writeFileSync(path.join(dir, target), originals[target]!);
        },
      ),
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
    expect(readdirSync(path.join(SHIPPED_DATA, "accords")).length).toBe(5);
  });
});
