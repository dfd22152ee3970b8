import { z } from 'zod';
import { dateWindowMessage, isInstantInWindow, isLocalDateInWindow } from './date-window.js';
import { limits } from './field-limits.js';

/**
 * Field primitives shared by every schema. Text is stored exactly as given (no trimming), so anything a
 * user types round-trips byte for byte; the only strings refused are those no database can keep: NUL
 * characters (PostgreSQL text cannot hold them) and lone UTF-16 surrogates (not encodable as UTF-8).
 */
export function text(max: number) {
  return z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((value) => !value.includes('\u0000'), { message: 'must not contain NUL characters' })
    .refine((value) => value.isWellFormed(), {
      message: 'must be valid Unicode (it contains a lone surrogate)',
    });
}

export function requiredText(max: number) {
  return text(max).refine((value) => value.trim().length > 0, { message: 'must not be blank' });
}

export { limits } from './field-limits.js';

export const id = z.string().min(1).max(64);

/**
 * An instant in ISO 8601 with an offset; stored and returned in UTC with milliseconds (`…T09:00:00.000Z`).
 * Every dated input field uses it (or `localDate`), so each is held to the date window (date-window.ts).
 */
export const instant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-05T14:00:00Z',
  })
  .refine(isInstantInWindow, { message: `${dateWindowMessage} (UTC)` })
  .transform((value) => new Date(value).toISOString());

/** The JSON Schema mark of a "happened at" field; tests find these fields through the OpenAPI document. */
export const happenedAtMark = 'x-happened-at';

/**
 * When something already happened (done, skipped, sent, received, reached a stage): an `instant` that the
 * use case also refuses in the future (`assertHappened`), since only it knows the clock.
 */
export function happenedAt(what: string) {
  return instant.meta({
    [happenedAtMark]: true,
    description: `${what}; not in the future (a few minutes of clock skew are allowed)`,
  });
}

/** An instant as stored and returned; a restored backup is held to the same window as any input. */
export const instantOut = z.iso
  .datetime()
  .refine(isInstantInWindow, { message: `${dateWindowMessage} (UTC)` });

export const localDate = z.iso
  .date({ message: 'must be a calendar date as YYYY-MM-DD' })
  .refine(isLocalDateInWindow, { message: dateWindowMessage });

export const webUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
  .max(limits.url, { message: `must be at most ${limits.url} characters` });

export const email = z.email({ message: 'must be an email address' }).max(320);

export const rating = z.number().int().min(1).max(5);
