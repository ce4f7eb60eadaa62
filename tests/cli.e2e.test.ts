// End to end through the CLI (in-process, as the bin runs it) with NO_COLOR=1: stdout, stderr, exit status.

import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, MINIMAL, runInProcess, runOnUnchangedData, tempDir } from "./helpers.js";

describe("dekking validate", () => {
  it("passes on the shipped data from any working directory", async () => {
    const result = await runInProcess(["validate"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in \d+ files$/m);
    expect(result.stderr).toBe("");
  });

  it("points at a misspelt key with file:line:col, the expected keys and a suggestion; exit 2", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "accords", "alpha.yaml");
    const text = readFileSync(file, "utf8").replace("    strength: measure", "    strenght: measure");
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("strenght")) + 1;
    const result = await runInProcess(["validate", "--data", dir], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(
      `accords/alpha.yaml:${line}:5  error  unknown key "strenght"; expected one of: id, domain, text, action_line, topics, strength`,
    );
    expect(result.stdout).toContain('did you mean "strength"?');
    expect(result.stdout).toMatch(/^\d+ errors?, 0 warnings in 9 files$/m);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("answers in JSON with --format json", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "topics.yaml"), "topics: [\n");
    const result = await runInProcess(["validate", "--data", dir, "--format", "json"]);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ valid: false, errors: 1 });
    // The parser notices the missing "]" where the next line starts.
    expect(report.findings[0]).toMatchObject({ code: "yaml-syntax", file: expect.stringContaining("topics.yaml"), line: 2, col: 1 });
  });

  it("rejects an alias bomb in well under a second", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "topics.yaml"), readFileSync(path.join(MINIMAL, "..", "invalid", "alias-bomb.yaml")));
    const started = Date.now();
    const result = await runInProcess(["validate", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("[alias-limit]");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("exits 2 with a usage message for an unknown option, without a stack trace", async () => {
    const result = await runInProcess(["validate", "--formaat", "json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--formaat'");
    expect(result.stderr).not.toContain("    at ");
  });

  it("an argument commander refuses reaches the terminal escaped, said as the tool says its errors", async () => {
    for (const args of [["matrix", "--format", "\u001b[31mx"], ["\u001b]0;title\u0007cmd"]]) {
      const result = await runInProcess(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^dekking: /);
      expect(result.stderr).not.toMatch(/[\u001b\u0007]/);
      expect(result.stderr).toContain("\\u001B");
    }
  });
});

describe("dekking matrix", () => {
  it("prints the fixture matrix with legend and summary", async () => {
    const result = await runInProcess(["matrix", "--data", MINIMAL]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("— Ontwikkeling in wijken/kernen");
    expect(result.stdout).toMatch(/Witte plek\s+○ 0\.00 ○ 0\.00 ◔ ~0\.15 OP· +■ witte vlek/);
    expect(result.stdout).toContain("5 onderwerpen: 1 witte vlek, 2 mogelijke witte vlekken, 1 gedekt, 1 geen signaal.");
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("filters by category and verdict", async () => {
    const result = await runInProcess(["matrix", "--data", MINIMAL, "--verdict", "witte-vlek", "--format", "json"]);
    expect(JSON.parse(result.stdout).topics.map((t: { id: string }) => t.id)).toEqual(["witte-plek"]);
    const wrong = await runInProcess(["matrix", "--data", MINIMAL, "--category", "wijk"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('did you mean "wijken"?');
  });

  it("--fail-on white-spot exits 1 and names the topic; an accepted disposition exempts a topic", async () => {
    const white = await runInProcess(["matrix", "--data", MINIMAL, "--fail-on", "white-spot"]);
    expect(white.status).toBe(1);
    expect(white.stderr).toContain("1 topic(s) fail --fail-on white-spot: witte-plek");
    const possible = await runInProcess(["matrix", "--data", MINIMAL, "--fail-on", "possible-white-spot", "--format", "csv"]);
    expect(possible.status).toBe(1);
    // beleid-kort is a possible white spot with an accepted disposition: not listed.
    expect(possible.stderr).toContain("fail --fail-on possible-white-spot: witte-plek, onbekend-thema\n");
  });

  it("runs on the shipped study", async () => {
    const result = await runInProcess(["matrix", "--format", "json"]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.topics.length).toBeGreaterThanOrEqual(44);
    expect(json.study.id).toBe("zorg-en-ondersteuning-thuis-2024");
  });

  it("refuses invalid data with the findings on stderr and exit 2", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "rules.yaml"), "national_threshold: 2\n");
    const result = await runInProcess(["matrix", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("rules.yaml:1:1  error  missing key");
  });
});

describe("dekking explain", () => {
  it("shows demand, actions, regional findings, the rule and the report's conclusion", async () => {
    const result = await runInProcess(["explain", "witte-plek", "--data", MINIMAL]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Oordeel: ■ witte vlek — tekort: beide");
    expect(result.stdout).toContain("“Een verzonnen citaat.” — ouderen");
    expect(result.stdout).toContain("Steekproef (2 regioplannen): weinig plannen → 0.15");
    expect(result.stdout).toContain("witte vlek: landelijk 0.00 < 0.60 én regionaal 0.15 < 0.30");
    expect(result.stdout).toContain("Conclusie van het rapport: mogelijke witte vlek — eens");
  });

  it("suggests the closest topic for a typo, exit 2", async () => {
    const result = await runInProcess(["explain", "witteplek", "--data", MINIMAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown topic "witteplek"');
    expect(result.stderr).toContain('did you mean "witte-plek"?');
  });

  it("traces a shipped verdict to its sources, the report's and the accords' own texts with their pages", async () => {
    const result = await runOnUnchangedData(["explain", "spoedzorg"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("bron: eindverslag-2024, “Regionale professionele samenwerkingen”");
    expect(result.stdout).toMatch(/bron: iza-2022, “[^”]+”, p\. \d+/);
    expect(result.stdout).toContain("Screening van de bronteksten\n  iza-2022, gala-2023, azwa-2025 doorzocht");
  });

  it("with --evidence report shows only the report's actions, and lists what is out of period at --as-of", async () => {
    const report = await runOnUnchangedData(["explain", "eenzaamheid", "--evidence", "report"]);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain("bewijs: alleen het onderzoeksrapport");
    expect(report.stdout).toContain("Acties in de akkoorden — landelijk 0.00, breedte 0");
    expect(report.stdout).not.toContain("bron: gala-2023");
    const later = await runOnUnchangedData(["explain", "eenzaamheid", "--as-of", "2026-06-01"]);
    expect(later.stdout).toContain("Niet meegeteld op 2026-06-01:");
    expect(later.stdout).toContain("gala-spuk-eenzaamheid — verlopen, periode 2023-01-01 – 2025-12-31");
    const bad = await runOnUnchangedData(["explain", "eenzaamheid", "--as-of", "2024-02-30"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of needs a real date as YYYY-MM-DD, got "2024-02-30"');
  });
});

describe("a topic named on the command line", () => {
  it("is found by id or by its label in any case, the same in explain, timeline, sensitivity and screen; a near miss gets a suggestion", async () => {
    for (const command of ["explain", "timeline", "sensitivity", "screen"]) {
      const byLabel = await runInProcess([command, "WITTE PLEK", "--data", MINIMAL]);
      expect(byLabel.status, `${command}: ${byLabel.stderr}`).toBe(0);
      const misspelt = await runInProcess([command, "witte-plak", "--data", MINIMAL]);
      expect(misspelt.status).toBe(2);
      expect(misspelt.stderr).toContain('unknown topic "witte-plak"');
      expect(misspelt.stderr).toContain('did you mean "witte-plek"?');
    }
    // Part of a label names the one topic whose label holds it.
    const part = await runInProcess(["explain", "plek", "--data", MINIMAL]);
    expect(part.stderr).toContain('did you mean "witte-plek"?');
  });
});

describe("warnings about the data, in an analysing command", () => {
  it("one line on stderr counts them and names the command that lists them; the output is unchanged; none, no line", async () => {
    const dir = copyFixture();
    const clean = await runInProcess(["matrix", "--data", dir]);
    expect(clean.stderr).toBe("");
    // A region plan with an upper-case extension is not read: a warning, not an error.
    writeFileSync(path.join(dir, "regions", "noord.YAML"), "region: Noord\n");
    const warned = await runInProcess(["matrix", "--data", dir]);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/^dekking: 1 warning about the data \(dekking validate --data \S+ lists them\)\n$/);
    expect(warned.stdout).toBe(clean.stdout);
  });
});
