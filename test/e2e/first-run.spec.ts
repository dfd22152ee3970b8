import { AxeBuilder } from '@axe-core/playwright';
import { addDays, instantToZoned, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { ApplicationPage } from './pages/application-page.js';
import { FirstRunDialog } from './pages/first-run-dialog.js';
import { LogInterviewDialog } from './pages/log-interview-dialog.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

// A server machine on UTC and en-US (a container, say), a person in Berlin: the defaults must be theirs.
test.use({
  freshServer: true,
  firstRun: true,
  serverTimeZone: 'UTC',
  timezoneId: 'Europe/Berlin',
  locale: 'de-DE',
});

/** Issue 15, item 2 and the first-run set-up. */
test('a new user in Berlin gets Berlin’s time, format and holidays', async ({ page, api }) => {
  const shell = new AppShell(page);
  const today = new TodayPage(page);
  const setUp = new FirstRunDialog(page);
  const zone = 'Europe/Berlin';
  const yesterday = addDays(todayIn(zone, new Date()), -1);

  await test.step('the first run suggests the browser’s zone and country, and asks for the region', async () => {
    await today.goto();
    await expect(setUp.root).toBeVisible();
    await expect(setUp.timeZone).toHaveValue(zone);
    await expect(setUp.country).toHaveValue('DE');
    await expect(setUp.country.locator('option[value="DE"]')).toHaveText('Deutschland');
    for (const unreal of ['DD', 'UK', 'XA', 'ZZ'])
      await expect(setUp.country.locator(`option[value="${unreal}"]`)).toHaveCount(0);
    await expect(setUp.workingDay('Friday')).toBeChecked();
    await expect(setUp.workingDay('Saturday')).not.toBeChecked();
    const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await setUp.region.selectOption('BE');
    await setUp.root.getByLabel('Your name').fill('Lena Vogel');
    await setUp.root.getByLabel('Your email').fill('lena@example.de');
    await setUp.save();
    await expect(setUp.root).toHaveCount(0);
    expect(await api.getSettings()).toMatchObject({
      timeZone: zone,
      locale: 'de-DE',
      country: 'DE',
      region: 'BE',
      workingDays: [1, 2, 3, 4, 5],
      name: 'Lena Vogel',
      email: 'lena@example.de',
    });
  });

  const application = await api.createApplication({ companyName: 'Spreewerk', jobTitle: 'Data engineer' });

  await test.step('it is not offered again', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(shell.openDialog).toHaveCount(0);
  });

  await test.step('an interview logged at 14:00 shows 14:00 everywhere', async () => {
    await page.keyboard.press('i');
    const dialog = new LogInterviewDialog(page);
    await dialog.root.getByLabel('Date', { exact: true }).fill(yesterday);
    await dialog.root.getByLabel('From', { exact: true }).fill('14:00');
    await dialog.root.getByLabel('To', { exact: true }).fill('15:00');
    await dialog.log({
      application: 'Data engineer — Spreewerk',
      interviewers: [{ name: 'Jonas Richter', email: 'jonas@spreewerk.example' }],
    });
    await dialog.root.getByRole('button', { name: 'Later' }).click();
    await expect(shell.openDialog).toHaveCount(0);
    const [interview] = await api.listInterviews();
    expect(interview && instantToZoned(interview.startsAt, zone)).toEqual({ date: yesterday, time: '14:00' });

    const debrief = page.getByRole('region', { name: 'How did it go?' });
    await expect(debrief.locator('time')).toHaveText(/\b14:00$/);
    await expect(page.locator('time', { hasText: /\b(AM|PM)\b/ })).toHaveCount(0);

    const applicationPage = new ApplicationPage(page);
    await applicationPage.goto(application.id);
    await expect(applicationPage.interviews.locator('h3 time')).toHaveText(/\b14:00$/);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.locator('.timeline-interview time')).toHaveText(/\b14:00$/);
    await expect(page.locator('time', { hasText: /\b(AM|PM)\b/ })).toHaveCount(0);
  });

  await test.step('an interview set in New York shows on the user’s clock, with New York’s after', async () => {
    await api.createInterview({
      applicationId: application.id,
      round: 'phone_screen',
      startsAt: zonedToInstant(yesterday, '16:00', zone),
      endsAt: zonedToInstant(yesterday, '16:30', zone),
      timeZone: 'America/New_York',
    });
    await page.reload();
    const phoneScreen = page.getByRole('heading', { level: 3, name: /^Phone screen/ }).locator('time');
    await expect(phoneScreen).toHaveText(/, 16:00 \(10:00 America\/New_York\)$/);
  });

  await test.step('public holidays are Berlin’s', async () => {
    // Sunday 7 March 2027; the thank-you would be due on Monday the 8th, Women's Day, a holiday in Berlin only.
    const sunday = await api.createInterview({
      applicationId: application.id,
      round: 'onsite',
      startsAt: '2027-03-07T09:00:00.000Z',
      endsAt: '2027-03-07T10:00:00.000Z',
      timeZone: zone,
    });
    const steps = await api.listFollowUps({ applicationId: application.id });
    const thanks = steps.find((s) => s.kind === 'thank_you' && s.interviewId === sunday.id);
    expect(thanks && instantToZoned(thanks.dueAt, zone).date).toBe('2027-03-09');
    expect(thanks?.reason).toMatch(/Mar is International Women.s Day, so it is due the next working morning/);
  });
});

test('the set-up can be skipped, and is not offered again', async ({ page, api }) => {
  const setUp = new FirstRunDialog(page);
  const before = await api.getSettings();
  await page.goto('/');
  await setUp.skip();
  await expect(setUp.root).toHaveCount(0);
  await expect(new AppShell(page).notices).toContainText('Skipped');
  const after = await api.getSettings();
  expect(after.setUpAt).not.toBeNull();
  expect({ ...after, setUpAt: null, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(new AppShell(page).openDialog).toHaveCount(0);
});
