// Issue 14, "every hostile input gets a clear answer": the cases that are not one YAML file
// (folders, links, names, streams, widths, git, the escape steps themselves), each with its
// exact code, position, output or exit status.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, openSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { loadStudy } from "../src/loadStudy.js";
import { csvCell } from "../src/render/escape/csv.js";
import { jsonOutput } from "../src/render/escape/json.js";
import { markdownText } from "../src/render/escape/markdown.js";
import { pdfText } from "../src/render/escape/pdf.js";
import { terminalLine, terminalText } from "../src/render/escape/terminal.js";
import { slugFor } from "../src/region/scaffoldRegionPlan.js";
import { truncate, visibleWidth } from "../src/render/textColumns.js";
import { BIN, copyFixture, MINIMAL, runInProcess, tempDir } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const at = (f: Finding | undefined): string => (f?.position ? `${f.position.line + 1}:${f.position.col + 1}` : "-");
const widest = (text: string): number => Math.max(...text.split("\n").map(visibleWidth));

/** The minimal fixture with the topic id witte-plek renamed everywhere. */
function fixtureWithTopicId(id: string): string {
  const dir = copyFixture();
  for (const file of ["topics.yaml", "interviews.yaml", "reference.yaml", "regions/sample.yaml", "accords/alpha.yaml", "accords/beta.yaml"]) {
    const full = path.join(dir, file);
    writeFileSync(full, readFileSync(full, "utf8").replaceAll("witte-plek", id));
  }
  return dir;
}

describe("kind 1: terminal escape step", () => {
  it("makes control, direction and zero-width characters visible and keeps newline and tab", async () => {
    expect(terminalText("\u001b[2J\u001b[31mALLES GEDEKT\u001b[0m")).toBe("\\u001B[2J\\u001B[31mALLES GEDEKT\\u001B[0m");
    expect(terminalText("a\u0000b\rc\bd\u202ee\u200bf\ud800g\u009bh")).toBe("a\\u0000b\\u000Dc\\u0008d\\u202Ee\\u200Bf\\uD800g\\u009Bh");
    expect(terminalText("regel 1\n\tregel 2")).toBe("regel 1\n\tregel 2");
    expect(terminalLine("regel 1\n\tregel 2")).toBe("regel 1  regel 2");
    // A soft hyphen is a permitted break in the PDF; a terminal cell never breaks there.
    expect(terminalLine("Spoed\u00adzorg\u00adafspraken")).toBe("Spoedzorgafspraken");
    expect(terminalText("e\u0301")).toBe("\u00e9");
  });

  it("a file name with an escape sequence is escaped in the finding that names it", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "regions", "x\u001b[2J.yaml"), "region: [\n");
    const result = await runInProcess(["validate", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain("regions/x\\u001B[2J.yaml:2:1  error");
    expect(result.stdout + result.stderr).not.toContain("\u001b");
  });

  it("an argument echoed in a usage error is escaped", async () => {
    const result = await runInProcess(["explain", "\u001b[2Jweg", "--data", MINIMAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('dekking: unknown topic "\\u001B[2Jweg"\n  (dekking matrix --format json lists the topic ids)\n');
  });

  it("validate refuses the issue's example label with its position, exit 2, no stack trace", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("label: Witte plek", 'label: "\\u001b[2J\\u001b[31mALLES GEDEKT\\u001b[0m"'));
    const result = await runInProcess(["matrix", "--no-color", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "/topics.yaml:15:12  error  the text contains an escape character (ESC, used for terminal colour and cursor codes) (\\u001B) at character 1",
    );
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).not.toContain("    at ");
  });
});

