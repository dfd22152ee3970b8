import type { Page } from '@playwright/test';
import { describeFocus, expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

/** Presses Tab until the focused element matches, the way a keyboard user would reach it. */
async function tabTo(page: Page, matches: (focus: string) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (matches(await describeFocus(page))) return;
  }
  throw new Error(`never reached the element by Tab; focus is on ${await describeFocus(page)}`);
}

async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate<string>(
    'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
  );
  expect(outline, `focus ring of ${await describeFocus(page)}`).not.toMatch(/^none|\s0px$/);
}

test('keyboard only: add an application, move it along the board and end it', async ({ page, api }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to hearback' })).toBeVisible();

  await page.keyboard.press('Tab');
  expect(await describeFocus(page)).toBe('a: Skip to content');
  await expectVisibleFocus(page);
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeInViewport();

  await page.keyboard.press('n');
  await expect(page.getByLabel('Posting link or text')).toBeFocused();
  await page.keyboard.type('https://jobs.example/keyboard');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Read the posting' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Company' })).toBeFocused();
  await page.keyboard.type('Keyboard GmbH');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Accessibility engineer');
  await page.keyboard.press('Enter');
  await expect(page.locator('.notices')).toContainText('Added “Accessibility engineer” at Keyboard GmbH');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeFocused();

  await tabTo(page, (f) => f.startsWith('button: Move Accessibility engineer'));
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section[data-stage="screening"] li.card')).toHaveCount(1);
  expect(await describeFocus(page)).toBe(
    'button: Move Accessibility engineer at Keyboard GmbH, now Screening',
  );

  await page.keyboard.press('Enter');
  await tabTo(page, (f) => f === 'button: End…', 10);
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[open]');
  await expect(dialog.getByRole('heading', { name: /^End “Accessibility engineer”/ })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Offer accepted/ })).toBeFocused();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /^No response/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Three weeks of silence');
  await tabTo(page, (f) => f === 'button: End application', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(page.locator('section[data-stage="ended"] .count')).toHaveText('1');
  // The board shows the move at once; the server has it once the request is through.
  await expect
    .poll(async () => (await api.listAllApplications())[0])
    .toMatchObject({ stage: 'ended', outcome: 'no_response', furthestStage: 'screening' });

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search applications' })).toBeFocused();
  await page.keyboard.type('keyboard gmbh');
  await expect(page.locator('section[data-stage="ended"] li.card')).toContainText('No response (ghosted)');
});

test('keyboard only: shortcuts overlay, log-interview dialog and navigation', async ({ page, api }) => {
  await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
  await page.goto('/');
  // The app listens for shortcuts once it has drawn its first page; a key pressed before that is lost.
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.locator('dialog[open]');
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(dialog).toContainText('Log an interview');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  await page.keyboard.press('i');
  await expect(page.getByLabel('Application')).toBeFocused();
  // The list of applications arrives after the dialog opens (Today does not load it): wait for Acme's option.
  await expect(page.getByLabel('Application').locator('option', { hasText: 'Acme' })).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Application')).not.toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  for (const [key, heading] of [
    ['c', 'Contacts'],
    ['o', 'Companies'],
    ['s', 'Settings'],
    ['t', 'Today'],
  ] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  }
});
