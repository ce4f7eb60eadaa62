// `dekking report` in-process (the time zones through the real bin): reproducible bytes, --check, and faults that must
// leave the previous reports intact.

import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { staleReports, writeReportsAtomically } from "../src/report/writeReports.js";
import { MINIMAL, runBin, runInProcess, tempDir } from "./helpers.js";

const FILES = ["coverage.html", "coverage.json", "coverage.md", "coverage.pdf", "samenvatting.md"];

function report(out: string, env: Record<string, string> = {}, extra: string[] = []) {
  return runInProcess(["report", "--data", MINIMAL, "--out", out, ...extra], { env });
}

/** The same through the real bin, for what only a process can be given: its time zone (TZ). */
function reportThroughBin(out: string, env: Record<string, string>) {
  return runBin(["report", "--data", MINIMAL, "--out", out], { env });
}

describe("dekking report", () => {
  it("says on stderr which characters the PDF shows as \uFFFD, and still writes every file", async () => {
    const data = path.join(tempDir(), "data");
    cpSync(MINIMAL, data, { recursive: true });
    const topics = path.join(data, "topics.yaml");
    writeFileSync(topics, readFileSync(topics, "utf8").replace("label: Witte plek", "label: Witte plek 🦷"));
    const out = tempDir();
    const result = await runInProcess(["report", "--data", data, "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "dekking: coverage.pdf: 1 character(s) no embedded font has are shown as \uFFFD: 🦷; coverage.html and coverage.md show them as written",
    );
    expect(readdirSync(out).sort()).toEqual([".dekking-report.json", ...FILES]);
    expect((await report(tempDir())).stderr).toBe("");
  });

  it("writes the three files, byte-identical across runs and time zones", async () => {
    const a = tempDir();
    const b = tempDir();
    expect(reportThroughBin(a, { TZ: "UTC" }).status).toBe(0);
    expect(reportThroughBin(b, { TZ: "Pacific/Auckland" }).status).toBe(0);
    expect(readdirSync(a).sort()).toEqual([".dekking-report.json", ...FILES]);
    for (const name of FILES) expect(Buffer.compare(readFileSync(path.join(a, name)), readFileSync(path.join(b, name))), name).toBe(0);
    expect(readFileSync(path.join(a, "coverage.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("takes the date from SOURCE_DATE_EPOCH, else from the data, never the clock", async () => {
    const fromData = tempDir();
    await report(fromData);
    expect(readFileSync(path.join(fromData, "coverage.md"), "utf8")).toContain("gegenereerd op 15 januari 2024");
    const fromEpoch = tempDir();
    await report(fromEpoch, { SOURCE_DATE_EPOCH: "1722556800" });
    expect(readFileSync(path.join(fromEpoch, "coverage.md"), "utf8")).toContain("gegenereerd op 2 augustus 2024");
    const bad = await report(tempDir(), { SOURCE_DATE_EPOCH: "gisteren" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("SOURCE_DATE_EPOCH must be whole seconds");
  });

  it("--check: 0 when current, 1 naming stale and missing files, and it writes nothing", async () => {
    const out = tempDir();
    await report(out);
    const current = await report(out, {}, ["--check"]);
    expect(current.status).toBe(0);
    expect(current.stdout).toContain("are up to date");
    writeFileSync(path.join(out, "coverage.md"), "stale\n");
    const stale = await report(out, {}, ["--check"]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("not what the data gives: coverage.md");
    expect(readFileSync(path.join(out, "coverage.md"), "utf8")).toBe("stale\n");
    const missing = await report(tempDir(), {}, ["--check"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("coverage.pdf, coverage.md, coverage.json, coverage.html");
    // Three PDF renders of the shipped study; on two busy cores that can pass 5 s.
  }, 30_000);

  it("--check trusts the record only while inputs and files match it, else compares in full", async () => {
    const out = tempDir();
    await report(out);
    const recordFile = path.join(out, ".dekking-report.json");
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as { inputs: string; files: Record<string, string> };
    expect(Object.keys(record.files).sort()).toEqual(FILES);
    // A record from another tool build or other data: the full comparison still finds the files current.
    writeFileSync(recordFile, JSON.stringify({ ...record, inputs: "other" }));
    expect((await report(out, {}, ["--check"])).status).toBe(0);
    // A report changed by hand behind the record's back is stale, whatever the record says.
    writeFileSync(recordFile, JSON.stringify(record));
    writeFileSync(path.join(out, "coverage.pdf"), "%PDF-tampered");
    const tampered = await report(out, {}, ["--check"]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain("not what the data gives: coverage.pdf");
    // Another language is another input: the record does not vouch for it.
    await report(out);
    const english = await report(out, {}, ["--check", "--lang", "en"]);
    expect(english.status).toBe(1);
    expect(english.stderr).toContain("dekking report --data");
    expect(english.stderr).toContain("--lang en");
  }, 30_000);

  it("replaces all reports or none: a folder in the place of coverage.md leaves coverage.pdf as it was", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "coverage.pdf"), "old pdf");
    mkdirSync(path.join(out, "coverage.md"));
    const result = await report(out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("coverage.md: it is a folder; nothing was written");
    expect(readFileSync(path.join(out, "coverage.pdf"), "utf8")).toBe("old pdf");
    expect(readdirSync(out).sort()).toEqual(["coverage.md", "coverage.pdf"]);
  });

  it("an output path that is a file: exit 2, clear message, nothing changed", async () => {
    const dir = tempDir();
    const blocker = path.join(dir, "reports");
    writeFileSync(blocker, "not a folder\n");
    const result = await report(blocker);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("cannot create the output folder");
    expect(result.stderr).not.toContain("    at ");
    expect(readFileSync(blocker, "utf8")).toBe("not a folder\n");
  });
});

describe("writing reports atomically", () => {
  it("a failure while writing leaves the previous reports intact and no temporary files", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "a.txt"), "old a");
    writeFileSync(path.join(out, "b.txt"), "old b");
    // The second file cannot be written (its folder does not exist): a write error mid-way.
    await expect(
      writeReportsAtomically(out, [
        { name: "a.txt", bytes: Buffer.from("new a") },
        { name: "missing-folder/b.txt", bytes: Buffer.from("new b") },
      ]),
    ).rejects.toThrow(/previous reports are unchanged/);
    expect(readFileSync(path.join(out, "a.txt"), "utf8")).toBe("old a");
    expect(readFileSync(path.join(out, "b.txt"), "utf8")).toBe("old b");
    expect(readdirSync(out).sort()).toEqual(["a.txt", "b.txt"]);
  });

  it("replaces every file once all are written", async () => {
    const out = tempDir();
    mkdirSync(path.join(out, "nested"));
    await writeReportsAtomically(out, [{ name: "x.txt", bytes: Buffer.from("x") }]);
    expect(await staleReports(out, [{ name: "x.txt", bytes: Buffer.from("x") }])).toEqual([]);
    expect(
      await staleReports(out, [
        { name: "x.txt", bytes: Buffer.from("y") },
        { name: "z.txt", bytes: Buffer.from("z") },
      ]),
    ).toEqual(["x.txt", "z.txt"]);
  });
});