describe("kind 2: CSV escape step", () => {
  it.each([
    ['=HYPERLINK("http://example.org","klik")', '"\'=HYPERLINK(""http://example.org"",""klik"")"'],
    ["+31 6", "'+31 6"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\n=1"'],
    ["  =1", "'  =1"],
    ["\uff1d1", "'\uff1d1"],
    ["Zorg; thuis", '"Zorg; thuis"'],
    ["gewoon", "gewoon"],
    ["a\u001bb", "a\uFFFDb"],
    // A soft hyphen is dropped, and cannot hide a formula in front of it.
    ["Mantel\u00adzorg", "Mantelzorg"],
    ["\u00ad=1+1", "'=1+1"],
  ])("%j becomes %j", (value, expected) => {
    expect(csvCell(value, ";")).toBe(expected);
  });

  it("regions --format csv --excel neutralises a region named as a formula", async () => {
    const dir = copyFixture();
    const study = path.join(dir, "study.yaml");
    writeFileSync(
      study,
      readFileSync(study, "utf8").replace("regions: [Regio Noord, Regio Zuid]", 'regions: [Regio Noord, "=HYPERLINK(""x"")"]'.replace('""x""', "'x'")),
    );
    const sample = path.join(dir, "regions", "sample.yaml");
    writeFileSync(sample, readFileSync(sample, "utf8").replace("regions: [Regio Noord, Regio Zuid]", "regions: [Regio Noord, \"=HYPERLINK('x')\"]"));
    writeFileSync(study, readFileSync(study, "utf8").replace(/regions: \[.*\]/, "regions: [Regio Noord, \"=HYPERLINK('x')\"]"));
    expect((await runInProcess(["region", "add", "=HYPERLINK('x')", "--data", dir])).status).toBe(0);
    const result = await runInProcess(["regions", "--format", "csv", "--excel", "--data", dir]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\r\n")[1]!.startsWith("'=HYPERLINK('x');")).toBe(true);
  });
});

describe("kind 3: Markdown escape step", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["</summary></details>", "&lt;/summary&gt;&lt;/details&gt;"],
    ["[klik](http://example.org)", "\\[klik\\](http\\://example.org)"],
    ["a | b", "a \\| b"],
    ["`code` *nadruk* _ook_", "\\`code\\` \\*nadruk\\* \\_ook\\_"],
    ["www.example.org", "www\\.example.org"],
    ["mail@example.org", "mail\\@example.org"],
    ["# kop", "\\# kop"],
    ["regel\nregel", "regel regel"],
    ["a\\b", "a\\\\b"],
  ])("%j becomes %j", (value, expected) => {
    expect(markdownText(value)).toBe(expected);
  });

  it("report writes a hostile label as text in coverage.md", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("label: Witte plek", 'label: "<script>x</script> </summary></details> [klik](http://example.org) | kolom"'),
    );
    const out = tempDir();
    expect((await runInProcess(["report", "--data", dir, "--out", out])).status).toBe(0);
    const md = readFileSync(path.join(out, "coverage.md"), "utf8");
    expect(md).toContain("&lt;script&gt;x&lt;/script&gt; &lt;/summary&gt;&lt;/details&gt; \\[klik\\](http\\://example.org) \\| kolom");
    expect(md).not.toContain("<script>");
  });
});

describe("PDF and JSON escape steps", () => {
  it("pdfText drops controls and invisible characters, keeps newlines, replaces lone surrogates", async () => {
    expect(pdfText("a\u0000b\tc\u202ed\u200be\ud800f\ng")).toBe("ab cde\uFFFDf\ng");
  });
  it("jsonOutput writes C1, direction and zero-width characters as escapes, same value", async () => {
    const output = jsonOutput({ label: "a\u202eb\u0085c\u200bd\u001be" });
    expect(output).toBe('{\n  "label": "a\\u202Eb\\u0085c\\u200Bd\\u001be"\n}\n');
    expect(JSON.parse(output).label).toBe("a\u202eb\u0085c\u200bd\u001be");
  });
});

