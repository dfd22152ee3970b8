import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './business-days.js';

const weekdays = [1, 2, 3, 4, 5];
const losAngeles = createWorkCalendar({
  timeZone: 'America/Los_Angeles',
  country: 'US',
  region: null,
  workingDays: weekdays,
});
const california = createWorkCalendar({
  timeZone: 'America/Los_Angeles',
  country: 'US',
  region: 'CA',
  workingDays: weekdays,
});
const berlin = createWorkCalendar({
  timeZone: 'Europe/Berlin',
  country: 'DE',
  region: 'BE',
  workingDays: weekdays,
});
const tokyo = createWorkCalendar({
  timeZone: 'Asia/Tokyo',
  country: 'JP',
  region: null,
  workingDays: weekdays,
});

describe('working days', () => {
  it('treats Saturday and Sunday as days off for a Monday-to-Friday week', () => {
    expect(losAngeles.isWorkingDay('2026-03-06')).toBe(true);
    expect(losAngeles.isWorkingDay('2026-03-07')).toBe(false);
    expect(losAngeles.dayOff('2026-03-08')).toEqual({ kind: 'weekday_off', weekday: 'Sunday' });
  });

  it('takes US Thanksgiving off, and the day after only where it is a public holiday (California)', () => {
    expect(losAngeles.dayOff('2026-11-26')).toEqual({ kind: 'holiday', name: 'Thanksgiving Day' });
    expect(losAngeles.isWorkingDay('2026-11-27')).toBe(true);
    expect(california.dayOff('2026-11-27')).toEqual({ kind: 'holiday', name: 'Day after Thanksgiving Day' });
  });

  it('uses the region: International Women’s Day is a holiday in Berlin but not in all of Germany', () => {
    const germany = createWorkCalendar({
      timeZone: 'Europe/Berlin',
      country: 'DE',
      region: null,
      workingDays: weekdays,
    });
    expect(berlin.isWorkingDay('2027-03-08')).toBe(false);
    expect(germany.isWorkingDay('2027-03-08')).toBe(true);
    expect(germany.dayOff('2026-12-25')).toEqual({ kind: 'holiday', name: 'Christmas Day' });
  });

  it('knows Japanese public holidays by their English names', () => {
    expect(tokyo.dayOff('2026-11-03')).toEqual({ kind: 'holiday', name: 'Culture Day' });
    expect(tokyo.isWorkingDay('2026-11-04')).toBe(true);
  });

  it('ignores observances that are not days off (Halloween, Valentine’s Day)', () => {
    expect(losAngeles.isWorkingDay('2026-02-13')).toBe(true);
    expect(losAngeles.isWorkingDay('2027-02-15')).toBe(false);
    expect(losAngeles.isWorkingDay('2025-10-31')).toBe(true);
  });

  it('has no public holidays when no country is set', () => {
    const anywhere = createWorkCalendar({
      timeZone: 'UTC',
      country: null,
      region: null,
      workingDays: weekdays,
    });
    expect(anywhere.isWorkingDay('2026-12-25')).toBe(true);
    expect(anywhere.isWorkingDay('2026-12-26')).toBe(false);
  });

  it('takes the holidays it is handed off, as well as the country’s (Good Friday and Easter Monday)', () => {
    const handed = createWorkCalendar({
      timeZone: 'UTC',
      country: null,
      region: null,
      workingDays: weekdays,
      holidays: ['2026-04-03', '2026-04-06'],
    });
    expect(handed.dayOff('2026-04-03')).toEqual({ kind: 'holiday', name: 'Public holiday' });
    expect(handed.addBusinessDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(handed.businessDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
  });

  it('follows the user’s own working week (Sunday to Thursday)', () => {
    const sundayToThursday = createWorkCalendar({
      timeZone: 'Asia/Jerusalem',
      country: null,
      region: null,
      workingDays: [7, 1, 2, 3, 4],
    });
    expect(sundayToThursday.isWorkingDay('2026-03-06')).toBe(false);
    expect(sundayToThursday.isWorkingDay('2026-03-08')).toBe(true);
    expect(sundayToThursday.addBusinessDays('2026-03-05', 1)).toBe('2026-03-08');
  });

  it('refuses a week without working days and an unknown time zone', () => {
    expect(() =>
      createWorkCalendar({ timeZone: 'UTC', country: null, region: null, workingDays: [] }),
    ).toThrow(/at least one working weekday/);
    expect(() =>
      createWorkCalendar({ timeZone: 'Mars/Olympus', country: null, region: null, workingDays: weekdays }),
    ).toThrow();
  });
});

describe('business-day arithmetic', () => {
  it('moves a step that lands on Saturday to Monday', () => {
    expect(losAngeles.addBusinessDays('2026-03-05', 1)).toBe('2026-03-06');
    expect(losAngeles.addBusinessDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(losAngeles.addBusinessDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(losAngeles.addBusinessDays('2026-03-02', 5)).toBe('2026-03-09');
  });

  it('skips Thanksgiving when counting (and the day after in California)', () => {
    expect(losAngeles.addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
    expect(california.addBusinessDays('2026-11-25', 1)).toBe('2026-11-30');
    expect(losAngeles.addBusinessDays('2026-11-24', 2)).toBe('2026-11-27');
  });

  it('counts backwards, and zero days means the first working day on or after', () => {
    expect(losAngeles.addBusinessDays('2026-03-09', -1)).toBe('2026-03-06');
    expect(losAngeles.addBusinessDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(losAngeles.addBusinessDays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('counts the working days between two dates, excluding the first', () => {
    expect(losAngeles.businessDaysBetween('2026-03-02', '2026-03-05')).toBe(3);
    expect(losAngeles.businessDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(losAngeles.businessDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(losAngeles.businessDaysBetween('2026-11-25', '2026-11-30')).toBe(2);
    expect(losAngeles.businessDaysBetween('2026-03-04', '2026-03-04')).toBe(0);
  });

  it('names the next and the first working day across a long weekend', () => {
    expect(losAngeles.nextWorkingDay('2026-11-25')).toBe('2026-11-27');
    expect(california.workingDayOnOrAfter('2026-11-26')).toBe('2026-11-30');
    expect(losAngeles.workingDayOnOrAfter('2026-11-25')).toBe('2026-11-25');
  });

  it('agrees with itself: n business days after a date are n working days between (property)', () => {
    const calendars = [losAngeles, california, berlin, tokyo];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2028-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 40 }),
        (calendar, day, n) => {
          const date = day.toISOString().slice(0, 10);
          const later = calendar.addBusinessDays(date, n);
          expect(calendar.isWorkingDay(later)).toBe(true);
          expect(later > date).toBe(true);
          expect(calendar.businessDaysBetween(date, later)).toBe(n);
          if (calendar.isWorkingDay(date)) expect(calendar.addBusinessDays(later, -n)).toBe(date);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('local dates and times in the user’s zone', () => {
  it('puts an interview at 07:30 Monday in Tokyo on Monday, although it is still Sunday in UTC', () => {
    expect(tokyo.localDate('2026-03-01T22:30:00.000Z')).toBe('2026-03-02');
    expect(tokyo.localTime('2026-03-01T22:30:00.000Z')).toBe('07:30');
    expect(tokyo.isWorkingDay(tokyo.localDate('2026-03-01T22:30:00.000Z'))).toBe(true);
  });

  it('puts 20:00 Friday in Los Angeles on Friday, although it is Saturday in UTC', () => {
    expect(losAngeles.localDate('2026-03-07T04:00:00.000Z')).toBe('2026-03-06');
  });

  it('keeps the working morning at 09:00 local time across the US change to daylight time', () => {
    expect(losAngeles.morningOf('2026-03-06')).toBe('2026-03-06T17:00:00.000Z');
    expect(losAngeles.morningOf('2026-03-09')).toBe('2026-03-09T16:00:00.000Z');
    expect(losAngeles.eveningOf('2026-11-02')).toBe('2026-11-03T01:00:00.000Z');
  });

  it('keeps the working morning at 09:00 local time across the European change to summer time', () => {
    expect(berlin.morningOf('2026-03-27')).toBe('2026-03-27T08:00:00.000Z');
    expect(berlin.morningOf('2026-03-30')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('finds the next working morning: later today, or the next working day', () => {
    expect(losAngeles.nextWorkingMorning('2026-03-06T15:00:00.000Z')).toBe('2026-03-06T17:00:00.000Z');
    expect(losAngeles.nextWorkingMorning('2026-03-06T17:00:00.000Z')).toBe('2026-03-06T17:00:00.000Z');
    expect(losAngeles.nextWorkingMorning('2026-03-06T18:00:00.000Z')).toBe('2026-03-09T16:00:00.000Z');
    expect(tokyo.nextWorkingMorning('2026-11-02T03:00:00.000Z')).toBe('2026-11-04T00:00:00.000Z');
  });

  it('clamps a deadline back to the end of its working day, or on to the next working morning', () => {
    expect(losAngeles.clampToWorkingTime('2026-03-05T02:30:00.000Z')).toEqual({
      instant: '2026-03-05T01:00:00.000Z',
      moved: 'after_hours',
    });
    expect(losAngeles.clampToWorkingTime('2026-03-04T15:00:00.000Z')).toEqual({
      instant: '2026-03-04T17:00:00.000Z',
      moved: 'before_hours',
    });
    expect(losAngeles.clampToWorkingTime('2026-03-07T20:00:00.000Z')).toEqual({
      instant: '2026-03-09T16:00:00.000Z',
      moved: 'day_off',
    });
    expect(losAngeles.clampToWorkingTime('2026-03-04T20:00:00.000Z')).toEqual({
      instant: '2026-03-04T20:00:00.000Z',
      moved: null,
    });
  });

  it('defers a moment outside working hours to the next working morning, never earlier', () => {
    expect(losAngeles.deferToWorkingTime('2026-03-05T02:30:00.000Z').instant).toBe(
      '2026-03-05T17:00:00.000Z',
    );
    expect(losAngeles.deferToWorkingTime('2026-03-04T20:00:00.000Z').instant).toBe(
      '2026-03-04T20:00:00.000Z',
    );
  });

  it('always finds a working morning at or after the instant, at 09:00 local (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(losAngeles, california, berlin, tokyo),
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2028-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (calendar, moment) => {
          const instant = moment.toISOString();
          const morning = calendar.nextWorkingMorning(instant);
          expect(morning >= instant).toBe(true);
          expect(calendar.isWorkingDay(calendar.localDate(morning))).toBe(true);
          expect(calendar.localTime(morning)).toBe('09:00');
          const clamped = calendar.clampToWorkingTime(instant).instant;
          expect(calendar.isWorkingDay(calendar.localDate(clamped))).toBe(true);
          const time = calendar.localTime(clamped);
          expect(time >= '09:00' && time <= '17:00').toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
