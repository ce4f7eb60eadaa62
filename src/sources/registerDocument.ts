// Registers a document in a study's `study.yaml` under `documents:`. The file is located
// with the `yaml` library's Document API (positions of the list, its entries and their
// values) and then edited as text at those positions, so every other byte — comments,
// folded lines, flow lists, quoting — stays exactly as the researcher wrote it.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Pair, type YAMLMap } from "yaml";
import { UsageError } from "../errors.js";

/** The register fields `source add` writes (see schemas/study.schema.json, documents). */
export interface DocumentRegistration {
  id: string;
  /** Required for a new entry; an existing entry keeps its own unless one is given. */
  title?: string;
  /** One of the schema's document kinds (accord, region-plan, report, context, …). */
  kind: string;
  publisher?: string;
  /** YYYY-MM-DD. */
  date?: string;
  url?: string;
  /** The text's file name in the data folder's sources/. */
  text: string;
}

/** The new text of study.yaml, and whether an existing entry was updated. */
export interface Registered {
  yaml: string;
  replaced: boolean;
  /** The kind an updated entry had, where --force changed it. */
  previousKind?: string;
}

const FIELD_ORDER = ["id", "title", "publisher", "date", "url", "kind", "text"] as const;

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Adds (or, with `force`, updates) the document's entry in the text of `study.yaml`.
 * Fields of an existing entry that the registration does not give are kept.
 * @param source the current text of study.yaml
 * @param file the file's name, for messages
 * @param fallbackTitle the title of a new entry when the registration gives none
 * @throws UsageError when the file is not valid YAML, has no block `documents:` list, or
 *   already registers the id and `force` is not set
 */
