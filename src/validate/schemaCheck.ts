// Validates a parsed data file against its precompiled JSON Schema and turns ajv's errors
// into findings that say what was expected and, where it can, what was meant.

import { ownValue } from "../ownKeys.js";
import { createRequire } from "node:module";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../packageRoot.js";
import type { FileKind } from "../load/dataFiles.js";
import { pointerOf, pointerSegments } from "../load/locate.js";
import type { PendingFinding } from "../findings.js";
import { valueShape, type EntryName, type JsonType, type RangeField } from "../messages/findings.js";
import { closestMatch } from "../didYouMean.js";

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
  /** The schema object the failing keyword belongs to (the validators are built with `verbose`). */
  parentSchema?: { properties?: Record<string, unknown> };
  /** The failing keyword's value (with `verbose`). */
  schema?: unknown;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

type Validators = Record<string, Validator>;

const require = createRequire(import.meta.url);
const VALIDATORS_FILE = path.join(PACKAGE_ROOT, "generated", "validators.cjs");
let validators: Validators | undefined;
function loadValidators(): Validators {
  validators ??= require(VALIDATORS_FILE) as Validators;
  return validators;
}

/** A finding before its position is known: `at` says whether to point at the key or the value. */
export type { PendingFinding };

/** Words YAML 1.1 read as true or false; YAML 1.2, which dekking reads, keeps them as text. */
const YAML11_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

const JSON_TYPES = new Set<string>(["string", "number", "integer", "boolean", "array", "object", "null"]);

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = ownValue(node as Record<string, unknown>, segment);
  }
  return node;
}

/** Where the entry at a pointer stands: "item 2 of topics" for a list item, else its key. */
function entryAt(pointer: string): EntryName {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined || last === "") return { kind: "entry" };
  if (/^\d+$/.test(last)) return { kind: "item", index: Number(last), ...(segments.length > 1 ? { list: segments[segments.length - 2]! } : {}) };
  return { kind: "key", key: last };
}

/** Which range a number out of range belongs to, by where it stands. */
function rangeField(path: string): RangeField {
  if (path.startsWith("/priority_weights/")) return "priority-weight";
  if (path === "/minimum_evidence_regions" || path === "/sensitivity_steps/regions") return "region-count";
  if (path === "/sensitivity_steps/score") return "sensitivity-step";
  return "share";
}

/** The keywords an error can come from, each with its own code; `checkSchema` and its test keep them in step with the schemas. */
export const HANDLED_KEYWORDS = [
  "additionalProperties",
  "required",
  "dependentRequired",
  "not",
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "maxProperties",
  "uniqueItems",
  "anyOf",
  "if",
  "propertyNames",
] as const;

