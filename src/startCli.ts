// Starts the CLI bundle (dist/dekking.cjs) with V8's compiled code kept between runs. On a
// command over unchanged data (the study snapshot read, a table printed) compiling the 600 KB
// bundle and the functions a command runs is about a fifth of the time; V8 can hand back its
// compiled code as bytes and take them again next time, which Node 22 does by itself
// (`module.enableCompileCache`) and Node 20 does not. Built on its own into dist/start.cjs,
// which bin/dekking.cjs requires.
//
// The cached code lives beside the study snapshot (cacheDir.ts: the same folder, the same
// `--no-cache` and DEKKING_CACHE_DIR=off). V8 checks that cached code fits its version and
// flags and the source's length, not the source itself, so the file is named after the
// bundle's digest (generated/fingerprint.json, written by the build), V8's version and the
// command (each command's file holds the functions that command ran, compiled); its
// first 32 bytes are the SHA-256 of the rest, so a damaged file is never handed to V8. A file
// that is missing, damaged, not this user's or rejected by V8 costs nothing but the compile:
// the code is then compiled as usual and the file written anew when the command ends.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { cacheDirOf } from "./cacheDir.js";

const DIGEST_BYTES = 32;

function digest(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}

/** The common options that take a value and may come before the command's name (cli.ts). */
const OPTIONS_WITH_A_VALUE = new Set(["--data", "--lang"]);

/** The command's name in the arguments (its first word), or "cli" when there is none. */
function commandOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (OPTIONS_WITH_A_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) return /^[a-z][a-z-]{0,30}$/.test(arg) ? arg : "cli";
  }
  return "cli";
}

/** The cached code file for this bundle and this V8, or undefined when there is no cache. */
function codeCacheFile(root: string): string | undefined {
  const dir = cacheDirOf(process.argv.includes("--no-cache") ? false : undefined, process.env);
  if (dir === undefined) return undefined;
  try {
    const { tool } = JSON.parse(readFileSync(path.join(root, "generated", "fingerprint.json"), "utf8")) as { tool?: unknown };
    if (typeof tool !== "string" || !/^[0-9a-f]{16,64}$/.test(tool)) return undefined;
    // One file per command: each holds the functions its command ran, compiled.
    return path.join(dir, `code-${tool}-v8-${process.versions.v8.replace(/[^0-9a-z.-]/gi, "_")}-${process.arch}-${commandOf(process.argv.slice(2))}.cache`);
  } catch {
    return undefined;
  }
}

/** The cached code in `file` when it is this user's and intact; undefined otherwise. */
function readCachedCode(file: string): Buffer | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || (process.getuid !== undefined && info.uid !== process.getuid())) return undefined;
    const bytes = readFileSync(file);
    const code = bytes.subarray(DIGEST_BYTES);
    return bytes.length > DIGEST_BYTES && digest(code).equals(bytes.subarray(0, DIGEST_BYTES)) ? code : undefined;
  } catch {
    return undefined;
  }
}

function writeCachedCode(file: string, code: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([digest(code), code]), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // Best effort: without the file the next run compiles, as this one did. A temporary file
    // that could not take the file's place (a folder there, say) does not stay behind.
    rmSync(temporary, { force: true });
  }
}

/**
 * Runs the bundle at `root`/dist/dekking.cjs as a CommonJS module, with its compiled code
 * from the cache when there is one. `root` is the package folder.
 */
export function startCli(root: string): void {
  const bundle = path.join(root, "dist", "dekking.cjs");
  const cacheFile = codeCacheFile(root);
  const require = createRequire(bundle);
  if (cacheFile === undefined) {
    require(bundle);
    return;
  }
  // V8 checks the cached code's own checksum only when asked (release builds skip it): a
  // payload changed with our digest recomputed would otherwise crash V8 as it reads it.
  setFlagsFromString("--verify-snapshot-checksum");
  const cachedData = readCachedCode(cacheFile);
  const source = readFileSync(bundle, "utf8");
  // The wrapper Node itself puts around a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // At the end, so the functions this command ran are in the cache too; only after a run
    // that succeeded, which ran the command's code (not only a usage error's).
    process.once("exit", (code) => {
      if (code === 0) writeCachedCode(cacheFile, script.createCachedData());
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, path.dirname(bundle));
}
