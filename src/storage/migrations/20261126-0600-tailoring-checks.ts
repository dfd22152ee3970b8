import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * Each tailoring check of a resume (and cover letter) against an application's posting, kept with the name
 * of the resume version used, so the diagnosis can read the latest score and insights can compare versions.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('tailoring_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('resume_name', 'text')
    .addColumn('resume_text', 'text', (c) => c.notNull())
    .addColumn('cover_letter_text', 'text')
    .addColumn('score', 'integer')
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tailoring_checks_application')
    .on('tailoring_checks')
    .columns(['application_id', 'created_at'])
    .execute();
}
