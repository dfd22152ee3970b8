import icalGenerator, {
  ICalAlarmType,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventTransparency,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type {
  CalendarFeedInput,
  FeedInterview,
  FeedStep,
  InterviewIcsInput,
} from '../../core/calendar-feed.js';
import type { Contact } from '../../core/contact.js';
import { formatWeekdayDate } from '../../core/date-words.js';
import { fieldError } from '../../core/errors.js';
import { isOpenFollowUp } from '../../core/follow-up.js';
import { channelLabels, interviewTitle, roleLabels } from '../../core/labels.js';
import { cleanIcsLine, cleanIcsText, escapeIcsText, foldIcsLines, safeIcsUri } from './ics-text.js';

export const defaultTravelBufferMinutes = 30;

/** A timed follow-up step gets a short slot so calendar apps show it as a block, not a zero-length line. */
const stepMinutes = 15;

const prodId = { company: 'hearback', product: 'hearback', language: 'EN' } as const;

/**
 * The user's private calendar feed in the safe profile of STACK.md: CRLF, lines folded at 75 octets on
 * UTF-8 boundaries, METHOD:PUBLISH, times in UTC (no TZID, so no VTIMEZONE is needed), a UID per record
 * (`<id>@hearback`, stable across regenerations), DTSTAMP at generation time and a SEQUENCE that grows when
 * a record the event shows changes. User text is cleaned of control characters and line separators before
 * it is escaped, so it can never start a property or a component of its own.
 */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  if (!Number.isInteger(input.refreshMinutes) || input.refreshMinutes < 1) {
    throw fieldError('refreshMinutes', 'must be a whole number of minutes, at least 1');
  }
  const calendar = newCalendar(input.calendarName);
  calendar.ttl(input.refreshMinutes * 60);
  for (const item of input.interviews) addInterview(calendar, item, input.now);
  for (const item of input.steps) {
    // Done and skipped steps are history, not something to do: they leave the calendar.
    if (isOpenFollowUp(item.step)) addStep(calendar, item, input.now);
  }
  return serialize(calendar);
}

/** One interview as a file to download and open: the same event the feed carries, without refresh hints. */
export function buildInterviewIcs(input: InterviewIcsInput): string {
  const calendar = newCalendar(`${input.companyName} interview`);
  addInterview(calendar, input, input.now);
  return serialize(calendar);
}

