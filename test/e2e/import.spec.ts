import fs from 'node:fs';
import { AppShell } from './pages/app-shell.js';
import { ApplicationPage } from './pages/application-page.js';
import { BoardPage } from './pages/board-page.js';
import { ImportPage } from './pages/import-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

/** A spreadsheet as people keep them: their own headers, a column hearback files as a note, one bad row. */
const spreadsheet = [
  'Employer,Role,Applied on,Status,Where',
  'Northwind,Frontend engineer,2026-01-12,Interviewing,LinkedIn',
  'Globex,Designer,2026-01-15,rejected,Referral',
  ',Missing company,2026-01-20,applied,Indeed',
  'Initech,Data analyst,2026-01-22,applied,Company website',
  '',
].join('\n');

function invitation(lines: readonly string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Calendly//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

test.describe('import page', () => {
  test('a CSV file is previewed, one column’s field changed, imported, and the applications appear on the board', async ({
    page,
    api,
  }) => {
    const shell = new AppShell(page);
    const importPage = new ImportPage(page);
    await shell.goto('/settings');
    await page.getByRole('link', { name: 'Import applications' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeFocused();

    await importPage.chooseCsv('my-search.csv', spreadsheet);
    await expect(importPage.format).toHaveValue('generic');
    await expect(importPage.mappingFor('Employer')).toHaveValue('companyName');
    await expect(importPage.mappingFor('Role')).toHaveValue('jobTitle');
    await expect(importPage.mappingFor('Applied on')).toHaveValue('appliedAt');
    await expect(importPage.mappingFor('Where')).toHaveValue('note');
    await expect(importPage.rows).toHaveCount(4);
    await expect(importPage.row(4)).toContainText('Error');
    await expect(importPage.row(4)).toContainText('Employer: is empty');
    await expect(importPage.row(2)).toContainText('Frontend engineer at Northwind');
    await expect(importPage.row(2)).toContainText('Interviewing');

    await test.step('change what a column fills: the preview is read again', async () => {
      await importPage.mapColumn('Where', 'Source (where you found it)');
      await expect(importPage.mappingFor('Where')).toHaveValue('source');
      await expect(importPage.csv.locator('.csv-preview')).not.toHaveAttribute('aria-busy', 'true');
    });

    await test.step('a bad row stops the import until the user skips it', async () => {
      await expect(importPage.importButton).toBeDisabled();
      await expect(importPage.csv.locator('.warning-box')).toContainText('One row has errors');
      await importPage.csv.getByRole('button', { name: /^Errors \(1\)$/ }).click();
      await expect(importPage.rows).toHaveCount(1);
      await importPage.skipInvalidRows.check();
      await expect(importPage.importButton).toHaveText('Import 3 applications');
      await expect(importPage.importButton).toBeEnabled();
    });

    await importPage.importButton.click();
    await expect(importPage.report).toContainText('Imported 3 applications.');
    await expect(importPage.report).toContainText('Row 4, Employer: is empty');

    const stored = await api.listAllApplications();
    expect(stored.map((a) => [a.company.name, a.jobTitle, a.stage, a.source.kind]).sort()).toEqual([
      ['Globex', 'Designer', 'ended', 'referral'],
      ['Initech', 'Data analyst', 'applied', 'company_site'],
      ['Northwind', 'Frontend engineer', 'interviewing', 'job_board'],
    ]);

    await importPage.report.getByRole('link', { name: 'See them on the board' }).click();
    const board = new BoardPage(page);
    await expect(board.cardIn('interviewing', 'Frontend engineer')).toBeVisible();
    await expect(board.cardIn('applied', 'Data analyst')).toBeVisible();
    await board.showEnded();
    await expect(board.cardIn('ended', 'Designer')).toBeVisible();
  });

  test('the report of an import says how it read dates that could be day/month or month/day', async ({
    page,
  }) => {
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.chooseCsv('ambiguous.csv', 'Company,Title,Applied\nAcme,Engineer,02/03/2026\n');
    await expect(importPage.importButton).toBeEnabled();
    await importPage.importButton.click();
    await expect(importPage.report).toContainText('Imported 1 application.');
    await expect(importPage.report).toContainText('could be month/day or day/month');
    await expect(importPage.report).toContainText('read as month/day (MM/DD/YYYY)');
  });

  test('a mapping the server refuses is shown beside that column', async ({ page }) => {
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.chooseCsv('two.csv', 'Company,Title\nAcme,Engineer\n');
    // Taking the job title for another column leaves the company unmapped: the preview says so.
    await importPage.mapColumn('Company', 'Job title');
    await expect(importPage.mappingFor('Title')).toHaveValue('note');
    await expect(importPage.csv.locator('.csv-file-issues')).toContainText(
      'no column holds the company name',
    );
    await expect(importPage.importButton).toBeDisabled();
    // Two columns chosen for one field: the server refuses, and says so beside the second.
    await importPage.mapColumn('Title', 'Job title');
    await expect(importPage.mappingTable.locator('.field-error')).toContainText(
      '"Company" already fills jobTitle',
    );
    await expect(importPage.mappingFor('Title')).toHaveAttribute('aria-invalid', 'true');
  });

  test('an .ics invitation that matches no application is imported onto the one the user picks', async ({
    page,
    api,
  }) => {
    const application = await api.createApplication({
      companyName: 'Fabrikam',
      jobTitle: 'Platform engineer',
    });
    await api.createApplication({ companyName: 'Contoso', jobTitle: 'Data analyst' });
    const ics = invitation([
      'UID:event-7731@calendly.com',
      'DTSTAMP:20260301T090000Z',
      'DTSTART;TZID=America/New_York:20260310T140000',
      'DTEND;TZID=America/New_York:20260310T144500',
      'SUMMARY:Technical interview with the platform team',
      'LOCATION:https://zoom.us/j/123456789',
      'ORGANIZER;CN=Calendly:mailto:notifications@calendly.com',
      'ATTENDEE;CN=Dana Lee;ROLE=REQ-PARTICIPANT:mailto:dana.lee@fabrikam.example',
    ]);
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.chooseInvitation('invite.ics', ics);
    await expect(importPage.invitation).toContainText('Technical interview with the platform team');
    await expect(importPage.invitation).toContainText('America/New_York');
    await expect(importPage.invitation).toContainText('Dana Lee');

    const importButton = importPage.invitation.getByRole('button', { name: 'Import interview' });
    const matched = await importPage.invitationApplication.inputValue();
    if (matched !== application.id) {
      await expect(importButton).toBeDisabled();
      await importPage.invitationApplication.selectOption({ label: 'Platform engineer — Fabrikam' });
    }
    await expect(importPage.invitationApplication).toHaveValue(application.id);
    await importButton.click();
    await expect(importPage.invitationReport).toContainText('Interview imported');

    const interviews = await api.listInterviews({ applicationId: application.id });
    expect(interviews).toHaveLength(1);
    expect(interviews[0]).toMatchObject({
      startsAt: '2026-03-10T18:00:00.000Z',
      timeZone: 'America/New_York',
      videoLink: 'https://zoom.us/j/123456789',
    });

    await importPage.invitationReport.getByRole('link', { name: 'Open the application' }).click();
    const view = new ApplicationPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Platform engineer' })).toBeVisible();
    await expect(view.interviews).toContainText('Technical');
    await expect(view.interviews).toContainText('With Dana Lee');
  });

  test('the CSV export and the backup download beside the imports', async ({ page, api }) => {
    await api.createApplication({ companyName: 'Acme', jobTitle: '=HYPERLINK("x")' });
    const importPage = new ImportPage(page);
    await importPage.goto();
    const exportLink = page.getByRole('link', { name: 'Download applications as CSV' });
    await expect(exportLink).toHaveAttribute('href', '/api/export/applications.csv');
    const download = page.waitForEvent('download');
    await exportLink.click();
    const file = await (await download).path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('Acme');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    await expect(page.getByRole('link', { name: 'Download a backup' })).toHaveAttribute(
      'href',
      '/api/backup',
    );
  });

  test('a downloaded backup is restored: refused over existing records unless the user replaces them', async ({
    page,
    api,
  }) => {
    await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const globex = await api.createApplication({ companyName: 'Globex', jobTitle: 'Designer' });
    const importPage = new ImportPage(page);
    await importPage.goto();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download a backup' }).click();
    const backupFile = await (await download).path();
    await api.deleteApplication(globex.id);

    await test.step('a file that is not JSON is refused where it was chosen', async () => {
      await importPage.chooseBackup({ name: 'notes.json', text: 'not json at all' });
      await expect(importPage.restore.locator('.field-error')).toContainText('this is not a JSON file');
      await expect(importPage.restore.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
    });

    await importPage.chooseBackup(backupFile);
    await importPage.restore.getByRole('button', { name: /^Restore / }).click();
    await expect(importPage.restore.getByRole('alert')).toContainText('This database already has records');
    await expect(importPage.restore.getByRole('alert')).toContainText('Replace everything I have now');
    expect((await api.listAllApplications()).map((a) => a.jobTitle)).toEqual(['Engineer']);

    page.once('dialog', (dialog) => void dialog.accept());
    await importPage.restore.getByRole('checkbox', { name: 'Replace everything I have now' }).check();
    await importPage.restore.getByRole('button', { name: /^Restore / }).click();
    await expect(importPage.restore.getByRole('status')).toContainText(
      'Restored 2 applications, 2 companies',
    );
    expect((await api.listAllApplications()).map((a) => a.jobTitle).sort()).toEqual(['Designer', 'Engineer']);
  });
});
