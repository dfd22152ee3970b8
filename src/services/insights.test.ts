import { expect, it } from 'vitest';
import { importKnownCsv } from '../../test/support/insights-fixture.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import type { Insights, InsightsGroupRow } from '../core/insights.js';
import { listAllApplications } from '../storage/application-store.js';
import { moveApplication } from './applications.js';
import { getInsights } from './insights.js';
import { updateSettings } from './settings.js';

/** [key, applications, responded, interviewed, median days, p75 days] */
type Row = [string, number, number, number, number | null, number | null];

function rows(group: readonly InsightsGroupRow[]): Row[] {
  return group.map((r) => [
    r.key,
    r.applications,
    r.responded,
    r.interviewed,
    r.daysToFirstResponse.median,
    r.daysToFirstResponse.p75,
  ]);
}

function headline(insights: Insights, id: string) {
  const h = insights.headlines.find((x) => x.id === id);
  if (!h) throw new Error(`no headline ${id}`);
  return [h.count, h.of, h.share, h.text];
}

describeEachDialect('insights', (ctx) => {
  it('gives the hand-computed figures for a known CSV import', async () => {
    await importKnownCsv(ctx.deps);
    const insights = await getInsights(ctx.deps, { goalApplications: 2 });
    expect(insights.applications).toBe(8);
    expect(
      insights.funnel.map((f) => [f.step, f.reached, f.stoppedHere, f.conversion, f.conversionText]),
    ).toEqual([
      ['saved', 8, 1, null, null],
      ['applied', 7, 3, null, '7 of 8'],
      ['screening', 4, 1, null, '4 of 7'],
      ['interviewing', 3, 1, null, '3 of 4'],
      ['offer', 2, 1, null, '2 of 3'],
      ['accepted', 1, 1, null, '1 of 2'],
    ]);
    expect(headline(insights, 'responseRate')).toEqual([5, 7, null, '5 of 7']);
    expect(headline(insights, 'silence')).toEqual([1, 7, null, '1 of 7']);
    expect(headline(insights, 'interviewRate')).toEqual([3, 7, null, '3 of 7']);
    expect(headline(insights, 'interviewToOffer')).toEqual([2, 3, null, '2 of 3']);
    expect(headline(insights, 'ghostedAfterInterview')).toEqual([0, 3, null, '0 of 3']);
    expect(headline(insights, 'referralInterviewRate')).toEqual([1, 2, null, '1 of 2']);
    const days = insights.headlines.find((h) => h.id === 'daysToFirstResponse')!;
    expect([days.days, days.text]).toEqual([8, '8 days (p75 14; 5 measured)']);
    expect(insights.headlines.find((h) => h.id === 'responseRate')!.note).toBe(
      '7 applications are too few for a percentage (fewer than 30): counts only',
    );
    for (const h of insights.headlines) {
      expect(h.market.length).toBeGreaterThan(0);
      for (const m of h.market) expect(m.source).not.toBe('');
    }
    expect(rows(insights.groups.source)).toEqual([
      ['referral', 2, 1, 1, 28, 28],
      ['job_board', 3, 2, 0, 8.5, 14],
      ['company_site', 1, 1, 1, 8, 8],
      ['recruiter', 1, 1, 1, 0, 0],
    ]);
    expect(rows(insights.groups.resume)).toEqual([
      ['CV-A', 3, 2, 1, 15.5, 28],
      ['CV-B', 3, 3, 2, 8, 14],
      ['', 1, 0, 0, null, null],
    ]);
    expect(rows(insights.groups.companySize)).toEqual([
      ['25-49', 1, 0, 0, null, null],
      ['100-499', 2, 2, 1, 15.5, 28],
      ['1000-4999', 1, 1, 1, 8, 8],
      ['10000+', 2, 2, 1, 7, 14],
      ['', 1, 0, 0, null, null],
    ]);
    expect(rows(insights.groups.weekApplied)).toEqual([
      ['2026-01-05', 2, 1, 0, 3, 3],
      ['2026-01-12', 3, 2, 1, 11, 14],
      ['2026-01-19', 2, 2, 2, 14, 28],
    ]);
    for (const row of Object.values(insights.groups).flat()) {
      expect([row.isSmall, row.responseRate, row.interviewRate]).toEqual([true, null, null]);
    }
    expect(insights.silence).toEqual({
      applied: 7,
      endedNoResponse: 1,
      share: null,
      medianDaysToNoResponse: 30,
      stillWaiting: 1,
      medianDaysWaiting: 55.9,
    });
    expect(insights.followUps.byKind).toEqual([]);
    expect(insights.activity.weeks.map((w) => [w.key, w.applications, w.isGoalMet, w.isCurrent])).toEqual([
      ['2026-01-05', 2, true, false],
      ['2026-01-12', 3, true, false],
      ['2026-01-19', 2, true, false],
      ['2026-01-26', 0, false, false],
      ['2026-02-02', 0, false, false],
      ['2026-02-09', 0, false, false],
      ['2026-02-16', 0, false, false],
      ['2026-02-23', 0, false, false],
      ['2026-03-02', 0, false, true],
    ]);
    expect(insights.activity.streak).toEqual({ days: 0, since: null });
    expect(insights.sankey.links).toEqual([
      { source: 'Referral', target: 'Applied', value: 1 },
      { source: 'Referral', target: 'Offer', value: 1 },
      { source: 'Job board', target: 'Applied', value: 2 },
      { source: 'Job board', target: 'Screening', value: 1 },
      { source: 'Company site', target: 'Saved', value: 1 },
      { source: 'Company site', target: 'Interviewing', value: 1 },
      { source: 'Recruiter', target: 'Offer', value: 1 },
      { source: 'Saved', target: 'Still open', value: 1 },
      { source: 'Applied', target: 'Rejected', value: 1 },
      { source: 'Applied', target: 'No response (ghosted)', value: 1 },
      { source: 'Applied', target: 'Still open', value: 1 },
      { source: 'Screening', target: 'Still open', value: 1 },
      { source: 'Interviewing', target: 'Still open', value: 1 },
      { source: 'Offer', target: 'Offer accepted', value: 1 },
      { source: 'Offer', target: 'Still open', value: 1 },
    ]);
  });

  it('answers as of an earlier date and for a period, from the same histories', async () => {
    await importKnownCsv(ctx.deps);
    const earlier = await getInsights(ctx.deps, { asOf: '2026-01-25' });
    expect(earlier.funnel.map((f) => f.reached)).toEqual([7, 7, 3, 2, 1, 0]);
    expect(headline(earlier, 'responseRate')).toEqual([3, 7, null, '3 of 7']);
    expect(earlier.silence.stillWaiting).toBe(4);
    const week = await getInsights(ctx.deps, { from: '2026-01-12', to: '2026-01-18' });
    expect(week.applications).toBe(3);
    expect(rows(week.groups.source)).toEqual([
      ['job_board', 2, 1, 0, 14, 14],
      ['company_site', 1, 1, 1, 8, 8],
    ]);
  });

  it('follows an edit of the history at once', async () => {
    await importKnownCsv(ctx.deps);
    const acme = (await listAllApplications(ctx.deps.db, ctx.deps.userId)).find(
      (a) => a.company.name === 'Acme',
    )!;
    await moveApplication(ctx.deps, acme.id, { stage: 'ended', outcome: 'no_response' });
    const after = await getInsights(ctx.deps);
    expect(headline(after, 'silence')).toEqual([2, 7, null, '2 of 7']);
    expect(after.silence.stillWaiting).toBe(0);
    expect(after.silence.medianDaysToNoResponse).toBe(43);
  });

  it('measures the weeks against the weekly goal saved in settings, unless the query names another', async () => {
    await importKnownCsv(ctx.deps);
    const metWeeks = (insights: Insights) => insights.activity.weeks.map((w) => w.isGoalMet).slice(0, 3);
    const none = await getInsights(ctx.deps);
    expect(none.activity.goal).toEqual({ applications: null, interviews: null, followUps: null });
    expect(metWeeks(none)).toEqual([null, null, null]);
    await updateSettings(ctx.deps, { weeklyGoal: { applications: 3, followUps: 0 } });
    const saved = await getInsights(ctx.deps);
    expect(saved.activity.goal).toEqual({ applications: 3, interviews: null, followUps: 0 });
    // Weeks of 2, 3 and 2 applications against 3 a week.
    expect(metWeeks(saved)).toEqual([false, true, false]);
    const overridden = await getInsights(ctx.deps, { goalApplications: 2 });
    expect(overridden.activity.goal).toEqual({ applications: 2, interviews: null, followUps: 0 });
    expect(metWeeks(overridden)).toEqual([true, true, true]);
    await updateSettings(ctx.deps, { weeklyGoal: { applications: null } });
    expect((await getInsights(ctx.deps)).activity.goal).toEqual({
      applications: null,
      interviews: null,
      followUps: 0,
    });
  });
});
