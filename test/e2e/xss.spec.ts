import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { applicationCreateSchema } from '../../src/core/application.js';
import { contactCreateSchema } from '../../src/core/contact.js';
import { eventCreateSchema } from '../../src/core/event.js';
import type { ApiClient } from '../../src/web/api-client.js';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../support/corpora.js';
import { injectedElementsQuery, xssSentinel } from './support/browser-scripts.js';
import { expect, test } from './support/fixtures.js';

/** Every line of the XSS word lists and every naughty string, once each. */
function loadHostileStrings(): string[] {
  const xssDir = corpusPath('payloads/payloadsallthethings/xss');
  const lines = fs
    .readdirSync(xssDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => fs.readFileSync(path.join(xssDir, name), 'utf8').split('\n'));
  const blns = JSON.parse(fs.readFileSync(corpusPath('payloads/blns/blns.json'), 'utf8')) as string[];
  return [...new Set([...lines, ...blns])].filter((s) => s.trim() !== '');
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

type Seeded = { titles: string[]; carrierId: string; sampleIds: string[]; notes: string[] };

/** Saves each hostile string as a job title and company name, as notes, as a contact name and as a step reason. */
async function seedHostileData(api: ApiClient, strings: readonly string[]): Promise<Seeded> {
  const titles = strings.filter(
    (s) => applicationCreateSchema.safeParse({ companyName: s, jobTitle: s, allowDuplicate: true }).success,
  );
  const ids: string[] = [];
  await inBatches(titles, 8, async (s) => {
    const created = await api.createApplication({
      companyName: s,
      jobTitle: s,
      notes: s,
      allowDuplicate: true,
    });
    ids.push(created.id);
  });
  const carrier = await api.createApplication({ companyName: 'Carrier Inc', jobTitle: 'Notes carrier' });
  const notes = strings.filter(
    (s) => eventCreateSchema.safeParse({ kind: 'note', applicationId: carrier.id, text: s }).success,
  );
  await inBatches(notes, 8, (text) => api.createEvent({ kind: 'note', applicationId: carrier.id, text }));
  const people = strings.filter((s) => contactCreateSchema.safeParse({ name: s }).success).slice(0, 300);
  await inBatches(people, 8, (name) => api.createContact({ name, notes: name }));
  await inBatches(strings.slice(0, 60), 8, (reason) =>
    api.createFollowUp({
      applicationId: carrier.id,
      dueAt: new Date().toISOString(),
      reason: reason.slice(0, 2000),
    }),
  );
  return { titles, carrierId: carrier.id, sampleIds: ids.filter((_, i) => i % 97 === 0), notes };
}

async function expectNothingRan(page: Page, where: string): Promise<void> {
  expect(await page.evaluate<number>('window.__xss'), `a script ran on ${where}`).toBe(0);
  expect(await page.evaluate<string[]>(injectedElementsQuery), `elements injected on ${where}`).toEqual([]);
}

test.describe('hostile strings render as text', () => {
  test.skip(!hasCorpora(), corporaSkipMessage);
  test.use({ freshServer: true });

  test('XSS payloads and naughty strings in titles, company names, notes, contacts and steps never run', async ({
    page,
    api,
  }) => {
    test.setTimeout(600_000);
    const strings = loadHostileStrings();
    expect(strings.length).toBeGreaterThan(1000);
    const seeded = await seedHostileData(api, strings);
    expect(seeded.titles.length).toBeGreaterThan(900);

    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.addInitScript({ content: xssSentinel });
    // Payloads call these; the sentinel counts every call even where no dialog would show.
    await page.addInitScript({
      content: `for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = () => { window.__xss = 1; };`,
    });

    await test.step('board: every title and company shows as the exact text saved', async () => {
      const stored = await api.listAllApplications();
      // Company names are matched without case or spacing, so some payloads share the first variant's company.
      expect(new Set(stored.map((a) => a.jobTitle))).toEqual(new Set([...seeded.titles, 'Notes carrier']));
      await page.goto('/board');
      await expect(page.locator('li.card').first()).toBeVisible({ timeout: 60_000 });
      // Each column draws its first cards ("Show more" draws the rest): every card drawn shows a saved text
      // exactly; the table view below checks all of them.
      const shown = await page.locator('li.card .card-title').allTextContents();
      const titles = new Set(stored.map((a) => a.jobTitle));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((title) => !titles.has(title))).toEqual([]);
      const companies = await page.locator('li.card .card-company').allTextContents();
      const companyNames = new Set(stored.map((a) => a.company.name));
      expect(companies.length).toBe(shown.length);
      expect(companies.filter((name) => !companyNames.has(name))).toEqual([]);
      await expectNothingRan(page, 'the board');
    });

    await test.step('table view', async () => {
      await page.goto('/board?view=table');
      await expect(page.locator('table.applications-table tbody tr')).toHaveCount(seeded.titles.length + 1, {
        timeout: 60_000,
      });
      const stored = await api.listAllApplications();
      const rows = page.locator('table.applications-table tbody tr');
      const tableTitles = await rows.locator('td[data-label="Job title"]').allTextContents();
      expect(tableTitles.sort()).toEqual(stored.map((a) => a.jobTitle).sort());
      const tableCompanies = await rows.locator('td[data-label="Company"]').allTextContents();
      expect(tableCompanies.sort()).toEqual(stored.map((a) => a.company.name).sort());
      await expectNothingRan(page, 'the table');
    });

    await test.step('application pages show title, company and notes as text', async () => {
      for (const id of seeded.sampleIds) {
        const application = await api.getApplication(id);
        await page.goto(`/applications/${id}`);
        await expect(page.locator('main h1')).toHaveText(application.jobTitle, { useInnerText: false });
        await expect(page.locator('section[aria-labelledby="notes-title"] textarea')).toHaveValue(
          application.notes,
        );
        await expectNothingRan(page, `application ${id}`);
      }
    });

    await test.step('every note on one timeline', async () => {
      await page.goto(`/applications/${seeded.carrierId}`);
      const items = page.locator('.timeline-item.timeline-note .prose');
      await expect(items).toHaveCount(seeded.notes.length, { timeout: 60_000 });
      const texts = await items.allTextContents();
      expect(new Set(texts)).toEqual(new Set(seeded.notes));
      await expectNothingRan(page, 'the timeline');
    });

    for (const [name, url] of [
      ['Today', '/'],
      ['contacts', '/contacts'],
      ['companies', '/companies'],
    ] as const) {
      await test.step(name, async () => {
        await page.goto(url);
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
        await expect(page.locator('main h1')).toBeVisible();
        await expectNothingRan(page, name);
      });
    }

    expect(dialogs, 'dialogs opened by stored text').toEqual([]);
  });
});
