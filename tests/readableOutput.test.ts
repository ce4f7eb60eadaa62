// Issue 24, kind 10: nothing a reader sees shows `undefined`, `null`, `NaN`, `Infinity` or
// `[object Object]`. Every command in every format on the shipped data (in process, as the
// CLI runs them); the fuzzed studies and rules are in tests/outputProperties.test.ts.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { CommonOptions, Io } from "../src/commands/context.js";
import { runAgreement } from "../src/commands/agreement.js";
import { runDiff } from "../src/commands/diff.js";
import { runExplain } from "../src/commands/explain.js";
import { runMatrix } from "../src/commands/matrix.js";
import { runPersona } from "../src/commands/persona.js";
import { runRegions } from "../src/commands/regions.js";
import { runReport } from "../src/commands/report.js";
import { runScreen } from "../src/commands/screen.js";
import { runSensitivity } from "../src/commands/sensitivity.js";
import { runSummary } from "../src/commands/summary.js";
import { runTimeline } from "../src/commands/timeline.js";
import { runValidate } from "../src/commands/validate.js";
import { loadStudy } from "../src/loadStudy.js";
import { htmlReaderText, leakedJsonValues, leakedValueIn } from "./outputChecks.js";
import { FIXTURES, ROOT, SHIPPED_DATA, sharedSnapshotDir, tempDir } from "./helpers.js";

const SEEDS = path.join(ROOT, "..", "shared", "seeds");

async function run(command: (options: never, io: Io) => Promise<unknown>, options: Record<string, unknown>, columns = 120): Promise<string> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    // The shipped study is validated once, by the first run; the others read its snapshot.
    env: { NO_COLOR: "1", DEKKING_CACHE_DIR: sharedSnapshotDir() },
    isTTY: false,
    columns,
    cwd: ROOT,
  };
  const common: CommonOptions = { data: SHIPPED_DATA, lang: "nl" };
  await (command as (options: unknown, io: Io) => Promise<unknown>)({ ...common, ...options }, io);
  return stdout + stderr;
}

function expectReadable(name: string, output: string, json = false): void {
  expect(output.length, name).toBeGreaterThan(0);
  if (json) expect(leakedJsonValues(output), name).toEqual([]);
  else expect(leakedValueIn(output), name).toBeUndefined();
}

const LANGS = ["nl", "en"] as const;

describe("no undefined, null, NaN or [object Object] in any output of the shipped data", () => {
  it("matrix, regions, sensitivity, timeline, summary and validate in every format and language", async () => {
    for (const lang of LANGS) {
      for (const format of ["table", "json", "csv", "markdown"] as const) {
        expectReadable(`matrix ${format} ${lang}`, await run(runMatrix, { lang, format }), format === "json");
        expectReadable(`regions ${format} ${lang}`, await run(runRegions, { lang, format }), format === "json");
      }
      expectReadable(`matrix csv excel ${lang}`, await run(runMatrix, { lang, format: "csv", excel: true }));
      expectReadable(`matrix by priority ${lang}`, await run(runMatrix, { lang, format: "table", sort: "priority" }, 80));
      for (const format of ["table", "json", "markdown"] as const) {
        expectReadable(`sensitivity ${format} ${lang}`, await run(runSensitivity, { lang, format }), format === "json");
        expectReadable(`timeline ${format} ${lang}`, await run(runTimeline, { lang, format, from: "2022-01-01" }), format === "json");
      }
      expectReadable(`summary ${lang}`, await run(runSummary, { lang }));
      for (const format of ["stylish", "json"] as const)
        expectReadable(`validate ${format} ${lang}`, await run(runValidate, { lang, format, sources: [SEEDS] }), format === "json");
    }
  }, 240_000);

  it("explain of every topic, at the study's date and today, in both languages", async () => {
    const { study } = await loadStudy(SHIPPED_DATA);
    for (const topic of study!.topics) {
      for (const lang of LANGS) {
        expectReadable(`explain ${topic.id} ${lang}`, await run(runExplain, { lang, topic: topic.id }, 100));
      }
      expectReadable(`explain ${topic.id} as of 2026-12-06`, await run(runExplain, { lang: "nl", topic: topic.id, asOf: "2026-12-06" }));
    }
  }, 240_000);

  it("persona of every persona, diff in every view and format, agreement, screen", async () => {
    const { study } = await loadStudy(SHIPPED_DATA);
    for (const persona of study!.personas?.personas ?? []) {
      for (const format of ["table", "json", "markdown"] as const)
        expectReadable(`persona ${persona.id} ${format}`, await run(runPersona, { persona: persona.id, format }), format === "json");
    }
    for (const format of ["text", "json", "markdown"] as const) {
      expectReadable(`diff as-of ${format}`, await run(runDiff, { format, asOfOld: "2024-08-02", asOf: "2026-12-06" }), format === "json");
      expectReadable(`diff evidence ${format}`, await run(runDiff, { format, evidenceOld: "report" }), format === "json");
    }
    for (const format of ["table", "json"] as const) {
      expectReadable(
        `agreement ${format}`,
        await run(runAgreement, { format, a: path.join(FIXTURES, "agreement", "a.yaml"), b: path.join(FIXTURES, "agreement", "b.yaml") }),
        format === "json",
      );
    }
    for (const format of ["table", "json", "yaml"] as const) {
      expectReadable(`screen ${format}`, await run(runScreen, { topic: "eenzaamheid", format, limit: "10", sources: [SEEDS] }), format === "json");
    }
  }, 240_000);

  it("report: coverage.md, coverage.html, coverage.json, samenvatting.md and the PDF's text", async () => {
    const out = tempDir();
    await run(runReport, { out });
    for (const name of ["coverage.md", "samenvatting.md"]) expectReadable(name, readFileSync(path.join(out, name), "utf8"));
    expectReadable("coverage.html", htmlReaderText(readFileSync(path.join(out, "coverage.html"), "utf8")));
    expectReadable("coverage.json", readFileSync(path.join(out, "coverage.json"), "utf8"), true);
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(path.join(out, "coverage.pdf"))), useSystemFonts: false, isEvalSupported: false })
      .promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++)
      pages.push((await (await pdf.getPage(n)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
    await pdf.destroy();
    expectReadable("coverage.pdf", pages.join("\n"));
  }, 240_000);
});
