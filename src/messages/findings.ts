// The words of every finding, in one place. A finding is a code with parameters (data: ids,
// counts, the shape of a value, never a finished sentence); this catalogue turns it into
// its message and hint, as publint keeps `{ code, args }` apart from its formatter. Each
// code names one rule, and its parameter type says what the text needs.
//
// English only: the CLI speaks English to researchers (the reports are Dutch or English;
// their words are in the report catalogue). Texts may quote values from the data; the
// renderers escape them (render/renderFindings.ts), not this module.
//
// A leaf: it imports only the shared leaves (model.ts types, unsafeText.ts).

import type { Page } from "../model.js";
import { describeCharacter } from "../unsafeText.js";

/** What a finding says: what failed and what was expected, and how to fix it. */
export interface FindingText {
  message: string;
  hint?: string;
}

// ---------------------------------------------------------------------------------------
// Parameter types shared by several codes

/**
 * A value from the data as a message names it: its kind, and for a text its first 40
 * characters. Built by `valueShape`; JSON-safe (no NaN or Infinity).
 */
export type ValueShape =
  | { kind: "null" }
  | { kind: "nan" }
  | { kind: "infinity"; negative: boolean }
  | { kind: "list" }
  | { kind: "map" }
  | { kind: "text"; text: string; cut: boolean }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "absent" };

/** The JSON Schema types a value can be expected to have. */
export type JsonType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

/** Kinds of things that have ids (or names) the data refers to. */
export type Entity =
  | "topic"
  | "accord"
  | "action-line"
  | "action"
  | "connection"
  | "group"
  | "category"
  | "domain"
  | "theme"
  | "document"
  | "bottleneck"
  | "persona"
  | "need"
  | "region";

/** The lists of study.yaml's `vocabulary`. */
export type VocabularyList = "groups" | "categories" | "domains";

/** Where an entry stands, as a message names it: "item 2 of topics", or its key. */
export type EntryName = { kind: "item"; index: number; list?: string } | { kind: "key"; key: string } | { kind: "entry" };

/** Where an entry of the data folder stands that dekking does not read: the top folder, accords/ or regions/. */
export type DataFolderPart = "top" | "accords" | "regions";

/** A file an editor or the operating system leaves beside a data file (load/dataFiles.ts). */
export type LeftoverKind = "emacs-lock" | "emacs-auto-save" | "editor-backup" | "vim-swap" | "resource-fork" | "leftover-copy" | "hidden";

/** What is wrong with a source text's `## Page N` markers, at a 0-based line (evidence/pageMarkers.ts). */
export type PageLayoutProblem = { line: number } & (
  | { kind: "malformed-page-marker"; variant: "near-marker"; content: string }
  | { kind: "malformed-page-marker"; variant: "extra-text"; content: string }
  | { kind: "malformed-page-marker"; variant: "page-below-one"; page: number }
  | { kind: "duplicate-page"; page: number; firstLine: number }
  | { kind: "page-out-of-order"; page: number; previous: number; previousLine: number }
  | { kind: "no-page-markers" }
);

/** Which range a number out of range belongs to (the hint says what the field holds). */
export type RangeField = "priority-weight" | "region-count" | "sensitivity-step" | "share";

/** The repeat count of a YAML finding that stands for several alike ones (one per kind of problem). */
interface Repeated {
  /** How many more problems like this one the file has. */
  more?: number;
}

// ---------------------------------------------------------------------------------------
// The parameters of each code

