import type { Locator, Page } from '@playwright/test';

export type InterviewInput = {
  readonly application?: string;
  readonly round?: string;
  readonly interviewers: readonly { name: string; email?: string }[];
  readonly decisionDate?: string;
};

/** Log an interview (`i`), then the post-interview questions when it is already over. */
export class LogInterviewDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('dialog[open]');
  }

  async log(input: InterviewInput): Promise<void> {
    if (input.application)
      await this.root.getByLabel('Application').selectOption({ label: input.application });
    if (input.round) await this.root.getByLabel('Round').selectOption({ label: input.round });
    for (const person of input.interviewers) {
      await this.root.getByLabel('New interviewer’s name').fill(person.name);
      if (person.email) await this.root.getByLabel('Their email').fill(person.email);
      await this.root.getByRole('button', { name: 'Add interviewer' }).click();
    }
    if (input.decisionDate) await this.root.getByLabel('Decision date').fill(input.decisionDate);
    await this.root.getByRole('button', { name: 'Log interview' }).click();
  }

  async debrief(input: { rating: number; topics: string }): Promise<void> {
    await this.root.getByRole('radio', { name: new RegExp(`^${input.rating} ·`) }).check();
    await this.root.getByLabel('What did you discuss?').fill(input.topics);
    await this.root.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
