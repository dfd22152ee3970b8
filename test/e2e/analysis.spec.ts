import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { ApplicationPage } from './pages/application-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';
const postingText = [
  'Data analyst at Contoso',
  'Requirements:',
  '* 5 years of SQL and Python',
  '* Experience with Tableau or Power BI',
  '* A/B testing and statistics',
  'Responsibilities:',
  'Build dashboards for the sales team.',
].join('\n');

/** An application sent five weeks ago with no word since: waiting on the employer. */
function daysAgo(days: number): string {
  return zonedToInstant(addDays(todayIn(zone, new Date()), -days), '10:00', zone);
}

test.describe('why haven’t I heard back, tailoring and the posting watch on the application page', () => {
  test('a waiting application shows its diagnosis: causes ranked with evidence and a next step', async ({
    page,
    api,
  }) => {
    const application = await api.createApplication({
      companyName: 'Contoso',
      jobTitle: 'Data analyst',
      stageAt: daysAgo(35),
      posting: { descriptionText: postingText },
    });
    const diagnosis = await api.getDiagnosis(application.id);
    expect(diagnosis.status).toBe('waiting');
    if (diagnosis.status !== 'waiting') return;
    const [top] = diagnosis.causes;

    const view = new ApplicationPage(page);
    await view.goto(application.id);
    await expect(view.diagnosis).toBeVisible();
    await expect(view.diagnosis).toContainText(diagnosis.summary);
    await expect(view.diagnosis.locator('dd').nth(1)).toHaveText(String(diagnosis.daysOfSilence));
    await expect(view.diagnosis.locator('dt').nth(2)).toHaveText('News was due around');
    await expect(view.diagnosis.locator('details.cause')).toHaveCount(5);
    const first = view.cause(top!.label);
    await expect(first).toHaveAttribute('open', '');
    const likelihood = { likely: 'Likely', possible: 'Possible', unlikely: 'Unlikely' }[top!.likelihood];
    await expect(first.locator('summary')).toContainText(likelihood);
    for (const evidence of top!.evidence) await expect(first).toContainText(evidence.text);
    await expect(first.locator('.recommendation')).toContainText('Next step');
    await expect(first.locator('.recommendation')).toContainText(top!.recommendation.text);

    const last = view.cause(diagnosis.causes[4]!.label);
    await expect(last).not.toHaveAttribute('open', '');
    await last.locator('summary').click();
    await expect(last.locator('.recommendation')).toBeVisible();
  });

  test('news still ahead is "expected", not "was due"', async ({ page, api }) => {
    const application = await api.createApplication({
      companyName: 'Northwind',
      jobTitle: 'Analyst',
      stageAt: daysAgo(1),
    });
    const diagnosis = await api.getDiagnosis(application.id);
    expect(diagnosis.status).toBe('waiting');
    const view = new ApplicationPage(page);
    await view.goto(application.id);
    await expect(view.diagnosis.locator('dt').nth(2)).toHaveText('News is expected around');
  });

  test('an application not waiting on the employer says why, lower on the page', async ({ page, api }) => {
    const application = await api.createApplication({
      companyName: 'Fabrikam',
      jobTitle: 'Platform engineer',
      stage: 'saved',
    });
    const view = new ApplicationPage(page);
    await view.goto(application.id);
    await expect(view.diagnosis).toContainText('Not applied yet');
    await expect(view.diagnosis.locator('details.cause')).toHaveCount(0);
  });

  test('a tailoring check with pasted text shows the score, covered and missing keywords, and where the posting asks', async ({
    page,
    api,
  }) => {
    const application = await api.createApplication({
      companyName: 'Contoso',
      jobTitle: 'Data analyst',
      stageAt: daysAgo(10),
      posting: { descriptionText: postingText },
    });
    const view = new ApplicationPage(page);
    await view.goto(application.id);
    await view.checkResumeText(
      'Data analyst. Six years of SQL, Python and Tableau; built dashboards for sales.',
      'analyst v2',
    );

    await expect(view.tailoringScore).toContainText(/\d+ of 100 match/);
    const stored = await api.getLatestTailoring(application.id);
    expect(stored?.resumeName).toBe('analyst v2');
    await expect(view.tailoringScore.locator('.score-value')).toHaveText(String(stored?.score));
    await expect(view.missingKeyword('A/B testing')).toContainText('In the requirements');
    await expect(view.missingKeyword('A/B testing').locator('mark')).toHaveText('A/B testing');
    await expect(view.missingKeyword('A/B testing')).toContainText('A/B testing and statistics');
    await expect(view.missingKeyword('Power BI')).toBeVisible();
    await expect(view.coveredKeywords).toContainText(['Python', 'SQL', 'Tableau']);
    await expect(view.tailoring).toContainText('Resume “analyst v2”');
    await view.tailoring.getByText('How the score is computed').click();
    await expect(view.tailoring).toContainText('Σ weight of keywords found in the resume');

    await test.step('the latest check loads with the page', async () => {
      await page.reload();
      await expect(view.tailoringScore.locator('.score-value')).toHaveText(String(stored?.score));
    });

    await test.step('a file with no text gets a clear message and the last result stays', async () => {
      await view.checkResumeFile({
        name: 'scan.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(' \n\n \n'),
      });
      await expect(view.tailoringError).toContainText('No text found in this file: it may be scanned');
      await expect(view.tailoringScore.locator('.score-value')).toHaveText(String(stored?.score));
    });
  });

  test('the tailoring check says when the posting has no text to compare with', async ({ page, api }) => {
    const application = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const view = new ApplicationPage(page);
    await view.goto(application.id);
    await expect(view.tailoring.locator('.warning-box')).toContainText('no posting text yet');
    await view.checkResumeText('SQL and Python');
    await expect(view.tailoringError).toContainText('This application has no posting text to compare with');
  });

  test.describe('posting watch', () => {
    let site: Server;
    let postingUrl: string;
    let status = 200;

    test.beforeAll(async () => {
      site = createServer((_request, response) => {
        response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          status === 200
            ? `<html><head><title>Data analyst</title></head><body><main><h1>Data analyst</h1><p>${postingText}</p></main></body></html>`
            : 'Not found',
        );
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      postingUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/jobs/42`;
    });

    test.afterAll(async () => {
      await new Promise<void>((resolve) => site.close(() => resolve()));
    });

    test.describe('on a server that may fetch private addresses', () => {
      // The fake posting site is on 127.0.0.1, which hearback fetches only with the documented opt-in.
      test.use({ freshServer: true, allowPrivateFetch: true });

      test('shows the watch status, checks now, and records a removed posting on the timeline', async ({
        page,
        api,
      }) => {
        status = 200;
        const application = await api.createApplication({
          companyName: 'Contoso',
          jobTitle: 'Data analyst',
          stageAt: daysAgo(12),
          postingUrl,
        });
        const view = new ApplicationPage(page);
        await view.goto(application.id);
        await expect(view.postingWatch).toContainText('Not checked yet');
        await expect(view.postingWatch).toContainText('Last checked');
        await expect(view.postingWatch).toContainText('Never');
        await expect(view.postingWatch).toContainText('Next check');

        await view.checkPostingNow();
        await expect(view.postingWatch.locator('.badge')).toHaveText('Still online');
        await expect(view.postingWatch).not.toContainText('Never');

        status = 404;
        await view.checkPostingNow();
        await expect(view.postingWatch.locator('.badge')).toHaveText('Removed or closed');
        await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Posting removed');
        const watch = await api.getPostingWatch(application.id);
        expect(watch?.state).toBe('removed');
      });
    });

    test('a refused or unreachable site shows as the last error, not as a broken page', async ({
      page,
      api,
    }) => {
      const application = await api.createApplication({
        companyName: 'Contoso',
        jobTitle: 'Unreachable',
        postingUrl: 'http://127.0.0.1:9/jobs/1',
      });
      const view = new ApplicationPage(page);
      await view.goto(application.id);
      await view.checkPostingNow();
      await expect(view.postingWatch.locator('.watch-error')).toContainText('The last check failed:');
    });
  });
});
