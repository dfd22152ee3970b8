import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

// Time zones, apart from the other field primitives (fields.ts): the Temporal polyfill they need costs a
// process a few milliseconds to load, which `hearback list` does not need to spend (issue 12, item 11).

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The name of an IANA time zone as the database spells it (`europe/berlin` → `Europe/Berlin`), or null for
 * anything else, offsets such as `+01:00` included: a time zone is a place, with its rule changes.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z]/.test(value)) return null;
  try {
    return new Temporal.ZonedDateTime(0n, value).timeZoneId;
  } catch {
    return null;
  }
}

/** An IANA time zone, stored as the database spells it. */
export const timeZone = z
  .string()
  .max(64)
  .refine((value) => canonicalTimeZone(value) !== null, {
    message: 'must be an IANA time zone such as Europe/Berlin',
  })
  .transform((value) => canonicalTimeZone(value) as string);
