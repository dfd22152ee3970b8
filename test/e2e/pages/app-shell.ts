import type { Locator, Page } from '@playwright/test';

/** The frame around every page: navigation, the global buttons and the notices. */
export class AppShell {
  constructor(readonly page: Page) {}

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('main h1').first().waitFor();
  }

  nav(label: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label, exact: true });
  }

  get notices(): Locator {
    return this.page.locator('.notices');
  }

  get openDialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  async openQuickAdd(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: /^Add/ }).click();
    await this.openDialog.waitFor();
  }

  async openLogInterview(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: /^Log/ }).click();
    await this.openDialog.waitFor();
  }
}
