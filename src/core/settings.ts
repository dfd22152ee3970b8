import { z } from 'zod';
import { email, limits, text } from './fields.js';
import { timeZone } from './time-zone.js';

export { defaultSettings } from './settings-values.js';

const wholeTarget = { error: 'must be a whole number from 0 to 1000' };
const weeklyTarget = z
  .number(wholeTarget)
  .int(wholeTarget)
  .min(0, wholeTarget)
  .max(1000, wholeTarget)
  .nullable();

/** The weekly goal, each part null when not set (docs/insights.md). */
export const weeklyGoalSchema = z
  .object({
    applications: weeklyTarget.describe('applications a week'),
    interviews: weeklyTarget.describe('interviews a week'),
    followUps: weeklyTarget.describe('follow-ups done a week'),
  })
  .meta({ id: 'WeeklyGoal' });

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const weekday = z.number().int().min(1).max(7);

export const settingsSchema = z
  .object({
    timeZone: z.string(),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2; public holidays come from it'),
    region: z.string().nullable().describe('state or province code within the country, e.g. CA or ON'),
    workingDays: z.array(weekday),
    locale: z.string(),
    name: z.string().nullable().describe('your name, used to sign drafts'),
    email: z.string().nullable(),
    travelBufferMinutes: z.number().int().describe('calendar: how long before an interview to leave'),
    calendarStepsAllDay: z.boolean().describe('calendar: follow-up steps as all-day events'),
    digestEnabled: z.boolean().describe('a morning email with what is due'),
    digestTime: z.string().describe('local time of the digest, HH:MM'),
    postingWatchEnabled: z.boolean().describe('re-check posting URLs for removal or changes'),
    responseLinkDays: z.number().int().describe('how many days a new employer response link works'),
    responseLinkByDefault: z
      .boolean()
      .describe('follow-up drafts offer an employer response link unless you untick it'),
    weeklyGoal: weeklyGoalSchema.describe(
      'what the insights measure each week against (null: no goal); the insights query may override it',
    ),
    smtp: z
      .object({ configured: z.boolean(), from: z.string().nullable() })
      .describe('your outgoing mail server; its address and password are never sent back'),
    updatedAt: z.string().nullable(),
    setUpAt: z
      .string()
      .nullable()
      .describe(
        'when the settings were first saved, or the first-run set-up skipped; null until then, and the web app offers the set-up',
      ),
  })
  .meta({ id: 'Settings' });

export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.strictObject({
  timeZone: timeZone.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as US or DE' })
    .nullish(),
  region: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, { message: 'must be a region code such as CA or ON' })
    .nullish(),
  workingDays: z
    .array(weekday)
    .min(1, { message: 'must name at least one working day' })
    .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' })
    .optional(),
  locale: z
    .string()
    .max(35)
    .refine(isValidLocale, { message: 'must be a BCP 47 locale such as en-US' })
    .optional(),
  name: text(limits.name).nullish(),
  email: email.nullish(),
  travelBufferMinutes: z.number().int().min(0).max(1_440).optional(),
  calendarStepsAllDay: z.boolean().optional(),
  digestEnabled: z.boolean().optional(),
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time as HH:MM, e.g. 08:00' })
    .optional(),
  postingWatchEnabled: z.boolean().optional(),
  responseLinkDays: z.number().int().min(1).max(365).optional(),
  responseLinkByDefault: z.boolean().optional(),
  weeklyGoal: z
    .strictObject({
      applications: weeklyTarget.optional(),
      interviews: weeklyTarget.optional(),
      followUps: weeklyTarget.optional(),
    })
    .optional()
    .describe('set any part; null removes that part of the goal'),
  smtpUrl: z
    .string()
    .max(limits.url)
    .regex(/^smtps?:\/\/[^\s]+$/, {
      message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465',
    })
    .refine((value) => URL.canParse(value), { message: 'must be a valid URL' })
    .nullish()
    .describe('write-only; null removes it'),
  smtpFrom: email.nullish().describe('the address mail is sent from (default: your email)'),
});

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export function isValidLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A country whose public holidays hearback knows, with its regions (states, provinces) that have their own. */
export const placeSchema = z
  .object({
    code: z.string().describe('ISO 3166-1 alpha-2'),
    name: z.string().describe('its English name; the web shows the name in your language'),
    regions: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'Place' });

export type Place = z.infer<typeof placeSchema>;

export const placesSchema = z.object({ countries: z.array(placeSchema) }).meta({ id: 'Places' });

export type Places = z.infer<typeof placesSchema>;
