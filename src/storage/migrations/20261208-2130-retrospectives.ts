import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * Retrospectives (docs/insights.md): what the user noted when an application ended — what went well, what
 * they would change, what the employer said. One per application; later diagnoses quote the relevant ones.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('retrospectives')
    .addColumn('application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('would_change', 'text', (c) => c.notNull())
    .addColumn('they_said', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retrospectives_user').on('retrospectives').column('user_id').execute();
}
