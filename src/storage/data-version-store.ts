import type { CompiledQuery } from 'kysely';
import type { Db } from './schema.js';

/** The user's current data version: it changes with every committed write. */
export async function getDataVersion(db: Db, userId: string): Promise<string> {
  const row = await db
    .selectFrom('data_versions')
    .select('token')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.token ?? 'none';
}

export async function bumpDataVersion(db: Db, userId: string, token: string): Promise<void> {
  await db.executeQuery(dataVersionBump(db, userId, token));
}

/** The statement `bumpDataVersion` runs, for a caller that runs it elsewhere (a writer thread). */
export function dataVersionBump(db: Db, userId: string, token: string): CompiledQuery {
  return db.updateTable('data_versions').set({ token }).where('user_id', '=', userId).compile();
}
