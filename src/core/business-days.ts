import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { weekdayName } from './date-words.js';
import { morningHour, toIso } from './local-time.js';

/** The working day ends here: a step due "today" never lands after this local hour. */
export const eveningHour = 17;

export type WorkCalendarSettings = {
  readonly timeZone: string;
  readonly country: string | null;
  readonly region: string | null;
  /** ISO weekdays: 1 is Monday, 7 is Sunday. */
  readonly workingDays: readonly number[];
  /** Further days off by date (YYYY-MM-DD), for a caller that was handed its holidays rather than a country. */
  readonly holidays?: readonly string[];
};

/** Why a local date is not a working day, in words a reason line can use ("Thanksgiving Day"). */
export type DayOff = { readonly kind: 'weekday_off'; readonly weekday: string } | HolidayOff;
type HolidayOff = { readonly kind: 'holiday'; readonly name: string };

/** A moment moved into working hours, and what moved it (null when it was already inside them). */
export type WorkingTime = {
  readonly instant: string;
  readonly moved: null | 'day_off' | 'before_hours' | 'after_hours';
};

/**
 * The user's working calendar: which local dates are working days (their working weekdays minus the public
 * holidays of their country and region), and arithmetic on those dates in their time zone. Dates are
 * `YYYY-MM-DD` strings in the user's zone and instants are UTC ISO strings, as everywhere in hearback.
 */
export type WorkCalendar = {
  readonly timeZone: string;
  isWorkingDay(date: string): boolean;
  /** Null on a working day; otherwise the weekday off or the holiday that makes the date a day off. */
  dayOff(date: string): DayOff | null;
  /** `n` working days after `date` (before it when negative); 0 gives the first working day on or after. */
  addBusinessDays(date: string, n: number): string;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  workingDayOnOrAfter(date: string): string;
  /** Working days in (from, to]: how many working days `to` is after `from`; negative when it is before. */
  businessDaysBetween(from: string, to: string): number;
  /** The local calendar date an instant falls on in the user's zone. */
  localDate(instant: string): string;
  /** The local wall-clock time of an instant as HH:MM. */
  localTime(instant: string): string;
  /** The working-morning instant (09:00 local) of a date. */
  morningOf(date: string): string;
  /** The end of the working day (17:00 local) of a date. */
  eveningOf(date: string): string;
  /** The earliest working morning at or after an instant. */
  nextWorkingMorning(instant: string): string;
  /**
   * The latest moment in working hours that is not after `instant` on the same local day; when the day is
   * off or the instant is before working hours, the next working morning instead.
   */
  clampToWorkingTime(instant: string): WorkingTime;
  /** The instant itself when it is in working hours, else the next working morning: never earlier. */
  deferToWorkingTime(instant: string): WorkingTime;
};

const dayMs = 86_400_000;
/** A calendar with no working day in ten years is a broken calendar, not a long holiday. */
const searchLimitDays = 3_660;
const memoLimit = 100_000;

/**
 * Process-wide memo tables. Everything here is a pure function of its key (a zone, a country and year, a
 * date), so sharing it between calendars is safe, and it makes building a calendar per request cheap:
 * the costly parts (holiday rules, time-zone transitions) are computed once per process.
 */
const holidayTables = new Map<string, ReadonlyMap<string, string>>();
const holidaySources = new Map<string, Holidays>();
const offsetSpans = new Map<string, OffsetSpan[]>();
const shiftedDates = new Map<string, string>();
const dayFacts = new Map<string, { readonly year: number; readonly weekday: number }>();
const zonedHours = new Map<string, string>();

/** A stretch of time between two transitions of a zone, in which its UTC offset does not change. */
type OffsetSpan = { readonly from: number; readonly until: number; readonly offsetMs: number };