describe("kind 4: one width measure", () => {
  it("counts a combining accent and a wide character as a terminal shows them", async () => {
    expect(visibleWidth("e\u0301")).toBe(1);
    expect(visibleWidth("漢字")).toBe(4);
    expect(visibleWidth("● ◐ ◔ ○")).toBe(7);
    expect(truncate("漢字漢字漢字", 5)).toBe("漢字…");
    expect(truncate("Ce\u0301le\u0301ste", 4)).toBe("Cél…");
  });

  it.each([
    ["0", 120],
    ["2", 40],
    ["60", 60],
    ["99999999999", 400],
    ["abc", 120],
  ])("COLUMNS=%s: the matrix ends, exit 0, no line wider than %i", async (columns, limit) => {
    const result = await runInProcess(["matrix", "--data", MINIMAL], { env: { COLUMNS: columns } });
    expect(result.status).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(limit);
    expect(result.stdout).toContain("5 onderwerpen");
  });

  it("explain wraps at 60 columns", async () => {
    const result = await runInProcess(["explain", "witte-plek", "--data", MINIMAL], { env: { COLUMNS: "60" } });
    expect(result.status).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(60);
  });

  it("an NFD label takes the same row width as its NFC form", async () => {
    const nfd = copyFixture();
    const nfc = copyFixture();
    for (const [dir, label] of [
      [nfd, "Cafe\u0301 thuis"],
      [nfc, "Caf\u00e9 thuis"],
    ] as const) {
      const file = path.join(dir, "topics.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("label: Witte plek", `label: ${label}`));
    }
    const a = (await runInProcess(["matrix", "--data", nfd])).stdout;
    const b = (await runInProcess(["matrix", "--data", nfc])).stdout;
    expect(a).toBe(b);
  });
});

describe("kind 5: output streams", () => {
  const env = { PATH: process.env.PATH ?? "", NO_COLOR: "1", DEKKING_CACHE_DIR: "off" };

  it("a reader that goes away after one byte (| head -c1) ends quietly, exit 0", async () => {
    const child = spawn(process.execPath, [BIN, "matrix", "--format", "json", "--data", MINIMAL], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });

  it.skipIf(!existsSync("/dev/full"))("a full disk (> /dev/full) is a one-line error, exit 2", async () => {
    const full = openSync("/dev/full", "w");
    const result = spawnSync(process.execPath, [BIN, "matrix", "--data", MINIMAL], { env, stdio: ["ignore", full, "pipe"], encoding: "utf8" });
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "dekking: cannot write the output: no space left on the device (ENOSPC)\n  (free space or write the output elsewhere, e.g. > another-folder/file)\n",
    );
  });
});

describe("kind 6: ids that are JavaScript's own names", () => {
  it("a topic called constructor gets its numbers in matrix, explain, report and CSV", async () => {
    const dir = fixtureWithTopicId("constructor");
    const matrix = await runInProcess(["matrix", "--data", dir]);
    expect(matrix.status).toBe(0);
    expect(matrix.stdout).not.toContain("NaN");
    expect(matrix.stdout).toMatch(/Witte plek .*~0\.15/);
    const explain = await runInProcess(["explain", "constructor", "--data", dir]);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain("Steekproef (2 regioplannen): weinig plannen → 0.15");
    expect((await runInProcess(["report", "--data", dir, "--out", tempDir()])).status).toBe(0);
    const csv = (await runInProcess(["matrix", "--format", "csv", "--data", dir])).stdout;
    expect(csv).toContain("constructor,Witte plek,wijken,true,0,0,0,0,0.15,true,2,ouderen professionals,0.75,witte-vlek,beide,possible-white-spot,true,");
  });

  it.each(["__proto__", "toString", "hasOwnProperty", "constructor"])("a region named %s loads and is listed", async (name) => {
    const dir = copyFixture();
    expect((await runInProcess(["region", "add", name, "--data", dir])).status).toBe(0);
    const regions = await runInProcess(["regions", "--format", "json", "--data", dir]);
    expect(regions.status).toBe(0);
    expect(JSON.parse(regions.stdout).regions.map((p: { region: string }) => p.region)).toEqual([name]);
  });
});

describe("kind 8: linked folders", () => {
  it("regions/ linked outside the data folder is refused, its plans are not read", async () => {
    const dir = copyFixture();
    const outside = tempDir();
    cpSync(path.join(dir, "regions"), outside, { recursive: true });
    rmSync(path.join(dir, "regions"), { recursive: true });
    symlinkSync(outside, path.join(dir, "regions"));
    const result = await loadStudy(dir);
    const finding = result.findings.find((f) => f.file === "regions");
    expect(finding?.code).toBe("outside-data-folder");
    expect(result.files.some((f) => f.startsWith("regions/"))).toBe(false);
  });

  it("accords/ linked outside is refused", async () => {
    const dir = copyFixture();
    const outside = tempDir();
    cpSync(path.join(dir, "accords"), outside, { recursive: true });
    rmSync(path.join(dir, "accords"), { recursive: true });
    symlinkSync(outside, path.join(dir, "accords"));
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "accords")?.code).toBe("outside-data-folder");
    expect(result.study).toBeUndefined();
  });

  it("a link that stays inside the data folder is fine", async () => {
    const dir = copyFixture();
    cpSync(path.join(dir, "regions"), path.join(dir, "regions-real"), { recursive: true });
    rmSync(path.join(dir, "regions"), { recursive: true });
    symlinkSync(path.join(dir, "regions-real"), path.join(dir, "regions"));
    const result = await loadStudy(dir);
    expect(result.study).toBeDefined();
  });

  it("region add never writes through a linked regions folder", async () => {
    const dir = copyFixture();
    const outside = tempDir();
    rmSync(path.join(dir, "regions"), { recursive: true });
    symlinkSync(outside, path.join(dir, "regions"));
    const result = await runInProcess(["region", "add", "Regio Noord", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("regions  error  is a link to");
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("kind 14: what editors leave behind", () => {
  it.each([
    ["regions/.#sample.yaml", "an Emacs lock file"],
    ["regions/#plan.yaml#", "an Emacs auto-save file"],
    ["regions/plan.yaml~", "an editor's backup copy"],
    ["regions/.plan.yaml.swp", "a Vim swap file"],
    ["accords/._alpha.yaml", "a macOS resource-fork file"],
    [".#topics.yaml", "an Emacs lock file"],
    ["accords/alpha.yaml.orig", "a backup or leftover copy"],
  ])("%s is ignored with an info finding, the study loads", async (file, what) => {
    const dir = copyFixture();
    const full = path.join(dir, file);
    if (file.includes(".#"))
      symlinkSync("user@host.12345:1700000000", full); // Emacs: a dangling link
    else writeFileSync(full, "not: [valid\n");
    const result = await loadStudy(dir);
    expect(result.study).toBeDefined();
    const finding = result.findings.find((f) => f.file === file);
    expect(finding?.code).toBe("ignored-file");
    expect(finding?.severity).toBe("info");
    expect(finding && formatFinding(finding).message).toBe(`is ${what}, not a data file, so it is ignored`);
    expect((await runInProcess(["matrix", "--data", dir])).status).toBe(0);
  });
});

describe("kind 15: names for region add", () => {
  it.each([
    ["CON", "con-regio"],
    ["nul", "nul-regio"],
    ["Com1", "com1-regio"],
    ["LPT9", "lpt9-regio"],
    ["ЗЕЕЛАНД", "zeeland"],
    ["Αθήνα", "athina"],
    ["Zuid-Limburg", "zuid-limburg"],
  ])("%s gives regions/%s.yaml", (name, slug) => {
    expect(slugFor(name).slug).toBe(slug);
  });

  it("a name in a script without transliteration gets a stable hash slug, explained", async () => {
    const slug = slugFor("北京");
    expect(slug.slug).toMatch(/^regio-[0-9a-f]{8}$/);
    expect(slugFor("北京").slug).toBe(slug.slug);
    expect(slug.note).toContain(`regions/${slug.slug}.yaml`);
  });

  it("region add CON tells why the file is named con-regio.yaml and the plan validates", async () => {
    const dir = copyFixture();
    const result = await runInProcess(["region", "add", "CON", "--data", dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('dekking: "con" is a reserved file name on Windows, so the file is named regions/con-regio.yaml');
    expect(existsSync(path.join(dir, "regions", "con-regio.yaml"))).toBe(true);
    expect((await runInProcess(["validate", "--data", dir])).status).toBe(0);
  });

  it("a name without letters or digits is refused and nothing is written", async () => {
    const dir = copyFixture();
    const result = await runInProcess(["region", "add", "!!!", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the region name "!!!" has no letters or digits');
    expect(readdirSync(path.join(dir, "regions"))).toEqual(["sample.yaml"]);
  });
});

describe("kind 10: pathological YAML, fast and within memory", () => {
  it("a flow list of 200,000 items: the list limit, a few findings, no stack overflow", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "topics.yaml"), `topics: [${Array(200_000).fill("a").join(", ")}]\n`);
    const started = Date.now();
    const result = await loadStudy(dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    const findings = result.findings.filter((f) => f.file === "topics.yaml");
    expect(findings[0]).toMatchObject({ code: "too-many-items", params: { limit: 5000 } });
    expect(formatFinding(findings[0]!).message).toBe("has too many items (at most 5000)");
    expect(at(findings[0])).toBe("1:9");
    expect(findings.length).toBeLessThanOrEqual(51);
  }, 30_000);

  it("flow nesting 20,000 deep and 100,000 unclosed brackets: one finding each, at once", async () => {
    for (const text of [`topics: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`, `topics: ${"[".repeat(100_000)}\n`]) {
      const dir = copyFixture();
      writeFileSync(path.join(dir, "topics.yaml"), text);
      const started = Date.now();
      const result = await loadStudy(dir);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.findings.filter((f) => f.file === "topics.yaml").map((f) => `${f.code} ${at(f)}`)).toEqual(["nesting-limit 1:41"]);
    }
  });

  it("a thousand stray brackets give one finding, not fifty identical ones", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "topics.yaml"), `topics: []\n${"]".repeat(1000)}\n`);
    const result = await loadStudy(dir);
    const findings = result.findings.filter((f) => f.file === "topics.yaml");
    expect(findings.map((f) => `${f.code} ${at(f)}`)).toEqual(["yaml-syntax 2:1"]);
    expect(formatFinding(findings[0]!).message).toBe('Unexpected flow-seq-end token in YAML stream: "]" (and 999 more like it)');
  });
});

describe("kind 11: usage", () => {
  it("--no-color before the command is accepted", async () => {
    const result = await runInProcess(["--no-color", "matrix", "--data", MINIMAL]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("\u001b");
  });

  it("SOURCE_DATE_EPOCH beyond year 9999 is a usage error", async () => {
    const result = await runInProcess(["report", "--data", MINIMAL, "--out", tempDir()], { env: { SOURCE_DATE_EPOCH: "99999999999999999" } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'dekking: SOURCE_DATE_EPOCH must be whole seconds since 1970, got "99999999999999999"\n  (unset it, or set it to e.g. $(git log -1 --format=%ct))\n',
    );
  });
});

describe("kind 12: reports replaced all or none", () => {
  it("when coverage.md cannot be replaced (a folder), coverage.pdf is left as it was, exit 2", async () => {
    const out = tempDir();
    expect((await runInProcess(["report", "--data", MINIMAL, "--out", out])).status).toBe(0);
    const pdfBefore = readFileSync(path.join(out, "coverage.pdf"));
    const jsonBefore = readFileSync(path.join(out, "coverage.json"));
    rmSync(path.join(out, "coverage.md"));
    mkdirSync(path.join(out, "coverage.md"));
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("label: Witte plek", "label: Witte plek (gewijzigd)"));
    const result = await runInProcess(["report", "--data", dir, "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain("    at ");
    expect(readFileSync(path.join(out, "coverage.pdf")).equals(pdfBefore)).toBe(true);
    expect(readFileSync(path.join(out, "coverage.json")).equals(jsonBefore)).toBe(true);
    expect(statSync(path.join(out, "coverage.md")).isDirectory()).toBe(true);
  });
});

describe("kind 16: messages that mislead", () => {
  it("one topic is 'onderwerp', not 'onderwerpen'", async () => {
    const result = await runInProcess(["matrix", "--category", "cultuur", "--data", MINIMAL]);
    expect(result.stdout).toContain("1 onderwerp: 0 witte vlekken, 0 mogelijke witte vlekken, 1 gedekt, 0 geen signaal.");
  });

  it("a complex key is a finding and prints no Node warning", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "reference.yaml"), "conclusions:\n  ? [witte-plek]\n  : x\n");
    const result = await runInProcess(["validate", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("reference.yaml:2:5  error  uses a list, a map or an alias as a key");
    expect(result.stderr).not.toContain("Warning");
  });

  it("explain in Dutch names strengths and statuses in Dutch", async () => {
    const result = await runInProcess(["explain", "gedekt-thema", "--data", MINIMAL]);
    expect(result.stdout).toContain("1.00 · maatregel · specifiek voor ouderen — alpha-maatregel");
    expect(result.stdout).not.toMatch(/ measure | agreement | mention /);
  });
});

function hasGit(): boolean {
  return spawnSync("git", ["--version"]).status === 0;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: repo, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
  });
}

function twoCommits(breakFirst = false): string {
  const repo = tempDir("dekking-git-");
  git(repo, "init", "-q");
  cpSync(MINIMAL, path.join(repo, "data"), { recursive: true });
  const topics = path.join(repo, "data", "topics.yaml");
  const good = readFileSync(topics, "utf8");
  if (breakFirst) writeFileSync(topics, good.replace("category: wonen", "category: wonne"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "eerste");
  writeFileSync(topics, good.replace("label: Witte plek", "label: Witte plek 2"));
  git(repo, "commit", "-q", "-am", "tweede");
  return repo;
}

describe.skipIf(!hasGit())("kind 13: git in CI", () => {
  const env = { HOME: "/nonexistent", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };

  it("a shallow clone says the history is shallow and how to fetch it", async () => {
    const repo = twoCommits();
    const clone = path.join(tempDir(), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, clone], { env: { PATH: process.env.PATH ?? "", ...env } });
    const result = await runInProcess(["diff", "--base", "HEAD~1", "--data", path.join(clone, "data")], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'dekking: the git ref "HEAD~1" is not in this clone: its history is shallow (only the latest commits were fetched, as CI checkouts do)\n  (fetch the history first: git fetch --depth=50 (or git fetch --unshallow for all of it); in GitHub Actions, set fetch-depth: 0 on actions/checkout)\n',
    );
  });

  it("invalid data at the base ref is shown as REF:data/file:line:col", async () => {
    const repo = twoCommits(true);
    const result = await runInProcess(["diff", "--base", "HEAD~1", "--data", path.join(repo, "data")], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("HEAD~1:data/topics.yaml:24:15  error");
    expect(result.stderr).not.toContain("dekking-diff-");
  });

  it("a repository owned by another user keeps git's safe.directory fix", async () => {
    if (process.getuid?.() !== 0) return; // only root can give the repository away here
    const repo = twoCommits();
    execFileSync("chown", ["-R", "12345:12345", repo]);
    const result = await runInProcess(["diff", "--base", "HEAD~1", "--data", path.join(repo, "data")], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('it belongs to another user ("dubious ownership")');
    expect(result.stderr).toContain(`git config --global --add safe.directory ${repo}`);
  });
});
