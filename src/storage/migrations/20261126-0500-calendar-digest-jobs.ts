import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * The calendar feed's secret, the digest's send records and the polled jobs table.
 *
 * - `calendar_tokens`: one feed per user; only the SHA-256 of the token is kept, so a copy of the database
 *   does not give anyone the URL. Looked up by hash on every feed request.
 * - `digest_sends`: one row per user and local date, written before the email is sent; its unique key is
 *   what makes the digest go out once per day whatever the number of processes (docs/digest.md).
 * - `jobs`: the background job queue on SQLite (PostgreSQL uses pg-boss in its own schema). Created on both
 *   dialects so the same migrations and snapshot hold everywhere; a job waits with at most one other of
 *   the same singleton key, and a schedule's slot runs once (`once_key`).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calendar_tokens')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_sends')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('digest_sends_pkey', ['user_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('retry_backoff', 'integer', (c) => c.notNull())
    .addColumn('lease_seconds', 'integer', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('once_key', 'text', (c) => c.unique())
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('jobs_queue_state_run_at')
    .on('jobs')
    .columns(['queue', 'state', 'run_at'])
    .execute();
  // A partial index (same syntax on both dialects): only jobs that have not started yet are deduplicated.
  await sql`create unique index jobs_waiting_singleton on jobs (queue, singleton_key) where state = 'waiting'`.execute(
    db,
  );
}
