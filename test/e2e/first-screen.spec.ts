import { expect, test } from './support/fixtures.js';

// Today, the board and insights arrive drawn by the server (src/web/server-render.tsx) and are hydrated by the
// app's script. Any difference between the server's page and the browser's is logged as an error, which the
// fixtures fail every test on, so each spec that opens these pages checks that as well.
test.use({ freshServer: true, serverTimeZone: 'Europe/Berlin' });

test.describe('first screens drawn on the server', () => {
  test('the board arrives with its cards before any script runs', async ({ browser, app, api }) => {
    await api.createApplication({ companyName: 'Drawn Co', jobTitle: 'Drawn engineer' });
    const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/board');
      await expect(page.locator('html')).toHaveAttribute('data-rendered-at', /^\d{4}-\d\d-\d\dT/);
      await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
      await expect(page.locator('li.card', { hasText: 'Drawn engineer' })).toBeVisible();
      await expect(page).toHaveTitle('Board · hearback');
    } finally {
      await context.close();
    }
  });

  test('once hydrated, the drawn board answers: a dialog is named, a move is saved', async ({
    page,
    api,
  }) => {
    const application = await api.createApplication({ companyName: 'Hydra Ltd', jobTitle: 'Hydrated role' });
    await page.goto('/board');
    await expect(page.locator('html')).toHaveAttribute('data-interactive', '');
    // The dialogs' labels come from useId: the same on the server and in the browser, or the dialog is unnamed.
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog', { name: 'Add an application' })).toBeVisible();
    await page.keyboard.press('Escape');
    const card = page.locator('li.card', { hasText: 'Hydrated role' });
    await card.getByRole('button', { name: /^Move / }).click();
    await card.locator('.move-menu').getByRole('button', { name: 'Interviewing' }).click();
    await expect.poll(async () => (await api.getApplication(application.id)).stage).toBe('interviewing');
  });

  test('Today and insights are drawn and hydrated without a difference', async ({ page, api }) => {
    await api.createApplication({ companyName: 'Today Co', jobTitle: 'Today role' });
    for (const [path, heading] of [
      ['/', 'Today'],
      ['/insights', 'Insights'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-rendered-at', /T/);
      await expect(page.locator('html')).toHaveAttribute('data-interactive', '');
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
  });

  test('another page, or the board with a search, is drawn by the browser as before', async ({ page }) => {
    for (const path of ['/contacts', '/board?q=nothing']) {
      await page.goto(path);
      await expect(page.locator('html')).not.toHaveAttribute('data-rendered-at', /./);
      await expect(page.locator('html')).toHaveAttribute('data-interactive', '');
    }
  });
});
