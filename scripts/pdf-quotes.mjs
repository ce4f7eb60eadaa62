#!/usr/bin/env node
// Measures how many verbatim texts of the shipped data verify against a reading of the
// accords' published PDFs (../shared/pdfs): in a copy of data/, the texts of iza-2022,
// gala-2023 and azwa-2025 are replaced by a fresh reading, then `validate --sources` runs.
//   node scripts/pdf-quotes.mjs            dekking source add (pdf.js)
//   node scripts/pdf-quotes.mjs pdftotext  poppler's pdftotext, page by page (for comparison)
// Prints per document the pages, characters and reading time, then the verbatim texts not
// found (quote-not-in-source) per document, and the total checked.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = path.join(root, "..", "shared");
const reader = process.argv[2] === "pdftotext" ? "pdftotext" : "dekking";
const DOCS = [
  ["iza-2022", "nat_iza_2022_integraal_zorgakkoord.pdf"],
  ["gala-2023", "nat_gala_2023_gezond_en_actief_leven.pdf"],
  ["azwa-2025", "nat_azwa_2025_definitief.pdf"],
];
const cli = path.join(root, "bin", "dekking.cjs");
const work = mkdtempSync(path.join(tmpdir(), "dekking-pdf-quotes-"));
const data = path.join(work, "data");
cpSync(path.join(root, "data"), data, { recursive: true });
try {
  for (const [id, pdf] of DOCS) {
    const file = path.join(shared, "pdfs", pdf);
    const started = performance.now();
    if (reader === "pdftotext") {
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
      const parts = [];
      for (let n = 1; n <= pages; n++)
        parts.push(`## Page ${n}\n\n${execFileSync("pdftotext", ["-f", String(n), "-l", String(n), file, "-"], { encoding: "utf8" })}`);
      writeFileSync(path.join(data, "sources", `${id}.md`), parts.join("\n"));
    } else {
      const run = spawnSync(process.execPath, [cli, "source", "add", file, "--data", data, "--id", id, "--kind", "accord", "--force"], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`source add ${pdf} failed:\n${run.stderr}`);
    }
    const ms = performance.now() - started;
    const text = readFileSync(path.join(data, "sources", `${id}.md`), "utf8");
    console.log(
      `${id}: ${(text.match(/^## Page \d+/gm) ?? []).length} pages, ${text.length.toLocaleString("en-GB")} characters, read in ${(ms / 1000).toFixed(2)} s (${reader})`,
    );
  }
  const run = spawnSync(
    process.execPath,
    [cli, "validate", "--data", data, "--sources", path.join(shared, "seeds"), path.join(shared, "sources"), "--format", "json", "--no-cache"],
    { encoding: "utf8" },
  );
  const findings = JSON.parse(run.stdout).findings;
  const checked = findings.find((f) => f.code === "quotes-checked");
  const missing = findings.filter((f) => f.code === "quote-not-in-source" && DOCS.some(([id]) => f.message.includes(`not found in ${id} `)));
  for (const [id] of DOCS) {
    const of = missing.filter((f) => f.message.includes(`not found in ${id} `));
    console.log(`${id}: ${of.length} verbatim texts not found`);
    for (const f of of) console.log(`  ${path.relative(data, f.file)}:${f.line}  ${f.message}`);
  }
  console.log(`${checked ? checked.message : "?"}; not found in the three accords: ${missing.length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
