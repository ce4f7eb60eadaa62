// The fuzz corpus shared by the loader fuzzing and the YAML differential test: the fixture
// files and slices of the shipped data, and mutations of them.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { MINIMAL, SHIPPED_DATA } from "./helpers.js";

export const RUNS = Number(process.env.DEKKING_FUZZ_RUNS ?? 60);

export const targets = [
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
export const seeds = [
  ...targets.map((t) => readFileSync(path.join(MINIMAL, t), "utf8")),
  ...["topics.yaml", "interviews.yaml", "regions/sample.yaml", "accords/taz.yaml"].map((f) => readFileSync(path.join(SHIPPED_DATA, f), "utf8").slice(0, 4000)),
];

export const FRAGMENTS = [
  "\t",
  ": ",
  "- ",
  "&a ",
  "*a",
  "!!js/function ",
  "<<: *a",
  "[",
  "]",
  "{",
  "}",
  '"',
  "'",
  "#",
  "\n",
  "\r\n",
  "\u0000",
  "\uFEFF",
  "__proto__: 1\n",
  "constructor: 1\n",
  "? ",
  "|\n",
  ">-\n",
  "~",
  "1e999",
  "0x1F",
  "---\n",
  "...\n",
  "%YAML 1.1\n",
  "é",
  "’",
  // Scalars that YAML 1.1 and 1.2 read differently, and numbers in every notation.
  "0b101",
  "0o17",
  "017",
  "1_000",
  "1:30",
  "yes",
  "no",
  "on",
  "off",
  "Y",
  "NULL",
  "Null",
  "nULL",
  "TRUE",
  "True",
  "tRUE",
  ".inf",
  "-.Inf",
  ".NaN",
  "+1",
  "-0",
  "1.",
  ".5",
  "1e5",
  "1E+5",
  "0x",
  "2024-02-30",
  "2001-12-14t21:59:43.10-05:00",
  "= 1",
  "\\u001b",
  '"\\u202E"',
  '"\\x1b[2J"',
];

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat() }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, mutations: Mutation[]): string {
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
