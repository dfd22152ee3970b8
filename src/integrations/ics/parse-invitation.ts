import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { fieldError, isAppError } from '../../core/errors.js';
import type { InterviewInvitation, InvitationPerson } from '../../core/invitation.js';
import type { InvitationReadOptions } from '../../core/ports.js';
import { isValidTimeZone } from '../../core/time-zone.js';
import { findImpossibleDate } from './ics-date-values.js';
import { cleanIcsLine, cleanIcsText } from './ics-text.js';
import { findVideoLink, isBareUrl } from './video-links.js';
import { resolveTimeZoneId } from './windows-time-zones.js';

export const maxInvitationBytes = 1_000_000;

const field = 'ics';

/**
 * Reads the events of an invitation file (.ics) from Google Calendar, Outlook/Exchange, scheduling tools
 * and others (RFC 5545 with the iTIP methods of RFC 5546). Times become UTC instants. A TZID we can name
 * (IANA, or a Windows name Outlook writes) is read through the IANA database, which is kept current and
 * fast, where Outlook's VTIMEZONE holds only this year's rule and takes ical.js a tenth of a second to
 * expand from 1601; the file's VTIMEZONE is used only for zones we cannot name. Anything that had to be
 * guessed is listed in `warnings`.
 */
export function parseInvitation(icsText: string, options: InvitationReadOptions = {}): InterviewInvitation[] {
  const text = checkText(icsText, options.maxBytes ?? maxInvitationBytes);
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  if (!isValidTimeZone(defaultTimeZone)) throw fieldError('defaultTimeZone', 'must be an IANA time zone');
  const impossible = findImpossibleDate(text);
  if (impossible) {
    const { line, property, value } = impossible;
    throw fieldError(field, `line ${line}: ${property} "${value}" is not a real date or date-time`);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw fieldError(field, `not a readable iCalendar file: ${(error as Error).message}`);
  }
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const invitations: InterviewInvitation[] = [];
  try {
    for (const jcal of roots) {
      const calendar = new ICAL.Component(jcal as unknown[]);
      if (calendar.name !== 'vcalendar') throw fieldError(field, 'not an iCalendar file: no VCALENDAR');
      const context = readCalendarContext(calendar, defaultTimeZone, options.userEmail ?? null);
      for (const event of calendar.getAllSubcomponents('vevent')) invitations.push(readEvent(event, context));
    }
  } catch (error) {
    // ical.js parses values lazily, so a malformed date or duration surfaces only while reading.
    if (isAppError(error)) throw error;
    throw fieldError(field, `not a readable iCalendar file: ${(error as Error).message}`);
  }
  if (invitations.length === 0) throw fieldError(field, 'the file has no events (VEVENT) to import');
  return invitations.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function checkText(icsText: string, maxBytes: number): string {
  if (typeof icsText !== 'string') throw fieldError(field, 'must be the text of an .ics file');
  const bytes = icsText.length > maxBytes ? icsText.length : new TextEncoder().encode(icsText).length;
  if (bytes > maxBytes) {
    throw fieldError(field, `the file is ${bytes} bytes; an invitation may be at most ${maxBytes} bytes`);
  }
  const text = icsText.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw fieldError(field, 'not an iCalendar file: it contains binary data');
  if (!/^\s*BEGIN:VCALENDAR\r?\n/i.test(text)) {
    throw fieldError(field, 'not an iCalendar file: it should start with BEGIN:VCALENDAR');
  }
  return text;
}

type CalendarContext = {
  readonly method: string | null;
  readonly zones: ReadonlyMap<string, ICAL.Component>;
  readonly calendarTimeZone: string | null;
  readonly defaultTimeZone: string;
  readonly userEmail: string | null;
};

function readCalendarContext(
  calendar: ICAL.Component,
  defaultTimeZone: string,
  userEmail: string | null,
): CalendarContext {
  const zones = new Map<string, ICAL.Component>();
  for (const component of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') zones.set(tzid, component);
  }
  const method = calendar.getFirstPropertyValue('method');
  const wrZone = calendar.getFirstPropertyValue('x-wr-timezone');
  return {
    method: typeof method === 'string' ? method.trim().toUpperCase() : null,
    zones,
    calendarTimeZone: typeof wrZone === 'string' ? (resolveTimeZoneId(wrZone)?.timeZone ?? null) : null,
    defaultTimeZone,
    userEmail: userEmail?.trim().toLowerCase() || null,
  };
}

type ReadTime = {
  readonly instant: Temporal.Instant;
  readonly isDate: boolean;
  readonly isFloating: boolean;
  readonly tzid: string | null;
  readonly timeZone: string | null;
  readonly plainDate: Temporal.PlainDate;
};

function readEvent(event: ICAL.Component, context: CalendarContext): InterviewInvitation {
  const warnings: string[] = [];
  const summary = cleanIcsLine(stringValue(event, 'summary') ?? '') || '(no title)';
  const startProp = event.getFirstProperty('dtstart');
  if (!startProp) throw fieldError(field, `the event "${summary}" has no start time (DTSTART)`);
  const start = readTime(startProp, context, warnings);

  const timeZoneGuess = start.timeZone
    ? { timeZone: start.timeZone, source: 'event' as const }
    : context.calendarTimeZone && !start.isFloating && !start.isDate
      ? { timeZone: context.calendarTimeZone, source: 'calendar' as const }
      : { timeZone: context.defaultTimeZone, source: 'user' as const };

  if (start.isDate) {
    warnings.push(
      `"${summary}" is an all-day event with no time; it is placed at midnight ${context.defaultTimeZone}: set the real time`,
    );
  } else if (start.isFloating) {
    warnings.push(
      `"${summary}" has a floating time (no time zone); it was read as ${context.defaultTimeZone} time: check it`,
    );
  }
  if (event.hasProperty('rrule')) {
    warnings.push(`"${summary}" repeats; only its first occurrence is imported`);
  }

  const end = readEnd(event, start, context, warnings, summary);
  const location = readLocation(stringValue(event, 'location'));
  const description = cleanIcsText(stringValue(event, 'description') ?? '');
  const videoLink =
    findVideoLink([
      rawValue(event, 'x-google-conference'),
      rawValue(event, 'conference'),
      rawValue(event, 'x-microsoft-onlinemeetingurl'),
      rawValue(event, 'x-microsoft-skypeteamsmeetingurl'),
      rawValue(event, 'url'),
      location.raw,
      description,
      rawValue(event, 'x-alt-desc'),
    ]) ??
    firstHttpsUrl([
      rawValue(event, 'x-google-conference'),
      rawValue(event, 'conference'),
      rawValue(event, 'x-microsoft-onlinemeetingurl'),
      location.raw && isBareUrl(location.raw) ? location.raw : null,
    ]);

  const organizerProp = event.getFirstProperty('organizer');
  const organizer = organizerProp ? readPerson(organizerProp, context) : null;
  const attendees = uniqueByEmail(
    event
      .getAllProperties('attendee')
      .map((p) => readPerson(p, context))
      .filter((p): p is InvitationPerson => p !== null),
  );
  const status = stringValue(event, 'status')?.trim().toUpperCase();
  const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
  const uid = stringValue(event, 'uid');

  return {
    uid: uid ? cleanIcsLine(uid) : null,
    sequence: Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : 0,
    method: context.method,
    isCancelled: context.method === 'CANCEL' || status === 'CANCELLED',
    summary,
    description,
    startsAt: isoOf(start.instant),
    endsAt: isoOf(end),
    timeZone: timeZoneGuess.timeZone,
    timeZoneSource: timeZoneGuess.source,
    sourceTimeZoneId: start.tzid,
    allDay: start.isDate,
    floating: start.isFloating,
    location: location.place,
    videoLink,
    organizer,
    attendees,
    warnings,
  };
}

function readTime(prop: ICAL.Property, context: CalendarContext, warnings: string[]): ReadTime {
  const value = prop.getFirstValue();
  if (
    !(value instanceof ICAL.Time) ||
    !Number.isFinite(value.year) ||
    value.year < 1900 ||
    value.year > 2200
  ) {
    throw fieldError(field, `${prop.name.toUpperCase()} is not a date or date-time`);
  }
  const plainDate = Temporal.PlainDate.from({ year: value.year, month: value.month, day: value.day });
  const tzidParam = prop.getParameter('tzid');
  const tzid = typeof tzidParam === 'string' ? tzidParam : null;
  if (value.isDate) {
    const instant = plainDate.toZonedDateTime({ timeZone: context.defaultTimeZone }).toInstant();
    return { instant, isDate: true, isFloating: false, tzid: null, timeZone: null, plainDate };
  }
  const wallClock = Temporal.PlainDateTime.from({
    year: value.year,
    month: value.month,
    day: value.day,
    hour: value.hour,
    minute: value.minute,
    second: Math.min(value.second, 59),
  });
  if (value.zone?.tzid === 'UTC' && !tzid) {
    return {
      instant: wallClock.toZonedDateTime('UTC').toInstant(),
      isDate: false,
      isFloating: false,
      tzid: null,
      timeZone: null,
      plainDate,
    };
  }
  if (!tzid) {
    const instant = wallClock
      .toZonedDateTime(context.defaultTimeZone, { disambiguation: 'compatible' })
      .toInstant();
    return { instant, isDate: false, isFloating: true, tzid: null, timeZone: null, plainDate };
  }
  const resolved = resolveTimeZoneId(tzid);
  if (resolved) {
    const instant = wallClock
      .toZonedDateTime(resolved.timeZone, { disambiguation: 'compatible' })
      .toInstant();
    return { instant, isDate: false, isFloating: false, tzid, timeZone: resolved.timeZone, plainDate };
  }
  const vtimezone = context.zones.get(tzid);
  if (vtimezone) {
    const offsetSeconds = new ICAL.Timezone(vtimezone).utcOffset(value);
    const instant = wallClock.toZonedDateTime('UTC').toInstant().subtract({ seconds: offsetSeconds });
    warnings.push(
      `the time zone "${cleanIcsLine(tzid)}" is not one we know by name; the times are right, but the interview is shown in ${context.defaultTimeZone}`,
    );
    return { instant, isDate: false, isFloating: false, tzid, timeZone: null, plainDate };
  }
  warnings.push(
    `the time zone "${cleanIcsLine(tzid)}" is unknown and the file does not define it; the time was read as ${context.defaultTimeZone} time: check it`,
  );
  const instant = wallClock
    .toZonedDateTime(context.defaultTimeZone, { disambiguation: 'compatible' })
    .toInstant();
  return { instant, isDate: false, isFloating: true, tzid, timeZone: null, plainDate };
}

function readEnd(
  event: ICAL.Component,
  start: ReadTime,
  context: CalendarContext,
  warnings: string[],
  summary: string,
): Temporal.Instant {
  const endProp = event.getFirstProperty('dtend');
  const duration = event.getFirstPropertyValue('duration');
  let end: Temporal.Instant | undefined;
  if (endProp) {
    const read = readTime(endProp, context, []);
    end =
      start.isDate && read.isDate
        ? read.plainDate.toZonedDateTime({ timeZone: context.defaultTimeZone }).toInstant()
        : read.instant;
  } else if (duration instanceof ICAL.Duration) {
    end = start.instant.add({ seconds: duration.toSeconds() });
  } else if (start.isDate) {
    end = start.plainDate.add({ days: 1 }).toZonedDateTime({ timeZone: context.defaultTimeZone }).toInstant();
  }
  if (!end || Temporal.Instant.compare(end, start.instant) <= 0) {
    warnings.push(`"${summary}" has no end time after its start; it was given one hour: check it`);
    return start.instant.add({ hours: 1 });
  }
  return end;
}

/** Words producers put in LOCATION that name the meeting tool, not a place. */
const notAPlace =
  /^(?:microsoft teams(?: meeting)?|teams meeting|google meet|zoom(?: meeting)?|webex(?: meeting)?|online(?: meeting)?|video call|virtual)$/i;

function readLocation(raw: string | null): { raw: string | null; place: string | null } {
  if (!raw) return { raw: null, place: null };
  const parts = cleanIcsLine(raw)
    .split(/\s*;\s*/)
    .filter((part) => part && !notAPlace.test(part) && !isBareUrl(part));
  return { raw, place: parts.join('; ') || null };
}

const ignoredAddresses =
  /@(?:resource|group|import)\.calendar\.google\.com$|^(?:no-?reply|do-?not-?reply|notifications?)@/i;
const emailShape = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

function readPerson(prop: ICAL.Property, context: CalendarContext): InvitationPerson | null {
  const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
  if (cutype === 'ROOM' || cutype === 'RESOURCE') return null;
  const emailParam = prop.getParameter('email');
  const address = typeof emailParam === 'string' ? emailParam : String(prop.getFirstValue() ?? '');
  const email = address.replace(/^mailto:/i, '').trim();
  if (!emailShape.test(email) || ignoredAddresses.test(email)) return null;
  if (context.userEmail && email.toLowerCase() === context.userEmail) return null;
  const cn = prop.getParameter('cn');
  const name = typeof cn === 'string' ? cleanIcsLine(cn) : '';
  return { name: name && name.toLowerCase() !== email.toLowerCase() ? name : null, email };
}

function uniqueByEmail(people: readonly InvitationPerson[]): InvitationPerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstHttpsUrl(texts: readonly (string | null)[]): string | null {
  for (const text of texts) {
    const match = text ? /https:\/\/[^\s<>"'\\]+/i.exec(text) : null;
    if (match) return match[0];
  }
  return null;
}

function stringValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

/** The value as written, for properties ical.js does not know the type of (X- properties). */
function rawValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  return String(value);
}

function isoOf(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}
