import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect, testNow } from '../../../test/support/test-runtime.js';

/** The fields a 400 names, each once (a value can break two rules of one field). */
function fieldsOf(answer: { error: { details: { issues: { field: string }[] } } }): string[] {
  return [...new Set(answer.error.details.issues.map((issue) => issue.field))];
}

type Step = {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  snoozedUntil: string | null;
  completedAt: string | null;
  completionNote: string | null;
  origin: string;
  planKey: string | null;
  updatedAt: string;
};

describeEachDialect('reopening steps and changing several at once', (ctx) => {
  const stepsOf = (applicationId: string): Promise<Step[]> =>
    call(ctx.app, 'GET', `/api/follow-ups?applicationId=${applicationId}`, undefined, 200);
  const getStep = (id: string): Promise<Step> =>
    call(ctx.app, 'GET', `/api/follow-ups/${id}`, undefined, 200);

  /**
   * Applied and added on Tue 10 Feb (now is Mon 2 Mar, UTC): the planner's check-in is overdue. (Added
   * only today, a check-in due that long ago would not be planned at all.)
   */
  async function appliedWithCheckIn() {
    ctx.runtime.clock.set('2026-02-10T09:00:00.000Z');
    const application = await addApplication(ctx.app, { stageAt: '2026-02-10T09:00:00Z' });
    ctx.runtime.clock.set(testNow);
    const [checkIn] = await stepsOf(application.id);
    expect(checkIn).toMatchObject({ kind: 'application_check_in', status: 'planned', origin: 'plan' });
    return { application, checkIn: checkIn! };
  }

  const addStep = (applicationId: string, dueAt: string) =>
    call<Step>(ctx.app, 'POST', '/api/follow-ups', { applicationId, dueAt, kind: 'custom' }, 201);

  it('reopens a done step as it was, and withdraws the step the plan had timed from it', async () => {
    const { application, checkIn } = await appliedWithCheckIn();
    await call(ctx.app, 'POST', `/api/follow-ups/${checkIn.id}/done`, { note: 'Wrote to Dana' }, 200);
    const afterDone = await stepsOf(application.id);
    const second = afterDone.find((s) => s.id !== checkIn.id);
    expect(second).toMatchObject({ kind: 'application_check_in', status: 'planned' });

    const reopened = await call<Step>(ctx.app, 'POST', `/api/follow-ups/${checkIn.id}/reopen`, {}, 200);
    expect(reopened).toMatchObject({
      id: checkIn.id,
      status: 'planned',
      dueAt: checkIn.dueAt,
      completedAt: null,
      completionNote: null,
    });
    expect(await stepsOf(application.id)).toEqual([{ ...checkIn, updatedAt: reopened.updatedAt }]);
  });

  it('reopens a skipped step of your own on its date, and gives a snoozed one its snooze back', async () => {
    const application = await addApplication(ctx.app);
    const mine = await addStep(application.id, '2026-03-04T09:00:00Z');
    await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/skip`, { reason: 'not needed' }, 200);
    expect(await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/reopen`, {}, 200)).toMatchObject({
      status: 'planned',
      dueAt: '2026-03-04T09:00:00.000Z',
      snoozedUntil: null,
    });

    // Undo of a snooze: the step as it was before, its own date and no snooze.
    await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/snooze`, { until: '2026-03-20' }, 200);
    expect(
      await call(
        ctx.app,
        'POST',
        `/api/follow-ups/${mine.id}/reopen`,
        { snoozedUntil: null, dueAt: '2026-03-04T09:00:00Z' },
        200,
      ),
    ).toMatchObject({ status: 'planned', dueAt: '2026-03-04T09:00:00.000Z', snoozedUntil: null });

    // A step snoozed, then done, comes back snoozed.
    await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/snooze`, { until: '2026-03-10' }, 200);
    await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/done`, {}, 200);
    expect(await call(ctx.app, 'POST', `/api/follow-ups/${mine.id}/reopen`, {}, 200)).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-03-10T09:00:00.000Z',
      dueAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('takes back the snooze of a planned step: the plan dates it again', async () => {
    const { checkIn } = await appliedWithCheckIn();
    const snoozed = await call<Step>(
      ctx.app,
      'POST',
      `/api/follow-ups/${checkIn.id}/snooze`,
      { until: '2026-03-12' },
      200,
    );
    expect(snoozed.dueAt).not.toBe(checkIn.dueAt);
    const back = await call<Step>(
      ctx.app,
      'POST',
      `/api/follow-ups/${checkIn.id}/reopen`,
      { snoozedUntil: null },
      200,
    );
    expect(back).toMatchObject({ status: 'planned', snoozedUntil: null, dueAt: checkIn.dueAt });
  });

  it('refuses a reopen the plan no longer has room for, and bad fields by name', async () => {
    const { application, checkIn } = await appliedWithCheckIn();
    await call(ctx.app, 'POST', `/api/follow-ups/${checkIn.id}/done`, {}, 200);
    // The employer answers: check-ins are over, so the done check-in cannot come back as open work.
    await call(
      ctx.app,
      'POST',
      '/api/events',
      { kind: 'reply_received', applicationId: application.id, channel: 'email', sentiment: 'positive' },
      201,
    );
    const refused = await call(ctx.app, 'POST', `/api/follow-ups/${checkIn.id}/reopen`, {}, 409);
    expect(refused.error).toMatchObject({ code: 'FOLLOW_UP_NOT_REOPENABLE', details: { status: 'done' } });
    expect((await getStep(checkIn.id)).status).toBe('done');

    const planned = (await stepsOf(application.id)).find((s) => s.status === 'planned')!;
    const dueAtOnPlan = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${planned.id}/reopen`,
      { dueAt: '2026-03-20T09:00:00Z' },
      400,
    );
    expect(fieldsOf(dueAtOnPlan)).toEqual(['dueAt']);
    const badDate = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${planned.id}/reopen`,
      { snoozedUntil: 'next week' },
      400,
    );
    expect(fieldsOf(badDate)).toEqual(['snoozedUntil']);
    const foreign = await call(ctx.app, 'POST', `/api/follow-ups/${planned.id}/reopen`, { status: 'x' }, 400);
    expect(foreign.error.code).toBe('VALIDATION_FAILED');
    const missing = await call(ctx.app, 'POST', '/api/follow-ups/nope/reopen', {}, 404);
    expect(missing.error.code).toBe('FOLLOW_UP_NOT_FOUND');
  });

  it('marks several steps done in one request, reports the ones it could not change, and reopens them', async () => {
    const application = await addApplication(ctx.app);
    const [a, b, c] = await Promise.all(
      ['2026-02-27T09:00:00Z', '2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'].map((dueAt) =>
        addStep(application.id, dueAt),
      ),
    );
    await call(ctx.app, 'POST', `/api/follow-ups/${c!.id}/skip`, {}, 200);
    const result = await call(
      ctx.app,
      'POST',
      '/api/follow-ups/bulk',
      { action: 'done', ids: [a!.id, b!.id, c!.id, 'gone'], note: 'Sent them all' },
      200,
    );
    expect(result.steps.map((s: Step) => [s.id, s.status, s.completionNote])).toEqual([
      [a!.id, 'done', 'Sent them all'],
      [b!.id, 'done', 'Sent them all'],
    ]);
    expect(result.failed).toEqual([
      { id: c!.id, code: 'FOLLOW_UP_NOT_OPEN', message: 'The step is already skipped' },
      { id: 'gone', code: 'FOLLOW_UP_NOT_FOUND', message: expect.stringContaining('gone') },
    ]);
    expect((await getStep(a!.id)).status).toBe('done');
    expect((await getStep(b!.id)).status).toBe('done');

    const reopened = await call(
      ctx.app,
      'POST',
      '/api/follow-ups/bulk',
      { action: 'reopen', steps: [{ id: a!.id }, { id: b!.id }] },
      200,
    );
    expect(reopened.failed).toEqual([]);
    expect((await getStep(a!.id)).status).toBe('planned');
    expect((await getStep(b!.id)).status).toBe('planned');
  });

  it('skips and snoozes several steps at once', async () => {
    const application = await addApplication(ctx.app);
    const [a, b] = await Promise.all(
      ['2026-02-27T09:00:00Z', '2026-03-02T09:00:00Z'].map((dueAt) => addStep(application.id, dueAt)),
    );
    const snoozed = await call(
      ctx.app,
      'POST',
      '/api/follow-ups/bulk',
      { action: 'snooze', ids: [a!.id, b!.id], until: '2026-03-09' },
      200,
    );
    expect(snoozed.steps.map((s: Step) => [s.status, s.dueAt])).toEqual([
      ['snoozed', '2026-03-09T09:00:00.000Z'],
      ['snoozed', '2026-03-09T09:00:00.000Z'],
    ]);
    const skipped = await call(
      ctx.app,
      'POST',
      '/api/follow-ups/bulk',
      { action: 'skip', ids: [a!.id, b!.id], reason: 'Old history' },
      200,
    );
    expect(skipped.steps.map((s: Step) => [s.status, s.completionNote])).toEqual([
      ['skipped', 'Old history'],
      ['skipped', 'Old history'],
    ]);
    expect((await getStep(b!.id)).status).toBe('skipped');
  });

  it('refuses a bulk request that is malformed as a whole, by field, changing nothing', async () => {
    const application = await addApplication(ctx.app);
    const step = await addStep(application.id, '2026-03-03T09:00:00Z');
    const fields = async (body: unknown) =>
      fieldsOf(await call(ctx.app, 'POST', '/api/follow-ups/bulk', body, 400));
    expect(await fields({ action: 'done', ids: [] })).toEqual(['ids']);
    expect(await fields({ action: 'done', ids: [step.id, step.id] })).toEqual(['ids']);
    expect(await fields({ action: 'snooze', ids: [step.id] })).toEqual(['until']);
    expect(await fields({ action: 'snooze', ids: [step.id], until: '2026-01-01' })).toEqual(['until']);
    expect(await fields({ action: 'done', ids: [step.id], at: '2027-01-01T00:00:00Z' })).toEqual(['at']);
    expect(await fields({ action: 'reopen', steps: [{ id: step.id, snoozedUntil: 'soon' }] })).toEqual([
      'steps.0.snoozedUntil',
    ]);
    expect(await fields({ action: 'archive', ids: [step.id] })).toEqual(['action']);
    expect((await getStep(step.id)).status).toBe('planned');
  });
});
