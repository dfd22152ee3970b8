import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { dateOrderSchema } from './csv-import.js';
import { dateWindowMessage, isInstantInWindow, isLocalDateInWindow } from './date-window.js';
import { monthNames } from './date-words.js';

export type DateOrder = z.infer<typeof dateOrderSchema>;

/** Date-times written without a zone are read in the user's zone, or as UTC for exporters known to write UTC. */
export type NaiveTimes = 'local' | 'utc';

export type DateReading = {
  readonly order: DateOrder;
  readonly timeZone: string;
  readonly naiveTimes: NaiveTimes;
};

export type ParsedCsvDate =
  | { readonly ok: true; readonly instant: string; readonly localDate: string }
  | { readonly ok: false; readonly message: string };

/** What the numeric dates of a file say about their order. */
export type DateOrderEvidence = {
  readonly numericCount: number;
  /** A value whose first part is above 12, so the file writes the day first. */
  readonly dayFirstExample: string | null;
  /** A value whose second part is above 12, so the file writes the month first. */
  readonly monthFirstExample: string | null;
};

type Parts =
  | { kind: 'date'; year: number; month: number; day: number }
  | {
      kind: 'local';
      year: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
      second: number;
      millisecond: number;
    }
  | { kind: 'instant'; iso: string };

/** English month names and abbreviations as exporters write them, in lower case: sep, sept and september. */
const monthsByName: ReadonlyMap<string, number> = new Map([
  ...[...monthNames('long'), ...monthNames('short')].map(
    (name, i) => [name.toLowerCase(), (i % 12) + 1] as const,
  ),
  ['sept', 9],
]);

const time = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?`;
const zone = String.raw`(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)`;
const isoPattern = new RegExp(
  String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:t|\s+)${time}\s*${zone}?)?$`,
  'i',
);
const numericPattern = new RegExp(
  String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:,\s*|\s+|t)${time}\s*${zone}?)?$`,
  'i',
);
const dayMonthPattern = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]{3,9})\.?[\s.,-]+(\d{4}|\d{2})(?:,?\s+${time}\s*${zone}?)?$`,
  'i',
);
const monthDayPattern = new RegExp(
  String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${time}\s*${zone}?)?$`,
  'i',
);
const weekdayPrefix = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** Collects the evidence for the day/month order from every date cell of a file. */
export function collectDateOrderEvidence(values: Iterable<string>): DateOrderEvidence {
  let numericCount = 0;
  let dayFirstExample: string | null = null;
  let monthFirstExample: string | null = null;
  for (const raw of values) {
    const match = numericPattern.exec(raw.trim());
    if (!match) continue;
    numericCount++;
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (first > 12 && second <= 12 && dayFirstExample === null) dayFirstExample = raw.trim();
    if (second > 12 && first <= 12 && monthFirstExample === null) monthFirstExample = raw.trim();
  }
  return { numericCount, dayFirstExample, monthFirstExample };
}

/**
 * Reads one date cell: ISO dates and timestamps (with or without a zone), MM/DD/YYYY or DD/MM/YYYY (also
 * with `.` or `-`, two-digit years, and a time such as `3/7/24, 2:22 PM`), `5 Mar 2026`, `March 5, 2026`,
 * with or without a leading weekday. A date without a time becomes noon in the user's zone, so its local
 * date is right wherever it is shown.
 */
export function parseCsvDate(raw: string, reading: DateReading): ParsedCsvDate {
  const value = raw.trim().replace(weekdayPrefix, '');
  const parts = readParts(value, reading.order);
  if (typeof parts === 'string') return { ok: false, message: parts };
  let result: ParsedCsvDate;
  try {
    result = toResult(parts, reading);
  } catch {
    return { ok: false, message: `"${raw.trim()}" is not a real calendar date or time` };
  }
  if (result.ok && !(isInstantInWindow(result.instant) && isLocalDateInWindow(result.localDate))) {
    return { ok: false, message: `"${raw.trim()}": ${dateWindowMessage}` };
  }
  return result;
}

/** A cache in front of `parseCsvDate`: tracker exports repeat the same few hundred dates many times. */
export function makeCsvDateParser(reading: DateReading): (raw: string) => ParsedCsvDate {
  const cache = new Map<string, ParsedCsvDate>();
  return (raw) => {
    let result = cache.get(raw);
    if (!result) {
      result = parseCsvDate(raw, reading);
      if (cache.size < 100_000) cache.set(raw, result);
    }
    return result;
  };
}

function readParts(value: string, order: DateOrder): Parts | string {
  let m = isoPattern.exec(value);
  if (m) return withTime(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4, 10));
  m = numericPattern.exec(value);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = fullYear(m[4]!);
    const [month, day] = order === 'mdy' ? [first, second] : [second, first];
    if (month > 12) {
      return `"${value}" has no month ${month}; the file's dates are read as ${order === 'mdy' ? 'month/day' : 'day/month'}`;
    }
    return withTime(year, month, day, m.slice(5, 11));
  }
  m = dayMonthPattern.exec(value);
  if (m) {
    const month = monthsByName.get(m[2]!.toLowerCase());
    if (month) return withTime(fullYear(m[3]!), month, Number(m[1]), m.slice(4, 10));
  }
  m = monthDayPattern.exec(value);
  if (m) {
    const month = monthsByName.get(m[1]!.toLowerCase());
    if (month) return withTime(Number(m[3]), month, Number(m[2]), m.slice(4, 10));
  }
  return `"${value}" is not a date hearback reads (use e.g. 2026-03-05, 03/05/2026 or 5 Mar 2026)`;
}

