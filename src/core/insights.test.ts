import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './business-days.js';
import type { TimelineEvent } from './event.js';
import { computeInsights, type InsightsInput } from './insights.js';

/**
 * Hand-worked checks of the two figures the known CSV (services/insights.test.ts) cannot reach, since a
 * spreadsheet brings no follow-ups: follow-ups that got answers within N business days, and the streak that
 * forgives weekends and holidays. German calendar: 2026-01-01 is New Year's Day, a holiday.
 */
const calendar = createWorkCalendar({
  timeZone: 'Europe/Berlin',
  country: 'DE',
  region: null,
  workingDays: [1, 2, 3, 4, 5],
});

type Plan = {
  readonly applied: string;
  readonly replies?: readonly string[];
  readonly followUps?: ReadonlyArray<{
    readonly kind: 'thank_you' | 'first_follow_up';
    readonly done: string;
  }>;
};

function inputOf(plans: readonly Plan[], now: string, replyDays: number): InsightsInput {
  const events: TimelineEvent[] = [];
  const followUps: InsightsInput['followUps'][number][] = [];
  const applications = plans.map((plan, i) => {
    const id = `app${i}`;
    events.push({
      id: `${id}-applied`,
      applicationId: id,
      createdAt: plan.applied,
      kind: 'stage_change',
      occurredAt: plan.applied,
      fromStage: null,
      toStage: 'applied',
      outcome: null,
      closedReason: null,
      note: null,
    });
    for (const [n, at] of (plan.replies ?? []).entries())
      events.push({
        id: `${id}-reply${n}`,
        applicationId: id,
        createdAt: at,
        kind: 'reply_received',
        occurredAt: at,
        channel: 'email',
        contactId: null,
        sentiment: 'neutral',
        summary: null,
        newDecisionDate: null,
      });
    for (const step of plan.followUps ?? [])
      followUps.push({ applicationId: id, kind: step.kind, status: 'done', completedAt: step.done });
    return {
      id,
      company: { id: `company${i}` },
      source: { kind: 'job_board' as const, detail: null },
      resume: null,
    };
  });
  return {
    applications,
    companies: applications.map((a) => ({ id: a.company.id, sizeBand: null })),
    events,
    followUps,
    calendar,
    from: null,
    to: null,
    now,
    goal: { applications: null, interviews: null, followUps: null },
    replyDays,
  };
}

describe('follow-ups that got answers', () => {
  it('counts a reply within N business days after the step, passing over weekends and holidays', () => {
    const insights = computeInsights(
      inputOf(
        [
          // Done Wednesday 31 December; the answer on Monday 5 January is 2 business days later (1 January
          // is a holiday, 3 and 4 January a weekend): answered within 2.
          {
            applied: '2025-12-22T09:00:00.000Z',
            followUps: [{ kind: 'first_follow_up', done: '2025-12-31T10:00:00.000Z' }],
            replies: ['2026-01-05T10:00:00.000Z'],
          },
          // Done Friday 9 January; the answer on Wednesday 14 January is 3 business days later: too late.
          {
            applied: '2025-12-23T09:00:00.000Z',
            followUps: [{ kind: 'first_follow_up', done: '2026-01-09T10:00:00.000Z' }],
            replies: ['2026-01-14T10:00:00.000Z'],
          },
          // A reply before the thank-you is no answer to it.
          {
            applied: '2026-01-05T09:00:00.000Z',
            followUps: [{ kind: 'thank_you', done: '2026-01-07T10:00:00.000Z' }],
            replies: ['2026-01-06T12:00:00.000Z'],
          },
        ],
        '2026-01-20T12:00:00.000Z',
        2,
      ),
    );
    expect(insights.followUps.replyDays).toBe(2);
    expect(insights.followUps.byKind.map((k) => [k.kind, k.done, k.answered, k.rate, k.isSmall])).toEqual([
      ['thank_you', 1, 0, null, true],
      ['first_follow_up', 2, 1, null, true],
    ]);
  });
});

describe('the activity streak', () => {
  // Applications on Tuesday 30 and Wednesday 31 December and Friday 2 January; nothing on Monday 29
  // December, a working day; "now" is Monday 5 January, 17:00 in Berlin, with nothing done yet today.
  const plans: Plan[] = [
    { applied: '2025-12-23T09:00:00.000Z' },
    { applied: '2025-12-30T09:00:00.000Z' },
    { applied: '2025-12-31T09:00:00.000Z' },
    { applied: '2026-01-02T09:00:00.000Z' },
  ];

  it('passes over the weekend, the holiday and today not yet over, and stops at a working day without activity', () => {
    const { streak } = computeInsights(inputOf(plans, '2026-01-05T16:00:00.000Z', 5)).activity;
    expect(streak).toEqual({ days: 3, since: '2025-12-30' });
  });

  it('breaks at a working day gone by without activity', () => {
    // Tuesday 6 January: Monday the 5th is over with nothing done.
    expect(computeInsights(inputOf(plans, '2026-01-06T16:00:00.000Z', 5)).activity.streak).toEqual({
      days: 0,
      since: null,
    });
    // Without the Wednesday's application, the Wednesday breaks it.
    const withoutWednesday = plans.filter((p) => !p.applied.startsWith('2025-12-31'));
    expect(computeInsights(inputOf(withoutWednesday, '2026-01-05T16:00:00.000Z', 5)).activity.streak).toEqual(
      { days: 1, since: '2026-01-02' },
    );
  });
});
