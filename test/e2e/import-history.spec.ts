import { AxeBuilder } from '@axe-core/playwright';
import { ImportPage } from './pages/import-page.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

/**
 * A tracker kept since the summer: 50 applications sent three to six months before today (every fifth taken
 * as far as an interview), none answered since.
 */
function trackerOfLastSummer(): string {
  const lines = ['Company,Job Title,Status,Date Applied'];
  for (let i = 0; i < 50; i++) {
    const sent = new Date(Date.now() - (92 + 2 * i) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`Company ${i},Engineer ${i},${i % 5 === 0 ? 'Interviewing' : 'Applied'},${sent}`);
  }
  return `${lines.join('\n')}\n`;
}

test.describe('importing applications with past dates', () => {
  test('“plan check-ins from today”: Today shows the 50 next steps and none of them overdue', async ({
    page,
    api,
  }) => {
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.chooseCsv('tracker.csv', trackerOfLastSummer());
    await expect(importPage.historyChoices).toContainText(
      '50 applications older than 30 days with no reply: what should hearback do with them?',
    );
    await expect(importPage.historyChoice('Keep them open without reminders')).toBeChecked();
    const axe = await new AxeBuilder({ page }).include('.csv-history').analyze();
    expect(axe.violations).toEqual([]);
    await importPage.historyChoice('Plan check-ins from today').check();
    await importPage.importButton.click();
    await expect(importPage.report).toContainText('Imported 50 applications.');
    await expect(importPage.report).toContainText(
      '50 applications older than 30 days with no reply: check-ins planned from today.',
    );

    const today = await api.getToday();
    expect(today.overdue).toEqual([]);
    expect(today.today.length + today.week.length).toBe(50);

    const todayPage = new TodayPage(page);
    await todayPage.goto();
    await expect(todayPage.steps).toHaveCount(50);
    await expect(page.locator('.today-overdue .count')).toHaveText('0');
    await expect(page.locator('.today-overdue article.follow-up')).toHaveCount(0);
  });

  test('“mark them as no response”: each ends as no response with the history its row describes', async ({
    page,
    api,
  }) => {
    const importPage = new ImportPage(page);
    await importPage.goto();
    const csv = trackerOfLastSummer();
    await importPage.chooseCsv('tracker.csv', csv);
    await importPage.historyChoice('Mark them as no response').check();
    await importPage.importButton.click();
    await expect(importPage.report).toContainText(
      '50 applications older than 30 days with no reply: ended as no response.',
    );

    const applications = await api.listAllApplications();
    expect(applications).toHaveLength(50);
    for (const application of applications) {
      expect(application).toMatchObject({ stage: 'ended', outcome: 'no_response' });
    }
    const interviewed = applications.find((a) => a.jobTitle === 'Engineer 5')!;
    expect(interviewed.furthestStage).toBe('interviewing');
    const sent = csv.split('\n')[6]!.split(',')[3]!;
    const timeline = await api.getTimeline(interviewed.id);
    expect(
      timeline.flatMap((e) =>
        e.kind === 'stage_change' ? [[e.toStage, e.outcome, e.occurredAt.slice(0, 10)]] : [],
      ),
    ).toEqual([
      ['applied', null, sent],
      ['interviewing', null, sent],
      ['ended', 'no_response', expect.any(String)],
    ]);
    const today = await api.getToday();
    expect([...today.overdue, ...today.today, ...today.week]).toEqual([]);
  });

  test('a file with only a header row says it has no rows and offers nothing to import', async ({ page }) => {
    const importPage = new ImportPage(page);
    await importPage.goto();
    const header = ['company', 'role_title', ...Array.from({ length: 58 }, (_, i) => `column_${i + 1}`)];
    await importPage.chooseCsvFile('job_pipeline_tracker.csv', `${header.join(',')}\n`);
    await expect(importPage.csv.getByRole('status')).toContainText(
      'This file has a header row but no rows under it, so there is nothing to import.',
    );
    await expect(importPage.mappingTable).toHaveCount(0);
    await expect(importPage.csv.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  });
});
