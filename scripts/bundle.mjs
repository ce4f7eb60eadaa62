// Builds the CLI into one CommonJS file, dist/dekking.cjs: one file to read and compile
// instead of ~80 ES modules to resolve and link, which is most of the start-up time after
// Node's own. Heavy dependencies that only some commands use (pdfkit, fontkit, the `yaml`
// library of the careful path) stay external and load when first needed; the command modules'
// dynamic imports become lazily initialised parts of the bundle.
// Also records the tool's fingerprint (a digest of the bundle) in generated/fingerprint.json,
// which the report's --check fast path compares.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, "dist", "dekking.cjs");

// commander requires node:child_process at load time, for executable subcommands this CLI
// does not have; child_process pulls in net and stream (about 7 ms of every start). Inside
// commander it is replaced by a stub that fails loudly if it is ever used.
const commanderWithoutChildProcess = {
  name: "commander-without-child-process",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: "child_process-stub", namespace: "stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: `const fail = () => { throw new Error("dekking has no executable subcommands"); };\nmodule.exports = { spawn: fail, execFileSync: fail };`,
      loader: "js",
    }));
  },
};

await build({
  plugins: [commanderWithoutChildProcess],
  entryPoints: [path.join(root, "src", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // @colors/colors: cli-table3 requires it only for its own colours, which are switched off.
  external: ["pdfkit", "fontkit", "yaml", "pdfjs-dist", "pdfjs-dist/*", "snowball-stemmers", "@fontsource/*", "@colors/colors/*"],
  // import.meta.url does not exist in CommonJS: give it the bundle's own address. Modules
  // that use it (packageRoot, fonts, schemaCheck) only need a file one level below the root.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: `"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;` },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});

const fingerprintFile = path.join(root, "generated", "fingerprint.json");
const recorded = JSON.parse(readFileSync(fingerprintFile, "utf8"));
recorded.tool = createHash("sha256").update(readFileSync(outfile)).digest("hex").slice(0, 16);
writeFileSync(fingerprintFile, `${JSON.stringify(recorded)}\n`);
console.log(`bundle: ${path.relative(root, outfile)} (${(readFileSync(outfile).length / 1024).toFixed(0)} KB), tool ${recorded.tool}`);
