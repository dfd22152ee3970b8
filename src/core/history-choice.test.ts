import { describe, expect, it } from 'vitest';
import { describeQuietApplications, isQuiet, quietBefore } from './history-choice.js';

describe('applications with no news', () => {
  /** Monday 2 March 2026, 10:00 in Berlin. */
  const now = '2026-03-02T09:00:00.000Z';
  const before = quietBefore(now, 'Europe/Berlin');

  it('starts at midnight in the user’s zone, 30 days before today', () => {
    expect(before).toBe('2026-01-30T23:00:00.000Z');
  });

  it('counts calendar days: 31 days without news is quiet, 30 is not', () => {
    expect(isQuiet('applied', '2026-01-30T22:59:59.999Z', before)).toBe(true);
    expect(isQuiet('applied', '2026-01-30T23:00:00.000Z', before)).toBe(false);
  });

  it('only counts applications waiting on the employer', () => {
    const longAgo = '2025-10-01T10:00:00.000Z';
    for (const stage of ['applied', 'screening', 'interviewing'] as const) {
      expect(isQuiet(stage, longAgo, before)).toBe(true);
    }
    for (const stage of ['saved', 'offer', 'ended'] as const)
      expect(isQuiet(stage, longAgo, before)).toBe(false);
  });

  it('says how many, as the preview does', () => {
    expect(describeQuietApplications(12)).toBe('12 applications older than 30 days with no reply');
    expect(describeQuietApplications(1)).toBe('1 application older than 30 days with no reply');
  });
});
