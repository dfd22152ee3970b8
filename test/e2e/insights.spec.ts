import { AxeBuilder } from '@axe-core/playwright';
import { createApiClient } from '../../src/web/api-client.js';
import { insightsPageOf } from '../../src/web/insights-view.js';
import { expect, test, whenInteractive } from './support/fixtures.js';
import { seedDemoData } from './support/seed.js';

// The insights page and its story page (issue 19): its figures, a table and a summary for each chart, and no serious axe
// problem in either theme, on a desktop and on a 390 px phone.
test('the insights page shows each chart with its table and summary, accessible in both themes and widths', async ({
  browser,
  app,
}) => {
  test.setTimeout(300_000);
  const api = createApiClient({ baseUrl: app.url });
  await seedDemoData(api);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({
        baseURL: app.url,
        colorScheme,
        viewport: { width, height: 900 },
        locale: 'en-US',
        timezoneId: 'Europe/Berlin',
        reducedMotion: 'reduce',
      });
      try {
        const page = whenInteractive(await context.newPage());
        await page.goto('/insights');
        await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expect(page.getByRole('heading', { name: 'You and the market' })).toBeVisible();
        await expect(page.getByRole('table', { name: 'Funnel' })).toBeVisible();
        await expect(page.getByRole('table', { name: 'Flows of the search' })).toBeVisible();
        await expect(page.getByRole('img', { name: /applications\. Outcomes/ })).toBeVisible();
        await expect(page.getByText(/Stepstone \(October 2025\)/).first()).toBeVisible();
        if (colorScheme === 'light' && width === 1280) {
          // The page shows what the API answers (the CLI and the API are compared in insights-command.test.ts).
          const expected = insightsPageOf(await api.getInsights({}));
          await expect(page.locator('.insights-headlines > li > .insights-value')).toHaveText(
            expected.headlines.map((h) => h.value),
          );
          await expect(page.getByRole('table', { name: 'Funnel' }).locator('tbody tr')).toHaveText(
            expected.funnel.rows.map((row) => row.join('')),
          );
          // Each public figure shows its source and year beside it and on hover (citationOf says the year once).
          const market = page.locator('.insights-market > li');
          const citations = expected.headlines.flatMap((h) => h.market.map((m) => m.citation));
          await expect(market.locator('cite')).toHaveText(citations);
          const titles: (string | null)[] = [];
          for (const item of await market.all()) titles.push(await item.getAttribute('title'));
          expect(titles).toEqual(citations);
        }
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, `${colorScheme}, ${width} px`).toEqual([]);
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);

        // The story page, reached from the insights page (it is not in the main navigation).
        await page.getByRole('link', { name: /Tell the story/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Story' }).waitFor();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        const source = page.getByLabel('Markdown');
        await expect(source).toHaveValue(/^# My job search/);
        const preview = page.locator('.story-rendered');
        await expect(preview.getByRole('heading', { name: 'My job search' })).toBeVisible();
        await expect(preview.getByRole('heading', { name: 'Timeline' })).toBeVisible();
        if (colorScheme === 'light' && width === 1280) {
          const named = (await source.inputValue()).match(/\*\*(.+?) at (.+?) \(/);
          await page.getByLabel(/Anonymise/).check();
          await expect(source).toHaveValue(/\| Month 1 \|/);
          if (named) expect(await source.inputValue()).not.toContain(named[2]!);
          // What is typed is rendered, never run.
          await source.fill(
            '# Mine\n\n<img src=x onerror="window.__storyXss=1"> [x](javascript:window.__storyXss=2)',
          );
          await expect(preview.getByRole('heading', { name: 'Mine' })).toBeVisible();
          await expect(preview.locator('img, [onerror], a[href^="javascript"]')).toHaveCount(0);
          expect(await page.evaluate('window.__storyXss')).toBeUndefined();
          // Switching Anonymise keeps each version's edits: the named story comes back as it was, and the
          // anonymised edits are there again when it is switched back on.
          await page.getByLabel(/Anonymise/).uncheck();
          await expect(source).toHaveValue(/^# My job search/);
          await expect(preview.getByRole('img', { name: /applications\. Outcomes/ })).toBeVisible();
          await expect(page.getByText('Your edits to the anonymised story are kept')).toBeVisible();
          await source.fill('# Named edit');
          await page.getByLabel(/Anonymise/).check();
          await expect(source).toHaveValue(/^# Mine/);
          await expect(page.getByText('Your edits to the named story are kept')).toBeVisible();
          await page.getByLabel(/Anonymise/).uncheck();
          await expect(source).toHaveValue('# Named edit');
        }
        const storyResults = await new AxeBuilder({ page }).analyze();
        const storySerious = storyResults.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(storySerious, `story, ${colorScheme}, ${width} px`).toEqual([]);
        const storyOverflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(storyOverflow, `story: horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    }
  }
});

test('an ended application offers a retrospective, which is kept', async ({ browser, app }) => {
  const api = createApiClient({ baseUrl: app.url });
  const ended = (await api.listAllApplications()).find((a) => a.stage === 'ended');
  if (!ended) throw new Error('the demo data has no ended application');
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 390, height: 900 } });
  try {
    const page = whenInteractive(await context.newPage());
    await page.goto(`/applications/${ended.id}`);
    await page.getByLabel("What I'd change").fill('ask about the timeline at the end of each interview');
    await page.getByRole('button', { name: 'Save retrospective' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Later diagnoses will remember it' }),
    ).toBeVisible();
    expect(await api.getRetrospective(ended.id)).toMatchObject({
      wouldChange: 'ask about the timeline at the end of each interview',
    });
    const results = await new AxeBuilder({ page }).include('.retrospective').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  } finally {
    await context.close();
  }
});

test('ending an application takes an optional retrospective, saved once it has ended', async ({
  browser,
  app,
}) => {
  const api = createApiClient({ baseUrl: app.url });
  const open = await api.createApplication({ companyName: 'Initech', jobTitle: 'Retro Analyst' });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
  try {
    const page = whenInteractive(await context.newPage());
    await page.goto(`/applications/${open.id}`);
    await page.getByLabel('Stage', { exact: true }).selectOption('ended');
    await page.getByRole('button', { name: 'End…' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('radio', { name: /^Rejected/ }).check();
    await dialog.getByText('Add a retrospective (optional)').click();
    await dialog.getByLabel('What they said').fill('went with someone who knew <their> stack');
    await dialog.getByLabel('What went well').fill('the pairing exercise');
    const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await dialog.getByRole('button', { name: 'End application' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Retrospective saved' }).first()).toBeVisible();
    expect(await api.getRetrospective(open.id)).toMatchObject({
      wentWell: 'the pairing exercise',
      wouldChange: '',
      theySaid: 'went with someone who knew <their> stack',
    });
    expect(await api.getApplication(open.id)).toMatchObject({ stage: 'ended', outcome: 'rejected' });
    // The application page's retrospective shows what was written in the dialog.
    await expect(page.locator('.retrospective').getByLabel('What went well')).toHaveValue(
      'the pairing exercise',
    );
  } finally {
    await context.close();
  }
});
