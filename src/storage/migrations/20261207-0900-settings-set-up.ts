import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * When the user first saved their settings or skipped the first-run set-up; null on a fresh database, where
 * the web app then offers the set-up. Users who existed before this column count as set up already.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('settings').addColumn('set_up_at', 'text').execute();
  await db
    .updateTable('settings')
    .set((eb) => ({ set_up_at: eb.ref('updated_at') }))
    .execute();
}
