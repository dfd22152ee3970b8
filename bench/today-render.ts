/**
 * Benchmark: Today with 2,000 applications (the API benchmark's realistic search: histories, interviews, steps
 * in every status, some due today), rendered by the web UI in Chromium against a static HTML page of the same
 * items measured in the same run (`compareWithStatic`: the UI's own rendered document without its scripts).
 * Prints medians, each load, and the ratio (target ≤ 2).
 *
 * Run with `npx tsx bench/today-render.ts [applications] [rounds]`; it builds the UI first unless
 * HEARBACK_BENCH_SKIP_BUILD=1. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { createApiClient } from '../src/web/api-client.js';
import { startAppServer } from '../test/e2e/support/app-server.js';
import {
  buildWebUi,
  compareWithStatic,
  launchBrowser,
  seedSearchDataDir,
  writeResult,
} from './support/browser-bench.js';

const count = Number(process.argv[2] ?? 2_000);
const rounds = Number(process.argv[3] ?? 5);

buildWebUi();
const server = await startAppServer({ dataDir: await seedSearchDataDir(count) });
const browser = await launchBrowser();
try {
  const today = await createApiClient({ baseUrl: server.url }).getToday();
  const steps = today.overdue.length + today.today.length + today.week.length;
  process.stdout.write(
    `Today holds ${steps} steps (${today.overdue.length} overdue, ${today.today.length} today, ${today.week.length} this week)\n`,
  );
  const results = await compareWithStatic(
    browser,
    server.url,
    [{ name: 'Today', path: '/', selector: '.today-group article.follow-up' }],
    rounds,
    `${count} applications`,
  );
  writeResult('today-render', { applications: count, rounds, todaySteps: steps, results });
} finally {
  await browser.close();
  await server.stop();
}
