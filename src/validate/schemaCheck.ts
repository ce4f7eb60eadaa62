// Validates a parsed data file against its precompiled JSON Schema and turns ajv's errors
// into findings that say what was expected and, where it can, what was meant.

import { ownValue } from "../ownKeys.js";
import { createRequire } from "node:module";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../packageRoot.js";
import type { FileKind } from "../load/dataFiles.js";
import { pointerOf, pointerSegments } from "../load/locate.js";
import type { Finding, PendingFinding } from "../findings.js";
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

function describe(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "not-a-number (.nan)" : `infinity (${value < 0 ? "-" : ""}.inf)`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
  null: "nothing",
};

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = ownValue(node as Record<string, unknown>, segment);
  }
  return node;
}

function lastSegment(pointer: string): string {
  const segments = pointerSegments(pointer);
  return segments[segments.length - 1] ?? "";
}

/** How a message names the entry at a pointer: "scope", or "item 2 of topics" for a list item. */
function entryName(pointer: string): string {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined || last === "") return "this entry";
  if (/^\d+$/.test(last)) return `item ${Number(last) + 1}${segments.length > 1 ? ` of ${segments[segments.length - 2]}` : ""}`;
  return last;
}

/** What a number out of range should be, by where it stands. */
function rangeHint(path: string): string {
  if (path.startsWith("/priority_weights/")) return "a priority weight is a number from 0 to 100: only the ratio of the three weights matters";
  if (path === "/minimum_evidence_regions" || path === "/sensitivity_steps/regions") return "a number of regions, from 1 to 5000";
  if (path === "/sensitivity_steps/score") return "a step is a number above 0 and at most 0.5";
  return "thresholds, weights and shares are numbers from 0 to 1";
}

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
        message: `unknown key "${key}"; expected one of: ${allowed.join(", ")}`,
        hint: match ? `did you mean "${match}"?` : "remove the key or move it where it belongs",
      };
    }
    case "required": {
      const key = String(params.missingProperty);
      return {
        ...base,
        code: "missing-key",
        path,
        at: path === "" ? "value" : "key",
        message: `missing key "${key}"${path ? ` in ${entryName(path)}` : ""}`,
        hint:
          key === "vocabulary" && path === ""
            ? 'add "vocabulary:" with the study\'s groups, categories and domains (dekking init writes a commented example; docs/new-study.md explains it)'
            : `add "${key}:" (see the schema's description of it in your editor)`,
      };
    }
    case "dependentRequired": {
      return {
        ...base,
        code: "missing-key",
        path,
        at: "key",
        message: `"${String(params.property)}" needs "${String(params.missingProperty)}" beside it`,
        hint: `add "${String(params.missingProperty)}:" explaining why`,
      };
    }
    case "type": {
      const value = valueAt(data, path);
      if (typeof value === "number" && !Number.isFinite(value) && /number|integer/.test(String(params.type))) {
        return {
          ...base,
          code: "bad-value",
          path,
          message: `expected a finite number, got ${describe(value)}`,
          hint: "write a number such as 0.5; .inf and .nan are not numbers a rule can use",
        };
      }
      if (typeof value === "string" && String(params.type) === "boolean" && YAML11_BOOLEANS.test(value)) {
        return {
          ...base,
          code: "wrong-type",
          path,
          message: `expected true or false, got the text "${value}": YAML 1.2 reads ${value} as text, not as a yes/no value`,
          hint: "write true or false",
        };
      }
      if (
        typeof value === "string" &&
        /number|integer/.test(String(params.type)) &&
        /^[-+]?(0b[01_]+|[0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?)$/.test(value)
      ) {
        return {
          ...base,
          code: "wrong-type",
          path,
          message: `expected a number, got the text "${value}": YAML 1.2 reads binary (0b), sexagesimal (1:30) and underscored (1_000) numbers as text`,
          hint: "write the number in decimals, e.g. 0.5 or 1000",
        };
      }
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(" or ");
      return {
        ...base,
        code: "wrong-type",
        path,
        message: `expected ${expected}, got ${describe(valueAt(data, path))}`,
        hint:
          typeof valueAt(data, path) === "number" && params.type === "string"
            ? "put the value in quotes"
            : "check the indentation: a value may have landed under the wrong key",
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAt(data, path);
      const match = typeof value === "string" ? closestMatch(value, allowed) : undefined;
      return {
        ...base,
        code: "bad-value",
        path,
        message: `${describe(value)} is not allowed here; expected one of: ${allowed.join(", ")}`,
        hint: match ? `did you mean "${match}"?` : `use one of: ${allowed.join(", ")}`,
      };
    }
    case "const":
      return {
        ...base,
        code: "bad-value",
        path,
        message: `expected ${JSON.stringify(params.allowedValue)}`,
        hint: `write ${JSON.stringify(params.allowedValue)}`,
      };
    case "pattern": {
      if (error.propertyName !== undefined) {
        const key = error.propertyName;
        const suggestion = toKebab(key);
        return {
          ...base,
          code: "bad-id",
          path: pointerOf([...pointerSegments(path), key]),
          at: "key",
          message: `"${key}" is not a valid id: ids are lowercase kebab-case (a-z, 0-9, single hyphens)`,
          hint: suggestion ? `write "${suggestion}"` : "use lowercase letters, digits and hyphens",
        };
      }
      const value = valueAt(data, path);
      if (String(params.pattern).startsWith("^[a-z0-9]")) {
        const suggestion = typeof value === "string" ? toKebab(value) : "";
        return {
          ...base,
          code: "bad-id",
          path,
          message: `${describe(value)} is not a valid id: ids are lowercase kebab-case (a-z, 0-9, single hyphens)`,
          hint: suggestion ? `write "${suggestion}"` : "use lowercase letters, digits and hyphens",
        };
      }
      if (String(params.pattern).startsWith("^[0-9]{4}-")) {
        return { ...base, code: "bad-value", path, message: `${describe(value)} is not a date`, hint: "write the date as YYYY-MM-DD, e.g. 2024-08-02" };
      }
      if (String(params.pattern).startsWith("^https?")) {
        return { ...base, code: "bad-value", path, message: `${describe(value)} is not a web address`, hint: "write the full address starting with https://" };
      }
      return {
        ...base,
        code: "bad-value",
        path,
        message: `${describe(value)} does not have the expected form (${String(params.pattern)})`,
        hint: "see the field's description in the schema",
      };
    }
    case "format": {
      const value = valueAt(data, path);
      if (params.format === "date")
        return { ...base, code: "bad-value", path, message: `${describe(value)} is not a date`, hint: "write the date as YYYY-MM-DD, e.g. 2024-08-02" };
      return {
        ...base,
        code: "bad-value",
        path,
        message: `${describe(value)} is not a valid ${String(params.format)}`,
        hint: "write the full address starting with https://",
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        ...base,
        code: "bad-value",
        path,
        message: `${describe(valueAt(data, path))} is out of range: must be ${error.message?.replace(/^must be /, "") ?? ""}`,
        hint: rangeHint(path),
      };
    case "minLength":
      return { ...base, code: "bad-value", path, message: "is empty; a text is expected", hint: "fill it in or remove the key" };
    case "maxLength":
      return {
        ...base,
        code: "bad-value",
        path,
        message: `is too long (at most ${String(params.limit)} characters)`,
        hint: /\/(quote|text|excerpt|phrase)$/.test(path) ? "shorten it: quote one contiguous excerpt (mark a left-out part with […])" : "shorten it",
      };
    case "minItems":
      return { ...base, code: "bad-value", path, message: `needs at least ${String(params.limit)} item(s)`, hint: "add the missing items" };
    case "maxItems":
    case "maxProperties":
      return { ...base, code: "bad-value", path, message: `has too many items (at most ${String(params.limit)})`, hint: "split the data over several files" };
    case "uniqueItems":
      return {
        ...base,
        code: "bad-value",
        path,
        message: `lists the same item twice (items ${String(params.j)} and ${String(params.i)})`,
        hint: "remove the duplicate",
      };
    case "anyOf":
      return {
        ...base,
        code: "wrong-type",
        path,
        message: `expected a topic id or { id, scope }, got ${describe(valueAt(data, path))}`,
        hint: "write the topic id, or `{ id: <topic>, scope: general }`",
      };
    case "if":
    case "propertyNames":
      return undefined; // the errors under them say what is wrong
    default:
      return {
        ...base,
        code: "schema",
        path,
        message: error.message ?? `fails the schema rule "${error.keyword}"`,
        hint: "see the field's description in the schema",
      };
  }
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
    const key = `${finding.code}\u0000${finding.path}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
