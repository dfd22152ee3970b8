import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * A company's size band (`1-24` … `10000+`) and industry (free text), both unknown until the user says: the
 * diagnosis weighs them (docs/diagnosis.md).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('companies').addColumn('size_band', 'text').execute();
  await db.schema.alterTable('companies').addColumn('industry', 'text').execute();
}