function withTime(year: number, month: number, day: number, t: ReadonlyArray<string | undefined>): Parts {
  const [h, min, s, fraction, meridiem, offset] = t;
  if (h === undefined || min === undefined) return { kind: 'date', year, month, day };
  let hour = Number(h);
  if (meridiem) {
    const isPm = meridiem.toLowerCase().startsWith('p');
    if (hour < 1 || hour > 12) hour = 99;
    else hour = (hour % 12) + (isPm ? 12 : 0);
  }
  const second = s === undefined ? 0 : Number(s);
  const millisecond = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
  if (offset !== undefined) {
    const z = offset.toLowerCase();
    const suffix = z === 'z' || z === 'utc' || z === 'gmt' ? 'Z' : normalizeOffset(offset);
    const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(Number(min))}:${pad(second)}.${pad(millisecond, 3)}${suffix}`;
    return { kind: 'instant', iso };
  }
  return { kind: 'local', year, month, day, hour, minute: Number(min), second, millisecond };
}

function toResult(parts: Parts, reading: DateReading): ParsedCsvDate {
  if (parts.kind === 'instant') {
    const instant = Temporal.Instant.from(parts.iso);
    checkYear(instant.toZonedDateTimeISO('UTC').year);
    return ok(instant, reading.timeZone);
  }
  checkYear(parts.year);
  const date = Temporal.PlainDate.from(
    { year: parts.year, month: parts.month, day: parts.day },
    { overflow: 'reject' },
  );
  if (parts.kind === 'date') {
    const noon = date.toZonedDateTime({ timeZone: reading.timeZone, plainTime: { hour: 12 } });
    return { ok: true, instant: toIso(noon.toInstant()), localDate: date.toString() };
  }
  const local = Temporal.PlainDateTime.from(
    {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
      millisecond: parts.millisecond,
    },
    { overflow: 'reject' },
  );
  const instant =
    reading.naiveTimes === 'utc'
      ? local.toZonedDateTime('UTC').toInstant()
      : local.toZonedDateTime(reading.timeZone).toInstant();
  return ok(instant, reading.timeZone);
}

function ok(instant: Temporal.Instant, timeZone: string): ParsedCsvDate {
  return {
    ok: true,
    instant: toIso(instant),
    localDate: instant.toZonedDateTimeISO(timeZone).toPlainDate().toString(),
  };
}

function checkYear(year: number): void {
  if (year < 1900 || year > 2199) throw new RangeError('year out of range');
}

/** Two-digit years are this century up to 69 and the last one from 70, as spreadsheets read them. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function normalizeOffset(offset: string): string {
  const digits = offset.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toIso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}
