import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { createApiClient } from '../../src/web/api-client.js';
import { addDays, isoWeekday, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { ApplicationPage } from './pages/application-page.js';
import { TodayPage } from './pages/today-page.js';
import { repositoryRoot, startAppServer } from './support/app-server.js';
import { pageWidthsQuery } from './support/browser-scripts.js';
import { expect, test, whenInteractive } from './support/fixtures.js';

/**
 * Issue 18: the employer response link, end to end. The candidate adds the link to a check-in draft; the
 * employer, in a browser of their own on a phone, answers "still deciding, news by" a date; the candidate's
 * Today shows the next follow-up moved to 2 business days after that date, and the timeline the answer.
 * HEARBACK_UPDATE_DOCS_SCREENSHOTS=1 also writes the employer's page to docs/images/ for docs/response-link.md.
 */

const zone = 'Europe/Berlin';

/** The first working day (Monday to Friday) after `date`, and `n` working days after a date. */
function nextWorkingDay(date: string): string {
  let day = addDays(date, 1);
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

function addWorkingDays(date: string, n: number): string {
  let day = date;
  for (let i = 0; i < n; i++) day = nextWorkingDay(day);
  return day;
}

test.describe('reachable from outside (HEARBACK_PUBLIC_URL)', () => {
  test.use({ freshServer: true, publicUrl: true, serverTimeZone: zone });

  test('a draft with the link, the employer answers "still deciding", Today shows the follow-up moved', async ({
    page,
    browser,
    api,
    app,
  }) => {
    // No public holidays, so the expected date is plain weekday arithmetic.
    await api.updateSettings({
      name: 'Ada Lovelace',
      timeZone: zone,
      country: null,
      workingDays: [1, 2, 3, 4, 5],
    });
    const today = todayIn(zone, new Date());
    const application = await api.createApplication({
      companyName: 'Initech',
      jobTitle: 'Platform Engineer',
      stageAt: zonedToInstant(addDays(today, -4), '10:00', zone),
    });

    const candidate = new ApplicationPage(page);
    let url = '';
    await test.step('the check-in draft offers the link and puts it before the sign-off', async () => {
      await candidate.goto(application.id);
      await page
        .getByRole('button', { name: /^Draft for / })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: /^Add a response link/ }).check();
      const message = dialog.getByLabel('Message');
      await expect(message).toHaveValue(
        /one click tells me where things stand: http:\/\/127\.0\.0\.1:\d+\/r\//,
      );
      url = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/.exec(await message.inputValue())![1]!;
      await dialog.getByRole('button', { name: 'Close' }).first().click();
    });

    const expectedBy = nextWorkingDay(today);
    const employerContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
    });
    const employer = await employerContext.newPage();
    const thirdParty: string[] = [];
    employer.on('request', (request) => {
      if (!request.url().startsWith(app.url)) thirdParty.push(request.url());
    });
    await test.step('the employer opens the link on a phone: readable, accessible, nothing from elsewhere', async () => {
      const response = await employer.goto(url);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      expect(response?.headers()['x-robots-tag']).toContain('noindex');
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      await expect(employer.getByRole('heading', { level: 1 })).toHaveText('Where do things stand?');
      await expect(employer.locator('main')).toContainText(
        'Ada Lovelace applied for Platform Engineer at Initech',
      );
      const widths = await employer.evaluate<{ scrollWidth: number; innerWidth: number }>(pageWidthsQuery);
      expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
      const results = await new AxeBuilder({ page: employer }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      if (process.env.HEARBACK_UPDATE_DOCS_SCREENSHOTS === '1') {
        const dir = path.join(repositoryRoot, 'docs', 'images');
        fs.mkdirSync(dir, { recursive: true });
        await employer.screenshot({ path: path.join(dir, 'response-link-page.png'), fullPage: true });
      }
    });

    await test.step('the employer answers "still deciding, news by" a date', async () => {
      await employer.getByRole('radio', { name: /^We are still deciding/ }).check();
      await employer.getByLabel('News expected by (optional)').fill(expectedBy);
      await employer.getByLabel(/^A short message/).fill('Two more candidates to meet <b>this week</b>.');
      await employer.getByRole('button', { name: 'Send answer' }).click();
      await expect(employer.getByRole('status')).toContainText('Your answer has been passed on');
      expect(thirdParty).toEqual([]);
    });
    await employerContext.close();

    const dueDate = addWorkingDays(expectedBy, 2);
    await test.step('Today shows the answer and the follow-up moved to 2 business days after the date', async () => {
      const todayPage = new TodayPage(page);
      await todayPage.goto();
      const answers = page.getByRole('region', { name: 'Employers answered' });
      await expect(answers).toContainText('Platform Engineer — Initech');
      await expect(answers).toContainText('Still deciding, news by');
      await expect(answers).toContainText('Two more candidates to meet <b>this week</b>.');
      await expect(todayPage.steps.filter({ hasText: 'the new date they gave in their reply' })).toHaveCount(
        1,
      );
      const steps = await api.listFollowUps({ applicationId: application.id });
      const open = steps.filter((s) => s.status === 'planned');
      expect(open).toHaveLength(1);
      expect(open[0]!.dueAt).toBe(zonedToInstant(dueDate, '09:00', zone));
    });

    await test.step('the timeline shows the answer, via response link', async () => {
      await candidate.goto(application.id);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline).toContainText('Still deciding');
      await expect(timeline).toContainText('(via response link)');
      await expect(timeline).toContainText('Two more candidates to meet <b>this week</b>.');
    });
  });
});

test('a hearback only this machine can reach explains the link instead of offering it', async ({
  browser,
}) => {
  const local = await startAppServer({ timeZone: zone });
  try {
    const api = createApiClient({ baseUrl: local.url });
    const today = todayIn(zone, new Date());
    const application = await api.createApplication({
      companyName: 'Globex',
      jobTitle: 'Analyst',
      stageAt: zonedToInstant(addDays(today, -4), '10:00', zone),
    });
    const context = await browser.newContext({ baseURL: local.url });
    const page = whenInteractive(await context.newPage());
    await page.goto(`/applications/${application.id}`);
    await page
      .getByRole('button', { name: /^Draft for / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('works only when hearback is reachable from outside');
    await expect(dialog.getByRole('checkbox', { name: /response link/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Employer response link' })).toContainText(
      'HEARBACK_PUBLIC_URL',
    );
    await expect(
      page.getByRole('region', { name: 'Employer response link' }).getByRole('button'),
    ).toHaveCount(0);
    await context.close();
  } finally {
    await local.stop();
  }
});
