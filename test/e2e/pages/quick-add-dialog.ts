import type { Locator, Page } from '@playwright/test';

export type NewApplication = {
  readonly company: string;
  readonly jobTitle: string;
  readonly posting?: string;
  readonly notes?: string;
};

/** The quick add form, in its dialog (`n`) or on /add. */
export class QuickAddForm {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    root?: Locator,
  ) {
    this.root = root ?? page.locator('dialog[open]');
  }

  async fill(application: NewApplication): Promise<void> {
    if (application.posting) await this.root.getByLabel('Posting link or text').fill(application.posting);
    await this.root.getByLabel('Company').fill(application.company);
    await this.root.getByLabel('Job title').fill(application.jobTitle);
    if (application.notes) {
      await this.root.getByText('More details').click();
      await this.root.getByLabel('Notes').fill(application.notes);
    }
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Add application' }).click();
  }

  get duplicateWarning(): Locator {
    return this.root.locator('.duplicate-warning');
  }

  /** The message shown under a field, found by the field's visible label (with or without "(required)"). */
  errorFor(label: string): Locator {
    const text = new RegExp(`^${label}( \\(required\\))?$`);
    return this.root
      .locator('.field', { has: this.page.locator('label', { hasText: text }) })
      .locator('.field-error');
  }
}
