// A cache of parsed, schema-valid file contents, keyed by each file's bytes. YAML parsing
// and schema validation are most of the cost of a run; a file that has not changed since
// the last run is taken from the cache. Results are identical by construction: an entry is
// used only when the file's SHA-256 and the salt (validators and tool version) match, and
// only files that loaded without any finding are stored. Cross-file checks always run.
// The cache is best-effort: any problem reading or writing it means it is not used.
//
// What it trusts: only a cache file this user owns, of this format and salt; and of that,
// only an entry that proves it belongs to its key — its digest (SHA-256 over the salt, the
// file name, the file's hash and the stored value) must match what it holds. An entry of
// another shape, or edited by hand or by a disk error, fails that check, is ignored, and
// is rewritten from the file. The loader then checks the value's shape against the schema
// as for a parsed file. The digest guards against accident, not against someone who can
// write to the cache folder: such a person can change the data files themselves.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";

/** Bump when what is cached changes meaning (parser, decoding, the cached shape). */
const CACHE_FORMAT = 3;
/** One cache file per data folder; beyond this many, the least recently written go. */
const MAX_CACHED_FOLDERS = 100;

interface Entry {
  hash: string;
  /** entryDigest of the entry: proves the value was stored for this file, hash and salt. */
  digest: string;
  value: unknown;
}

interface CacheFile {
  format: number;
  salt: string;
  entries: Record<string, Entry>;
}

export interface ParseCache {
  /** The cached value of `file` when its bytes are unchanged. */
  get(file: string, hash: string): unknown;
  set(file: string, hash: string, value: unknown): void;
  /** Writes the cache if anything changed; never throws. */
  save(files: readonly string[]): Promise<void>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function entryDigest(salt: string, file: string, hash: string, value: unknown): string {
  return createHash("sha256").update(`${salt}\u0000${file}\u0000${hash}\u0000`).update(JSON.stringify(value) ?? "").digest("hex");
}

export async function openParseCache(cacheDir: string, dataRoot: string, salt: string): Promise<ParseCache> {
  const target = path.join(cacheDir, `${createHash("sha256").update(dataRoot).digest("hex").slice(0, 24)}.json`);
  let entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  try {
    const info = await stat(target);
    // Only a cache this user wrote is trusted.
    if (info.isFile() && (process.getuid === undefined || info.uid === process.getuid())) {
      const parsed = JSON.parse(await readFile(target, "utf8")) as Partial<CacheFile>;
      if (parsed.format === CACHE_FORMAT && parsed.salt === salt && parsed.entries && typeof parsed.entries === "object") {
        entries = Object.assign(Object.create(null) as Record<string, Entry>, parsed.entries);
      }
    }
  } catch {
    // No cache yet, or unreadable: start empty.
  }
  let changed = false;
  return {
    get(file, hash) {
      const entry: unknown = entries[file];
      if (entry === undefined) return undefined;
      const valid =
        typeof entry === "object" && entry !== null &&
        typeof (entry as Entry).hash === "string" && typeof (entry as Entry).digest === "string" && "value" in entry &&
        (entry as Entry).digest === entryDigest(salt, file, (entry as Entry).hash, (entry as Entry).value);
      if (!valid) {
        // Not ours, or no longer what was written: drop it, so the file's fresh parse replaces it.
        delete entries[file];
        changed = true;
        return undefined;
      }
      return (entry as Entry).hash === hash ? (entry as Entry).value : undefined;
    },
    set(file, hash, value) {
      entries[file] = { hash, digest: entryDigest(salt, file, hash, value), value };
      changed = true;
    },
    async save(files) {
      const keep = new Set(files);
      for (const file of Object.keys(entries)) {
        if (!keep.has(file)) {
          delete entries[file];
          changed = true;
        }
      }
      if (!changed) return;
      try {
        await mkdir(cacheDir, { recursive: true, mode: 0o700 });
        const temporary = `${target}.${process.pid}.tmp`;
        const content: CacheFile = { format: CACHE_FORMAT, salt, entries };
        await writeFile(temporary, JSON.stringify(content), { mode: 0o600 });
        await rename(temporary, target);
        await pruneOldest(cacheDir, MAX_CACHED_FOLDERS);
      } catch {
        // A read-only or full disk only costs speed.
      }
    },
  };
}

async function pruneOldest(cacheDir: string, keep: number): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".json"));
  if (names.length <= keep) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(cacheDir, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(keep).map(({ name }) => rm(path.join(cacheDir, name), { force: true })));
}
