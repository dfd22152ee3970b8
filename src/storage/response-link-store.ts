import type { ResponseLink } from '../core/response-link.js';
import type { Db, ResponseLinksTable } from './schema.js';

/** A link that opens: found by its token's hash, neither revoked nor expired. */
export type UsableResponseLink = ResponseLink & { readonly userId: string; readonly nonceKey: string };

export async function insertResponseLink(db: Db, row: ResponseLinksTable): Promise<void> {
  await db.insertInto('response_links').values(row).execute();
}

/** Revokes the application's active link, if any; the row stays as history. */
export async function revokeResponseLinks(
  db: Db,
  userId: string,
  applicationId: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('response_links')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The application's active link (not revoked, not expired), or undefined. */
export async function findActiveResponseLink(
  db: Db,
  userId: string,
  applicationId: string,
  now: string,
): Promise<ResponseLink | undefined> {
  const row = await db
    .selectFrom('response_links')
    .selectAll()
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && toResponseLink(row);
}

/**
 * The link a token hash opens. One indexed query whose conditions include "not revoked" and "not expired",
 * so an unknown, a revoked and an expired token all take the same path and find nothing: no oracle.
 */
export async function findUsableResponseLink(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<UsableResponseLink | undefined> {
  const row = await db
    .selectFrom('response_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { ...toResponseLink(row), userId: row.user_id, nonceKey: row.nonce_key };
}

/** Records a nonce as used; false, writing nothing, when it was used before (on any app server). */
export async function useResponseLinkNonce(
  db: Db,
  linkId: string,
  nonceHash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('response_link_nonces')
    .values({ nonce_hash: nonceHash, link_id: linkId, used_at: now })
    .onConflict((oc) => oc.column('nonce_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function markResponseLinkAnswered(db: Db, linkId: string, now: string): Promise<void> {
  await db.updateTable('response_links').set({ answered_at: now }).where('id', '=', linkId).execute();
}

function toResponseLink(row: ResponseLinksTable): ResponseLink {
  return {
    id: row.id,
    applicationId: row.application_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
  };
}
