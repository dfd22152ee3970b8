import Holidays from 'date-holidays';
import { z } from 'zod';
import type { FieldIssue } from './errors.js';
import { email, limits, text, timeZone } from './fields.js';

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
    smtp: z
      .object({ configured: z.boolean(), from: z.string().nullable() })
      .describe('your outgoing mail server; its address and password are never sent back'),
    updatedAt: z.string().nullable(),
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

/**
 * What is wrong with a country and region: each must be one whose public holidays date-holidays knows
 * (ZZ is no country, Antarctica has no public holidays), and a region must belong to its country.
 */
export function placeIssues(country: string | null, region: string | null): FieldIssue[] {
  const holidays = new Holidays();
  if (country !== null && !Object.hasOwn(holidays.getCountries('en'), country)) {
    return [
      {
        field: 'country',
        message: `${country} is not a country whose public holidays hearback knows; use a code such as US or DE, or null`,
      },
    ];
  }
  if (region === null) return [];
  if (country === null) return [{ field: 'region', message: 'needs a country' }];
  const regions = holidays.getStates(country, 'en') ?? {};
  if (Object.hasOwn(regions, region)) return [];
  const known = Object.keys(regions);
  const hint = known.length > 0 ? `: one of ${known.join(', ')}` : ', which has none: use null';
  return [{ field: 'region', message: `${region} is not a region of ${country}${hint}` }];
}

/** First-run settings, guessed from the machine: its time zone and locale, Monday to Friday. */
export function defaultSettings(system: { timeZone: string; locale: string }): Settings {
  const region = new Intl.Locale(system.locale).region ?? null;
  const country = region && placeIssues(region, null).length === 0 ? region : null;
  return {
    timeZone: system.timeZone,
    country,
    region: null,
    workingDays: [1, 2, 3, 4, 5],
    locale: system.locale,
    name: null,
    email: null,
    travelBufferMinutes: 30,
    calendarStepsAllDay: false,
    digestEnabled: false,
    digestTime: '08:00',
    postingWatchEnabled: true,
    smtp: { configured: false, from: null },
    updatedAt: null,
  };
}
