// Every command's output on the shipped study is byte-identical with a cold study snapshot
// (the careful path runs and writes it), a warm one (the command reads it) and --no-cache.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runInProcess, tempDir } from "./helpers.js";

const SHARED = path.resolve(ROOT, "..", "shared");
const sourceDirs = [path.join(SHARED, "seeds"), path.join(SHARED, "sources")].filter((d) => existsSync(d));

const COMMANDS: string[][] = [
  ["validate"],
  ["validate", "--format", "json"],
  ...(sourceDirs.length > 0 ? [["validate", "--sources", ...sourceDirs]] : []),
  ["matrix"],
  ["matrix", "--format", "json"],
  ["matrix", "--format", "csv"],
  ["matrix", "--format", "markdown"],
  ["matrix", "--lang", "en", "--sort", "priority"],
  ["matrix", "--as-of", "2023-01-01", "--format", "json"],
  ["matrix", "--evidence", "report", "--format", "json"],
  ["explain", "spoedzorg"],
  ["explain", "spoedzorg", "--lang", "en"],
  ["regions"],
  ["summary"],
  ["timeline"],
  ["persona", "jeanny"],
  ["sensitivity", "--format", "json"],
  ["screen", "eenzaamheid", "--format", "json"],
  ["diff", "--evidence-old", "report"],
  ["diff", "--as-of-old", "2023-01-01"],
];

function snapshots(cacheDir: string): { name: string; mtime: number }[] {
  return readdirSync(cacheDir)
    .filter((n) => n.endsWith(".snapshot"))
    .map((name) => ({ name, mtime: statSync(path.join(cacheDir, name)).mtimeMs }));
}

describe("outputs with and without the study snapshot", () => {
  for (const args of COMMANDS) {
    it(`dekking ${args.join(" ")}: cold, warm and --no-cache give the same bytes`, async () => {
      const cacheDir = tempDir();
      const env = { DEKKING_CACHE_DIR: cacheDir, SOURCE_DATE_EPOCH: "1722556800" };
      const cold = await runInProcess(args, { env });
      const written = snapshots(cacheDir);
      expect(written).toHaveLength(1);
      const warm = await runInProcess(args, { env });
      // A hit does not rewrite the snapshot.
      expect(snapshots(cacheDir)).toEqual(written);
      const uncached = await runInProcess([...args, "--no-cache"], { env });
      expect(cold.stdout.length).toBeGreaterThan(0);
      expect(warm).toEqual(cold);
      expect(uncached).toEqual(cold);
    }, 120_000);
  }

  it("one snapshot serves several evidence views, each with its own coverage", async () => {
    const cacheDir = tempDir();
    const env = { DEKKING_CACHE_DIR: cacheDir };
    const views = [[], ["--as-of", "2023-01-01"], ["--evidence", "report"], ["--as-of", "2023-01-01", "--evidence", "report"]];
    const expected: string[] = [];
    for (const view of views) expected.push((await runInProcess(["matrix", "--format", "json", "--no-cache", ...view], { env })).stdout);
    // The views differ, so serving one view's coverage for another would show.
    expect(new Set(expected).size).toBe(views.length);
    for (let round = 0; round < 2; round++) {
      for (const [i, view] of views.entries()) {
        expect((await runInProcess(["matrix", "--format", "json", ...view], { env })).stdout, `${round} ${view.join(" ")}`).toBe(expected[i]);
        expect((await runInProcess(["explain", "spoedzorg", ...view], { env })).stdout).toBe(
          (await runInProcess(["explain", "spoedzorg", "--no-cache", ...view], { env })).stdout,
        );
      }
    }
    expect(readdirSync(cacheDir).filter((n) => n.endsWith(".snapshot"))).toHaveLength(1);
  }, 300_000);

  it("dekking report writes the same files cold, warm and with --no-cache; --check agrees", async () => {
    const cacheDir = tempDir();
    const env = { DEKKING_CACHE_DIR: cacheDir, SOURCE_DATE_EPOCH: "1722556800" };
    const outs = [tempDir(), tempDir(), tempDir()];
    const runs = [
      await runInProcess(["report", "--out", outs[0]!], { env }),
      await runInProcess(["report", "--out", outs[1]!], { env }),
      await runInProcess(["report", "--no-cache", "--out", outs[2]!], { env }),
    ];
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(outs[0]!).sort();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const out of outs.slice(1)) {
      expect(readdirSync(out).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(path.join(out, file)), file).toEqual(readFileSync(path.join(outs[0]!, file)));
    }
    const checks = [
      await runInProcess(["report", "--check", "--out", outs[0]!], { env }),
      await runInProcess(["report", "--check", "--no-cache", "--out", outs[0]!], { env }),
    ];
    for (const check of checks) expect(check.status, check.stderr).toBe(0);
    expect(checks[1]).toEqual(checks[0]);
  }, 300_000);
});