export function registerDocument(source: string, file: string, registration: DocumentRegistration, fallbackTitle: string, force: boolean): Registered {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const at = (offset: number): string => {
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const error = document.errors[0];
  if (error)
    throw new UsageError(`${at(error.pos[0])}: ${error.message.split("\n")[0]}`, "fix the YAML of study.yaml first (dekking validate shows every problem)");
  if (!isMap(document.contents))
    throw new UsageError(`${file} is not a mapping of study fields`, "give the data folder of a study: its study.yaml has id, title, documents, …");
  const documents = document.contents.get("documents", true);
  if (isSeq(documents) && documents.flow && documents.items.length === 0 && documents.range) {
    // `documents: []`, as a new study starts: the empty list becomes a block list of one entry.
    const lines = entryLines(FIELD_ORDER.map((k) => [k, k === "title" ? (registration.title ?? fallbackTitle) : registration[k]]));
    const yaml = `${source.slice(0, documents.range[0]).replace(/[ \t]+$/, "")}\n${lines.map((line) => `  ${line}`).join("\n")}${source.slice(documents.range[1])}`;
    if (parseDocument(yaml).errors.length > 0)
      throw new UsageError(`could not add the entry to ${file} without breaking its YAML`, "add the entry by hand; nothing was written");
    return { yaml, replaced: false };
  }
  if (!isSeq(documents) || documents.flow || documents.items.length === 0 || !documents.range) {
    throw new UsageError(
      `${file} has no documents: list of entries`,
      'write documents: as a block list, one "- id: …" entry per document (see the shipped study\'s study.yaml)',
    );
  }
  const existing = documents.items.find((item): item is YAMLMap => isMap(item) && String(item.get("id")) === registration.id);
  if (existing && !force) {
    throw new UsageError(
      `${existing.range ? at(existing.range[0]) : file}: the register already has a document "${registration.id}"; nothing was written`,
      "choose another --id, or pass --force to replace its text (the old text is kept as a .bak copy)",
    );
  }
  const existingText = existing?.get("text");
  if (existing && existingText !== undefined && String(existingText) !== registration.text) {
    throw new UsageError(
      `${existing.range ? at(existing.range[0]) : file}: the register's entry "${registration.id}" keeps its text in ${String(existingText)}, not in sources/${registration.text}; --force would point it at a new text and leave that one unused. Nothing was written`,
      "choose another --id for this document, or first change that entry's text: by hand",
    );
  }
  const previousKind = existing?.get("kind");
  const values: Record<(typeof FIELD_ORDER)[number], string | undefined> = {
    id: registration.id,
    title: registration.title ?? (existing ? undefined : fallbackTitle),
    publisher: registration.publisher,
    date: registration.date,
    url: registration.url,
    kind: registration.kind,
    text: registration.text,
  };
  const edits: Edit[] = [];
  if (existing) {
    const lastPair = existing.items.at(-1) as Pair | undefined;
    const lastEnd = lineEnd(source, nodeEnd(lastPair?.value) ?? existing.range?.[1] ?? 0);
    const indent = " ".repeat(columnOf(source, (existing.items[0]?.key as { range?: number[] } | undefined)?.range?.[0] ?? 0));
    for (const key of FIELD_ORDER) {
      const value = values[key];
      if (value === undefined) continue;
      const pair = existing.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const node = pair?.value;
      if (isScalar(node) && node.range) {
        if (String(node.value) !== value) edits.push({ at: node.range[0], end: node.range[1], text: scalar(value, key) });
      } else if (!pair) {
        edits.push({ at: lastEnd, end: lastEnd, text: `\n${indent}${key}: ${scalar(value, key)}` });
      }
    }
  } else {
    const last = documents.items.at(-1) as { range?: number[] } | undefined;
    const end = lineEnd(source, last?.range?.[1] ?? documents.range[1]);
    const dash = " ".repeat(columnOf(source, lineStartOfItem(source, last?.range?.[0] ?? documents.range[0])));
    const lines = entryLines(FIELD_ORDER.map((k) => [k, values[k]]));
    edits.push({ at: end, end, text: `\n${lines.map((line) => dash + line).join("\n")}` });
  }
  let yaml = source;
  for (const edit of edits.sort((a, b) => b.at - a.at)) yaml = yaml.slice(0, edit.at) + edit.text + yaml.slice(edit.end);
  const check = parseDocument(yaml);
  if (check.errors.length > 0)
    throw new UsageError(
      `could not add the entry to ${file} without breaking its YAML (${check.errors[0]!.message.split("\n")[0]})`,
      "add the entry by hand; the text file was not written",
    );
  return {
    yaml,
    replaced: existing !== undefined,
    ...(previousKind !== undefined && String(previousKind) !== registration.kind ? { previousKind: String(previousKind) } : {}),
  };
}

/** The lines of a new register entry ("- id: …", "  title: …"), fields without a value left out. */
function entryLines(fields: [string, string | undefined][]): string[] {
  return fields.filter(([, value]) => value !== undefined).map(([key, value], i) => `${i === 0 ? "- " : "  "}${key}: ${scalar(value!, key)}`);
}

/** A value as a YAML scalar on one line, quoted where it must be. */
function scalar(value: string, key: string): string {
  // An id, title or name is quoted where a YAML 1.1 reader would take it for a date or a
  // number (2024-01-01, 1e3); a date stays a plain date, as the rest of study.yaml writes it.
  if (key !== "date" && /^[\d.:+eE_-]+$/.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function nodeEnd(node: unknown): number | undefined {
  return (node as { range?: number[] } | undefined)?.range?.[1];
}

/** The offset of the end of the line that holds `offset` (before its newline). */
function lineEnd(source: string, offset: number): number {
  // A node's end may sit after its newline (block scalars) or after trailing spaces.
  let end = Math.min(offset, source.length);
  while (end > 0 && /\s/.test(source[end - 1]!)) end--;
  const newline = source.indexOf("\n", end);
  return newline < 0 ? source.length : newline;
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf("\n", offset - 1) + 1);
}

/** The offset of the "-" that starts the sequence item whose content starts at `offset`. */
function lineStartOfItem(source: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && source[i] === " ") i--;
  return source[i] === "-" ? i : offset;
}
