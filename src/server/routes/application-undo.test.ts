import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

describeEachDialect('taking back a move, and moving several applications at once', (ctx) => {
  const move = (id: string, body: Record<string, unknown>, status = 200) =>
    call(ctx.app, 'POST', `/api/applications/${id}/stage`, body, status);
  const undo = (id: string, body: Record<string, unknown>, status = 200) =>
    call(ctx.app, 'POST', `/api/applications/${id}/stage/undo`, body, status);
  const get = (id: string) => call(ctx.app, 'GET', `/api/applications/${id}`, undefined, 200);
  const timeline = (id: string) => call(ctx.app, 'GET', `/api/applications/${id}/timeline`, undefined, 200);
  const openSteps = async (id: string) =>
    (await call(ctx.app, 'GET', `/api/follow-ups?applicationId=${id}`, undefined, 200))
      .filter((s: { status: string }) => s.status === 'planned')
      .map((s: { kind: string; dueAt: string }) => [s.kind, s.dueAt]);

  it('takes back the latest move: the entry leaves the history, stage and plan are as before', async () => {
    const application = await addApplication(ctx.app, { stageAt: '2026-02-10T09:00:00Z' });
    const before = await get(application.id);
    const stepsBefore = await openSteps(application.id);
    const historyBefore = await timeline(application.id);

    const moved = await move(application.id, { stage: 'interviewing' });
    expect(moved).toMatchObject({ stage: 'interviewing', furthestStage: 'interviewing' });
    expect(await openSteps(application.id)).not.toEqual(stepsBefore);

    const restored = await undo(application.id, { fromStage: 'applied', toStage: 'interviewing' });
    expect(restored).toEqual({ ...before, updatedAt: restored.updatedAt });
    expect(await get(application.id)).toEqual(restored);
    expect(await timeline(application.id)).toEqual(historyBefore);
    expect(await openSteps(application.id)).toEqual(stepsBefore);
  });

  it('takes back an ending, and the move that sent a saved application', async () => {
    const saved = await addApplication(ctx.app, { stage: 'saved', jobTitle: 'Saved role' });
    expect((await move(saved.id, { stage: 'applied' })).appliedAt).not.toBeNull();
    expect(await undo(saved.id, { fromStage: 'saved', toStage: 'applied' })).toMatchObject({
      stage: 'saved',
      furthestStage: 'saved',
      appliedAt: null,
    });

    const ended = await addApplication(ctx.app, { jobTitle: 'Ended role' });
    await move(ended.id, { stage: 'ended', outcome: 'no_response', note: 'silence' });
    expect(await undo(ended.id, { fromStage: 'applied', toStage: 'ended' })).toMatchObject({
      stage: 'applied',
      outcome: null,
      closedReason: null,
      endedAt: null,
    });
  });

  it('refuses to take back a move that is not the latest, or was never made, changing nothing', async () => {
    const application = await addApplication(ctx.app);
    const neverMoved = await undo(application.id, { fromStage: 'saved', toStage: 'applied' }, 409);
    expect(neverMoved.error).toMatchObject({
      code: 'STAGE_CHANGE_NOT_LATEST',
      details: { latest: { fromStage: null, toStage: 'applied' } },
    });

    await move(application.id, { stage: 'screening' });
    await move(application.id, { stage: 'interviewing' });
    const stale = await undo(application.id, { fromStage: 'applied', toStage: 'screening' }, 409);
    expect(stale.error).toMatchObject({
      code: 'STAGE_CHANGE_NOT_LATEST',
      details: { latest: { fromStage: 'screening', toStage: 'interviewing' } },
    });
    expect((await get(application.id)).stage).toBe('interviewing');
    expect(await timeline(application.id)).toHaveLength(3);

    const bad = await undo(application.id, { fromStage: 'nowhere', toStage: 'interviewing' }, 400);
    expect(bad.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['fromStage']);
    const missing = await undo('nope', { fromStage: 'applied', toStage: 'screening' }, 404);
    expect(missing.error.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('ends several applications in one request, reports those it could not, and takes the moves back', async () => {
    const [a, b, c] = await Promise.all(
      ['One', 'Two', 'Three'].map((jobTitle) => addApplication(ctx.app, { jobTitle })),
    );
    await call(ctx.app, 'DELETE', `/api/applications/${c.id}`, undefined, 204);
    const ended = await call(
      ctx.app,
      'POST',
      '/api/applications/bulk',
      { action: 'move', ids: [a.id, b.id, c.id], stage: 'ended', outcome: 'no_response' },
      200,
    );
    expect(ended.applications.map((x: { id: string; outcome: string }) => [x.id, x.outcome])).toEqual([
      [a.id, 'no_response'],
      [b.id, 'no_response'],
    ]);
    expect(ended.failed).toEqual([
      { id: c.id, code: 'APPLICATION_NOT_FOUND', message: expect.stringContaining(c.id) },
    ]);
    expect((await get(b.id)).stage).toBe('ended');

    const again = await call(
      ctx.app,
      'POST',
      '/api/applications/bulk',
      { action: 'move', ids: [a.id], stage: 'ended', outcome: 'no_response' },
      200,
    );
    expect(again.failed.map((f: { code: string }) => f.code)).toEqual(['INVALID_STAGE_CHANGE']);

    const back = await call(
      ctx.app,
      'POST',
      '/api/applications/bulk',
      {
        action: 'undo_move',
        moves: [
          { id: a.id, fromStage: 'applied', toStage: 'ended' },
          { id: b.id, fromStage: 'applied', toStage: 'ended' },
        ],
      },
      200,
    );
    expect(back.failed).toEqual([]);
    expect((await get(a.id)).stage).toBe('applied');
    expect((await get(b.id)).outcome).toBeNull();
  });

  it('refuses a malformed bulk move by field, changing nothing', async () => {
    const application = await addApplication(ctx.app);
    const fields = async (body: unknown) => {
      const answer = await call(ctx.app, 'POST', '/api/applications/bulk', body, 400);
      return [...new Set(answer.error.details.issues.map((i: { field: string }) => i.field))];
    };
    expect(await fields({ action: 'move', ids: [], stage: 'screening' })).toEqual(['ids']);
    expect(await fields({ action: 'move', ids: [application.id], stage: 'lost' })).toEqual(['stage']);
    expect(
      await fields({
        action: 'move',
        ids: [application.id],
        stage: 'ended',
        occurredAt: '2030-01-01T00:00:00Z',
      }),
    ).toEqual(['occurredAt']);
    expect(
      await fields({
        action: 'undo_move',
        moves: [{ id: application.id, fromStage: 'x', toStage: 'applied' }],
      }),
    ).toEqual(['moves.0.fromStage']);
    expect((await get(application.id)).stage).toBe('applied');
  });
});
