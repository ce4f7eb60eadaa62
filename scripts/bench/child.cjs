// Runs the built CLI in this process, as bin/dekking.cjs starts it (dist/start.cjs: the
// bundle with V8's compiled code kept in the cache folder), and prints its peak memory on
// exit, so the benchmark needs no /usr/bin/time. Arguments are passed to dekking unchanged.
const { writeSync } = require("node:fs");
const path = require("node:path");

process.argv = [process.argv[0], "dekking", ...process.argv.slice(2)];
process.on("exit", () => {
  writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
require("../../dist/start.cjs").startCli(path.join(__dirname, "..", ".."));
