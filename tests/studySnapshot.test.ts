// The study snapshot gives the same results as the careful path, notices every change of an
// input it depends on, and is never trusted blindly.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import type { Coverage } from "../src/analyse/coverage.js";
import type { SnapshotFile } from "../src/load/studySnapshot.js";
import { coverageOf, evidenceViewKey, loadStudy, type LoadResult } from "../src/loadStudy.js";
import { TOOL_VERSION } from "../src/version.js";
import { copyFixture, ROOT, runInProcess, SHIPPED_DATA, tempDir } from "./helpers.js";

type Stored = SnapshotFile;

/** The one snapshot file in `cacheDir`. */
function snapshotFile(cacheDir: string): string {
  const names = readdirSync(cacheDir).filter((n) => n.endsWith(".snapshot"));
  expect(names).toHaveLength(1);
  return path.join(cacheDir, names[0]!);
}
const readStored = (file: string): Stored => deserialize(readFileSync(file)) as Stored;
/** The digest as the snapshot defines it: over the format, key, rules file, source paths and payload. */
function digestOf(s: Omit<Stored, "digest">): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([s.format, s.key, s.rulesFile, s.sourcePaths, s.coverages.map(([view, bytes]) => [view, bytes.length])]))
    .update("\u0000")
    .update(s.payload);
  for (const [, bytes] of s.coverages) hash.update(bytes);
  return hash.digest("hex");
}
const writeStored = (file: string, value: unknown): void => writeFileSync(file, serialize(value));
/**
 * The snapshot was rewritten for the same input: same key, a digest that proves its content,
 * and the same result. (Compared as values: V8 may write the same number as an integer or a double.)
 */
function expectRewritten(file: string, original: Stored, message?: string): void {
  const now = readStored(file);
  expect(now.key, message).toBe(original.key);
  expect(now.digest, message).toBe(digestOf(now));
  expect(deserialize(now.payload), message).toEqual(deserialize(original.payload));
}