/** Per finding code, its parameters. The closed list of codes is the keys of this map. */
export interface FindingParams {
  // files and bytes
  "missing-file": { variant: "data-file" } | { variant: "given-file" } | { variant: "data-folder"; folder: string };
  /** Something in the data folder that dekking does not read: every such entry is named (load/dataFiles.ts). */
  "unknown-file":
    | { variant: "top-yaml"; suggestion?: string; dataFiles: string[] }
    | { variant: "extension"; rename: string; taken: boolean }
    | { variant: "folder"; in: DataFolderPart; yamlFiles: string[]; more: number; suggestion?: string }
    | { variant: "other"; in: DataFolderPart }
    | { variant: "many"; in: DataFolderPart; count: number };
  "not-a-file":
    { variant: "data-file" } | { variant: "given-file" } | { variant: "folder-is-file"; folder: string } | { variant: "data-folder"; folder: string };
  "unreadable-file":
    | { variant: "file" | "folder"; errno?: string }
    | { variant: "source-not-a-file" | "source-not-utf8"; document: string; path: string }
    | { variant: "source-too-large"; document: string; path: string; bytes: number; limit: number };
  "outside-data-folder":
    { variant: "link" | "linked-folder"; target: string } | { variant: "link-loop" } | { variant: "folder-link"; folder: string; target: string };
  "file-too-large": { variant: "data-file" | "given-file"; bytes: number; limit: number } | { variant: "grown"; limit: number };
  "too-many-files": { count: number; limit: number };
  "empty-data-folder": { folder: string };
  "encoding": { variant: "utf-16" | "invalid-utf-8" | "nul" };
  "byte-order-mark": Record<string, never>;
  "ignored-file": { leftover: LeftoverKind };
  // YAML
  "yaml-syntax":
    | ({ variant: "parser"; detail: string } & Repeated)
    | ({ variant: "unclosed-quote"; quote: string } & Repeated)
    | { variant: "unparsable" | "unreadable"; detail: string };
  "tab-indent": { detail: string } & Repeated;
  "duplicate-key": { detail: string } & Repeated;
  "alias-limit": { limit: number };
  "nesting-limit": { variant: "flow" | "parser" | "value"; limit: number };
  "unknown-tag": { detail: string } & Repeated;
  "empty-file": Record<string, never>;
  "multiple-documents": Repeated;
  "complex-key": Repeated;
  // schema: one code per JSON Schema keyword family
  "unknown-key": { key: string; allowed: string[]; suggestion?: string };
  "missing-key":
    { variant: "required"; key: string; in?: EntryName } | { variant: "dependent"; key: string; missing: string } | { variant: "sample-quote"; topic: string };
  "forbidden-key": { key: string };
  "wrong-type":
    | { variant: "type"; expected: JsonType[]; got: ValueShape }
    | { variant: "yaml11-boolean" | "yaml12-number"; text: string }
    | { variant: "topic-link"; got: ValueShape };
  "not-finite": { got: ValueShape };
  "not-allowed": { got: ValueShape; allowed: string[]; suggestion?: string };
  "wrong-constant": { expected: string | number | boolean | null };
  "bad-id": { variant: "key"; key: string; suggestion: string } | { variant: "value"; got: ValueShape; suggestion: string };
  "bad-date": { variant: "form"; got: ValueShape } | { variant: "calendar"; text: string; problem: { month: number } | "day-00" | "month-length" };
  "bad-url": { got: ValueShape };
  "pattern-mismatch": { got: ValueShape; pattern: string };
  "out-of-range": { got: ValueShape; comparison: string; limit: number; field: RangeField };
  "empty-text": Record<string, never>;
  "too-long": { limit: number; quoteField: boolean };
  "too-few-items": { limit: number };
  "too-many-items": { limit: number };
  "duplicate-item": { first: number; second: number };
  "schema-rule": { keyword: string; detail?: string };
  "unsafe-character": { in: "key" | "text"; char: number; index: number };
  "blank-text": Record<string, never>;
  "too-many-findings": { limit: number };
  // references across files
  "duplicate-id": { what: Entity; id: string; firstFile: string };
  "duplicate-link": { topic: string };
  "duplicate-region": { region: string; otherFile: string };
  "duplicate-letter": { letter: string; group: string; earlier: string };
  "unknown-vocabulary": { list: VocabularyList; id: string; known: string[]; more: number; suggestion?: string };
  "unknown-ref": {
    what: Entity;
    id: string;
    suggestion?: string;
    /** Where the reference stands, when the hint depends on it. */
    context?: { kind: "study-accords" | "plan-document" } | { kind: "agreement"; study: string };
  };
  "unlisted-accord": { id: string };
  "group-not-in-theme": { group: string; themeGroups: string[] };
  "candidate-not-searched": { doc: string; topic: string };
  "candidate-source-mismatch": { action: string; sourceDoc: string; sourcePage?: Page; doc: string; page: Page };
  "candidate-topic-mismatch": { action: string; topic: string };
  "id-mismatch": { id: string; file: string; expected: string };
  "region-mismatch": { region: string };
  "look-alike-region": { region: string; near: string };
  "rules-order":
    { variant: "descending"; lower: string; lowerValue: number; higher: string; higherValue: number; order: string[] } | { variant: "required-coverage" };
  "share-outside-range": { word: string; low: number; high: number; share: number };
  "period-backwards": { from: string; to: string };
  "not-in-description": { need: string; persona: string };
  // evidence
  "quote-not-in-source": { doc: string; citedPage?: Page; closest?: { page?: Page; passage: string; cut: boolean } };
  "quote-other-page": { doc: string; page: Page; cited: Page };
  "missing-quote": { topic: string; status: string };
  "quote-without-page": { topic: string };
  "page-layout": { document: string; file: string; problem: PageLayoutProblem };
  "quote-too-short": { letters: number; minimum: number };
  "bad-elision": { where: "start" | "end" | "after-elision" };
  "bad-page":
    { variant: "backwards"; text: string; from: number; to: number } | { variant: "beyond-text"; page: Page; doc: string; last: number; textPath: string };
  // information
  "completeness": { region: string; assessed: number; indicators: number; othersAssessed: number; others: number };
  /** A value a template left to fill in: a plan's assessor (the default), the study's question or an author. */
  "placeholder": { value: string; field?: "assessed_by" | "question" | "author" };
  "quotes-checked": { checked: number; texts: number; unchecked: { doc: string; count: number }[] };
}

export type FindingCode = keyof FindingParams;

// ---------------------------------------------------------------------------------------
// Words

const PLURAL = new Intl.PluralRules("en");

