import { defineConfig } from "vitest/config";

// End-to-end tests start the real CLI, often several times; on a loaded 2-core CI machine a
// single test can take a few seconds, so the default 5 s limit would fail on load, not on bugs.
export default defineConfig({
  test: {
    testTimeout: 30_000,
  },
});
