import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { createApiClient } from '../../src/web/api-client.js';
import { repositoryRoot, startAppServer } from './support/app-server.js';
import { layoutShiftObserver } from './support/browser-scripts.js';
import { test as base, expect, whenInteractive } from './support/fixtures.js';
import { type DemoData, seedDemoData } from './support/seed.js';

const screenshotDir = path.join(repositoryRoot, 'test-results/screenshots');

type View = {
  readonly name: string;
  readonly path: (data: DemoData) => string;
  /** Opens a dialog or otherwise brings the page to the state worth checking. */
  readonly prepare?: (page: Page) => Promise<void>;
  /**
   * Where axe looks, when only part of a page changed from a view already checked whole (a dialog over a
   * page, one panel's new state); the screenshot and the layout checks still cover the whole page.
   */
  readonly axeScope?: string;
};

/** A spreadsheet with a duplicate of the demo data and a bad row, so every kind of row is on the preview. */
const demoCsv = [
  'Company,Job Title,Date applied,Status,Found on',
  'Contoso,Data analyst,03/02/2026,applied,LinkedIn',
  'Blue Yonder,Backend engineer,13/02/2026,interviewing,Referral',
  ',No company,14/02/2026,applied,',
  'Woodgrove Bank,QA engineer,20/02/2026,rejected,Indeed',
].join('\n');

const demoInvitation = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:demo-invite@google.com',
  'DTSTAMP:20260301T090000Z',
  'DTSTART;TZID=Europe/Berlin:20260410T100000',
  'DTEND;TZID=Europe/Berlin:20260410T110000',
  'SUMMARY:Final interview - Northwind Traders',
  'LOCATION:https://meet.google.com/abc-defg-hij',
  'ORGANIZER;CN=Rita Okoye:mailto:rita@northwind.example',
  'ATTENDEE;CN=Ben Okafor:mailto:ben@northwind.example',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const views: readonly View[] = [
  { name: 'today', path: () => '/' },
  { name: 'board', path: () => '/board' },
  { name: 'board-table', path: () => '/board?view=table' },
  {
    name: 'board-table-selected',
    path: () => '/board?view=table',
    prepare: async (page) => {
      await page.getByRole('checkbox', { name: 'Select every application shown' }).check();
      await page.getByRole('region', { name: 'Selected applications' }).waitFor();
    },
  },
  {
    name: 'board-column-selected',
    path: () => '/board',
    prepare: async (page) => {
      await page
        .getByRole('checkbox', { name: /^Select every application in / })
        .first()
        .check();
      await page.getByRole('region', { name: 'Selected applications' }).waitFor();
    },
  },
  { name: 'application', path: (d) => `/applications/${d.featured.id}` },
  { name: 'application-waiting', path: (d) => `/applications/${d.waiting.id}` },
  { name: 'follow-up-draft', path: (d) => `/follow-ups/${d.stepId}/draft` },
  { name: 'add', path: () => '/add' },
  { name: 'contacts', path: () => '/contacts' },
  { name: 'companies', path: () => '/companies' },
  { name: 'settings', path: () => '/settings' },
  {
    name: 'settings-calendar-link',
    path: () => '/settings',
    prepare: async (page) => {
      page.once('dialog', (dialog) => void dialog.accept());
      await page
        .getByRole('region', { name: 'Calendar feed' })
        .getByRole('button', { name: /^Get (my calendar link|a new link)$/ })
        .click();
      await page.getByLabel('Your calendar link').waitFor();
    },
    axeScope: '.calendar-feed',
  },
  { name: 'import', path: () => '/import' },
  {
    name: 'import-previews',
    path: () => '/import',
    prepare: async (page) => {
      await page
        .getByLabel('CSV file')
        .setInputFiles({ name: 'search.csv', mimeType: 'text/csv', buffer: Buffer.from(demoCsv) });
      await page.locator('table.csv-mapping').waitFor();
      await page.getByLabel('Invitation file (.ics)').setInputFiles({
        name: 'invite.ics',
        mimeType: 'text/calendar',
        buffer: Buffer.from(demoInvitation),
      });
      await page.locator('.invitation').waitFor();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    },
  },
  { name: 'not-found', path: () => '/no/such/page' },
  {
    name: 'dialog-quick-add',
    path: () => '/board',
    prepare: async (page) => {
      await page.keyboard.press('n');
      await page.locator('dialog[open]').waitFor();
    },
    axeScope: 'dialog[open]',
  },
  {
    name: 'dialog-log-interview',
    path: () => '/',
    prepare: async (page) => {
      await page.keyboard.press('i');
      await page.locator('dialog[open]').waitFor();
    },
    axeScope: 'dialog[open]',
  },
  {
    name: 'dialog-shortcuts',
    path: () => '/',
    prepare: async (page) => {
      await page.keyboard.press('?');
      await page.locator('dialog[open]').waitFor();
    },
    axeScope: 'dialog[open]',
  },
  {
    name: 'dialog-end',
    path: () => '/board',
    prepare: async (page) => {
      await page
        .locator('li.card')
        .first()
        .getByRole('button', { name: /^Move / })
        .click();
      await page.getByRole('button', { name: 'End…' }).click();
      await page.locator('dialog[open]').waitFor();
    },
    axeScope: 'dialog[open]',
  },
];