/** The UID of a record's event: our id, made safe for a TEXT value, at hearback. */
export function eventUid(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, (c) => encodeURIComponent(c))}@hearback`;
}

/**
 * SEQUENCE derived from the records instead of stored: whole seconds from the record's creation to the
 * latest update of anything the event shows. It is 0 for a new record, grows with every later edit (edits
 * less than a second apart share a value, harmless as the content is the same by the next fetch) and needs
 * no column or write when the feed is built. Clamped to the 31-bit INTEGER range of RFC 5545.
 */
export function deriveSequence(createdAt: string, updatedAts: readonly string[]): number {
  const created = Date.parse(createdAt);
  const latest = Math.max(created, ...updatedAts.map((u) => Date.parse(u)).filter(Number.isFinite));
  return Math.min(2_147_483_647, Math.max(0, Math.floor((latest - created) / 1000)));
}

/**
 * The calendar's text, with events serialized by ical-generator but folded by foldIcsLines: the library
 * folds the whole calendar with one TextEncoder call per character, about 2 ms per event. Its calendar
 * text is the header, the events, then END:VCALENDAR, so the events are written unfolded and put back
 * before that last line. RFC 5545 ends every content line with CRLF, the last one too, which the library
 * leaves bare.
 */
function serialize(calendar: ICalCalendar): string {
  const events = calendar
    .events()
    .map((event) => event.toString())
    .join('');
  calendar.clear();
  const shell = calendar.toString();
  const end = 'END:VCALENDAR';
  if (!shell.endsWith(end) && !shell.endsWith(`${end}\r\n`)) {
    throw new Error('ical-generator wrote an unexpected calendar layout');
  }
  const header = shell.slice(0, shell.lastIndexOf(end));
  return `${header}${foldIcsLines(events)}${end}\r\n`;
}

function newCalendar(name: string): ICalCalendar {
  const calendar = icalGenerator({ prodId, method: ICalCalendarMethod.PUBLISH });
  // The library writes NAME and X-WR-CALNAME unescaped, so the name is escaped here.
  calendar.name(escapeIcsText(cleanIcsLine(name)) || 'hearback');
  return calendar;
}

function addInterview(calendar: ICalCalendar, item: FeedInterview, now: Date | string): void {
  const { interview, application } = item;
  const buffer = item.travelBufferMinutes ?? defaultTravelBufferMinutes;
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > 24 * 60) {
    throw fieldError('travelBufferMinutes', 'must be a whole number of minutes between 0 and 1440');
  }
  const updates = [
    interview.updatedAt,
    application.updatedAt,
    ...item.interviewers.map((c) => c.updatedAt),
    ...(item.relatedUpdatedAt ?? []),
  ];
  const location = interview.location ? cleanIcsLine(interview.location) : '';
  const videoLink = safeIcsUri(interview.videoLink);
  const link = safeIcsUri(item.link);
  calendar.createEvent({
    id: eventUid(interview.id),
    sequence: deriveSequence(interview.createdAt, updates),
    stamp: new Date(now),
    created: interview.createdAt,
    lastModified: latest(updates),
    start: interview.startsAt,
    end: interview.endsAt,
    summary: cleanIcsLine(
      `${interviewTitle(interview.round)}: ${application.jobTitle} at ${item.companyName}`,
    ),
    location: location || videoLink || null,
    description: describeInterview(item, buffer, location, videoLink, link),
    url: link,
    transparency: ICalEventTransparency.OPAQUE,
    alarms: [
      {
        type: ICalAlarmType.display,
        trigger: buffer * 60,
        description: cleanIcsLine(
          `${leaveWord(location)} by ${localClock(interview.startsAt, buffer, interview.timeZone)}: ${interviewTitle(interview.round)} at ${item.companyName}`,
        ),
      },
    ],
  });
}

function addStep(calendar: ICalCalendar, item: FeedStep, now: Date | string): void {
  const { step } = item;
  const due = Temporal.Instant.from(step.dueAt);
  const common = {
    id: eventUid(step.id),
    sequence: deriveSequence(step.createdAt, [step.updatedAt, ...(item.relatedUpdatedAt ?? [])]),
    stamp: new Date(now),
    created: step.createdAt,
    lastModified: latest([step.updatedAt, ...(item.relatedUpdatedAt ?? [])]),
    summary: cleanIcsLine(item.title),
    description: describeStep(item),
    url: safeIcsUri(item.draftLink),
    transparency: ICalEventTransparency.TRANSPARENT,
  };
  if (item.allDay) {
    const date = due.toZonedDateTimeISO(item.timeZone).toPlainDate();
    // All-day DTEND is exclusive (RFC 5545 3.6.1): a one-day event ends on the next date.
    calendar.createEvent({
      ...common,
      allDay: true,
      start: date.toString(),
      end: date.add({ days: 1 }).toString(),
    });
    return;
  }
  calendar.createEvent({
    ...common,
    start: step.dueAt,
    end: new Date(due.add({ minutes: stepMinutes }).epochMilliseconds).toISOString(),
  });
}

function describeInterview(
  item: FeedInterview,
  buffer: number,
  location: string,
  videoLink: string | null,
  link: string | null,
): string {
  const { interview, application } = item;
  const lines = [
    `${interviewTitle(interview.round)} for ${application.jobTitle} at ${item.companyName}.`,
    `When: ${describeSpan(interview.startsAt, interview.endsAt, interview.timeZone)}`,
    `${leaveWord(location)} by ${localClock(interview.startsAt, buffer, interview.timeZone)} (${buffer} minutes before) so you ${location ? 'arrive early' : 'are ready on time'}.`,
  ];
  if (location) lines.push(`Where: ${location}`);
  if (videoLink) lines.push(`Video link: ${videoLink}`);
  if (item.interviewers.length > 0) {
    lines.push('Interviewers:');
    for (const person of item.interviewers) lines.push(`- ${describePerson(person)}`);
  }
  if (link) lines.push(`Application in hearback: ${link}`);
  const posting = safeIcsUri(application.postingUrl);
  if (posting) lines.push(`Job posting: ${posting}`);
  if (interview.notes.trim()) lines.push('', 'Notes:', interview.notes);
  return cleanIcsText(lines.join('\n'));
}

function describeStep(item: FeedStep): string {
  const lines = [item.explanation];
  if (item.step.channel) lines.push(`How: ${channelLabels[item.step.channel]}`);
  const draft = safeIcsUri(item.draftLink);
  if (draft) lines.push(`Draft: ${draft}`);
  return cleanIcsText(lines.join('\n'));
}

function describePerson(person: Contact): string {
  const role =
    person.role === 'interviewer' || person.role === 'other'
      ? ''
      : ` (${roleLabels[person.role].toLowerCase()})`;
  const email = person.email ? ` <${person.email}>` : '';
  return cleanIcsLine(`${person.name}${role}${email}`);
}

function leaveWord(location: string): string {
  return location ? 'Leave' : 'Be ready';
}

/** "Mon 2026-03-09, 14:00–15:00 (Europe/London)": the clock written out, the weekday from date-words. */
function describeSpan(startsAt: string, endsAt: string, timeZone: string): string {
  const start = Temporal.Instant.from(startsAt).toZonedDateTimeISO(timeZone);
  const end = Temporal.Instant.from(endsAt).toZonedDateTimeISO(timeZone);
  const day = (z: Temporal.ZonedDateTime) => formatWeekdayDate(z.toPlainDate().toString());
  const endText =
    Temporal.PlainDate.compare(start.toPlainDate(), end.toPlainDate()) === 0
      ? clock(end)
      : `${day(end)} ${clock(end)}`;
  return `${day(start)}, ${clock(start)}–${endText} (${timeZone})`;
}

function localClock(instant: string, minutesBefore: number, timeZone: string): string {
  return clock(
    Temporal.Instant.from(instant).subtract({ minutes: minutesBefore }).toZonedDateTimeISO(timeZone),
  );
}

function clock(z: Temporal.ZonedDateTime): string {
  return `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

function latest(instants: readonly string[]): string {
  return instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
