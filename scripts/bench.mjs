// npm run bench: wall time and peak memory of validate, matrix --format json and report on
// the shipped study and on FICTIONAL synthetic studies of growing size, with `node -e 0`
// measured in the same run as the floor. Prints a Markdown table.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readdirSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generateStudy } from "./bench/generateStudy.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const child = path.join(root, "scripts", "bench", "child.cjs");
const quick = process.argv.includes("--quick");

function run(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr ?? "")?.[1] ?? NaN);
  if (result.status !== 0 && !args.includes("-e")) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { ms, rssMb: rss / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(args, repeat, env) {
  const runs = Array.from({ length: repeat }, () => run(args, env));
  return { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

function dataBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

const sizes = [
  { name: "shipped study", data: path.join(root, "data"), repeat: 9 },
  { name: "100 regions, 100 topics, 1,000 actions, 100 themes", spec: { regions: 100, topics: 100, actions: 1000, themes: 100 }, repeat: 5 },
  { name: "300 regions, 200 topics, 2,500 actions, 250 themes", spec: { regions: 300, topics: 200, actions: 2500, themes: 250 }, repeat: 3 },
  { name: "1,000 regions, 300 topics, 5,000 actions, 500 themes", spec: { regions: 1000, topics: 300, actions: 5000, themes: 500 }, repeat: 3 },
].slice(0, quick ? 2 : undefined);

const floor = measure(["-e", "0"], 15);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`floor: node -e 0 = ${floor.ms.toFixed(0)} ms (median of 15)\n`);
console.log("| data | size | command | wall ms (median) | × node -e 0 | peak RSS MB |");
console.log("|---|---|---|---|---|---|");
const scratch = mkdtempSync(path.join(tmpdir(), "dekking-bench-"));
try {
  for (const size of sizes) {
    const data = size.data ?? path.join(scratch, size.spec.regions + "-" + size.spec.topics);
    if (size.spec) generateStudy(data, size.spec, path.join(root, "data", "rules.yaml"));
    const mb = (dataBytes(data) / 2 ** 20).toFixed(2);
    const out = path.join(scratch, "reports-" + path.basename(data));
    const commands = [
      ["validate", ["validate", "--data", data]],
      ["matrix --format json", ["matrix", "--format", "json", "--data", data]],
      ["report", ["report", "--data", data, "--out", out]],
    ];
    for (const [label, args] of commands) {
      const result = measure([child, ...args], size.repeat, { SOURCE_DATE_EPOCH: "1722556800" });
      console.log(`| ${size.name} | ${mb} MB | ${label} | ${result.ms.toFixed(0)} | ${(result.ms / floor.ms).toFixed(2)} | ${result.rssMb.toFixed(0)} |`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
