import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutesToWallTime,
  formatDateTime,
  formatDateTimeAlsoIn,
  instantToZoned,
  isoWeekday,
  offsetMinutesAt,
  todayIn,
  zonedToInstant,
} from './zoned-time.js';

const zones = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
] as const;

const wallTime = fc.record({
  zone: fc.constantFrom(...zones),
  date: fc.date({
    min: new Date('1995-01-01T00:00:00Z'),
    max: new Date('2045-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

const pad = (n: number) => String(n).padStart(2, '0');

describe('zoned time', () => {
  it('turns a wall-clock time in a zone into the same instant Temporal does, including clock changes', () => {
    fc.assert(
      fc.property(wallTime, ({ zone, date, hour, minute }) => {
        const day = date.toISOString().slice(0, 10);
        const time = `${pad(hour)}:${pad(minute)}`;
        const expected = Temporal.PlainDateTime.from(`${day}T${time}`)
          .toZonedDateTime(zone, { disambiguation: 'compatible' })
          .toInstant();
        expect(zonedToInstant(day, time, zone)).toBe(new Date(expected.epochMilliseconds).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an instant back as the wall-clock date and time Temporal gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('1995-01-01'), max: Date.parse('2045-12-31') }),
        (zone, epoch) => {
          const zoned = Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(zone);
          const expected = {
            date: zoned.toPlainDate().toString(),
            time: `${pad(zoned.hour)}:${pad(zoned.minute)}`,
          };
          expect(instantToZoned(new Date(epoch).toISOString(), zone)).toEqual(expected);
          expect(offsetMinutesAt(epoch, zone)).toBe(Math.round(zoned.offsetNanoseconds / 60e9));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('moves a time skipped by spring-forward an hour later and picks the first of a repeated time', () => {
    expect(zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-03-02', '09:00', 'Asia/Tokyo')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('knows which day it is in a zone far from UTC', () => {
    const now = new Date('2026-03-01T20:00:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-03-02');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-03-01');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('carries minutes past midnight into the next day', () => {
    expect(addMinutesToWallTime('2026-03-02', '23:30', 45)).toEqual({ date: '2026-03-03', time: '00:15' });
  });

  it('shows times on the clock the locale uses: 24-hour in Germany, 12-hour in the US', () => {
    const twoPmInBerlin = '2026-12-05T13:00:00.000Z';
    expect(formatDateTime(twoPmInBerlin, 'Europe/Berlin', 'de-DE')).toBe('Sa., 5. Dez. 2026, 14:00');
    expect(formatDateTime(twoPmInBerlin, 'Europe/Berlin', 'en-US')).toBe('Sat, Dec 5, 2026, 02:00 PM');
    expect(formatDateTime(twoPmInBerlin, 'Europe/Berlin', 'en-GB')).toBe('Sat, 5 Dec 2026, 14:00');
  });

  it('shows an interview set in another zone in the user’s zone first, and its own time after', () => {
    const twoPmInBerlin = '2026-12-05T13:00:00.000Z';
    expect(formatDateTimeAlsoIn(twoPmInBerlin, 'Europe/Berlin', 'de-DE', 'Europe/Berlin')).toBe(
      'Sa., 5. Dez. 2026, 14:00',
    );
    expect(formatDateTimeAlsoIn(twoPmInBerlin, 'Europe/Berlin', 'de-DE', 'America/New_York')).toBe(
      'Sa., 5. Dez. 2026, 14:00 (08:00 America/New_York)',
    );
    expect(formatDateTimeAlsoIn(twoPmInBerlin, 'Europe/Berlin', 'en-GB', 'Pacific/Auckland')).toBe(
      'Sat, 5 Dec 2026, 14:00 (Sun 02:00 Pacific/Auckland)',
    );
  });
});