describe("study snapshot", () => {
  it("a run from the snapshot gives the same study and findings as the careful path", async () => {
    const cacheDir = tempDir();
    const uncached = await loadStudy(SHIPPED_DATA);
    const first = await loadStudy(SHIPPED_DATA, { cacheDir });
    snapshotFile(cacheDir);
    const second = await loadStudy(SHIPPED_DATA, { cacheDir });
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    expect(second.study).not.toBe(first.study);
    // The study's own words come back from the snapshot too (issue 28).
    expect(second.study?.vocabulary.groups.map((g) => g.letter)).toEqual(uncached.study?.vocabulary.groups.map((g) => g.letter));
    expect(second.study?.vocabulary.categories.length).toBeGreaterThan(0);
  });

  it("on unchanged input the stored result is what a run returns (a re-signed edit shows through)", async () => {
    // The digest protects against accident, not against someone who can write the cache
    // folder: an edit with a recomputed digest is used. That proves a hit reads the snapshot.
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    const file = snapshotFile(cacheDir);
    const stored = readStored(file);
    const result = deserialize(stored.payload) as LoadResult;
    result.study!.study.title = "Uit de snapshot";
    const payload = serialize(result);
    writeStored(file, { ...stored, payload, digest: digestOf({ ...stored, payload }) });
    expect((await loadStudy(dir, { cacheDir })).study?.study.title).toBe("Uit de snapshot");
    expect((await loadStudy(dir)).study?.study.title).not.toBe("Uit de snapshot");
  });

  it("a changed file runs the careful path, and a new error is reported at its position", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    expect((await loadStudy(dir, { cacheDir })).study).toBeDefined();
    const before = readStored(snapshotFile(cacheDir)).key;
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("category: cultuur", "category: cultur"));
    const result = await loadStudy(dir, { cacheDir });
    expect(result.study).toBeUndefined();
    const finding = result.findings.find((f) => f.code === "unknown-vocabulary");
    expect(finding?.file).toBe("topics.yaml");
    expect(finding?.position).toBeDefined();
    expect(result).toEqual(await loadStudy(dir));
    // Rewritten for the new input, and served from it next time.
    expect(readStored(snapshotFile(cacheDir)).key).not.toBe(before);
    expect(await loadStudy(dir, { cacheDir })).toEqual(result);
  });

  it("a reference error in an unchanged file still gets its position", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    // Remove the topic that the unchanged interviews.yaml refers to.
    const topics = path.join(dir, "topics.yaml");
    writeFileSync(topics, readFileSync(topics, "utf8").replace(/  - id: witte-plek\n(    .*\n)+/, ""));
    const result = await loadStudy(dir, { cacheDir });
    const finding = result.findings.find((f) => f.code === "unknown-ref" && f.file === "interviews.yaml");
    expect(finding?.position).toBeDefined();
  });

  it("a changed rules file (named in study.yaml) is noticed", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    const first = (await loadStudy(dir, { cacheDir })).study!;
    const rules = path.join(dir, first.study.rules);
    const text = readFileSync(rules, "utf8");
    const edited = text.replace(/^general_scope_factor: [0-9.]+$/m, "general_scope_factor: 0.4");
    expect(edited).not.toBe(text);
    writeFileSync(rules, edited);
    const second = (await loadStudy(dir, { cacheDir })).study!;
    expect(second.rules).toEqual((await loadStudy(dir)).study!.rules);
    expect(second.rules).not.toEqual(first.rules);
  });

  it("a file beside the data that the folder read notices (an unknown file) changes the findings", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    writeFileSync(path.join(dir, "topic.yaml"), "x: 1\n");
    const result = await loadStudy(dir, { cacheDir });
    expect(result.findings.some((f) => f.code === "unknown-file" && f.file === "topic.yaml")).toBe(true);
    expect(result).toEqual(await loadStudy(dir));
  });

  it("a file or folder the loader does not read, added and removed, changes the key and the findings", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    const plan = "region: Regio Noord\nplan: { title: Fictief }\nassessed_by: Test\nassessed_on: 2024-01-01\nfindings: {}\n";
    const clean = await loadStudy(dir, { cacheDir });
    const cleanKey = readStored(snapshotFile(cacheDir)).key;
    const keys = new Set([cleanKey]);
    /** Loads through the snapshot: the result is the careful one, under a key not seen before. */
    const loadChanged = async (): Promise<LoadResult> => {
      const result = await loadStudy(dir, { cacheDir });
      expect(result).toEqual(await loadStudy(dir));
      const key = readStored(snapshotFile(cacheDir)).key;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      return result;
    };
    const unread = (result: LoadResult): string[] => result.findings.filter((f) => f.code === "unknown-file").map((f) => f.file);

    writeFileSync(path.join(dir, "regions", "noord.YAML"), plan);
    expect(unread(await loadChanged())).toEqual(["regions/noord.YAML"]);
    mkdirSync(path.join(dir, "regions", "2024"));
    writeFileSync(path.join(dir, "regions", "2024", "zuid.yaml"), plan);
    expect(unread(await loadChanged())).toEqual(["regions/2024", "regions/noord.YAML"]);
    // Another plan in the folder changes what its finding names.
    writeFileSync(path.join(dir, "regions", "2024", "west.yaml"), plan);
    const two = await loadChanged();
    expect(two.findings.find((f) => f.file === "regions/2024")?.params).toMatchObject({ yamlFiles: ["west.yaml", "zuid.yaml"] });

    // Removed again: the first key, and the first result.
    rmSync(path.join(dir, "regions", "noord.YAML"));
    rmSync(path.join(dir, "regions", "2024"), { recursive: true });
    expect(await loadStudy(dir, { cacheDir })).toEqual(clean);
    expect(readStored(snapshotFile(cacheDir)).key).toBe(cleanKey);
  });

  it("the quote check's source texts and --sources folders are part of the key", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture(SHIPPED_DATA);
    const sources = path.join(dir, "sources");
    const verify = { verifyQuotes: { sourceDirs: [] as string[] } };
    const first = await loadStudy(dir, { cacheDir, ...verify });
    expect(first.findings.filter((f) => f.code === "quote-not-in-source")).toEqual([]);
    expect(readStored(snapshotFile(cacheDir)).sourcePaths.length).toBeGreaterThan(0);
    // Blank out a source text: its quotes are no longer found.
    const [text] = readdirSync(sources).filter((n) => n.endsWith(".md") && n !== "README.md");
    const original = readFileSync(path.join(sources, text!), "utf8");
    writeFileSync(path.join(sources, text!), original.replace(/^(## Page \d+.*\n)[^#]+/gm, "$1niets\n\n"));
    const changed = await loadStudy(dir, { cacheDir, ...verify });
    expect(changed.findings.some((f) => f.code === "quote-not-in-source")).toBe(true);
    expect(changed).toEqual(await loadStudy(dir, verify));
    // Other --sources folders: another snapshot, another key.
    const other = tempDir();
    const withOther = await loadStudy(dir, { cacheDir, verifyQuotes: { sourceDirs: [other] } });
    expect(withOther).toEqual(await loadStudy(dir, { verifyQuotes: { sourceDirs: [other] } }));
    expect(readdirSync(cacheDir).filter((n) => n.endsWith(".snapshot"))).toHaveLength(2);
  });

  it("a corrupt or foreign snapshot file is ignored and rewritten", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    const file = snapshotFile(cacheDir);
    const good = readStored(file);
    writeFileSync(file, "{ not a snapshot");
    expect((await loadStudy(dir, { cacheDir })).study?.topics.length).toBe(5);
    expectRewritten(file, good);
    writeFileSync(file, JSON.stringify({ format: 1, salt: "other", entries: { "topics.yaml": { hash: "x", value: {} } } }));
    expect((await loadStudy(dir, { cacheDir })).study?.topics.length).toBe(5);
    expectRewritten(file, good);
  });

  it("the CLI uses DEKKING_CACHE_DIR, and --no-cache and off disable it", async () => {
    const cacheDir = tempDir();
    expect((await runInProcess(["matrix", "--format", "json"], { env: { DEKKING_CACHE_DIR: cacheDir } })).status).toBe(0);
    expect(readdirSync(cacheDir).filter((n) => n.endsWith(".snapshot"))).toHaveLength(1);
    const other = tempDir();
    await runInProcess(["matrix", "--no-cache"], { env: { DEKKING_CACHE_DIR: other } });
    await runInProcess(["matrix"], { env: { DEKKING_CACHE_DIR: "off", XDG_CACHE_HOME: other, HOME: other } });
    expect(readdirSync(other)).toEqual([]);
  });

  it("the tool version matches package.json (it is part of the key)", async () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version).toBe(TOOL_VERSION);
  });
});

