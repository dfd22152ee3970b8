import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 * CHROMIUM_PATH points elsewhere when the browser lives somewhere else.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/playwright',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // CI (.ci/run) asks for a JSON report beside the usual output, to total every suite in one line.
  reporter: process.env.HEARBACK_TEST_REPORT_DIR
    ? [['list'], ['json', { outputFile: `${process.env.HEARBACK_TEST_REPORT_DIR}/playwright.json` }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    // A control that never becomes clickable fails the step in seconds, not at the end of the test timeout.
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
