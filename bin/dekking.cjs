#!/usr/bin/env node
// The whole CLI is one CommonJS bundle (npm run build): no ES module graph to resolve at start-up.
require("../dist/dekking.cjs");
