import type { Settings } from '../core/settings.js';
import type { Db } from './schema.js';

export const localUserId = 'local';

/**
 * Makes sure the user and their settings row exist; safe to call on every start. `settings` may be a function,
 * called only when the row is missing (first-run settings load date-holidays, which a start need not).
 */
export async function ensureUser(
  db: Db,
  user: { id: string; displayName: string },
  settings: Settings | (() => Promise<Settings>),
  now: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({ id: user.id, display_name: user.displayName, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const hasSettings =
    typeof settings === 'function' &&
    (await db.selectFrom('settings').select('user_id').where('user_id', '=', user.id).executeTakeFirst()) !==
      undefined;
  if (!hasSettings) {
    const first = typeof settings === 'function' ? await settings() : settings;
    await db
      .insertInto('settings')
      .values({
        user_id: user.id,
        time_zone: first.timeZone,
        country: first.country,
        region: first.region,
        working_days: first.workingDays.join(','),
        locale: first.locale,
        name: first.name,
        email: first.email,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }
  await db
    .insertInto('data_versions')
    .values({ user_id: user.id, token: crypto.randomUUID() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Whether the user has any company, contact or application: a backup restores only into an empty account. */
export async function hasUserRecords(db: Db, userId: string): Promise<boolean> {
  for (const table of ['companies', 'contacts', 'applications'] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('user_id', '=', userId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** Deletes the user's companies, contacts and applications, and with them everything that belongs to those. */
export async function deleteUserRecords(db: Db, userId: string): Promise<void> {
  // Children first: applications restrict the deletion of their company.
  await db.deleteFrom('applications').where('user_id', '=', userId).execute();
  await db.deleteFrom('contacts').where('user_id', '=', userId).execute();
  await db.deleteFrom('companies').where('user_id', '=', userId).execute();
}
