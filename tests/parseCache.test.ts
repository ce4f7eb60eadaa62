// The parse cache gives the same results as parsing, notices every change, and is never
// trusted blindly.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { loadStudy } from "../src/loadStudy.js";
import { TOOL_VERSION } from "../src/version.js";
import { copyFixture, ROOT, runBin, SHIPPED_DATA, tempDir } from "./helpers.js";

describe("parse cache", () => {
  it("a cached run gives the same study and findings as an uncached one", async () => {
    const cacheDir = tempDir();
    const uncached = await loadStudy(SHIPPED_DATA);
    const first = await loadStudy(SHIPPED_DATA, { cacheDir });
    expect(readdirSync(cacheDir).length).toBe(1);
    const second = await loadStudy(SHIPPED_DATA, { cacheDir });
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
  });

  it("a changed file is parsed again, and a new error is reported at its position", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    expect((await loadStudy(dir, { cacheDir })).study).toBeDefined();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("category: cultuur", "category: cultur"));
    const result = await loadStudy(dir, { cacheDir });
    expect(result.study).toBeUndefined();
    expect(result.findings.find((f) => f.code === "bad-value")?.file).toBe("topics.yaml");
  });

  it("a reference error in an unchanged, cached file still gets its position", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    // Remove the topic that the cached interviews.yaml refers to.
    const topics = path.join(dir, "topics.yaml");
    writeFileSync(topics, readFileSync(topics, "utf8").replace(/  - id: witte-plek\n(    .*\n)+/, ""));
    const result = await loadStudy(dir, { cacheDir });
    const finding = result.findings.find((f) => f.code === "unknown-ref" && f.file === "interviews.yaml");
    expect(finding?.position).toBeDefined();
  });

  it("a corrupt or foreign cache file is ignored", async () => {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name!), "{ not json");
    expect((await loadStudy(dir, { cacheDir })).study).toBeDefined();
    writeFileSync(path.join(cacheDir, name!), JSON.stringify({ format: 1, salt: "other", entries: { "topics.yaml": { hash: "x", value: {} } } }));
    expect((await loadStudy(dir, { cacheDir })).study?.topics.length).toBe(5);
  });

  it("the CLI uses DEKKING_CACHE_DIR, and --no-cache and off disable it", () => {
    const cacheDir = tempDir();
    expect(runBin(["matrix", "--format", "json"], { env: { DEKKING_CACHE_DIR: cacheDir } }).status).toBe(0);
    expect(readdirSync(cacheDir).length).toBe(1);
    const other = tempDir();
    runBin(["matrix", "--no-cache"], { env: { DEKKING_CACHE_DIR: other } });
    expect(readdirSync(other)).toEqual([]);
  });

  it("the tool version matches package.json (it salts the cache)", () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version).toBe(TOOL_VERSION);
  });
});

describe("parse cache integrity (issue 24, kind 5)", () => {
  /** A data folder, a warm cache for it, and the cache file's parsed content. */
  async function warm(): Promise<{ dir: string; cacheDir: string; file: string; cache: { format: number; salt: string; entries: Record<string, { hash: string; digest: string; value: unknown }> } }> {
    const cacheDir = tempDir();
    const dir = copyFixture();
    await loadStudy(dir, { cacheDir });
    const [name] = readdirSync(cacheDir).filter((n) => n.endsWith(".json"));
    const file = path.join(cacheDir, name!);
    return { dir, cacheDir, file, cache: JSON.parse(readFileSync(file, "utf8")) };
  }
  const digestOf = (salt: string, file: string, hash: string, value: unknown): string =>
    createHash("sha256").update(`${salt}\u0000${file}\u0000${hash}\u0000`).update(JSON.stringify(value)).digest("hex");

  it("every entry carries a digest of what it holds", async () => {
    const { cache } = await warm();
    const entries = Object.entries(cache.entries);
    expect(entries.length).toBeGreaterThan(5);
    for (const [file, entry] of entries) expect(entry.digest).toBe(digestOf(cache.salt, file, entry.hash, entry.value));
  });

  it("entries of the wrong shape are ignored and rewritten, never an unexpected error", async () => {
    const { dir, cacheDir, file, cache } = await warm();
    const hash = cache.entries["topics.yaml"]!.hash;
    for (const broken of [null, 5, "x", [], {}, { hash }, { hash, value: 5 }, { hash, digest: 7, value: { topics: [] } }, { hash, digest: "0".repeat(64), value: { topics: "x" } }]) {
      writeFileSync(file, JSON.stringify({ ...cache, entries: { ...cache.entries, "topics.yaml": broken } }));
      const result = await loadStudy(dir, { cacheDir });
      expect(result.study?.topics.length, JSON.stringify(broken)).toBe(5);
      const rewritten = JSON.parse(readFileSync(file, "utf8")).entries["topics.yaml"];
      expect(rewritten, JSON.stringify(broken)).toEqual(cache.entries["topics.yaml"]);
    }
    const cli = runBin(["matrix", "--data", dir, "--format", "json"], { env: { DEKKING_CACHE_DIR: cacheDir } });
    expect(cli.status).toBe(0);
  });

  it("an entry whose content was edited is not used: the verdict stays the file's", async () => {
    const { dir, cacheDir, file, cache } = await warm();
    const uncached = computeCoverage((await loadStudy(dir)).study!);
    // Make every action of alpha a measure in the cache only: it would cover more topics.
    const alpha = structuredClone(cache.entries["accords/alpha.yaml"]!);
    for (const action of (alpha.value as { actions: { strength: string }[] }).actions) action.strength = "measure";
    // The edit would matter: with it, some verdict or score changes.
    const edited = (await loadStudy(dir)).study!;
    for (const action of edited.accords.find((a) => a.id === "alpha")!.actions) action.strength = "measure";
    expect(computeCoverage(edited).topics.map((t) => [t.id, t.verdict, t.national.score])).not.toEqual(uncached.topics.map((t) => [t.id, t.verdict, t.national.score]));
    writeFileSync(file, JSON.stringify({ ...cache, entries: { ...cache.entries, "accords/alpha.yaml": alpha } }));
    const cached = computeCoverage((await loadStudy(dir, { cacheDir })).study!);
    expect(cached.topics.map((t) => [t.id, t.verdict, t.national.score])).toEqual(uncached.topics.map((t) => [t.id, t.verdict, t.national.score]));
    expect(JSON.parse(readFileSync(file, "utf8")).entries["accords/alpha.yaml"]).toEqual(cache.entries["accords/alpha.yaml"]);
  });

  it("an entry with a matching digest but a value of the wrong shape is checked against the schema and parsed again", async () => {
    const { dir, cacheDir, file, cache } = await warm();
    const hash = cache.entries["topics.yaml"]!.hash;
    const value = { topics: [{ id: 5 }] };
    writeFileSync(file, JSON.stringify({ ...cache, entries: { ...cache.entries, "topics.yaml": { hash, digest: digestOf(cache.salt, "topics.yaml", hash, value), value } } }));
    const result = await loadStudy(dir, { cacheDir });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.study?.topics.length).toBe(5);
  });
});
