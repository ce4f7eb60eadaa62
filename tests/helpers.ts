// Shared test helpers: run the real bin, and copy fixture data folders to temporary places.

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

/** A fresh copy of a fixture data folder. */
export function copyFixture(source = MINIMAL): string {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * Runs the CLI in-process through `runCli(argv, io)` with a recording `Io` (no colour, no
 * cache), as the bin would run it: the exit code and everything written to stdout and stderr.
 */
export async function runInProcess(
  args: string[],
  options: { cwd?: string; columns?: number } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const { runCli } = await import("../src/cli.js");
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    env: { NO_COLOR: "1", DEKKING_CACHE_DIR: "off" },
    isTTY: false,
    columns: options.columns,
    cwd: options.cwd ?? ROOT,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}
