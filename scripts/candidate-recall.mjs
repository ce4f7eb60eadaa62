#!/usr/bin/env node
// Measures how well `dekking screen` ranks the passages that a real assessment cites: for
// every topic of data/regions/flevoland.yaml with a quote, it ranks the candidates of the
// plan's own text (document regioplan-flevoland-2023, text in ../shared/sources/) with the
// built CLI, exactly as a researcher would see them, and counts the topics where
//   (a) passage: one of the first k candidates overlaps one of the topic's cited quotes
//       (they share a stretch of at least 40 characters after the quote check's
//       normalisation, or the whole of the shorter one), and
//   (b) page: one of the first k candidates stands on a page the topic cites,
// for k = 1, 3 and 5.
//   node scripts/candidate-recall.mjs [--region FILE] [--data DIR] [--sources DIR] [--verbose]
// --verbose lists, per topic, the rank of the first hit (or "-"), to see where ranking fails.
// --data runs screen on another data folder (one where `source add` registered the plan of
// --region), to measure on an assessment that is not shipped.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const regionFile = path.resolve(arg("--region", path.join(root, "data", "regions", "flevoland.yaml")));
const sources = path.resolve(arg("--sources", path.join(root, "..", "shared", "sources")));
const dataDir = process.argv.includes("--data") ? path.resolve(arg("--data", ".")) : undefined;
const verbose = process.argv.includes("--verbose");
const cli = path.join(root, "bin", "dekking.cjs");
const K = [1, 3, 5];

// The overlap test is the tool's own (src/evidence/sourceText.ts overlapsQuote, the one screen
// uses to mark a passage a region file cites), bundled on the fly: one definition, not a copy.
const work = mkdtempSync(path.join(tmpdir(), "dekking-recall-"));
const bundled = path.join(work, "sourceText.mjs");
await build({
  entryPoints: [path.join(root, "src", "evidence", "sourceText.ts")],
  outfile: bundled,
  bundle: true,
  format: "esm",
  platform: "node",
  logLevel: "error",
});
const { overlapsQuote: overlaps } = await import(pathToFileURL(bundled).href);
rmSync(work, { recursive: true, force: true });

function pages(page) {
  const [from, to] = String(page).split("-").map(Number);
  return [from, to ?? from];
}

const plan = parse(readFileSync(regionFile, "utf8"));
const doc = plan.plan?.document;
if (!doc) throw new Error(`${regionFile} names no plan.document`);
const rows = [];
for (const [topic, finding] of Object.entries(plan.findings ?? {})) {
  const cited = [...(finding.quote ? [{ quote: finding.quote, page: finding.page }] : []), ...(finding.quotes ?? [])].filter((q) => (q.doc ?? doc) === doc);
  if (cited.length === 0) continue;
  const run = spawnSync(
    process.execPath,
    [
      cli,
      "screen",
      topic,
      "--doc",
      doc,
      "--sources",
      sources,
      "--format",
      "json",
      "--limit",
      String(Math.max(...K)),
      "--no-cache",
      ...(dataDir ? ["--data", dataDir] : []),
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`screen ${topic} failed:\n${run.stderr}`);
  const candidates = JSON.parse(run.stdout).candidates;
  const passageRank = candidates.findIndex((c) => cited.some((q) => overlaps(c.text, q.quote))) + 1;
  const pageRank = candidates.findIndex((c) => cited.some((q) => q.page !== undefined && c.page >= pages(q.page)[0] && c.page <= pages(q.page)[1])) + 1;
  rows.push({ topic, passageRank, pageRank });
}

if (verbose) {
  for (const r of rows) console.log(`${r.topic.padEnd(40)} passage ${r.passageRank || "-"}  page ${r.pageRank || "-"}`);
  console.log("");
}
const at = (key, k) => rows.filter((r) => r[key] > 0 && r[key] <= k).length;
console.log(`${path.relative(process.cwd(), regionFile) || regionFile}: ${rows.length} topics with a quote of ${doc}`);
console.log(`recall  ${K.map((k) => `@${k}`.padStart(7)).join("")}`);
console.log(`passage ${K.map((k) => `${at("passageRank", k)}/${rows.length}`.padStart(7)).join("")}`);
console.log(`page    ${K.map((k) => `${at("pageRank", k)}/${rows.length}`.padStart(7)).join("")}`);
