import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import {
  type DialectContext,
  describeEachDialect,
  postgresFlavour,
} from '../../../test/support/test-runtime.js';
import { localUserId } from '../../storage/user-store.js';

const parallel = 8;

/** Every open planned step of the application as `plan key @ due`, sorted, duplicates kept. */
async function openPlanSteps(ctx: DialectContext, applicationId: string): Promise<string[]> {
  const rows = await ctx.deps.db
    .selectFrom('follow_ups')
    .select(['plan_key', 'due_at'])
    .where('application_id', '=', applicationId)
    .where('origin', '=', 'plan')
    .where('status', 'in', ['planned', 'snoozed'])
    .execute();
  return rows.map((r) => `${r.plan_key} @ ${r.due_at}`).sort();
}

function note(applicationId: string, i: number) {
  return {
    method: 'POST' as const,
    url: '/api/events',
    payload: { kind: 'note', applicationId, text: `note ${i}`, occurredAt: '2026-02-27T09:00:00Z' },
  };
}

const gateKey = 4_242_001;

/**
 * Sends the requests with every write held at its last statement (the data-version bump) until all of them
 * are waiting on a lock, then lets them go: so writes that do not take turns surely overlap, not by chance.
 * Only a PostgreSQL server runs transactions side by side; elsewhere the requests are simply sent at once.
 */
async function sendOverlapping<T>(ctx: DialectContext, send: () => Promise<T>): Promise<T> {
  if (ctx.dialect !== 'postgres' || postgresFlavour() !== 'server') return send();
  return ctx.deps.db.connection().execute(async (gate) => {
    await sql`select pg_advisory_lock(${gateKey})`.execute(gate);
    // One statement holding the user's data-version row until the gate opens; no transaction of its own.
    const holder = ctx.deps.db.connection().execute((connection) =>
      sql`with held as (select token from data_versions where user_id = ${localUserId} for update)
          select pg_advisory_xact_lock(${gateKey}) from held`.execute(connection),
    );
    let holderFailed = false;
    holder.catch(() => {
      holderFailed = true;
    });
    const waitForLockWaiters = async (count: number) => {
      for (;;) {
        if (holderFailed) return;
        const { rows } = await sql<{ waiting: string }>`select count(*) as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(gate);
        if (Number(rows[0]!.waiting) >= count) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    try {
      // The holder has the row once it waits at the gate; sent before that, a write could take the row first,
      // run through alone, and leave fewer than all of them waiting (a hang seen on a loaded CI machine).
      await waitForLockWaiters(1);
      const responses = send();
      await waitForLockWaiters(parallel + 1);
      await sql`select pg_advisory_unlock(${gateKey})`.execute(gate);
      await holder;
      return await responses;
    } finally {
      // Released however the wait ended: a session lock outlives the statement that took it.
      await sql`select pg_advisory_unlock_all()`.execute(gate);
    }
  });
}

/**
 * Writes to one application sent at once, each re-planning its follow-ups. On PostgreSQL each runs in its own
 * transaction on its own connection: unless they take turns, two of them both find a step missing and both
 * insert it, or one plans from a view another has already changed.
 */
describeEachDialect('concurrent writes re-planning one application', (ctx) => {
  it('plans each step once when several writes find it missing at once', async () => {
    const application = await addApplication(ctx.app, { stageAt: '2026-02-23T09:00:00Z' });
    const planned = await openPlanSteps(ctx, application.id);
    expect(planned.length).toBeGreaterThan(0);
    // As data from before its plan was stored: the next write to the application plans it.
    await ctx.deps.db.deleteFrom('follow_ups').where('application_id', '=', application.id).execute();

    const responses = await sendOverlapping(ctx, () =>
      Promise.all(Array.from({ length: parallel }, (_, i) => ctx.app.inject(note(application.id, i)))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(201));
    expect(await openPlanSteps(ctx, application.id)).toEqual(planned);
  });

  it('leaves the plan the planner would make after a stage move racing with other writes', async () => {
    const application = await addApplication(ctx.app, { stage: 'saved' });
    expect(await openPlanSteps(ctx, application.id)).toEqual([]);

    const move = {
      method: 'POST' as const,
      url: `/api/applications/${application.id}/stage`,
      payload: { stage: 'applied' },
    };
    const responses = await sendOverlapping(ctx, () =>
      Promise.all([
        ctx.app.inject(move),
        ...Array.from({ length: parallel - 1 }, (_, i) => ctx.app.inject(note(application.id, i))),
      ]),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, ...Array(parallel - 1).fill(201)]);
    const afterRace = await openPlanSteps(ctx, application.id);
    expect(afterRace.length).toBeGreaterThan(0);
    expect(new Set(afterRace).size).toBe(afterRace.length);
    // One more write, alone, re-plans from the settled history: it must find nothing to change.
    await call(ctx.app, 'POST', '/api/events', note(application.id, parallel).payload, 201);
    expect(await openPlanSteps(ctx, application.id)).toEqual(afterRace);
  });
});
