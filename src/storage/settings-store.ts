import type { Settings } from '../core/settings.js';
import type { Db } from './schema.js';
import { fromJson, toJson } from './sql-helpers.js';

type SettingsRow = {
  time_zone: string;
  country: string | null;
  region: string | null;
  working_days: string;
  locale: string;
  name: string | null;
  email: string | null;
  travel_buffer_minutes: number;
  calendar_steps_all_day: number;
  digest_enabled: number;
  digest_time: string;
  posting_watch_enabled: number;
  response_link_days: number;
  response_link_by_default: number;
  weekly_goal_applications: number | null;
  weekly_goal_interviews: number | null;
  weekly_goal_follow_ups: number | null;
  smtp_url: string | null;
  smtp_from: string | null;
  updated_at: string;
  set_up_at: string | null;
};

const settingsColumns = [
  'time_zone',
  'country',
  'region',
  'working_days',
  'locale',
  'name',
  'email',
  'travel_buffer_minutes',
  'calendar_steps_all_day',
  'digest_enabled',
  'digest_time',
  'posting_watch_enabled',
  'response_link_days',
  'response_link_by_default',
  'weekly_goal_applications',
  'weekly_goal_interviews',
  'weekly_goal_follow_ups',
  'smtp_url',
  'smtp_from',
  'updated_at',
  'set_up_at',
] as const;

export async function getSettings(db: Db, userId: string): Promise<Settings> {
  const row = await db
    .selectFrom('settings')
    .select(settingsColumns)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return toSettings(row);
}

/** The settings and the stored playbook (null for the default) in one read: what planning needs. */
export async function getSettingsWithPlaybook(
  db: Db,
  userId: string,
): Promise<{ settings: Settings; playbook: unknown | null }> {
  const row = await db
    .selectFrom('settings')
    .select([...settingsColumns, 'playbook'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    settings: toSettings(row),
    playbook: row.playbook === null ? null : fromJson<unknown>(row.playbook),
  };
}

/** Saves everything in Settings; the SMTP URL is written only through saveSmtpUrl. */
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
      travel_buffer_minutes: settings.travelBufferMinutes,
      calendar_steps_all_day: settings.calendarStepsAllDay ? 1 : 0,
      digest_enabled: settings.digestEnabled ? 1 : 0,
      digest_time: settings.digestTime,
      posting_watch_enabled: settings.postingWatchEnabled ? 1 : 0,
      response_link_days: settings.responseLinkDays,
      response_link_by_default: settings.responseLinkByDefault ? 1 : 0,
      weekly_goal_applications: settings.weeklyGoal.applications,
      weekly_goal_interviews: settings.weeklyGoal.interviews,
      weekly_goal_follow_ups: settings.weeklyGoal.followUps,
      smtp_from: settings.smtp.from,
      updated_at: now,
      set_up_at: settings.setUpAt,
    })
    .where('user_id', '=', userId)
    .execute();
  return { ...settings, updatedAt: now };
}

/** The SMTP URL holds a password: it is read only to send, and never leaves the server. */
export async function getSmtpUrl(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('smtp_url')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.smtp_url ?? null;
}

export async function saveSmtpUrl(db: Db, userId: string, url: string | null): Promise<void> {
  await db.updateTable('settings').set({ smtp_url: url }).where('user_id', '=', userId).execute();
}

/** The stored playbook or templates as JSON, or null when the user keeps the defaults. */
export async function getSettingsDocument(
  db: Db,
  userId: string,
  column: 'playbook' | 'draft_templates',
): Promise<unknown | null> {
  const row = await db.selectFrom('settings').select(column).where('user_id', '=', userId).executeTakeFirst();
  const text = row?.[column] ?? null;
  return text === null ? null : fromJson<unknown>(text);
}

export async function saveSettingsDocument(
  db: Db,
  userId: string,
  column: 'playbook' | 'draft_templates',
  value: unknown | null,
): Promise<void> {
  await db
    .updateTable('settings')
    .set({ [column]: value === null ? null : toJson(value) })
    .where('user_id', '=', userId)
    .execute();
}

function toSettings(row: SettingsRow): Settings {
  return {
    timeZone: row.time_zone,
    country: row.country,
    region: row.region,
    workingDays: row.working_days.split(',').map(Number),
    locale: row.locale,
    name: row.name,
    email: row.email,
    travelBufferMinutes: Number(row.travel_buffer_minutes),
    calendarStepsAllDay: Number(row.calendar_steps_all_day) === 1,
    digestEnabled: Number(row.digest_enabled) === 1,
    digestTime: row.digest_time,
    postingWatchEnabled: Number(row.posting_watch_enabled) === 1,
    responseLinkDays: Number(row.response_link_days),
    responseLinkByDefault: Number(row.response_link_by_default) === 1,
    weeklyGoal: {
      applications: countOrNull(row.weekly_goal_applications),
      interviews: countOrNull(row.weekly_goal_interviews),
      followUps: countOrNull(row.weekly_goal_follow_ups),
    },
    smtp: { configured: row.smtp_url !== null, from: row.smtp_from },
    updatedAt: row.updated_at,
    setUpAt: row.set_up_at,
  };
}

function countOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}
