import type { Settings } from '../core/settings.js';
import type { Db } from './schema.js';

export const localUserId = 'local';

/** Makes sure the user and their settings row exist; safe to call on every start. */
export async function ensureUser(
  db: Db,
  user: { id: string; displayName: string },
  settings: Settings,
  now: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({ id: user.id, display_name: user.displayName, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('settings')
    .values({
      user_id: user.id,
      time_zone: settings.timeZone,
      country: settings.country,
      region: settings.region,
      working_days: settings.workingDays.join(','),
      locale: settings.locale,
      name: settings.name,
      email: settings.email,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  await db
    .insertInto('data_versions')
    .values({ user_id: user.id, token: crypto.randomUUID() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}
