import { expect, type Locator, type Page } from '@playwright/test';
import type { Stage } from '../../../src/core/pipeline.js';

/** The board: one column per stage, its cards, search and the table view. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/board${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  }

  column(stage: Stage): Locator {
    return this.page.locator(`section[data-stage="${stage}"]`);
  }

  card(jobTitle: string): Locator {
    return this.page.locator('li.card', {
      has: this.page.getByRole('link', { name: jobTitle, exact: true }),
    });
  }

  cardIn(stage: Stage, jobTitle: string): Locator {
    return this.column(stage).locator('li.card', {
      has: this.page.getByRole('link', { name: jobTitle, exact: true }),
    });
  }

  count(stage: Stage): Locator {
    return this.column(stage).locator('.column-title .count');
  }

  async dragTo(jobTitle: string, stage: Stage): Promise<void> {
    await this.card(jobTitle).dragTo(this.column(stage));
  }

  moveButton(jobTitle: string): Locator {
    return this.card(jobTitle).getByRole('button', { name: /^Move / });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search applications' }).fill(text);
  }

  async showEnded(): Promise<void> {
    const toggle = this.column('ended').getByRole('button', { name: 'Show ended' });
    if (await toggle.isVisible()) await toggle.click();
  }
}
