/**
 * Benchmark: the board with 2,000 applications (the API benchmark's realistic search), rendered by the web UI
 * in Chromium against a static HTML page of the same cards measured in the same run (`compareWithStatic`: the
 * UI's own rendered board without its scripts). The board arrives drawn by the server and is hydrated by the
 * UI's script; when it answers to input is printed beside the ratio. Prints medians, the ratio (target ≤ 2)
 * and the initial JavaScript the UI ships, gzipped (target ≤ 150 kB).
 *
 * Run with `npx tsx bench/board-render.ts [applications] [rounds]`; it builds the UI first unless
 * HEARBACK_BENCH_SKIP_BUILD=1. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApiClient } from '../src/web/api-client.js';
import { repositoryRoot, startAppServer } from '../test/e2e/support/app-server.js';
import {
  buildWebUi,
  compareWithStatic,
  launchBrowser,
  seedSearchDataDir,
  writeResult,
} from './support/browser-bench.js';

const count = Number(process.argv[2] ?? 2_000);
const rounds = Number(process.argv[3] ?? 5);

/** The gzipped size of what index.html loads before anything else: its module script and modulepreloads. */
function initialJavaScriptBytes(): { files: string[]; gzipBytes: number } {
  const webRoot = path.join(repositoryRoot, 'dist/web');
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gzipBytes = files.reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(webRoot, file)), { level: 9 }).length,
    0,
  );
  return { files, gzipBytes };
}

buildWebUi();
const server = await startAppServer({ dataDir: await seedSearchDataDir(count) });
const browser = await launchBrowser();
try {
  const cards = await createApiClient({ baseUrl: server.url }).listApplicationCards();
  const perStage = new Map<string, number>();
  for (const card of cards) perStage.set(card.stage, (perStage.get(card.stage) ?? 0) + 1);
  const byStage = [...perStage].map(([stage, n]) => `${n} ${stage}`).join(', ');
  process.stdout.write(`the board holds ${cards.length} applications (${byStage})\n`);
  const results = await compareWithStatic(
    browser,
    server.url,
    [{ name: 'Board', path: '/board', selector: 'li.card' }],
    rounds,
    `${count} applications`,
  );
  const js = initialJavaScriptBytes();
  const initialJsGzipKb = Number((js.gzipBytes / 1024).toFixed(1));
  process.stdout.write(
    `initial JavaScript: ${initialJsGzipKb} kB gzipped in ${js.files.length} files (target ≤ 150 kB)\n`,
  );
  writeResult('board-render', {
    applications: count,
    rounds,
    results,
    initialJsGzipKb,
    initialJsFiles: js.files,
  });
} finally {
  await browser.close();
  await server.stop();
}
