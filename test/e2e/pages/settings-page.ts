import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Settings, as far as the calendar feed goes. The page asks before replacing or turning off the feed URL
 * (window.confirm); this page object says yes to every such question.
 */
export class SettingsPage {
  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => void dialog.accept());
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(this.calendar.getByRole('button').first()).toBeVisible();
  }

  get calendar(): Locator {
    return this.page.getByRole('region', { name: 'Calendar feed' });
  }

  get feedUrl(): Locator {
    return this.calendar.getByLabel('Your calendar link');
  }

  /** Calls for a feed URL: the first one, or a new one replacing it. */
  async getLink(): Promise<void> {
    await this.calendar.getByRole('button', { name: /^Get (my calendar link|a new link)$/ }).click();
    await expect(this.feedUrl).toBeVisible();
  }

  async turnOffLink(): Promise<void> {
    await this.calendar.getByRole('button', { name: 'Turn off the link' }).click();
  }
}
