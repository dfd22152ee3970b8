/**
 * Benchmark: Done on Today, from the click to the card gone from the page, in the web UI in Chromium. With
 * `applications` applications, of which a share (default 60 %, about what a real search shows on Today) have
 * an overdue step, it clicks Done on the first card `clicks` times; each time, in the page, from just before
 * the click until the card has left the document and a frame has been painted without it. Between clicks it
 * waits for the Today refetch that follows, so each click starts from a settled page. Prints p50 and p95
 * (target: median ≤ 100 ms), and the server's answer to Done for comparison.
 *
 * Run with `npx tsx bench/step-done.ts [applications] [clicks] [share]`; it builds the UI first unless
 * HEARBACK_BENCH_SKIP_BUILD=1. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { createApiClient } from '../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../src/web/zoned-time.js';
import { startAppServer } from '../test/e2e/support/app-server.js';
import { buildWebUi, launchBrowser, percentile, writeResult } from './support/browser-bench.js';

const count = Number(process.argv[2] ?? 2_000);
const clicks = Number(process.argv[3] ?? 20);
const share = Number(process.argv[4] ?? 0.6);
const zone = 'Europe/Berlin';

/** Clicks Done on the first card and resolves with the milliseconds until a frame is painted without it. */
const clickDone = `(() => {
  const card = document.querySelector('.today-group article.follow-up');
  const button = [...card.querySelectorAll('button')].find((b) => b.textContent.startsWith('Done'));
  const start = performance.now();
  button.click();
  return new Promise((resolve) => {
    const check = () => {
      if (card.isConnected) requestAnimationFrame(check);
      else requestAnimationFrame(() => resolve(performance.now() - start));
    };
    check();
  });
})()`;

async function main(): Promise<void> {
  buildWebUi();
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const api = createApiClient({ baseUrl: server.url });
    const today = todayIn(zone, new Date());
    process.stdout.write(
      `seeding ${count} applications, ${Math.round(count * share)} with an overdue step…\n`,
    );
    for (let i = 0; i < count; i += 20) {
      const batch = Array.from({ length: Math.min(20, count - i) }, (_, k) => i + k);
      await Promise.all(
        batch.map(async (n) => {
          const application = await api.createApplication({
            companyName: `Company ${n % 180}`,
            jobTitle: `Role ${n}`,
            stage: 'saved',
            allowDuplicate: true,
          });
          if (n % 100 < share * 100) {
            await api.createFollowUp({
              applicationId: application.id,
              kind: 'first_follow_up',
              dueAt: zonedToInstant(addDays(today, -1 - (n % 5)), '09:00', zone),
            });
          }
        }),
      );
    }

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: zone,
      locale: 'en-US',
    });
    const page = await context.newPage();
    const serverMs: number[] = [];
    page.on('requestfinished', (request) => {
      if (/\/api\/follow-ups\/[^/]+\/done$/.test(new URL(request.url()).pathname)) {
        serverMs.push(request.timing().responseEnd - request.timing().requestStart);
      }
    });
    await page.goto(`${server.url}/`);
    await page.locator('.today-group article.follow-up').first().waitFor({ timeout: 120_000 });
    // Today arrives drawn by the server: its buttons answer once the app has hydrated the page.
    await page.locator('html[data-interactive]').waitFor({ state: 'attached', timeout: 120_000 });
    const gone: number[] = [];
    for (let i = 0; i < clicks; i += 1) {
      const refetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/today', {
        timeout: 120_000,
      });
      gone.push(await page.evaluate<number>(clickDone));
      await refetched;
      // The refetched Today drawn, before the next click.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    }
    await context.close();
    const result = {
      applications: count,
      cardsOnToday: Math.round(count * share),
      clicks,
      goneP50Ms: Math.round(percentile(gone, 50)),
      goneP95Ms: Math.round(percentile(gone, 95)),
      serverDoneP50Ms: Math.round(percentile(serverMs, 50)),
      targetMs: 100,
    };
    writeResult('step-done', result);
    console.log(
      `Done → card gone with ${count} applications: p50 ${result.goneP50Ms} ms, p95 ${result.goneP95Ms} ms (target p50 ≤ 100 ms); the server answered Done in ${result.serverDoneP50Ms} ms (p50)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
