// The broken-input catalogue: every case yields its finding code at its exact position,
// the study is not produced, and nothing throws.

import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { formatFinding } from "../src/messages/findings.js";
import { loadStudy } from "../src/loadStudy.js";
import { copyFixture, FIXTURES, tempDir } from "./helpers.js";
import { leakedValueIn } from "./outputChecks.js";

const CATALOGUE = path.join(FIXTURES, "invalid");

function at(finding: Finding): string {
  return finding.position ? `${finding.position.line + 1}:${finding.position.col + 1}` : "-";
}

async function loadWith(target: string, content: string | Uint8Array): Promise<Awaited<ReturnType<typeof loadStudy>>> {
  const dir = copyFixture();
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
      const expectation = /^# expect: (\S+) (\d+:\d+)$/m.exec(text);
      expect(target, "case needs a # target: line").toBeDefined();
      expect(expectation, "case needs a # expect: line").not.toBeNull();
      const [, code, position] = expectation!;
      const result = await loadWith(target!, text);
      expect(result.study).toBeUndefined();
      const matching = result.findings.filter((f) => f.code === code && f.file === target);
      expect(matching.map(at), JSON.stringify(result.findings, null, 1)).toContain(position);
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
