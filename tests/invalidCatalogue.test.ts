// The broken-input catalogue: every case yields its finding code at its exact position, and
// nothing throws. A case with an error produces no study; a case with a warning (a file the
// loader does not read) produces the study without that file.

import { chmodSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { formatFinding } from "../src/messages/findings.js";
import { loadStudy } from "../src/loadStudy.js";
import { copyFixture, FIXTURES, runBin, tempDir } from "./helpers.js";
import { leakedValueIn } from "./outputChecks.js";

const CATALOGUE = path.join(FIXTURES, "invalid");

function at(finding: Finding): string {
  return finding.position ? `${finding.position.line + 1}:${finding.position.col + 1}` : "-";
}

async function loadWith(target: string, content: string | Uint8Array): Promise<Awaited<ReturnType<typeof loadStudy>>> {
  const dir = copyFixture();
  mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
  writeFileSync(path.join(dir, target), content);
  return loadStudy(dir);
}

const yamlCases = readdirSync(CATALOGUE)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

describe("broken-input catalogue (YAML cases)", () => {
  it("has at least 25 cases", () => {
    expect(yamlCases.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of yamlCases) {
    it(name, async () => {
      const text = readFileSync(path.join(CATALOGUE, name), "utf8");
      const target = /^# target: (\S+)$/m.exec(text)?.[1];
      // A position, or "-" for a finding about the file as a whole.
      const expectation = /^# expect: (\S+) (\d+:\d+|-)$/m.exec(text);
      // The finding names the target, or the folder it lies in (# file:).
      const named = /^# file: (\S+)$/m.exec(text)?.[1] ?? target;
      expect(target, "case needs a # target: line").toBeDefined();
      expect(expectation, "case needs a # expect: line").not.toBeNull();
      const [, code, position] = expectation!;
      const result = await loadWith(target!, text);
      const matching = result.findings.filter((f) => f.code === code && f.file === named);
      expect(matching.map(at), JSON.stringify(result.findings, null, 1)).toContain(position);
      if (matching.find((f) => at(f) === position)!.severity === "error") {
        expect(result.study).toBeUndefined();
      } else {
        expect(result.study, JSON.stringify(result.findings, null, 1)).toBeDefined();
        expect(result.files).not.toContain(target);
        expect(result.study!.regionPlans).toEqual([]);
      }
      for (const finding of result.findings) {
        const text = formatFinding(finding);
        expect(text.message.length).toBeGreaterThan(0);
        // "nothing (null)" names a YAML null the file holds; anything else would be a leaked value.
        expect(leakedValueIn(`${text.message} ${text.hint ?? ""}`.replace("nothing (null)", "")), finding.code).toBeUndefined();
        if (finding.severity === "error") expect(text.hint ?? "", `${finding.code} needs a hint`).not.toBe("");
        // Parameters are data a script can read: they survive JSON as they are (no NaN, no undefined).
        expect(JSON.parse(JSON.stringify(finding.params)), finding.code).toEqual(finding.params);
      }
    });
  }
});

describe("hints that fit the case", () => {
  it("a date's hint names what is wrong: the month, day 00, or the length of the month", async () => {
    const hintFor = async (date: string): Promise<string | undefined> => {
      const text = readFileSync(path.join(CATALOGUE, "date-day-00.yaml"), "utf8").replace(/\d{4}-\d{2}-00/, date);
      const finding = (await loadWith("accords/alpha.yaml", text)).findings.find((f) => f.code === "bad-date");
      return finding && formatFinding(finding).hint;
    };
    expect(await hintFor("2024-13-02")).toBe("the month is 13: write it as 01 to 12 (YYYY-MM-DD)");
    expect(await hintFor("2024-05-00")).toBe("the day is 00: days start at 01 (YYYY-MM-DD)");
    expect(await hintFor("2023-02-29")).toContain("February has 28 days, 29 in a leap year");
  });

  it("a label that is too long is to be shortened, not quoted", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("label: Gedekt thema", `label: ${"Lang ".repeat(40)}thema`));
    const finding = (await loadStudy(dir)).findings.find((f) => f.code === "too-long" && f.file === "topics.yaml");
    expect(finding?.params).toEqual({ limit: 120, quoteField: false });
    expect(formatFinding(finding!).message).toMatch(/is too long/);
    expect(formatFinding(finding!).hint).toBe("shorten it");
  });
});

describe("broken-input catalogue (bytes and folders)", () => {
  it("UTF-16 is rejected at 1:1", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("topics: []\n", "utf16le")]);
    const result = await loadWith("topics.yaml", utf16);
    expect(result.findings.find((f) => f.code === "encoding" && f.file === "topics.yaml")?.position).toEqual({ line: 0, col: 0 });
  });

  it("invalid UTF-8 (a Latin-1 é) is pointed at", async () => {
    const bytes = Buffer.concat([Buffer.from("topics:\n  - id: caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const result = await loadWith("topics.yaml", bytes);
    expect(result.findings.find((f) => f.code === "encoding")?.position).toEqual({ line: 1, col: 11 });
  });

  it("a UTF-8 byte-order mark is a warning and the data still loads", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    const result = await loadStudy(dir);
    expect(result.findings.map((f) => `${f.code}/${f.severity}`)).toContain("byte-order-mark/warning");
    expect(result.study).toBeDefined();
  });

  it("CRLF line ends load like LF", async () => {
    const dir = copyFixture();
    const file = path.join(dir, "topics.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    const result = await loadStudy(dir);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.study?.topics.length).toBe(5);
  });

  it("a NUL byte is an encoding error", async () => {
    const result = await loadWith("topics.yaml", Buffer.from("topics: []\n\u0000\n"));
    expect(result.findings.find((f) => f.code === "encoding")?.position).toEqual({ line: 1, col: 0 });
  });

  it("a file over 1 MiB is rejected without parsing, quickly", async () => {
    const started = Date.now();
    const result = await loadWith("interviews.yaml", "# " + "x".repeat(1024 * 1024 + 10) + "\n");
    expect(result.findings.find((f) => f.file === "interviews.yaml")?.code).toBe("file-too-large");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("an alias bomb is rejected quickly", async () => {
    const started = Date.now();
    const text = readFileSync(path.join(CATALOGUE, "alias-bomb.yaml"), "utf8");
    const result = await loadWith("topics.yaml", text);
    expect(result.findings.some((f) => f.code === "alias-limit")).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a huge single scalar under the limit is a schema error, not a crash", async () => {
    const result = await loadWith("topics.yaml", `topics:\n  - id: a\n    label: ${"x".repeat(600_000)}\n    category: cultuur\n    indicator: true\n`);
    expect(result.findings.find((f) => f.file === "topics.yaml")?.code).toBe("too-long");
  });

  it("a folder where a file is expected", async () => {
    const dir = copyFixture();
    rmSync(path.join(dir, "interviews.yaml"));
    mkdirSync(path.join(dir, "interviews.yaml"));
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "interviews.yaml")?.code).toBe("not-a-file");
  });

  it("a link pointing outside the data folder", async () => {
    const dir = copyFixture();
    const outside = path.join(tempDir(), "elsewhere.yaml");
    writeFileSync(outside, readFileSync(path.join(dir, "interviews.yaml")));
    rmSync(path.join(dir, "interviews.yaml"));
    symlinkSync(outside, path.join(dir, "interviews.yaml"));
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "interviews.yaml")?.code).toBe("outside-data-folder");
  });

  it("an unreadable file", async () => {
    if (process.getuid?.() === 0) return; // root reads everything; the check cannot fail here
    const dir = copyFixture();
    chmodSync(path.join(dir, "interviews.yaml"), 0o000);
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "interviews.yaml")?.code).toBe("unreadable-file");
  });

  it("a missing required file", async () => {
    const dir = copyFixture();
    rmSync(path.join(dir, "topics.yaml"));
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "topics.yaml")?.code).toBe("missing-file");
  });

  it("a missing rules file", async () => {
    const dir = copyFixture();
    rmSync(path.join(dir, "rules.yaml"));
    const result = await loadStudy(dir);
    expect(result.findings.find((f) => f.file === "rules.yaml")?.code).toBe("missing-file");
  });

  it("an empty data folder", async () => {
    const result = await loadStudy(tempDir());
    expect(result.findings.map((f) => f.code)).toEqual(["empty-data-folder"]);
  });

  it("a data folder that does not exist", async () => {
    const result = await loadStudy(path.join(tempDir(), "nope"));
    expect(result.findings.map((f) => f.code)).toEqual(["missing-file"]);
  });

  it("a misspelt data file name is a warning with a suggestion", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "interview.yaml"), "groups: []\n");
    const result = await loadStudy(dir);
    const finding = result.findings.find((f) => f.code === "unknown-file");
    expect(finding?.severity).toBe("warning");
    expect(finding && formatFinding(finding).hint).toContain("interviews.yaml");
  });

  it("a __proto__ key does not pollute Object.prototype", async () => {
    const text = readFileSync(path.join(CATALOGUE, "proto-key.yaml"), "utf8");
    await loadWith("accords/alpha.yaml", text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("broken-input catalogue (what the loader does not read)", () => {
  /** Writes `files` (path → content; a path ending in / is a folder) into a copy of the fixture and loads it. */
  async function loadBeside(files: Record<string, string>): Promise<Awaited<ReturnType<typeof loadStudy>>> {
    const dir = copyFixture();
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(dir, file);
      mkdirSync(file.endsWith("/") ? full : path.dirname(full), { recursive: true });
      if (!file.endsWith("/")) writeFileSync(full, content);
    }
    return loadStudy(dir);
  }
  const PLAN = readFileSync(path.join(CATALOGUE, "not-read-upper-case-extension.yaml"), "utf8");
  const unread = (result: Awaited<ReturnType<typeof loadStudy>>): Finding[] => result.findings.filter((f) => f.code === "unknown-file");
  const said = (finding: Finding | undefined): string => (finding ? `${formatFinding(finding).message} (${formatFinding(finding).hint ?? ""})` : "");

  it("a plan with an upper-case extension is to be renamed; beside a plan of that name, to be merged", async () => {
    const alone = unread(await loadBeside({ "regions/noord.YAML": PLAN }));
    expect(alone.map((f) => [f.file, f.severity, f.params])).toEqual([
      ["regions/noord.YAML", "warning", { variant: "extension", rename: "regions/noord.yaml", taken: false }],
    ]);
    expect(formatFinding(alone[0]!).hint).toBe("rename it to regions/noord.yaml");
    const both = await loadBeside({ "regions/noord.yaml": PLAN, "regions/noord.YAML": PLAN });
    expect(both.study?.regionPlans.map((p) => p.file)).toEqual(["regions/noord.yaml"]);
    expect(formatFinding(unread(both)[0]!).hint).toBe("regions/noord.yaml is read instead: merge the two, or remove this one");
  });

  it("a folder inside regions/ names the plans it holds; a misspelt folder on top says which one was meant", async () => {
    const result = await loadBeside({
      "regions/2024/noord.yaml": PLAN,
      "regions/2024/zuid.yml": PLAN,
      "regions/2024/oost.YAML": PLAN,
      "regions/2024/west.yaml": PLAN,
      "regions/2024/#west.yaml#": "",
      "regions/leeg/": "",
      "Accords/gamma.yaml": "id: gamma\n",
    });
    expect(unread(result).map((f) => [f.file, f.params])).toEqual([
      ["Accords", { variant: "folder", in: "top", yamlFiles: ["gamma.yaml"], more: 0, suggestion: "accords" }],
      ["regions/2024", { variant: "folder", in: "regions", yamlFiles: ["noord.yaml", "oost.YAML", "west.yaml"], more: 1 }],
      ["regions/leeg", { variant: "folder", in: "regions", yamlFiles: [], more: 0 }],
    ]);
    expect(said(unread(result)[0])).toBe('is a folder dekking does not read, so the YAML file in it is ignored (did you mean "accords/"? rename the folder)');
    expect(said(unread(result)[1])).toBe(
      "is a folder inside regions/; dekking reads only the files directly in regions/, so the 4 YAML files in it are ignored (move noord.yaml, oost.YAML, west.yaml and 1 more up into regions/, or remove the folder)",
    );
    expect(said(unread(result)[2])).toBe(
      "is a folder inside regions/; dekking reads only the files directly in regions/ (move the folder out of regions/, or remove it)",
    );
  });

  it("any other file or folder is named, with what the place holds", async () => {
    const result = await loadBeside({ "notes.txt": "mijn aantekeningen", "reports/": "", "regions/noord.pdf": "%PDF", "accords/gamma.json": "{}" });
    expect(unread(result).map((f) => [f.file, f.params])).toEqual([
      ["accords/gamma.json", { variant: "other", in: "accords" }],
      ["notes.txt", { variant: "other", in: "top" }],
      ["regions/noord.pdf", { variant: "other", in: "regions" }],
      ["reports", { variant: "folder", in: "top", yamlFiles: [], more: 0 }],
    ]);
    expect(formatFinding(unread(result)[2]!).hint).toBe(
      "regions/ holds one YAML file per region plan (<slug>.yaml): move it out of the data folder, or remove it",
    );
    expect(result.study).toBeDefined();
  });

  it("what a study folder may hold stays quiet: notes, hidden and system files, the templates of init, sources/", async () => {
    const result = await loadBeside({
      "README.md": "# Studie",
      "LICENSE": "CC BY 4.0",
      "notities.md": "x",
      ".gitignore": "reports/",
      ".git/HEAD": "ref: refs/heads/main",
      ".DS_Store": "",
      "Thumbs.db": "",
      "sources/fictief.md": "## Page 1",
      "sources/nog-te-lezen.pdf": "%PDF",
      "accords/TEMPLATE.yaml.txt": "# id: voorbeeld",
      "regions/TEMPLATE.yaml.txt": "# region: Voorbeeldregio",
      "regions/.gitkeep": "",
      "regions/README.md": "Een plan per bestand.",
      "regions/.noord.yaml.tmp-123-abcd": "",
      // What region add --force keeps of the file it replaced: a leftover, with a note.
      "regions/noord.yaml.bak-20250101120000-1": PLAN,
    });
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.findings.filter((f) => f.code === "ignored-file").map((f) => [f.file, f.params])).toEqual([
      ["regions/noord.yaml.bak-20250101120000-1", { leftover: "leftover-copy" }],
    ]);
    expect(result.study).toBeDefined();
  });

  it("a new study from dekking init and the shipped data name nothing as unread", () => {
    const dir = path.join(tempDir(), "studie");
    expect(runBin(["init", dir]).status).toBe(0);
    for (const data of [dir, path.join(FIXTURES, "..", "..", "data")]) {
      const result = runBin(["validate", "--data", data, "--format", "json"]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).not.toContain("unknown-file");
    }
  });

  it("past 50 entries in one place, the rest are counted in one finding", async () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`regions/plan-${String(i).padStart(2, "0")}.pdf`, "%PDF"]));
    const result = unread(await loadBeside(files));
    expect(result).toHaveLength(51);
    expect(result.filter((f) => f.file.startsWith("regions/plan-"))).toHaveLength(50);
    expect(result.find((f) => f.file === "regions")?.params).toEqual({ variant: "many", in: "regions", count: 10 });
    expect(formatFinding(result.find((f) => f.file === "regions")!).message).toBe("holds 10 more entries that dekking does not read, not named one by one");
  });

  it("a name that is a read file or folder in another case (a file system that ignores case, a link) is not named", async () => {
    // On macOS and Windows, Regions/ and TOPICS.yaml are regions/ and topics.yaml: they are read.
    // Links stand in for that here: the same file under a name in another case.
    const dir = copyFixture();
    symlinkSync(path.join(dir, "regions"), path.join(dir, "Regions"));
    linkSync(path.join(dir, "topics.yaml"), path.join(dir, "TOPICS.yaml"));
    linkSync(path.join(dir, "rules.yaml"), path.join(dir, "Rules.yaml"));
    const result = await loadStudy(dir);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    // A file of its own under such a name is not read, and is named.
    const other = copyFixture();
    cpSync(path.join(other, "topics.yaml"), path.join(other, "TOPICS.yaml"));
    const named = unread(await loadStudy(other));
    expect(named.map((f) => [f.file, formatFinding(f).hint])).toEqual([["TOPICS.yaml", 'did you mean "topics.yaml"?']]);
  });
});
