import type { Page } from '@playwright/test';
import { type ApiClient, createApiClient } from '../../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { startAppServer } from './support/app-server.js';
import { brokenWordsQuery, controlsOffScreenQuery, pageWidthsQuery } from './support/browser-scripts.js';
import { test as base, expect } from './support/fixtures.js';
import { seedDemoData } from './support/seed.js';

/**
 * Every page on a phone 390 px wide, in light and dark: nothing scrolls sideways, no control sits past the
 * edge of the window, and table cells do not break short words letter by letter. One hearback and one set of
 * data serve the whole file; each test opens one page.
 */

type PhoneData = {
  readonly longApplicationId: string;
  readonly longStepId: string;
};

const zone = 'Europe/Berlin';

const long = {
  company:
    'Internationale Versicherungsgesellschaft für Raumfahrttechnik und Quantenkommunikation GmbH & Co. KG',
  jobTitle:
    'Senior Staff Principal Software Engineer, Developer Experience and Infrastructure Reliability (Remote, EMEA)',
  contact: 'Maximiliane Alexandrina Konstantinopoulou-Hohenzollern-Sigmaringen',
  email: 'maximiliane.alexandrina.konstantinopoulou@internationale-versicherungsgesellschaft.example',
  website: 'https://karriere.internationale-versicherungsgesellschaft-fuer-raumfahrttechnik.example/stellen',
  token: 'Rechtsschutzversicherungsgesellschaftenmitarbeiterinnenvertretung',
};

/** The demo data, plus an application whose every name is as long as real ones get. */
async function seedPhoneData(api: ApiClient): Promise<PhoneData> {
  await seedDemoData(api);
  const today = todayIn(zone, new Date());
  const at = (days: number, time = '10:00') => zonedToInstant(addDays(today, days), time, zone);
  const company = await api.createCompany({
    name: long.company,
    website: long.website,
    industry: 'Insurance',
    notes: `${long.token} — they insure satellites, ${long.token.toLowerCase()}.`,
  });
  const application = await api.createApplication({
    companyId: company.id,
    jobTitle: long.jobTitle,
    stageAt: at(-9),
    postingUrl: `${long.website}/${long.token}?utm_source=${long.token}`,
    tags: ['rechtsschutzversicherungsgesellschaften', 'developer-experience-and-infrastructure'],
    notes: `Referred by ${long.contact} <${long.email}>`,
  });
  await api.moveApplication(application.id, { stage: 'interviewing', occurredAt: at(-5) });
  const interviewer = await api.createContact({
    name: long.contact,
    role: 'interviewer',
    email: long.email,
    phone: '+49 (0) 30 1234 5678 - 9012',
    profileUrl: `https://www.linkedin.example/in/${long.token.toLowerCase()}`,
    companyId: company.id,
  });
  await api.createContact({ name: 'Lee', role: 'hiring_manager', email: long.email, companyId: company.id });
  await api.createInterview({
    applicationId: application.id,
    round: 'technical',
    startsAt: at(-2, '14:00'),
    endsAt: at(-2, '15:00'),
    timeZone: zone,
    interviewerIds: [interviewer.id],
    topics: `${long.token} and the ${long.jobTitle}`,
  });
  const step = await api.createFollowUp({
    applicationId: application.id,
    kind: 'first_follow_up',
    dueAt: at(0, '09:00'),
    channel: 'email',
    contactId: interviewer.id,
    reason: `${long.contact} said they decide within the week`,
  });
  return { longApplicationId: application.id, longStepId: step.id };
}

const test = base.extend<object, { phoneApp: { url: string; data: PhoneData } }>({
  phoneApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startAppServer();
      try {
        const data = await seedPhoneData(createApiClient({ baseUrl: server.url }));
        await use({ url: server.url, data });
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker' },
  ],
  app: async ({ phoneApp }, use) => use({ url: phoneApp.url }),
});

