// node scripts/bench/sensitivity.mjs: how long the sensitivity enumeration takes, in process
// (no start-up), on the shipped study and on FICTIONAL synthetic studies with 100 and 1,000
// region files, so that it can be seen to grow linearly. Prints the median of 5 runs each of
// computeCoverage with everything and of the enumeration alone (computeFlips for every topic).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { generateStudy } from "./generateStudy.mjs";

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const work = mkdtempSync(path.join(tmpdir(), "dekking-sensitivity-bench-"));
const entry = `
export { loadStudy } from ${JSON.stringify(path.join(root, "src/loadStudy.ts"))};
export { computeCoverage, indexStudy } from ${JSON.stringify(path.join(root, "src/analyse/computeCoverage.ts"))};
export { computeFlips, ruleVariants } from ${JSON.stringify(path.join(root, "src/analyse/sensitivity.ts"))};
`;
// Beside the real bundle, so the packages left outside it resolve from node_modules/.
const bundle = path.join(root, "dist", "bench-sensitivity.cjs");
// The modules that read import.meta.url want a file one level below the package root (as dist/ is).
const asIfIn = pathToFileURL(path.join(root, "dist", "bench.cjs")).href;
await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: bundle,
  external: ["yaml", "pdfkit", "fontkit", "snowball-stemmers"],
  define: { "import.meta.url": JSON.stringify(asIfIn) },
  logLevel: "error",
});
const { createRequire } = await import("node:module");
const { loadStudy, computeCoverage, indexStudy, computeFlips, ruleVariants } = createRequire(path.join(root, "package.json"))(bundle);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label, dir) {
  const { study } = await loadStudy(dir, {});
  if (!study) throw new Error(`${dir} did not load`);
  const total = [];
  const flipsOnly = [];
  let flips = 0;
  for (let i = 0; i < 5; i++) {
    let started = performance.now();
    const coverage = computeCoverage(study);
    total.push(performance.now() - started);
    const index = indexStudy(study);
    const variants = ruleVariants(study.rules);
    started = performance.now();
    flips = 0;
    for (const t of coverage.topics)
      flips += computeFlips(
        study,
        index,
        { id: t.id, groups: t.demand.groups.length, required: t.required, verdict: t.verdict, national: t.national, regional: t.regional },
        study.rules,
        variants,
      ).length;
    flipsOnly.push(performance.now() - started);
  }
  console.log(`| ${label} | ${study.regionPlans.length} | ${study.topics.length} | ${median(total).toFixed(1)} | ${median(flipsOnly).toFixed(1)} | ${flips} |`);
}

console.log("| study | region files | topics | computeCoverage ms | enumeration ms | flips |");
console.log("|---|---:|---:|---:|---:|---:|");
await measure("shipped", path.join(root, "data"));
for (const regions of [100, 1000]) {
  const dir = path.join(work, `r${regions}`);
  generateStudy(dir, { regions, topics: 60, actions: 200, themes: 30 }, path.join(root, "data", "rules.yaml"));
  await measure(`synthetic ${regions}`, dir);
}
rmSync(work, { recursive: true, force: true });
rmSync(bundle, { force: true });
