import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumExtensionId } from '../../src/core/browser-extension.js';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../support/corpora.js';
import { type AppServer, repositoryRoot, startAppServer } from './support/app-server.js';

/**
 * Issue 20: the browser clipper in Debian's Chromium. The built unpacked extension is loaded into a
 * persistent profile; it pairs with a fresh hearback through a code from Settings' API, then clips local test
 * pages (JSON-LD, Greenhouse-like, Lever-like, no structure, hostile markup) and the test reads back what
 * hearback stored. The popup is opened as a tab naming the tab to read (`?tabId=`), since a test cannot click
 * the toolbar button; the extension reaches those pages through its host permission for 127.0.0.1.
 */

const extensionDir = path.join(repositoryRoot, 'dist/extension/chrome-mv3');
const popupUrl = `chrome-extension://${chromiumExtensionId}/popup.html`;

function jsonLdPage(): string {
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Staff Engineer',
    hiringOrganization: { '@type': 'Organization', name: 'Orbital Labs' },
    jobLocation: { '@type': 'Place', address: { addressLocality: 'Berlin', addressCountry: 'DE' } },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: { '@type': 'QuantitativeValue', minValue: 80000, maxValue: 100000, unitText: 'YEAR' },
    },
    description: '<p>Build <b>orbits</b> with us.</p>',
  };
  return `<!doctype html><html><head><title>Jobs at Orbital</title>
<script type="application/ld+json">${JSON.stringify(posting)}</script></head>
<body><h1>Staff Engineer</h1><p>Page chrome</p></body></html>`;
}

const greenhousePage = `<!doctype html><html><head><title>Job Application for Backend Developer at Greenleaf</title></head>
<body><div id="app_body"><div id="header"><h1 class="app-title">Backend Developer</h1>
<span class="company-name">at Greenleaf</span><div class="location">Remote, Europe</div></div>
<div id="content"><p>We grow things.</p><ul><li>Go</li><li>PostgreSQL</li></ul></div></div></body></html>`;

const leverPage = `<!doctype html><html><head><title>Leverton - Data Analyst</title></head>
<body><div class="posting-headline"><h2>Data Analyst</h2>
<div class="posting-categories"><div class="location">Lisbon</div></div></div>
<div class="section-wrapper page-full-width"><div data-qa="job-description"><p>Count things carefully.</p></div></div>
</body></html>`;

const plainPage = `<!doctype html><html><head><title>Crumbs</title>
<meta property="og:site_name" content="Crumbs Bakery"></head>
<body><main><h1>Office Manager</h1><p>We are a small bakery looking for an office manager.</p></main></body></html>`;

const hostileTitle = 'Hostile <img src=x onerror=alert(1)> "engineer" & co';

