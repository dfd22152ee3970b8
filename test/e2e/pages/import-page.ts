import { expect, type Locator, type Page } from '@playwright/test';

/** /import: CSV import with its preview, interview invitations (.ics), and the export links. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/import');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
  }

  get csv(): Locator {
    return this.page.getByRole('region', { name: 'Import applications from a spreadsheet' });
  }

  async chooseCsv(name: string, text: string): Promise<void> {
    await this.chooseCsvFile(name, text);
    await expect(this.mappingTable).toBeVisible();
  }

  /** Chooses a file without waiting for its preview (a file with no rows has no mapping to show). */
  async chooseCsvFile(name: string, text: string): Promise<void> {
    await this.csv
      .getByLabel('CSV file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  /** What becomes of applications with no news for a long time: one radio button per choice. */
  get historyChoices(): Locator {
    return this.csv.getByRole('group', { name: /with no reply: what should hearback do with them\?$/ });
  }

  historyChoice(label: string): Locator {
    return this.historyChoices.getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  get mappingTable(): Locator {
    return this.csv.locator('table.csv-mapping');
  }

  /** The select saying what a column of the file fills, found by the column's header. */
  mappingFor(column: string): Locator {
    return this.mappingTable.getByLabel(column, { exact: true });
  }

  async mapColumn(column: string, fieldLabel: string): Promise<void> {
    await this.mappingFor(column).selectOption({ label: fieldLabel });
  }

  get format(): Locator {
    return this.csv.getByLabel('Format');
  }

  /** A row of the preview, by its row number in the file (the header is row 1). */
  row(number: number): Locator {
    return this.csv.locator('tr.csv-row', {
      has: this.page.locator('td:first-child', { hasText: new RegExp(`^${number}$`) }),
    });
  }

  get rows(): Locator {
    return this.csv.locator('tr.csv-row');
  }

  get importButton(): Locator {
    return this.csv.getByRole('button', { name: /^(Import \d+ applications?|Importing…)$/ });
  }

  get skipInvalidRows(): Locator {
    return this.csv.getByRole('checkbox', { name: 'Skip the rows with errors and import the rest' });
  }

  get report(): Locator {
    return this.csv.getByRole('status');
  }

  get invitation(): Locator {
    return this.page.getByRole('region', { name: 'Import an interview invitation' });
  }

  async chooseInvitation(name: string, text: string): Promise<void> {
    await this.invitation
      .getByLabel('Invitation file (.ics)')
      .setInputFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') });
    await expect(this.invitation.locator('.invitation')).toBeVisible();
  }

  get invitationApplication(): Locator {
    return this.invitation.getByLabel('Application', { exact: true });
  }

  get invitationReport(): Locator {
    return this.invitation.getByRole('status');
  }

  get restore(): Locator {
    return this.page.getByRole('region', { name: 'Restore a backup' });
  }

  async chooseBackup(file: string | { name: string; text: string }): Promise<void> {
    const input = this.restore.getByLabel('Backup file (.json)');
    if (typeof file === 'string') await input.setInputFiles(file);
    else {
      await input.setInputFiles({
        name: file.name,
        mimeType: 'application/json',
        buffer: Buffer.from(file.text, 'utf8'),
      });
    }
  }
}
