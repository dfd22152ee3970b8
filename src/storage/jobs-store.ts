import type { JobData, QueueDefinition } from '../core/job-queue.js';
import type { Db, JobsTable } from './schema.js';

/**
 * The SQL of the polled job queue (src/integrations/jobs/table-job-queue.ts). States: `waiting` (never
 * started), `retry` (failed, waiting for its next try), `active` (leased by a worker until `lease_until`),
 * `done`, `failed`. Every change of state is a compare-and-set on the row's state and attempt count, so two
 * workers, in one process or several, never both take or finish the same attempt.
 */
export type JobRow = {
  readonly id: string;
  readonly queue: string;
  readonly data: JobData;
  readonly attempts: number;
};

export type NewJob = {
  readonly id: string;
  readonly queue: string;
  readonly data: JobData;
  readonly runAt: string;
  readonly definition: QueueDefinition;
  readonly singletonKey: string | null;
  readonly onceKey: string | null;
  readonly now: string;
};

/** Inserts a job; false when a waiting job holds its singleton key, or its once key was used before. */
export async function insertJob(db: Db, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      queue: job.queue,
      data: JSON.stringify(job.data),
      state: 'waiting',
      run_at: job.runAt,
      attempts: 0,
      retry_limit: job.definition.retryLimit,
      retry_delay_seconds: job.definition.retryDelaySeconds,
      retry_backoff: job.definition.retryBackoff ? 1 : 0,
      lease_seconds: job.definition.leaseSeconds,
      singleton_key: job.singletonKey,
      once_key: job.onceKey,
      locked_by: null,
      lease_until: null,
      last_error: null,
      created_at: job.now,
      updated_at: job.now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Leases up to `limit` jobs of a queue that are due: waiting or retrying jobs whose time has come, and
 * active jobs whose lease ran out (their worker is presumed dead). A job leased too often already is
 * failed instead of run again.
 */
export async function claimJobs(
  db: Db,
  input: { queue: string; now: string; workerId: string; limit: number },
): Promise<JobRow[]> {
  const candidates = await db
    .selectFrom('jobs')
    .select(['id', 'state', 'attempts', 'retry_limit', 'lease_seconds'])
    .where('queue', '=', input.queue)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', ['waiting', 'retry']), eb('run_at', '<=', input.now)]),
        eb.and([eb('state', '=', 'active'), eb('lease_until', '<=', input.now)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  const claimed: JobRow[] = [];
  for (const candidate of candidates) {
    const attempts = Number(candidate.attempts);
    const sameAttempt = db
      .updateTable('jobs')
      .where('id', '=', candidate.id)
      .where('state', '=', candidate.state)
      .where('attempts', '=', attempts);
    if (candidate.state === 'active' && attempts > Number(candidate.retry_limit)) {
      await sameAttempt
        .set({
          state: 'failed',
          locked_by: null,
          lease_until: null,
          last_error: 'the worker running it stopped before it finished',
          updated_at: input.now,
        })
        .execute();
      continue;
    }
    const leaseUntil = new Date(Date.parse(input.now) + Number(candidate.lease_seconds) * 1000).toISOString();
    const result = await sameAttempt
      .set({
        state: 'active',
        attempts: attempts + 1,
        locked_by: input.workerId,
        lease_until: leaseUntil,
        updated_at: input.now,
      })
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db
      .selectFrom('jobs')
      .select(['id', 'queue', 'data'])
      .where('id', '=', candidate.id)
      .executeTakeFirstOrThrow();
    claimed.push({
      id: row.id,
      queue: row.queue,
      data: JSON.parse(row.data) as JobData,
      attempts: attempts + 1,
    });
  }
  return claimed;
}

/** Marks the worker's attempt done; false when the lease was lost and another worker took the job. */
export async function completeJob(
  db: Db,
  job: { id: string; attempts: number; workerId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, lease_until: null, updated_at: job.now })
    .where('id', '=', job.id)
    .where('state', '=', 'active')
    .where('attempts', '=', job.attempts)
    .where('locked_by', '=', job.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: the job waits until `retryAt` for its next try, or fails for good (null). */
export async function failJob(
  db: Db,
  job: { id: string; attempts: number; workerId: string; now: string; error: string; retryAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      state: job.retryAt === null ? 'failed' : 'retry',
      run_at: job.retryAt ?? job.now,
      locked_by: null,
      lease_until: null,
      last_error: job.error.slice(0, 2000),
      updated_at: job.now,
    })
    .where('id', '=', job.id)
    .where('state', '=', 'active')
    .where('attempts', '=', job.attempts)
    .where('locked_by', '=', job.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The retry policy a job was enqueued with (kept on the row, so a restart needs no definitions). */
export async function getJobPolicy(
  db: Db,
  id: string,
): Promise<Pick<QueueDefinition, 'retryLimit' | 'retryDelaySeconds' | 'retryBackoff'>> {
  const row = await db
    .selectFrom('jobs')
    .select(['retry_limit', 'retry_delay_seconds', 'retry_backoff'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    retryLimit: Number(row.retry_limit),
    retryDelaySeconds: Number(row.retry_delay_seconds),
    retryBackoff: Number(row.retry_backoff) === 1,
  };
}

/** Deletes finished jobs older than the given instants; returns how many went. */
export async function deleteFinishedJobs(
  db: Db,
  input: { doneBefore: string; failedBefore: string },
): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'done'), eb('updated_at', '<', input.doneBefore)]),
        eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', input.failedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type JobSnapshot = Pick<
  JobsTable,
  'id' | 'queue' | 'state' | 'run_at' | 'attempts' | 'singleton_key' | 'last_error'
> & { data: JobData };

/** Every job of a queue, oldest first: for tests and diagnostics. */
export async function listJobs(db: Db, queue: string): Promise<JobSnapshot[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['id', 'queue', 'state', 'run_at', 'attempts', 'singleton_key', 'last_error', 'data'])
    .where('queue', '=', queue)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), data: JSON.parse(r.data) as JobData }));
}
