import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * When each application reached its current stage, so a saved application shows the date it was saved
 * since rather than the day it was typed in. Filled from the last stage change of each history.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('applications').addColumn('stage_changed_at', 'text').execute();
  await fillStageChangedAt(db);
}

/** Every application's last stage change (histories are kept in order), else the day it was added. */
export async function fillStageChangedAt(db: AnyDb): Promise<void> {
  await sql`
    update applications set stage_changed_at = coalesce(
      (select max(events.occurred_at) from events
        where events.application_id = applications.id and events.kind = 'stage_change'),
      applications.created_at)
  `.execute(db);
}