/** `1 error`, `2 errors`: a count with its noun in the form English wants for it. */
export function countOf(n: number, forms: { one: string; other: string }): string {
  return `${n} ${PLURAL.select(n) === "one" ? forms.one : forms.other}`;
}

/** How a message names a value from the data. */
export function describeValue(shape: ValueShape): string {
  switch (shape.kind) {
    case "null":
      return "nothing (null)";
    case "nan":
      return "not-a-number (.nan)";
    case "infinity":
      return `infinity (${shape.negative ? "-" : ""}.inf)`;
    case "list":
      return "a list";
    case "map":
      return "a map";
    case "text":
      return `the text "${shape.text}${shape.cut ? "…" : ""}"`;
    case "number":
      return `number ${String(shape.value)}`;
    case "boolean":
      return `boolean ${String(shape.value)}`;
    case "absent":
      return "no value";
  }
}

/**
 * The shape of a value, as findings carry it.
 * @param value any value a YAML file can hold
 */
export function valueShape(value: unknown): ValueShape {
  if (value === null) return { kind: "null" };
  if (typeof value === "number" && Number.isNaN(value)) return { kind: "nan" };
  if (typeof value === "number" && !Number.isFinite(value)) return { kind: "infinity", negative: value < 0 };
  if (Array.isArray(value)) return { kind: "list" };
  if (typeof value === "object") return { kind: "map" };
  if (typeof value === "string") return { kind: "text", text: value.length > 40 ? value.slice(0, 40) : value, cut: value.length > 40 };
  // -0 becomes 0: JSON has no negative zero, so the parameters would not survive a round trip (the text says "0" either way).
  if (typeof value === "number") return { kind: "number", value: value === 0 ? 0 : value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  return { kind: "absent" };
}

const TYPE_WORDS: Record<JsonType, string> = {
  string: "a text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
  null: "nothing",
};

const ENTITY_WORDS: Record<Entity, string> = {
  "topic": "topic",
  "accord": "accord",
  "action-line": "action line",
  "action": "action",
  "connection": "connection",
  "group": "group",
  "category": "category",
  "domain": "domain",
  "theme": "theme",
  "document": "document",
  "bottleneck": "bottleneck",
  "persona": "persona",
  "need": "need",
  "region": "region",
};

const LEFTOVER_WORDS: Record<LeftoverKind, string> = {
  "emacs-lock": "an Emacs lock file",
  "emacs-auto-save": "an Emacs auto-save file",
  "editor-backup": "an editor's backup copy",
  "vim-swap": "a Vim swap file",
  "resource-fork": "a macOS resource-fork file",
  "leftover-copy": "a backup or leftover copy",
  "hidden": "a hidden file",
};

const OTHER_FILE_HINTS: Record<DataFolderPart, string> = {
  top: "the data folder holds the data files, accords/, regions/, sources/ and notes in Markdown: move it out of the data folder, or remove it",
  accords: "accords/ holds one YAML file per accord (<id>.yaml): move it out of the data folder, or remove it",
  regions: "regions/ holds one YAML file per region plan (<slug>.yaml): move it out of the data folder, or remove it",
};

const RANGE_HINTS: Record<RangeField, string> = {
  "priority-weight": "a priority weight is a number from 0 to 100: only the ratio of the three weights matters",
  "region-count": "a number of regions, from 1 to 5000",
  "sensitivity-step": "a step is a number above 0 and at most 0.5",
  "share": "thresholds, weights and shares are numbers from 0 to 1",
};

function entryName(entry: EntryName): string {
  if (entry.kind === "entry") return "this entry";
  if (entry.kind === "key") return entry.key;
  return `item ${entry.index + 1}${entry.list !== undefined ? ` of ${entry.list}` : ""}`;
}

function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion !== undefined ? `did you mean "${suggestion}"?` : undefined;
}

/** A page as a hint writes it for pasting: a range in quotes, a number bare. */
function pageToPaste(page: Page): string {
  return typeof page === "string" ? `"${page}"` : String(page);
}

/** `… (and 3 more like it)`. */
function repeated(message: string, params: Repeated): string {
  return params.more ? `${message} (and ${params.more} more like it)` : message;
}

/** The message and hint of a page-layout problem (a source text's `## Page N` markers). */
export function pageLayoutText(problem: PageLayoutProblem): Required<FindingText> {
  switch (problem.kind) {
    case "malformed-page-marker":
      if (problem.variant === "near-marker")
        return {
          message: `"${problem.content}" looks like a page marker but is not one`,
          hint: 'a page starts with a line "## Page N" (N the page number, nothing else on the line)',
        };
      if (problem.variant === "extra-text")
        return {
          message: `"${problem.content}" has more after the page number than a printed page label`,
          hint: 'write "## Page N" or "## Page N (printed page L)"',
        };
      return { message: `page ${problem.page}: page numbers start at 1`, hint: "number the pages as the PDF does, from 1" };
    case "duplicate-page":
      return {
        message: `page ${problem.page} starts a second time (first at line ${problem.firstLine + 1})`,
        hint: "each page has one marker: merge the two parts or correct the number",
      };
    case "page-out-of-order":
      return {
        message: `page ${problem.page} follows page ${problem.previous} (line ${problem.previousLine + 1})`,
        hint: "pages must be in increasing order, as in the document",
      };
    case "no-page-markers":
      return { message: "the text has no page markers", hint: 'mark each page with a line "## Page N", or give the PDF itself' };
  }
}

