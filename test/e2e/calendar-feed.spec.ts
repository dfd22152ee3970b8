import { SettingsPage } from './pages/settings-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

test('the calendar feed URL is issued, shown once, copied, replaced and turned off', async ({
  page,
  context,
  api,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(settings.calendar).toContainText('No calendar link yet');
  // Local mode has no account: no Account section (server mode's change password, delete account, ...).
  await expect(page.getByRole('heading', { level: 2, name: 'Browser extension' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Account' })).toHaveCount(0);

  await settings.getLink();
  const url = await settings.feedUrl.inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ics\/[A-Za-z0-9_-]{32,}\.ics$/);
  await expect(settings.calendar.getByRole('link', { name: /^Subscribe/ })).toHaveAttribute(
    'href',
    url.replace(/^http:/, 'webcal:'),
  );
  await expect(settings.calendar).toContainText('Keep this link private.');
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');

  await test.step('copy puts the URL on the clipboard', async () => {
    await settings.calendar.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
  });

  await test.step('shown once: after a reload only its date is shown', async () => {
    await page.reload();
    await expect(settings.calendar).toContainText('A calendar link is active');
    await expect(settings.feedUrl).toHaveCount(0);
    await expect(settings.calendar).not.toContainText(url);
    expect((await api.getCalendarFeed()).exists).toBe(true);
  });

  await test.step('a new link replaces the old one', async () => {
    await settings.getLink();
    const replacement = await settings.feedUrl.inputValue();
    expect(replacement).not.toBe(url);
    expect((await page.request.get(url)).status()).toBe(404);
    expect((await page.request.get(replacement)).status()).toBe(200);

    await settings.turnOffLink();
    await expect(settings.calendar).toContainText('No calendar link yet');
    await expect(settings.feedUrl).toHaveCount(0);
    expect((await page.request.get(replacement)).status()).toBe(404);
    expect(await api.getCalendarFeed()).toEqual({ exists: false, createdAt: null });
  });
});

test('digest, travel buffer, all-day steps and posting watch are saved from Settings', async ({
  page,
  api,
}) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await page.getByLabel('Leave for interviews this early').fill('45');
  await page.getByLabel('Morning email at').fill('07:30');
  await page.getByRole('checkbox', { name: /^Send me a morning email/ }).check();
  await page.getByRole('checkbox', { name: /^Show follow-up steps as all-day events/ }).check();
  await page.getByRole('checkbox', { name: /^Check posting links now and then/ }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.notices')).toContainText('Settings saved');
  expect(await api.getSettings()).toMatchObject({
    travelBufferMinutes: 45,
    digestTime: '07:30',
    digestEnabled: true,
    calendarStepsAllDay: true,
    postingWatchEnabled: false,
  });
});
