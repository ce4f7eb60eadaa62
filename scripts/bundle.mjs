// Builds the CLI into one CommonJS file, dist/dekking.cjs: one file to read and compile
// instead of ~80 ES modules to resolve and link, which is most of the start-up time after
// Node's own. Heavy dependencies that only some commands use (pdfkit, fontkit; the `yaml`
// library of the careful path as dist/yaml.cjs, below) stay external and load when first needed; the command modules'
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

// The `yaml` library (74 CommonJS files in node_modules) is bundled on its own into
// dist/yaml.cjs, which the CLI requires when it first parses: one file to read and compile
// instead of 74 to resolve, read and compile (about 30–60 ms of a first run).
const yamlOutfile = path.join(root, "dist", "yaml.cjs");
const yamlAsOneFile = {
  name: "yaml-as-one-file",
  setup(build) {
    // A CommonJS require, not an ES import: Node's ES loader would scan the file for its
    // export names (cjs-module-lexer) on every first run.
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: "yaml", namespace: "yaml-one-file" }));
    build.onLoad({ filter: /.*/, namespace: "yaml-one-file" }, () => ({ contents: `module.exports = require("./yaml.cjs");`, loader: "js" }));
    build.onResolve({ filter: /^\.\/yaml\.cjs$/ }, () => ({ path: "./yaml.cjs", external: true }));
  },
};

/** What every bundle of the CLI is: one CommonJS file for Node 20, minified, quiet unless something is wrong. */
const COMMON = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
};

await build({ ...COMMON, entryPoints: [path.join(root, "node_modules", "yaml", "dist", "index.js")], outfile: yamlOutfile });

await build({
  ...COMMON,
  plugins: [commanderWithoutChildProcess, yamlAsOneFile],
  entryPoints: [path.join(root, "src", "main.ts")],
  outfile,
  // @colors/colors: cli-table3 requires it only for its own colours, which are switched off.
  external: ["pdfkit", "fontkit", "pdfjs-dist", "pdfjs-dist/*", "snowball-stemmers", "@fontsource/*", "@colors/colors/*"],
  // import.meta.url does not exist in CommonJS: give it the bundle's own address. Modules
  // that use it (packageRoot, fonts, schemaCheck) only need a file one level below the root.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: `"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;` },
});

// The start of the CLI (src/startCli.ts): compiles the bundle with V8's cached code. On its
// own, since it must run before the bundle is compiled.
await build({ ...COMMON, entryPoints: [path.join(root, "src", "startCli.ts")], outfile: path.join(root, "dist", "start.cjs") });

const fingerprintFile = path.join(root, "generated", "fingerprint.json");
const recorded = JSON.parse(readFileSync(fingerprintFile, "utf8"));
recorded.tool = createHash("sha256").update(readFileSync(outfile)).update(readFileSync(yamlOutfile)).digest("hex").slice(0, 16);
writeFileSync(fingerprintFile, `${JSON.stringify(recorded)}\n`);
console.log(`bundle: ${path.relative(root, outfile)} (${(readFileSync(outfile).length / 1024).toFixed(0)} KB), tool ${recorded.tool}`);
