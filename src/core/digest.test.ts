import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeDigestEmail,
  type DigestContent,
  type DigestItem,
  digestDueAt,
  digestInstant,
  digestRetryDelayMinutes,
  digestSectionLimit,
  oneLine,
} from './digest.js';

const weekdaysOnly = (date: string) => ![6, 7].includes(new Date(`${date}T12:00:00Z`).getUTCDay() || 7);
const berlin = { digestEnabled: true, digestTime: '08:00', timeZone: 'Europe/Berlin' };

describe('digestInstant', () => {
  it('is the local time on the date, in the user zone, on both sides of a DST change', () => {
    expect(digestInstant('2026-03-02', '08:00', 'Europe/Berlin')).toBe('2026-03-02T07:00:00.000Z');
    expect(digestInstant('2026-03-30', '08:00', 'Europe/Berlin')).toBe('2026-03-30T06:00:00.000Z');
    expect(digestInstant('2026-03-06', '07:30', 'America/New_York')).toBe('2026-03-06T12:30:00.000Z');
    expect(digestInstant('2026-03-09', '07:30', 'America/New_York')).toBe('2026-03-09T11:30:00.000Z');
    expect(digestInstant('2026-03-03', '08:00', 'Asia/Tokyo')).toBe('2026-03-02T23:00:00.000Z');
  });

  it('moves a time the clock skips forward with the clock', () => {
    // 02:30 does not exist in New York on 8 March 2026: clocks go from 02:00 to 03:00.
    expect(digestInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('digestDueAt', () => {
  it('is due from the chosen local time to the end of a working day', () => {
    expect(digestDueAt('2026-03-02T06:59:59.999Z', berlin, weekdaysOnly)).toEqual({
      due: false,
      date: '2026-03-02',
      reason: 'too_early',
    });
    expect(digestDueAt('2026-03-02T07:00:00.000Z', berlin, weekdaysOnly)).toEqual({
      due: true,
      date: '2026-03-02',
    });
    expect(digestDueAt('2026-03-02T22:59:59.000Z', berlin, weekdaysOnly)).toEqual({
      due: true,
      date: '2026-03-02',
    });
    // 00:00 in Berlin on Tuesday: a new day, not yet its time.
    expect(digestDueAt('2026-03-02T23:00:00.000Z', berlin, weekdaysOnly)).toMatchObject({
      due: false,
      date: '2026-03-03',
    });
  });

  it('is never due on a day off or when the digest is off', () => {
    expect(digestDueAt('2026-03-07T09:00:00.000Z', berlin, weekdaysOnly)).toEqual({
      due: false,
      date: '2026-03-07',
      reason: 'not_working_day',
    });
    expect(
      digestDueAt('2026-03-02T09:00:00.000Z', { ...berlin, digestEnabled: false }, weekdaysOnly),
    ).toMatchObject({ due: false, reason: 'disabled' });
  });

  it('uses the date in the user zone, not in UTC', () => {
    // Monday 08:30 in Tokyo is still Sunday in UTC.
    const tokyo = { ...berlin, timeZone: 'Asia/Tokyo' };
    expect(digestDueAt('2026-03-01T23:30:00.000Z', tokyo, weekdaysOnly)).toEqual({
      due: true,
      date: '2026-03-02',
    });
  });
});

describe('digestRetryDelayMinutes', () => {
  it('doubles from one minute up to every half hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(digestRetryDelayMinutes)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });
});

function item(overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    title: 'Thank Dana Lee (Acme) for the interview',
    explanation: 'Within 24 hours of the interview.',
    dueAt: '2026-03-02T08:00:00.000Z',
    link: 'https://hb.example/follow-ups/01J/draft',
    hasDraft: true,
    ...overrides,
  };
}

function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return {
    date: '2026-03-02',
    timeZone: 'Europe/Berlin',
    name: 'Robin',
    overdue: [],
    today: [],
    todayLink: 'https://hb.example/today',
    settingsLink: 'https://hb.example/settings',
    ...overrides,
  };
}

describe('composeDigestEmail', () => {
  it('sends nothing when nothing is overdue or due today', () => {
    expect(composeDigestEmail(content())).toBeNull();
  });

  it('lists overdue and due-today steps with their local times, reasons and draft links', () => {
    const email = composeDigestEmail(
      content({
        overdue: [
          item({
            dueAt: '2026-02-27T15:00:00.000Z',
            title: 'Call Sam (Initech) about Designer',
            hasDraft: false,
            link: 'https://hb.example/follow-ups/02J',
          }),
        ],
        today: [item()],
      }),
    );
    expect(email?.subject).toBe('Your follow-ups for Mon 2026-03-02: 1 overdue, 1 due today');
    expect(email?.text).toBe(
      [
        'Good morning, Robin.',
        '',
        'Your follow-ups for Mon 2026-03-02 (Europe/Berlin): 1 overdue, 1 due today.',
        '',
        'OVERDUE (1)',
        '',
        '- Call Sam (Initech) about Designer',
        '  Was due Fri 2026-02-27 16:00. Within 24 hours of the interview.',
        '  Open: https://hb.example/follow-ups/02J',
        '',
        'DUE TODAY (1)',
        '',
        '- Thank Dana Lee (Acme) for the interview',
        '  Due 09:00. Within 24 hours of the interview.',
        '  Draft: https://hb.example/follow-ups/01J/draft',
        '',
        'Everything for today: https://hb.example/today',
        '',
        '--',
        'You get this email because the morning digest is on in hearback. Change its time or turn it off in Settings: https://hb.example/settings',
      ].join('\n'),
    );
  });

  it('cuts a long list and points at Today for the rest', () => {
    const many = Array.from({ length: digestSectionLimit + 7 }, (_, i) => item({ title: `Step ${i}` }));
    const email = composeDigestEmail(content({ name: null, overdue: many }));
    expect(email?.subject).toBe(`Your follow-ups for Mon 2026-03-02: ${digestSectionLimit + 7} overdue`);
    expect(email?.text.startsWith('Good morning.\n')).toBe(true);
    expect(email?.text.match(/^- Step /gm)).toHaveLength(digestSectionLimit);
    expect(email?.text).toContain('- and 7 more: see Today in hearback.');
  });

  it('keeps every hostile title, reason and name on its own line (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .array(
          fc.constantFrom(
            '\r\n',
            '\n',
            '\r',
            '\u2028',
            '\u0085',
            '\u000b',
            '--',
            'Bcc: x@y.z',
            'DUE TODAY (9)',
            '- ',
            'a',
          ),
          {
            maxLength: 8,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, explanation, name) => {
        const email = composeDigestEmail(
          content({ name, today: [item({ title, explanation }), item({ title, explanation })] }),
        );
        const lines = email?.text.split('\n') ?? [];
        // Greeting, blank, summary, blank, heading, blank, 3 lines per item, blank, link, blank, --, footer.
        expect(lines).toHaveLength(6 + 2 * 3 + 5);
        expect(lines.filter((l) => l === '--')).toHaveLength(1);
        expect(lines[4]).toBe('DUE TODAY (2)');
        expect(email?.subject).toBe('Your follow-ups for Mon 2026-03-02: 2 due today');
      }),
      { numRuns: 50 },
    );
  });
});

describe('oneLine', () => {
  it('turns every line break into a space and drops control characters', () => {
    expect(oneLine(' a\r\nb\rc\nd\u2028e\u2029f\u0085g\u000bh\u0000i\u001bj ')).toBe('a b c d e f g hij');
  });
});
