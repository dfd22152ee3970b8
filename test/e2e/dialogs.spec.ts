import type { Page } from '@playwright/test';
import type { ApiClient } from '../../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { QuickAddForm } from './pages/quick-add-dialog.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';

/**
 * Holds every GET to the API from now until `release()`, and lists what was asked for: a dialog that closes
 * while they are held did not wait for a refetch, and the list says which lists the change read again.
 */
async function holdReads(page: Page) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const paths = new Set<string>();
  await page.route('**/api/**', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    paths.add(new URL(route.request().url()).pathname);
    await gate;
    await route.continue();
  });
  return { paths, release: open };
}

/** Fails the next request of `method` to `pattern` as a lost connection would, then lets the rest through. */
async function failOnce(page: Page, pattern: string, method: string) {
  let failed = false;
  await page.route(pattern, async (route) => {
    if (failed || route.request().method() !== method) return route.fallback();
    failed = true;
    await route.abort('connectionreset');
  });
}

/** The connection `failOnce` dropped is logged by Chromium as an error: expected here, and only that one. */
function forgiveDroppedConnection(errors: string[]) {
  const dropped = errors.filter((e) => e.includes('net::ERR_CONNECTION_RESET'));
  expect(dropped).toHaveLength(1);
  errors.splice(0, errors.length, ...errors.filter((e) => !dropped.includes(e)));
}

async function seedStep(api: ApiClient) {
  const application = await api.createApplication({ companyName: 'Dialogco', jobTitle: 'Dialog engineer' });
  const step = await api.createFollowUp({
    applicationId: application.id,
    kind: 'first_follow_up',
    dueAt: zonedToInstant(addDays(todayIn(zone, new Date()), -1), '09:00', zone),
  });
  return { application, step };
}

