// Turns the bytes of a data file into a plain value, with one parser: the `yaml` library,
// reading YAML 1.2 with the core schema and keeping source positions, so every finding has
// its file:line:col. Speed comes from not parsing at all when nothing changed (the study
// snapshot, src/load/studySnapshot.ts), not from a second, faster reading.

import type { Document, LineCounter } from "yaml";
import type { Finding, Position } from "../findings.js";
import { MAX_ALIAS_COUNT, MAX_FINDINGS_PER_FILE, MAX_NESTING } from "./limits.js";

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
    findings.push({
      code: "encoding",
      severity: "error",
      file,
      position: { line: 0, col: 0 },
      params: { variant: "utf-16" },
    });
    return { findings };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    findings.push({
      code: "byte-order-mark",
      severity: "warning",
      file,
      position: { line: 0, col: 0 },
      params: {},
    });
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
    findings.push({
      code: "encoding",
      severity: "error",
      file,
      position: positionOfOffset(lenient, Math.max(0, offset)),
      params: { variant: "invalid-utf-8" },
    });
    return { findings };
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    findings.push({
      code: "encoding",
      severity: "error",
      file,
      position: positionOfOffset(text, nul),
      params: { variant: "nul" },
    });
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

function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === " ") i++;
  return i - lineStart;
}

/**
 * Offset of the bracket that nests flow collections ([ and {) deeper than the limit, if any:
 * measured on the text before parsing, outside quotes and comments, because the parser
 * recurses into flow collections. Linear in the text, no recursion.
 */
export function deepFlowOffset(text: string): number | undefined {
  // Every level of depth is opened by a [ or {: a text with no more of them than the limit
  // cannot exceed it, and needs no scan of its quotes and comments (most data files).
  let openers = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 91 || c === 123) && ++openers > MAX_NESTING) break;
  }
  if (openers <= MAX_NESTING) return undefined;
  // Character codes instead of one-character strings and regular expressions: this runs
  // over every byte of every file on the careful path.
  const NEWLINE = 10,
    SPACE = 32,
    TAB = 9,
    CR = 13,
    DQUOTE = 34,
    SQUOTE = 39,
    BACKSLASH = 92,
    HASH = 35;
  const isSpace = (c: number): boolean =>
    c === SPACE ||
    c === TAB ||
    c === NEWLINE ||
    c === CR ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000;
  let depth = 0;
  /** The open quote (a character code), or 0 outside quotes. */
  let quote = 0;
  /** The character before this one (a newline at the start of a line). */
  let previous = NEWLINE;
  /** The last character on this line that is not a space (a newline at its start). */
  let significant = NEWLINE;
  let lineStart = 0;
  /** Indentation of the line that opened a block scalar (| or >); its content lines are skipped. */
  let blockIndent: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === lineStart && quote === 0 && depth === 0 && blockIndent !== undefined) {
      // Inside a block scalar: skip lines indented past its key, and blank lines.
      const end = text.indexOf("\n", i);
      const line = text.slice(i, end < 0 ? text.length : end);
      if (line.trim() === "" || indentAt(text, i) > blockIndent) {
        if (end < 0) break;
        i = end;
        lineStart = end + 1;
        continue;
      }
      blockIndent = undefined;
    }
    if (c === NEWLINE) {
      if (quote === 0 && depth === 0 && hasBlockIndicator(text, lineStart, i) && BLOCK_SCALAR_START.test(text.slice(lineStart, i).replace(/\r$/, ""))) {
        blockIndent = indentAt(text, lineStart);
      }
      lineStart = i + 1;
      previous = NEWLINE;
      if (quote === 0) significant = NEWLINE;
      continue;
    }
    if (quote !== 0) {
      if (quote === DQUOTE && c === BACKSLASH) i++;
      else if (c === quote) {
        if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) i++;
        else quote = 0;
      }
      previous = c;
      significant = c;
      continue;
    }
    if (c === HASH && isSpace(previous)) {
      const end = text.indexOf("\n", i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    // A quote opens a quoted scalar only where a scalar can start: at a line's start, or
    // after an indicator (`: `, `- `, `? `, `[`, `{`, `,`).
    if (c === DQUOTE || c === SQUOTE) {
      const atScalarStart =
        significant === NEWLINE ||
        ((significant === 58 || significant === 63 || significant === 45) && isSpace(previous)) || // : ? -
        significant === 91 ||
        significant === 123 ||
        significant === 44; // [ { ,
      if (atScalarStart) quote = c;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
    previous = c;
    if (c !== SPACE && c !== TAB && c !== CR) significant = c;
  }
  return undefined;
}

/** True when text[start, end) holds a | or >: BLOCK_SCALAR_START cannot match a line without one. */
function hasBlockIndicator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 62) return true;
  }
  return false;
}

