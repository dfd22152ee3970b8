import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultTimeToHirePriors,
  glassdoor2017ByCountry,
  glassdoor2017UsByIndustry,
  mergeTimeToHirePriors,
  resolveTimeToHire,
  timeToHirePriorsSchema,
  timeToHirePriorsUpdateSchema,
} from './time-to-hire.js';

describe('resolveTimeToHire', () => {
  it('uses the US figure from Glassdoor 2017 for a US user', () => {
    expect(resolveTimeToHire(defaultTimeToHirePriors, { country: 'US', industry: null })).toEqual({
      days: 23.8,
      basis: 'country',
      label: 'the average in the United States, Glassdoor 2017',
      source: 'glassdoor2017',
    });
  });

  it('uses the country figure where Glassdoor published one', () => {
    const germany = resolveTimeToHire(defaultTimeToHirePriors, { country: 'DE', industry: null });
    expect(germany.days).toBe(28.5);
    expect(resolveTimeToHire(defaultTimeToHirePriors, { country: 'CA', industry: null }).days).toBe(20.1);
  });

  it('falls back to the 25-country average for an unlisted or unknown country', () => {
    for (const country of ['NZ', null]) {
      const prior = resolveTimeToHire(defaultTimeToHirePriors, { country, industry: null });
      expect(prior).toMatchObject({ days: 23.7, basis: 'global', source: 'glassdoor2017' });
    }
  });

  it('prefers the US industry figure for a US or unknown country, but not elsewhere', () => {
    expect(
      resolveTimeToHire(defaultTimeToHirePriors, { country: 'US', industry: 'government' }),
    ).toMatchObject({
      days: 53.8,
      basis: 'industry',
      label: 'the US average in government, Glassdoor 2017',
    });
    expect(
      resolveTimeToHire(defaultTimeToHirePriors, { country: null, industry: 'restaurants_bars' }).days,
    ).toBe(10.2);
    expect(
      resolveTimeToHire(defaultTimeToHirePriors, { country: 'FR', industry: 'government' }),
    ).toMatchObject({
      days: 38.9,
      basis: 'country',
    });
  });

  it("lets the user's own figure replace every published one", () => {
    const priors = mergeTimeToHirePriors(defaultTimeToHirePriors, { userDays: 40 });
    expect(resolveTimeToHire(priors, { country: 'US', industry: 'government' })).toEqual({
      days: 40,
      basis: 'user',
      label: 'your own setting',
      source: 'user',
    });
  });

  it("marks a figure the user changed as their own rather than Glassdoor's", () => {
    const priors = mergeTimeToHirePriors(defaultTimeToHirePriors, { byCountry: { US: 30, NZ: 21 } });
    expect(resolveTimeToHire(priors, { country: 'US', industry: null })).toMatchObject({
      days: 30,
      source: 'user',
    });
    expect(resolveTimeToHire(priors, { country: 'NZ', industry: null })).toMatchObject({
      days: 21,
      source: 'user',
    });
    expect(resolveTimeToHire(priors, { country: 'DE', industry: null }).source).toBe('glassdoor2017');
  });
});

describe('mergeTimeToHirePriors', () => {
  it('keeps every default the update leaves out and clears the user figure with null', () => {
    const withUser = mergeTimeToHirePriors(defaultTimeToHirePriors, { userDays: 12, afterContactDays: 10 });
    expect(withUser.afterContactDays).toBe(10);
    expect(withUser.byCountry.GB).toBe(27.5);
    const cleared = mergeTimeToHirePriors(withUser, { userDays: null });
    expect(cleared.userDays).toBeNull();
    expect(cleared.afterContactDays).toBe(10);
  });
});

describe('timeToHirePriorsSchema', () => {
  it('accepts the documented defaults', () => {
    expect(timeToHirePriorsSchema.parse(defaultTimeToHirePriors)).toEqual(defaultTimeToHirePriors);
  });

  it('refuses a zero or absurd number of days and a malformed country code, naming the field', () => {
    const result = timeToHirePriorsUpdateSchema.safeParse({ globalDays: 0, byCountry: { usa: 20 } });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('globalDays');
    expect(paths.some((p) => p.startsWith('byCountry'))).toBe(true);
    expect(timeToHirePriorsUpdateSchema.safeParse({ userDays: 400 }).success).toBe(false);
  });
});

describe('docs/diagnosis.md', () => {
  const docs = readFileSync(new URL('../../docs/diagnosis.md', import.meta.url), 'utf8');

  it('lists every published country and industry figure with its value', () => {
    for (const days of Object.values(glassdoor2017ByCountry)) expect(docs).toContain(days.toFixed(1));
    for (const [key, days] of Object.entries(glassdoor2017UsByIndustry)) {
      expect(docs).toMatch(new RegExp(`\\|\\s*\`${key}\`\\s*\\|[^|]+\\|\\s*${days.toFixed(1)}\\s*\\|`));
    }
    expect(docs).toContain(`**${defaultTimeToHirePriors.globalDays} days**`);
  });
});
