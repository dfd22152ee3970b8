import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { InterviewInvitation } from '../../core/invitation.js';
import { isValidTimeZone } from '../../core/time-zone.js';
import { buildInterviewIcs } from './build-calendar-feed.js';
import { parseInvitation } from './parse-invitation.js';
import { findVideoLink } from './video-links.js';
import { resolveTimeZoneId, windowsTimeZones } from './windows-time-zones.js';

const userEmail = 'jordan.smith@example.com';

function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

function only(icsText: string, options: Parameters<typeof parseInvitation>[1] = {}): InterviewInvitation {
  const invitations = parseInvitation(icsText, { userEmail, defaultTimeZone: 'America/Chicago', ...options });
  expect(invitations).toHaveLength(1);
  return invitations[0]!;
}

function calendar(...lines: string[]): string {
  return `${['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

function vevent(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'UID:u1', 'DTSTAMP:20260301T000000Z', 'SUMMARY:Interview', ...lines, 'END:VEVENT'];
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('parseInvitation: producers', () => {
  it('reads a Google Calendar invitation: IANA TZID after the US DST change, Meet link, guests', () => {
    const invitation = only(fixture('google-invite.ics'));
    expect(invitation).toMatchObject({
      uid: '7kukuqrfedlm2f9t0vr42bdkh1@google.com',
      method: 'REQUEST',
      isCancelled: false,
      summary: 'Technical interview – Jordan Smith / Acme',
      // 10:00 EDT (UTC-4): the US switched to daylight time on 8 March 2026.
      startsAt: '2026-03-10T14:00:00.000Z',
      endsAt: '2026-03-10T15:00:00.000Z',
      timeZone: 'America/New_York',
      timeZoneSource: 'event',
      sourceTimeZoneId: 'America/New_York',
      allDay: false,
      floating: false,
      location: null,
      videoLink: 'https://meet.google.com/abc-defg-hij',
      organizer: { name: 'Dana Lee', email: 'dana.lee@acme-corp.com' },
      attendees: [
        { name: 'Dana Lee', email: 'dana.lee@acme-corp.com' },
        { name: 'Sam Patel', email: 'sam.patel@acme-corp.com' },
      ],
      warnings: [],
    });
    expect(invitation.description).toContain('looking forward to our chat about the Backend Engineer role.');
  });

  it('reads an Outlook/Exchange invitation: Windows TZID after the EU DST change, Teams link in the text', () => {
    const invitation = only(fixture('outlook-invite.ics'));
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      summary: 'Panel interview – Contoso',
      // 10:00 CEST (UTC+2): the EU switched to summer time on 29 March 2026.
      startsAt: '2026-03-30T08:00:00.000Z',
      endsAt: '2026-03-30T09:30:00.000Z',
      timeZone: 'Europe/Berlin',
      sourceTimeZoneId: 'W. Europe Standard Time',
      location: null,
      organizer: { name: 'Kim Weber', email: 'kim.weber@contoso.de' },
      attendees: [
        { name: 'Lars Berg', email: 'lars.berg@contoso.de' },
        { name: 'Weber, Kim', email: 'kim.weber@contoso.de' },
      ],
      warnings: [],
    });
    expect(invitation.videoLink).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NzQ2.*%22%7d$/,
    );
  });

  it('reads an Outlook cancellation: METHOD:CANCEL, Pacific time after DST ends, X-MICROSOFT-ONLINEMEETINGURL', () => {
    const invitation = only(fixture('outlook-cancel.ics'));
    expect(invitation).toMatchObject({
      method: 'CANCEL',
      isCancelled: true,
      sequence: 2,
      // 09:00 PST (UTC-8): US daylight time ended on 1 November 2026.
      startsAt: '2026-11-02T17:00:00.000Z',
      timeZone: 'America/Los_Angeles',
      location: 'Initech HQ, 4120 Freidrich Ln, Austin',
      videoLink:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_YjQ1ZDk3OGEtN2E2Yy00NzZmLWE1ODUtMjM3ZjE5NzM4ZDZj%40thread.v2/0',
      attendees: [],
    });
  });

  it('reads a scheduling tool invitation in UTC, guessing the zone from the user, the link from LOCATION', () => {
    const invitation = only(fixture('calendly-invite.ics'));
    expect(invitation).toMatchObject({
      summary: 'Phone Screen between Jordan Smith and Priya Shah',
      startsAt: '2026-03-12T17:00:00.000Z',
      endsAt: '2026-03-12T17:30:00.000Z',
      timeZone: 'America/Chicago',
      timeZoneSource: 'user',
      location: null,
      videoLink: 'https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu',
      organizer: { name: 'Priya Shah', email: 'priya.shah@globex.io' },
      attendees: [{ name: 'Priya Shah', email: 'priya.shah@globex.io' }],
      warnings: [],
    });
  });

  it('takes a UTC file’s zone from X-WR-TIMEZONE when the calendar names one', () => {
    const text = fixture('calendly-invite.ics').replace(
      'METHOD:REQUEST',
      'METHOD:REQUEST\r\nX-WR-TIMEZONE:Europe/London',
    );
    expect(only(text)).toMatchObject({ timeZone: 'Europe/London', timeZoneSource: 'calendar' });
  });

  it('places an all-day event at midnight in the user’s zone, with a warning', () => {
    const invitation = only(fixture('all-day.ics'));
    expect(invitation).toMatchObject({
      allDay: true,
      startsAt: '2026-03-16T05:00:00.000Z',
      endsAt: '2026-03-17T05:00:00.000Z',
      location: 'Initech, 4120 Freidrich Ln, Austin TX',
    });
    expect(invitation.warnings).toEqual([
      '"Onsite at Initech (full day)" is an all-day event with no time; it is placed at midnight America/Chicago: set the real time',
    ]);
  });

  it('reads a floating time in the user’s zone with a warning, honours DURATION and skips rooms', () => {
    const invitation = only(fixture('floating.ics'));
    expect(invitation).toMatchObject({
      floating: true,
      startsAt: '2026-03-18T20:00:00.000Z',
      endsAt: '2026-03-18T20:45:00.000Z',
      attendees: [
        { name: 'Ada Wong', email: 'ada.wong@umbrella.example' },
        { name: 'Leon Kennedy', email: 'leon.kennedy@umbrella.example' },
      ],
    });
    expect(invitation.warnings).toEqual([
      '"Final round with Umbrella" has a floating time (no time zone); it was read as America/Chicago time: check it',
    ]);
  });

  it('keeps the user among the attendees when their address is not given', () => {
    const [invitation] = parseInvitation(fixture('calendly-invite.ics'));
    expect(invitation?.attendees.map((a) => a.email)).toEqual([
      'jordan.smith@example.com',
      'priya.shah@globex.io',
    ]);
  });
});

describe('parseInvitation: time zones', () => {
  const displayNameZone = [
    'BEGIN:VTIMEZONE',
    'TZID:(UTC+01:00) Amsterdam\\, Berlin\\, Bern\\, Rome\\, Stockholm\\, Vienna',
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];

  it('uses the file’s VTIMEZONE for a zone it cannot name, and says the zone shown is a guess', () => {
    const tzid = '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"';
    const text = calendar(
      ...displayNameZone.map((l) => (l.startsWith('TZID:') ? `TZID:${tzid.slice(1, -1)}` : l)),
      ...vevent(`DTSTART;TZID=${tzid}:20260327T100000`, `DTEND;TZID=${tzid}:20260327T110000`),
    );
    const invitation = only(text);
    // 27 March 2026 is before the EU switch: CET, UTC+1.
    expect(invitation.startsAt).toBe('2026-03-27T09:00:00.000Z');
    expect(invitation.timeZone).toBe('America/Chicago');
    expect(invitation.timeZoneSource).toBe('user');
    expect(invitation.warnings[0]).toMatch(/is not one we know by name; the times are right/);
  });

  it('resolves an IANA or Windows TZID without a VTIMEZONE through the time zone database', () => {
    const windows = only(
      calendar(
        ...vevent(
          'DTSTART;TZID=Tokyo Standard Time:20260310T100000',
          'DTEND;TZID=Tokyo Standard Time:20260310T110000',
        ),
      ),
    );
    expect(windows).toMatchObject({
      startsAt: '2026-03-10T01:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      warnings: [],
    });
    const prefixed = only(
      calendar(
        ...vevent('DTSTART;TZID=/mozilla.org/20050126_1/Australia/Sydney:20260406T100000', 'DURATION:PT1H'),
      ),
    );
    expect(prefixed).toMatchObject({ startsAt: '2026-04-06T00:00:00.000Z', timeZone: 'Australia/Sydney' });
  });

  it('reads an unknown TZID with no definition as the user’s zone, with a warning', () => {
    const invitation = only(
      calendar(...vevent('DTSTART;TZID=Mars Standard Time:20260310T100000', 'DURATION:PT1H')),
    );
    expect(invitation.startsAt).toBe('2026-03-10T15:00:00.000Z');
    expect(invitation.warnings[0]).toMatch(/"Mars Standard Time" is unknown/);
  });

  it('gives an event without an end one hour, with a warning', () => {
    const invitation = only(calendar(...vevent('DTSTART:20260310T100000Z')));
    expect(invitation.endsAt).toBe('2026-03-10T11:00:00.000Z');
    expect(invitation.warnings).toEqual([
      '"Interview" has no end time after its start; it was given one hour: check it',
    ]);
  });

  it('maps every Windows zone in the table to a zone the runtime knows', () => {
    expect(Object.keys(windowsTimeZones).length).toBeGreaterThan(90);
    for (const [windows, iana] of Object.entries(windowsTimeZones)) {
      expect(isValidTimeZone(iana), `${windows} → ${iana}`).toBe(true);
    }
    expect(resolveTimeZoneId('Pacific Standard Time')).toEqual({
      timeZone: 'America/Los_Angeles',
      via: 'windows',
    });
    expect(resolveTimeZoneId('w. europe standard time')).toEqual({
      timeZone: 'Europe/Berlin',
      via: 'windows',
    });
    expect(resolveTimeZoneId('tzone://Microsoft/Utc')).toEqual({ timeZone: 'UTC', via: 'windows' });
    expect(resolveTimeZoneId('/citadel.org/20190914_1/America/New_York')).toEqual({
      timeZone: 'America/New_York',
      via: 'iana',
    });
    expect(resolveTimeZoneId('EST')).toBeUndefined();
    expect(resolveTimeZoneId('+01:00')).toBeUndefined();
  });
});

describe('parseInvitation: bad input', () => {
  it('refuses a file over the size limit', () => {
    const big = calendar(...vevent('DTSTART:20260310T100000Z', `DESCRIPTION:${'x'.repeat(2_000)}`));
    expect(codeOf(() => parseInvitation(big, { maxBytes: 1_000 }))).toMatch(
      /^VALIDATION_FAILED: ics: the file is \d+ bytes; an invitation may be at most 1000 bytes$/,
    );
  });

  it('refuses binary data, other text, an empty calendar and broken lines with clear messages', () => {
    expect(codeOf(() => parseInvitation('BEGIN:VCALENDAR\r\n\u0000\u0001\u0002'))).toBe(
      'VALIDATION_FAILED: ics: not an iCalendar file: it contains binary data',
    );
    expect(codeOf(() => parseInvitation('<html><body>Your interview</body></html>'))).toBe(
      'VALIDATION_FAILED: ics: not an iCalendar file: it should start with BEGIN:VCALENDAR',
    );
    expect(codeOf(() => parseInvitation(calendar()))).toBe(
      'VALIDATION_FAILED: ics: the file has no events (VEVENT) to import',
    );
    expect(codeOf(() => parseInvitation(calendar('this is not a content line')))).toMatch(
      /^VALIDATION_FAILED: ics: not a readable iCalendar file: /,
    );
    expect(codeOf(() => parseInvitation(calendar(...vevent())))).toBe(
      'VALIDATION_FAILED: ics: the event "Interview" has no start time (DTSTART)',
    );
    expect(codeOf(() => parseInvitation(calendar(...vevent('DTSTART:tomorrow at ten'))))).toMatch(
      /^VALIDATION_FAILED: ics: /,
    );
  });

  it('refuses dates that do not exist, naming the line and the value, where parsers would roll them over', () => {
    const refusal = (...lines: string[]) => codeOf(() => parseInvitation(calendar(...vevent(...lines))));
    // Line 8: the calendar's three lines, then BEGIN:VEVENT, UID, DTSTAMP and SUMMARY.
    expect(refusal('DTSTART:20260230T100000Z')).toBe(
      'VALIDATION_FAILED: ics: line 8: DTSTART "20260230T100000Z" is not a real date or date-time',
    );
    expect(refusal('DTSTART:20261340T999999Z')).toBe(
      'VALIDATION_FAILED: ics: line 8: DTSTART "20261340T999999Z" is not a real date or date-time',
    );
    const start = 'DTSTART:20260302T100000Z';
    expect(refusal(start, 'DTEND:20260302T240000Z')).toMatch(/line 9: DTEND "20260302T240000Z"/);
    expect(refusal(start, 'DTEND;TZID=Europe/Berlin:20260431T100000')).toMatch(
      /line 9: DTEND "20260431T100000"/,
    );
    expect(refusal(start, 'DTEND;VALUE=DATE:20250229')).toMatch(/line 9: DTEND "20250229"/);
    expect(refusal(start, 'RECURRENCE-ID:20260300T100000Z')).toMatch(
      /line 9: RECURRENCE-ID "20260300T100000Z"/,
    );
    expect(refusal(start, 'DUE:20260302T106000Z')).toMatch(/line 9: DUE "20260302T106000Z"/);
    expect(refusal(start, 'EXDATE:20260309T100000Z,20260332T100000Z')).toMatch(/line 9: EXDATE "/);
    expect(refusal(start, 'RDATE;VALUE=PERIOD:20260309T100000Z/20260309T250000Z')).toMatch(/line 9: RDATE "/);
    expect(refusal(start, 'BEGIN:VALARM', 'TRIGGER;VALUE=DATE-TIME:20260229T090000Z', 'END:VALARM')).toMatch(
      /line 10: TRIGGER "20260229T090000Z"/,
    );
    expect(refusal('DTSTART:2026023', ' 0T100000Z')).toMatch(/line 8: DTSTART "20260230T100000Z"/);
    expect(refusal(start, 'LAST-MODIFIED:yesterday')).toMatch(/line 9: LAST-MODIFIED "yesterday"/);
  });

  it('reads the real edges of the calendar: 29 February of a leap year, 23:59:60, PERIOD with a duration', () => {
    const invitation = only(
      calendar(
        ...vevent(
          'DTSTART:20280229T100000Z',
          'DTEND:20280229T235960Z',
          'RDATE;VALUE=PERIOD:20280301T100000Z/PT1H',
          'EXDATE;VALUE=DATE:20280301',
        ),
      ),
    );
    expect(invitation.startsAt).toBe('2028-02-29T10:00:00.000Z');
  });

  it('answers any input with invitations or a validation error, never a crash (property)', () => {
    const piece = fc.constantFrom(
      'BEGIN:VEVENT',
      'END:VEVENT',
      'BEGIN:VTIMEZONE',
      'END:VTIMEZONE',
      'DTSTART:20260310T100000Z',
      'DTSTART;TZID=X:20260310T100000',
      'DTSTART;VALUE=DATE:2026',
      'DTEND:2026',
      'DURATION:P',
      'ATTENDEE;CN="a:b":mailto:',
      'ORGANIZER:',
      'TZID:X',
      'RRULE:FREQ=',
      ' folded',
      'X-GOOGLE-CONFERENCE:https://',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 15 }), (lines) => {
        const text = `BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
        const result = codeOf(() => parseInvitation(text));
        return result === 'no error' || result.startsWith('VALIDATION_FAILED: ');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseInvitation: our own download', () => {
  it('reads back the interview buildInterviewIcs wrote', () => {
    const text = buildInterviewIcs({
      interview: {
        id: 'i1',
        applicationId: 'a1',
        round: 'onsite',
        startsAt: '2026-03-30T08:00:00.000Z',
        endsAt: '2026-03-30T10:00:00.000Z',
        timeZone: 'Europe/Berlin',
        location: 'Contoso, Unter den Linden 1; 3rd floor',
        videoLink: null,
        interviewerIds: [],
        decisionDate: null,
        notes: '',
        topics: '',
        selfRating: null,
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
      application: {
        id: 'a1',
        jobTitle: 'Platform Engineer',
        postingUrl: null,
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
      companyName: 'Contoso',
      interviewers: [],
      link: null,
      now: '2026-03-02T00:00:00.000Z',
    });
    expect(only(text)).toMatchObject({
      uid: 'i1@hearback',
      method: 'PUBLISH',
      summary: 'On-site interview: Platform Engineer at Contoso',
      startsAt: '2026-03-30T08:00:00.000Z',
      endsAt: '2026-03-30T10:00:00.000Z',
      location: 'Contoso, Unter den Linden 1; 3rd floor',
    });
  });
});

describe('findVideoLink', () => {
  it('finds Zoom, Meet, Teams and Webex links and trims what follows them', () => {
    expect(findVideoLink(['Join: https://acme.zoom.us/j/123456789?pwd=abc.'])).toBe(
      'https://acme.zoom.us/j/123456789?pwd=abc',
    );
    expect(findVideoLink(['(https://meet.google.com/abc-defg-hij)'])).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
    expect(findVideoLink(['<https://teams.live.com/meet/9876543210>'])).toBe(
      'https://teams.live.com/meet/9876543210',
    );
    expect(findVideoLink(['https://acme.webex.com/meet/dana'])).toBe('https://acme.webex.com/meet/dana');
  });

  it('ignores provider pages that are not meetings, and looks in the texts in order', () => {
    expect(findVideoLink(['https://zoom.us/pricing', 'https://support.google.com/meet'])).toBeNull();
    expect(findVideoLink([null, 'https://meet.google.com/aaa-bbbb-ccc', 'https://zoom.us/j/1'])).toBe(
      'https://meet.google.com/aaa-bbbb-ccc',
    );
  });
});