const BLOCK_SCALAR_START = /(^|[\s:-])[|>][0-9+-]*[ \t]*(#.*)?$/;

/** The options of the careful parse: YAML 1.2, core schema, no merge keys, whatever the file says. */
export const CAREFUL_OPTIONS = { version: "1.2", schema: "core", merge: false, uniqueKeys: true, prettyErrors: false } as const;

/**
 * CAREFUL_OPTIONS without the duplicate-key check, which yaml does by comparing each key with
 * every earlier key of its map (quadratic: a region plan's findings map has hundreds of keys).
 * A document read so is the same as a careful one wherever no map holds two equal keys;
 * parseWithPositions checks that in one pass and reads the text carefully where it may not be so.
 */
const FAST_OPTIONS = { ...CAREFUL_OPTIONS, uniqueKeys: false } as const;

/**
 * Runs `parse` (synchronous) with process.env replaced by a plain copy of itself. The `yaml`
 * parser reads process.env.LOG_TOKENS once per token, and the live environment answers each
 * read through the operating system's table: about a third of the parse's time. The copy
 * holds the same variables, so the parser behaves the same; the live object is back before
 * any other code runs.
 */
function withPlainEnvironment<T>(parse: () => T): T {
  const live = process.env;
  process.env = { ...live };
  try {
    return parse();
  } finally {
    process.env = live;
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

/** A finding for one of the YAML library's errors, by its code; `detail` is the library's message. */
function yamlErrorFinding(code: string, detail: string, file: string, position: Position): Finding {
  const base = { severity: "error" as const, file, position };
  if (code === "DUPLICATE_KEY") return { ...base, code: "duplicate-key", params: { detail } };
  if (code === "TAB_AS_INDENT") return { ...base, code: "tab-indent", params: { detail } };
  return { ...base, code: "yaml-syntax", params: { variant: "parser", detail } };
}

/**
 * The document with positions of a text that parseWithPositions read without findings,
 * parsed again the same way (the same nodes and offsets). The loader
 * calls it only for a file where a later check has a finding to place, instead of keeping
 * every file's document from the first reading.
 */
export async function positionedDocument(text: string): Promise<PositionedDocument> {
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = await import("yaml");
  const lineCounter = new LineCounter();
  // The text was read without findings, so no map has two equal keys: the check is not needed.
  const doc = withPlainEnvironment(() => parseDocument(text, { lineCounter, ...FAST_OPTIONS }));
  return { doc, lineCounter, nodeTests: { isMap, isScalar, isSeq } };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Parses with source positions and reports every YAML-level problem as a finding. The
 * `yaml` library is loaded only here: a run served by the study snapshot never needs it.
 */
export async function parseWithPositions(file: string, text: string): Promise<CarefulParse> {
  const { LineCounter, parseDocument, visit, isCollection, isMap, isPair, isScalar, isSeq } = await import("yaml");
  const nodeTests = { isMap, isScalar, isSeq };
  let lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, col: col - 1 };
  };
  const deep = deepFlowOffset(text);
  if (deep !== undefined) {
    // Refused before parsing: the parser recurses into flow collections.
    findings.push({
      code: "nesting-limit",
      severity: "error",
      file,
      position: positionOfOffset(text, deep),
      params: { variant: "flow", limit: MAX_NESTING },
    });
    return { value: undefined, positioned: { doc: parseDocument(""), lineCounter, nodeTests }, findings };
  }
  let doc: Document.Parsed;
  let shape: DocumentShape;
  try {
    doc = withPlainEnvironment(() => parseDocument(text, { lineCounter, ...FAST_OPTIONS }));
    shape = shapeOf(doc, { isCollection, isMap, isPair, isScalar });
    if (shape.mayRepeatKey) {
      // Read it again with yaml's own check, for its duplicate-key errors in its order.
      lineCounter = new LineCounter();
      doc = withPlainEnvironment(() => parseDocument(text, { lineCounter, ...CAREFUL_OPTIONS }));
      shape = shapeOf(doc, { isCollection, isMap, isPair, isScalar });
    }
  } catch (error) {
    const nesting = error instanceof RangeError;
    findings.push(
      nesting
        ? { code: "nesting-limit", severity: "error", file, params: { variant: "parser", limit: MAX_NESTING } }
        : { code: "yaml-syntax", severity: "error", file, params: { variant: "unparsable", detail: String(error) } },
    );
    return { value: undefined, positioned: { doc: parseDocument(""), lineCounter, nodeTests }, findings };
  }
  // One finding per kind of problem: a hundred thousand stray brackets make one finding, not fifty.
  const seen = new Map<string, { more?: number }>();
  const repeat = (finding: Finding & { params: { more?: number } }): void => {
    const key = `${finding.code}\u0000${JSON.stringify(finding.params)}`;
    const earlier = seen.get(key);
    if (earlier) {
      earlier.more = (earlier.more ?? 0) + 1;
      return;
    }
    if (seen.size >= MAX_FINDINGS_PER_FILE) return;
    const params = { ...finding.params };
    seen.set(key, params);
    findings.push({ ...finding, params } as Finding);
  };
  for (const error of doc.errors) {
    if (error.code === "MULTIPLE_DOCS") {
      repeat({
        code: "multiple-documents",
        severity: "error",
        file,
        position: at(error.pos[0]),
        params: {},
      });
      continue;
    }
    const unclosed = /^Missing closing (["'])quote/.exec(error.message);
    if (unclosed) {
      // The parser stops at the end of the file; the useful place is where the quote opened.
      const opening = text.lastIndexOf(unclosed[1]!, error.pos[0] - 1);
      const quoteProblem = yamlErrorFinding(error.code, firstLine(error.message), file, at(Math.max(0, opening)));
      // An unclosed quote is a syntax error whatever the library calls it.
      repeat(quoteProblem.code === "yaml-syntax" ? { ...quoteProblem, params: { variant: "unclosed-quote", quote: unclosed[1]! } } : quoteProblem);
      continue;
    }
    repeat(yamlErrorFinding(error.code, firstLine(error.message), file, at(error.pos[0])));
  }
  for (const warning of doc.warnings) {
    if (warning.code === "TAG_RESOLVE_FAILED") {
      repeat({
        code: "unknown-tag",
        severity: "error",
        file,
        position: at(warning.pos[0]),
        params: { detail: firstLine(warning.message) },
      });
    }
  }
  const positioned = { doc, lineCounter, nodeTests };
  if (findings.length === 0) {
    // A list or map as a key has no plain-object reading (toJS would stringify it and print a
    // warning on stderr): refuse it here, at the key.
    for (const offset of shape.complexKeys) {
      repeat({ code: "complex-key", severity: "error", file, position: at(offset), params: {} });
    }
  }
  if (findings.length > 0) return { value: undefined, positioned, findings };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      findings.push({
        code: "alias-limit",
        severity: "error",
        file,
        position: firstAliasPosition(doc, at, visit),
        params: { limit: MAX_ALIAS_COUNT },
      });
    } else if (error instanceof RangeError) {
      findings.push({
        code: "nesting-limit",
        severity: "error",
        file,
        params: { variant: "parser", limit: MAX_NESTING },
      });
    } else {
      findings.push({ code: "yaml-syntax", severity: "error", file, params: { variant: "unreadable", detail: message } });
    }
    return { value: undefined, positioned, findings };
  }
  if (value === undefined || value === null) {
    findings.push({
      code: "empty-file",
      severity: "error",
      file,
      position: { line: 0, col: 0 },
      params: {},
    });
  } else if (nestingDepth(value) > MAX_NESTING) {
    findings.push({
      code: "nesting-limit",
      severity: "error",
      file,
      position: { line: 0, col: 0 },
      params: { variant: "value", limit: MAX_NESTING },
    });
    value = undefined;
  }
  return { value, positioned, findings };
}

/** What one pass over a parsed document finds about its keys. */
interface DocumentShape {
  /** Offsets of the keys that are not scalars (a list, a map, an alias), in the order yaml's `visit` meets them. */
  complexKeys: number[];
  /**
   * True when some map may hold two keys yaml's duplicate-key check calls equal (the same
   * node, or scalars with === values). A Set of the scalar values finds every such pair (and
   * also two NaN keys, which yaml lets pass: then the careful reading decides).
   */
  mayRepeatKey: boolean;
}

/**
 * One pass over every pair of the document, depth first, a pair before its key and its key
 * before its value (the order of yaml's `visit`, walked with a stack: `visit` copies its path
 * at every node).
 */
function shapeOf(doc: Document.Parsed, tests: Pick<typeof import("yaml"), "isCollection" | "isMap" | "isPair" | "isScalar">): DocumentShape {
  const { isCollection, isMap, isPair, isScalar } = tests;
  const complexKeys: number[] = [];
  let mayRepeatKey = false;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      const key = node.key as { range?: [number, number, number] } | null;
      if (key !== null && !isScalar(key)) complexKeys.push(key.range?.[0] ?? 0);
      stack.push(node.value, node.key);
    } else if (isCollection(node)) {
      if (!mayRepeatKey && isMap(node) && node.items.length > 1) {
        const keys = new Set<unknown>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? pair.key.value : pair.key;
          if (keys.has(key)) {
            mayRepeatKey = true;
            break;
          }
          keys.add(key);
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return { complexKeys, mayRepeatKey };
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
