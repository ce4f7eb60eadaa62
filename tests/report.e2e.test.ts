// `dekking report` in-process (the time zones through the real bin): reproducible bytes, --check, and faults that must
// leave the previous reports intact.

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    // The study's own date is said to be that, not a day the report was made.
    expect(readFileSync(path.join(fromData, "coverage.md"), "utf8")).toContain("datum van de studie 15 januari 2024");
    expect(readFileSync(path.join(fromData, "coverage.md"), "utf8")).not.toContain("gegenereerd op");
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
    // Another language is another input: the record does not vouch for it. (The tampered
    // coverage.pdf is the user's now: report refuses to replace it, so it goes first.)
    rmSync(path.join(out, "coverage.pdf"));
    expect((await report(out)).status).toBe(0);
    expect((await report(out, {}, ["--check"])).status).toBe(0);
    const english = await report(out, {}, ["--check", "--lang", "en"]);
    expect(english.status).toBe(1);
    expect(english.stderr).toContain("dekking report --data");
    expect(english.stderr).toContain("--lang en");
  }, 30_000);

  it("replaces all reports or none: a folder in the place of coverage.md leaves coverage.pdf as it was", async () => {
    const out = tempDir();
    await report(out);
    const pdf = readFileSync(path.join(out, "coverage.pdf"));
    rmSync(path.join(out, "coverage.md"));
    mkdirSync(path.join(out, "coverage.md"));
    // Another date gives another PDF: were coverage.pdf replaced, its bytes would differ.
    const result = await report(out, { SOURCE_DATE_EPOCH: "1722556800" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("coverage.md: it is a folder; nothing was written");
    expect(Buffer.compare(readFileSync(path.join(out, "coverage.pdf")), pdf)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".dekking-report.json", ...FILES]);
  }, 30_000);

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

describe("dekking report replaces only what it wrote", () => {
  /** Every file in `dir` with its bytes, to show that a refused run changed nothing. */
  function snapshot(dir: string): Record<string, string> {
    return Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((name) => [name, readFileSync(path.join(dir, name)).toString("base64")]),
    );
  }

  it("refuses a coverage.md it did not write (no record): exit 2, what and why, a hint, nothing written", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "coverage.md"), "eigen versie\n");
    writeFileSync(path.join(out, "notities.txt"), "niet van dekking\n");
    const result = await report(out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `dekking: coverage.md in ${out} was not written by dekking, or was changed after (there is no .dekking-report.json there, dekking's record of the files it wrote); nothing was written`,
    );
    expect(result.stderr).toContain("(move or rename it, choose another folder with --out, or pass --force to replace it and keep it as coverage.md.bak-");
    expect(result.stderr).not.toContain("    at ");
    expect(result.stdout).toBe("");
    expect(snapshot(out)).toEqual({
      "coverage.md": Buffer.from("eigen versie\n").toString("base64"),
      "notities.txt": Buffer.from("niet van dekking\n").toString("base64"),
    });
  });

  it("refuses report files changed after dekking wrote them, naming each and why; the rest stays as it was", async () => {
    const out = tempDir();
    expect((await report(out)).status).toBe(0);
    writeFileSync(path.join(out, "samenvatting.md"), readFileSync(path.join(out, "samenvatting.md"), "utf8") + "\nEen zin van de onderzoeker.\n");
    writeFileSync(path.join(out, "coverage.json"), "{}\n");
    const before = snapshot(out);
    const result = await report(out, { SOURCE_DATE_EPOCH: "1722556800" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `coverage.json and samenvatting.md in ${out} were not written by dekking, or were changed after (their bytes differ from those .dekking-report.json records); nothing was written`,
    );
    expect(result.stderr).toContain("pass --force to replace them and keep each as <name>.bak-");
    expect(snapshot(out)).toEqual(before);
  }, 30_000);

  it("refuses when the record cannot vouch: not JSON, not a record's shape, far too large, or silent about a file", async () => {
    const out = tempDir();
    expect((await report(out)).status).toBe(0);
    const recordFile = path.join(out, ".dekking-report.json");
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as { inputs: string; files: Record<string, string> };
    const unreadable = ["{", "[]", JSON.stringify({ inputs: record.inputs }), JSON.stringify({ ...record, pad: "x".repeat(100_000) })];
    for (const text of unreadable) {
      writeFileSync(recordFile, text);
      const before = snapshot(out);
      const result = await report(out);
      expect(result.status, text.slice(0, 30)).toBe(2);
      expect(result.stderr).toContain(
        `coverage.pdf, coverage.md, coverage.json, coverage.html, samenvatting.md and .dekking-report.json in ${out} were not written by dekking, or were changed after (.dekking-report.json there is not a record dekking can read)`,
      );
      expect(snapshot(out)).toEqual(before);
    }
    // A record that lists every file but coverage.html (even under __proto__) vouches for the others only.
    const { "coverage.html": html, ...others } = record.files;
    writeFileSync(recordFile, `{"inputs": "x", "files": {"__proto__": {"coverage.html": "${html}"}, ${JSON.stringify(others).slice(1, -1)}}}`);
    const result = await report(out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`coverage.html in ${out} was not written by dekking, or was changed after (.dekking-report.json there does not list it)`);
  }, 30_000);

  it("replaces an unchanged previous report without --force, and makes no backup", async () => {
    const out = tempDir();
    expect((await report(out)).status).toBe(0);
    expect(readFileSync(path.join(out, "coverage.md"), "utf8")).toContain("datum van de studie 15 januari 2024");
    const again = await report(out, { SOURCE_DATE_EPOCH: "1722556800" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain("kept the previous");
    expect(readFileSync(path.join(out, "coverage.md"), "utf8")).toContain("gegenereerd op 2 augustus 2024");
    expect(readdirSync(out).sort()).toEqual([".dekking-report.json", ...FILES]);
    expect((await report(out, { SOURCE_DATE_EPOCH: "1722556800" }, ["--check"])).status).toBe(0);
  }, 30_000);

  it("--force replaces a file it did not write, keeping it as <name>.bak-<time>, and never replaces an earlier backup", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "coverage.md"), "eigen versie\n");
    writeFileSync(path.join(out, "notities.txt"), "niet van dekking\n");
    const forced = await report(out, {}, ["--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    const backups = () => readdirSync(out).filter((name) => name.startsWith("coverage.md.bak-"));
    expect(backups()).toHaveLength(1);
    const [backup] = backups();
    expect(backup).toMatch(/^coverage\.md\.bak-\d{14}$/);
    expect(forced.stdout).toContain(`kept the previous coverage.md as ${path.join(out, backup!)}\n`);
    expect(readFileSync(path.join(out, backup!), "utf8")).toBe("eigen versie\n");
    expect(readFileSync(path.join(out, "coverage.md"), "utf8")).toContain("datum van de studie 15 januari 2024");
    expect(readFileSync(path.join(out, "notities.txt"), "utf8")).toBe("niet van dekking\n");
    // What --force wrote is vouched for: the next run needs no --force and backs nothing up.
    expect((await report(out)).status).toBe(0);
    expect(backups()).toEqual([backup]);
    // A second hand-written version, forced again: both versions are kept.
    writeFileSync(path.join(out, "coverage.md"), "tweede versie\n");
    expect((await report(out, {}, ["--force"])).status).toBe(0);
    expect(backups()).toHaveLength(2);
    expect(
      backups()
        .map((name) => readFileSync(path.join(out, name), "utf8"))
        .sort(),
    ).toEqual(["eigen versie\n", "tweede versie\n"]);
  }, 30_000);

  it("refuses --out with an empty value, as --data, and writes nothing into the working folder", async () => {
    const cwd = tempDir();
    for (const out of ["", "   "]) {
      for (const extra of [[], ["--check"]]) {
        const result = await runInProcess(["report", "--data", MINIMAL, "--out", out, ...extra], { cwd });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(
          "dekking: --out needs a folder, got an empty value\n  (leave --out out to use reports/, or name a folder, e.g. --out reports)\n",
        );
      }
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("--check is as before: a file it did not write is stale (exit 1) and stays as it is", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "coverage.md"), "eigen versie\n");
    const result = await report(out, {}, ["--check"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `the reports in ${out} are not what the data gives: coverage.pdf, coverage.md, coverage.json, coverage.html, samenvatting.md`,
    );
    expect(readdirSync(out)).toEqual(["coverage.md"]);
    expect(readFileSync(path.join(out, "coverage.md"), "utf8")).toBe("eigen versie\n");
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
