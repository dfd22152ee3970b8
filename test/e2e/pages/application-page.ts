import { expect, type Locator, type Page } from '@playwright/test';

export type UploadFile = { readonly name: string; readonly mimeType: string; readonly buffer: Buffer };

/** One application: its diagnosis, posting watch, tailoring check and interviews. */
export class ApplicationPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/applications/${encodeURIComponent(id)}`);
    await this.page.locator('main h1').waitFor();
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }

  get diagnosis(): Locator {
    return this.page.getByRole('region', { name: 'Why haven’t I heard back?' });
  }

  /** One of the five causes, found by the start of its label ("They may still be deciding"). */
  cause(label: string): Locator {
    return this.diagnosis.locator('details.cause', { has: this.page.locator('summary', { hasText: label }) });
  }

  get postingWatch(): Locator {
    return this.page.getByRole('region', { name: 'Posting watch' });
  }

  async checkPostingNow(): Promise<void> {
    await this.postingWatch.getByRole('button', { name: 'Check now' }).click();
  }

  get tailoring(): Locator {
    return this.page.getByRole('region', { name: 'Tailoring check' });
  }

  /** Opens the form again when a result is already shown. */
  private async openTailoringForm(): Promise<void> {
    const again = this.tailoring.getByText('Check another resume');
    if (await again.isVisible()) {
      const details = this.tailoring.locator('details.tailoring-again');
      if ((await details.getAttribute('open')) === null) await again.click();
    }
  }

  async checkResumeText(text: string, version?: string): Promise<void> {
    await this.openTailoringForm();
    await this.tailoring.getByRole('radio', { name: 'Paste the text' }).first().check();
    await this.tailoring.getByLabel('Text of your resume').fill(text);
    if (version !== undefined) await this.tailoring.getByLabel('Resume version').fill(version);
    await this.tailoring.getByRole('button', { name: 'Check my resume' }).click();
  }

  async checkResumeFile(file: UploadFile): Promise<void> {
    await this.openTailoringForm();
    await this.tailoring.getByRole('radio', { name: 'Upload a file' }).first().check();
    await this.tailoring.getByLabel('Resume file').setInputFiles(file);
    await this.tailoring.getByRole('button', { name: 'Check my resume' }).click();
  }

  get tailoringScore(): Locator {
    return this.tailoring.locator('.tailoring-score');
  }

  missingKeyword(term: string): Locator {
    return this.tailoring.locator('.keyword-missing > li', {
      has: this.page.locator('strong', { hasText: new RegExp(`^${escapeRegExp(term)}$`) }),
    });
  }

  get coveredKeywords(): Locator {
    return this.tailoring.locator('.keyword-chips > li');
  }

  get tailoringError(): Locator {
    return this.tailoring.locator('.form-errors');
  }

  get interviews(): Locator {
    return this.page.getByRole('region', { name: 'Interviews' });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
