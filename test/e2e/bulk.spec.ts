import type { Application } from '../../src/core/application.js';
import type { ApiClient } from '../../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { BoardPage } from './pages/board-page.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';

/** Four overdue steps and one due later this week, added by hand so the planner does not add to them. */
async function seedSteps(api: ApiClient) {
  const today = todayIn(zone, new Date());
  const application = await api.createApplication({ companyName: 'Bulkco', jobTitle: 'Bulk engineer' });
  const reasons = ['Step one', 'Step two', 'Step three', 'Step four'];
  const overdue = [];
  for (const [index, reason] of reasons.entries()) {
    overdue.push(
      await api.createFollowUp({
        applicationId: application.id,
        kind: 'custom',
        dueAt: zonedToInstant(addDays(today, -5 + index), '09:00', zone),
        reason,
      }),
    );
  }
  const later = await api.createFollowUp({
    applicationId: application.id,
    kind: 'closing_note',
    dueAt: zonedToInstant(addDays(today, 3), '09:00', zone),
    reason: 'Later this week',
  });
  return { application, overdue, later };
}

const statusOf = async (api: ApiClient, ids: readonly string[]) =>
  Promise.all(ids.map(async (id) => (await api.getFollowUp(id)).status));

test.describe('bulk actions', () => {
  test('selects three steps, marks them done in one go, and Undo brings them all back', async ({
    page,
    api,
  }) => {
    const { overdue } = await seedSteps(api);
    const chosen = overdue.slice(0, 3);
    const today = new TodayPage(page);
    await today.goto();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') requests.push(new URL(request.url()).pathname);
    });

    for (const step of chosen) {
      await page.locator('.today-group article', { hasText: step.reason }).getByRole('checkbox').check();
    }
    const toolbar = page.getByRole('region', { name: 'Selected steps' });
    await expect(toolbar).toContainText('3 selected');
    await toolbar.getByRole('button', { name: 'Done' }).click();

    for (const step of chosen) {
      await expect(page.locator('.today-group article', { hasText: step.reason })).toBeHidden();
    }
    await expect(page.locator('.today-group article', { hasText: 'Step four' })).toBeVisible();
    await expect
      .poll(() =>
        statusOf(
          api,
          chosen.map((s) => s.id),
        ),
      )
      .toEqual(['done', 'done', 'done']);
    expect(requests).toEqual(['/api/follow-ups/bulk']);
    await expect(toolbar).toBeHidden();

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    for (const step of chosen) {
      await expect(page.locator('.today-group article', { hasText: step.reason })).toBeVisible();
    }
    await expect
      .poll(() =>
        statusOf(
          api,
          chosen.map((s) => s.id),
        ),
      )
      .toEqual(['planned', 'planned', 'planned']);
  });

  test('selects a whole section from the keyboard and skips it; the other sections are untouched', async ({
    page,
    api,
  }) => {
    const { overdue, later } = await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    const selectAll = page.getByRole('checkbox', { name: 'Select every overdue step' });
    await selectAll.focus();
    await page.keyboard.press('Space');
    const toolbar = page.getByRole('region', { name: 'Selected steps' });
    await expect(toolbar).toContainText('4 selected');
    await toolbar.getByRole('button', { name: 'Skip' }).focus();
    await page.keyboard.press('Enter');

    await expect(page.locator('.today-overdue article')).toHaveCount(0);
    await expect(page.locator('.today-week')).toContainText('Closing-the-loop note');
    await expect
      .poll(() =>
        statusOf(
          api,
          overdue.map((s) => s.id),
        ),
      )
      .toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect((await api.getFollowUp(later.id)).status).toBe('planned');
  });

  test('snoozes the selected steps to a date', async ({ page, api }) => {
    const { overdue } = await seedSteps(api);
    const chosen = overdue.slice(0, 2);
    const today = new TodayPage(page);
    await today.goto();
    for (const step of chosen) {
      await page.locator('.today-group article', { hasText: step.reason }).getByRole('checkbox').check();
    }
    const toolbar = page.getByRole('region', { name: 'Selected steps' });
    const date = addDays(todayIn(zone, new Date()), 14);
    await toolbar.locator('summary', { hasText: 'Snooze' }).click();
    await toolbar.getByLabel('Until').fill(date);
    await toolbar.getByRole('button', { name: 'Snooze', exact: true }).click();
    for (const step of chosen) {
      await expect(page.locator('.today-group article', { hasText: step.reason })).toBeHidden();
    }
    await expect
      .poll(async () => Promise.all(chosen.map(async (s) => (await api.getFollowUp(s.id)).dueAt)))
      .toEqual([zonedToInstant(date, '09:00', zone), zonedToInstant(date, '09:00', zone)]);
  });

  test('selects applications on the board, ends them with an outcome, and Undo reopens them', async ({
    page,
    api,
  }) => {
    const apps: Application[] = [];
    for (const jobTitle of ['Bulk one', 'Bulk two', 'Bulk three']) {
      apps.push(await api.createApplication({ companyName: 'Boardbulk', jobTitle }));
    }
    const board = new BoardPage(page);
    await board.goto();
    await board.card('Bulk one').getByRole('checkbox').check();
    await board.card('Bulk three').getByRole('checkbox').check();
    const toolbar = page.getByRole('region', { name: 'Selected applications' });
    await expect(toolbar).toContainText('2 selected');
    await toolbar.getByLabel('End as').selectOption({ label: 'No response (ghosted)' });
    await toolbar.getByRole('button', { name: 'End' }).click();

    await expect(board.count('ended')).toHaveText('2');
    await expect(board.count('applied')).toHaveText('1');
    await expect
      .poll(async () => Promise.all(apps.map(async (a) => (await api.getApplication(a.id)).outcome)))
      .toEqual(['no_response', null, 'no_response']);

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect(board.count('applied')).toHaveText('3');
    await expect
      .poll(async () => Promise.all(apps.map(async (a) => (await api.getApplication(a.id)).stage)))
      .toEqual(['applied', 'applied', 'applied']);
  });

  test('moves the selected applications to another stage', async ({ page, api }) => {
    const one = await api.createApplication({ companyName: 'Movebulk', jobTitle: 'Move one' });
    const two = await api.createApplication({ companyName: 'Movebulk', jobTitle: 'Move two' });
    const board = new BoardPage(page);
    await board.goto();
    await board.card('Move one').getByRole('checkbox').check();
    await board.card('Move two').getByRole('checkbox').check();
    const toolbar = page.getByRole('region', { name: 'Selected applications' });
    await toolbar.getByLabel('Move to').selectOption({ label: 'Screening' });
    await toolbar.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(board.cardIn('screening', 'Move one')).toBeVisible();
    await expect(board.cardIn('screening', 'Move two')).toBeVisible();
    await expect
      .poll(async () => [(await api.getApplication(one.id)).stage, (await api.getApplication(two.id)).stage])
      .toEqual(['screening', 'screening']);
  });
});
