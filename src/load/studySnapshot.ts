// The study snapshot: the whole result of loading a data folder (the validated, resolved
// study, every finding with its position, the files read), kept as one file and keyed by a
// digest of every input that result depends on. A command on unchanged data reads the data
// files' bytes, computes the key, reads the snapshot and renders: no YAML parse, no schema
// check, no cross-file check, no quote check. On any change the careful path runs and the
// snapshot is rewritten. Beside the load result it keeps the coverage computed from the
// study, per evidence view (--as-of, --evidence; added by the first command that computes
// it): the coverage is a function of the study and the view alone, so the key need not
// change for it. Best-effort: any problem reading or writing it only costs speed.
//
// The key covers: the tool's build fingerprint (version, bundle digest, validators digest);
// the data folder (as given and its real path); every data file's name, kind and bytes,
// the rules file named in study.yaml included; the findings of reading the folder (ignored
// editor files, unknown files and folders with the YAML files they hold, links); whether
// quotes are verified and the --sources folders; and, when they are, the state of every
// source-text path the quote check looked at (the digest of its bytes, or absent / not a
// file / too large).
//
// What it trusts: only a snapshot file this user owns, of this format; and of that, only one
// that proves it belongs to its key — its digest (SHA-256 over the format, the key, the
// rules file's name, the source paths and the stored bytes, coverages included) must match
// what it holds. Its content must then have the shape of a load result (and a stored
// coverage that of a coverage). A snapshot of another shape, edited by
// hand or damaged on disk, is ignored; the careful path runs and rewrites it. The digest
// guards against accident, not against someone who can write to the cache folder: such a
// person can change the data files themselves.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { deserialize, serialize } from "node:v8";
import { isFindingCode, type Finding } from "../findings.js";
import type { LoadResult } from "./loadResult.js";
import { toolFingerprint } from "../toolFingerprint.js";
import { readRulesFile, type DataFile, type DataFolder } from "./dataFiles.js";

/** Bump when what is stored changes meaning (the load result's shape, the key's parts). */
const SNAPSHOT_FORMAT = 2;
/** One snapshot per data folder and quote-check variant; beyond this many, the least recently written go. */
const MAX_SNAPSHOTS = 100;
const SUFFIX = ".snapshot";

/** What the result depends on besides the data folder's files. */
export interface SnapshotOptions {
  /** The data folder as given (source-text paths in findings are built from it). */
  dataDir: string;
  /** The --sources folders when quotes are verified; undefined when they are not. */
  sourceDirs: readonly string[] | undefined;
}

/** The inputs of one careful run, as the snapshot's key needs them. */
export interface CarefulInputs {
  /** The findings of reading the folder and the rules file, before any parse. */
  folderFindings: readonly Finding[];
  /** Every data file read, the rules file included. */
  files: readonly DataFile[];
  /** The rules file's name, as study.yaml gives it. */
  rulesFile: string;
  /** Every source-text path the quote check looked at, with its state (sourceTexts.ts). */
  sources: ReadonlyMap<string, string>;
}

export interface SnapshotFile {
  format: number;
  key: string;
  rulesFile: string;
  sourcePaths: string[];
  /** snapshotDigest of the fields above and the payload. */
  digest: string;
  /** The load result, v8-serialised (keeps undefined, NaN and Infinity as they were). */
  payload: Uint8Array;
  /**
   * The coverage computed from the study, per evidence view (--as-of, --evidence), each
   * v8-serialised; added by the first command that computes it.
   */
  coverages: [string, Uint8Array][];
}

export interface StudySnapshot {
  /** The stored result when every input is unchanged, else undefined. */
  read(): Promise<LoadResult | undefined>;
  /** Stores `result` under the key of `inputs`; never throws. */
  write(result: LoadResult, inputs: CarefulInputs): Promise<void>;
  /** The stored coverage of an evidence view, after a read that hit or a write. */
  coverage(view: string): unknown;
  /** Adds the coverage of an evidence view to the snapshot just read or written; never throws. */
  addCoverage(view: string, coverage: unknown): Promise<void>;
}

function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

function keyOf(options: SnapshotOptions, realRoot: string, inputs: CarefulInputs): string {
  const hash = createHash("sha256");
  const part = (text: string): void => {
    hash.update(text);
    hash.update("\u0000");
  };
  part(`dekking-study-snapshot-${SNAPSHOT_FORMAT}`);
  part(toolFingerprint());
  part(options.dataDir);
  part(realRoot);
  part(JSON.stringify(options.sourceDirs ?? null));
  part(JSON.stringify(inputs.folderFindings));
  part(inputs.rulesFile);
  for (const file of inputs.files) {
    part(`${file.kind}:${file.file}`);
    part(sha256(file.bytes));
  }
  for (const [file, state] of [...inputs.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    part(file);
    part(state);
  }
  return hash.digest("hex");
}

function snapshotDigest(file: Omit<SnapshotFile, "digest">): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([file.format, file.key, file.rulesFile, file.sourcePaths, file.coverages.map(([view, bytes]) => [view, bytes.length])]))
    .update("\u0000")
    .update(file.payload);
  for (const [, bytes] of file.coverages) hash.update(bytes);
  return hash.digest("hex");
}

