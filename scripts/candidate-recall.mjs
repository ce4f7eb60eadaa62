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
//   node scripts/candidate-recall.mjs [--region FILE] [--sources DIR] [--verbose]
// --verbose lists, per topic, the rank of the first hit (or "-"), to see where ranking fails.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const regionFile = path.resolve(arg("--region", path.join(root, "data", "regions", "flevoland.yaml")));
const sources = path.resolve(arg("--sources", path.join(root, "..", "shared", "sources")));
const verbose = process.argv.includes("--verbose");
const cli = path.join(root, "bin", "dekking.cjs");
const K = [1, 3, 5];

// The same normalisation as src/evidence/sourceText.ts normaliseForComparison (kept in step
// by hand: a script runs without the TypeScript build).
function normalise(text) {
  return text
    .normalize("NFC")
    .replace(/\u00AD\s*/g, "")
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/([\p{L}\p{N}])-\s*(\p{L})/gu, "$1$2")
    .split(/[\s\u200B\uFEFF]+/)
    .join("");
}

const WINDOW = 40;
/** True when the two texts share a stretch of WINDOW characters, or the shorter stands whole in the longer. */
function overlaps(candidate, quote) {
  const a = normalise(candidate);
  for (const piece of quote.split(/\[(?:…|\.\.\.)\]/).map(normalise).filter(Boolean)) {
    if (piece.length <= WINDOW ? a.includes(piece) : false) return true;
    if (a.length <= WINDOW && piece.includes(a)) return true;
    for (let i = 0; i + WINDOW <= piece.length; i += 5) if (a.includes(piece.slice(i, i + WINDOW))) return true;
    if (piece.length > WINDOW && a.includes(piece.slice(piece.length - WINDOW))) return true;
  }
  return false;
}

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
  const run = spawnSync(process.execPath, [cli, "screen", topic, "--doc", doc, "--sources", sources, "--format", "json", "--limit", String(Math.max(...K)), "--no-cache"], { encoding: "utf8" });
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
