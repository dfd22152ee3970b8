import path from 'node:path';
import { defineConfig } from 'vitest/config';

// CI (.ci/run) asks for a JSON report beside the usual output, to total every suite in one line.
const reportDir = process.env.HEARBACK_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir && { outputFile: { json: path.join(reportDir, 'vitest.json') } }),
  },
});