function isSnapshotFile(value: unknown): value is SnapshotFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<SnapshotFile>;
  return (
    file.format === SNAPSHOT_FORMAT &&
    typeof file.key === "string" &&
    typeof file.rulesFile === "string" &&
    Array.isArray(file.sourcePaths) &&
    file.sourcePaths.every((p) => typeof p === "string") &&
    typeof file.digest === "string" &&
    file.payload instanceof Uint8Array &&
    Array.isArray(file.coverages) &&
    file.coverages.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && entry[1] instanceof Uint8Array)
  );
}

const SEVERITIES = new Set(["error", "warning", "info"]);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The shape of a load result, at the level every command reaches first. */
function isLoadResult(value: unknown): value is LoadResult {
  if (!isObject(value)) return false;
  if (!Array.isArray(value.files) || !value.files.every((f) => typeof f === "string")) return false;
  if (
    !Array.isArray(value.findings) ||
    !value.findings.every(
      (f) =>
        isObject(f) &&
        typeof f.code === "string" &&
        isFindingCode(f.code) &&
        isObject(f.params) &&
        SEVERITIES.has(f.severity as string) &&
        typeof f.file === "string",
    )
  )
    return false;
  if (value.study === undefined) return true;
  const study = value.study;
  return (
    isObject(study) &&
    isObject(study.study) &&
    Array.isArray(study.topics) &&
    Array.isArray(study.accords) &&
    Array.isArray(study.regionPlans) &&
    Array.isArray(study.connections) &&
    isObject(study.interviews) &&
    isObject(study.vocabulary) &&
    isObject(study.rules) &&
    typeof study.dataVersion === "string"
  );
}

/** Where the snapshot of this data folder and variant lives. */
export function snapshotPath(cacheDir: string, realRoot: string, options: SnapshotOptions): string {
  return path.join(cacheDir, `study-${sha256(JSON.stringify([realRoot, options.dataDir, options.sourceDirs ?? null])).slice(0, 24)}${SUFFIX}`);
}

export function openStudySnapshot(cacheDir: string, folder: DataFolder, options: SnapshotOptions): StudySnapshot {
  const target = snapshotPath(cacheDir, folder.realRoot, options);
  /** The snapshot as read (on a hit) or written, to add coverages to. */
  let current: Omit<SnapshotFile, "digest"> | undefined;
  const save = async (content: Omit<SnapshotFile, "digest">): Promise<void> => {
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await mkdir(cacheDir, { recursive: true, mode: 0o700 });
      await writeFile(temporary, serialize({ ...content, digest: snapshotDigest(content) }), { mode: 0o600 });
      await rename(temporary, target);
      await pruneOldest(cacheDir, MAX_SNAPSHOTS);
    } catch {
      // A read-only or full disk only costs speed; a temporary file that could not take the
      // snapshot's place (a folder there, say) does not stay behind.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  };
  return {
    async read() {
      try {
        const info = await stat(target);
        // Only a snapshot this user wrote is trusted.
        if (!info.isFile() || (process.getuid !== undefined && info.uid !== process.getuid())) return undefined;
        const stored: unknown = deserialize(await readFile(target));
        if (!isSnapshotFile(stored) || stored.digest !== snapshotDigest(stored)) return undefined;
        // The rules file and the source texts are inputs too: read them as the careful path would.
        const copy: DataFolder = { ...folder, findings: [...folder.findings] };
        const rules = await readRulesFile(copy, stored.rulesFile);
        const { currentSourceState } = await import("./sourceTexts.js");
        const sources = new Map<string, string>();
        for (const file of stored.sourcePaths) sources.set(file, await currentSourceState(file));
        const key = keyOf(options, folder.realRoot, {
          folderFindings: copy.findings,
          files: rules ? [...folder.files, rules] : folder.files,
          rulesFile: stored.rulesFile,
          sources,
        });
        if (key !== stored.key) return undefined;
        const result: unknown = deserialize(stored.payload);
        if (!isLoadResult(result)) return undefined;
        current = stored;
        return result;
      } catch {
        // No snapshot yet, unreadable or not a snapshot: the careful path runs.
        return undefined;
      }
    },
    async write(result, inputs) {
      try {
        current = {
          format: SNAPSHOT_FORMAT,
          key: keyOf(options, folder.realRoot, inputs),
          rulesFile: inputs.rulesFile,
          sourcePaths: [...inputs.sources.keys()].sort(),
          payload: serialize(result),
          coverages: [],
        };
      } catch {
        return;
      }
      await save(current);
    },
    coverage(view) {
      const bytes = current?.coverages.find(([stored]) => stored === view)?.[1];
      if (bytes === undefined) return undefined;
      try {
        return deserialize(bytes);
      } catch {
        return undefined;
      }
    },
    async addCoverage(view, coverage) {
      if (!current) return;
      try {
        const coverages: [string, Uint8Array][] = [...current.coverages.filter(([stored]) => stored !== view), [view, serialize(coverage)]];
        current = { ...current, coverages: coverages.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
      } catch {
        return;
      }
      await save(current);
    },
  };
}

async function pruneOldest(cacheDir: string, keep: number): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(SUFFIX));
  if (names.length <= keep) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(cacheDir, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(keep).map(({ name }) => rm(path.join(cacheDir, name), { force: true })));
}