describe("coverage in the study snapshot", () => {
  const view = evidenceViewKey({});
  async function withCoverage(): Promise<{ dir: string; cacheDir: string; file: string; stored: Stored; expected: Coverage }> {
    const cacheDir = tempDir();
    const dir = copyFixture();
    const { study } = await loadStudy(dir, { cacheDir });
    const expected = await coverageOf(study!, view, () => computeCoverage(study!));
    const file = snapshotFile(cacheDir);
    return { dir, cacheDir, file, stored: readStored(file), expected };
  }

  it("the first computation is stored, and the next run takes it instead of computing", async () => {
    const { dir, cacheDir, stored, expected } = await withCoverage();
    expect(stored.coverages.map(([v]) => v)).toEqual([view]);
    const { study } = await loadStudy(dir, { cacheDir });
    let computed = 0;
    const coverage = await coverageOf(study!, view, () => (computed++, computeCoverage(study!)));
    expect(computed).toBe(0);
    expect(coverage).toEqual(expected);
    // Another view is computed and added beside it.
    const other = evidenceViewKey({ evidence: "report" });
    await coverageOf(study!, other, () => (computed++, computeCoverage(study!)));
    expect(computed).toBe(1);
    expect(
      readStored(snapshotFile(cacheDir))
        .coverages.map(([v]) => v)
        .sort(),
    ).toEqual([view, other].sort());
  });

  it("a stored coverage that was edited is not used: the snapshot's digest fails and the careful path runs", async () => {
    const { dir, cacheDir, file, stored, expected } = await withCoverage();
    const coverage = deserialize(stored.coverages[0]![1]) as Coverage;
    coverage.topics = [];
    writeStored(file, { ...stored, coverages: [[view, serialize(coverage)]] });
    const { study } = await loadStudy(dir, { cacheDir });
    expect(await coverageOf(study!, view, () => computeCoverage(study!))).toEqual(expected);
  });

  it("a stored coverage of the wrong shape (with a matching digest) is computed again", async () => {
    const { dir, cacheDir, file, stored, expected } = await withCoverage();
    for (const wrong of [null, "x", { topics: "x" }, { study: {}, accords: [], topics: [], rules: {} }]) {
      const shaped = { ...stored, coverages: [[view, serialize(wrong)]] as [string, Uint8Array][] };
      writeStored(file, { ...shaped, digest: digestOf(shaped) });
      const { study } = await loadStudy(dir, { cacheDir });
      let computed = 0;
      expect(await coverageOf(study!, view, () => (computed++, computeCoverage(study!))), JSON.stringify(wrong)).toEqual(expected);
      expect(computed).toBe(1);
    }
  });
});

