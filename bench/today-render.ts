/**
 * Benchmark: Today and the board with 2,000 applications (the API benchmark's realistic search: histories,
 * interviews, steps in every status, some due today), rendered by the web UI in Chromium, each against a
 * static HTML page of the same items measured in the same run. The static page is the UI's own rendered
 * document, saved once with its scripts removed: the same markup, classes and stylesheet, so the comparison
 * cannot drift from what the UI draws. Both are timed with the Performance API from navigation start until
 * every expected item is in the document and a frame has been painted with them; for the UI that includes
 * loading its script, fetching the data and rendering it. Prints medians, each run, and the ratio (target ≤ 2).
 *
 * Run with `npx tsx bench/today-render.ts [applications] [rounds]`; it builds the UI first unless
 * HEARBACK_BENCH_SKIP_BUILD=1. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { startRuntime } from '../src/runtime.js';
import { createApiClient } from '../src/web/api-client.js';
import { repositoryRoot, startAppServer } from '../test/e2e/support/app-server.js';
import { seedSearch } from './support/seed-data.js';

const count = Number(process.argv[2] ?? 2_000);
const rounds = Number(process.argv[3] ?? 5);
const webRoot = path.join(repositoryRoot, 'dist/web');

type Screen = { readonly name: string; readonly path: string; readonly selector: string };
const screens: readonly Screen[] = [
  { name: 'Today', path: '/', selector: '.today-group article.follow-up' },
  { name: 'Board', path: '/board', selector: 'li.card' },
];

/** Runs in the page before anything else: resolves `window.__rendered` once the items are painted. */
const renderProbe = (selector: string, expected: number) => `
  window.__rendered = new Promise((resolve) => {
    const check = () => {
      if (document.querySelectorAll(${JSON.stringify(selector)}).length >= ${expected}) {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Serves one HTML page at every path except the built assets, which come from dist/web as the app serves them. */
function serveStatic(pages: ReadonlyMap<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/assets/')) {
      const file = path.join(webRoot, path.normalize(url).replace(/^\/+/, ''));
      response.writeHead(200, {
        'content-type': file.endsWith('.css') ? 'text/css' : 'application/octet-stream',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      response.end(fs.readFileSync(file));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(pages.get(url) ?? '');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The UI's rendered document without its scripts: what a server-rendered page of the same items would send. */
async function snapshot(
  browser: Browser,
  url: string,
  selector: string,
): Promise<{ html: string; items: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  const result = await page.evaluate<{ html: string; items: number }>(`(() => {
    for (const element of document.querySelectorAll('script, link[rel="modulepreload"]')) element.remove();
    return {
      html: '<!doctype html>' + document.documentElement.outerHTML,
      items: document.querySelectorAll(${JSON.stringify(selector)}).length,
    };
  })()`);
  await context.close();
  return result;
}

async function main(): Promise<void> {
  if (process.env.HEARBACK_BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      { cwd: repositoryRoot, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('vite build failed');
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-'));
  process.stdout.write(`seeding ${count} applications…\n`);
  const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dataDir, 'hearback.db') });
  // Seeded as of yesterday afternoon (UTC): seedSearch dates things at noon of its day, which just after midnight
  // would lie in the future and be refused.
  const yesterday = new Date();
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  yesterday.setUTCHours(14, 0, 0, 0);
  await seedSearch(runtime.deps, count, yesterday);
  await runtime.close();

  const server = await startAppServer({ dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const today = await createApiClient({ baseUrl: server.url }).getToday();
    const steps = today.overdue.length + today.today.length + today.week.length;
    process.stdout.write(
      `Today holds ${steps} steps (${today.overdue.length} overdue, ${today.today.length} today, ${today.week.length} this week)\n`,
    );

    const snapshots = new Map<string, string>();
    const expected = new Map<string, number>();
    for (const screen of screens) {
      const taken = await snapshot(browser, `${server.url}${screen.path}`, screen.selector);
      snapshots.set(screen.path, taken.html);
      expected.set(screen.name, taken.items);
    }
    const staticSite = await serveStatic(snapshots);

    const measure = async (url: string, screen: Screen): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript({ content: renderProbe(screen.selector, expected.get(screen.name) ?? 1) });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const rendered = await page.evaluate<number>('window.__rendered');
      await context.close();
      return rendered;
    };

    const results = [];
    for (const screen of screens) {
      // One unmeasured load of each warms the server, the HTTP cache of hashed assets and Chromium itself.
      await measure(`${server.url}${screen.path}`, screen);
      await measure(`${staticSite.url}${screen.path}`, screen);
      const ui: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        ui.push(await measure(`${server.url}${screen.path}`, screen));
        baseline.push(await measure(`${staticSite.url}${screen.path}`, screen));
      }
      const result = {
        screen: screen.name,
        items: expected.get(screen.name),
        uiMs: Math.round(median(ui)),
        staticMs: Math.round(median(baseline)),
        ratio: Number((median(ui) / median(baseline)).toFixed(2)),
        uiRuns: ui.map(Math.round),
        staticRuns: baseline.map(Math.round),
      };
      results.push(result);
      process.stdout.write(
        [
          `${screen.name} with ${count} applications (${result.items} items drawn), median of ${rounds} loads each`,
          `  web UI (script, API, React render): ${result.uiMs} ms   [${result.uiRuns.join(', ')}]`,
          `  static HTML, same markup and CSS:   ${result.staticMs} ms   [${result.staticRuns.join(', ')}]`,
          `  ratio UI / static: ${result.ratio} (target ≤ 2)`,
          '',
        ].join('\n'),
      );
    }
    await staticSite.close();
    const resultsDir = path.join(repositoryRoot, 'bench/results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, 'today-render.json'),
      `${JSON.stringify({ applications: count, rounds, todaySteps: steps, results }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
