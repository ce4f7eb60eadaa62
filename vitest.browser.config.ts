import { defineConfig } from "vitest/config";

// The browser lane (npm run test:browser): coverage.html of the shipped study in Debian's
// Chromium with axe-core. Kept out of npm test because a browser start and the axe scans
// take longer than the rest of the suite's CLI cases together.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    include: ["tests/browser.test.ts"],
  },
});
