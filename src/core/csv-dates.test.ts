import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectDateOrderEvidence, type DateReading, makeCsvDateParser, parseCsvDate } from './csv-dates.js';

const utc: DateReading = { order: 'mdy', timeZone: 'UTC', naiveTimes: 'local' };
const berlin: DateReading = { order: 'mdy', timeZone: 'Europe/Berlin', naiveTimes: 'local' };

function instantOf(raw: string, reading: DateReading = utc): string {
  const parsed = parseCsvDate(raw, reading);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.instant;
}

describe('parseCsvDate', () => {
  it('reads a date without a time as noon in the user time zone', () => {
    expect(instantOf('2026-03-05', berlin)).toBe('2026-03-05T11:00:00.000Z');
    expect(instantOf('2026-07-05', berlin)).toBe('2026-07-05T10:00:00.000Z');
    expect(instantOf('2026-03-05', { ...berlin, timeZone: 'Pacific/Auckland' })).toBe(
      '2026-03-04T23:00:00.000Z',
    );
  });

  it('reads the formats trackers and spreadsheets write', () => {
    const cases: Array<[string, string]> = [
      ['2026-03-05', '2026-03-05T12:00:00.000Z'],
      ['2026/3/5', '2026-03-05T12:00:00.000Z'],
      ['03/05/2026', '2026-03-05T12:00:00.000Z'],
      ['3/5/26', '2026-03-05T12:00:00.000Z'],
      ['3/7/24, 2:22 PM', '2024-03-07T14:22:00.000Z'],
      ['12/28/23, 11:51 PM', '2023-12-28T23:51:00.000Z'],
      ['1/1/24, 12:05 AM', '2024-01-01T00:05:00.000Z'],
      ['5 Mar 2026', '2026-03-05T12:00:00.000Z'],
      ['05-Mar-2026', '2026-03-05T12:00:00.000Z'],
      ['5th March 2026', '2026-03-05T12:00:00.000Z'],
      ['March 5, 2026', '2026-03-05T12:00:00.000Z'],
      ['Sept 5 2026', '2026-09-05T12:00:00.000Z'],
      ['Thu, 5 Mar 2026', '2026-03-05T12:00:00.000Z'],
      ['Thursday March 5, 2026', '2026-03-05T12:00:00.000Z'],
      ['2026-03-05T14:00:00Z', '2026-03-05T14:00:00.000Z'],
      ['2026-03-05T14:00:00.123+02:00', '2026-03-05T12:00:00.123Z'],
      ['2026-03-05 14:00:00 UTC', '2026-03-05T14:00:00.000Z'],
      ['2026-03-05T14:00', '2026-03-05T14:00:00.000Z'],
      ['2024-04-02 08:00:00 +0530', '2024-04-02T02:30:00.000Z'],
    ];
    for (const [raw, expected] of cases) expect([raw, instantOf(raw)]).toEqual([raw, expected]);
  });

  it('reads numeric dates day first when the file is day/month', () => {
    const dmy: DateReading = { ...utc, order: 'dmy' };
    expect(instantOf('05/03/2026', dmy)).toBe('2026-03-05T12:00:00.000Z');
    expect(instantOf('20.02.2024', dmy)).toBe('2024-02-20T12:00:00.000Z');
    expect(instantOf('5-3-26', dmy)).toBe('2026-03-05T12:00:00.000Z');
  });

  it('reads times without a zone in the user zone, or as UTC for exporters that write UTC', () => {
    expect(instantOf('2024-01-15 09:30:00', { ...berlin, naiveTimes: 'local' })).toBe(
      '2024-01-15T08:30:00.000Z',
    );
    expect(instantOf('2024-01-15 09:30:00', { ...berlin, naiveTimes: 'utc' })).toBe(
      '2024-01-15T09:30:00.000Z',
    );
  });

  it('gives the local date in the user zone along with the instant', () => {
    const parsed = parseCsvDate('2022-03-01 05:00:00', {
      order: 'mdy',
      timeZone: 'America/New_York',
      naiveTimes: 'utc',
    });
    expect(parsed).toEqual({ ok: true, instant: '2022-03-01T05:00:00.000Z', localDate: '2022-03-01' });
  });

  it('reads two-digit years as spreadsheets do', () => {
    expect(instantOf('1/2/69')).toBe('2069-01-02T12:00:00.000Z');
    expect(instantOf('1/2/70')).toBe('1970-01-02T12:00:00.000Z');
  });

  it('refuses dates that do not exist, with a message quoting the value', () => {
    expect(parseCsvDate('2026-02-30', utc)).toEqual({
      ok: false,
      message: '"2026-02-30" is not a real calendar date or time',
    });
    expect(parseCsvDate('13/25/2026', utc)).toEqual({
      ok: false,
      message: '"13/25/2026" has no month 13; the file\'s dates are read as month/day',
    });
    expect(parseCsvDate('3/7/24, 13:22 PM', utc).ok).toBe(false);
    expect(parseCsvDate('0202-01-01', utc).ok).toBe(false);
    expect(parseCsvDate('next Tuesday', utc)).toEqual({
      ok: false,
      message: '"next Tuesday" is not a date hearback reads (use e.g. 2026-03-05, 03/05/2026 or 5 Mar 2026)',
    });
    expect(parseCsvDate('5 Foo 2026', utc).ok).toBe(false);
  });

  it('refuses a date outside the window hearback keeps, 1970-01-01 to 2100-12-31', () => {
    expect(parseCsvDate('12/31/9999', utc)).toEqual({
      ok: false,
      message: '"12/31/9999" is not a real calendar date or time',
    });
    expect(parseCsvDate('2101-01-01', utc)).toEqual({
      ok: false,
      message: '"2101-01-01": must be between 1970-01-01 and 2100-12-31',
    });
    expect(parseCsvDate('1969-12-31T23:59:59Z', utc).ok).toBe(false);
    expect(parseCsvDate('2100-12-31T23:00:00-01:00', utc).ok).toBe(false);
    expect(instantOf('1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(instantOf('2100-12-31')).toBe('2100-12-31T12:00:00.000Z');
  });

  it('reads every day the same in every written form and zone', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const longMonths = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01T00:00:00Z'),
          max: new Date('2098-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(
          'UTC',
          'America/Los_Angeles',
          'Europe/Berlin',
          'Asia/Kolkata',
          'Pacific/Kiritimati',
          'Pacific/Pago_Pago',
        ),
        (date, timeZone) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const forms: Array<[string, 'mdy' | 'dmy']> = [
            [iso, 'mdy'],
            [`${m}/${d}/${y}`, 'mdy'],
            [`${d}/${m}/${y}`, 'dmy'],
            [`${d}.${m}.${y}`, 'dmy'],
            [`${d} ${months[m - 1]} ${y}`, 'mdy'],
            [`${longMonths[m - 1]} ${d}, ${y}`, 'dmy'],
          ];
          for (const [raw, order] of forms) {
            const parsed = parseCsvDate(raw, { order, timeZone, naiveTimes: 'local' });
            expect(parsed.ok && parsed.localDate).toBe(iso);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('collectDateOrderEvidence', () => {
  it('finds day-first and month-first values among numeric dates only', () => {
    expect(collectDateOrderEvidence(['2024-03-05', '5 Mar 2024', '04/05/2024', '25/03/2024', ''])).toEqual({
      numericCount: 2,
      dayFirstExample: '25/03/2024',
      monthFirstExample: null,
    });
    expect(collectDateOrderEvidence(['3/7/24, 2:22 PM', '12/28/23'])).toEqual({
      numericCount: 2,
      dayFirstExample: null,
      monthFirstExample: '12/28/23',
    });
    expect(collectDateOrderEvidence(['01/02/2024', '03/04/2024'])).toEqual({
      numericCount: 2,
      dayFirstExample: null,
      monthFirstExample: null,
    });
  });
});

describe('makeCsvDateParser', () => {
  it('answers repeated values from its cache with the same result', () => {
    const parse = makeCsvDateParser(utc);
    const first = parse('3/5/2026');
    expect(parse('3/5/2026')).toBe(first);
    expect(first).toEqual({ ok: true, instant: '2026-03-05T12:00:00.000Z', localDate: '2026-03-05' });
  });
});