export function createWorkCalendar(settings: WorkCalendarSettings): WorkCalendar {
  const { timeZone } = settings;
  const workingWeekdays = new Set(settings.workingDays);
  if (![1, 2, 3, 4, 5, 6, 7].some((d) => workingWeekdays.has(d))) {
    throw new Error('a work calendar needs at least one working weekday (1 = Monday … 7 = Sunday)');
  }
  // An unknown zone fails here, when the calendar is built, not halfway through planning.
  Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);

  const country = settings.country;
  const region = settings.region;
  const givenHolidays = new Set(settings.holidays ?? []);
  const dayOffByDate = new Map<string, DayOff | null>();
  const added = new Map<string, string>();
  const wallByInstant = new Map<string, { date: string; seconds: number; time: string }>();

  function dayOff(date: string): DayOff | null {
    const cached = dayOffByDate.get(date);
    if (cached !== undefined) return cached;
    const { year, weekday } = factsOf(date);
    let result: DayOff | null = null;
    if (!workingWeekdays.has(weekday)) {
      result = { kind: 'weekday_off', weekday: weekdayName(weekday) };
    } else if (givenHolidays.has(date)) {
      result = { kind: 'holiday', name: 'Public holiday' };
    } else if (country) {
      const name =
        holidaysOf(country, region, year).get(date) ?? holidaysOf(country, region, year - 1).get(date);
      if (name !== undefined) result = { kind: 'holiday', name };
    }
    remember(dayOffByDate, date, result);
    return result;
  }

  const isWorkingDay = (date: string) => dayOff(date) === null;

  function stepToWorkingDay(date: string, direction: 1 | -1): string {
    let day = date;
    for (let i = 0; i < searchLimitDays; i++) {
      day = shiftDate(day, direction);
      if (isWorkingDay(day)) return day;
    }
    throw new Error(`no working day within ${searchLimitDays} days of ${date}`);
  }

  const nextWorkingDay = (date: string) => stepToWorkingDay(date, 1);
  const workingDayOnOrAfter = (date: string) => (isWorkingDay(date) ? date : nextWorkingDay(date));

  function addBusinessDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new Error(`business days must be a whole number, not ${n}`);
    if (n === 0) return workingDayOnOrAfter(date);
    const key = `${date}|${n}`;
    const cached = added.get(key);
    if (cached) return cached;
    const direction = n > 0 ? 1 : -1;
    let day = date;
    for (let left = Math.abs(n); left > 0; left--) day = stepToWorkingDay(day, direction);
    remember(added, key, day);
    return day;
  }

  function businessDaysBetween(from: string, to: string): number {
    if (to === from) return 0;
    if (to < from) return -businessDaysBetween(to, from);
    let count = 0;
    for (let day = shiftDate(from, 1); day <= to; day = shiftDate(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  }

  function wall(instant: string) {
    const cached = wallByInstant.get(instant);
    if (cached) return cached;
    const epochMs = Date.parse(instant);
    if (Number.isNaN(epochMs)) throw new Error(`not an instant: ${instant}`);
    // Temporal gives the zone's offset at that instant (DST included); the wall clock is then the epoch
    // shifted by it, read back as a UTC date-time: no local-time rules of this machine are involved.
    const shifted = epochMs + offsetAt(timeZone, epochMs);
    const wallClock = new Date(shifted).toISOString();
    const seconds = (((shifted % dayMs) + dayMs) % dayMs) / 1000;
    const result = { date: wallClock.slice(0, 10), seconds, time: wallClock.slice(11, 16) };
    remember(wallByInstant, instant, result);
    return result;
  }

  const morningOf = (date: string) => zonedHour(timeZone, date, morningHour);
  const eveningOf = (date: string) => zonedHour(timeZone, date, eveningHour);

  function nextWorkingMorning(instant: string): string {
    const { date } = wall(instant);
    const morning = morningOf(date);
    if (isWorkingDay(date) && instant <= morning) return morning;
    return morningOf(nextWorkingDay(date));
  }

  function clampToWorkingTime(instant: string): WorkingTime {
    const { date, seconds } = wall(instant);
    if (!isWorkingDay(date)) return { instant: morningOf(nextWorkingDay(date)), moved: 'day_off' };
    if (seconds < morningHour * 3600) return { instant: morningOf(date), moved: 'before_hours' };
    if (seconds > eveningHour * 3600) return { instant: eveningOf(date), moved: 'after_hours' };
    return { instant, moved: null };
  }

  function deferToWorkingTime(instant: string): WorkingTime {
    const { date, seconds } = wall(instant);
    if (!isWorkingDay(date)) return { instant: nextWorkingMorning(instant), moved: 'day_off' };
    if (seconds < morningHour * 3600) return { instant: morningOf(date), moved: 'before_hours' };
    if (seconds > eveningHour * 3600) return { instant: nextWorkingMorning(instant), moved: 'after_hours' };
    return { instant, moved: null };
  }

  return {
    timeZone,
    isWorkingDay,
    dayOff,
    addBusinessDays,
    nextWorkingDay,
    workingDayOnOrAfter,
    businessDaysBetween,
    localDate: (instant) => wall(instant).date,
    localTime: (instant) => wall(instant).time,
    morningOf,
    eveningOf,
    nextWorkingMorning,
    clampToWorkingTime,
    deferToWorkingTime,
  };
}

/** Public holidays of a country (and region) in a year, by local date, with their English names. */
function holidaysOf(country: string, region: string | null, year: number): ReadonlyMap<string, string> {
  const key = `${country}|${region ?? ''}|${year}`;
  const cached = holidayTables.get(key);
  if (cached) return cached;
  const sourceKey = `${country}|${region ?? ''}`;
  let source = holidaySources.get(sourceKey);
  if (!source) {
    source = new Holidays(country, region ?? '', { languages: ['en'], types: ['public'] });
    holidaySources.set(sourceKey, source);
  }
  const days = new Map<string, string>();
  for (const holiday of source.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const first = holiday.date.slice(0, 10);
    const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / dayMs));
    for (let i = 0; i < span; i++) {
      const date = shiftDate(first, i);
      const known = days.get(date);
      days.set(date, known && known !== holiday.name ? `${known} / ${holiday.name}` : holiday.name);
    }
  }
  remember(holidayTables, key, days);
  return days;
}

