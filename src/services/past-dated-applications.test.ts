import fs from 'node:fs';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import { describeEachDialect, testNow } from '../../test/support/test-runtime.js';
import type { StageChangeEvent } from '../core/event.js';
import type { FollowUp } from '../core/follow-up.js';
import { listAllApplications } from '../storage/application-store.js';
import { listAllEvents } from '../storage/event-store.js';
import { listFollowUps } from '../storage/follow-up-store.js';
import { exportBackup, restoreBackup } from './backup.js';
import { importCsv, previewCsvImport } from './csv-import.js';
import type { Deps } from './deps.js';
import { inTransaction } from './deps.js';
import { replanAllApplications } from './replan.js';
import { getToday } from './today.js';

const day = 86_400_000;
const daysBefore = (instant: string, days: number) =>
  new Date(Date.parse(instant) - days * day).toISOString();

/**
 * A tracker kept since the autumn: `count` applications sent 90 to 188 days before `now`, every fifth one
 * taken as far as an interview, none with an answer since.
 */
function trackerCsv(count: number, now: string): string {
  const lines = ['Company,Job Title,Status,Date Applied'];
  for (let i = 0; i < count; i++) {
    const applied = daysBefore(now, 90 + 2 * i).slice(0, 10);
    lines.push(`Company ${i},Engineer ${i},${i % 5 === 0 ? 'Interviewing' : 'Applied'},${applied}`);
  }
  return `${lines.join('\n')}\n`;
}

const utc = { timeZone: 'UTC' } as const;

async function openSteps(deps: Deps): Promise<FollowUp[]> {
  return listFollowUps(deps.db, deps.userId, { statuses: ['planned', 'snoozed'] });
}

if (!hasCorpora()) console.warn(corporaSkipMessage);

