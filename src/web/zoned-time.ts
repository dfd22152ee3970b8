/**
 * Wall-clock dates and times in a named time zone, for the browser. The server does its calendar work with
 * Temporal; the UI only needs these few conversions, done here with Intl so the page does not carry a
 * Temporal polyfill. A test checks them against Temporal itself.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallPartsAt(epochMs: number, timeZone: string): WallParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const p = wallPartsAt(epochMs, timeZone);
  const wallAsUtc = utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second);
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock date and time in a zone names, as an ISO string in UTC. Like Temporal's
 * "compatible" choice: a time skipped by a clock change moves forward by the change; a time that happens
 * twice is the first of the two.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = utcMs(year, month, day, hour, minute, 0);
  const day_ = 86_400_000;
  const before = offsetMinutesAt(wall - day_, timeZone);
  const after = offsetMinutesAt(wall + day_, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((epoch) => offsetMinutesAt(epoch, timeZone) * 60_000 === wall - epoch)
    .sort((a, b) => a - b);
  const epoch = candidates[0] ?? wall - before * 60_000;
  return new Date(epoch).toISOString();
}

/** The wall-clock date and time of an instant in a zone: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function instantToZoned(instant: string, timeZone: string): { date: string; time: string } {
  const p = wallPartsAt(Date.parse(instant), timeZone);
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** The calendar date it is in the zone at that moment. */
export function todayIn(timeZone: string, now: Date): string {
  return instantToZoned(now.toISOString(), timeZone).date;
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(utcMs(year, month, day, 0, 0, 0) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 is Monday, 7 is Sunday. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(utcMs(year, month, day, 0, 0, 0)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Minutes added to a wall-clock `HH:MM`, with the day carried: for "ends 45 minutes later". */
export function addMinutesToWallTime(
  date: string,
  time: string,
  minutes: number,
): { date: string; time: string } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const moved = new Date(utcMs(year, month, day, hour, minute, 0) + minutes * 60_000);
  return { date: moved.toISOString().slice(0, 10), time: moved.toISOString().slice(11, 16) };
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** "Tue, 3 Mar 2026" in the user's zone and locale. */
export function formatDate(instant: string, timeZone: string, locale: string): string {
  return displayFormatter(locale, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(instant));
}

/** "Tue, 3 Mar 2026, 14:00" in the user's zone and locale. */
export function formatDateTime(instant: string, timeZone: string, locale: string): string {
  return displayFormatter(locale, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/**
 * An instant set in a zone of its own (an interview's) in the user's zone, the way every other time is
 * shown, followed by its time in that zone when it differs: "Mon, 7 Dec 2026, 14:00 (08:00 America/New_York)".
 */
export function formatDateTimeAlsoIn(
  instant: string,
  timeZone: string,
  locale: string,
  ownZone: string,
): string {
  const here = formatDateTime(instant, timeZone, locale);
  if (ownZone === timeZone) return here;
  const isSameDay = instantToZoned(instant, ownZone).date === instantToZoned(instant, timeZone).date;
  const there = displayFormatter(locale, ownZone, {
    ...(isSameDay ? {} : { weekday: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
  return `${here} (${there} ${ownZone})`;
}

/** A calendar date (`YYYY-MM-DD`, no zone) for people: "Fri, 6 Mar 2026". */
export function formatLocalDate(date: string, locale: string): string {
  return displayFormatter(locale, 'UTC', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The time zones this browser knows, for pickers; the user's own zone is always among them. */
export function knownTimeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
