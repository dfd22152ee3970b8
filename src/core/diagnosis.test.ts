import { describe, expect, it } from 'vitest';
import {
  causeOf,
  doneStep,
  expectGroundedRecommendations,
  expectWaiting,
  makeApplication,
  makeInput,
  makeInterview,
  postingChange,
  ranking,
  stageChange,
} from '../../test/support/diagnosis-fixtures.js';
import { diagnose } from './diagnosis.js';

describe('diagnose: one scenario per cause', () => {
  it('ranks "position gone" first when the posting came down soon after a screening call', () => {
    const input = makeInput({
      application: makeApplication({
        source: { kind: 'company_site', detail: null },
        stage: 'screening',
        furthestStage: 'screening',
      }),
      events: [
        stageChange('2026-03-02T15:00:00.000Z', null, 'applied'),
        stageChange('2026-03-10T18:00:00.000Z', 'applied', 'screening'),
        postingChange('2026-03-20T12:00:00.000Z', 'removed'),
      ],
      now: '2026-03-28T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(ranking(result)[0]).toBe('position_gone');
    const gone = causeOf(result, 'position_gone');
    expect(gone.likelihood).toBe('likely');
    expect(gone.evidence[0]).toEqual({
      signal: 'posting_status',
      text: 'The posting was taken down (Friday 20 March 2026).',
      direction: 'for',
    });
    expect(gone.recommendation.action).toBe('confirm_and_move_on');
    expect(gone.recommendation.text).toContain('The posting came down on Friday 20 March 2026.');
    expect(gone.recommendation.basedOn).toContain('posting_status');
    // Moving the card to screening is not contact: with no call or message logged, silence counts from applying.
    expect(result.lastContact).toBe('applied');
    expect(result.waitingSince).toBe('2026-03-02T15:00:00.000Z');
    expect(result.daysOfSilence).toBe(26);
    expect(result.summary).toContain('since you applied on Monday 2 March 2026');
    expect(result.summary).toContain('They screened you, but no call or message from them is logged');
    expect(result.isMixed).toBe(false);
    expectGroundedRecommendations(result);
  });

  it('ranks "avoiding confrontation" first long after a final round, with two nudges unanswered', () => {
    const technical = makeInterview('2026-02-16T15:00:00.000Z', { interviewerIds: ['c-1'] });
    const final = makeInterview('2026-02-25T15:00:00.000Z', {
      round: 'final',
      decisionDate: '2026-03-04',
      interviewerIds: ['c-2'],
      selfRating: 3,
    });
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-02-02T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [technical, final],
      followUps: [
        doneStep('thank_you', '2026-02-25T20:00:00.000Z', { contactId: 'c-2' }),
        doneStep('thank_you', '2026-02-16T20:00:00.000Z', { contactId: 'c-1' }),
        doneStep('first_follow_up', '2026-03-06T14:00:00.000Z'),
        doneStep('second_follow_up', '2026-03-13T14:00:00.000Z'),
      ],
      postingStatus: { state: 'online', checkedAt: '2026-03-28T06:00:00.000Z', validThrough: null },
      now: '2026-03-30T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(ranking(result)[0]).toBe('avoiding_confrontation');
    expect(result.expectedBy).toBe('2026-03-04');
    expect(result.expectation.basis).toBe('stated_date');
    const silentNo = causeOf(result, 'avoiding_confrontation');
    expect(silentNo.likelihood).toBe('likely');
    expect(silentNo.evidence.map((e) => e.signal)).toEqual(
      expect.arrayContaining(['silence', 'nudges_unanswered', 'rounds_done']),
    );
    expect(silentNo.evidence.find((e) => e.signal === 'nudges_unanswered')?.text).toBe(
      'You have followed up twice since Friday 6 March 2026 with no reply.',
    );
    expect(silentNo.recommendation.action).toBe('send_closing_note');
    expect(silentNo.recommendation.text).toContain('count it as no response');
    expect(causeOf(result, 'still_deciding').likelihood).toBe('unlikely');
    expect(
      causeOf(result, 'position_gone').evidence.find((e) => e.signal === 'posting_status')?.direction,
    ).toBe('against');
    expectGroundedRecommendations(result);
  });

  it('ranks "still deciding" first before their date, and says when to follow up', () => {
    const final = makeInterview('2026-03-23T14:00:00.000Z', {
      round: 'final',
      decisionDate: '2026-03-27',
      interviewerIds: ['c-1', 'c-2'],
      selfRating: 4,
    });
    const input = makeInput({
      application: makeApplication({
        source: { kind: 'referral', detail: 'Dana' },
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [final],
      followUps: [
        doneStep('thank_you', '2026-03-23T20:00:00.000Z', { contactId: 'c-1' }),
        doneStep('thank_you', '2026-03-23T20:05:00.000Z', { contactId: 'c-2' }),
      ],
      postingStatus: { state: 'online', checkedAt: '2026-03-24T06:00:00.000Z', validThrough: null },
      now: '2026-03-25T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(ranking(result)[0]).toBe('still_deciding');
    const deciding = causeOf(result, 'still_deciding');
    expect(deciding.likelihood).toBe('likely');
    expect(deciding.evidence[0]?.text).toBe(
      'News is not due yet: their date (Friday 27 March 2026), 2 days to go.',
    );
    // Friday 27 March + two business days is Tuesday 31 March.
    expect(deciding.recommendation).toMatchObject({ action: 'wait_then_follow_up', date: '2026-03-31' });
    expect(deciding.recommendation.text).toContain('wait until Tuesday 31 March 2026');
    expect(deciding.recommendation.basedOn).toContain('silence');
    expect(causeOf(result, 'too_many_applicants').likelihood).toBe('unlikely');
    expect(
      causeOf(result, 'room_for_improvement').evidence.find((e) => e.signal === 'thank_you')?.direction,
    ).toBe('against');
    expectGroundedRecommendations(result);
  });

  it('ranks "too many applicants" first for a job-board application to a large employer nobody answered', () => {
    const input = makeInput({
      companySize: '5000-9999',
      postingStatus: { state: 'online', checkedAt: '2026-03-25T06:00:00.000Z', validThrough: null },
      tailoring: { score: 72, missingKeywords: ['Kafka'] },
      history: {
        medianDaysToFirstReply: 6,
        firstRepliesMeasured: 10,
        responseRateBySource: { job_board: { rate: 0.1, applications: 40 } },
      },
      now: '2026-03-30T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(ranking(result)[0]).toBe('too_many_applicants');
    const pile = causeOf(result, 'too_many_applicants');
    expect(pile.likelihood).toBe('likely');
    expect(pile.evidence.map((e) => e.signal)).toEqual(
      expect.arrayContaining([
        'stage_reached',
        'source',
        'company_size',
        'own_response_rate',
        'own_reply_time',
      ]),
    );
    expect(pile.evidence.find((e) => e.signal === 'own_response_rate')?.text).toBe(
      'Only 10% of your 40 applications through job boards got any answer.',
    );
    expect(pile.recommendation.action).toBe('reach_a_person');
    expect(pile.recommendation.text).toContain('hiring manager');
    // Nobody has answered: the yardstick is a first answer (their own median of 6 days), not a hire.
    expect(result.expectation.basis).toBe('first_response');
    expect(result.expectedBy).toBe('2026-03-08');
    expect(result.expectation.text).toContain('within about 6 days (your own history)');
    expectGroundedRecommendations(result);
  });

  it('ranks "room for improvement" first after a weak interview, no thank-you and a poorly matched resume', () => {
    const technical = makeInterview('2026-03-16T15:00:00.000Z', {
      interviewerIds: ['c-1', 'c-2'],
      selfRating: 2,
    });
    const input = makeInput({
      application: makeApplication({
        source: { kind: 'referral', detail: null },
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [technical],
      tailoring: {
        score: 35,
        missingKeywords: ['TypeScript', 'PostgreSQL', 'CI/CD', 'Kubernetes', 'A/B testing', 'Go'],
      },
      now: '2026-03-27T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(ranking(result)[0]).toBe('room_for_improvement');
    expect(result.isMixed).toBe(false);
    const improve = causeOf(result, 'room_for_improvement');
    expect(improve.likelihood).toBe('likely');
    expect(improve.evidence.find((e) => e.signal === 'tailoring_score')?.text).toBe(
      "Your resume covered 35% of the posting's key terms; missing: TypeScript, PostgreSQL, CI/CD, Kubernetes and A/B testing. It already got you to the interviews, so it weighs less now.",
    );
    expect(improve.recommendation.action).toBe('tailor_and_thank');
    expect(improve.recommendation.text).toContain(
      'work in TypeScript, PostgreSQL, CI/CD, Kubernetes and A/B testing',
    );
    expect(improve.recommendation.text).toContain('Thank every interviewer');
    expect(improve.recommendation.basedOn).toEqual(['tailoring_score', 'thank_you', 'self_rating']);
    expectGroundedRecommendations(result);
  });
});

describe('diagnose: mixed evidence', () => {
  it('says so when a removed posting and a crowded job-board application explain the silence equally well', () => {
    const input = makeInput({
      companySize: '10000+',
      postingStatus: { state: 'removed', checkedAt: '2026-03-30T06:00:00.000Z', validThrough: null },
      now: '2026-04-05T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.isMixed).toBe(true);
    expect(ranking(result).slice(0, 2).sort()).toEqual(['position_gone', 'too_many_applicants']);
    expect(result.summary).toContain('The evidence is mixed');
    expect(result.summary).toContain('the position may be gone');
    expect(result.summary).toContain('your application may be lost among many');
    expectGroundedRecommendations(result);
  });

  it('says so when a slightly late decision could be slow deciding or a silent no', () => {
    const screen = makeInterview('2026-02-20T15:00:00.000Z', { round: 'phone_screen' });
    const technical = makeInterview('2026-03-02T15:00:00.000Z', {
      decisionDate: '2026-03-09',
      interviewerIds: ['c-1'],
      selfRating: 4,
    });
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-02-10T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [screen, technical],
      followUps: [doneStep('thank_you', '2026-03-02T21:00:00.000Z', { contactId: 'c-1' })],
      postingStatus: { state: 'online', checkedAt: '2026-03-16T06:00:00.000Z', validThrough: null },
      companySize: '1000-4999',
      now: '2026-03-17T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.isMixed).toBe(true);
    expect(ranking(result).slice(0, 2).sort()).toEqual(['avoiding_confrontation', 'still_deciding']);
    expect(result.summary).toContain('The evidence is mixed');
    expect(result.summary).toContain('This is a reading of the signals, not a certainty.');
    expectGroundedRecommendations(result);
  });

  it('says so when the posting came down while news is not yet due', () => {
    const input = makeInput({
      postingStatus: { state: 'removed', checkedAt: '2026-03-06T06:00:00.000Z', validThrough: null },
      application: makeApplication({ source: { kind: 'referral', detail: null } }),
      now: '2026-03-09T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.isMixed).toBe(true);
    expect(ranking(result).slice(0, 2).sort()).toEqual(['position_gone', 'still_deciding']);
    expect(result.summary).toContain('The evidence is mixed');
  });

  it('is not mixed when one cause clearly leads, and names a plausible runner-up', () => {
    const input = makeInput({
      postingStatus: { state: 'removed', checkedAt: '2026-03-15T06:00:00.000Z', validThrough: null },
      application: makeApplication({ source: { kind: 'referral', detail: null } }),
      now: '2026-03-28T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.isMixed).toBe(false);
    expect(ranking(result)[0]).toBe('position_gone');
    expect(result.summary).toContain(
      'Most likely: the position may be gone (likely). Also likely: they may have chosen someone else without saying so.',
    );
  });
});
