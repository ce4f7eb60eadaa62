// Turns the bytes of a data file into a plain value. The common path uses js-yaml, about
// ten times faster than a parse that keeps source positions; positions are only needed
// to report a problem, so `parseWithPositions` runs only for files that have one.

import type { Document, LineCounter } from "yaml";
import type { Finding, Position } from "../findings.js";
import { MAX_ALIAS_COUNT, MAX_NESTING } from "./limits.js";

export interface DecodedText {
  text: string;
  findings: Finding[];
}

function positionOfOffset(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart };
}

/** Checks the encoding: UTF-8 without NUL bytes; a UTF-8 byte-order mark is dropped with a warning. */
export function decodeDataFile(file: string, bytes: Uint8Array): DecodedText | { findings: Finding[]; text?: undefined } {
  const findings: Finding[] = [];
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    findings.push({ code: "encoding", severity: "error", file, position: { line: 0, col: 0 }, message: "is encoded as UTF-16; data files must be UTF-8", hint: "save the file as UTF-8 (in most editors: File → Save with Encoding → UTF-8)" });
    return { findings };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    findings.push({ code: "byte-order-mark", severity: "warning", file, position: { line: 0, col: 0 }, message: "starts with a byte-order mark, which is ignored", hint: "save the file as UTF-8 without BOM" });
    start = 3;
  }
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Find the first invalid byte to point at it.
    const lenient = new TextDecoder("utf-8").decode(body);
    const offset = lenient.indexOf("\uFFFD");
    findings.push({ code: "encoding", severity: "error", file, position: positionOfOffset(lenient, Math.max(0, offset)), message: "is not valid UTF-8", hint: "save the file as UTF-8; it was probably written as Latin-1 or Windows-1252" });
    return { findings };
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    findings.push({ code: "encoding", severity: "error", file, position: positionOfOffset(text, nul), message: "contains a NUL byte: this is not a text file", hint: "replace it with the YAML data file" });
    return { findings };
  }
  return { text, findings };
}

function nestingDepth(value: unknown): number {
  // Iterative, so a hostile file cannot overflow the stack here.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_NESTING) return depth;
    if (node !== null && typeof node === "object") {
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const ANCHOR = /(^|[\s[{,:-])&[^\s]/m;
/** Text that may nest deeper than the limit: a long run of brackets, or deep indentation. */
const DEEP_FLOW = new RegExp(`[[{]([\\s]*[[{]){${MAX_NESTING}}`);
const DEEP_BLOCK = new RegExp(`^ {${MAX_NESTING * 2},}\\S`, "m");

/**
 * The fast path: a value, or undefined when the file needs the careful parse (any syntax
 * problem, anchors that could expand, or too deep nesting).
 */
export async function parseFast(text: string): Promise<{ value: unknown } | undefined> {
  if (ANCHOR.test(text) || DEEP_FLOW.test(text) || DEEP_BLOCK.test(text)) return undefined;
  const { default: jsYaml } = await import("js-yaml");
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
    if (value === undefined || value === null) return undefined;
    return { value };
  } catch {
    return undefined;
  }
}

export interface PositionedDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The `yaml` library's node tests, passed along because the library is loaded lazily. */
  nodeTests: Pick<typeof import("yaml"), "isMap" | "isScalar" | "isSeq">;
}

export interface CarefulParse {
  value: unknown;
  positioned: PositionedDocument;
  findings: Finding[];
}

function yamlErrorCode(code: string): Finding["code"] {
  if (code === "DUPLICATE_KEY") return "duplicate-key";
  if (code === "TAB_AS_INDENT") return "tab-indent";
  return "yaml-syntax";
}

const YAML_HINTS: Partial<Record<Finding["code"], string>> = {
  "duplicate-key": "each key may appear once per map: remove or rename one of them",
  "tab-indent": "indent with spaces, not tabs",
  "yaml-syntax": "check the indentation and quoting on this line; strings with ': ' or '#' need quotes",
};

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Parses with source positions and reports every YAML-level problem as a finding. The
 * `yaml` library is loaded only here: the common path never needs it.
 */
export async function parseWithPositions(file: string, text: string): Promise<CarefulParse> {
  const { LineCounter, parseDocument, visit, isMap, isScalar, isSeq } = await import("yaml");
  const nodeTests = { isMap, isScalar, isSeq };
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, col: col - 1 };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    const nesting = error instanceof RangeError;
    findings.push({
      code: nesting ? "nesting-limit" : "yaml-syntax",
      severity: "error",
      file,
      message: nesting ? `is nested too deeply (the limit is ${MAX_NESTING} levels)` : `cannot be parsed: ${String(error)}`,
      hint: nesting ? "flatten the structure" : "check the file's YAML syntax",
    });
    return { value: undefined, positioned: { doc: parseDocument(""), lineCounter, nodeTests }, findings };
  }
  for (const error of doc.errors) {
    const code = yamlErrorCode(error.code);
    const unclosed = /^Missing closing (["'])quote/.exec(error.message);
    if (unclosed) {
      // The parser stops at the end of the file; the useful place is where the quote opened.
      const opening = text.lastIndexOf(unclosed[1]!, error.pos[0] - 1);
      findings.push({ code, severity: "error", file, position: at(Math.max(0, opening)), message: `the quote ${unclosed[1]} opened here is never closed`, hint: `add the closing ${unclosed[1]} at the end of the text` });
      continue;
    }
    findings.push({ code, severity: "error", file, position: at(error.pos[0]), message: firstLine(error.message), hint: YAML_HINTS[code]! });
  }
  for (const warning of doc.warnings) {
    if (warning.code === "TAG_RESOLVE_FAILED") {
      findings.push({ code: "unknown-tag", severity: "error", file, position: at(warning.pos[0]), message: firstLine(warning.message), hint: "remove the tag (a word starting with '!'): data files use plain YAML only" });
    }
  }
  const positioned = { doc, lineCounter, nodeTests };
  if (findings.length > 0) return { value: undefined, positioned, findings };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      findings.push({ code: "alias-limit", severity: "error", file, position: firstAliasPosition(doc, at, visit), message: `uses aliases (*name) that expand beyond the limit of ${MAX_ALIAS_COUNT}`, hint: "write the values out instead of using anchors and aliases" });
    } else if (error instanceof RangeError) {
      findings.push({ code: "nesting-limit", severity: "error", file, message: `is nested too deeply (the limit is ${MAX_NESTING} levels)`, hint: "flatten the structure" });
    } else {
      findings.push({ code: "yaml-syntax", severity: "error", file, message: `cannot be read: ${message}`, hint: "check the file's YAML syntax" });
    }
    return { value: undefined, positioned, findings };
  }
  if (value === undefined || value === null) {
    findings.push({ code: "empty-file", severity: "error", file, position: { line: 0, col: 0 }, message: "is empty (it holds no data, only comments or nothing)", hint: "fill it in, or delete it if it is not needed" });
  } else if (nestingDepth(value) > MAX_NESTING) {
    findings.push({ code: "nesting-limit", severity: "error", file, position: { line: 0, col: 0 }, message: `is nested more than ${MAX_NESTING} levels deep`, hint: "flatten the structure" });
    value = undefined;
  }
  return { value, positioned, findings };
}

function firstAliasPosition(doc: Document.Parsed, at: (offset: number) => Position, visit: typeof import("yaml").visit): Position | undefined {
  let found: Position | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.range) found = at(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}