/** A tracker spreadsheet with long headers and values, so the import preview's tables are as wide as real ones. */
const trackerCsv = [
  'Company,Job Title,Date applied,Status,Found on,Recruiter email,Notes about the role and the people',
  `"${long.company}","${long.jobTitle}",03/02/2026,interviewing,LinkedIn,${long.email},${long.token}`,
  'Contoso,Data analyst,13/02/2026,applied,Referral,,',
].join('\n');

type View = {
  readonly name: string;
  readonly path: (data: PhoneData) => string;
  /** Opens a dialog or otherwise brings the page to the state to check. */
  readonly prepare?: (page: Page) => Promise<void>;
};

const views: readonly View[] = [
  { name: 'Today', path: () => '/' },
  { name: 'board', path: () => '/board' },
  { name: 'board table', path: () => '/board?view=table' },
  { name: 'application page', path: (d) => `/applications/${d.longApplicationId}` },
  { name: 'follow-up page', path: (d) => `/follow-ups/${d.longStepId}/draft` },
  { name: 'companies', path: () => '/companies' },
  { name: 'contacts', path: () => '/contacts' },
  { name: 'quick add page', path: () => '/add' },
  {
    name: 'quick add dialog',
    path: () => '/board',
    prepare: async (page) => {
      await page.getByRole('banner').getByRole('button', { name: /^Add/ }).click();
      await page.locator('dialog[open]').waitFor();
    },
  },
  { name: 'import', path: () => '/import' },
  {
    name: 'import with a CSV preview',
    path: () => '/import',
    prepare: async (page) => {
      await page.getByLabel('CSV file').setInputFiles({
        name: 'tracker.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(trackerCsv),
      });
      await page.locator('table.csv-mapping').waitFor();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    },
  },
  { name: 'settings', path: () => '/settings' },
  { name: 'not found', path: () => '/no/such/page' },
];

test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`on a phone, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const view of views) {
      test(`${view.name}: nothing scrolls sideways and every control is within reach`, async ({
        page,
        phoneApp,
      }) => {
        await page.goto(view.path(phoneApp.data));
        await page.locator('main h1').first().waitFor();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await view.prepare?.(page);

        const widths = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(pageWidthsQuery);
        expect
          .soft(widths.scrollWidth, 'the page is wider than the window')
          .toBeLessThanOrEqual(widths.innerWidth);
        expect
          .soft(await page.evaluate<string[]>(controlsOffScreenQuery), 'controls past the edge')
          .toEqual([]);
        expect
          .soft(await page.evaluate<string[]>(brokenWordsQuery), 'words broken inside a cell')
          .toEqual([]);
      });
    }
  });
}

test.describe('rows on a phone', () => {
  for (const { page: path, name } of [
    { page: '/companies', name: long.company },
    { page: '/contacts', name: long.contact },
  ]) {
    test(`${path}: each row's Edit and Delete can be pressed, the longest row's Edit opens its form`, async ({
      page,
    }) => {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      const rows = page.locator('main tbody tr');
      // The heading is drawn before the list's answer: wait for the rows, then count them.
      await expect(rows.nth(3)).toBeAttached();
      expect(await rows.count()).toBeGreaterThan(3);
      for (const row of await rows.all()) {
        for (const action of ['Edit', 'Delete']) {
          const button = row.getByRole('button', { name: new RegExp(`^${action} `) });
          // Scrolls the button into view and checks that it is visible, enabled and not covered.
          await button.click({ trial: true });
          const box = await button.boundingBox();
          expect(box, `${action} has a box`).not.toBeNull();
          expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
          expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
          expect(await page.evaluate<number>('window.scrollX'), 'the page scrolled sideways').toBe(0);
        }
      }
      await page.getByRole('button', { name: `Edit ${name}` }).click();
      await expect(page.locator('dialog[open]').getByLabel('Name')).toHaveValue(name);
    });
  }
});
