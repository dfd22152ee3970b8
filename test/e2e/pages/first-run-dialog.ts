import type { Locator, Page } from '@playwright/test';

/** The set-up a fresh database offers on first visit: time zone, place, working days and the user's name. */
export class FirstRunDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Set up hearback' });
  }

  get timeZone(): Locator {
    return this.root.getByLabel('Time zone');
  }

  get country(): Locator {
    return this.root.getByLabel('Country');
  }

  get region(): Locator {
    return this.root.getByLabel('State or region');
  }

  workingDay(name: string): Locator {
    return this.root.getByRole('checkbox', { name });
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save and start' }).click();
  }

  async skip(): Promise<void> {
    await this.root.getByRole('button', { name: 'Skip for now' }).click();
  }
}
