import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * What the follow-up engine, drafts, sending and the calendar need to remember per user: the playbook and
 * edited templates (JSON; null means the defaults), the SMTP server to send through, calendar and digest
 * preferences, and the stable plan key of each planned step (already a column) now also kept in backups.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('settings').addColumn('playbook', 'text').execute();
  await db.schema.alterTable('settings').addColumn('draft_templates', 'text').execute();
  await db.schema.alterTable('settings').addColumn('smtp_url', 'text').execute();
  await db.schema.alterTable('settings').addColumn('smtp_from', 'text').execute();
  await db.schema
    .alterTable('settings')
    .addColumn('travel_buffer_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('calendar_steps_all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('digest_time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('posting_watch_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('follow_ups_application_plan_key')
    .on('follow_ups')
    .columns(['application_id', 'plan_key'])
    .execute();
}
