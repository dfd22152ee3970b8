import { AxeBuilder } from '@axe-core/playwright';
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

test.describe('bulk actions on the table and whole columns', () => {
  test('the table selects rows by their boxes, ends them with an outcome, and Undo reopens them', async ({
    page,
    api,
  }) => {
    const apps: Application[] = [];
    for (const jobTitle of ['Row one', 'Row two', 'Row three']) {
      apps.push(await api.createApplication({ companyName: 'Tablebulk', jobTitle }));
    }
    const board = new BoardPage(page);
    await board.goto('?view=table');
    await page.getByRole('checkbox', { name: 'Select Row one at Tablebulk' }).check();
    await page.getByRole('checkbox', { name: 'Select Row three at Tablebulk' }).check();
    const selectShown = page.getByRole('checkbox', { name: 'Select every application shown' });
    await expect(selectShown).toBeChecked({ indeterminate: true });
    const toolbar = page.getByRole('region', { name: 'Selected applications' });
    await expect(toolbar).toContainText('2 selected');
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations).toEqual([]);

    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') requests.push(new URL(request.url()).pathname);
    });
    await toolbar.getByLabel('End as').selectOption({ label: 'No response (ghosted)' });
    await toolbar.getByRole('button', { name: 'End' }).click();
    const rowOf = (title: string) => page.locator('tbody tr', { hasText: title });
    await expect(rowOf('Row one')).toContainText('No response');
    await expect(rowOf('Row three')).toContainText('No response');
    await expect(toolbar).toBeHidden();
    await expect
      .poll(async () => Promise.all(apps.map(async (a) => (await api.getApplication(a.id)).outcome)))
      .toEqual(['no_response', null, 'no_response']);
    expect(requests).toEqual(['/api/applications/bulk']);

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect
      .poll(async () => Promise.all(apps.map(async (a) => (await api.getApplication(a.id)).stage)))
      .toEqual(['applied', 'applied', 'applied']);
    await expect(rowOf('Row one')).not.toContainText('No response');
  });

  test('the table’s header box selects every row shown, and only those, from the keyboard', async ({
    page,
    api,
  }) => {
    const saved = await api.createApplication({
      companyName: 'Keyco',
      jobTitle: 'Saved one',
      stage: 'saved',
    });
    const other = await api.createApplication({
      companyName: 'Keyco',
      jobTitle: 'Saved two',
      stage: 'saved',
    });
    const applied = await api.createApplication({ companyName: 'Keyco', jobTitle: 'Applied one' });
    const board = new BoardPage(page);
    await board.goto('?view=table&stage=saved');
    await expect(page.locator('tbody tr')).toHaveCount(2);
    const selectShown = page.getByRole('checkbox', { name: 'Select every application shown' });
    await selectShown.focus();
    await page.keyboard.press('Space');
    const toolbar = page.getByRole('region', { name: 'Selected applications' });
    await expect(toolbar).toContainText('2 selected');
    await expect(selectShown).toBeChecked();
    await toolbar.getByLabel('Move to').selectOption({ label: 'Applied' });
    await toolbar.getByRole('button', { name: 'Move', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () =>
        Promise.all([saved, other, applied].map(async (a) => (await api.getApplication(a.id)).stage)),
      )
      .toEqual(['applied', 'applied', 'applied']);
    // The filter still shows Saved: the moved rows leave it, and nothing is left selected.
    await expect(page.locator('tbody tr')).toHaveCount(0);
    await expect(toolbar).toBeHidden();
    expect((await api.getTimeline(applied.id)).filter((e) => e.kind === 'stage_change')).toHaveLength(1);
  });

  test('a column’s box selects the whole column, cards not yet drawn included, and moves it', async ({
    page,
    api,
  }) => {
    const many = 32;
    for (let n = 1; n <= many; n++) {
      await api.createApplication({ companyName: 'Columnco', jobTitle: `Column ${n}` });
    }
    const stay = await api.createApplication({ companyName: 'Columnco', jobTitle: 'Stays', stage: 'saved' });
    const board = new BoardPage(page);
    await board.goto();
    await expect(board.count('applied')).toHaveText(String(many));
    await expect(board.column('applied').locator('li.card')).toHaveCount(30);
    const selectColumn = board.column('applied').getByRole('checkbox', {
      name: 'Select every application in Applied',
    });
    await selectColumn.focus();
    await page.keyboard.press('Space');
    const toolbar = page.getByRole('region', { name: 'Selected applications' });
    await expect(toolbar).toContainText(`${many} selected`);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations).toEqual([]);
    await board.card(`Column ${many}`).getByRole('checkbox').uncheck();
    await expect(toolbar).toContainText(`${many - 1} selected`);
    await expect(selectColumn).toBeChecked({ indeterminate: true });
    await selectColumn.check();
    await expect(toolbar).toContainText(`${many} selected`);

    await toolbar.getByLabel('Move to').selectOption({ label: 'Screening' });
    await toolbar.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(board.count('screening')).toHaveText(String(many));
    await expect(board.count('applied')).toHaveText('0');
    await expect
      .poll(async () => (await api.listAllApplications()).filter((a) => a.stage === 'screening').length)
      .toBe(many);
    expect((await api.getApplication(stay.id)).stage).toBe('saved');

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect(board.count('applied')).toHaveText(String(many));
  });
});
