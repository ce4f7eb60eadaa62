// Shared test helpers: run the CLI in-process (most end-to-end cases) or through the real bin
// (the smoke tests), and copy fixture data folders to temporary places.

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const BIN = path.join(ROOT, "bin", "dekking.cjs");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
export const MINIMAL = path.join(FIXTURES, "minimal");
export const SHIPPED_DATA = path.join(ROOT, "data");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // The study snapshot is tested on its own (tests/studySnapshot.test.ts, tests/snapshotOutputs.test.ts); elsewhere it is off.
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", COLUMNS: "120", DEKKING_CACHE_DIR: "off", ...options.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = "dekking-test-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

let sharedSnapshots: string | undefined;

/**
 * A study-snapshot folder (for DEKKING_CACHE_DIR) shared by the tests of one file that only
 * read a data folder they do not change, such as the shipped study: the first run validates
 * the careful way and writes the snapshot, later runs on unchanged data read it. Not for
 * tests of the careful path or of the snapshot itself; tests/snapshotOutputs.test.ts holds
 * that every command's output is byte-identical either way.
 */
export function sharedSnapshotDir(): string {
  sharedSnapshots ??= tempDir("dekking-snapshot-");
  return sharedSnapshots;
}

/** A fresh copy of a fixture data folder. */
export function copyFixture(source = MINIMAL): string {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** What `runInProcess` may set that the bin would take from its process. */
export interface InProcessOptions {
  /** The working folder (default: the repository root). */
  cwd?: string;
  /** Added to the bin's test environment (`PATH`, `NO_COLOR=1`, `COLUMNS=120`, `DEKKING_CACHE_DIR=off`); a value of undefined removes a default. */
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal (default false, as in a pipe). */
  isTTY?: boolean;
  /** The terminal's columns (default: none, as in a pipe, and COLUMNS=120 in the environment instead). */
  columns?: number;
}

/**
 * Runs the CLI in-process through `runCli(argv, io)` with a recording `Io`, as `runBin` runs
 * the bin: the same environment (no colour, 120 columns, no study snapshot unless `env` sets
 * DEKKING_CACHE_DIR), stdout not a terminal, the exit code and everything written to stdout
 * and stderr. Nothing of `process` (env, cwd) is read or changed: what differs goes in
 * `options`. An error the CLI does not map to an exit code rejects (the bin's main.ts would
 * print it and exit 2; tests/smoke.e2e.test.ts covers that through the bin).
 */
export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<RunResult & { status: number }> {
  const { runCli } = await import("../src/cli.js");
  let stdout = "";
  let stderr = "";
  const env: Record<string, string> = {};
  const defaults = { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...(options.columns === undefined ? { COLUMNS: "120" } : {}), DEKKING_CACHE_DIR: "off" };
  for (const [key, value] of Object.entries({ ...defaults, ...options.env })) if (value !== undefined) env[key] = value;
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    env,
    isTTY: options.isTTY ?? false,
    stderrIsTTY: false,
    columns: options.columns,
    cwd: options.cwd ?? ROOT,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

/** `runInProcess` on a data folder the file's tests do not change, with the file's shared study snapshot (sharedSnapshotDir). */
export function runOnUnchangedData(args: string[], options: InProcessOptions = {}): Promise<RunResult & { status: number }> {
  return runInProcess(args, { ...options, env: { DEKKING_CACHE_DIR: sharedSnapshotDir(), ...options.env } });
}
