// Finds and reads the files of a data folder. All file-system access of the loader is here.

import type { Dirent } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import * as path from "node:path";
import type { Finding } from "../findings.js";
import type { CodedFinding, DataFolderPart, LeftoverKind } from "../messages/findings.js";
import { closestMatch } from "../didYouMean.js";
import { MAX_FILE_BYTES, MAX_FILES, MAX_UNREAD_NAMED } from "./limits.js";
import { errnoCode } from "../errors.js";

export type FileKind =
  | "study"
  | "topics"
  | "rules"
  | "accord"
  | "connections"
  | "interviews"
  | "region-sample"
  | "region-plan"
  | "reference"
  | "dispositions"
  | "screening"
  | "personas";

export interface DataFile {
  kind: FileKind;
  /** Path relative to the data folder, forward slashes (`accords/iza.yaml`). */
  file: string;
  bytes: Uint8Array;
}

interface Expected {
  kind: FileKind;
  file: string;
  required: boolean;
}

const ROOT_FILES: Expected[] = [
  { kind: "study", file: "study.yaml", required: true },
  { kind: "topics", file: "topics.yaml", required: true },
  { kind: "connections", file: "connections.yaml", required: false },
  { kind: "interviews", file: "interviews.yaml", required: false },
  { kind: "reference", file: "reference.yaml", required: false },
  { kind: "dispositions", file: "dispositions.yaml", required: false },
  { kind: "screening", file: "screening.yaml", required: false },
  { kind: "personas", file: "personas.yaml", required: false },
];

const SAMPLE_FILE = "regions/sample.yaml";
const READ_BATCH = 64;
/** The folders the loader lists, one data file per accord or region plan directly in each. */
const LISTED_FOLDERS = ["accords", "regions"] as const;
/** The texts of registered documents: read through study.yaml's register, never listed. */
const SOURCES_FOLDER = "sources";
/** What `dekking init` puts in accords/ and regions/ (src/init/studyTemplate.ts): a template to copy, not data. */
const INIT_TEMPLATE = "TEMPLATE.yaml.txt";

/**
 * The names dekking reads: `.yaml` or `.yml`, in lower case, as every name the contract
 * fixes (`study.yaml`, `accords/<id>.yaml`, the rules file's pattern) and every file dekking
 * writes. Other spellings (`.YAML`, `.Yml`) are named in a finding, not read: the same folder
 * then reads alike on every file system and from git, and `x.yaml` beside `x.YAML` cannot
 * make two plans of one slug.
 */