type Texts = { [C in FindingCode]: (params: FindingParams[C]) => FindingText };

const YAML_HINT = "check the indentation and quoting on this line; strings with ': ' or '#' need quotes";

/** Every code's text. */
const TEXTS: Texts = {
  "missing-file": (p) =>
    p.variant === "data-folder"
      ? { message: `data folder ${p.folder} does not exist`, hint: "check the path given with --data DIR; dekking init DIR creates a new study" }
      : p.variant === "given-file"
        ? { message: "does not exist", hint: "check the path" }
        : {
            message: "does not exist",
            hint: "a study needs study.yaml, topics.yaml and the rules file study.yaml names; dekking init DIR creates a new study with all its files",
          },
  "unknown-file": (p) => {
    const ignored = "is not a data file dekking reads, so it is ignored";
    switch (p.variant) {
      case "top-yaml":
        return { message: ignored, hint: didYouMean(p.suggestion) ?? `data files are: ${p.dataFiles.join(", ")}, accords/*.yaml, regions/*.yaml` };
      case "extension":
        return {
          message: "is ignored: dekking reads only files whose names end in .yaml or .yml, in lower case",
          hint: p.taken ? `${p.rename} is read instead: merge the two, or remove this one` : `rename it to ${p.rename}`,
        };
      case "folder": {
        const files = p.yamlFiles.length + p.more;
        const lost = files === 0 ? "" : files === 1 ? ", so the YAML file in it is ignored" : `, so the ${files} YAML files in it are ignored`;
        const named = `${p.yamlFiles.join(", ")}${p.more > 0 ? ` and ${p.more} more` : ""}`;
        if (p.in === "top")
          return {
            message: `is a folder dekking does not read${lost}`,
            hint:
              p.suggestion !== undefined
                ? `did you mean "${p.suggestion}/"? rename the folder`
                : "dekking reads accords/ and regions/ (and source texts from sources/): move the files into one of them, or move the folder out of the data folder",
          };
        return {
          message: `is a folder inside ${p.in}/; dekking reads only the files directly in ${p.in}/${lost}`,
          hint: files > 0 ? `move ${named} up into ${p.in}/, or remove the folder` : `move the folder out of ${p.in}/, or remove it`,
        };
      }
      case "other":
        return { message: ignored, hint: OTHER_FILE_HINTS[p.in] };
      case "many":
        return {
          message: `holds ${countOf(p.count, { one: "more entry", other: "more entries" })} that dekking does not read, not named one by one`,
          hint: OTHER_FILE_HINTS[p.in],
        };
    }
  },
  "not-a-file": (p) => {
    switch (p.variant) {
      case "data-file":
        return { message: "is not a regular file (a folder or device stands where a YAML file is expected)", hint: "remove it or replace it with a YAML file" };
      case "given-file":
        return { message: "is not a file", hint: "give the path of a region plan file" };
      case "folder-is-file":
        return { message: "should be a folder of YAML files but is a file", hint: `move it away and create the folder ${p.folder}/` };
      case "data-folder":
        return { message: `${p.folder} is not a folder`, hint: "pass the data folder with --data DIR" };
    }
  },
  "unreadable-file": (p) => {
    switch (p.variant) {
      case "file":
        return { message: `cannot be read (${p.errno ?? "unknown error"})`, hint: "check the file's permissions" };
      case "folder":
        return { message: `cannot be listed (${p.errno ?? "unknown error"})`, hint: "check the folder's permissions" };
      case "source-not-a-file":
        return { message: `the text of ${p.document}, ${p.path}, is not a file`, hint: "point text: at a plain-text file" };
      case "source-not-utf8":
        return { message: `the text of ${p.document}, ${p.path}, is not readable UTF-8 text`, hint: "convert it to UTF-8" };
      case "source-too-large":
        return {
          message: `the text of ${p.document}, ${p.path}, is ${(p.bytes / 2 ** 20).toFixed(0)} MB; the limit is ${p.limit / 2 ** 20} MB`,
          hint: "is this the right file?",
        };
    }
  },
  "outside-data-folder": (p) => {
    switch (p.variant) {
      case "link":
        return { message: `is a link to ${p.target}, outside the data folder`, hint: "copy the file into the data folder instead of linking to it" };
      case "linked-folder":
        return {
          message: `lies in a linked folder: it is really ${p.target}, outside the data folder`,
          hint: "copy the file into the data folder instead of linking to it",
        };
      case "link-loop":
        return { message: "is a link that loops", hint: "replace the link with the file itself" };
      case "folder-link":
        return {
          message: `is a link to ${p.target}, outside the data folder, so its files are not read`,
          hint: `make ${p.folder}/ a real folder inside the data folder (copy the files into it)`,
        };
    }
  },
  "file-too-large": (p) => {
    switch (p.variant) {
      case "data-file":
        return {
          message: `is ${p.bytes} bytes; the limit is ${p.limit} bytes (1 MiB)`,
          hint: "split the data over several files (e.g. one region plan per file) or remove what does not belong",
        };
      case "grown":
        return { message: `is over the limit of ${p.limit} bytes (1 MiB)`, hint: "split the data over several files" };
      case "given-file":
        return { message: `is ${p.bytes} bytes; the limit is ${p.limit}`, hint: "is this the right file?" };
    }
  },
  "too-many-files": (p) => ({ message: `${p.count} data files; the limit is ${p.limit}`, hint: "split the study into several data folders" }),
  "empty-data-folder": (p) => ({
    message: `no YAML files in ${p.folder}`,
    hint: "point --data at a folder with study.yaml, topics.yaml and rules.yaml (the shipped data/ folder shows the layout)",
  }),
  "encoding": (p) => {
    switch (p.variant) {
      case "utf-16":
        return {
          message: "is encoded as UTF-16; data files must be UTF-8",
          hint: "save the file as UTF-8 (in most editors: File → Save with Encoding → UTF-8)",
        };
      case "invalid-utf-8":
        return { message: "is not valid UTF-8", hint: "save the file as UTF-8; it was probably written as Latin-1 or Windows-1252" };
      case "nul":
        return { message: "contains a NUL byte: this is not a text file", hint: "replace it with the YAML data file" };
    }
  },
  "byte-order-mark": () => ({ message: "starts with a byte-order mark, which is ignored", hint: "save the file as UTF-8 without BOM" }),
  "ignored-file": (p) => ({
    message: `is ${LEFTOVER_WORDS[p.leftover]}, not a data file, so it is ignored`,
    hint: "nothing to do; close the file in your editor or delete it if it stays",
  }),

  "yaml-syntax": (p) => {
    switch (p.variant) {
      case "parser":
        return { message: repeated(p.detail, p), hint: YAML_HINT };
      case "unclosed-quote":
        return { message: repeated(`the quote ${p.quote} opened here is never closed`, p), hint: `add the closing ${p.quote} at the end of the text` };
      case "unparsable":
        return { message: `cannot be parsed: ${p.detail}`, hint: "check the file's YAML syntax" };
      case "unreadable":
        return { message: `cannot be read: ${p.detail}`, hint: "check the file's YAML syntax" };
    }
  },
  "tab-indent": (p) => ({ message: repeated(p.detail, p), hint: "indent with spaces, not tabs" }),
  "duplicate-key": (p) => ({ message: repeated(p.detail, p), hint: "each key may appear once per map: remove or rename one of them" }),
  "alias-limit": (p) => ({
    message: `uses aliases (*name) that expand beyond the limit of ${p.limit}`,
    hint: "write the values out instead of using anchors and aliases",
  }),
  "nesting-limit": (p) => {
    switch (p.variant) {
      case "flow":
        return {
          message: `is nested more than ${p.limit} levels deep in [ ] or { } brackets`,
          hint: "flatten the structure; an unclosed [ or { also nests everything after it",
        };
      case "parser":
        return { message: `is nested too deeply (the limit is ${p.limit} levels)`, hint: "flatten the structure" };
      case "value":
        return { message: `is nested more than ${p.limit} levels deep`, hint: "flatten the structure" };
    }
  },
  "unknown-tag": (p) => ({ message: repeated(p.detail, p), hint: "remove the tag (a word starting with '!'): data files use plain YAML only" }),
  "empty-file": () => ({ message: "is empty (it holds no data, only comments or nothing)", hint: "fill it in, or delete it if it is not needed" }),
  "multiple-documents": (p) => ({
    message: repeated("holds more than one YAML document (a second one starts here, after a `---` or `...` line); a data file holds one document", p),
    hint: "remove the second document, or move it into a file of its own",
  }),
  "complex-key": (p) => ({
    message: repeated("uses a list, a map or an alias as a key; keys are plain text here", p),
    hint: "write the key as a plain word or id, e.g. `gedekt-thema:`, and put the list or map after the colon",
  }),

  "unknown-key": (p) => ({
    message: `unknown key "${p.key}"; expected one of: ${p.allowed.join(", ")}`,
    hint: didYouMean(p.suggestion) ?? "remove the key or move it where it belongs",
  }),
  "missing-key": (p) => {
    switch (p.variant) {
      case "required":
        return {
          message: `missing key "${p.key}"${p.in ? ` in ${entryName(p.in)}` : ""}`,
          hint:
            p.key === "vocabulary" && !p.in
              ? 'add "vocabulary:" with the study\'s groups, categories and domains (dekking init writes a commented example; docs/new-study.md explains it)'
              : `add "${p.key}:" (see the schema's description of it in your editor)`,
        };
      case "dependent":
        return { message: `"${p.key}" needs "${p.missing}" beside it`, hint: `add "${p.missing}:" explaining why` };
      case "sample-quote":
        return { message: `finding "${p.topic}" has a prevalence but no quote`, hint: "add the report's own words as quote:" };
    }
  },
  "forbidden-key": (p) => ({ message: `"${p.key}" does not belong here: the entry's other values rule it out`, hint: `remove "${p.key}:"` }),
  "wrong-type": (p) => {
    switch (p.variant) {
      case "type":
        return {
          message: `expected ${p.expected.map((t) => TYPE_WORDS[t]).join(" or ")}, got ${describeValue(p.got)}`,
          hint:
            ["number", "nan", "infinity"].includes(p.got.kind) && p.expected.length === 1 && p.expected[0] === "string"
              ? "put the value in quotes"
              : "check the indentation: a value may have landed under the wrong key",
        };
      case "yaml11-boolean":
        return {
          message: `expected true or false, got the text "${p.text}": YAML 1.2 reads ${p.text} as text, not as a yes/no value`,
          hint: "write true or false",
        };
      case "yaml12-number":
        return {
          message: `expected a number, got the text "${p.text}": YAML 1.2 reads binary (0b), sexagesimal (1:30) and underscored (1_000) numbers as text`,
          hint: "write the number in decimals, e.g. 0.5 or 1000",
        };
      case "topic-link":
        return {
          message: `expected a topic id or { id, scope }, got ${describeValue(p.got)}`,
          hint: "write the topic id, or `{ id: <topic>, scope: general }`",
        };
    }
  },
  "not-finite": (p) => ({
    message: `expected a finite number, got ${describeValue(p.got)}`,
    hint: "write a number such as 0.5; .inf and .nan are not numbers a rule can use",
  }),
  "not-allowed": (p) => ({
    message: `${describeValue(p.got)} is not allowed here; expected one of: ${p.allowed.join(", ")}`,
    hint: didYouMean(p.suggestion) ?? `use one of: ${p.allowed.join(", ")}`,
  }),
  "wrong-constant": (p) => ({ message: `expected ${JSON.stringify(p.expected)}`, hint: `write ${JSON.stringify(p.expected)}` }),
  "bad-id": (p) => ({
    message: `${p.variant === "key" ? `"${p.key}"` : describeValue(p.got)} is not a valid id: ids are lowercase kebab-case (a-z, 0-9, single hyphens)`,
    hint: p.suggestion ? `write "${p.suggestion}"` : "use lowercase letters, digits and hyphens",
  }),
  "bad-date": (p) => {
    if (p.variant === "form") return { message: `${describeValue(p.got)} is not a date`, hint: "write the date as YYYY-MM-DD, e.g. 2024-08-02" };
    return {
      message: `${p.text} has the form of a date but is not a day on the calendar`,
      hint:
        p.problem === "day-00"
          ? "the day is 00: days start at 01 (YYYY-MM-DD)"
          : p.problem === "month-length"
            ? "check the day and the month (YYYY-MM-DD): February has 28 days, 29 in a leap year; April, June, September and November have 30"
            : `the month is ${p.problem.month}: write it as 01 to 12 (YYYY-MM-DD)`,
    };
  },
  "bad-url": (p) => ({ message: `${describeValue(p.got)} is not a web address`, hint: "write the full address starting with https://" }),
  "pattern-mismatch": (p) => ({
    message: `${describeValue(p.got)} does not have the expected form (${p.pattern})`,
    hint: "see the field's description in the schema",
  }),
  "out-of-range": (p) => ({
    message: `${describeValue(p.got)} is out of range: must be ${p.comparison} ${p.limit}`,
    hint: RANGE_HINTS[p.field],
  }),
  "empty-text": () => ({ message: "is empty; a text is expected", hint: "fill it in or remove the key" }),
  "too-long": (p) => ({
    message: `is too long (at most ${p.limit} characters)`,
    hint: p.quoteField ? "shorten it: quote one contiguous excerpt (mark a left-out part with […])" : "shorten it",
  }),
  "too-few-items": (p) => ({ message: `needs at least ${countOf(p.limit, { one: "item", other: "items" })}`, hint: "add the missing items" }),
  "too-many-items": (p) => ({ message: `has too many items (at most ${p.limit})`, hint: "split the data over several files" }),
  "duplicate-item": (p) => ({ message: `lists the same item twice (items ${p.first} and ${p.second})`, hint: "remove the duplicate" }),
  "schema-rule": (p) => ({ message: p.detail ?? `fails the schema rule "${p.keyword}"`, hint: "see the field's description in the schema" }),
  "unsafe-character": (p) => ({
    message: `the ${p.in} contains ${describeCharacter(String.fromCharCode(p.char))} at character ${p.index}; such characters can hide or fake what is shown`,
    hint: "retype the text, or paste it as plain text; in a double-quoted string, remove the \\u or \\x escape",
  }),
  "blank-text": () => ({ message: "holds only spaces: the text is blank", hint: "write the text, or remove the key where it is optional" }),
  "too-many-findings": (p) => ({ message: `more than ${p.limit} problems; the rest are not shown`, hint: "fix these first and validate again" }),

  "duplicate-id": (p) => ({ message: `${ENTITY_WORDS[p.what]} id "${p.id}" is used twice; the first is in ${p.firstFile}`, hint: "give each one its own id" }),
  "duplicate-link": (p) => ({ message: `topic "${p.topic}" is linked twice from this action`, hint: "link each topic once" }),
  "duplicate-region": (p) => ({
    message: `region "${p.region}" is assessed in two files; the other is ${p.otherFile}`,
    hint: "keep one file per region (the newest plan)",
  }),
  "duplicate-letter": (p) => ({
    message: `letter "${p.letter}" of group "${p.group}" is already the letter of group "${p.earlier}"`,
    hint: "give each group its own letter: the demand column shows groups by their letters",
  }),
  "unknown-vocabulary": (p) => {
    const what = p.list === "groups" ? "respondent group" : p.list === "categories" ? "category" : "domain";
    const known = p.known.length === 0 ? ", which is empty" : ` (${p.known.join(", ")}${p.more > 0 ? ", …" : ""})`;
    return {
      message: `unknown ${what} "${p.id}": not in study.yaml's vocabulary.${p.list}${known}`,
      hint:
        p.suggestion !== undefined
          ? `did you mean "${p.suggestion}"? or declare "${p.id}" under vocabulary.${p.list} in study.yaml`
          : `declare "${p.id}" under vocabulary.${p.list} in study.yaml (id, name, name_en${p.list === "groups" ? ", letter" : ""})`,
    };
  },
  "unknown-ref": (p) => {
    const what = p.what === "group" ? "respondent group" : p.what === "region" ? "region (not in study.yaml)" : ENTITY_WORDS[p.what];
    const message = `unknown ${what} "${p.id}"`;
    if (p.context?.kind === "study-accords") return { message, hint: `add data/accords/${p.id}.yaml or remove "${p.id}" from the list` };
    if (p.context?.kind === "agreement")
      return {
        message,
        hint: `${p.suggestion !== undefined ? `did you mean "${p.suggestion}"? ` : ""}(the topics of ${p.context.study}; --data DIR compares against another study)`,
      };
    const otherwise =
      p.context?.kind === "plan-document"
        ? "register the plan under documents: in study.yaml (kind: region-plan)"
        : p.what === "document"
          ? "register the document under documents: in study.yaml"
          : `use an id defined in ${p.what === "topic" ? "topics.yaml" : "the data"}`;
    return { message, hint: didYouMean(p.suggestion) ?? otherwise };
  },
  "unlisted-accord": (p) => ({
    message: `accord "${p.id}" is not listed in study.yaml's accords`,
    hint: `add ${p.id} to accords: in study.yaml (the list sets the matrix's column order)`,
  }),
  "group-not-in-theme": (p) => ({
    message: `quote by "${p.group}" in a theme raised by ${p.themeGroups.join(", ")}`,
    hint: `add "${p.group}" to the theme's groups, or correct the quote's group`,
  }),
  "candidate-not-searched": (p) => ({
    message: `candidate from "${p.doc}", which is not among the documents searched for "${p.topic}"`,
    hint: `add ${p.doc} to this topic's documents:`,
  }),
  "candidate-source-mismatch": (p) => ({
    message: `action "${p.action}" is sourced from ${p.sourceDoc}${p.sourcePage !== undefined ? ` page ${p.sourcePage}` : ""}, not from ${p.doc} page ${p.page}`,
    hint: "link the action that encodes this passage, or correct the action's source",
  }),
  "candidate-topic-mismatch": (p) => ({
    message: `action "${p.action}" does not link topic "${p.topic}"`,
    hint: `add ${p.topic} to the action's topics, or link another action`,
  }),
  "id-mismatch": (p) => ({
    message: `accord id "${p.id}" does not match the file name ${p.file}`,
    hint: `rename the file to accords/${p.id}.yaml or set id: ${p.expected}`,
  }),
  "region-mismatch": (p) => ({
    message: `region "${p.region}" of study.yaml is missing from the sample`,
    hint: "the sample lists the same regions as study.yaml",
  }),
  "look-alike-region": (p) => ({
    message: `region "${p.region}" differs from the sample region "${p.near}" only in case, look-alike letters or invisible characters, so it counts as an extra region`,
    hint: `did you mean "${p.near}"?`,
  }),
  "rules-order": (p) =>
    p.variant === "descending"
      ? { message: `${p.lower} (${p.lowerValue}) scores higher than ${p.higher} (${p.higherValue})`, hint: `keep ${p.order.join(" ≥ ")}` }
      : {
          message: "two or more groups require less coverage than one group",
          hint: "more demand must never require less coverage: keep two_or_more_groups ≥ one_group",
        },
  "share-outside-range": (p) => ({
    message: `the range ${p.low}–${p.high} of ${p.word} does not hold its share ${p.share}`,
    hint: `keep low ≤ prevalence_shares.${p.word} ≤ high`,
  }),
  "period-backwards": (p) => ({
    message: `the period ends on ${p.to}, before it begins on ${p.from}`,
    hint: "swap from and to, or correct the date that is wrong",
  }),
  "not-in-description": (p) => ({
    message: `the phrase of need "${p.need}" is not in ${p.persona}'s heading or description`,
    hint: "copy the words the need rests on exactly from the persona's heading or description",
  }),

  "quote-not-in-source": (p) => ({
    message: `not found in ${p.doc}${p.citedPage !== undefined ? ` (page ${p.citedPage} cited)` : ""}: a verbatim text must appear in its source`,
    hint: p.closest
      ? `closest passage${p.closest.page !== undefined ? `, page ${p.closest.page}` : ""}${p.closest.cut ? " (its first words)" : ""}: “${p.closest.passage}”`
      : "copy the words exactly from the source; mark left-out words with […]",
  }),
  "quote-other-page": (p) => ({
    message: `found in ${p.doc} on page ${p.page}, not on page ${p.cited}`,
    hint: `cite page ${pageToPaste(p.page)}`,
  }),
  "missing-quote": (p) => ({
    message: `"${p.topic}" is ${p.status} without the plan's words`,
    hint: "add quote: (the plan's words, verbatim) and page:, or quotes: with each passage and its page",
  }),
  "quote-without-page": (p) => ({ message: `the quote of "${p.topic}" has no page`, hint: 'add page: (a number, or a range such as "64-65")' }),
  "page-layout": (p) => {
    const { message, hint } = pageLayoutText(p.problem);
    return { message: `the text of ${p.document}, ${p.file}:${p.problem.line + 1}: ${message}`, hint };
  },
  "quote-too-short": (p) => ({
    message: `a verbatim text of ${countOf(p.letters, { one: "letter", other: "letters" })} or digits cannot identify a passage: at least ${p.minimum} letters or digits are needed`,
    hint: "quote the whole phrase from the source, so the passage it stands for can be found",
  }),
  "bad-elision": (p) => ({
    message: `the elision […] stands ${p.where === "start" ? "at its start" : p.where === "end" ? "at its end" : "right after another elision"}: an elision must leave quoted words on both sides`,
    hint: p.where === "after-elision" ? "join the two elisions into one […]" : "drop the […] at the edge: a quote may start and end anywhere in the source",
  }),
  "bad-page": (p) =>
    p.variant === "backwards"
      ? { message: `the page range "${p.text}" runs backwards: a range goes from its first page to its last`, hint: `write "${p.to}-${p.from}"` }
      : {
          message: `page ${p.page} of ${p.doc} does not exist: the text's last page is ${p.last}`,
          hint: `cite a page from 1 to ${p.last} (the number after "## Page" in ${p.textPath})`,
        },

  "completeness": (p) => {
    const complete = p.assessed === p.indicators && p.othersAssessed === p.others;
    return {
      message: `${p.region}: ${p.assessed} of ${p.indicators} indicators assessed (${Math.round((100 * p.assessed) / Math.max(1, p.indicators))}%)${p.others > 0 ? `, ${p.othersAssessed} of ${p.others} other topics with demand` : ""}`,
      ...(complete ? {} : { hint: "findings still `unknown` count as not covered" }),
    };
  },
  "placeholder": (p) => {
    if (p.field === "question") return { message: `question is still "${p.value}"`, hint: "write the study's research question" };
    if (p.field === "author") return { message: `an author is still "${p.value}"`, hint: "write the authors' names (or an organisation)" };
    return { message: `assessed_by is still "${p.value}"`, hint: "write who assessed the plan (a name or an organisation)" };
  },
  "quotes-checked": (p) => {
    const withoutText = p.unchecked.map(({ doc, count }) => `${doc} (${count})`).join(", ");
    return {
      message: `${p.checked} verbatim texts checked against ${p.texts} source texts${withoutText ? `; not checked, no text here: ${withoutText}` : ""}`,
      ...(withoutText ? { hint: "give the folder that holds those texts with --sources DIR, e.g. ../shared/seeds" } : {}),
    };
  },
};

