import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  causeOf,
  doneStep,
  expectGroundedRecommendations,
  makeApplication,
  makeInterview,
  message,
  postingChange,
  reply,
  stageChange,
} from '../../test/support/diagnosis-fixtures.js';
import { emptyPosting, sourceKinds } from './application.js';
import { companySizeBands } from './company.js';
import { type DiagnosisInput, diagnose, diagnosisSchema, diagnosisSignals } from './diagnosis.js';
import { postingChanges, type Sentiment } from './event.js';
import { type FollowUpKind, followUpKinds, followUpStatuses } from './follow-up.js';
import { type InterviewRound, interviewRounds } from './interview.js';
import { activeStages, type Stage } from './pipeline.js';
import { defaultTimeToHirePriors, mergeTimeToHirePriors } from './time-to-hire.js';

describe('diagnose: invariants over random timelines', () => {
  const base = Date.parse('2025-10-01T00:00:00.000Z');
  const day = 86_400_000;
  const instantArb = fc
    .integer({ min: 0, max: 240 * 24 })
    .map((h) => new Date(base + h * 3_600_000).toISOString());
  const dateArb = fc
    .integer({ min: 0, max: 260 })
    .map((d) => new Date(base + d * day).toISOString().slice(0, 10));
  const contactArb = fc.constantFrom('c-1', 'c-2', 'c-3');

  const interviewArb = fc
    .record({
      startsAt: instantArb,
      round: fc.constantFrom<InterviewRound>(...interviewRounds),
      decisionDate: fc.option(dateArb, { nil: null }),
      selfRating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      interviewerIds: fc.uniqueArray(contactArb, { maxLength: 3 }),
    })
    .map(({ startsAt, ...rest }) => makeInterview(startsAt, rest));

  const followUpArb = fc
    .record({
      kind: fc.constantFrom<FollowUpKind>(...followUpKinds),
      status: fc.constantFrom(...followUpStatuses),
      completedAt: fc.option(instantArb, { nil: null }),
      contactId: fc.option(contactArb, { nil: null }),
    })
    .map(({ kind, status, completedAt, contactId }) =>
      doneStep(kind, completedAt ?? '2025-10-01T00:00:00.000Z', { status, completedAt, contactId }),
    );

  const eventArb = (stepIds: readonly string[]) =>
    fc.oneof(
      fc
        .record({
          at: instantArb,
          sentiment: fc.constantFrom<Sentiment>('positive', 'neutral', 'negative'),
          date: fc.option(dateArb, { nil: null }),
        })
        .map(({ at, sentiment, date }) => reply(at, sentiment, date)),
      fc
        .record({ at: instantArb, step: fc.option(fc.constantFrom('none', ...stepIds), { nil: null }) })
        .map(({ at, step }) => message(at, step === null || step === 'none' ? null : step)),
      fc
        .record({ at: instantArb, change: fc.constantFrom(...postingChanges) })
        .map(({ at, change }) => postingChange(at, change)),
      fc
        .record({ at: instantArb, to: fc.constantFrom<Stage>('applied', 'screening', 'interviewing') })
        .map(({ at, to }) => stageChange(at, null, to)),
    );

  const inputArb = fc
    .record({
      stage: fc.oneof(
        { arbitrary: fc.constantFrom<Stage>('applied', 'screening', 'interviewing'), weight: 4 },
        { arbitrary: fc.constantFrom<Stage>('saved', 'offer', 'ended'), weight: 1 },
      ),
      furthestStage: fc.constantFrom(...activeStages),
      appliedAt: fc.option(instantArb, { nil: null }),
      source: fc.constantFrom(...sourceKinds),
      validThrough: fc.option(dateArb, { nil: null }),
      postingUrl: fc.option(fc.constant('https://jobs.example/1'), { nil: null }),
      interviews: fc.array(interviewArb, { maxLength: 4 }),
      followUps: fc.array(followUpArb, { maxLength: 5 }),
      postingStatus: fc.option(
        fc.record({
          state: fc.constantFrom('online', 'changed', 'reposted', 'removed', 'unknown' as const),
          checkedAt: fc.option(instantArb, { nil: null }),
          validThrough: fc.option(dateArb, { nil: null }),
        }),
        { nil: null },
      ),
      tailoring: fc.option(
        fc.record({
          score: fc.double({ min: 0, max: 100, noNaN: true }),
          missingKeywords: fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }),
        }),
        { nil: null },
      ),
      companySize: fc.option(fc.constantFrom(...companySizeBands), { nil: null }),
      industry: fc.constantFrom(null, 'Government', 'supermarkets', 'Aerospace & Defense', 'knitting', ''),
      country: fc.constantFrom(null, 'US', 'CA', 'DE', 'ZZ'),
      region: fc.constantFrom(null, 'ON', 'BC'),
      tz: fc.constantFrom('America/Toronto', 'Europe/Berlin', 'Pacific/Auckland', 'UTC'),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
      holidays: fc.array(dateArb, { maxLength: 5 }),
      history: fc.option(
        fc.record({
          medianDaysToFirstReply: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null }),
          firstRepliesMeasured: fc.integer({ min: 0, max: 50 }),
          responseRateBySource: fc.dictionary(
            fc.constantFrom(...sourceKinds),
            fc.record({ rate: fc.double({ min: 0, max: 1, noNaN: true }), applications: fc.nat(100) }),
          ),
        }),
        { nil: null },
      ),
      userDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
      // Mostly after the timeline, sometimes in the middle of it.
      now: fc
        .integer({ min: 60 * 24, max: 320 * 24 })
        .map((h) => new Date(base + h * 3_600_000).toISOString()),
    })
    .chain((shape) =>
      fc
        .array(eventArb(shape.followUps.map((s) => s.id)), { maxLength: 8 })
        .map((events) => ({ shape, events })),
    )
    .map(
      ({ shape, events }): DiagnosisInput => ({
        application: makeApplication({
          stage: shape.stage,
          furthestStage: shape.furthestStage,
          appliedAt: shape.appliedAt,
          source: { kind: shape.source, detail: null },
          postingUrl: shape.postingUrl,
          posting: { ...emptyPosting, validThrough: shape.validThrough },
          createdAt: '2025-09-30T12:00:00.000Z',
        }),
        interviews: shape.interviews,
        events,
        followUps: shape.followUps,
        postingStatus: shape.postingStatus,
        tailoring: shape.tailoring,
        companySize: shape.companySize,
        industry: shape.industry,
        settings: {
          timeZone: shape.tz,
          country: shape.country,
          region: shape.region,
          workingDays: shape.workingDays,
        },
        holidays: shape.holidays,
        history: shape.history,
        now: shape.now,
        priors: mergeTimeToHirePriors(defaultTimeToHirePriors, { userDays: shape.userDays }),
      }),
    );

  it('never throws, stays in range, sorted, grounded, valid and deterministic', () => {
    const outcomes = { waiting: 0, not_waiting: 0 };
    fc.assert(
      fc.property(inputArb, (input) => {
        const snapshot = structuredClone(input);
        const result = diagnose(input);
        expect(diagnose(input)).toEqual(result);
        expect(input).toEqual(snapshot);
        expect(diagnosisSchema.safeParse(result).success).toBe(true);
        expect(result.summary.length).toBeGreaterThan(0);
        outcomes[result.status]++;
        if (result.status === 'not_waiting') return;
        expect(result.causes.map((c) => c.cause).sort()).toEqual([
          'avoiding_confrontation',
          'position_gone',
          'room_for_improvement',
          'still_deciding',
          'too_many_applicants',
        ]);
        for (const [i, cause] of result.causes.entries()) {
          expect(cause.score).toBeGreaterThanOrEqual(0);
          expect(cause.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(cause.score).toBeLessThanOrEqual(result.causes[i - 1]!.score);
          const expected = cause.score >= 0.6 ? 'likely' : cause.score >= 0.35 ? 'possible' : 'unlikely';
          expect(cause.likelihood).toBe(expected);
        }
        expect(result.daysOfSilence).toBeGreaterThanOrEqual(0);
        expect(Date.parse(result.waitingSince)).toBeLessThanOrEqual(Date.parse(input.now));
        expectGroundedRecommendations(result);
      }),
      { numRuns: 300 },
    );
    // The property must not pass vacuously: a good share of random timelines are waiting on the employer.
    expect(outcomes.waiting).toBeGreaterThan(75);
  });

  it('never rates "room for improvement" likely after interviews without a weak self-rating or a poor resume match', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const interviewed = {
          ...input,
          application: {
            ...input.application,
            stage: 'interviewing' as const,
            furthestStage: 'interviewing' as const,
          },
          events: input.events.filter((e) => e.kind !== 'stage_change'),
          interviews: input.interviews.map((i) => ({
            ...i,
            selfRating: i.selfRating === null ? null : Math.max(3, i.selfRating),
          })),
          tailoring: input.tailoring && { ...input.tailoring, score: Math.max(50, input.tailoring.score) },
        };
        const result = diagnose(interviewed);
        if (result.status === 'not_waiting') return;
        expect(causeOf(result, 'room_for_improvement').likelihood).not.toBe('likely');
      }),
      { numRuns: 200 },
    );
  });

  it('never words a cause as a certainty', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = diagnose(input);
        if (result.status === 'not_waiting') return;
        const words = [
          result.summary,
          ...result.causes.flatMap((c) => [c.label, c.recommendation.text]),
        ].join(' ');
        expect(words).not.toMatch(/\b(definitely|certainly|for sure|clearly rejected|they rejected you)\b/i);
        for (const cause of result.causes) expect(cause.label).toMatch(/\bmay\b/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('docs/diagnosis.md', () => {
  const docs = readFileSync(new URL('../../docs/diagnosis.md', import.meta.url), 'utf8');

  it('explains every signal the diagnosis can cite', () => {
    for (const signal of diagnosisSignals) expect(docs).toMatch(new RegExp(`\\|\\s*\`${signal}\`\\s*\\|`));
  });
});
