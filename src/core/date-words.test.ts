import { describe, expect, it } from 'vitest';
import {
  formatFullDate,
  formatLongDate,
  formatShortDate,
  formatWeekdayDate,
  isoWeekdayOf,
  monthName,
  monthNames,
  weekdayName,
  weekdayNames,
} from './date-words.js';

describe('date words', () => {
  it('names the ISO weekdays from Monday and the months from January, in English', () => {
    expect(weekdayNames()).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(weekdayNames('short')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(monthNames()).toHaveLength(12);
    expect(monthName(9)).toBe('September');
    expect(monthName(9, 'short')).toBe('Sep');
    expect(weekdayName(7, 'short')).toBe('Sun');
  });

  it('refuses a number that is no weekday or month', () => {
    expect(() => weekdayName(0)).toThrow('not an ISO weekday: 0');
    expect(() => monthName(13)).toThrow('not a month: 13');
  });

  it('formats dates the way reason lines, messages and diagnoses use them', () => {
    expect(formatShortDate('2027-03-05')).toBe('Fri 5 Mar');
    expect(formatShortDate('2026-11-26')).toBe('Thu 26 Nov');
    expect(formatLongDate('2026-03-03')).toBe('Tuesday 3 March');
    expect(formatFullDate('2026-03-10')).toBe('Tuesday 10 March 2026');
    expect(formatWeekdayDate('2026-03-09')).toBe('Mon 2026-03-09');
  });

  it('reads the weekday of any calendar date, leap days and years before 100 included', () => {
    expect(isoWeekdayOf('2024-02-29')).toBe(4);
    expect(isoWeekdayOf('0001-01-01')).toBe(1);
    expect(isoWeekdayOf('2026-03-08')).toBe(7);
  });

  it('refuses a string that is not a calendar date', () => {
    expect(() => formatShortDate('2026-02-30')).toThrow('not a date: 2026-02-30');
    expect(() => formatLongDate('5 March')).toThrow('not a date');
  });
});
