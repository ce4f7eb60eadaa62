// npm run bench: wall time and peak memory of the commands, on the shipped study and on
// FICTIONAL synthetic studies of growing size (scripts/bench/generateStudy.mjs). Each figure
// is the median of paired runs: `node -e 0` and the command alternate, so both see the same
// machine load, and the ratio is the median command time over the median floor.
// "cache" runs use the study snapshot and the compiled code of the command, both filled by a
// warm-up run; "no cache" runs (DEKKING_CACHE_DIR=off) do what a first run does, without
// writing either.
// Prints Markdown tables and the targets of issue 27 with met / missed.
// `npm run bench -- --quick` skips the largest study.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generateStudy } from "./bench/generateStudy.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const child = path.join(root, "scripts", "bench", "child.cjs");
const quick = process.argv.includes("--quick");
// `--limits` runs only the largest inputs the size limits allow (see limitCases below).
const limitsOnly = process.argv.includes("--limits");
const shared = path.resolve(root, "..", "shared");

function run(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1722556800", ...env },
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr ?? "")?.[1] ?? NaN);
  if (result.status !== 0 && args[0] !== "-e") throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { ms, rssMb: rss / 1024 };
}

class LimitsDone extends Error {}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `args` `repeat` times, each paired with a floor run; a warm-up run first fills caches.
 * `before`, when given, runs (untimed) before each run of the command.
 */