function isYamlName(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

/** A YAML extension in any case: what a researcher meant as a data file. */
function looksLikeYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/**
 * What a data folder may hold beside its data, ignored without a word: hidden entries
 * (`.git`, `.gitkeep`, `.DS_Store`, editor settings; a hidden YAML file gets a note, see
 * editorLeftover), the files Windows leaves, notes (`README`, Markdown, a licence) and the
 * template `dekking init` writes into accords/ and regions/. Everything else that is not
 * read is named in an `unknown-file` finding.
 */
function isQuietlyIgnored(name: string, part: DataFolderPart): boolean {
  if (name.startsWith(".")) return true;
  if (/^(thumbs\.db|desktop\.ini)$/i.test(name)) return true;
  if (/\.(md|markdown)$/i.test(name) || /^(readme|licen[cs]e)(\.|$)/i.test(name)) return true;
  return part !== "top" && name === INIT_TEMPLATE;
}

/**
 * What an editor or the operating system leaves beside a data file: Emacs lock files
 * (`.#x.yaml`, often a dangling link) and auto-saves (`#x.yaml#`), backups (`x.yaml~`,
 * `x.yaml.bak`, `x.yaml.orig`), Vim swap files (`.x.yaml.swp`), macOS resource forks
 * (`._x.yaml`). They are never data: ignored, with a note.
 */
export function editorLeftover(name: string): LeftoverKind | undefined {
  if (name.startsWith(".#")) return "emacs-lock";
  if (name.startsWith("#") && name.endsWith("#")) return "emacs-auto-save";
  if (name.endsWith("~")) return "editor-backup";
  if (/^\..*\.sw[a-p]$/.test(name)) return "vim-swap";
  if (name.startsWith("._")) return "resource-fork";
  // `region add --force` keeps the old file as `x.yaml.bak-<timestamp>[-n]`.
  if (/\.ya?ml\.(bak|orig|rej|tmp)(-[0-9-]+)?$/i.test(name)) return "leftover-copy";
  if (name.startsWith(".") && looksLikeYaml(name)) return "hidden";
  return undefined;
}

/** Names that look like data files but are leftovers: ignored with an info finding each. */
function skipLeftovers(folder: string, names: string[], findings: Finding[]): string[] {
  const kept: string[] = [];
  for (const name of names) {
    const leftover = editorLeftover(name);
    if (leftover === undefined) {
      kept.push(name);
      continue;
    }
    if (!/\.ya?ml/i.test(name)) continue;
    findings.push({
      code: "ignored-file",
      severity: "info",
      file: folder === "" ? name : `${folder}/${name}`,
      params: { leftover },
    });
  }
  return kept;
}

/** True when `target` (a real path) lies inside `realRoot`. */
function isInside(realRoot: string, target: string): boolean {
  const relative = path.relative(realRoot, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Reads one file with the checks every data file gets: inside the folder, a regular file, not too large. */
async function readDataFile(root: string, realRoot: string, expected: { kind: FileKind; file: string }, findings: Finding[]): Promise<DataFile | undefined> {
  const absolute = path.join(root, ...expected.file.split("/"));
  const fileFinding = (coded: CodedFinding): undefined => {
    findings.push({ ...coded, severity: "error", file: expected.file });
    return undefined;
  };
  try {
    const link = await lstat(absolute);
    // The file itself or any folder on its way may be a link: what counts is where it really is.
    const target = await realpath(absolute);
    if (!isInside(realRoot, target)) {
      return fileFinding({ code: "outside-data-folder", params: { variant: link.isSymbolicLink() ? "link" : "linked-folder", target } });
    }
    const info = await stat(absolute);
    if (!info.isFile()) {
      return fileFinding({ code: "not-a-file", params: { variant: "data-file" } });
    }
    if (info.size > MAX_FILE_BYTES) {
      return fileFinding({ code: "file-too-large", params: { variant: "data-file", bytes: info.size, limit: MAX_FILE_BYTES } });
    }
    const bytes = await readFile(absolute);
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_FILE_BYTES) {
      return fileFinding({ code: "file-too-large", params: { variant: "grown", limit: MAX_FILE_BYTES } });
    }
    return { kind: expected.kind, file: expected.file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return fileFinding({ code: "missing-file", params: { variant: "data-file" } });
    if (code === "ELOOP") return fileFinding({ code: "outside-data-folder", params: { variant: "link-loop" } });
    return fileFinding({ code: "unreadable-file", params: { variant: "file", ...(code !== undefined ? { errno: code } : {}) } });
  }
}

/** True when the two paths are one file or folder (a name in another case on a file system that ignores case, a link). */
async function sameEntry(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/**
 * True when `name` in `dir` is one of `known` (which are read) under another spelling of
 * case: on macOS and Windows `Regions/` is `regions/`, and reading it there is right.
 */
async function isKnownInOtherCase(dir: string, name: string, known: readonly string[]): Promise<boolean> {
  const lower = name.toLowerCase();
  const twin = known.find((k) => k !== name && k.toLowerCase() === lower);
  return twin !== undefined && (await sameEntry(path.join(dir, twin), path.join(dir, name)));
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The finding for one entry that is not read: a folder, a YAML file misnamed, or anything else. */
async function unreadEntry(dir: string, part: DataFolderPart, entry: Dirent, present: ReadonlySet<string>): Promise<CodedFinding> {
  const absolute = path.join(dir, entry.name);
  // A link is not followed to list what it holds (it may lead out of the data folder).
  const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(absolute).catch(() => undefined))?.isDirectory() === true);
  if (isFolder) {
    const inside = entry.isDirectory() ? await readdir(absolute).catch(() => [] as string[]) : [];
    const yaml = inside.filter((name) => looksLikeYaml(name) && editorLeftover(name) === undefined).sort();
    const suggestion = part === "top" ? closestMatch(entry.name, [...LISTED_FOLDERS, SOURCES_FOLDER]) : undefined;
    return {
      code: "unknown-file",
      params: {
        variant: "folder",
        in: part,
        yamlFiles: yaml.slice(0, 3),
        more: Math.max(0, yaml.length - 3),
        ...(suggestion !== undefined ? { suggestion } : {}),
      },
    };
  }
  // `x.YAML`, `x.Yml`, and `x.yaml.txt` as Notepad saves it: meant as data.
  const extension = /\.(ya?ml)(\.txt)?$/i.exec(entry.name);
  if (extension) {
    const renamed = `${entry.name.slice(0, extension.index)}.${extension[1]!.toLowerCase()}`;
    return {
      code: "unknown-file",
      params: { variant: "extension", rename: part === "top" ? renamed : `${part}/${renamed}`, taken: present.has(renamed) },
    };
  }
  return { code: "unknown-file", params: { variant: "other", in: part } };
}

/**
 * Names every entry of `dir` that is not read (`unread`, in name order): each in a warning,
 * up to MAX_UNREAD_NAMED, the rest counted in one.
 * @param present every name in `dir`, to tell whether a rename would meet a file
 */
async function nameUnread(dir: string, part: DataFolderPart, unread: readonly Dirent[], present: ReadonlySet<string>, findings: Finding[]): Promise<void> {
  const prefix = part === "top" ? "" : `${part}/`;
  for (const entry of unread.slice(0, MAX_UNREAD_NAMED)) {
    findings.push({ ...(await unreadEntry(dir, part, entry, present)), severity: "warning", file: `${prefix}${entry.name}` });
  }
  if (unread.length > MAX_UNREAD_NAMED) {
    findings.push({
      code: "unknown-file",
      severity: "warning",
      file: part === "top" ? "." : part,
      params: { variant: "many", in: part, count: unread.length - MAX_UNREAD_NAMED },
    });
  }
}

async function listYaml(root: string, realRoot: string, folder: (typeof LISTED_FOLDERS)[number], findings: Finding[]): Promise<string[]> {
  try {
    const real = await realpath(path.join(root, folder));
    if (!isInside(realRoot, real)) {
      findings.push({
        code: "outside-data-folder",
        severity: "error",
        file: folder,
        params: { variant: "folder-link", folder, target: real },
      });
      return [];
    }
    const dir = path.join(root, folder);
    const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
    const kept = new Set(
      skipLeftovers(
        folder,
        entries.map((e) => e.name),
        findings,
      ),
    );
    const read = entries.filter((e) => kept.has(e.name) && isYamlName(e.name)).map((e) => e.name);
    const unread = entries.filter((e) => kept.has(e.name) && !isYamlName(e.name) && !isQuietlyIgnored(e.name, folder));
    await nameUnread(dir, folder, unread, new Set(entries.map((e) => e.name)), findings);
    return read.map((name) => `${folder}/${name}`).sort();
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") {
      findings.push({
        code: "not-a-file",
        severity: "error",
        file: folder,
        params: { variant: "folder-is-file", folder },
      });
      return [];
    }
    findings.push({
      code: "unreadable-file",
      severity: "error",
      file: folder,
      params: { variant: "folder", ...(code !== undefined ? { errno: code } : {}) },
    });
    return [];
  }
}

export interface DataFolder {
  root: string;
  realRoot: string;
  files: DataFile[];
  findings: Finding[];
  /** YAML files (any case of the extension) in the folder's root that are none of the fixed data files (the rules file may be one). */
  otherRootFiles: string[];
}

/** Reads every data file of the folder except the rules file, whose name study.yaml gives. */
export async function readDataFolder(root: string): Promise<DataFolder> {
  const findings: Finding[] = [];
  const empty = (realRoot: string): DataFolder => ({ root, realRoot, files: [], findings, otherRootFiles: [] });
  let realRoot: string;
  try {
    const info = await stat(root);
    if (!info.isDirectory()) {
      findings.push({ code: "not-a-file", severity: "error", file: ".", params: { variant: "data-folder", folder: root } });
      return empty(root);
    }
    realRoot = await realpath(root);
  } catch {
    findings.push({
      code: "missing-file",
      severity: "error",
      file: ".",
      params: { variant: "data-folder", folder: root },
    });
    return empty(root);
  }

  const leftovers: Finding[] = [];
  const rootDirents = (await readdir(root, { withFileTypes: true })).sort(byName);
  const rootEntries = skipLeftovers(
    "",
    rootDirents.map((e) => e.name),
    leftovers,
  );
  if (!rootEntries.some(looksLikeYaml)) {
    findings.push({
      code: "empty-data-folder",
      severity: "error",
      file: ".",
      params: { folder: root },
    });
    return empty(realRoot);
  }
  const fixed = new Set(ROOT_FILES.map((e) => e.file));
  // YAML files in the top folder are named once the rules file's name is known (readRulesFile).
  const otherRootFiles = rootEntries.filter((name) => looksLikeYaml(name) && !fixed.has(name));
  const kept = new Set(rootEntries);
  const known = [...fixed, ...LISTED_FOLDERS, SOURCES_FOLDER];
  const unread: Dirent[] = [];
  for (const entry of rootDirents) {
    if (!kept.has(entry.name) || looksLikeYaml(entry.name) || known.includes(entry.name) || isQuietlyIgnored(entry.name, "top")) continue;
    if (!(await isKnownInOtherCase(root, entry.name, known))) unread.push(entry);
  }

  findings.push(...leftovers);
  await nameUnread(root, "top", unread, new Set(rootDirents.map((e) => e.name)), findings);
  const accordFiles = await listYaml(root, realRoot, "accords", findings);
  const regionFiles = await listYaml(root, realRoot, "regions", findings);
  const total = ROOT_FILES.length + 1 + accordFiles.length + regionFiles.length;
  if (total > MAX_FILES) {
    findings.push({
      code: "too-many-files",
      severity: "error",
      file: ".",
      params: { count: total, limit: MAX_FILES },
    });
    return empty(realRoot);
  }

  const wanted: Expected[] = [
    ...ROOT_FILES,
    ...accordFiles.map((file) => ({ kind: "accord" as const, file, required: true })),
    ...regionFiles.map((file) => ({ kind: file === SAMPLE_FILE ? ("region-sample" as const) : ("region-plan" as const), file, required: true })),
  ];
  // Read in parallel batches (a study may hold a thousand region plans), keep the order.
  const results: { file: DataFile | undefined; findings: Finding[] }[] = [];
  for (let start = 0; start < wanted.length; start += READ_BATCH) {
    const batch = wanted.slice(start, start + READ_BATCH).map(async (entry) => {
      const fileFindings: Finding[] = [];
      const file = await readDataFile(root, realRoot, entry, fileFindings);
      // An optional file that is absent is fine; anything else wrong with it is not.
      return { file, findings: entry.required || fileFindings[0]?.code !== "missing-file" ? fileFindings : [] };
    });
    results.push(...(await Promise.all(batch)));
  }
  const files: DataFile[] = [];
  for (const result of results) {
    if (result.file) files.push(result.file);
    findings.push(...result.findings);
  }
  return { root, realRoot, files, findings, otherRootFiles };
}

/** Reads the rules file named in study.yaml, and warns about root files that are not data files. */
export async function readRulesFile(folder: DataFolder, rulesFileName: string): Promise<DataFile | undefined> {
  const candidates = [...ROOT_FILES.map((e) => e.file), rulesFileName];
  for (const name of folder.otherRootFiles) {
    if (name === rulesFileName || (await isKnownInOtherCase(folder.root, name, candidates))) continue;
    const match = closestMatch(name, candidates);
    folder.findings.push({
      code: "unknown-file",
      severity: "warning",
      file: name,
      params: { variant: "top-yaml", ...(match !== undefined ? { suggestion: match } : {}), dataFiles: candidates },
    });
  }
  return readDataFile(folder.root, folder.realRoot, { kind: "rules", file: rulesFileName }, folder.findings);
}
