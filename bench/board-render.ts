/**
 * Benchmark: the board with 1,000 applications, rendered by the web UI in Chromium, against a static HTML page
 * holding the same 1,000 cards (same markup, same stylesheet) measured in the same run. Both are timed with
 * the Performance API from navigation start until every card is in the document and a frame has been painted
 * with them; for the UI that includes loading its script, fetching the applications and rendering them.
 * The UI's handlers are attached when React commits, so "rendered" is also "interactive". Prints medians,
 * the ratio (target ≤ 2) and the initial JavaScript the UI ships, gzipped (target ≤ 150 kB).
 *
 * Run with `npx tsx bench/board-render.ts [applications] [rounds]`; it builds the UI first unless
 * HEARBACK_BENCH_SKIP_BUILD=1. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import type { ActiveStage } from '../src/core/pipeline.js';
import { createApiClient } from '../src/web/api-client.js';
import { repositoryRoot, startAppServer } from '../test/e2e/support/app-server.js';

const count = Number(process.argv[2] ?? 1_000);
const rounds = Number(process.argv[3] ?? 7);
const webRoot = path.join(repositoryRoot, 'dist/web');
const stages: readonly ActiveStage[] = ['saved', 'applied', 'screening', 'interviewing', 'offer'];

/** Runs in the page before anything else: resolves `window.__boardRendered` once all cards are painted. */
const renderProbe = (expected: number) => `
  window.__boardRendered = new Promise((resolve) => {
    const check = () => {
      if (document.querySelectorAll('li.card').length >= ${expected}) {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
`;

type Card = { id: string; jobTitle: string; company: string; stage: ActiveStage; date: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The board as plain HTML: the same columns, cards and classes the UI renders, with the UI's stylesheet. */
function staticBoardHtml(cards: readonly Card[], stylesheet: string): string {
  const columns = stages
    .map((stage) => {
      const items = cards
        .filter((c) => c.stage === stage)
        .map(
          (c) =>
            `<li class="card" draggable="true"><div class="card-heading"><a class="card-title" href="/applications/${c.id}">${escapeHtml(c.jobTitle)}</a>` +
            `<input type="checkbox" class="card-select" aria-label="Select ${escapeHtml(c.jobTitle)}"></div>` +
            `<p class="card-company">${escapeHtml(c.company)}</p><div class="card-meta"><span class="muted">${c.date}</span></div>` +
            `<div class="card-move"><button type="button" class="button-small">Move</button></div></li>`,
        )
        .join('');
      const label = stage[0]?.toUpperCase() + stage.slice(1);
      return `<section class="column"><h2 class="column-title">${label} <span class="count">${cards.filter((c) => c.stage === stage).length}</span></h2><ul class="card-list">${items}</ul></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board</title><link rel="stylesheet" href="/${stylesheet}"></head>
<body><header class="app-header"><a class="brand" href="/">hearback</a></header><main><div class="page page-wide"><h1>Board</h1>
<div class="board">${columns}<section class="column column-ended"><h2 class="column-title">Ended <span class="count">0</span></h2></section></div></div></main></body></html>`;
}

function serveStatic(html: string, stylesheetPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const css = fs.readFileSync(path.join(webRoot, stylesheetPath));
  const server = http.createServer((request, response) => {
    if (request.url === `/${stylesheetPath}`) {
      response.writeHead(200, {
        'content-type': 'text/css',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      response.end(css);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The gzipped size of what index.html loads before anything else: its module script and modulepreloads. */
function initialJavaScriptBytes(): { files: string[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gzipBytes = files.reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(webRoot, file)), { level: 9 }).length,
    0,
  );
  return { files, gzipBytes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  if (process.env.HEARBACK_BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      {
        cwd: repositoryRoot,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const stylesheet = fs.readdirSync(path.join(webRoot, 'assets')).find((f) => f.endsWith('.css'));
  if (!stylesheet) throw new Error('no stylesheet in dist/web/assets');

  const server = await startAppServer();
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
    const api = createApiClient({ baseUrl: server.url });
    process.stdout.write(`seeding ${count} applications…\n`);
    const cards: Card[] = [];
    for (let i = 0; i < count; i += 20) {
      const batch = Array.from({ length: Math.min(20, count - i) }, (_, k) => i + k);
      const created = await Promise.all(
        batch.map((n) =>
          api.createApplication({
            companyName: `Company ${n % 180}`,
            jobTitle: `Role ${n}: ${['Frontend', 'Backend', 'Data', 'Platform', 'Design'][n % 5]} engineer`,
            stage: stages[n % stages.length],
            allowDuplicate: true,
          }),
        ),
      );
      for (const a of created) {
        cards.push({
          id: a.id,
          jobTitle: a.jobTitle,
          company: a.company.name,
          stage: a.stage as ActiveStage,
          date: 'Applied',
        });
      }
    }
    const staticSite = await serveStatic(
      staticBoardHtml(cards, `assets/${stylesheet}`),
      `assets/${stylesheet}`,
    );

    const measure = async (url: string): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript({ content: renderProbe(count) });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const rendered = await page.evaluate<number>('window.__boardRendered');
      await context.close();
      return rendered;
    };

    // One unmeasured load of each warms the server, the HTTP cache of hashed assets and Chromium itself.
    await measure(`${server.url}/board`);
    await measure(staticSite.url);
    const ui: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      ui.push(await measure(`${server.url}/board`));
      baseline.push(await measure(staticSite.url));
    }
    await staticSite.close();

    const uiMs = median(ui);
    const baselineMs = median(baseline);
    const js = initialJavaScriptBytes();
    const result = {
      applications: count,
      rounds,
      uiMs: Math.round(uiMs),
      staticMs: Math.round(baselineMs),
      ratio: Number((uiMs / baselineMs).toFixed(2)),
      initialJsGzipKb: Number((js.gzipBytes / 1024).toFixed(1)),
      initialJsFiles: js.files,
    };
    process.stdout.write(
      [
        `board with ${count} applications, median of ${rounds} loads each (navigation start → all cards painted)`,
        `  web UI (script, API, React render): ${result.uiMs} ms   [${ui.map(Math.round).join(', ')}]`,
        `  static HTML, same cards and CSS:    ${result.staticMs} ms   [${baseline.map(Math.round).join(', ')}]`,
        `  ratio UI / static: ${result.ratio} (target ≤ 2)`,
        `initial JavaScript: ${result.initialJsGzipKb} kB gzipped in ${js.files.length} files (target ≤ 150 kB)`,
        '',
      ].join('\n'),
    );
    const resultsDir = path.join(repositoryRoot, 'bench/results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'board-render.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
