import { defineConfig } from '@playwright/test';

// One worker: every test launches its own Chromium with the extension, and the machine has two cores.
// One retry covers the service-worker attach race at launch.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
