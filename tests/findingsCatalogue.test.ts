// The findings catalogue (src/messages/findings.ts): one code per rule, parameters that are
// data, words made in one place.

import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { countOf, FINDING_CODES, findingsSummary, formatFinding, isFindingCode, valueShape } from "../src/messages/findings.js";
import { renderFindingsJson } from "../src/render/renderFindings.js";
import { checkSchema, HANDLED_KEYWORDS } from "../src/validate/schemaCheck.js";
import { ROOT } from "./helpers.js";

/** Keywords that never fail on their own: annotations, structure, and the subschemas whose errors come from inside. */
const SILENT_KEYWORDS = new Set(["$schema", "$id", "$ref", "$defs", "title", "description", "properties", "items", "then", "else", "allOf"]);

/** Every keyword the schemas use, with the file it first appears in. */
function schemaKeywords(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: unknown, file: string, namesAreKeys: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, file, false));
    if (node === null || typeof node !== "object") return;
    for (const [key, child] of Object.entries(node)) {
      // Under properties, $defs and dependentRequired the keys are names, not keywords.
      if (!namesAreKeys && !found.has(key)) found.set(key, file);
      walk(child, file, !namesAreKeys && ["properties", "$defs", "dependentRequired"].includes(key));
    }
  };
  const dir = path.join(ROOT, "schemas");
  for (const name of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, name), "utf8")), name, false);
  return found;
}

describe("one code per rule", () => {
  it("every keyword the schemas use has its own code: the fallback schema-rule is never reached by them", () => {
    const handled = new Set<string>(HANDLED_KEYWORDS);
    const unhandled = [...schemaKeywords()].filter(([keyword]) => !handled.has(keyword) && !SILENT_KEYWORDS.has(keyword));
    expect(unhandled).toEqual([]);
  });

  it("`not: { required: [key] }` is a forbidden key, at the key", () => {
    const candidate = {
      doc: "fictief",
      page: 1,
      excerpt: "Een verzonnen passage van genoeg woorden.",
      decision: "linked",
      action: "alpha-maatregel",
      reason: "duplicate",
    };
    const findings = checkSchema("screening", "screening.yaml", {
      topics: { "gedekt-thema": { documents: ["fictief"], terms: ["zorg"], candidates: [candidate] } },
    });
    expect(findings.map(({ code, path, at }) => ({ code, path, at }))).toEqual([
      { code: "forbidden-key", path: "/topics/gedekt-thema/candidates/0/reason", at: "key" },
    ]);
    expect(formatFinding(findings[0]!)).toEqual({
      message: '"reason" does not belong here: the entry\'s other values rule it out',
      hint: 'remove "reason:"',
    });
  });

  it("no code of the catalogue is the old catch-all", () => {
    expect(FINDING_CODES).not.toContain("schema");
    expect(FINDING_CODES).not.toContain("bad-value");
    expect(isFindingCode("bad-value")).toBe(false);
    expect(isFindingCode("unknown-ref")).toBe(true);
  });
});

describe("parameters are data, words come from the catalogue", () => {
  it("a value's shape survives a JSON round trip, negative zero included (found by the loader fuzz)", () => {
    for (const value of [-0, 0, 1.5, -2, "tekst", true, null, Number.NaN, -Infinity, [1], { a: 1 }]) {
      const shape = valueShape(value);
      expect(JSON.parse(JSON.stringify(shape)), String(value)).toEqual(shape);
    }
  });

  it("a code takes only its own parameters (checked by the compiler)", () => {
    const good: Finding = { code: "duplicate-link", severity: "error", file: "a.yaml", params: { topic: "t" } };
    // @ts-expect-error -- duplicate-link's parameters are { topic }, not unknown-ref's
    const wrong: Finding = { code: "duplicate-link", severity: "error", file: "a.yaml", params: { what: "topic", id: "t" } };
    expect(formatFinding(good).message).toBe('topic "t" is linked twice from this action');
    expect(wrong.code).toBe("duplicate-link");
  });

  it("a value's shape is JSON-safe where the value is not", () => {
    for (const value of [Number.NaN, Infinity, -Infinity, null, undefined, [1], { a: 1 }, "x".repeat(50), 3, true]) {
      const shape = valueShape(value);
      expect(JSON.parse(JSON.stringify(shape))).toEqual(shape);
    }
    expect(valueShape("x".repeat(50))).toEqual({ kind: "text", text: "x".repeat(40), cut: true });
  });

  it("the JSON output keeps message and hint and adds params", () => {
    const findings: Finding[] = [
      { code: "too-many-items", severity: "error", file: "topics.yaml", position: { line: 0, col: 8 }, path: "/topics", params: { limit: 5000 } },
    ];
    const json = JSON.parse(renderFindingsJson({ findings, fileCount: 1, displayPath: (f) => f })) as { findings: unknown[] };
    expect(json.findings).toEqual([
      {
        code: "too-many-items",
        severity: "error",
        file: "topics.yaml",
        line: 1,
        col: 9,
        path: "/topics",
        message: "has too many items (at most 5000)",
        hint: "split the data over several files",
        params: { limit: 5000 },
      },
    ]);
  });
});

describe("plurals", () => {
  it("the summary counts errors, warnings and files in the right form", () => {
    expect(findingsSummary({ errors: 1, warnings: 0, files: 1 })).toBe("1 error, 0 warnings in 1 file");
    expect(findingsSummary({ errors: 2, warnings: 1, files: 16 })).toBe("2 errors, 1 warning in 16 files");
  });

  it("a list that needs one item says item, more say items", () => {
    expect(formatFinding({ code: "too-few-items", params: { limit: 1 } }).message).toBe("needs at least 1 item");
    expect(formatFinding({ code: "too-few-items", params: { limit: 2 } }).message).toBe("needs at least 2 items");
    expect(countOf(0, { one: "letter", other: "letters" })).toBe("0 letters");
  });

  it("items twice are counted from 1, as everywhere else in the messages", () => {
    const findings = checkSchema("study", "study.yaml", {
      id: "s",
      title: "T",
      question: "Q?",
      authors: ["A"],
      date: "2024-01-15",
      documents: [{ id: "d", title: "D", kind: "report" }],
      accords: ["a", "b", "a"],
      regions: ["R"],
      rules: "rules.yaml",
    });
    const twice = findings.find((f) => f.code === "duplicate-item");
    expect(twice?.params).toEqual({ first: 1, second: 3 });
    expect(formatFinding(twice!).message).toBe("lists the same item twice (items 1 and 3)");
  });
});
