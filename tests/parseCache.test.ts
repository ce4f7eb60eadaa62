// The parse cache gives the same results as parsing, notices every change, and is never
// trusted blindly.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
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