describe("study snapshot integrity (issue 24, kind 5)", () => {
  async function warm(): Promise<{ dir: string; cacheDir: string; file: string; stored: Stored }> {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    const file = snapshotFile(cacheDir);
    return { dir, cacheDir, file, stored: readStored(file) };
  }

  it("the snapshot carries a digest of its key and content", async () => {
    const { stored } = await warm();
    expect(stored.key).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.digest).toBe(digestOf(stored));
  });

  it("a snapshot of the wrong shape is ignored and rewritten, never an unexpected error", async () => {
    const { dir, cacheDir, file, stored } = await warm();
    const good = readFileSync(file);
    const shapes: unknown[] = [
      null,
      5,
      "x",
      [],
      {},
      { ...stored, format: 99 },
      { ...stored, key: 7 },
      { ...stored, digest: undefined },
      { ...stored, payload: "x" },
      { ...stored, sourcePaths: [5] },
      { ...stored, rulesFile: null },
    ];
    for (const broken of shapes) {
      writeStored(file, broken);
      const result = await loadStudy(dir, { cacheDir });
      expect(result.study?.topics.length, JSON.stringify(broken)).toBe(5);
      expectRewritten(file, stored, JSON.stringify(broken));
    }
    writeFileSync(file, good.subarray(0, good.length >> 1));
    expect((await loadStudy(dir, { cacheDir })).study?.topics.length).toBe(5);
    const cli = await runInProcess(["matrix", "--data", dir, "--format", "json"], { env: { DEKKING_CACHE_DIR: cacheDir } });
    expect(cli.status).toBe(0);
  });

  it("a snapshot whose content was edited is not used: the verdicts stay the files'", async () => {
    const { dir, cacheDir, file, stored } = await warm();
    const uncached = computeCoverage((await loadStudy(dir)).study!);
    // Make every action of alpha a measure in the snapshot only: it would cover more topics.
    const result = deserialize(stored.payload) as LoadResult;
    for (const action of result.study!.accords.find((a) => a.id === "alpha")!.actions) action.strength = "measure";
    expect(computeCoverage(result.study!).topics.map((t) => [t.id, t.verdict, t.national.score])).not.toEqual(
      uncached.topics.map((t) => [t.id, t.verdict, t.national.score]),
    );
    writeStored(file, { ...stored, payload: serialize(result) });
    const cached = computeCoverage((await loadStudy(dir, { cacheDir })).study!);
    expect(cached.topics.map((t) => [t.id, t.verdict, t.national.score])).toEqual(uncached.topics.map((t) => [t.id, t.verdict, t.national.score]));
    expectRewritten(file, stored);
  });

  it("a snapshot for another key is not used, even with a correct digest", async () => {
    const { dir, cacheDir, file, stored } = await warm();
    const result = deserialize(stored.payload) as LoadResult;
    result.study!.study.title = "Andere invoer";
    const payload = serialize(result);
    const forged = { ...stored, key: "0".repeat(64), payload };
    writeStored(file, { ...forged, digest: digestOf(forged) });
    expect((await loadStudy(dir, { cacheDir })).study?.study.title).not.toBe("Andere invoer");
    expectRewritten(file, stored);
  });

  it("a snapshot with a matching digest but content of the wrong shape runs the careful path", async () => {
    const { dir, cacheDir, file, stored } = await warm();
    const careful = await loadStudy(dir);
    for (const content of [
      { study: { topics: "x" }, findings: [], files: [] },
      { findings: [{ code: 5 }], files: [] },
      { study: undefined, findings: [], files: [7] },
      "x",
      null,
    ]) {
      const payload = serialize(content);
      const shaped = { ...stored, payload };
      writeStored(file, { ...shaped, digest: digestOf(shaped) });
      const result = await loadStudy(dir, { cacheDir });
      expect(result, JSON.stringify(content)).toEqual(careful);
      expectRewritten(file, stored);
    }
  });
});
