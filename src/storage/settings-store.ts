import type { Settings } from '../core/settings.js';
import type { Db, SettingsTable } from './schema.js';

export async function getSettings(db: Db, userId: string): Promise<Settings> {
  const row = await db
    .selectFrom('settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return toSettings(row);
}

export async function saveSettings(
  db: Db,
  userId: string,
  settings: Settings,
  now: string,
): Promise<Settings> {
  await db
    .updateTable('settings')
    .set({
      time_zone: settings.timeZone,
      country: settings.country,
      region: settings.region,
      working_days: settings.workingDays.join(','),
      locale: settings.locale,
      name: settings.name,
      email: settings.email,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .execute();
  return { ...settings, updatedAt: now };
}

function toSettings(row: SettingsTable): Settings {
  return {
    timeZone: row.time_zone,
    country: row.country,
    region: row.region,
    workingDays: row.working_days.split(',').map(Number),
    locale: row.locale,
    name: row.name,
    email: row.email,
    updatedAt: row.updated_at,
  };
}
