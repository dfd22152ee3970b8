/**
 * What the browser benchmarks (today-render, board-render, step-done) share: building the UI, seeding a data
 * directory, launching Chromium, and timing a page of the UI against a static HTML page of the same items.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { startRuntime } from '../../src/runtime.js';
import { repositoryRoot } from '../../test/e2e/support/app-server.js';
import { seedSearch } from './seed-data.js';

const webRoot = path.join(repositoryRoot, 'dist/web');

/** Builds the web UI unless HEARBACK_BENCH_SKIP_BUILD=1 (a run of several benchmarks builds once). */
export function buildWebUi(): void {
  if (process.env.HEARBACK_BENCH_SKIP_BUILD === '1') return;
  // The UI, and the server's drawing of its first screens (npm run build:web).
  for (const config of ['vite.config.ts', 'vite.server-render.config.ts']) {
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', config, '--logLevel', 'warn'],
      { cwd: repositoryRoot, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error(`vite build --config ${config} failed`);
  }
}

/** Headless Chromium (CHROMIUM_PATH, default Debian's /usr/bin/chromium) without its background chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * A fresh data directory holding the realistic search of `count` applications (`seedSearch`), seeded as of
 * yesterday afternoon (UTC): seedSearch dates things at noon of its day, which just after midnight would lie
 * in the future and be refused.
 */
export async function seedSearchDataDir(count: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-'));
  process.stdout.write(`seeding ${count} applications…\n`);
  const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dataDir, 'hearback.db') });
  const yesterday = new Date();
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  yesterday.setUTCHours(14, 0, 0, 0);
  await seedSearch(runtime.deps, count, yesterday);
  await runtime.close();
  return dataDir;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export type Screen = { readonly name: string; readonly path: string; readonly selector: string };

export type RenderResult = {
  readonly screen: string;
  readonly items: number;
  readonly uiMs: number;
  /** When the UI answers to input: hydrated (a page the server drew) or first committed (one the browser drew). */
  readonly uiInteractiveMs: number;
  readonly staticMs: number;
  readonly ratio: number;
  readonly uiRuns: readonly number[];
  readonly staticRuns: readonly number[];
};

/**
 * Times each screen of the UI at `serverUrl` against a static HTML page of the same items, in the same run.
 * The static page is the UI's own rendered document, saved once with its scripts removed: the same markup,
 * classes and stylesheet, so the comparison cannot drift from what the UI draws. Both are timed with the
 * Performance API from navigation start until every expected item is in the document and a frame has been
 * painted with them. Today, the board and insights arrive drawn by the server (src/web/server-render.tsx): for
 * them that is the server reading the answers and drawing the page, then the browser painting it, with the
 * UI's script loading and hydrating the page around that paint; any other page loads its script, fetches its
 * data and renders. When the UI answers to input (hydrated, or first committed) is reported beside, not part
 * of the ratio. Each
 * load uses a fresh browser context (a first visit's script fetch included); the two alternate, so a busy
 * machine weighs on both alike. Prints and returns medians, each load, and the ratio (target ≤ 2).
 */
export async function compareWithStatic(
  browser: Browser,
  serverUrl: string,
  screens: readonly Screen[],
  rounds: number,
  describe: string,
): Promise<RenderResult[]> {
  const snapshots = new Map<string, string>();
  const expected = new Map<string, number>();
  for (const screen of screens) {
    const taken = await snapshot(browser, `${serverUrl}${screen.path}`, screen.selector);
    snapshots.set(screen.path, taken.html);
    expected.set(screen.name, taken.items);
  }
  const staticSite = await serveStatic(snapshots);
  const results: RenderResult[] = [];
  try {
    for (const screen of screens) {
      const items = expected.get(screen.name) ?? 1;
      const measure = (url: string, isApp: boolean) =>
        measureRender(browser, url, screen.selector, items, isApp);
      // One unmeasured load of each warms the server, the HTTP cache of hashed assets and Chromium itself.
      await measure(`${serverUrl}${screen.path}`, true);
      await measure(`${staticSite.url}${screen.path}`, false);
      const ui: number[] = [];
      const interactive: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const app = await measure(`${serverUrl}${screen.path}`, true);
        ui.push(app.rendered);
        interactive.push(app.interactive ?? Number.NaN);
        baseline.push((await measure(`${staticSite.url}${screen.path}`, false)).rendered);
      }
      const result: RenderResult = {
        screen: screen.name,
        items,
        uiMs: Math.round(median(ui)),
        uiInteractiveMs: Math.round(median(interactive)),
        staticMs: Math.round(median(baseline)),
        ratio: Number((median(ui) / median(baseline)).toFixed(2)),
        uiRuns: ui.map(Math.round),
        staticRuns: baseline.map(Math.round),
      };
      results.push(result);
      process.stdout.write(
        [
          `${screen.name} with ${describe} (${items} items drawn), median of ${rounds} loads each`,
          `  web UI (script, API, React render): ${result.uiMs} ms   [${result.uiRuns.join(', ')}]`,
          `  static HTML, same markup and CSS:   ${result.staticMs} ms   [${result.staticRuns.join(', ')}]`,
          `  web UI answering to input:          ${result.uiInteractiveMs} ms (not part of the ratio)`,
          `  ratio UI / static: ${result.ratio} (target ≤ 2)`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    await staticSite.close();
  }
  return results;
}

/** Writes a benchmark's figures to bench/results/<name>.json, with the machine's load when it ran. */
export function writeResult(name: string, result: object): void {
  const resultsDir = path.join(repositoryRoot, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const loadAverage = os.loadavg().map((n) => Number(n.toFixed(2)));
  fs.writeFileSync(
    path.join(resultsDir, `${name}.json`),
    `${JSON.stringify({ ...result, loadAverage }, null, 2)}\n`,
  );
  process.stdout.write(`load average: ${loadAverage.join(', ')}\n`);
}

/**
 * Runs in the page before anything else: resolves `window.__rendered` once the items are painted, and
 * `window.__interactive` when the UI marks that it answers to input (src/web/main.tsx, `hearback:interactive`).
 */
const renderProbe = (selector: string, expected: number) => `
  window.__interactive = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'hearback:interactive') resolve(entry.startTime);
    }).observe({ type: 'mark', buffered: true });
  });
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

async function measureRender(
  browser: Browser,
  url: string,
  selector: string,
  expected: number,
  isApp: boolean,
): Promise<{ rendered: number; interactive: number | null }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: renderProbe(selector, expected) });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const rendered = await page.evaluate<number>('window.__rendered');
  const interactive = isApp ? await page.evaluate<number>('window.__interactive') : null;
  await context.close();
  return { rendered, interactive };
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

/** Serves one HTML page at each path, and the built assets from dist/web as the app serves them. */
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
