// `dekking diff --base <ref>`: the data folder as it was at a git ref, read from a
// temporary repository made here (never from the project's own repository).

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { diffCoverage } from "../src/analyse/diffCoverage.js";
import { UsageError } from "../src/errors.js";
import { exportDataAtRef, gitTopLevel } from "../src/load/gitData.js";
import { loadStudy } from "../src/loadStudy.js";
import { MINIMAL, tempDir } from "./helpers.js";

function hasGit(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** git with a fixed identity and no user or system configuration, so the test machine's settings do not matter. */
function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: repo, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
  });
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** A repository with the minimal fixture under data/, committed twice: the second commit links witte-plek from beta. */
function makeRepo(): { repo: string; firstCommit: string; betaBefore: string } {
  const repo = tempDir("dekking-git-");
  git(repo, "init", "-q");
  cpSync(MINIMAL, path.join(repo, "data"), { recursive: true });
  writeFileSync(path.join(repo, "README.md"), "Fictieve testrepository.\n");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "eerste versie");
  const firstCommit = git(repo, "rev-parse", "HEAD").trim();
  const beta = path.join(repo, "data", "accords", "beta.yaml");
  const betaBefore = readFileSync(beta, "utf8");
  writeFileSync(beta, betaBefore.replace("topics: [gedekt-thema]", "topics: [gedekt-thema, witte-plek]"));
  mkdirSync(path.join(repo, "other"));
  writeFileSync(path.join(repo, "other", "x.txt"), "niet in data\n");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "tweede versie");
  return { repo, firstCommit, betaBefore };
}

const gitAvailable = hasGit();

describe.skipIf(!gitAvailable)("exportDataAtRef", () => {
  let repo: string;
  let firstCommit: string;
  let betaBefore: string;
  beforeAll(() => {
    ({ repo, firstCommit, betaBefore } = makeRepo());
  });

  it("writes the data folder as it was at the ref, byte for byte", async () => {
    const target = path.join(tempDir(), "old");
    await exportDataAtRef(repo, "HEAD~1", "data", target);
    expect(listFiles(target)).toEqual(listFiles(MINIMAL));
    for (const file of listFiles(MINIMAL)) {
      expect(readFileSync(path.join(target, file)).equals(readFileSync(path.join(MINIMAL, file))), file).toBe(true);
    }
    expect(readFileSync(path.join(target, "accords", "beta.yaml"), "utf8")).toBe(betaBefore);
  });

  it("the exported folder loads, and diffing it with the work tree shows the change", async () => {
    const target = tempDir();
    await exportDataAtRef(repo, firstCommit, "data", target);
    const before = await loadStudy(target);
    const after = await loadStudy(path.join(repo, "data"));
    const diff = diffCoverage(computeCoverage(before.study!), computeCoverage(after.study!));
    expect(diff.changed.map((t) => [t.id, t.verdict])).toEqual([["witte-plek", { old: "witte-vlek", new: "mogelijke-witte-vlek" }]]);
  });

  it("takes the data folder as an absolute path, and from a folder inside the repository", async () => {
    const absolute = tempDir();
    await exportDataAtRef(repo, "HEAD~1", path.join(repo, "data"), absolute);
    expect(readFileSync(path.join(absolute, "accords", "beta.yaml"), "utf8")).toBe(betaBefore);
    const fromInside = tempDir();
    await exportDataAtRef(path.join(repo, "data", "accords"), "HEAD~1", "data", fromInside);
    expect(listFiles(fromInside)).toEqual(listFiles(MINIMAL));
  });

  it("does not touch the work tree or the index", async () => {
    writeFileSync(path.join(repo, "README.md"), "lokaal gewijzigd\n");
    const status = git(repo, "status", "--porcelain");
    await exportDataAtRef(repo, "HEAD~1", "data", tempDir());
    expect(git(repo, "status", "--porcelain")).toBe(status);
    expect(readFileSync(path.join(repo, "data", "accords", "beta.yaml"), "utf8")).not.toBe(betaBefore);
    git(repo, "checkout", "-q", "--", "README.md");
  });

  it("refuses a ref that does not exist", async () => {
    const error = await exportDataAtRef(repo, "no-such-branch", "data", tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/git ref "no-such-branch" does not exist/);
    expect((error as UsageError).hint).toBeDefined();
  });

  it("refuses a ref that git would read as an option", async () => {
    const target = tempDir();
    const error = await exportDataAtRef(repo, "--output=/tmp/x", "data", target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/is not a git ref/);
    expect(readdirSync(target)).toEqual([]);
  });

  it("refuses a path that did not exist at the ref", async () => {
    const error = await exportDataAtRef(repo, "HEAD~1", "other", tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("the data folder other/ did not exist at HEAD~1");
    // It exists at HEAD.
    const target = tempDir();
    await exportDataAtRef(repo, "HEAD", "other", target);
    expect(listFiles(target)).toEqual(["x.txt"]);
  });

  it("refuses a path that is a file at the ref, and a path outside the repository", async () => {
    await expect(exportDataAtRef(repo, "HEAD", "README.md", tempDir())).rejects.toThrow(/did not exist at HEAD/);
    await expect(exportDataAtRef(repo, "HEAD", "../elsewhere", tempDir())).rejects.toThrow(/outside the repository/);
  });

  it("refuses a symbolic link in the data folder at the ref", async () => {
    const linked = makeRepo().repo;
    symlinkSync("study.yaml", path.join(linked, "data", "link.yaml"));
    git(linked, "add", "-A");
    git(linked, "commit", "-q", "-m", "link");
    await expect(exportDataAtRef(linked, "HEAD", "data", tempDir())).rejects.toThrow(/data\/link\.yaml is a symbolic link at HEAD/);
  });
});

describe.skipIf(!gitAvailable)("outside a git repository", () => {
  const saved = process.env.GIT_CEILING_DIRECTORIES;
  afterEach(() => {
    if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
    else process.env.GIT_CEILING_DIRECTORIES = saved;
  });

  it("says so, with a hint to compare two folders", async () => {
    const dir = tempDir();
    // Stop git from finding a repository in a folder above the temporary one.
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
    const error = await exportDataAtRef(dir, "HEAD", "data", tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/is not in a git repository/);
    expect((error as UsageError).hint).toMatch(/dekking diff <old-data-dir> \[new-data-dir\]/);
    await expect(gitTopLevel(dir)).rejects.toThrow(UsageError);
  });

  it("says so for a folder that does not exist", async () => {
    const missing = path.join(tempDir(), "nope");
    await expect(exportDataAtRef(missing, "HEAD", "data", tempDir())).rejects.toThrow(/does not exist/);
    expect(existsSync(missing)).toBe(false);
  });
});
