import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * One token per user, replaced by every write transaction: readers compare it to decide whether a response
 * they computed earlier is still current (the server's response cache), on one process or many.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('data_versions')
    .columns(['user_id', 'token'])
    .expression(db.selectFrom('users').select(['id', db.fn('lower', ['id']).as('token')]))
    .execute();
}
