import { addDays, formatDate, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { BoardPage } from './pages/board-page.js';
import { EndDialog } from './pages/end-dialog.js';
import { QuickAddForm } from './pages/quick-add-dialog.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';

test.describe('board', () => {
  test('dragging a card to another column records a stage change', async ({ page, api }) => {
    const app = await api.createApplication({ companyName: 'Dragco', jobTitle: 'Drag engineer' });
    const board = new BoardPage(page);
    await board.goto();
    await expect(board.count('applied')).toHaveText('1');

    await board.dragTo('Drag engineer', 'interviewing');

    await expect(board.cardIn('interviewing', 'Drag engineer')).toBeVisible();
    await expect(board.count('interviewing')).toHaveText('1');
    await expect(board.count('applied')).toHaveText('0');
    await expect.poll(async () => (await api.getApplication(app.id)).stage).toBe('interviewing');
    const timeline = await api.getTimeline(app.id);
    expect(timeline.at(-1)).toMatchObject({
      kind: 'stage_change',
      fromStage: 'applied',
      toStage: 'interviewing',
    });
  });

  test('dropping a card on Ended asks how it ended, then it is found again by search', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({ companyName: 'Ghostly Ltd', jobTitle: 'Silent role' });
    await api.createApplication({ companyName: 'Other', jobTitle: 'Unrelated role' });
    const board = new BoardPage(page);
    await board.goto();

    await board.dragTo('Silent role', 'ended');
    await new EndDialog(page).end('No response');

    await expect(board.count('ended')).toHaveText('1');
    await expect(board.card('Silent role')).toBeHidden();
    await expect.poll(async () => (await api.getApplication(app.id)).outcome).toBe('no_response');

    await board.search('ghostly');
    const found = board.cardIn('ended', 'Silent role');
    await expect(found).toBeVisible();
    await expect(found).toContainText('No response (ghosted)');
    await expect(board.card('Unrelated role')).toBeHidden();
  });

  test('arrow keys on a card move it between stages and focus follows the card', async ({ page, api }) => {
    const app = await api.createApplication({
      companyName: 'Keyco',
      jobTitle: 'Keyboard role',
      stage: 'saved',
    });
    const board = new BoardPage(page);
    await board.goto();

    await board.moveButton('Keyboard role').focus();
    await page.keyboard.press('ArrowRight');
    await expect(board.cardIn('applied', 'Keyboard role')).toBeVisible();
    await expect(
      board.cardIn('applied', 'Keyboard role').getByRole('button', { name: /^Move / }),
    ).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(board.cardIn('screening', 'Keyboard role')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(board.cardIn('applied', 'Keyboard role')).toBeVisible();
    await expect.poll(async () => (await api.getTimeline(app.id)).length).toBe(4);
  });

  test('a move made while the one before is unanswered waits for it, and the late answer does not pull the card back', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({
      companyName: 'Slowco',
      jobTitle: 'Hasty role',
      stage: 'saved',
    });
    const board = new BoardPage(page);
    await board.goto();
    // The first move is held until the second is on the screen; the requests after it pass at once.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let seen = 0;
    await page.route('**/api/applications/*/stage', async (route) => {
      seen += 1;
      if (seen === 1) await held;
      await route.continue();
    });

    await board.moveButton('Hasty role').focus();
    await page.keyboard.press('ArrowRight');
    await expect(board.cardIn('applied', 'Hasty role')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(board.cardIn('screening', 'Hasty role')).toBeVisible();
    const firstAnswer = page.waitForResponse((r) => r.url().endsWith('/stage') && r.ok());
    release();
    await firstAnswer;

    await expect.poll(async () => (await api.getApplication(app.id)).stage).toBe('screening');
    await expect(board.cardIn('screening', 'Hasty role')).toBeVisible();
    await expect(board.card('Hasty role')).toHaveCount(1);
    await page.keyboard.press('ArrowLeft');
    await expect(board.cardIn('applied', 'Hasty role')).toBeVisible();
    await expect.poll(async () => (await api.getApplication(app.id)).stage).toBe('applied');
    const moves = (await api.getTimeline(app.id)).filter((e) => e.kind === 'stage_change');
    expect(moves.map((e) => 'toStage' in e && e.toStage)).toEqual([
      'saved',
      'applied',
      'screening',
      'applied',
    ]);
  });

  test('ArrowDown enters the move menu, arrows walk it, Escape leaves it', async ({ page, api }) => {
    const app = await api.createApplication({ companyName: 'Menuco', jobTitle: 'Menu role', stage: 'saved' });
    const board = new BoardPage(page);
    await board.goto();
    const menu = board.card('Menu role').locator('.move-menu');

    await board.moveButton('Menu role').focus();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: 'Applied' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: 'Screening' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('button', { name: 'End…' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(board.moveButton('Menu role')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('button', { name: 'Screening' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(board.cardIn('screening', 'Menu role')).toBeVisible();
    await expect.poll(async () => (await api.getApplication(app.id)).stage).toBe('screening');
  });

  test('deleting an application from its page goes back to the board and asks nothing more about it', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({ companyName: 'Gone Inc', jobTitle: 'Deleted role' });
    await page.goto(`/applications/${app.id}`);
    await expect(page.getByRole('heading', { name: 'Why haven’t I heard back?' })).toBeVisible();
    await expect(page.locator('.diagnosis .facts, .diagnosis-verdict').first()).toBeVisible();
    const afterDelete: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(app.id) && request.method() !== 'DELETE') afterDelete.push(request.url());
    });
    page.on('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete application' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No applications yet' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(afterDelete).toEqual([]);
  });

  test('a saved application shows the day it was saved since, on the board and in the table', async ({
    page,
    api,
  }) => {
    const since = addDays(todayIn(zone, new Date()), -20);
    await page.goto('/add');
    const form = new QuickAddForm(page, page.locator('main'));
    await form.fill({ company: 'Sinceco', jobTitle: 'Saved role' });
    await form.root.getByLabel('Stage').selectOption('saved');
    await form.root.getByLabel('Since').fill(since);
    await form.save();
    await expect.poll(async () => (await api.listAllApplications()).length).toBe(1);

    const label = `Saved ${formatDate(zonedToInstant(since, '12:00', zone), zone, 'en-US')}`;
    const board = new BoardPage(page);
    await board.goto();
    await expect(board.cardIn('saved', 'Saved role')).toContainText(label);
    await board.goto('?view=table');
    await expect(page.getByRole('row', { name: /Saved role/ })).toContainText(label);
  });

  test('hides rejections on request and counts them as hidden', async ({ page, api }) => {
    const rejected = await api.createApplication({ companyName: 'Nope Inc', jobTitle: 'Rejected role' });
    await api.moveApplication(rejected.id, { stage: 'ended', outcome: 'rejected' });
    const ghosted = await api.createApplication({ companyName: 'Quiet Inc', jobTitle: 'Ghosted role' });
    await api.moveApplication(ghosted.id, { stage: 'ended', outcome: 'no_response' });
    const board = new BoardPage(page);
    await board.goto();

    await expect(board.count('ended')).toHaveText('2');
    await expect(board.card('Rejected role')).toBeHidden();
    await board.showEnded();
    await expect(board.cardIn('ended', 'Rejected role')).toContainText('Rejected');

    await page.getByLabel('Hide rejections').check();
    await expect(board.count('ended')).toHaveText('1');
    await expect(board.card('Rejected role')).toBeHidden();
    await expect(board.cardIn('ended', 'Ghosted role')).toBeVisible();
    await expect(board.column('ended')).toContainText('1 rejection hidden');

    // Remembered on this browser across visits.
    await page.reload();
    await expect(page.getByLabel('Hide rejections')).toBeChecked();
    await expect(board.count('ended')).toHaveText('1');
  });

  test('takes over the board choices an earlier version kept in localStorage', async ({ page, api }) => {
    await api.createApplication({ companyName: 'Beta Corp', jobTitle: 'Second', stage: 'saved' });
    await api.createApplication({ companyName: 'Alpha Corp', jobTitle: 'First', stage: 'saved' });
    await page.goto('/settings');
    await page.evaluate(
      "localStorage.setItem('hearback.board.sort', 'company'); localStorage.setItem('hearback.board.hideRejections', '1')",
    );
    const board = new BoardPage(page);
    await board.goto();
    // Read once the page has settled (off the first page's path), then kept in the cookie.
    await expect(page.getByLabel('Order cards by')).toHaveValue('company');
    await expect(page.getByLabel('Hide rejections')).toBeChecked();
    await expect(board.column('saved').locator('li.card .card-company').first()).toHaveText('Alpha Corp');
    expect(await page.evaluate("localStorage.getItem('hearback.board.sort')")).toBeNull();
    await page.reload();
    await expect(page.getByLabel('Order cards by')).toHaveValue('company');
  });

  test('the table view sorts, filters and searches', async ({ page, api }) => {
    for (const [title, priority] of [
      ['Alpha analyst', 2],
      ['Beta builder', 5],
      ['Gamma gardener', 3],
    ] as const) {
      await api.createApplication({
        companyName: 'Tableco',
        jobTitle: title,
        priority,
        tags: [title.split(' ')[1]!],
      });
    }
    const ended = await api.createApplication({
      companyName: 'Tableco',
      jobTitle: 'Delta dropped',
      priority: 1,
    });
    await api.moveApplication(ended.id, { stage: 'ended', outcome: 'withdrew' });
    const board = new BoardPage(page);
    await board.goto('?view=table');
    const rows = page.locator('table.applications-table tbody tr');
    const titles = () => rows.locator('td[data-label="Job title"]').allInnerTexts();

    await page.getByRole('button', { name: 'Priority' }).click();
    await expect.poll(titles).toEqual(['Beta builder', 'Gamma gardener', 'Alpha analyst', 'Delta dropped']);
    await expect(page.getByRole('columnheader', { name: /Priority/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await page.getByRole('button', { name: 'Priority' }).click();
    await expect.poll(titles).toEqual(['Delta dropped', 'Alpha analyst', 'Gamma gardener', 'Beta builder']);

    await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption('ended');
    await expect.poll(titles).toEqual(['Delta dropped']);
    await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('gardener');
    await expect.poll(titles).toEqual(['Gamma gardener']);
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('');

    await board.search('builder');
    await expect.poll(titles).toEqual(['Beta builder']);
    await page.reload();
    await expect.poll(titles).toEqual(['Beta builder']);
  });
});
