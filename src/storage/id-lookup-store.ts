import type { Db } from './schema.js';

export type LookupTable = 'applications' | 'companies' | 'contacts' | 'interviews' | 'events' | 'follow_ups';

/**
 * Ids of this user's records that end with `suffix`. ULIDs begin with their timestamp, so records made the
 * same day share a prefix; the random tail is what tells them apart, and what the CLI shows and accepts.
 */
export async function findIdsBySuffix(
  db: Db,
  userId: string,
  table: LookupTable,
  suffix: string,
): Promise<string[]> {
  if (!/^[0-9A-Za-z]{1,26}$/.test(suffix)) return [];
  const pattern = `%${suffix.toUpperCase()}`;
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('user_id', '=', userId)
    .where('id', 'like', pattern)
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}
