import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { BoardPage } from './pages/board-page.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';
const count = 60;

test('with many applications, Today shows more on request and board columns scroll and sort on their own', async ({
  page,
  api,
}) => {
  const today = todayIn(zone, new Date());
  // Company names run backwards against creation order, and the earliest step belongs to a middle one, so
  // each order puts a different card first.
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const n = i + k;
        const number = String(n).padStart(2, '0');
        const application = await api.createApplication({
          companyName: `Company ${String(count - n).padStart(2, '0')}`,
          jobTitle: `Role ${number}`,
          allowDuplicate: true,
        });
        await api.createFollowUp({
          applicationId: application.id,
          kind: 'custom',
          dueAt: zonedToInstant(addDays(today, n === 30 ? -9 : -2), '09:00', zone),
          reason: `Check on role ${number}`,
        });
      }),
    );
  }

  const todayPage = new TodayPage(page);
  await todayPage.goto();
  const overdue = page.locator('.today-overdue');
  await expect(overdue.getByRole('heading', { name: /Overdue/ })).toContainText(String(count));
  await expect(overdue.locator('article.follow-up')).toHaveCount(20);
  const showMore = overdue.getByRole('button', { name: /^Show 20 more \(40 not shown\)/ });
  await showMore.focus();
  await page.keyboard.press('Enter');
  await expect(overdue.locator('article.follow-up')).toHaveCount(40);
  await expect(overdue.locator('.follow-up-list > li').nth(20)).toBeFocused();
  await overdue.getByRole('button', { name: /^Show 20 more/ }).click();
  await expect(overdue.locator('article.follow-up')).toHaveCount(count);
  await expect(overdue.getByRole('button', { name: /^Show .* more/ })).toHaveCount(0);

  const board = new BoardPage(page);
  await board.goto();
  await expect(board.count('applied')).toHaveText(String(count));
  const list = board.column('applied').locator('.card-list');
  await expect(list.locator('li.card')).toHaveCount(30);
  const columnMore = list.getByRole('button', { name: /^Show 30 more in Applied/ });
  await columnMore.click();
  await expect(list.locator('li.card')).toHaveCount(count);
  await expect(list.locator('li.card .card-title').nth(30)).toBeFocused();
  const sizes = await page.evaluate<{ own: number; shown: number; page: number; viewport: number }>(`(() => {
    const list = document.querySelector('section[data-stage="applied"] .card-list');
    return {
      own: list.scrollHeight,
      shown: list.clientHeight,
      page: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    };
  })()`);
  expect(sizes.own).toBeGreaterThan(sizes.shown);
  expect(sizes.page).toBeLessThan(2 * sizes.viewport);

  const firstCard = list.locator('li.card').first();
  await expect(board.cardIn('applied', 'Role 30')).toContainText('Overdue: Follow-up,');

  const order = page.getByLabel('Order cards by');
  await expect(order).toHaveValue('activity');
  await order.selectOption({ label: 'Company' });
  await expect(list.locator('li.card .card-company').nth(0)).toHaveText('Company 01');
  await expect(list.locator('li.card .card-company').nth(1)).toHaveText('Company 02');
  await expect(list.locator('li.card .card-company').nth(59)).toHaveText('Company 60');
  await order.selectOption({ label: 'Next step due' });
  await expect(firstCard.locator('.card-title')).toHaveText('Role 30');

  await page.reload();
  await expect(page.getByLabel('Order cards by')).toHaveValue('nextStep');
  await expect(board.column('applied').locator('li.card').first().locator('.card-title')).toHaveText(
    'Role 30',
  );
});
