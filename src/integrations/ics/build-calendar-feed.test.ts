import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import type { CalendarFeedInput, FeedInterview, FeedStep } from '../../core/calendar-feed.js';
import type { Contact } from '../../core/contact.js';
import type { FollowUp } from '../../core/follow-up.js';
import type { Interview } from '../../core/interview.js';
import { buildCalendarFeed, buildInterviewIcs, deriveSequence } from './build-calendar-feed.js';
import { cleanIcsLine, cleanIcsText } from './ics-text.js';
import { lintIcs } from './lint-ics.js';

const created = '2026-03-01T09:00:00.000Z';
const now = '2026-03-02T10:00:00.000Z';

function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: '01JINTERVIEW0000000000000A',
    applicationId: '01JAPPLICATION00000000000A',
    round: 'technical',
    startsAt: '2026-03-06T15:00:00.000Z',
    endsAt: '2026-03-06T16:00:00.000Z',
    timeZone: 'America/New_York',
    location: 'Acme HQ, 5th floor',
    videoLink: null,
    interviewerIds: [],
    decisionDate: null,
    notes: '',
    topics: '',
    selfRating: null,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: '01JCONTACT0000000000000000',
    name: 'Dana Lee',
    role: 'hiring_manager',
    email: 'dana.lee@acme.example',
    phone: null,
    profileUrl: null,
    companyId: null,
    notes: '',
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

