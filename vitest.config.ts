import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// CI (.ci/run) asks for a JSON report beside the usual output, to total every suite in one line.
const reportDir = process.env.HEARBACK_TEST_REPORT_DIR;

export default defineConfig({
  // The web's components (the server draws first screens with them, src/web/server-render.tsx) use React's
  // automatic JSX runtime, as src/web/tsconfig.json and Vite's build do.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'extension/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    // At least two at a time: many suites mostly wait on child processes (CLI runs, server restarts), so even
    // a 2-core machine finishes a third sooner than with Vitest's default of one fewer than the cores.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A time-out is there to end a hang, never to judge speed: the suites share two cores with other work, where
    // opening PGlite alone can take half a minute, so the limits are far above any honest run.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir && { outputFile: { json: path.join(reportDir, 'vitest.json') } }),
  },
});