function measure(args, repeat, env = {}, warm = true, before = () => {}) {
  if (warm) run([child, ...args], env);
  const floors = [];
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    floors.push(run(["-e", "0"]).ms);
    before();
    runs.push(run([child, ...args], env));
  }
  const ms = median(runs.map((r) => r.ms));
  const floor = median(floors);
  return { ms, floor, ratio: ms / floor, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

function dataBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

const scratch = mkdtempSync(path.join(tmpdir(), "dekking-bench-"));
const cacheDir = path.join(scratch, "cache");
const rows = [];
const results = {};
function record(study, label, result) {
  results[`${study}|${label}`] = result;
  rows.push(`| ${study} | ${label} | ${result.ms.toFixed(0)} | ${result.floor.toFixed(0)} | ${result.ratio.toFixed(2)} | ${result.rssMb.toFixed(0)} |`);
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
/**
 * The largest inputs the limits allow, each a copy of the shipped study with one thing at
 * its limit: the study title at the text limit (5,000 characters, with and without spaces),
 * one data file just under 1 MiB (interviews.yaml with themes added), and a folder at the
 * file limit (5,000 files, most of them region plans of a synthetic study).
 */
function limitCases(shipped) {
  const cases = [];
  for (const [name, title] of [
    ["title of 5,000 characters", "Zorg en ondersteuning thuis ".repeat(200).slice(0, 5000).trim()],
    ["title of 5,000 characters, no spaces", "Zorgenondersteuningthuis".repeat(209).slice(0, 5000)],
  ]) {
    const data = path.join(scratch, `limit-${cases.length}`);
    cpSync(shipped, data, { recursive: true });
    const study = path.join(data, "study.yaml");
    writeFileSync(study, readFileSync(study, "utf8").replace(/^title: .*$/m, `title: ${title}`));
    cases.push({ name, data, topic: "spoedzorg" });
  }
  const big = path.join(scratch, "limit-file");
  cpSync(shipped, big, { recursive: true });
  const interviews = path.join(big, "interviews.yaml");
  let text = readFileSync(interviews, "utf8");
  const theme = (i) =>
    `  - id: limiet-thema-${i}\n    title: Fictief thema ${i} om een bestand tot de grens te vullen\n    summary: Een fictieve samenvatting van wat respondenten over dit thema zeiden, lang genoeg om op echte data te lijken.\n    groups: [ouderen]\n    topics: [spoedzorg]\n    source: { doc: eindverslag-2024, section: Fictief }\n`;
  const extra = [];
  for (let i = 1, size = Buffer.byteLength(text); size + Buffer.byteLength(theme(i)) < 1024 * 1024 - 1024; i++) {
    extra.push(theme(i));
    size += Buffer.byteLength(theme(i));
  }
  text = text.replace(/^themes:\n/m, `themes:\n${extra.join("")}`);
  writeFileSync(interviews, text);
  cases.push({ name: `one file of ${(Buffer.byteLength(text) / 2 ** 20).toFixed(2)} MiB`, data: big, topic: "spoedzorg" });
  const many = path.join(scratch, "limit-files");
  // 4,986 plans: with the other files of the study, as many as the folder limit allows.
  generateStudy(many, { regions: 4986, topics: 40, actions: 400, themes: 40 }, path.join(shipped, "rules.yaml"));
  cases.push({ name: `${readdirSync(many, { recursive: true }).filter((f) => String(f).endsWith(".yaml")).length} files`, data: many, topic: "onderwerp-1" });
  return cases;
}

try {
  const shipped = path.join(root, "data");
  const uncachedEnv = { DEKKING_CACHE_DIR: "off" };
  for (const { name, data, topic } of limitCases(shipped)) {
    const label = `limit: ${name}`;
    record(label, "validate (no cache)", measure(["validate", "--data", data], 1, uncachedEnv, false));
    record(label, "matrix --format json (no cache)", measure(["matrix", "--format", "json", "--data", data], 1, uncachedEnv, false));
    record(label, `explain ${topic} (no cache)`, measure(["explain", topic, "--data", data], 1, uncachedEnv, false));
    record(label, "report (no cache)", measure(["report", "--data", data, "--out", path.join(scratch, "limit-reports")], 1, uncachedEnv, false));
  }
  if (limitsOnly) throw new LimitsDone();
  const reports = path.join(scratch, "reports");
  const cached = { DEKKING_CACHE_DIR: cacheDir };
  const uncached = { DEKKING_CACHE_DIR: "off" };
  const repeat = 11;
  record("shipped", "matrix (cache)", measure(["matrix", "--data", shipped], repeat, cached));
  record("shipped", "matrix (no cache)", measure(["matrix", "--data", shipped], repeat, uncached));
  record("shipped", "validate (cache)", measure(["validate", "--data", shipped], repeat, cached));
  record("shipped", "validate (no cache)", measure(["validate", "--data", shipped], repeat, uncached));
  if (existsSync(path.join(shared, "seeds"))) {
    record(
      "shipped",
      "validate --sources seeds+sources (cache)",
      measure(["validate", "--data", shipped, "--sources", path.join(shared, "seeds"), path.join(shared, "sources")], repeat, cached),
    );
  }
  record("shipped", "explain spoedzorg (cache)", measure(["explain", "spoedzorg", "--data", shipped], repeat, cached));
  record("shipped", "explain spoedzorg (no cache)", measure(["explain", "spoedzorg", "--data", shipped], repeat, uncached));
  // Changed data: what a command does after the researcher edited a file. The compiled code
  // is in the cache, the study snapshot is not (it is removed before each run).
  const codeOnly = path.join(scratch, "code-cache-only");
  const dropSnapshots = () => {
    for (const name of existsSync(codeOnly) ? readdirSync(codeOnly) : []) if (name.endsWith(".snapshot")) rmSync(path.join(codeOnly, name));
  };
  const changed = { DEKKING_CACHE_DIR: codeOnly };
  record("shipped", "matrix (changed data: compiled code, no snapshot)", measure(["matrix", "--data", shipped], repeat, changed, true, dropSnapshots));
  record("shipped", "validate (changed data: compiled code, no snapshot)", measure(["validate", "--data", shipped], repeat, changed, true, dropSnapshots));
  record(
    "shipped",
    "explain spoedzorg (changed data: compiled code, no snapshot)",
    measure(["explain", "spoedzorg", "--data", shipped], repeat, changed, true, dropSnapshots),
  );
  record("shipped", "screen eenzaamheid (cache)", measure(["screen", "eenzaamheid", "--data", shipped], 5, cached));
  record("shipped", "report (cache)", measure(["report", "--data", shipped, "--out", reports], 5, cached));
  record("shipped", "report --check, unchanged (cache)", measure(["report", "--check", "--data", shipped, "--out", reports], repeat, cached));

  const sizes = [
    { name: "300 regions", spec: { regions: 300, topics: 200, actions: 2500, themes: 250 } },
    { name: "1,000 regions", spec: { regions: 1000, topics: 300, actions: 5000, themes: 500 } },
  ].slice(0, quick ? 1 : undefined);
  for (const size of sizes) {
    const data = path.join(scratch, `study-${size.spec.regions}`);
    generateStudy(data, size.spec, path.join(shipped, "rules.yaml"));
    const label = `${size.name} (${(dataBytes(data) / 2 ** 20).toFixed(1)} MB)`;
    record(label, "validate (no cache)", measure(["validate", "--data", data], 3, uncached, false));
    record(label, "matrix --format json (no cache)", measure(["matrix", "--format", "json", "--data", data], 3, uncached, false));
    record(label, "matrix --format json (cache)", measure(["matrix", "--format", "json", "--data", data], 3, cached));
    record(label, "report (no cache)", measure(["report", "--data", data, "--out", path.join(scratch, `reports-${size.spec.regions}`)], 1, uncached, false));
  }
} catch (error) {
  if (!(error instanceof LimitsDone)) throw error;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log("\n| study | command | wall ms (median) | floor ms (paired) | × node -e 0 | peak RSS MB |");
console.log("|---|---|---|---|---|---|");
for (const row of rows) console.log(row);

if (limitsOnly) {
  console.log("\n(--limits: only the inputs at the size limits)");
  process.exit(0);
}
const get = (key) => results[key];
const big = Object.keys(results)
  .find((k) => k.startsWith("1,000 regions"))
  ?.split("|")[0];
const mid = Object.keys(results)
  .find((k) => k.startsWith("300 regions"))
  ?.split("|")[0];
const targets = [
  ["matrix, cache", "≤ 1.5×", get("shipped|matrix (cache)").ratio, (r) => r <= 1.5, (r) => `${r.toFixed(2)}×`],
  ["matrix, no cache (a first run)", "≤ 3×", get("shipped|matrix (no cache)").ratio, (r) => r <= 3, (r) => `${r.toFixed(2)}×`],
  [
    "matrix, changed data (compiled code, no snapshot)",
    "≤ 3×",
    get("shipped|matrix (changed data: compiled code, no snapshot)").ratio,
    (r) => r <= 3,
    (r) => `${r.toFixed(2)}×`,
  ],
  ["validate, cache", "≤ 1.5×", get("shipped|validate (cache)").ratio, (r) => r <= 1.5, (r) => `${r.toFixed(2)}×`],
  ["validate, no cache (a first run)", "≤ 3×", get("shipped|validate (no cache)").ratio, (r) => r <= 3, (r) => `${r.toFixed(2)}×`],
  ["explain, cache", "≤ 1.5×", get("shipped|explain spoedzorg (cache)").ratio, (r) => r <= 1.5, (r) => `${r.toFixed(2)}×`],
  ["explain, no cache (a first run)", "≤ 3×", get("shipped|explain spoedzorg (no cache)").ratio, (r) => r <= 3, (r) => `${r.toFixed(2)}×`],
  ["report", "≤ 8×", get("shipped|report (cache)").ratio, (r) => r <= 8, (r) => `${r.toFixed(2)}×`],
  ["report --check, unchanged", "≤ 1.5×", get("shipped|report --check, unchanged (cache)").ratio, (r) => r <= 1.5, (r) => `${r.toFixed(2)}×`],
];
if (big) {
  targets.push(
    ["report, 1,000 regions", "≤ 10 s", get(`${big}|report (no cache)`).ms / 1000, (s) => s <= 10, (s) => `${s.toFixed(1)} s`],
    ["report peak memory, 1,000 regions", "≤ 500 MiB", get(`${big}|report (no cache)`).rssMb, (m) => m <= 500, (m) => `${m.toFixed(0)} MiB`],
    [
      "matrix --format json, 1,000 regions, no cache",
      "≤ 2 s",
      get(`${big}|matrix --format json (no cache)`).ms / 1000,
      (s) => s <= 2,
      (s) => `${s.toFixed(2)} s`,
    ],
  );
  for (const command of ["validate (no cache)", "matrix --format json (no cache)", "report (no cache)"]) {
    targets.push([
      `${command}: 1,000 / 300 regions`,
      "≤ 4×",
      get(`${big}|${command}`).ms / get(`${mid}|${command}`).ms,
      (r) => r <= 4,
      (r) => `${r.toFixed(2)}×`,
    ]);
  }
}
console.log("\n| target | goal | measured | met? |\n|---|---|---|---|");
for (const [name, goal, value, ok, show] of targets) console.log(`| ${name} | ${goal} | ${show(value)} | ${ok(value) ? "yes" : "**no**"} |`);
