import { normalizeCompanyName } from '../core/company.js';
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

/**
 * Ids of this user's companies or contacts called `name`: companies by their name key (the same folding that
 * keeps two spellings of one company apart from duplicates), contacts by their name in any letter case.
 */
export async function findIdsByName(
  db: Db,
  userId: string,
  table: 'companies' | 'contacts',
  name: string,
): Promise<string[]> {
  if (table === 'companies') {
    const rows = await db
      .selectFrom('companies')
      .select('id')
      .where('user_id', '=', userId)
      .where('name_key', '=', normalizeCompanyName(name))
      .limit(10)
      .execute();
    return rows.map((r) => r.id);
  }
  // Matched in JavaScript: SQLite's lower() folds only ASCII, and contact lists are small.
  const wanted = name.trim().toLocaleLowerCase();
  const rows = await db.selectFrom('contacts').select(['id', 'name']).where('user_id', '=', userId).execute();
  return rows.filter((r) => r.name.trim().toLocaleLowerCase() === wanted).map((r) => r.id);
}
