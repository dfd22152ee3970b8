import { z } from 'zod';
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
});

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export function isValidLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** First-run settings, guessed from the machine: its time zone and locale, Monday to Friday. */
export function defaultSettings(system: { timeZone: string; locale: string }): Settings {
  const country = new Intl.Locale(system.locale).region ?? null;
  return {
    timeZone: system.timeZone,
    country,
    region: null,
    workingDays: [1, 2, 3, 4, 5],
    locale: system.locale,
    name: null,
    email: null,
    updatedAt: null,
  };
}
