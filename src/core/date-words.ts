/**
 * The words hearback writes for dates: weekday and month names, and the few date formats its sentences use
 * ("Fri 5 Mar", "Tuesday 3 March", "Tuesday 10 March 2026", "Mon 2026-03-09"). The names come from Intl in
 * American English, whose weekday and month names have not changed across ICU releases (British English
 * has: "Sep" became "Sept"); the order and punctuation are ours, so a sentence reads the same on every
 * machine whatever its locale. No Temporal here: the web app uses this module too.
 */
export type NameWidth = 'long' | 'short';

const nameLists = new Map<string, readonly string[]>();

function namesOf(field: 'weekday' | 'month', width: NameWidth): readonly string[] {
  const key = `${field}|${width}`;
  const known = nameLists.get(key);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', { [field]: width, timeZone: 'UTC' });
  // 1 January 2024 was a Monday: the seven days from it are the ISO weekdays in order.
  const names =
    field === 'weekday'
      ? Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)))
      : Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2024, i, 1)));
  nameLists.set(key, names);
  return names;
}

/** The seven weekday names, Monday first (index 0 is ISO weekday 1). */
export function weekdayNames(width: NameWidth = 'long'): readonly string[] {
  return namesOf('weekday', width);
}

/** The twelve month names, January first. */
export function monthNames(width: NameWidth = 'long'): readonly string[] {
  return namesOf('month', width);
}

/** An ISO weekday's name: 1 is Monday, 7 is Sunday. */
export function weekdayName(isoWeekday: number, width: NameWidth = 'long'): string {
  const name = weekdayNames(width)[isoWeekday - 1];
  if (name === undefined) throw new RangeError(`not an ISO weekday: ${isoWeekday}`);
  return name;
}

export function monthName(month: number, width: NameWidth = 'long'): string {
  const name = monthNames(width)[month - 1];
  if (name === undefined) throw new RangeError(`not a month: ${month}`);
  return name;
}

type DateParts = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
};

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local date (YYYY-MM-DD) as its parts and ISO weekday; a string that is no calendar date throws. */
function partsOf(date: string): DateParts {
  const match = datePattern.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (!match || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`not a date: ${date}`);
  }
  const weekday = utc.getUTCDay();
  return { year, month, day, weekday: weekday === 0 ? 7 : weekday };
}

export function isoWeekdayOf(date: string): number {
  return partsOf(date).weekday;
}

const formats = {
  short: (p: DateParts) => `${weekdayName(p.weekday, 'short')} ${p.day} ${monthName(p.month, 'short')}`,
  long: (p: DateParts) => `${weekdayName(p.weekday)} ${p.day} ${monthName(p.month)}`,
  full: (p: DateParts) => `${weekdayName(p.weekday)} ${p.day} ${monthName(p.month)} ${p.year}`,
  weekdayIso: (p: DateParts, date: string) => `${weekdayName(p.weekday, 'short')} ${date}`,
} as const;

/** Reason lines and diagnoses format the same few dates over and over; a date's words never change. */
const formatted = new Map<string, string>();

function format(kind: keyof typeof formats, date: string): string {
  const key = `${kind}|${date}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const words = formats[kind](partsOf(date), date);
  if (formatted.size >= 20_000) formatted.clear();
  formatted.set(key, words);
  return words;
}

/** "Fri 5 Mar": the short date every reason line uses. */
export function formatShortDate(date: string): string {
  return format('short', date);
}

/** "Tuesday 3 March": a date in a message, where the year goes without saying. */
export function formatLongDate(date: string): string {
  return format('long', date);
}

/** "Tuesday 10 March 2026": spelled out so no reader mistakes day for month. */
export function formatFullDate(date: string): string {
  return format('full', date);
}

/** "Mon 2026-03-09": a weekday beside the ISO date, for calendar entries and the digest. */
export function formatWeekdayDate(date: string): string {
  return format('weekdayIso', date);
}
