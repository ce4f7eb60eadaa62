// The region-plan workflow through the real bin: scaffold, validate, regions, diff.

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, MINIMAL, runInProcess, tempDir } from "./helpers.js";

describe("dekking region add / regions / diff", () => {
  it("scaffolds a plan that validates, refuses to overwrite it, and keeps a backup with --force", async () => {
    const dir = copyFixture();
    const created = await runInProcess(["region", "add", "Regio Noord", "--data", dir, "--plan-title", "Fictief plan", "--year", "2024"]);
    expect(created.status).toBe(0);
    const file = path.join(dir, "regions", "regio-noord.yaml");
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("# yaml-language-server: $schema=../../schemas/region-plan.schema.json\n")).toBe(true);
    // every indicator of the fixture, with its label comment
    for (const id of ["gedekt-thema", "beleid-kort", "witte-plek", "zonder-vraag"]) expect(text).toContain(`  ${id}:\n    status: unknown`);
    expect(text).toContain("# ? Is het gedekt?");
    const validated = await runInProcess(["validate", "--data", dir]);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toContain("Regio Noord: 0 of 4 indicators assessed (0%)");
    expect(validated.stdout).toContain('assessed_by is still "nog invullen"');

    writeFileSync(file, text + "# my notes\n");
    const again = await runInProcess(["region", "add", "Regio Noord", "--data", dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already exists");
    expect(readFileSync(file, "utf8")).toBe(text + "# my notes\n");

    const forced = await runInProcess(["region", "add", "Regio Noord", "--data", dir, "--force"]);
    expect(forced.status).toBe(0);
    const backup = /kept the previous file as (\S+)/.exec(forced.stdout)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(path.resolve(backup!), "utf8")).toBe(text + "# my notes\n");
  });

  it("never writes outside data/regions for hostile names", async () => {
    const dir = copyFixture();
    for (const name of ["../../escape", "a/../../b", "..", "\u0001bad"]) {
      const result = await runInProcess(["region", "add", name, "--data", dir]);
      if (result.status === 0) expect(result.stdout).toMatch(/regions[/\\][a-z0-9-]+\.yaml/);
      else expect(result.status).toBe(2);
    }
    expect(existsSync(path.join(dir, "..", "escape.yaml"))).toBe(false);
    expect(existsSync(path.join(dir, "escape.yaml"))).toBe(false);
  });

  it("shows the regions matrix and the diff a filled-in plan makes", async () => {
    const dir = copyFixture();
    const before = tempDir();
    cpSync(dir, before, { recursive: true });
    await runInProcess(["region", "add", "Regio Zuid", "--data", dir, "--assessed-by", "Test (fictief)"]);
    const file = path.join(dir, "regions", "regio-zuid.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  witte-plek:\n    status: unknown", "  witte-plek:\n    status: concrete"));
    const regions = await runInProcess(["regions", "--data", dir]);
    expect(regions.status).toBe(0);
    expect(regions.stdout).toContain("Witte plek");
    const diff = await runInProcess(["diff", before, dir, "--format", "json"]);
    expect(diff.status).toBe(0);
    const json = JSON.parse(diff.stdout);
    const changed = JSON.stringify(json);
    expect(changed).toContain("witte-plek");
    // (0.15 for Regio Noord at the sample share + 1.0 for Regio Zuid) / 2
    expect(changed).toContain("0.575");
    expect(changed).not.toContain("gedekt-thema");
  });

  it("diff --base reads the data at a git ref; --fail-on-new white-spot exits 1", async () => {
    const repo = tempDir();
    cpSync(MINIMAL, path.join(repo, "data"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", repo, "-c", "user.email=t@example.org", "-c", "user.name=Test", ...args], { encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "fictional base");
    const alpha = path.join(repo, "data", "accords", "alpha.yaml");
    // Remove the only action on gedekt-thema's strongest accord: covered → no longer covered.
    writeFileSync(alpha, readFileSync(alpha, "utf8").replace("topics: [gedekt-thema]\n    strength: measure", "topics: []\n    strength: measure"));
    const diff = await runInProcess(["diff", "--base", "HEAD", "--data", path.join(repo, "data")]);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain("gedekt-thema");
    const outside = await runInProcess(["diff", "--base", "HEAD", "--data", copyFixture()], { cwd: tempDir() });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("is not in a git repository");
    // beleid-kort: national 0.30; its regional share drops from most (0.75) to none → a new white spot.
    const sample = path.join(repo, "data", "regions", "sample.yaml");
    writeFileSync(
      sample,
      readFileSync(sample, "utf8").replace(
        "beleid-kort: { prevalence: most, quote: In de meeste plannen.",
        "beleid-kort: { prevalence: none, quote: In geen plan.",
      ),
    );
    const failing = await runInProcess(["diff", "--base", "HEAD", "--data", path.join(repo, "data"), "--fail-on-new", "white-spot"]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("new white spot(s): beleid-kort");
    const noRef = await runInProcess(["diff", "--base", "does-not-exist", "--data", path.join(repo, "data")]);
    expect(noRef.status).toBe(2);
    expect(noRef.stderr).toContain("does-not-exist");
  });
});
