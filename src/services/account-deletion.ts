import { type Kysely, sql } from 'kysely';
import { fieldError } from '../core/errors.js';
import { deleteUserRecords } from '../storage/user-store.js';
import type { Deps } from './deps.js';

/**
 * Server mode: deletes the signed-in account and everything of it, in one transaction: its records (children
 * first, as applications restrict their company's deletion), then the user row (every table of the user's
 * data cascades from it), then the account (its sessions, password and shares cascade). `confirmEmail` must
 * be the account's own email, so a slip cannot delete it.
 */
export async function deleteAccount(deps: Deps, confirmEmail: string): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: auth_users is server mode's table, outside the local schema
  const accounts = deps.db as unknown as Kysely<any>;
  const account = await accounts
    .selectFrom('auth_users')
    .select('email')
    .where('id', '=', deps.userId)
    .executeTakeFirst();
  if (!account || account.email !== confirmEmail.trim().toLowerCase())
    throw fieldError('confirmEmail', 'type your account’s email to confirm');
  await deps.db.transaction().execute(async (trx) => {
    await deleteUserRecords(trx, deps.userId);
    await trx.deleteFrom('users').where('id', '=', deps.userId).execute();
    await sql`delete from auth_users where id = ${deps.userId}`.execute(trx);
  });
}
