/**
 * Benchmark: the insights page's first render with 2,000 applications with full histories (bench/support/
 * seed-data.ts), in Chromium, against a static HTML page of the same numbers measured in the same run
 * (`compareWithStatic`: the page's own rendered document without its scripts: the same headlines, Sankey
 * picture, tables and bars). The page arrives drawn by the server from `GET /api/insights` (from the response
 * cache once computed), asked in process; the UI's script and the page's own chunk then hydrate it, and when
 * it answers to input is printed beside the ratio. "Rendered" is every table row of the page painted. Prints medians, each load, and the ratio (target ≤ 2).
 *
 * Run with `npx tsx bench/insights-render.ts [applications] [rounds]`; it builds the UI first unless
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
  const insights = await createApiClient({ baseUrl: server.url }).getInsights({});
  process.stdout.write(
    `insights of ${insights.applications} applications: ${insights.activity.weeks.length} weeks, ${insights.sankey.links.length} flows\n`,
  );
  const results = await compareWithStatic(
    browser,
    server.url,
    [{ name: 'Insights', path: '/insights', selector: '.insights-table tbody tr' }],
    rounds,
    `${count} applications`,
  );
  writeResult('insights-render', { applications: count, rounds, results });
} finally {
  await browser.close();
  await server.stop();
}
