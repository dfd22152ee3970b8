import type { Kysely } from 'kysely';
import type { DatabaseTarget } from '../../config.js';
import type { JobQueue } from '../../core/job-queue.js';
import type { Clock, IdGenerator } from '../../core/ports.js';
import type { Database } from '../../storage/schema.js';
import { createPgBossJobQueue } from './pg-boss-job-queue.js';
import { createTableJobQueue } from './table-job-queue.js';

export type JobQueueDeps = {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly onError?: (error: unknown, context: { queue: string; jobId?: string }) => void;
};

/**
 * The adapter for the database in use: pg-boss on a PostgreSQL server; the jobs table on SQLite, and on
 * PGlite (tests), which pg-boss cannot reach through a connection string.
 */
export function createJobQueue(target: DatabaseTarget, deps: JobQueueDeps): JobQueue {
  const onError = deps.onError;
  if (target.kind === 'postgres') {
    return createPgBossJobQueue({ connectionString: target.url, ...(onError && { onError }) });
  }
  return createTableJobQueue({ db: deps.db, clock: deps.clock, ids: deps.ids, ...(onError && { onError }) });
}