function step(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: '01JSTEP0000000000000000000',
    applicationId: '01JAPPLICATION00000000000A',
    kind: 'thank_you',
    dueAt: '2026-03-07T14:00:00.000Z',
    channel: 'email',
    status: 'planned',
    reason: 'within 24 hours of the interview',
    contactId: null,
    interviewId: null,
    origin: 'plan',
    planKey: null,
    snoozedUntil: null,
    completedAt: null,
    completionNote: null,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

function feedInterview(
  overrides: Partial<FeedInterview> = {},
  record: Partial<Interview> = {},
): FeedInterview {
  return {
    interview: interview(record),
    application: {
      id: '01JAPPLICATION00000000000A',
      jobTitle: 'Backend Engineer',
      postingUrl: 'https://jobs.acme.example/backend-engineer',
      updatedAt: created,
    },
    companyName: 'Acme',
    interviewers: [contact()],
    link: 'http://localhost:4310/applications/01JAPPLICATION00000000000A',
    ...overrides,
  };
}

function feedStep(overrides: Partial<FeedStep> = {}, record: Partial<FollowUp> = {}): FeedStep {
  return {
    step: step(record),
    title: 'Thank Dana Lee (Acme) for the interview',
    explanation: 'A thank-you note within 24 hours of the interview keeps you in mind.',
    draftLink: 'http://localhost:4310/follow-ups/01JSTEP0000000000000000000/draft',
    allDay: false,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

function feed(overrides: Partial<CalendarFeedInput> = {}): string {
  return buildCalendarFeed({
    calendarName: 'hearback',
    interviews: [feedInterview()],
    steps: [feedStep()],
    now,
    refreshMinutes: 60,
    ...overrides,
  });
}

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

function eventByUid(text: string, uid: string): ICAL.Event {
  const found = events(text).find((e) => e.uid === uid);
  if (!found) throw new Error(`no event ${uid}`);
  return found;
}

const interviewUid = '01JINTERVIEW0000000000000A@hearback';
const stepUid = '01JSTEP0000000000000000000@hearback';

describe('buildCalendarFeed', () => {
  it('writes a calendar ical.js reads back with the interview and the follow-up step', () => {
    const text = feed();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//hearback//hearback//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('hearback');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H');
    expect(events(text).map((e) => e.uid)).toEqual([interviewUid, stepUid]);

    const event = eventByUid(text, interviewUid);
    expect(event.summary).toBe('Technical interview: Backend Engineer at Acme');
    expect(event.location).toBe('Acme HQ, 5th floor');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-06T16:00:00.000Z');
    expect(event.description).toContain('Dana Lee (hiring manager) <dana.lee@acme.example>');
    expect(event.description).toContain(
      'Application in hearback: http://localhost:4310/applications/01JAPPLICATION00000000000A',
    );
    expect(event.description).toContain('Job posting: https://jobs.acme.example/backend-engineer');
    expect(event.component.getFirstPropertyValue('url')).toBe(
      'http://localhost:4310/applications/01JAPPLICATION00000000000A',
    );
    expect(String(event.component.getFirstPropertyValue('dtstamp'))).toBe('2026-03-02T10:00:00Z');
  });

  it('follows the safe profile: CRLF, short lines, required properties, refresh hints', () => {
    const text = feed();
    expect(lintIcs(text, { requireRefresh: true })).toEqual([]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toContain('TZID');
  });

  it('reminds the user to leave early, as an alarm and in the description', () => {
    const text = feed({ interviews: [feedInterview({ travelBufferMinutes: 45 })] });
    const event = eventByUid(text, interviewUid);
    const alarm = event.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT45M');
    expect(alarm?.getFirstPropertyValue('description')).toBe('Leave by 09:15: Technical interview at Acme');
    expect(event.description).toContain('Leave by 09:15 (45 minutes before) so you arrive early.');
  });

  it('defaults the travel buffer to 30 minutes and says "be ready" for a video-only interview', () => {
    const text = feed({
      interviews: [feedInterview({}, { location: null, videoLink: 'https://meet.google.com/abc-defg-hij' })],
    });
    const event = eventByUid(text, interviewUid);
    expect(String(event.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe(
      '-PT30M',
    );
    expect(event.location).toBe('https://meet.google.com/abc-defg-hij');
    expect(event.description).toContain('Be ready by 09:30 (30 minutes before) so you are ready on time.');
    expect(event.description).toContain('Video link: https://meet.google.com/abc-defg-hij');
  });

  it('refuses a travel buffer that is not a whole number of minutes within a day', () => {
    expect(() => feed({ interviews: [feedInterview({ travelBufferMinutes: -5 })] })).toThrow(
      /travelBufferMinutes/,
    );
    expect(() => feed({ interviews: [feedInterview({ travelBufferMinutes: 2.5 })] })).toThrow(
      /travelBufferMinutes/,
    );
    expect(() => feed({ refreshMinutes: 0 })).toThrow(/refreshMinutes/);
  });

  it('places interviews in three time zones and across DST changes at the right instant', () => {
    const cases = [
      // New York, the Friday before the US switch to daylight time (8 March 2026): EST, UTC-5.
      {
        id: 'ny-est',
        timeZone: 'America/New_York',
        startsAt: '2026-03-06T15:00:00.000Z',
        local: 'Fri 2026-03-06, 10:00–11:00',
      },
      // New York, the Monday after: EDT, UTC-4.
      {
        id: 'ny-edt',
        timeZone: 'America/New_York',
        startsAt: '2026-03-09T14:00:00.000Z',
        local: 'Mon 2026-03-09, 10:00–11:00',
      },
      // Berlin, the day after the EU switch (29 March 2026): CEST, UTC+2.
      {
        id: 'berlin',
        timeZone: 'Europe/Berlin',
        startsAt: '2026-03-30T08:00:00.000Z',
        local: 'Mon 2026-03-30, 10:00–11:00',
      },
      // Tokyo has no DST: UTC+9.
      {
        id: 'tokyo',
        timeZone: 'Asia/Tokyo',
        startsAt: '2026-03-10T01:00:00.000Z',
        local: 'Tue 2026-03-10, 10:00–11:00',
      },
      // Sydney, the day after daylight time ends (5 April 2026): AEST, UTC+10.
      {
        id: 'sydney',
        timeZone: 'Australia/Sydney',
        startsAt: '2026-04-06T00:00:00.000Z',
        local: 'Mon 2026-04-06, 10:00–11:00',
      },
    ];
    const text = feed({
      steps: [],
      interviews: cases.map((c) =>
        feedInterview(
          {},
          {
            id: c.id,
            timeZone: c.timeZone,
            startsAt: c.startsAt,
            endsAt: new Date(Date.parse(c.startsAt) + 3_600_000).toISOString(),
          },
        ),
      ),
    });
    expect(lintIcs(text)).toEqual([]);
    for (const c of cases) {
      const event = eventByUid(text, `${c.id}@hearback`);
      expect(event.startDate.toJSDate().toISOString()).toBe(c.startsAt);
      expect(event.description).toContain(`When: ${c.local} (${c.timeZone})`);
      expect(event.description).toContain('Leave by 09:30');
    }
  });

  it('shows an interview that spans the switch to daylight time with its real local clock', () => {
    // 01:30 EST to 03:30 EDT on 8 March 2026 is one hour long.
    const text = feed({
      steps: [],
      interviews: [
        feedInterview({}, { startsAt: '2026-03-08T06:30:00.000Z', endsAt: '2026-03-08T07:30:00.000Z' }),
      ],
    });
    const event = eventByUid(text, interviewUid);
    expect(event.duration.toSeconds()).toBe(3600);
    expect(event.description).toContain('When: Sun 2026-03-08, 01:30–03:30 (America/New_York)');
  });

  it('gives the same UIDs and the same text when regenerated from the same records', () => {
    const first = feed();
    const second = feed();
    expect(second).toBe(first);
    expect(events(feed({ now: '2026-03-05T00:00:00.000Z' })).map((e) => e.uid)).toEqual(
      events(first).map((e) => e.uid),
    );
  });

  it('keeps the UID of an edited interview and bumps its SEQUENCE', () => {
    const before = eventByUid(feed(), interviewUid);
    const edited = feed({
      interviews: [
        feedInterview(
          {},
          {
            startsAt: '2026-03-06T17:00:00.000Z',
            endsAt: '2026-03-06T18:00:00.000Z',
            updatedAt: '2026-03-03T08:00:00.000Z',
          },
        ),
      ],
    });
    const after = eventByUid(edited, interviewUid);
    expect(before.sequence).toBe(0);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startDate.toJSDate().toISOString()).toBe('2026-03-06T17:00:00.000Z');
  });

  it('bumps SEQUENCE when a renamed interviewer or application changes what the event shows', () => {
    const renamed = feed({
      interviews: [
        feedInterview({
          interviewers: [contact({ name: 'Dana Lee-Park', updatedAt: '2026-03-04T00:00:00.000Z' })],
        }),
      ],
    });
    expect(eventByUid(renamed, interviewUid).sequence).toBeGreaterThan(0);
  });

  it('leaves a deleted interview out of the feed', () => {
    const second = feedInterview({}, { id: 'second-interview' });
    const both = feed({ interviews: [feedInterview(), second] });
    const afterDelete = feed({ interviews: [second] });
    expect(events(both).map((e) => e.uid)).toContain(interviewUid);
    expect(events(afterDelete).map((e) => e.uid)).toEqual(['second-interview@hearback', stepUid]);
  });

  it('puts a follow-up step at its due time with a clear title, the explanation and the draft link', () => {
    const text = feed({ interviews: [] });
    const event = eventByUid(text, stepUid);
    expect(event.summary).toBe('Thank Dana Lee (Acme) for the interview');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(event.duration.toSeconds()).toBe(15 * 60);
    expect(event.description).toBe(
      'A thank-you note within 24 hours of the interview keeps you in mind.\nHow: Email\nDraft: http://localhost:4310/follow-ups/01JSTEP0000000000000000000/draft',
    );
    expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('leaves done and skipped steps out, keeps snoozed ones at their new time', () => {
    const text = feed({
      interviews: [],
      steps: [
        feedStep({}, { id: 'done', status: 'done', completedAt: now }),
        feedStep({}, { id: 'skipped', status: 'skipped', completedAt: now }),
        feedStep({}, { id: 'snoozed', status: 'snoozed', dueAt: '2026-03-09T14:00:00.000Z' }),
      ],
    });
    expect(events(text).map((e) => [e.uid, e.startDate.toJSDate().toISOString()])).toEqual([
      ['snoozed@hearback', '2026-03-09T14:00:00.000Z'],
    ]);
  });

  it('makes an all-day step on the local due date, with an exclusive DTEND on the next day', () => {
    // 03:00 UTC on 11 March is still 10 March in Los Angeles.
    const text = feed({
      interviews: [],
      steps: [
        feedStep({ allDay: true, timeZone: 'America/Los_Angeles' }, { dueAt: '2026-03-11T03:00:00.000Z' }),
      ],
    });
    expect(text).toContain('DTSTART;VALUE=DATE:20260310\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20260311\r\n');
    const event = eventByUid(text, stepUid);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-10');
    expect(lintIcs(text)).toEqual([]);
  });

  it('folds long multi-byte text at 75 octets without splitting a character', () => {
    const long = 'Entretien technique — 面接の詳細について確認してください 🎉🧑🏽‍💻 '.repeat(20);
    const text = feed({ interviews: [feedInterview({}, { notes: long, location: long.slice(0, 400) })] });
    const bytes = new TextEncoder().encode(text);
    expect(lintIcs(bytes)).toEqual([]);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(eventByUid(text, interviewUid).description).toContain(long.trim());
  });

  it('derives SEQUENCE as whole seconds since creation, never negative', () => {
    expect(deriveSequence(created, [created])).toBe(0);
    expect(deriveSequence(created, ['2026-03-01T09:00:05.900Z'])).toBe(5);
    expect(deriveSequence(created, ['2025-01-01T00:00:00.000Z'])).toBe(0);
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 10 ** 9 }), (a, b) => {
        const first = new Date(Date.parse(created) + Math.min(a, b)).toISOString();
        const later = new Date(Date.parse(created) + Math.max(a, b)).toISOString();
        return deriveSequence(created, [later]) >= deriveSequence(created, [first]);
      }),
    );
  });
});

describe('buildInterviewIcs', () => {
  it('writes one interview as a download that is lint-clean and has no refresh hints', () => {
    const text = buildInterviewIcs({ ...feedInterview(), now });
    expect(lintIcs(text)).toEqual([]);
    expect(text).not.toContain('REFRESH-INTERVAL');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Acme interview');
    expect(events(text).map((e) => e.uid)).toEqual([interviewUid]);
  });
});

/** The characters and fragments most likely to break the structure, mixed with ordinary text. */
const hostilePieces = [
  '\r\n',
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u0000',
  '\u001b',
  '\t',
  'BEGIN:VEVENT',
  'END:VEVENT',
  'END:VCALENDAR',
  'BEGIN:VALARM',
  'UID:evil@attacker',
  'X-INJECTED:1',
  'ATTENDEE:mailto:evil@attacker.example',
  ':',
  ';',
  ',',
  '\\',
  '\\n',
  '"',
  ' ',
  'é',
  '😀',
  '\uD800',
  'a',
];

function hostileFeed(value: string): { text: string; expectedSummary: string } {
  const text = buildCalendarFeed({
    calendarName: value,
    interviews: [
      feedInterview(
        {
          companyName: value,
          interviewers: [contact({ name: value, email: null })],
          application: { id: 'a', jobTitle: value, postingUrl: null, updatedAt: created },
        },
        { location: value, notes: value },
      ),
    ],
    steps: [feedStep({ title: value, explanation: value })],
    now,
    refreshMinutes: 60,
  });
  return { text, expectedSummary: cleanIcsLine(`Technical interview: ${value} at ${value}`) };
}

const expectedInterviewProperties = [
  'created',
  'description',
  'dtend',
  'dtstamp',
  'dtstart',
  'last-modified',
  'location',
  'sequence',
  'summary',
  'transp',
  'uid',
  'url',
];

function assertStructureIntact(value: string): void {
  const { text, expectedSummary } = hostileFeed(value);
  expect(lintIcs(text, { requireRefresh: true }), JSON.stringify(value)).toEqual([]);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vevent', 'vevent']);
  const [interviewEvent, stepEvent] = calendar.getAllSubcomponents('vevent');
  const names = (c: ICAL.Component | undefined) =>
    [...new Set(c?.getAllProperties().map((p) => p.name))].sort();
  const hasLocation = cleanIcsLine(value) !== '';
  expect(names(interviewEvent)).toEqual(
    expectedInterviewProperties.filter((n) => hasLocation || n !== 'location'),
  );
  expect(interviewEvent?.getAllSubcomponents().map((c) => c.name)).toEqual(['valarm']);
  expect(interviewEvent?.getFirstPropertyValue('uid')).toBe(interviewUid);
  expect(interviewEvent?.getFirstPropertyValue('summary')).toBe(expectedSummary);
  expect(String(interviewEvent?.getFirstPropertyValue('description'))).toContain(cleanIcsText(value));
  expect(stepEvent?.getFirstPropertyValue('uid')).toBe(stepUid);
  expect(stepEvent?.getAllSubcomponents()).toEqual([]);
}

describe('hostile text in the feed', () => {
  it('cannot add properties or components, whatever the text (property test)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...hostilePieces), { maxLength: 12 }).map((parts) => parts.join('')),
          fc.string({ unit: 'binary', maxLength: 60 }),
        ),
        (value) => assertStructureIntact(value),
      ),
      { numRuns: 100 },
    );
  });

  it('escapes a calendar name the writer library would leave raw', () => {
    const text = feed({ calendarName: 'Jordan\r\nX-INJECTED:1;\\,' });
    expect(text).toContain('X-WR-CALNAME:Jordan X-INJECTED:1\\;\\\\\\,\r\n');
    expect(lintIcs(text)).toEqual([]);
  });
});

