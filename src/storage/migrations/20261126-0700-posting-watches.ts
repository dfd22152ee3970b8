import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * The posting watch: one row per application with a posting URL (docs/posting-watch.md). It keeps the
 * validators of the last answer (ETag, Last-Modified) for conditional requests, a fingerprint of the content
 * to notice edits, the ATS posting followed (which changes when the job is re-posted), what hearback believes
 * about the posting, and the schedule: `next_check_at`, the failures in a row behind the back-off, and the
 * host contacted, so one host is never hit in a burst. `revision` is bumped by every write; a check applies
 * its result only if the revision it started from is still there, so no event is ever recorded twice.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('posting_watches')
    .addColumn('application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('ats_vendor', 'text')
    .addColumn('ats_board', 'text')
    .addColumn('ats_job_id', 'text')
    .addColumn('ats_region', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('valid_through', 'text')
    .addColumn('content_source', 'text')
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_error_code', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('posting_watches_next_check')
    .on('posting_watches')
    .columns(['next_check_at'])
    .execute();
  await db.schema.createIndex('posting_watches_host').on('posting_watches').columns(['host']).execute();
  await db.schema.createIndex('posting_watches_user').on('posting_watches').columns(['user_id']).execute();
}