const layouts = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 812 } },
] as const;

/**
 * Each worker checks its share of the four scheme × layout runs against its own hearback, seeded once with the
 * demo data: the runs go in parallel (one per worker) and nothing is seeded per run.
 */
const test = base.extend<object, { demo: { url: string; data: DemoData } }>({
  demo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startAppServer();
      try {
        await use({ url: server.url, data: await seedDemoData(createApiClient({ baseUrl: server.url })) });
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker' },
  ],
});

async function openView(
  browser: Browser,
  baseURL: string,
  scheme: 'light' | 'dark',
  layout: (typeof layouts)[number],
) {
  const context = await browser.newContext({
    baseURL,
    colorScheme: scheme,
    viewport: layout.viewport,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    reducedMotion: 'reduce',
  });
  await context.addInitScript({ content: layoutShiftObserver });
  return context;
}

async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test.describe.configure({ mode: 'parallel' });

for (const scheme of ['light', 'dark'] as const) {
  for (const layout of layouts) {
    const title =
      layout.name === 'desktop'
        ? `every page has no serious accessibility problem and no layout shift: ${scheme}, ${layout.name}`
        : `every page keeps its layout on a phone: ${scheme}, ${layout.name}`;
    test(title, async ({ browser, demo }) => {
      test.setTimeout(600_000);
      const { data } = demo;
      fs.mkdirSync(screenshotDir, { recursive: true });
      const context = await openView(browser, demo.url, scheme, layout);
      // One page for every view: each view is a fresh document (page.goto), so nothing carries over but the
      // browser's cache of the UI's hashed scripts, as for a user moving between pages.
      const page = whenInteractive(await context.newPage());
      let errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      try {
        for (const view of views) {
          await test.step(view.name, async () => {
            errors = [];
            await page.goto(view.path(data));
            await waitUntilLoaded(page);
            const shift = await page.evaluate<number>('window.__hearbackCls');
            await view.prepare?.(page);
            // What the view opened (a dialog's form loads its code when first shown) has drawn, and a frame
            // has been painted with it.
            await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
            await page.evaluate(
              'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
            );

            const axe = new AxeBuilder({ page });
            if (view.axeScope) axe.include(view.axeScope);
            const results = await axe.analyze();
            const serious = results.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map(
                (v) =>
                  `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              );
            expect(serious, `${view.name} in ${scheme}, ${layout.name}`).toEqual([]);
            expect(shift, `cumulative layout shift of ${view.name}`).toBeLessThan(0.01);
            expect(errors, `errors on ${view.name}`).toEqual([]);

            await page.screenshot({
              path: path.join(screenshotDir, `${view.name}-${scheme}-${layout.name}.png`),
              fullPage: true,
            });
          });
        }
      } finally {
        await context.close();
      }
    });
  }
}