/**
 * The UTC offset of a zone at an instant. Asking Temporal for every instant is slow, so each answer is
 * kept with the span between the zone's surrounding transitions, inside which the offset cannot change.
 */
function offsetAt(timeZone: string, epochMs: number): number {
  let spans = offsetSpans.get(timeZone);
  if (!spans) {
    spans = [];
    offsetSpans.set(timeZone, spans);
  }
  for (const span of spans) if (epochMs >= span.from && epochMs < span.until) return span.offsetMs;
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  // The transition "before" is looked up from one millisecond later, so that an instant exactly on a
  // transition gets the span that starts there rather than the one that ends there.
  const previous = Temporal.Instant.fromEpochMilliseconds(epochMs + 1)
    .toZonedDateTimeISO(timeZone)
    .getTimeZoneTransition('previous');
  const next = zoned.getTimeZoneTransition('next');
  const span: OffsetSpan = {
    from: previous ? previous.epochMilliseconds : Number.NEGATIVE_INFINITY,
    until: next ? next.epochMilliseconds : Number.POSITIVE_INFINITY,
    offsetMs: zoned.offsetNanoseconds / 1e6,
  };
  if (spans.length >= 1_000) spans.length = 0;
  spans.push(span);
  return span.offsetMs;
}

function shiftDate(date: string, days: number): string {
  const key = `${date}|${days}`;
  const cached = shiftedDates.get(key);
  if (cached) return cached;
  const result = Temporal.PlainDate.from(date).add({ days }).toString();
  remember(shiftedDates, key, result);
  return result;
}

function factsOf(date: string): { readonly year: number; readonly weekday: number } {
  const cached = dayFacts.get(date);
  if (cached) return cached;
  const plain = Temporal.PlainDate.from(date);
  const facts = { year: plain.year, weekday: plain.dayOfWeek };
  remember(dayFacts, date, facts);
  return facts;
}

/** A local date at a whole hour in a zone, as a UTC instant (an hour skipped by DST moves forward). */
function zonedHour(timeZone: string, date: string, hour: number): string {
  const key = `${timeZone}|${date}|${hour}`;
  const cached = zonedHours.get(key);
  if (cached) return cached;
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from({ hour }),
  });
  const result = toIso(zoned.toInstant());
  remember(zonedHours, key, result);
  return result;
}

/** Memo tables are bounded so a long-running server process cannot grow them without limit. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= memoLimit) cache.clear();
  cache.set(key, value);
}