/** The closed list of finding codes, in the catalogue's order. */
export const FINDING_CODES = Object.keys(TEXTS) as FindingCode[];

/** True for a string that is a finding code. */
export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(TEXTS, code);
}

/** A code with its own parameters: `{ code: "unknown-ref", params: { … } }` type-checks only with that code's. */
export type CodedFinding = { [C in FindingCode]: { code: C; params: FindingParams[C] } }[FindingCode];

/**
 * The message and hint of a finding: the one place findings become text.
 * @returns the message (what failed, what was expected) and, where there is one, the hint (how to fix it)
 */
export function formatFinding(finding: CodedFinding): FindingText {
  const text = (TEXTS[finding.code] as (params: unknown) => FindingText)(finding.params);
  return text.hint === undefined ? { message: text.message } : text;
}

/** The summary line under the findings: `1 error, 2 warnings in 9 files`. */
export function findingsSummary(counts: { errors: number; warnings: number; files: number }): string {
  return `${countOf(counts.errors, { one: "error", other: "errors" })}, ${countOf(counts.warnings, { one: "warning", other: "warnings" })} in ${countOf(counts.files, { one: "file", other: "files" })}`;
}

/** The word for a finding's severity in the stylish output. */
export const SEVERITY_WORDS = { error: "error", warning: "warning", info: "info" } as const;
