import { expect, type Locator, type Page } from '@playwright/test';

/** Today: overdue, due today and this week, each step with draft, done, snooze and skip. */
export class TodayPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  }

  /** Every open step shown, in all three groups. */
  get steps(): Locator {
    return this.page.locator('.today-group article.follow-up');
  }

  stepsOfKind(kindLabel: string): Locator {
    return this.page.locator('.today-group article.follow-up', {
      has: this.page.getByRole('heading', { name: new RegExp(`^${kindLabel}`) }),
    });
  }

  step(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }
}