const corpora = hasCorpora();
if (!corpora) console.warn(corporaSkipMessage);

function corpusStrings(): string[] {
  const blns = JSON.parse(fs.readFileSync(corpusPath('payloads', 'blns', 'blns.json'), 'utf8')) as string[];
  const crlf = fs
    .readFileSync(corpusPath('payloads', 'payloadsallthethings', 'crlf', 'crlfinjection.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const decoded = crlf.map((line) => {
    try {
      return decodeURIComponent(line);
    } catch {
      return line.replace(/%0d/gi, '\r').replace(/%0a/gi, '\n');
    }
  });
  return [...blns, ...crlf, ...decoded];
}

describe.skipIf(!corpora)('hostile strings from the shared corpora in the feed', () => {
  it('keep the structure intact for every naughty string and CRLF payload', () => {
    const strings = corpusStrings();
    expect(strings.length).toBeGreaterThan(500);
    for (const value of strings) assertStructureIntact(value);
  });
});

/**
 * Python's icalendar (Debian python3-icalendar) as a second, independent reader. Debian's interpreter is
 * asked for first: a pyenv `python3` earlier on PATH lacks the Debian packages.
 */
function findPythonWithIcalendar(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import icalendar'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const python = findPythonWithIcalendar();
if (!python)
  console.warn('python3 with the icalendar package not found; skipping the Python icalendar cross-check');

const pythonReader = `
import sys, json, datetime, icalendar

def iso(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return 'floating:' + value.isoformat()
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None

out = []
for text in json.load(sys.stdin):
    cal = icalendar.Calendar.from_ical(text)
    errors = [e for c in cal.walk() for e in getattr(c, 'errors', [])]
    events = []
    for ev in cal.walk('VEVENT'):
        alarms = [a for a in ev.walk('VALARM')]
        events.append({
            'uid': str(ev.get('UID')),
            'summary': str(ev.get('SUMMARY', '')),
            'description': str(ev.get('DESCRIPTION', '')),
            'sequence': int(ev.get('SEQUENCE', 0)),
            'start': iso(ev.decoded('DTSTART')),
            'end': iso(ev.decoded('DTEND')) if 'DTEND' in ev else None,
            'properties': sorted(ev.keys()),
            'alarms': [int(a.decoded('TRIGGER').total_seconds()) for a in alarms],
        })
    out.append({
        'method': str(cal.get('METHOD')),
        'refresh': str(cal.get('REFRESH-INTERVAL')),
        'components': [c.name for c in cal.walk()],
        'errors': [str(e) for e in errors],
        'events': events,
    })
print(json.dumps(out))
`;

type PythonCalendar = {
  method: string;
  refresh: string;
  components: string[];
  errors: string[];
  events: {
    uid: string;
    summary: string;
    description: string;
    sequence: number;
    start: string | null;
    end: string | null;
    properties: string[];
    alarms: number[];
  }[];
};

function readWithPython(texts: readonly string[]): PythonCalendar[] {
  const result = spawnSync(python ?? 'python3', ['-c', pythonReader], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python icalendar failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PythonCalendar[];
}

describe.skipIf(!python)('the feed read by Python icalendar', () => {
  it('reads the events, times, sequence, alarm and all-day dates we wrote', () => {
    const text = feed({
      interviews: [feedInterview({}, { updatedAt: '2026-03-01T09:00:42.000Z' })],
      steps: [
        feedStep({ allDay: true, timeZone: 'America/Los_Angeles' }, { dueAt: '2026-03-11T03:00:00.000Z' }),
      ],
    });
    const [calendar] = readWithPython([text]);
    expect(calendar?.errors).toEqual([]);
    expect(calendar?.method).toBe('PUBLISH');
    expect(calendar?.components).toEqual(['VCALENDAR', 'VEVENT', 'VALARM', 'VEVENT']);
    expect(calendar?.events).toEqual([
      expect.objectContaining({
        uid: interviewUid,
        summary: 'Technical interview: Backend Engineer at Acme',
        sequence: 42,
        start: '2026-03-06T15:00:00Z',
        end: '2026-03-06T16:00:00Z',
        alarms: [-1800],
      }),
      expect.objectContaining({ uid: stepUid, start: '2026-03-10', end: '2026-03-11', alarms: [] }),
    ]);
    expect(calendar?.events[0]?.description).toContain('Leave by 09:30');
  });

  it('sees interviews in several time zones at the same instants as ical.js', () => {
    const starts = ['2026-03-06T15:00:00.000Z', '2026-03-09T14:00:00.000Z', '2026-03-30T08:00:00.000Z'];
    const zones = ['America/New_York', 'America/New_York', 'Europe/Berlin'];
    const text = feed({
      steps: [],
      interviews: starts.map((startsAt, i) =>
        feedInterview(
          {},
          {
            id: `i${i}`,
            startsAt,
            timeZone: zones[i],
            endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          },
        ),
      ),
    });
    const [calendar] = readWithPython([text]);
    expect(calendar?.events.map((e) => e.start)).toEqual(starts.map((s) => s.replace('.000Z', 'Z')));
  });

  it('finds no extra property or component in feeds full of hostile text', () => {
    const samples = fc.sample(
      fc.array(fc.constantFrom(...hostilePieces), { maxLength: 12 }).map((p) => p.join('')),
      60,
    );
    // The corpus strings that hold a line break, a control character or an iCalendar separator: the rest
    // cannot reach the structure, and reading every one through Python costs seconds.
    const structural = /[\u0000-\u001f\u007f-\u009f\u2028\u2029:;,\\"]/;
    const values = corpora ? [...samples, ...corpusStrings().filter((v) => structural.test(v))] : samples;
    const calendars = readWithPython(values.map((v) => hostileFeed(v).text));
    calendars.forEach((calendar, i) => {
      const value = values[i] ?? '';
      const label = JSON.stringify(value);
      expect(calendar.errors, label).toEqual([]);
      expect(calendar.components, label).toEqual(['VCALENDAR', 'VEVENT', 'VALARM', 'VEVENT']);
      expect(
        calendar.events.map((e) => e.uid),
        label,
      ).toEqual([interviewUid, stepUid]);
      const expected = expectedInterviewProperties
        .filter((n) => cleanIcsLine(value) !== '' || n !== 'location')
        .map((n) => n.toUpperCase());
      expect(calendar.events[0]?.properties, label).toEqual(expected);
      // icalendar 4 (Debian 12) decodes escaped backslashes wrongly (two in a row become one, one before "n"
      // becomes a newline); ical.js checks those values exactly above, so only backslash-free text is compared.
      if (!value.includes('\\')) {
        expect(calendar.events[0]?.summary, label).toBe(hostileFeed(value).expectedSummary);
      }
    });
  });
});
