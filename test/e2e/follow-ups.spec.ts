import fs from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';

/** Steps added through the API (origin manual), so these checks do not depend on the planner. */
async function seedSteps(api: import('../../src/web/api-client.js').ApiClient) {
  const today = todayIn(zone, new Date());
  const application = await api.createApplication({ companyName: 'Stepco', jobTitle: 'Step engineer' });
  const contact = await api.createContact({
    name: 'Rita Recruiter',
    role: 'recruiter',
    email: 'rita@stepco.example',
  });
  const overdue = await api.createFollowUp({
    applicationId: application.id,
    kind: 'first_follow_up',
    dueAt: zonedToInstant(addDays(today, -2), '09:00', zone),
    contactId: contact.id,
    reason: 'A week after the interview, and they have not written',
  });
  const dueToday = await api.createFollowUp({
    applicationId: application.id,
    kind: 'application_check_in',
    dueAt: zonedToInstant(today, '23:30', zone),
    reason: 'Seven business days after applying',
  });
  const later = await api.createFollowUp({
    applicationId: application.id,
    kind: 'closing_note',
    dueAt: zonedToInstant(addDays(today, 3), '09:00', zone),
    reason: 'Close the loop politely',
  });
  return { application, contact, overdue, dueToday, later, today };
}

test.describe('follow-up steps', () => {
  test('Today groups steps as overdue, due today and this week, with who and why', async ({ page, api }) => {
    await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    const overdue = page.locator('.today-overdue');
    await expect(overdue.getByRole('heading', { name: /Overdue/ })).toContainText('1');
    await expect(overdue).toContainText('First follow-up for Rita Recruiter');
    await expect(overdue).toContainText('A week after the interview, and they have not written');
    await expect(overdue.getByRole('link', { name: 'Step engineer — Stepco' })).toBeVisible();
    await expect(page.locator('.today-today')).toContainText('Application check-in');
    await expect(page.locator('.today-week')).toContainText('Closing-the-loop note');
  });

  test('marks a step done from Today', async ({ page, api }) => {
    const { overdue } = await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    await today.step('First follow-up for Rita Recruiter').getByRole('button', { name: /^Done/ }).click();
    await expect(today.step('First follow-up for Rita Recruiter')).toBeHidden();
    await expect.poll(async () => (await api.getFollowUp(overdue.id)).status).toBe('done');
  });

  test('snoozes a step to a later day and skips another with a reason', async ({ page, api }) => {
    const { dueToday, later, today: date } = await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    const checkIn = today.step('Application check-in');
    await checkIn.locator('summary', { hasText: 'Snooze' }).click();
    await checkIn.getByRole('button', { name: 'In 3 days' }).click();
    await expect(page.locator('.today-today')).not.toContainText('Application check-in');
    await expect(page.locator('.today-week')).toContainText('Application check-in');
    const snoozed = await api.getFollowUp(dueToday.id);
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.dueAt).toBe(zonedToInstant(addDays(date, 3), '09:00', zone));

    await today.step('Closing-the-loop note').getByRole('button', { name: /^Skip/ }).click();
    const dialog = new AppShell(page).openDialog;
    await dialog.getByLabel('Why skip it?').fill('They already answered by phone');
    await dialog.getByRole('button', { name: 'Skip this step' }).click();
    await expect(today.step('Closing-the-loop note')).toBeHidden();
    expect(await api.getFollowUp(later.id)).toMatchObject({
      status: 'skipped',
      completionNote: 'They already answered by phone',
    });
  });

  test('the draft dialog names what is missing in plain words, and asks before keeping placeholders', async ({
    page,
    api,
  }) => {
    const { overdue } = await seedSteps(api);
    await page.goto(`/follow-ups/${overdue.id}/draft`);
    const dialog = new AppShell(page).openDialog;
    await expect(dialog.getByRole('heading', { name: 'Draft: First follow-up' })).toBeVisible();
    await expect(dialog.getByLabel('To')).toHaveValue('rita@stepco.example');
    const missing = dialog.getByRole('note');
    await expect(missing).toContainText(
      'Fill in before sending: type of interview, interview date, your name.',
    );
    await expect(missing).not.toContainText('user.name');
    await expect(missing.getByRole('link', { name: 'Settings' })).toBeVisible();
    await expect(dialog.getByLabel('Message')).toHaveValue(/\[your name\]$/);

    await dialog.getByRole('button', { name: 'Mark done' }).click();
    const question = dialog.getByRole('alert');
    await expect(question).toContainText(
      'The message still shows [type of interview], [interview date], [your name]',
    );
    expect((await api.getFollowUp(overdue.id)).status).toBe('planned');
    await question.getByRole('button', { name: 'Mark done without the message' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect.poll(async () => (await api.getFollowUp(overdue.id)).status).toBe('done');
    expect((await api.getFollowUp(overdue.id)).completionNote).toBe(null);
  });

  test('Mark done keeps the message as it was copied, not as it was edited after', async ({
    page,
    api,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { overdue } = await seedSteps(api);
    await page.goto(`/follow-ups/${overdue.id}/draft`);
    const dialog = new AppShell(page).openDialog;
    const message = dialog.getByLabel('Message');
    await message.fill('Dear Rita,\n\nAny news on the Step engineer role?\n\nBest,\nRobin');
    await dialog.getByLabel('Subject').fill('Step engineer');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(new AppShell(page).notices).toContainText('Copied the draft');
    await message.fill('Something I did not send [your name]');
    await dialog.getByRole('button', { name: 'Mark done' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect.poll(async () => (await api.getFollowUp(overdue.id)).status).toBe('done');
    expect((await api.getFollowUp(overdue.id)).completionNote).toBe(
      'Subject: Step engineer\n\nDear Rita,\n\nAny news on the Step engineer role?\n\nBest,\nRobin',
    );
  });

  test('Download .eml holds the message as edited in the dialog', async ({ page, api }) => {
    const { overdue } = await seedSteps(api);
    await page.goto(`/follow-ups/${overdue.id}/draft`);
    const dialog = new AppShell(page).openDialog;
    await dialog.getByLabel('To').fill('rita.r@stepco.example');
    await dialog.getByLabel('Subject').fill('Step engineer, a short note');
    await dialog.getByLabel('Message').fill('Dear Rita,\n\nWritten here, not by the template.\n\nRobin');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download .eml' }).click();
    const file = await (await download).path();
    const message = await simpleParser(await fs.readFile(file));
    expect(message.subject).toBe('Step engineer, a short note');
    expect(message.text?.replace(/\r\n/g, '\n').trim()).toBe(
      'Dear Rita,\n\nWritten here, not by the template.\n\nRobin',
    );
    expect(message.to).toMatchObject({ text: 'rita.r@stepco.example' });
  });

  test('the application page lists every step of the application, open ones first', async ({ page, api }) => {
    const { application, overdue } = await seedSteps(api);
    await api.markFollowUpDone(overdue.id, { note: 'Called Rita' });
    await page.goto(`/applications/${application.id}`);
    const steps = page.locator('section[aria-labelledby="steps-title"] article');
    // The planner adds its own check-in for the application beside the three added here.
    await expect(steps.filter({ hasText: 'Close the loop politely' })).toHaveCount(1);
    await expect(steps.filter({ hasText: 'Seven business days after applying' })).toHaveCount(1);
    await expect(steps.last()).toContainText('Called Rita');
    await expect(steps.last()).toContainText('Done · was due');
    await expect(steps.first().locator('.follow-up-meta')).toHaveText(/^(Was due|Due) /);
  });
});
