import { expect, test } from './support/fixtures.js';

test.describe('the server that hosts the UI', () => {
  test('serves the UI for any deep link, with a strict content security policy', async ({ page, api }) => {
    const app = await api.createApplication({ companyName: 'Deep Link Ltd', jobTitle: 'Linked role' });
    const response = await page.goto(`/applications/${app.id}`);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['x-content-type-options']).toBe('nosniff');
    await expect(page.getByRole('heading', { level: 1, name: 'Linked role' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Linked role' })).toBeVisible();
  });

  test('keeps JSON errors for unknown API paths', async ({ request }) => {
    const response = await request.get('/api/no-such-thing');
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });

  test('the API documentation works under the same policy', async ({ page }) => {
    await page.goto('/api/docs');
    // Swagger UI parses a 600 kB description in the page before it draws anything: 4 s on a quiet machine, more than
    // ten on a loaded one. Wait for the drawing, however long it takes within the test's own limit.
    await expect(page.locator('#swagger-ui .info .title')).toContainText('hearback API', { timeout: 60_000 });
    await expect(page.locator('.opblock-tag-section').first()).toBeVisible();
  });

  test('a page that does not exist says so and links home', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Today' }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  });
});
