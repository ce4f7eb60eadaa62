// Runs the built CLI in this process and prints its peak memory on exit, so the benchmark
// needs no /usr/bin/time. Arguments are passed to dekking unchanged.
const { writeSync } = require("node:fs");

process.argv = [process.argv[0], "dekking", ...process.argv.slice(2)];
process.on("exit", () => {
  writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
require("../../dist/dekking.cjs");