test.describe('dialogs close at once', () => {
  test('quick add closes on the server’s answer, while the lists it changed are still being read', async ({
    page,
    api,
  }) => {
    await seedStep(api);
    const today = new TodayPage(page);
    const shell = new AppShell(page);
    await today.goto();
    await shell.openQuickAdd();
    const form = new QuickAddForm(page);
    await form.fill({ company: 'Fastco', jobTitle: 'Fast engineer' });
    const reads = await holdReads(page);
    await form.save();

    await expect(shell.openDialog).toHaveCount(0);
    expect((await api.listAllApplications()).map((a) => a.jobTitle)).toContain('Fast engineer');
    await expect.poll(() => [...reads.paths].sort()).toEqual(['/api/companies', '/api/today']);
    reads.release();
  });

  test('quick add keeps what was typed when the server cannot be reached, and saves on the next try', async ({
    page,
    api,
    pageErrors,
  }) => {
    const shell = new AppShell(page);
    await shell.goto('/board');
    await shell.openQuickAdd();
    const form = new QuickAddForm(page);
    await form.fill({ company: 'Lostco', jobTitle: 'Lost engineer', notes: 'Met them at the fair' });
    await failOnce(page, '**/api/applications', 'POST');
    await form.save();

    await expect(form.root.locator('.form-errors')).toContainText('Could not reach hearback');
    await expect(form.root.getByLabel('Company')).toHaveValue('Lostco');
    await expect(form.root.getByLabel('Notes')).toHaveValue('Met them at the fair');
    await form.save();
    await expect(shell.openDialog).toHaveCount(0);
    expect((await api.listAllApplications()).map((a) => a.notes)).toEqual(['Met them at the fair']);
    forgiveDroppedConnection(pageErrors);
  });

  test('logging an interview closes without waiting for Today and the lists to be read again', async ({
    page,
    api,
  }) => {
    const { application } = await seedStep(api);
    const today = new TodayPage(page);
    const shell = new AppShell(page);
    await today.goto();
    await shell.openLogInterview();
    const dialog = shell.openDialog;
    await dialog.getByLabel('Application').selectOption({ label: 'Dialog engineer — Dialogco' });
    await dialog.getByLabel('Date', { exact: true }).fill(addDays(todayIn(zone, new Date()), 2));
    const reads = await holdReads(page);
    await dialog.getByRole('button', { name: 'Log interview' }).click();

    await expect(shell.openDialog).toHaveCount(0);
    await expect(shell.notices).toContainText('Interview logged');
    expect(await api.listInterviews({ applicationId: application.id })).toHaveLength(1);
    await expect.poll(() => reads.paths.has('/api/today')).toBe(true);
    expect(reads.paths.has('/api/companies')).toBe(false);
    reads.release();
  });

  test('skip closes its dialog at once; when the connection drops, Try again skips with the same reason', async ({
    page,
    api,
    pageErrors,
  }) => {
    const { step } = await seedStep(api);
    const today = new TodayPage(page);
    const shell = new AppShell(page);
    await today.goto();
    await failOnce(page, '**/api/follow-ups/*/skip', 'POST');
    await today.step('First follow-up').getByRole('button', { name: /^Skip/ }).click();
    await shell.openDialog.getByLabel('Why skip it?').fill('They asked me to wait until January');
    const reads = await holdReads(page);
    await shell.openDialog.getByRole('button', { name: 'Skip this step' }).click();
    await expect(shell.openDialog).toHaveCount(0);

    await expect(shell.notices).toContainText('Could not skip “First follow-up”');
    await expect(today.step('First follow-up')).toBeVisible();
    expect((await api.getFollowUp(step.id)).status).toBe('planned');
    await shell.notices.getByRole('button', { name: 'Try again' }).click();
    await expect(today.step('First follow-up')).toBeHidden();
    await expect
      .poll(async () => {
        const now = await api.getFollowUp(step.id);
        return [now.status, now.completionNote];
      })
      .toEqual(['skipped', 'They asked me to wait until January']);
    reads.release();
    forgiveDroppedConnection(pageErrors);
  });

  test('mark done from a draft closes at once; when the connection drops, Try again keeps the message', async ({
    page,
    api,
    pageErrors,
  }) => {
    const { step } = await seedStep(api);
    const today = new TodayPage(page);
    const shell = new AppShell(page);
    await today.goto();
    await today
      .step('First follow-up')
      .getByRole('button', { name: /^Draft/ })
      .click();
    const dialog = shell.openDialog;
    await expect(dialog.getByRole('button', { name: 'Mark done' })).toBeVisible();
    const body = await dialog.getByLabel('Message').inputValue();
    await failOnce(page, '**/api/follow-ups/*/done', 'POST');
    await dialog.getByRole('button', { name: 'Mark done' }).click();
    const keep = dialog.getByRole('button', { name: 'Keep the message as it is' });
    if (await keep.isVisible()) await keep.click();
    await expect(shell.openDialog).toHaveCount(0);

    await expect(shell.notices).toContainText('Could not mark “First follow-up” done');
    await shell.notices.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(async () => (await api.getFollowUp(step.id)).status).toBe('done');
    expect((await api.getFollowUp(step.id)).completionNote).toContain(body.trim().split('\n')[0]);
    forgiveDroppedConnection(pageErrors);
  });

  test('snooze closes its menu and takes the step off Today while every read is held', async ({
    page,
    api,
  }) => {
    const { step } = await seedStep(api);
    const today = new TodayPage(page);
    await today.goto();
    const card = today.step('First follow-up');
    await card.locator('summary', { hasText: 'Snooze' }).click();
    const reads = await holdReads(page);
    await card.getByRole('button', { name: 'In 3 days' }).click();

    await expect(card).toBeHidden();
    await expect(new AppShell(page).notices).toContainText('Snoozed until');
    await expect.poll(async () => (await api.getFollowUp(step.id)).status).toBe('snoozed');
    reads.release();
  });

  test('settings answer as soon as they are saved, and keep what was typed when the save fails', async ({
    page,
    api,
    pageErrors,
  }) => {
    const shell = new AppShell(page);
    await shell.goto('/settings');
    const save = page.getByRole('button', { name: 'Save settings' });
    await page.getByLabel('Your name').fill('Lena Vogel');
    await failOnce(page, '**/api/settings', 'PATCH');
    await save.click();
    await expect(page.locator('.form-errors').first()).toContainText('Could not reach hearback');
    await expect(page.getByLabel('Your name')).toHaveValue('Lena Vogel');

    const reads = await holdReads(page);
    await save.click();
    await expect(shell.notices).toContainText('Settings saved');
    await expect(save).toBeEnabled();
    expect((await api.getSettings()).name).toBe('Lena Vogel');
    reads.release();
    forgiveDroppedConnection(pageErrors);
  });
});
