import { Temporal } from 'temporal-polyfill';

/** The hour steps and snoozes land on when only a date is given: the start of a working morning. */
export const morningHour = 9;

export type DayWindows = {
  readonly today: string;
  readonly todayStart: string;
  readonly tomorrowStart: string;
  readonly weekEnd: string;
};

/**
 * The user's "today" as UTC instants in their time zone: where today starts, where tomorrow starts, and the
 * end of the coming seven days. `asOf` is an instant, or a local date meaning that whole day.
 */
export function dayWindows(asOf: string, timeZone: string): DayWindows {
  const date = isLocalDate(asOf)
    ? Temporal.PlainDate.from(asOf)
    : Temporal.Instant.from(asOf).toZonedDateTimeISO(timeZone).toPlainDate();
  const start = (d: Temporal.PlainDate) => toIso(d.toZonedDateTime({ timeZone }).toInstant());
  return {
    today: date.toString(),
    todayStart: start(date),
    tomorrowStart: start(date.add({ days: 1 })),
    weekEnd: start(date.add({ days: 8 })),
  };
}

/** A local date at the working morning hour, as a UTC instant. */
export function morningOf(date: string, timeZone: string): string {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from({ hour: morningHour }),
  });
  return toIso(zoned.toInstant());
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Instants everywhere in hearback are `toISOString()` strings: UTC with milliseconds. */
export function toIso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

/**
 * Reads a date-time typed by a person: an ISO instant with an offset is taken as is; a local
 * `YYYY-MM-DD HH:MM` (or with a T) is read in the given time zone; a bare date means the working morning.
 * Returns undefined when the text is none of these.
 */
export function readDateTime(text: string, timeZone: string): string | undefined {
  const value = text.trim();
  if (isLocalDate(value)) return morningOf(value, timeZone);
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  try {
    const local = Temporal.PlainDateTime.from(value.replace(' ', 'T'));
    return toIso(local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant());
  } catch {
    return undefined;
  }
}
