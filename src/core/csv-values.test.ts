import { describe, expect, it } from 'vitest';
import {
  completeUrl,
  inferSourceKind,
  parseCompanySize,
  parseEmploymentType,
  parsePriority,
  parseRemoteType,
  parseSalary,
  splitTags,
} from './csv-values.js';

describe('parseSalary', () => {
  it('reads ranges, thousands separators, k suffixes, currencies and periods', () => {
    expect(parseSalary('$120k - $150k')).toEqual({
      min: 120_000,
      max: 150_000,
      currency: 'USD',
      period: null,
    });
    expect(parseSalary('120,000–150,000 USD per year')).toEqual({
      min: 120_000,
      max: 150_000,
      currency: 'USD',
      period: 'year',
    });
    expect(parseSalary('€60.000 p.a.')).toEqual({
      min: 60_000,
      max: 60_000,
      currency: 'EUR',
      period: 'year',
    });
    expect(parseSalary('£45/hr')).toEqual({ min: 45, max: 45, currency: 'GBP', period: 'hour' });
    expect(parseSalary('CA$90,000')).toEqual({ min: 90_000, max: 90_000, currency: 'CAD', period: null });
    expect(parseSalary('72,5 EUR an hour')).toEqual({
      min: 72.5,
      max: 72.5,
      currency: 'EUR',
      period: 'hour',
    });
  });

  it('gives up on text without a clear amount', () => {
    expect(parseSalary('competitive')).toBeNull();
    expect(parseSalary('DOE')).toBeNull();
    expect(parseSalary('10 to 20 or 30')).toBeNull();
  });
});

describe('parsePriority', () => {
  it('reads numbers, scores, stars, fractions and words as 1 to 5', () => {
    expect(['4', '4.4', '85', '★★★', '2/5', 'very high', 'High', 'medium', 'low'].map(parsePriority)).toEqual(
      [4, 4, 4, 3, 2, 5, 4, 3, 2],
    );
    expect(parsePriority('urgent!')).toBeNull();
    expect(parsePriority('500')).toBeNull();
  });
});

describe('parseEmploymentType and parseRemoteType', () => {
  it('read the usual words and say when a value is not given or unknown', () => {
    expect(['Full Time', 'part-time', 'Contract', 'Internship', 'temp'].map(parseEmploymentType)).toEqual([
      'full_time',
      'part_time',
      'contract',
      'internship',
      'temporary',
    ]);
    expect(parseEmploymentType('Unknown')).toBeUndefined();
    expect(parseEmploymentType('gig')).toBeNull();
    expect(['Remote', 'hybrid', 'On-site', 'in office', 'moon base'].map(parseRemoteType)).toEqual([
      'remote',
      'hybrid',
      'on_site',
      'on_site',
      null,
    ]);
  });
});

describe('inferSourceKind', () => {
  it('tells referrals, recruiters, job boards and company sites apart', () => {
    expect(
      [
        'Referral from Dana',
        'Recruiter',
        'LinkedIn',
        'Indeed',
        'greenhouse',
        'Company Website',
        'job_board',
        'queue',
      ].map(inferSourceKind),
    ).toEqual([
      'referral',
      'recruiter',
      'job_board',
      'job_board',
      'company_site',
      'company_site',
      'job_board',
      'other',
    ]);
  });
});

describe('completeUrl and splitTags', () => {
  it('adds https to links pasted without a scheme and leaves everything else', () => {
    expect(completeUrl('www.acme.example/jobs/1')).toBe('https://www.acme.example/jobs/1');
    expect(completeUrl('jobs.lever.co/acme/123')).toBe('https://jobs.lever.co/acme/123');
    expect(completeUrl('http://x.example')).toBe('http://x.example');
    expect(completeUrl('not a url')).toBe('not a url');
  });

  it('splits tags, trims them and drops repeats ignoring case', () => {
    expect(splitTags('remote, Go; go |  dream job ,', /[,;|]/)).toEqual(['remote', 'Go', 'dream job']);
    expect(splitTags('a;b, c', /,/)).toEqual(['a;b', 'c']);
  });
});

describe('parseCompanySize', () => {
  it('reads bands, ranges and counts as the band holding their first number', () => {
    expect(parseCompanySize('10000+')).toBe('10000+');
    expect(parseCompanySize('1-24')).toBe('1-24');
    expect(parseCompanySize('1,001-5,000 employees')).toBe('1000-4999');
    expect(parseCompanySize('10,001+ employees')).toBe('10000+');
    expect(parseCompanySize('51-200')).toBe('50-99');
    expect(parseCompanySize('12')).toBe('1-24');
    expect(parseCompanySize('about 300 people')).toBe('100-499');
  });

  it('answers null when there is no number of employees', () => {
    expect(parseCompanySize('huge')).toBeNull();
    expect(parseCompanySize('0')).toBeNull();
    expect(parseCompanySize('')).toBeNull();
  });
});