function toFinding(file: string, data: unknown, error: AjvError): PendingFinding | undefined {
  const { instancePath: path, params } = error;
  const base = { severity: "error" as const, file };
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(error.parentSchema?.properties ?? {});
      const match = closestMatch(key, allowed);
      return {
        ...base,
        code: "unknown-key",
        path: pointerOf([...pointerSegments(path), key]),
        at: "key",
        params: { key, allowed, ...(match !== undefined ? { suggestion: match } : {}) },
      };
    }
    case "required": {
      const key = String(params.missingProperty);
      return {
        ...base,
        code: "missing-key",
        path,
        at: path === "" ? "value" : "key",
        params: { variant: "required", key, ...(path ? { in: entryAt(path) } : {}) },
      };
    }
    case "dependentRequired":
      return {
        ...base,
        code: "missing-key",
        path,
        at: "key",
        params: { variant: "dependent", key: String(params.property), missing: String(params.missingProperty) },
      };
    case "not": {
      // The schemas use `not` only as `not: { required: [key] }`: a key the entry's other values rule out.
      const key = (error.schema as { required?: unknown[] } | undefined)?.required?.[0];
      if (typeof key !== "string") break;
      return { ...base, code: "forbidden-key", path: pointerOf([...pointerSegments(path), key]), at: "key", params: { key } };
    }
    case "type": {
      const value = valueAt(data, path);
      if (typeof value === "number" && !Number.isFinite(value) && /number|integer/.test(String(params.type))) {
        return { ...base, code: "not-finite", path, params: { got: valueShape(value) } };
      }
      if (typeof value === "string" && String(params.type) === "boolean" && YAML11_BOOLEANS.test(value)) {
        return { ...base, code: "wrong-type", path, params: { variant: "yaml11-boolean", text: value } };
      }
      if (
        typeof value === "string" &&
        /number|integer/.test(String(params.type)) &&
        /^[-+]?(0b[01_]+|[0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?)$/.test(value)
      ) {
        return { ...base, code: "wrong-type", path, params: { variant: "yaml12-number", text: value } };
      }
      const expected = String(params.type)
        .split(",")
        .filter((t): t is JsonType => JSON_TYPES.has(t));
      return { ...base, code: "wrong-type", path, params: { variant: "type", expected, got: valueShape(value) } };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAt(data, path);
      const match = typeof value === "string" ? closestMatch(value, allowed) : undefined;
      return { ...base, code: "not-allowed", path, params: { got: valueShape(value), allowed, ...(match !== undefined ? { suggestion: match } : {}) } };
    }
    case "const":
      return { ...base, code: "wrong-constant", path, params: { expected: params.allowedValue as string | number | boolean | null } };
    case "pattern": {
      if (error.propertyName !== undefined) {
        const key = error.propertyName;
        return {
          ...base,
          code: "bad-id",
          path: pointerOf([...pointerSegments(path), key]),
          at: "key",
          params: { variant: "key", key, suggestion: toKebab(key) },
        };
      }
      const value = valueAt(data, path);
      if (String(params.pattern).startsWith("^[a-z0-9]")) {
        return {
          ...base,
          code: "bad-id",
          path,
          params: { variant: "value", got: valueShape(value), suggestion: typeof value === "string" ? toKebab(value) : "" },
        };
      }
      if (String(params.pattern).startsWith("^[0-9]{4}-")) return { ...base, code: "bad-date", path, params: { variant: "form", got: valueShape(value) } };
      if (String(params.pattern).startsWith("^https?")) return { ...base, code: "bad-url", path, params: { got: valueShape(value) } };
      return { ...base, code: "pattern-mismatch", path, params: { got: valueShape(value), pattern: String(params.pattern) } };
    }
    case "format": {
      const value = valueAt(data, path);
      if (params.format === "date") return { ...base, code: "bad-date", path, params: { variant: "form", got: valueShape(value) } };
      return { ...base, code: "bad-url", path, params: { got: valueShape(value) } };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        ...base,
        code: "out-of-range",
        path,
        params: { got: valueShape(valueAt(data, path)), comparison: String(params.comparison), limit: Number(params.limit), field: rangeField(path) },
      };
    case "minLength":
      // Every minLength of the schemas is 1: a text that fails it is empty.
      return { ...base, code: "empty-text", path, params: {} };
    case "maxLength":
      return { ...base, code: "too-long", path, params: { limit: Number(params.limit), quoteField: /\/(quote|text|excerpt|phrase)$/.test(path) } };
    case "minItems":
      return { ...base, code: "too-few-items", path, params: { limit: Number(params.limit) } };
    case "maxItems":
    case "maxProperties":
      return { ...base, code: "too-many-items", path, params: { limit: Number(params.limit) } };
    case "uniqueItems":
      // ajv counts from 0 and names the later item first.
      return { ...base, code: "duplicate-item", path, params: { first: Number(params.j) + 1, second: Number(params.i) + 1 } };
    case "anyOf":
      return { ...base, code: "wrong-type", path, params: { variant: "topic-link", got: valueShape(valueAt(data, path)) } };
    case "if":
    case "propertyNames":
      return undefined; // the errors under them say what is wrong
  }
  // A keyword no schema uses today (tests/schemaKeywords.test.ts keeps HANDLED_KEYWORDS in step).
  return {
    ...base,
    code: "schema-rule",
    path,
    params: { keyword: error.keyword, ...(error.message !== undefined ? { detail: error.message } : {}) },
  };
}

function toKebab(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Schema findings for one parsed file; empty when it is valid. */
export function checkSchema(kind: FileKind, file: string, data: unknown): PendingFinding[] {
  const validate = loadValidators()[kind]!;
  if (validate(data)) return [];
  // A hostile file can fail on every item of a huge list: only the first errors are read.
  const errors = (validate.errors ?? []).slice(0, 1000);
  // For a value that fails an anyOf (a topic link), report the anyOf itself when the value
  // has the wrong shape, or the errors inside it when it is a map that fails on a detail.
  const suppressed = new Set<AjvError>();
  for (const anyOf of errors.filter((e) => e.keyword === "anyOf")) {
    const value = valueAt(data, anyOf.instancePath);
    const isMap = value !== null && typeof value === "object" && !Array.isArray(value);
    for (const error of errors) {
      const inside = error.instancePath === anyOf.instancePath || error.instancePath.startsWith(anyOf.instancePath + "/");
      if (!inside) continue;
      // For a map, only the failed string alternative (its type check) and the anyOf itself
      // go: the map's own errors — a missing id, an unknown key — are what the user must see.
      if (isMap ? error === anyOf || (error.instancePath === anyOf.instancePath && error.keyword === "type") : error !== anyOf) suppressed.add(error);
    }
  }
  const findings: PendingFinding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (suppressed.has(error)) continue;
    const finding = toFinding(file, data, error);
    if (!finding) continue;
    const key = `${finding.code}\u0000${finding.path}\u0000${JSON.stringify(finding.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
