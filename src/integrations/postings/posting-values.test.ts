import { describe, expect, it } from 'vitest';
import {
  companyNameFromSlug,
  guessRemoteType,
  looksLikeBinary,
  readAmount,
  readEmploymentType,
  readLocalDate,
  readSalaryPeriod,
} from './posting-values.js';

describe('readAmount', () => {
  it.each([
    [100000, 100000],
    ['100000', 100000],
    ['100,000', 100000],
    ['$85,000.50', 85000.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['120k', 120000],
    ['USD 95 000', 95000],
    ['12,5', 12.5],
    ['70.000 €', 70000],
    ['€ 1.500', 1500],
    ['12.50', 12.5],
    ['0.500', 0.5],
  ])('reads %j as %d', (input, expected) => {
    expect(readAmount(input)).toBe(expected);
  });

  it.each([
    [-5],
    ['-5'],
    ['competitive'],
    ['100000-120000'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [{}],
  ])('refuses %j', (input) => {
    expect(readAmount(input)).toBeNull();
  });
});

describe('readSalaryPeriod', () => {
  it.each([
    ['HOUR', 'hour'],
    ['per-hour-wage', 'hour'],
    ['1 YEAR', 'year'],
    ['per-year-salary', 'year'],
    ['MONTH', 'month'],
    ['1 WEEK', 'week'],
    ['DAY', 'day'],
    ['annually', 'year'],
  ])('reads %s as %s', (input, expected) => {
    expect(readSalaryPeriod(input)).toBe(expected);
  });

  it('has no single period for "2 WEEK" or "NONE"', () => {
    expect(readSalaryPeriod('2 WEEK')).toBeNull();
    expect(readSalaryPeriod('NONE')).toBeNull();
  });
});

describe('readEmploymentType', () => {
  it.each([
    ['FULL_TIME', 'full_time'],
    ['Full-time', 'full_time'],
    ['FullTime', 'full_time'],
    ['Full Time - Remote', 'full_time'],
    ['PART_TIME', 'part_time'],
    ['CONTRACTOR', 'contract'],
    ['Contract', 'contract'],
    ['TEMPORARY', 'temporary'],
    ['INTERN', 'internship'],
    ['Internship', 'internship'],
    ['VOLUNTEER', 'other'],
    ['PER_DIEM', 'other'],
  ])('reads %s as %s', (input, expected) => {
    expect(readEmploymentType(input)).toBe(expected);
  });

  it('takes the first readable value of a list', () => {
    expect(readEmploymentType(['', 'CONTRACTOR', 'FULL_TIME'])).toBe('contract');
  });

  it('answers null for values it does not know', () => {
    expect(readEmploymentType('Zero hours')).toBeNull();
  });
});

describe('readLocalDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T09:30', '2024-03-05'],
    ['2024-03-05T23:59:59-05:00', '2024-03-05'],
    ['2024-03-05 10:00:00', '2024-03-05'],
    ['2024-02-29T00:00:00Z', '2024-02-29'],
  ])('reads %s as %s, keeping the day the posting states', (input, expected) => {
    expect(readLocalDate(input)).toBe(expected);
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '05/03/2024',
    'March 5, 2024',
    '20240305',
    '9999-12-31',
    '1900-01-01',
  ])('refuses %s', (input) => {
    expect(readLocalDate(input)).toBeNull();
  });
});

describe('guessRemoteType and companyNameFromSlug', () => {
  it('reads remote, hybrid and on-site from location labels', () => {
    expect(guessRemoteType(['Remote - Europe'])).toBe('remote');
    expect(guessRemoteType(['Berlin (Hybrid)'])).toBe('hybrid');
    expect(guessRemoteType(['On-site, Austin'])).toBe('on_site');
    expect(guessRemoteType(['Austin, TX'])).toBeNull();
  });

  it('keeps a slug with capitals and capitalises a lowercase one', () => {
    expect(companyNameFromSlug('Windsurf')).toBe('Windsurf');
    expect(companyNameFromSlug('kovo')).toBe('Kovo');
    expect(companyNameFromSlug('acme-labs')).toBe('Acme Labs');
    expect(companyNameFromSlug('%E9cole')).toBe('%E9cole');
  });
});

describe('looksLikeBinary', () => {
  it('recognises NUL bytes and control-character soup, and passes ordinary text', () => {
    expect(looksLikeBinary('<html>\u0000</html>')).toBe(true);
    expect(looksLikeBinary('\u0001\u0002\u0003\u0004abc')).toBe(true);
    expect(looksLikeBinary('<p>Zürich, 東京, emoji 🛠️\ttabs\r\n</p>')).toBe(false);
  });
});
