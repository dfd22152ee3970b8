import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// CI (.ci/run) asks for a JSON report beside the usual output, to total every suite in one line.
const reportDir = process.env.HEARBACK_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    // At least two at a time: many suites mostly wait on child processes (CLI runs, server restarts), so even
    // a 2-core machine finishes a third sooner than with Vitest's default of one fewer than the cores.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir && { outputFile: { json: path.join(reportDir, 'vitest.json') } }),
  },
});
