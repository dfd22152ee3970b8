import type { ExtensionToken } from '../core/browser-extension.js';
import type { Db } from './schema.js';

export async function insertPairingCode(
  db: Db,
  row: { userId: string; codeHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  // Codes past their time are of no use to anyone: each new one clears them.
  await db.deleteFrom('extension_pairing_codes').where('expires_at', '<=', row.createdAt).execute();
  await db
    .insertInto('extension_pairing_codes')
    .values({
      code_hash: row.codeHash,
      user_id: row.userId,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/**
 * Uses up a pairing code: deletes its row and answers its owner, or null when no unexpired code has that
 * hash. One statement, so two requests with the same code cannot both succeed.
 */
export async function takePairingCode(db: Db, codeHash: string, now: string): Promise<string | null> {
  const row = await db
    .deleteFrom('extension_pairing_codes')
    .where('code_hash', '=', codeHash)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function insertExtensionToken(
  db: Db,
  row: { id: string; userId: string; tokenHash: string; label: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('extension_tokens')
    .values({
      id: row.id,
      user_id: row.userId,
      token_hash: row.tokenHash,
      label: row.label,
      created_at: row.createdAt,
      last_used_at: null,
    })
    .execute();
}

export async function listExtensionTokenRows(db: Db, userId: string): Promise<ExtensionToken[]> {
  const rows = await db
    .selectFrom('extension_tokens')
    .select(['id', 'label', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  }));
}

/** False when the user has no token with that id (another user's token counts as none). */
export async function deleteExtensionToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('extension_tokens')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The owner of a token hash, recording the use: one indexed update, the same work for a hit or a miss,
 * and a revoked (deleted) token finds nothing from the moment its row is gone.
 */
export async function recordExtensionTokenUse(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<string | null> {
  const row = await db
    .updateTable('extension_tokens')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}
