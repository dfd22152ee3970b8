import type { Locator, Page } from '@playwright/test';

/** The dialog that asks how an application ended. */
export class EndDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('dialog[open]');
  }

  async end(outcome: string, note?: string): Promise<void> {
    await this.root.getByRole('radio', { name: new RegExp(`^${outcome}`) }).check();
    if (note) await this.root.getByLabel('Note').fill(note);
    await this.root.getByRole('button', { name: 'End application' }).click();
  }
}
