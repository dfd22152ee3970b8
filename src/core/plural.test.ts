import { describe, expect, it } from 'vitest';
import { expectWaiting, makeInput } from '../../test/support/diagnosis-fixtures.js';
import { diagnose } from './diagnosis.js';
import { delayUnitWord, describeDelay } from './playbook.js';
import { plural } from './plural.js';
import { defaultTimeToHirePriors, mergeTimeToHirePriors } from './time-to-hire.js';

describe('counts in words', () => {
  it('says "1 business day", never "1 business days"', () => {
    expect(plural(1, 'business day')).toBe('1 business day');
    expect(plural(0, 'business day')).toBe('0 business days');
    expect(plural(5, 'business day')).toBe('5 business days');
    expect(plural(1.5, 'day', '1.5')).toBe('1.5 days');
  });

  it('describes playbook delays of one unit in the singular', () => {
    expect(describeDelay({ amount: 1, unit: 'business_days' })).toBe('1 business day');
    expect(describeDelay({ amount: 24, unit: 'hours' })).toBe('24 hours');
    expect(describeDelay({ amount: 1, unit: 'hours' })).toBe('1 hour');
    expect(delayUnitWord('business_days', 1)).toBe('business day');
    expect(delayUnitWord('business_days', 2)).toBe('business days');
  });

  it('writes a one-day check-in in the diagnosis as "1 business day"', () => {
    const input = makeInput({
      now: '2026-03-12T16:00:00.000Z',
      priors: mergeTimeToHirePriors(defaultTimeToHirePriors, { firstResponseBusinessDays: 1 }),
    });
    const text = expectWaiting(diagnose(input)).expectation.text;
    expect(text).toContain('check in 1 business day after applying');
  });
});
