// Finds and reads the files of a data folder. All file-system access of the loader is here.

import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import * as path from "node:path";
import type { Finding } from "../findings.js";
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
export function editorLeftover(name: string): string | undefined {
  if (name.startsWith(".#")) return "an Emacs lock file";
  if (name.startsWith("#") && name.endsWith("#")) return "an Emacs auto-save file";
  if (name.endsWith("~")) return "an editor's backup copy";
  if (/^\..*\.sw[a-p]$/.test(name)) return "a Vim swap file";
  if (name.startsWith("._")) return "a macOS resource-fork file";
  if (/\.ya?ml\.(bak|orig|rej|tmp)$/.test(name)) return "a backup or leftover copy";
  if (name.startsWith(".") && isYamlName(name)) return "a hidden file";
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
      message: `is ${leftover}, not a data file, so it is ignored`,
      hint: "nothing to do; close the file in your editor or delete it if it stays",
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
  const fileFinding = (code: Finding["code"], message: string, hint?: string): undefined => {
    findings.push({ code, severity: "error", file: expected.file, message, ...(hint ? { hint } : {}) });
    return undefined;
  };
  try {
    const link = await lstat(absolute);
    // The file itself or any folder on its way may be a link: what counts is where it really is.
    const target = await realpath(absolute);
    if (!isInside(realRoot, target)) {
      return fileFinding(
        "outside-data-folder",
        link.isSymbolicLink() ? `is a link to ${target}, outside the data folder` : `lies in a linked folder: it is really ${target}, outside the data folder`,
        "copy the file into the data folder instead of linking to it",
      );
    }
    const info = await stat(absolute);
    if (!info.isFile()) {
      return fileFinding(
        "not-a-file",
        "is not a regular file (a folder or device stands where a YAML file is expected)",
        "remove it or replace it with a YAML file",
      );
    }
    if (info.size > MAX_FILE_BYTES) {
      return fileFinding(
        "file-too-large",
        `is ${info.size} bytes; the limit is ${MAX_FILE_BYTES} bytes (1 MiB)`,
        "split the data over several files (e.g. one region plan per file) or remove what does not belong",
      );
    }
    const bytes = await readFile(absolute);
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_FILE_BYTES) {
      return fileFinding("file-too-large", `is over the limit of ${MAX_FILE_BYTES} bytes (1 MiB)`, "split the data over several files");
    }
    return { kind: expected.kind, file: expected.file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT") return fileFinding("missing-file", "does not exist", undefined);
    if (code === "ELOOP") return fileFinding("outside-data-folder", "is a link that loops", "replace the link with the file itself");
    return fileFinding("unreadable-file", `cannot be read (${code ?? "unknown error"})`, "check the file's permissions");
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
        message: `is a link to ${real}, outside the data folder, so its files are not read`,
        hint: `make ${folder}/ a real folder inside the data folder (copy the files into it)`,
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
        message: "should be a folder of YAML files but is a file",
        hint: `move it away and create the folder ${folder}/`,
      });
      return [];
    }
    findings.push({
      code: "unreadable-file",
      severity: "error",
      file: folder,
      message: `cannot be listed (${code ?? "unknown error"})`,
      hint: "check the folder's permissions",
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
      findings.push({ code: "not-a-file", severity: "error", file: ".", message: `${root} is not a folder`, hint: "pass the data folder with --data DIR" });
      return empty(root);
    }
    realRoot = await realpath(root);
  } catch {
    findings.push({
      code: "missing-file",
      severity: "error",
      file: ".",
      message: `data folder ${root} does not exist`,
      hint: "pass the data folder with --data DIR",
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
      message: `no YAML files in ${root}`,
      hint: "point --data at a folder with study.yaml, topics.yaml and rules.yaml (the shipped data/ folder shows the layout)",
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
      message: `${total} data files; the limit is ${MAX_FILES}`,
      hint: "split the study into several data folders",
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
      message: "is not a data file dekking reads, so it is ignored",
      hint: match ? `did you mean "${match}"?` : `data files are: ${candidates.join(", ")}, accords/*.yaml, regions/*.yaml`,
    });
  }
  return readDataFile(folder.root, folder.realRoot, { kind: "rules", file: rulesFileName }, folder.findings);
}
