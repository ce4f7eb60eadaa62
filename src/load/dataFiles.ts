// Finds and reads the files of a data folder. All file-system access of the loader is here.

import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import * as path from "node:path";
import type { Finding } from "../findings.js";
import type { CodedFinding, LeftoverKind } from "../messages/findings.js";
import { closestMatch } from "../didYouMean.js";
import { MAX_FILE_BYTES, MAX_FILES } from "./limits.js";

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

function isYamlName(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
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
  if (/\.ya?ml\.(bak|orig|rej|tmp)$/.test(name)) return "leftover-copy";
  if (name.startsWith(".") && isYamlName(name)) return "hidden";
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
    if (!isYamlName(name) && !/\.ya?ml/.test(name)) continue;
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

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
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

async function listYaml(root: string, realRoot: string, folder: string, findings: Finding[]): Promise<string[]> {
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
    const entries = await readdir(path.join(root, folder));
    return skipLeftovers(folder, entries.sort(), findings)
      .filter((name) => isYamlName(name))
      .map((name) => `${folder}/${name}`)
      .sort();
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
  /** YAML files in the folder's root that are none of the fixed data files (the rules file may be one). */
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
  const rootEntries = skipLeftovers("", (await readdir(root)).sort(), leftovers);
  if (!rootEntries.some(isYamlName)) {
    findings.push({
      code: "empty-data-folder",
      severity: "error",
      file: ".",
      params: { folder: root },
    });
    return empty(realRoot);
  }
  const fixed = new Set(ROOT_FILES.map((e) => e.file));
  const otherRootFiles = rootEntries.filter((name) => isYamlName(name) && !fixed.has(name));

  findings.push(...leftovers);
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
  for (const name of folder.otherRootFiles) {
    if (name === rulesFileName) continue;
    const candidates = [...ROOT_FILES.map((e) => e.file), rulesFileName];
    const match = closestMatch(name, candidates);
    folder.findings.push({
      code: "unknown-file",
      severity: "warning",
      file: name,
      params: { ...(match !== undefined ? { suggestion: match } : {}), dataFiles: candidates },
    });
  }
  return readDataFile(folder.root, folder.realRoot, { kind: "rules", file: rulesFileName }, folder.findings);
}
