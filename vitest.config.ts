import { configDefaults, defineConfig } from "vitest/config";

// End-to-end tests run the CLI, mostly in-process, a few through the real bin; on a loaded
// 2-core CI machine a single test can take a few seconds, so the default 5 s limit would fail
// on load, not on bugs. The browser tests have their own lane: npm run test:browser
// (vitest.browser.config.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    exclude: [...configDefaults.exclude, "tests/browser.test.ts"],
  },
});
