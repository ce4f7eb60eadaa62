#!/usr/bin/env node
// The whole CLI is one CommonJS bundle (npm run build): no ES module graph to resolve at
// start-up. dist/start.cjs runs it with V8's compiled code kept between runs (src/startCli.ts).
require("../dist/start.cjs").startCli(require("node:path").join(__dirname, ".."));
