import type { Db } from './schema.js';

/** Stores the hash of the user's new feed token, replacing the old one (which stops working at once). */
export async function saveCalendarTokenHash(
  db: Db,
  userId: string,
  tokenHash: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('calendar_tokens')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
}

/**
 * Stores the hash of the user's first feed token; false, storing nothing, when the user has one already. One
 * statement, so two requests at once cannot both find none and both store one.
 */
export async function insertCalendarTokenHash(
  db: Db,
  userId: string,
  tokenHash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('calendar_tokens')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteCalendarToken(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_tokens').where('user_id', '=', userId).execute();
}

export async function findCalendarToken(db: Db, userId: string): Promise<{ createdAt: string } | undefined> {
  const row = await db
    .selectFrom('calendar_tokens')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { createdAt: row.created_at };
}

/** The user a token hash belongs to: one indexed equality lookup, the same work for a hit or a miss. */
export async function findCalendarTokenOwner(db: Db, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.user_id ?? null;
}
