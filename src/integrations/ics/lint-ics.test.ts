import { describe, expect, it } from 'vitest';
import { type IcsRule, lintIcs } from './lint-ics.js';

const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hearback//hearback//EN', 'METHOD:PUBLISH'];

function event(...lines: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    'UID:1@hearback',
    'DTSTAMP:20260302T100000Z',
    'DTSTART:20260310T140000Z',
    'DTEND:20260310T150000Z',
    'SUMMARY:Interview',
    ...lines,
    'END:VEVENT',
  ];
}

function calendar(...lines: string[]): string {
  return `${[...header, ...lines, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

function rules(text: string | Uint8Array, options?: Parameters<typeof lintIcs>[1]): IcsRule[] {
  return lintIcs(text, options).map((p) => p.rule);
}

describe('lintIcs', () => {
  it('accepts a calendar that follows the profile', () => {
    expect(lintIcs(calendar(...event()))).toEqual([]);
  });

  it('reports bare LF, bare CR and a missing final CRLF with their line numbers', () => {
    const text = calendar(...event()).replace('VERSION:2.0\r\n', 'VERSION:2.0\n');
    expect(lintIcs(text)).toContainEqual({
      rule: 'line-ending',
      line: 2,
      message: 'a bare LF; lines must end with CRLF',
    });
    expect(rules(calendar(...event('DESCRIPTION:a\rb')))).toContain('line-ending');
    expect(rules(calendar(...event()).replace(/\r\n$/, ''))).toEqual(['line-ending']);
  });

  it('reports a line over 75 octets, counting bytes, not characters', () => {
    const ascii = `DESCRIPTION:${'a'.repeat(63)}`;
    expect(rules(calendar(...event(ascii)))).toEqual([]);
    expect(rules(calendar(...event(`${ascii}a`)))).toEqual(['line-length']);
    const accents = `DESCRIPTION:${'é'.repeat(32)}`;
    expect(rules(calendar(...event(accents)))).toEqual(['line-length']);
  });

  it('reports a fold that splits a UTF-8 sequence in bytes, or a surrogate pair in a string', () => {
    const good = new TextEncoder().encode(calendar(...event('DESCRIPTION:caf', ' é')));
    expect(rules(good)).toEqual([]);
    const bytes = new TextEncoder().encode(calendar(...event('DESCRIPTION:café')));
    const at = bytes.indexOf(0xc3);
    const split = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
    expect(rules(split)).toContain('folding');
    expect(rules(calendar(...event('DESCRIPTION:smile \uD83D', ' \uDE00')))).toContain('folding');
  });

  it('requires VERSION, PRODID, and UID, DTSTAMP and DTSTART on each event', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'SUMMARY:nothing else',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect(lintIcs(text).map((p) => p.message)).toEqual([
      'VCALENDAR has no VERSION',
      'VCALENDAR has no PRODID',
      'VEVENT has no UID',
      'VEVENT has no DTSTAMP',
      'VEVENT has no DTSTART',
    ]);
  });

  it('requires METHOD:PUBLISH, and refresh hints for a feed when asked', () => {
    const noMethod = calendar(...event()).replace('METHOD:PUBLISH\r\n', '');
    expect(rules(noMethod)).toEqual(['required']);
    expect(rules(noMethod, { requirePublish: false })).toEqual([]);
    expect(lintIcs(calendar(...event()), { requireRefresh: true }).map((p) => p.message)).toEqual([
      'the feed needs REFRESH-INTERVAL',
      'the feed needs X-PUBLISHED-TTL',
    ]);
  });

  it('reports a UID used twice', () => {
    const text = calendar(...event(), ...event());
    expect(lintIcs(text)).toContainEqual({
      rule: 'uid-unique',
      line: 13,
      message: 'UID 1@hearback already used on line 6',
    });
  });

  it('requires an all-day DTEND to be a date after DTSTART (exclusive end)', () => {
    const allDay = (end: string) =>
      calendar(
        'BEGIN:VEVENT',
        'UID:2@hearback',
        'DTSTAMP:20260302T100000Z',
        'DTSTART;VALUE=DATE:20260310',
        end,
        'END:VEVENT',
      );
    expect(rules(allDay('DTEND;VALUE=DATE:20260311'))).toEqual([]);
    expect(rules(allDay('DTEND;VALUE=DATE:20260310'))).toEqual(['all-day-end']);
    expect(rules(allDay('DTEND:20260311T000000Z'))).toEqual(['all-day-end']);
  });

  it('reports an end before the start', () => {
    const text = calendar(...event()).replace('DTEND:20260310T150000Z', 'DTEND:20260310T130000Z');
    expect(rules(text)).toEqual(['end-before-start']);
  });

  it('reports a TZID without a matching VTIMEZONE, and accepts one with it', () => {
    const zoned = event().map((l) =>
      l.startsWith('DTSTART') ? 'DTSTART;TZID=Europe/Berlin:20260310T140000' : l,
    );
    const withoutZone = calendar(...zoned.filter((l) => !l.startsWith('DTEND')));
    expect(lintIcs(withoutZone)).toContainEqual({
      rule: 'tzid',
      line: 8,
      message: 'TZID=Europe/Berlin has no VTIMEZONE with that TZID',
    });
    const vtimezone = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    expect(rules(calendar(...vtimezone, ...zoned.filter((l) => !l.startsWith('DTEND'))))).toEqual([]);
  });

  it('reports unbalanced or crossed BEGIN and END', () => {
    expect(
      rules(calendar('BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260302T100000Z', 'DTSTART:20260310T140000Z')),
    ).toContain('nesting');
    expect(rules(calendar(...event(), 'END:VEVENT'))).toEqual(['nesting']);
    expect(
      rules(
        calendar(...event('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT30M', 'END:VEVENT', 'END:VALARM')),
      ),
    ).toContain('nesting');
    expect(rules(`${calendar(...event())}BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n`)).toEqual(['nesting']);
  });

  it('reports properties and components that text smuggled in', () => {
    expect(rules(calendar(...event('X-INJECTED:1')))).toEqual(['unexpected-property']);
    expect(rules(calendar(...event('SUMMARY:second title')))).toEqual(['repeated-property']);
    expect(rules(calendar(...event('BEGIN:VTODO', 'END:VTODO')))).toEqual(['unexpected-component']);
    expect(rules(calendar(...event('DURATION:PT1H')))).toEqual(['repeated-property']);
  });

  it('reports lines that are not content lines and control characters in values', () => {
    expect(rules(calendar(...event('just some text')))).toEqual(['syntax']);
    expect(rules(calendar(...event('DESCRIPTION:bell\u0007')))).toEqual(['syntax']);
    expect(rules(calendar(...event('')))).toEqual(['syntax']);
  });

  it('reports a file that is no calendar', () => {
    expect(lintIcs('')).toEqual([{ rule: 'required', line: 0, message: 'no VCALENDAR component' }]);
    expect(rules('BEGIN:VEVENT\r\nEND:VEVENT\r\n')).toContain('nesting');
  });
});
