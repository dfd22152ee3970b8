import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { describeEachDialect, openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { earliestInstant, firstDate, lastDate, latestInstant } from '../core/date-window.js';
import { buildApp } from './build-app.js';

/** Every read that serialises stored dates: none may fail on any date the window lets in. */
async function readEverything(app: FastifyInstance): Promise<{ backup: unknown; csv: string; ics: string }> {
  for (const url of ['/api/today', '/api/follow-ups', '/api/follow-ups?due=open', '/api/applications']) {
    await call(app, 'GET', url, undefined, 200);
  }
  const backup = await call(app, 'GET', '/api/backup', undefined, 200);
  const csv = await app.inject({ method: 'GET', url: '/api/export/applications.csv' });
  expect(csv.statusCode, csv.body).toBe(200);
  const token = await call(app, 'POST', '/api/calendar/token', { reissue: true }, 201);
  const ics = await app.inject({ method: 'GET', url: new URL(token.url).pathname });
  expect(ics.statusCode, ics.body).toBe(200);
  return { backup, csv: csv.body, ics: ics.body };
}

describeEachDialect('the date window', (ctx) => {
  const opened: TestRuntime[] = [];
  afterEach(async () => {
    for (const runtime of opened.splice(0)) await runtime.close();
  });

  async function restoresElsewhere(backup: unknown): Promise<void> {
    const other = await openTestRuntime(ctx.dialect);
    opened.push(other);
    const app = await buildApp({ deps: other.deps, dialect: other.dialect });
    try {
      await call(app, 'POST', '/api/backup/restore', backup, 200);
      expect(await call(app, 'GET', '/api/backup', undefined, 200)).toEqual(backup);
    } finally {
      await app.close();
    }
  }

  /**
   * One application dated at `edge` on every dated field the API takes, the clock at `now`; what has a start
   * and an end (an interview, a snooze) runs `from` … `to`, one of which is the edge;
   * the snooze sends `snooze`.
   */
  async function datedEverywhere(
    edge: string,
    date: string,
    at: { readonly now: string; readonly from: string; readonly to: string; readonly snooze: object },
  ) {
    ctx.runtime.clock.set(at.now);
    const posting = { datePosted: date, validThrough: date };
    const application = await addApplication(ctx.app, { stageAt: edge, posting, jobTitle: `At ${edge}` });
    const contact = await call(ctx.app, 'POST', '/api/contacts', { name: `Dana ${edge}` }, 201);
    await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        startsAt: at.from,
        endsAt: at.to,
        timeZone: 'UTC',
        decisionDate: date,
        interviewerIds: [contact.id],
      },
      201,
    );
    await call(ctx.app, 'POST', `/api/applications/${application.id}/stage`, {
      stage: 'interviewing',
      occurredAt: edge,
    });
    for (const event of [
      { kind: 'message_sent', channel: 'email' },
      { kind: 'reply_received', channel: 'email', sentiment: 'neutral', newDecisionDate: date },
      { kind: 'note', text: 'edge' },
      { kind: 'posting_change', change: 'changed' },
    ]) {
      await call(
        ctx.app,
        'POST',
        '/api/events',
        { ...event, applicationId: application.id, occurredAt: edge },
        201,
      );
    }
    const steps = [];
    for (let i = 0; i < 3; i++) {
      steps.push(
        await call(
          ctx.app,
          'POST',
          '/api/follow-ups',
          { applicationId: application.id, dueAt: at.to, reason: `own ${i}` },
          201,
        ),
      );
    }
    await call(ctx.app, 'POST', `/api/follow-ups/${steps[0].id}/done`, { at: edge }, 200);
    await call(ctx.app, 'POST', `/api/follow-ups/${steps[1].id}/skip`, { at: edge }, 200);
    await call(ctx.app, 'POST', `/api/follow-ups/${steps[2].id}/snooze`, at.snooze, 200);
    return application;
  }

  it('refuses a date outside 1970-01-01 … 2100-12-31 on the way in, naming the field', async () => {
    const far = await call(ctx.app, 'POST', '/api/applications', {
      companyName: 'Acme',
      jobTitle: 'Engineer',
      stageAt: '9999-12-31T23:59:59Z',
    });
    expect(far.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(far.error.details.issues[0]).toEqual({
      field: 'stageAt',
      message: `must be between ${firstDate} and ${lastDate} (UTC)`,
    });
    const early = await call(ctx.app, 'POST', '/api/applications', {
      companyName: 'Acme',
      jobTitle: 'Engineer',
      posting: { validThrough: '1969-12-31' },
    });
    expect(early.error.details.issues[0].field).toBe('posting.validThrough');
    const application = await addApplication(ctx.app);
    const snooze = await call(ctx.app, 'POST', '/api/follow-ups', {
      applicationId: application.id,
      dueAt: '2101-01-01T00:00:00Z',
    });
    expect(snooze.error.details.issues[0].field).toBe('dueAt');
    const asOf = await call(ctx.app, 'GET', '/api/today?asOf=9999-12-31');
    expect(asOf.error.details.issues[0].field).toBe('asOf');
  });

  it('reads, exports and restores records dated at both edges of the window on every dated field', async () => {
    await datedEverywhere(earliestInstant, firstDate, {
      now: '1970-01-01T01:00:00.000Z',
      from: earliestInstant,
      to: '1970-01-01T01:00:00.000Z',
      snooze: { until: '1970-01-01T01:00:00.000Z', at: earliestInstant },
    });
    const late = await datedEverywhere(latestInstant, lastDate, {
      now: '2100-12-31T23:58:00.000Z',
      from: '2100-12-31T23:00:00.000Z',
      to: latestInstant,
      snooze: { until: latestInstant },
    });
    // What the planner counts from the last day (a check-in "7 business days later") stays in the window.
    const steps = await call(ctx.app, 'GET', `/api/follow-ups?applicationId=${late.id}`, undefined, 200);
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) expect(step.dueAt <= latestInstant, step.dueAt).toBe(true);
    ctx.runtime.clock.set(latestInstant);
    const { backup, csv, ics } = await readEverything(ctx.app);
    expect(csv).toContain('2100-12-31');
    expect(csv).toContain('1970-01-01');
    // The feed lists recent and coming interviews only, so the 1970 one is not in it.
    expect(ics).toContain('DTSTART:21001231T230000Z');
    await restoresElsewhere(backup);
  });

  it('refuses a backup holding a date outside the window, naming where', async () => {
    await addApplication(ctx.app, { posting: { validThrough: '2026-04-01' } });
    const backup = await call(ctx.app, 'GET', '/api/backup', undefined, 200);
    backup.applications[0].posting.validThrough = '9999-12-31';
    backup.events[0].occurredAt = '+010000-01-03T09:00:00.000Z';
    const refused = await call(ctx.app, 'POST', '/api/backup/restore?replace=true', backup, 400);
    expect(refused.error.code).toBe('INVALID_BACKUP');
    const fields = new Set(refused.error.details.issues.map((i: { field: string }) => i.field));
    expect([...fields].sort()).toEqual(['applications.0.posting.validThrough', 'events.0.occurredAt']);
  });

  it('still reads, exports and restores rows an older version stored outside the window', async () => {
    const application = await addApplication(ctx.app, { posting: { datePosted: '2026-03-01' } });
    const contact = await call(ctx.app, 'POST', '/api/contacts', { name: 'Dana' }, 201);
    const interview = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        startsAt: '2026-03-03T14:00:00Z',
        endsAt: '2026-03-03T15:00:00Z',
        timeZone: 'UTC',
        interviewerIds: [contact.id],
      },
      201,
    );
    await call(
      ctx.app,
      'POST',
      '/api/events',
      { kind: 'reply_received', applicationId: application.id, channel: 'email', sentiment: 'neutral' },
      201,
    );
    // As the version before the window stored them: a year 9999 and the year 10000 the planner went on to.
    const { db } = ctx.deps;
    await db
      .updateTable('applications')
      .set({
        applied_at: '9999-12-31T23:59:59.000Z',
        // As the migration that added the column fills it: from the last stage change, dated below.
        stage_changed_at: '9999-12-31T23:59:59.000Z',
        date_posted: '9999-12-31',
        valid_through: '1900-01-01',
      })
      .where('id', '=', application.id)
      .execute();
    await db
      .updateTable('events')
      .set({ occurred_at: '9999-12-31T23:59:59.000Z' })
      .where('application_id', '=', application.id)
      .execute();
    await db
      .updateTable('interviews')
      .set({ starts_at: '+010000-01-03T09:00:00.000Z', decision_date: '9999-12-31' })
      .where('id', '=', interview.id)
      .execute();
    await db
      .updateTable('follow_ups')
      .set({ due_at: '+010000-01-03T09:00:00.000Z', snoozed_until: '0900-01-01T00:00:00.000Z' })
      .where('application_id', '=', application.id)
      .execute();
    const { backup } = await readEverything(ctx.app);
    const steps = await call(
      ctx.app,
      'GET',
      `/api/follow-ups?applicationId=${application.id}`,
      undefined,
      200,
    );
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.dueAt).toBe(latestInstant);
      expect(step.reason).toContain('+010000-01-03T09:00:00.000Z');
      expect(step.reason).toContain(`outside the dates hearback keeps, ${firstDate} to ${lastDate}`);
    }
    const read = await call(ctx.app, 'GET', `/api/applications/${application.id}`, undefined, 200);
    expect(read).toMatchObject({
      appliedAt: latestInstant,
      posting: { datePosted: lastDate, validThrough: firstDate },
    });
    await restoresElsewhere(backup);
  });
});