describeEachDialect('applications added with past dates', (ctx) => {
  it('plans no overdue check-in for an application added with a date four months ago', async () => {
    const application = await addApplication(ctx.app, { stageAt: daysBefore(testNow, 120) });
    expect(application).toMatchObject({ stage: 'applied', appliedAt: daysBefore(testNow, 120) });
    expect(await openSteps(ctx.deps)).toEqual([]);
    expect((await getToday(ctx.deps)).overdue).toEqual([]);
  });

  it('plans a check-in just missed on the day the application is added, due today rather than overdue', async () => {
    // Sent Wed 18 Feb: the check-in was due Fri 27 Feb, 1 business day before Mon 2 Mar.
    await addApplication(ctx.app, { stageAt: '2026-02-18T10:00:00.000Z' });
    const today = await getToday(ctx.deps);
    expect(today.overdue).toEqual([]);
    expect(today.today.map((item) => [item.step.kind, item.step.dueAt])).toEqual([
      ['application_check_in', testNow],
    ]);
    expect(today.today[0]!.step.reason).toBe(
      'Check-in on your application, 7 business days after you applied on Wed 18 Feb; that was Fri 27 Feb, ' +
        'before you added this application on Mon 2 Mar, so it is due from then',
    );
  });

  it('imports a tracker with rows from June and July without any overdue step', async (test) => {
    if (!hasCorpora()) return test.skip(corporaSkipMessage);
    ctx.runtime.clock.set('2026-12-07T10:00:00.000Z');
    const csv = fs.readFileSync(corpusPath('ai-job-search-trackers', 'job_search_tracker.csv'));
    const result = await importCsv(ctx.deps, csv, utc);
    expect(result.created).toBe(36);
    expect(result.history).toEqual({ choice: 'keep', applications: 31 });
    const today = await getToday(ctx.deps);
    expect(today.overdue).toEqual([]);
    expect(today.today).toEqual([]);
  });

  it('says in the preview how many applications have had no news, and the choice it will apply', async () => {
    const csv = `${trackerCsv(3, testNow)}Fresh Co,Designer,Applied,${daysBefore(testNow, 10).slice(0, 10)}\n`;
    const preview = await previewCsvImport(ctx.deps, csv, utc);
    expect(preview.counts.create).toBe(4);
    expect(preview.history).toEqual({ quietAfterDays: 30, applications: 3, choice: 'keep' });
    const chosen = await previewCsvImport(ctx.deps, csv, { ...utc, history: 'no_response' });
    expect(chosen.history.choice).toBe('no_response');
  });

  it('plans the check-ins of 50 applications from today when asked, and keeps them there when re-planned', async () => {
    const result = await importCsv(ctx.deps, trackerCsv(50, testNow), { ...utc, history: 'plan_from_today' });
    expect(result).toMatchObject({ created: 50, history: { choice: 'plan_from_today', applications: 50 } });
    const today = await getToday(ctx.deps);
    expect(today.overdue).toEqual([]);
    expect(today.today).toHaveLength(50);
    expect(new Set(today.today.map((item) => item.step.dueAt))).toEqual(new Set([testNow]));
    expect(new Set(today.today.map((item) => item.step.kind))).toEqual(
      new Set(['application_check_in', 'first_follow_up']),
    );
    const before = await openSteps(ctx.deps);
    ctx.runtime.clock.set('2026-03-09T10:00:00.000Z');
    await inTransaction(ctx.deps, (tx) => replanAllApplications(tx));
    expect(await openSteps(ctx.deps)).toEqual(before);
  });

  it('keeps applications open without reminders by default, even one whose suggestion to end it is still ahead', async () => {
    // Screened 33 days ago: first, second and closing notes are past, the suggestion to end it is not.
    const screened = daysBefore(testNow, 33).slice(0, 10);
    const csv = `${trackerCsv(2, testNow)}Late Co,Analyst,Phone screen,${screened}\n`;
    const result = await importCsv(ctx.deps, csv, utc);
    expect(result).toMatchObject({ created: 3, history: { choice: 'keep', applications: 3 } });
    expect(await openSteps(ctx.deps)).toEqual([]);
    const applications = await listAllApplications(ctx.deps.db, ctx.deps.userId);
    expect(applications.map((a) => a.stage).sort()).toEqual(['applied', 'interviewing', 'screening']);
    const closed = await listFollowUps(ctx.deps.db, ctx.deps.userId, { statuses: ['skipped'] });
    expect(closed.map((s) => [s.kind, s.completionNote])).toEqual([
      [
        'suggest_no_response',
        'Not planned: imported with no news for more than 30 days and kept open without reminders',
      ],
    ]);
  });

  it('ends applications with no news as no response when asked, keeping their stage history', async () => {
    const fresh = `Fresh Co,Designer,Applied,${daysBefore(testNow, 10).slice(0, 10)}\n`;
    const result = await importCsv(ctx.deps, `${trackerCsv(50, testNow)}${fresh}`, {
      ...utc,
      history: 'no_response',
    });
    expect(result).toMatchObject({ created: 51, history: { choice: 'no_response', applications: 50 } });
    const applications = await listAllApplications(ctx.deps.db, ctx.deps.userId);
    const ended = applications.filter((a) => a.stage === 'ended');
    expect(ended).toHaveLength(50);
    for (const application of ended) {
      expect(application).toMatchObject({ outcome: 'no_response', endedAt: testNow });
    }
    const interviewed = ended.find((a) => a.jobTitle === 'Engineer 0')!;
    expect(interviewed.furthestStage).toBe('interviewing');
    const events = (await listAllEvents(ctx.deps.db, ctx.deps.userId)).filter(
      (e): e is StageChangeEvent => e.kind === 'stage_change' && e.applicationId === interviewed.id,
    );
    const applied = daysBefore(testNow, 90).slice(0, 10);
    expect(events.map((e) => [e.toStage, e.outcome, e.occurredAt.slice(0, 10)])).toEqual([
      ['applied', null, applied],
      ['interviewing', null, applied],
      ['ended', 'no_response', testNow.slice(0, 10)],
    ]);
    expect(events.at(-1)!.note).toBe('Ended as no response when imported: no news for more than 30 days');
    const open = await openSteps(ctx.deps);
    expect(open.map((s) => s.applicationId)).toEqual([
      applications.find((a) => a.jobTitle === 'Designer')!.id,
    ]);
  });

  it('refuses an unknown choice with a 400 naming the field', async () => {
    for (const url of ['/api/import/csv/preview', '/api/import/csv']) {
      const answer = await call(
        ctx.app,
        'POST',
        url,
        { csv: trackerCsv(1, testNow), history: 'forget' },
        400,
      );
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      expect(answer.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['history']);
    }
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
  });

  it('takes the choice in the import request and reports the count in the preview and the result', async () => {
    const csv = trackerCsv(4, testNow);
    const preview = await call(ctx.app, 'POST', '/api/import/csv/preview', { csv }, 200);
    expect(preview.history).toEqual({ quietAfterDays: 30, applications: 4, choice: 'keep' });
    const result = await call(ctx.app, 'POST', '/api/import/csv', { csv, history: 'no_response' }, 200);
    expect(result.history).toEqual({ choice: 'no_response', applications: 4 });
  });

  it('restores a backup exactly, overdue steps included', async () => {
    ctx.runtime.clock.set('2026-02-02T10:00:00.000Z');
    await addApplication(ctx.app, { stageAt: '2026-02-02T09:00:00.000Z' });
    ctx.runtime.clock.set(testNow);
    const overdue = (await getToday(ctx.deps)).overdue.map((item) => item.step);
    expect(overdue.map((s) => [s.kind, s.dueAt])).toEqual([
      ['application_check_in', '2026-02-11T09:00:00.000Z'],
    ]);
    const backup = await exportBackup(ctx.deps);
    await restoreBackup(ctx.deps, backup, { replace: true });
    expect((await getToday(ctx.deps)).overdue.map((item) => item.step)).toEqual(overdue);
  });
});