function hostilePage(payloads: readonly string[]): string {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html><head><title>Hostile</title></head>
<body><div id="app_body"><div id="header"><h1 class="app-title">${escapeHtml(hostileTitle)}</h1>
<span class="company-name">at Evil Corp</span></div>
<div id="content"><p>Before</p>${payloads.join('\n')}<p>After</p></div></div></body></html>`;
}

function hostilePayloads(): string[] {
  const file = corpusPath('payloads/payloadsallthethings/xss/XSS_Polyglots.txt');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 40);
}

/** Builds the Chromium extension unless HEARBACK_E2E_SKIP_BUILD=1 and a build is there (a clean clone has none). */
function buildExtension(): void {
  if (process.env.HEARBACK_E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(extensionDir, 'manifest.json')))
    return;
  const build = spawnSync(
    process.execPath,
    ['node_modules/wxt/bin/wxt.mjs', 'build', 'extension', '-b', 'chrome'],
    { cwd: repositoryRoot, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('building the extension failed (npm run build:extension)');
}

test.describe('the browser clipper', () => {
  test.describe.configure({ mode: 'serial' });
  let server: AppServer;
  let pages: http.Server;
  let pagesUrl: string;
  let context: BrowserContext;
  let popup: Page;
  const routes = new Map<string, string>();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    buildExtension();
    server = await startAppServer();
    pages = http.createServer((request, response) => {
      const body = routes.get(request.url ?? '');
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    routes.set('/json-ld', jsonLdPage());
    routes.set('/greenhouse', greenhousePage);
    routes.set('/lever', leverPage);
    routes.set('/plain', plainPage);
    if (hasCorpora()) routes.set('/hostile', hostilePage(hostilePayloads()));

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-extension-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
      ],
    });
    popup = await context.newPage();
    popup.on('dialog', (dialog) => {
      throw new Error(`a dialog opened in the popup: ${dialog.message()}`);
    });
  });

  test.afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => pages?.close(resolve));
    await server?.stop();
  });

  // biome-ignore lint/suspicious/noExplicitAny: the test reads stored applications loosely and asserts what it needs
  async function stored(): Promise<any[]> {
    const list = (await (await fetch(`${server.url}/api/applications?limit=100`)).json()) as {
      items: { id: string }[];
    };
    return Promise.all(
      list.items.map(async (item) => (await fetch(`${server.url}/api/applications/${item.id}`)).json()),
    );
  }

  /** Opens the page in a tab, then the popup reading that tab; answers once the form is filled. */
  async function openPopupOn(pagePath: string, { expectForm = true } = {}): Promise<void> {
    const tab = await context.newPage();
    await tab.goto(`${pagesUrl}${pagePath}`);
    const tabId = await popup.evaluate(async (url) => {
      const chromeApi = (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
      ).chrome;
      return (await chromeApi.tabs.query({ url }))[0]?.id;
    }, `${pagesUrl}${pagePath}`);
    expect(tabId, `the tab of ${pagePath}`).toBeDefined();
    await popup.goto(`${popupUrl}?tabId=${tabId}`);
    if (!expectForm) return;
    await expect(popup.locator('#clip-form')).toBeVisible();
    await expect(popup.locator('#read-from')).not.toBeEmpty();
  }

  test('pairs with a one-time code from Settings → Browser extension', async () => {
    const settings = await context.newPage();
    await settings.goto(`${server.url}/settings`);
    const section = settings.getByRole('region', { name: 'Browser extension' });
    await section.getByRole('button', { name: 'Get a pairing code' }).click();
    await expect(section.locator('.pairing-code')).toBeVisible();
    const code = (await section.locator('.pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    await popup.goto(popupUrl);
    await expect(popup.locator('#pair-form')).toBeVisible();
    await popup.locator('#pair-base').fill(server.url);
    await popup.locator('#pair-code').fill(code);
    await popup.getByRole('button', { name: 'Pair' }).click();
    await expect(popup.locator('#status')).toContainText('Paired');

    await settings.reload();
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await expect(section.getByRole('listitem')).toContainText('Chromium, paired');
    await settings.close();
  });

  test('clips a JSON-LD posting with its salary and description, then warns on a second clip', async () => {
    await openPopupOn('/json-ld');
    await expect(popup.locator('#company')).toHaveValue('Orbital Labs');
    await expect(popup.locator('#title')).toHaveValue('Staff Engineer');
    await expect(popup.locator('#location')).toHaveValue('Berlin, DE');
    await expect(popup.locator('#salary')).toHaveValue('EUR 80000–100000 per year');
    await expect(popup.locator('#duplicate')).toBeHidden();
    await popup.locator('#tags').fill('clipped, space');
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('Saved to hearback: Staff Engineer at Orbital Labs');

    const [saved] = await stored();
    expect(saved).toMatchObject({
      company: { name: 'Orbital Labs' },
      jobTitle: 'Staff Engineer',
      stage: 'saved',
      tags: ['clipped', 'space'],
      postingUrl: `${pagesUrl}/json-ld`,
      posting: {
        location: 'Berlin, DE',
        salaryMin: 80000,
        salaryMax: 100000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
      },
    });
    expect((saved!.posting as { descriptionHtml: string }).descriptionHtml).toContain('<b>orbits</b>');

    await openPopupOn('/json-ld');
    await expect(popup.locator('#duplicate')).toContainText('You saved this on');
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('already has this posting');
    expect(await stored()).toHaveLength(1);
  });

  test('clips Greenhouse-like and Lever-like pages from their structure', async () => {
    await openPopupOn('/greenhouse');
    await expect(popup.locator('#company')).toHaveValue('Greenleaf');
    await expect(popup.locator('#title')).toHaveValue('Backend Developer');
    await expect(popup.locator('#location')).toHaveValue('Remote, Europe');
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('Saved to hearback');

    await openPopupOn('/lever');
    await expect(popup.locator('#company')).toHaveValue('Leverton');
    await expect(popup.locator('#title')).toHaveValue('Data Analyst');
    await expect(popup.locator('#location')).toHaveValue('Lisbon');
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('Saved to hearback');

    const byTitle = new Map((await stored()).map((a) => [a.jobTitle, a]));
    expect(byTitle.get('Backend Developer')).toMatchObject({
      company: { name: 'Greenleaf' },
      posting: { location: 'Remote, Europe' },
    });
    expect(
      (byTitle.get('Backend Developer')!.posting as { descriptionText: string }).descriptionText,
    ).toContain('We grow things.');
    expect(byTitle.get('Data Analyst')).toMatchObject({
      company: { name: 'Leverton' },
      posting: { location: 'Lisbon' },
    });
  });

  test('clips a page with no structure from its text, as applied on a given day', async () => {
    await openPopupOn('/plain');
    await expect(popup.locator('#company')).toHaveValue('Crumbs Bakery');
    await expect(popup.locator('#title')).toHaveValue('Office Manager');
    await expect(popup.locator('#read-from')).toContainText('no posting structure');
    await popup.getByRole('radio', { name: 'Applied on' }).check();
    await popup.getByLabel('Applied on', { exact: true }).last().fill('2026-11-03');
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('(applied)');
    const saved = (await stored()).find((a) => a.jobTitle === 'Office Manager')!;
    expect(saved).toMatchObject({ stage: 'applied', company: { name: 'Crumbs Bakery' } });
    expect(String(saved.appliedAt).slice(0, 10)).toBe('2026-11-03');
    expect((saved.posting as { descriptionText: string }).descriptionText).toContain('small bakery');
  });

  test('clips a page of hostile markup: nothing runs, the title round-trips, the description is sanitised', async () => {
    test.skip(!hasCorpora(), corporaSkipMessage);
    await openPopupOn('/hostile');
    await expect(popup.locator('#title')).toHaveValue(hostileTitle);
    await popup.getByRole('button', { name: 'Save to hearback' }).click();
    await expect(popup.locator('#status')).toContainText('Saved to hearback');
    const injected = await popup.evaluate(
      'document.querySelectorAll("main img, main script, main iframe, main svg, [onerror], [onload]").length',
    );
    expect(injected).toBe(0);
    const saved = (await stored()).find((a) => a.jobTitle === hostileTitle)!;
    expect(saved).toBeDefined();
    const html = (saved.posting as { descriptionHtml: string }).descriptionHtml;
    expect(html).toContain('Before');
    // Parsed inert (DOMParser runs nothing): payload text may remain as text, but no element or attribute.
    const dangerous = await popup.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
      const found = [];
      for (const el of doc.body.querySelectorAll('*')) {
        if (/^(script|iframe|svg|img|object|embed|style|form|math|video|audio|base|link|meta)$/i.test(el.tagName))
          found.push(el.tagName);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name) || /^\\s*(javascript|data|vbscript):/i.test(attr.value))
            found.push(el.tagName + ' ' + attr.name);
        }
      }
      return found;
    })()`);
    expect(dangerous).toEqual([]);
  });

  test('a browser revoked in Settings can no longer clip, and the popup asks to pair again', async () => {
    const settings = await context.newPage();
    await settings.goto(`${server.url}/settings`);
    const section = settings.getByRole('region', { name: 'Browser extension' });
    await expect(section.getByRole('listitem')).toContainText('last used');
    settings.once('dialog', (dialog) => dialog.accept());
    await section.getByRole('button', { name: 'Revoke' }).click();
    await expect(section.getByText('None yet.')).toBeVisible();
    await settings.close();

    await openPopupOn('/greenhouse', { expectForm: false });
    await expect(popup.locator('#pair-form')).toBeVisible();
    await expect(popup.locator('#status')).toContainText('not paired');
  });
});
