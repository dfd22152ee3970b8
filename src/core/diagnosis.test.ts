import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Application, emptyPosting, sourceKinds } from './application.js';
import { companySizeBands } from './company.js';
import {
  type CauseAssessment,
  type Diagnosis,
  type DiagnosisCause,
  type DiagnosisInput,
  type DiagnosisSignal,
  diagnose,
  diagnosisCauses,
  diagnosisSchema,
  diagnosisSignals,
  type WaitingDiagnosis,
} from './diagnosis.js';
import { type Channel, postingChanges, type Sentiment, type TimelineEvent } from './event.js';
import { type FollowUp, type FollowUpKind, followUpKinds, followUpStatuses } from './follow-up.js';
import { type Interview, type InterviewRound, interviewRounds } from './interview.js';
import { activeStages, type Stage } from './pipeline.js';
import { defaultTimeToHirePriors, mergeTimeToHirePriors } from './time-to-hire.js';

const timeZone = 'America/New_York';

function makeApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    company: { id: 'co-1', name: 'Acme' },
    jobTitle: 'Backend Engineer',
    postingUrl: 'https://jobs.example/acme/123',
    posting: emptyPosting,
    source: { kind: 'job_board', detail: null },
    priority: 3,
    tags: [],
    resume: null,
    coverLetter: null,
    notes: '',
    stage: 'applied',
    furthestStage: 'applied',
    outcome: null,
    closedReason: null,
    appliedAt: '2026-03-02T15:00:00.000Z',
    endedAt: null,
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    ...overrides,
  };
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

/** An interview of one hour starting at `startsAt`. */
function makeInterview(startsAt: string, overrides: Partial<Interview> = {}): Interview {
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return {
    id: nextId('int'),
    applicationId: 'app-1',
    round: 'technical',
    startsAt,
    endsAt,
    timeZone,
    location: null,
    videoLink: null,
    interviewerIds: [],
    decisionDate: null,
    notes: '',
    topics: '',
    selfRating: null,
    createdAt: startsAt,
    updatedAt: startsAt,
    ...overrides,
  };
}

const eventBase = (occurredAt: string) => ({
  id: nextId('ev'),
  applicationId: 'app-1',
  occurredAt,
  createdAt: occurredAt,
});

function reply(
  occurredAt: string,
  sentiment: Sentiment = 'neutral',
  newDecisionDate: string | null = null,
): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'reply_received',
    channel: 'email',
    contactId: null,
    sentiment,
    summary: null,
    newDecisionDate,
  };
}

function message(
  occurredAt: string,
  followUpId: string | null = null,
  channel: Channel = 'email',
): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'message_sent',
    channel,
    contactId: null,
    followUpId,
    subject: null,
    body: null,
  };
}

function postingChange(
  occurredAt: string,
  change: 'removed' | 'expired' | 'changed' | 'reposted' | 'restored',
): TimelineEvent {
  return { ...eventBase(occurredAt), kind: 'posting_change', change, detail: null };
}

function stageChange(occurredAt: string, fromStage: Stage | null, toStage: Stage): TimelineEvent {
  return {
    ...eventBase(occurredAt),
    kind: 'stage_change',
    fromStage,
    toStage,
    outcome: null,
    closedReason: null,
    note: null,
  };
}

function doneStep(kind: FollowUpKind, completedAt: string, overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: nextId('fu'),
    applicationId: 'app-1',
    kind,
    dueAt: completedAt,
    channel: 'email',
    status: 'done',
    reason: '',
    contactId: null,
    interviewId: null,
    origin: 'plan',
    planKey: null,
    snoozedUntil: null,
    completedAt,
    completionNote: null,
    createdAt: completedAt,
    updatedAt: completedAt,
    ...overrides,
  };
}

function makeInput(overrides: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    application: makeApplication(),
    interviews: [],
    events: [],
    followUps: [],
    postingStatus: null,
    tailoring: null,
    companySize: null,
    industry: null,
    settings: { timeZone, country: 'US', region: null, workingDays: [1, 2, 3, 4, 5] },
    history: null,
    now: '2026-03-20T16:00:00.000Z',
    priors: defaultTimeToHirePriors,
    ...overrides,
  };
}

function expectWaiting(diagnosis: Diagnosis): WaitingDiagnosis {
  if (diagnosis.status !== 'waiting') {
    throw new Error(`expected a waiting diagnosis, got not_waiting (${diagnosis.reason})`);
  }
  return diagnosis;
}

function ranking(diagnosis: WaitingDiagnosis): DiagnosisCause[] {
  return diagnosis.causes.map((c) => c.cause);
}

function causeOf(diagnosis: WaitingDiagnosis, cause: DiagnosisCause): CauseAssessment {
  const found = diagnosis.causes.find((c) => c.cause === cause);
  if (!found) throw new Error(`no ${cause}`);
  return found;
}

/** A recommendation may only rest on signals that appear in its own cause's evidence. */
function expectGroundedRecommendations(diagnosis: WaitingDiagnosis): void {
  for (const cause of diagnosis.causes) {
    const signals = new Set(cause.evidence.map((e) => e.signal));
    expect(cause.recommendation.basedOn.length).toBeGreaterThan(0);
    for (const signal of cause.recommendation.basedOn) expect(signals).toContain(signal);
  }
}

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

describe('diagnose: silence and expectations', () => {
  it('counts silence from the last interview and expects news a week later when no date was given', () => {
    const onsite = makeInterview('2026-03-25T14:00:00.000Z', { round: 'onsite' });
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      interviews: [onsite],
      now: '2026-04-06T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.lastContact).toBe('interview');
    expect(result.waitingSince).toBe(onsite.endsAt);
    expect(result.daysOfSilence).toBe(12);
    expect(result.expectation.basis).toBe('after_last_contact');
    expect(result.expectedBy).toBe('2026-04-01');
  });

  it('uses a newer date the employer gave in a reply over the one given at the interview', () => {
    const onsite = makeInterview('2026-03-02T14:00:00.000Z', { decisionDate: '2026-03-06' });
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-02-16T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [onsite],
      events: [reply('2026-03-09T15:00:00.000Z', 'positive', '2026-03-20')],
      now: '2026-03-12T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.expectedBy).toBe('2026-03-20');
    expect(result.lastContact).toBe('reply');
    const deciding = causeOf(result, 'still_deciding');
    expect(ranking(result)[0]).toBe('still_deciding');
    expect(deciding.evidence.map((e) => e.text)).toContain(
      'On Monday 9 March 2026 they wrote that they expect to decide by Friday 20 March 2026.',
    );
    expect(deciding.recommendation.basedOn).toEqual(expect.arrayContaining(['silence', 'employer_reply']));
  });

  it("uses the industry prior and the user's own figure after a screening with no contact logged", () => {
    const screened = makeApplication({ stage: 'screening', furthestStage: 'screening' });
    const government = expectWaiting(diagnose(makeInput({ application: screened, industry: 'Government' })));
    expect(government.expectation.basis).toBe('usual_time_to_hire');
    expect(government.expectedBy).toBe('2026-04-25');
    const own = expectWaiting(
      diagnose(
        makeInput({
          application: screened,
          priors: mergeTimeToHirePriors(defaultTimeToHirePriors, { userDays: 10 }),
        }),
      ),
    );
    expect(own.expectedBy).toBe('2026-03-12');
    expect(own.expectation.text).toContain('your own setting');
  });

  it('tells the user to follow up now once two business days past their date have gone', () => {
    const final = makeInterview('2026-03-02T14:00:00.000Z', { round: 'final', decisionDate: '2026-03-06' });
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-02-16T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [final],
      now: '2026-03-11T16:00:00.000Z',
    });
    const deciding = causeOf(expectWaiting(diagnose(input)), 'still_deciding');
    expect(deciding.recommendation).toMatchObject({ action: 'follow_up_now', date: '2026-03-11' });
  });

  it("skips the user's days off and holidays when counting two business days", () => {
    const final = makeInterview('2026-03-30T14:00:00.000Z', { round: 'final', decisionDate: '2026-04-02' });
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      interviews: [final],
      holidays: ['2026-04-03', '2026-04-06'],
      now: '2026-03-31T16:00:00.000Z',
    });
    const deciding = causeOf(expectWaiting(diagnose(input)), 'still_deciding');
    // Thursday 2 April; Good Friday and Easter Monday off, so Tuesday 7 and Wednesday 8 April.
    expect(deciding.recommendation.date).toBe('2026-04-08');
  });

  it('after a reply without a date, counts silence from the message the user sent back', () => {
    const input = makeInput({
      events: [reply('2026-03-05T15:00:00.000Z'), message('2026-03-06T14:00:00.000Z')],
      now: '2026-03-20T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.lastContact).toBe('message');
    expect(result.waitingSince).toBe('2026-03-06T14:00:00.000Z');
    expect(result.daysOfSilence).toBe(14);
  });

  it('recommends marking the application as no response once the closing note went out', () => {
    const final = makeInterview('2026-02-02T14:00:00.000Z', { round: 'final', decisionDate: '2026-02-06' });
    const first = doneStep('first_follow_up', '2026-02-10T14:00:00.000Z');
    const closing = doneStep('closing_note', '2026-02-24T14:00:00.000Z');
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-01-20T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [final],
      followUps: [first, closing],
      events: [
        message('2026-02-10T14:00:00.000Z', first.id),
        message('2026-02-24T14:00:00.000Z', closing.id),
      ],
      now: '2026-03-20T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    const silentNo = causeOf(result, 'avoiding_confrontation');
    expect(ranking(result)[0]).toBe('avoiding_confrontation');
    expect(silentNo.evidence.find((e) => e.signal === 'nudges_unanswered')?.text).toBe(
      'You have followed up twice since Tuesday 10 February 2026 with no reply.',
    );
    expect(silentNo.recommendation.action).toBe('mark_no_response');
    expect(silentNo.recommendation.text).toContain('Tuesday 24 February 2026');
    expect(silentNo.recommendation.basedOn[0]).toBe('nudges_unanswered');
  });

  it('reads a re-posted role after interviews as looking beyond the candidates they met', () => {
    const final = makeInterview('2026-03-02T14:00:00.000Z', { round: 'final' });
    const input = makeInput({
      application: makeApplication({
        appliedAt: '2026-02-16T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [final],
      events: [postingChange('2026-03-12T10:00:00.000Z', 'reposted')],
      now: '2026-03-20T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    const gone = causeOf(result, 'position_gone');
    expect(gone.evidence.find((e) => e.signal === 'posting_status')).toMatchObject({ direction: 'against' });
    expect(causeOf(result, 'avoiding_confrontation').evidence.map((e) => e.text)).toContain(
      'The role was posted again (Thursday 12 March 2026) after your interviews: they seem to be looking beyond the candidates they met.',
    );
    expect(ranking(result)[0]).toBe('avoiding_confrontation');
  });

  it('notes a passed closing date from the posting snapshot', () => {
    const input = makeInput({
      application: makeApplication({ posting: { ...emptyPosting, validThrough: '2026-03-01' } }),
      now: '2026-04-20T16:00:00.000Z',
    });
    const gone = causeOf(expectWaiting(diagnose(input)), 'position_gone');
    expect(gone.evidence).toContainEqual({
      signal: 'posting_expiry',
      text: "The posting's closing date (Sunday 1 March 2026) has passed.",
      direction: 'for',
    });
  });

  it('counts only the interviewers not yet thanked', () => {
    const panel = makeInterview('2026-03-10T14:00:00.000Z', {
      round: 'panel',
      interviewerIds: ['c-1', 'c-2', 'c-3'],
    });
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      interviews: [panel],
      followUps: [doneStep('thank_you', '2026-03-10T20:00:00.000Z', { contactId: 'c-2' })],
      now: '2026-03-20T16:00:00.000Z',
    });
    const improve = causeOf(expectWaiting(diagnose(input)), 'room_for_improvement');
    expect(improve.evidence.find((e) => e.signal === 'thank_you')?.text).toBe(
      'You thanked 1 of your 3 interviewers.',
    );
  });
});

describe('diagnose: not waiting on the employer', () => {
  it.each([
    ['saved', 'saved', 'not_applied'],
    ['ended', 'interviewing', 'ended'],
    ['offer', 'offer', 'offer'],
  ] as const)('answers "not waiting" for a %s application', (stage, furthestStage, reason) => {
    const result = diagnose(makeInput({ application: makeApplication({ stage, furthestStage }) }));
    expect(result).toMatchObject({ status: 'not_waiting', applicationId: 'app-1', reason, notices: [] });
  });

  it('answers "not waiting" while an interview is still to come', () => {
    const upcoming = makeInterview('2026-03-25T14:00:00.000Z');
    const result = diagnose(
      makeInput({
        application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
        interviews: [upcoming],
      }),
    );
    expect(result).toMatchObject({ status: 'not_waiting', reason: 'interview_scheduled' });
  });

  it('answers "not waiting" when the employer had the last word and named no date', () => {
    const result = diagnose(makeInput({ events: [reply('2026-03-10T15:00:00.000Z', 'neutral')] }));
    expect(result).toMatchObject({ status: 'not_waiting', reason: 'employer_replied_last' });
    expect(result.summary).toContain("The last word was the employer's");
  });

  it("is waiting again when the employer's last word named a date", () => {
    const result = diagnose(
      makeInput({ events: [reply('2026-03-10T15:00:00.000Z', 'neutral', '2026-03-24')] }),
    );
    expect(result.status).toBe('waiting');
  });

  it('ignores events dated after now', () => {
    const result = diagnose(makeInput({ events: [reply('2026-04-10T15:00:00.000Z', 'neutral')] }));
    expect(result.status).toBe('waiting');
  });
});

describe('diagnose: Ontario duty to inform', () => {
  const ontario = { timeZone: 'America/Toronto', country: 'CA', region: 'ON', workingDays: [1, 2, 3, 4, 5] };
  const interviewed = (now: string, overrides: Partial<DiagnosisInput> = {}) =>
    makeInput({
      application: makeApplication({
        appliedAt: '2026-01-12T15:00:00.000Z',
        stage: 'interviewing',
        furthestStage: 'interviewing',
      }),
      interviews: [makeInterview('2026-02-02T15:00:00.000Z')],
      settings: ontario,
      now,
      ...overrides,
    });

  it('adds no notice on the 45th day after the last interview', () => {
    expect(expectWaiting(diagnose(interviewed('2026-03-19T16:00:00.000Z'))).notices).toEqual([]);
  });

  it('adds the notice once 45 days have passed, naming the threshold of 25 employees', () => {
    const { notices } = expectWaiting(diagnose(interviewed('2026-03-20T16:00:00.000Z')));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('employers with 25 or more employees');
    expect(notices[0]).toContain('within 45 days of the last interview');
    expect(notices[0]).toContain('Your last interview was on Monday 2 February 2026');
    expect(notices[0]).toContain('that deadline was Thursday 19 March 2026');
  });

  it('adds no notice in another province or country', () => {
    const bc = { ...ontario, region: 'BC' };
    expect(
      expectWaiting(diagnose(interviewed('2026-04-20T16:00:00.000Z', { settings: bc }))).notices,
    ).toEqual([]);
    const us = { ...ontario, country: 'US', region: 'ON' };
    expect(
      expectWaiting(diagnose(interviewed('2026-04-20T16:00:00.000Z', { settings: us }))).notices,
    ).toEqual([]);
  });

  it('adds no notice for an employer known to have fewer than 25 employees', () => {
    const small = interviewed('2026-04-20T16:00:00.000Z', { companySize: '1-24' });
    expect(expectWaiting(diagnose(small)).notices).toEqual([]);
  });

  it('adds no notice when the employer wrote after the last interview', () => {
    const answered = interviewed('2026-04-20T16:00:00.000Z', {
      events: [reply('2026-02-20T15:00:00.000Z', 'neutral', '2026-03-01')],
    });
    expect(expectWaiting(diagnose(answered)).notices).toEqual([]);
  });

  it('adds no notice when the only interview was a phone screen, or was before the law took effect', () => {
    const screenOnly = interviewed('2026-04-20T16:00:00.000Z', {
      interviews: [makeInterview('2026-02-02T15:00:00.000Z', { round: 'phone_screen' })],
    });
    expect(expectWaiting(diagnose(screenOnly)).notices).toEqual([]);
    const before = interviewed('2026-04-20T16:00:00.000Z', {
      interviews: [makeInterview('2025-12-15T15:00:00.000Z')],
    });
    expect(expectWaiting(diagnose(before)).notices).toEqual([]);
  });
});

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

describe('diagnose: evidence at the interview stage', () => {
  it('does not call "room for improvement" likely on a middling resume match and a missing thank-you record', () => {
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      interviews: [makeInterview('2026-03-03T15:00:00.000Z', { interviewerIds: ['c-1'] })],
      tailoring: { score: 65, missingKeywords: ['Kafka'] },
      now: '2026-04-20T16:00:00.000Z',
    });
    const improve = causeOf(expectWaiting(diagnose(input)), 'room_for_improvement');
    expect(improve.likelihood).toBe('possible');
    expect(improve.evidence.find((e) => e.signal === 'silence')?.direction).toBe('neutral');
  });

  it('reads no missing thank-you when no interview is on record', () => {
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      now: '2026-04-20T16:00:00.000Z',
    });
    const improve = causeOf(expectWaiting(diagnose(input)), 'room_for_improvement');
    expect(improve.evidence.map((e) => e.signal)).not.toContain('thank_you');
    expect(improve.likelihood).toBe('unlikely');
  });

  it('counts silence from the last real contact, not from a later stage move', () => {
    const interview = makeInterview('2026-03-05T15:00:00.000Z');
    const input = makeInput({
      application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
      interviews: [interview],
      events: [
        stageChange('2026-03-02T15:00:00.000Z', null, 'applied'),
        stageChange('2026-03-12T18:00:00.000Z', 'applied', 'interviewing'),
      ],
      now: '2026-03-20T16:00:00.000Z',
    });
    const result = expectWaiting(diagnose(input));
    expect(result.lastContact).toBe('interview');
    expect(result.waitingSince).toBe(interview.endsAt);
    expect(result.summary).toContain('since your interview on Thursday 5 March 2026');
  });
});

/**
 * The worked examples of docs/diagnosis.md ("Worked examples"), one per cause: each input as the docs describe
 * it, each score and ranking as the docs work it out. Change a weight and these say which example to redo.
 */
describe('worked examples (docs/diagnosis.md)', () => {
  const scores = (result: WaitingDiagnosis) =>
    Object.fromEntries(result.causes.map((c) => [c.cause, c.score]));
  const online = (checkedAt: string) => ({ state: 'online' as const, checkedAt, validThrough: null });

  it('1. lost among many: a cold job-board application to a 10,000+ employer, 8 business days in, posting up', () => {
    const result = expectWaiting(
      diagnose(
        makeInput({
          companySize: '10000+',
          postingStatus: online('2026-03-12T06:00:00.000Z'),
          now: '2026-03-12T16:00:00.000Z',
        }),
      ),
    );
    expect(result.expectation.basis).toBe('first_response');
    expect(result.expectedBy).toBe('2026-03-11');
    expect(scores(result)).toEqual({
      too_many_applicants: 0.92,
      still_deciding: 0.77,
      avoiding_confrontation: 0.43,
      room_for_improvement: 0.31,
      position_gone: 0.05,
    });
    expect(ranking(result)[0]).toBe('too_many_applicants');
    expect(result.isMixed).toBe(false);
    const pile = causeOf(result, 'too_many_applicants');
    expect(pile.likelihood).toBe('likely');
    expect(pile.recommendation.action).toBe('reach_a_person');
    expect(pile.recommendation.text).toMatch(/hiring manager.*refer you.*recruiter/);
    expect(pile.evidence.map((e) => e.signal).sort()).toEqual([
      'company_size',
      'posting_status',
      'silence',
      'source',
      'stage_reached',
    ]);
  });

  it('2. position gone: a careers-page application whose posting came down, nobody in touch', () => {
    const result = expectWaiting(
      diagnose(
        makeInput({
          application: makeApplication({ source: { kind: 'company_site', detail: null } }),
          events: [postingChange('2026-03-16T12:00:00.000Z', 'removed')],
          now: '2026-03-20T16:00:00.000Z',
        }),
      ),
    );
    expect(scores(result)).toEqual({
      position_gone: 0.85,
      avoiding_confrontation: 0.62,
      too_many_applicants: 0.45,
      room_for_improvement: 0.31,
      still_deciding: 0.17,
    });
    expect(causeOf(result, 'position_gone').recommendation.action).toBe('confirm_and_move_on');
  });

  it('3. a silent no: 26 days past the date given at a final round, both interviewers thanked, two nudges unanswered', () => {
    const technical = makeInterview('2026-02-16T15:00:00.000Z', { interviewerIds: ['c-1'] });
    const final = makeInterview('2026-02-25T15:00:00.000Z', {
      round: 'final',
      decisionDate: '2026-03-04',
      interviewerIds: ['c-2'],
    });
    const result = expectWaiting(
      diagnose(
        makeInput({
          application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
          interviews: [technical, final],
          followUps: [
            doneStep('thank_you', '2026-02-16T20:00:00.000Z', { contactId: 'c-1' }),
            doneStep('thank_you', '2026-02-25T20:00:00.000Z', { contactId: 'c-2' }),
          ],
          events: [message('2026-03-09T14:00:00.000Z'), message('2026-03-16T14:00:00.000Z')],
          now: '2026-03-30T16:00:00.000Z',
        }),
      ),
    );
    expect(scores(result)).toEqual({
      avoiding_confrontation: 0.98,
      position_gone: 0.35,
      room_for_improvement: 0.25,
      too_many_applicants: 0.09,
      still_deciding: 0.08,
    });
    expect(causeOf(result, 'avoiding_confrontation').recommendation.action).toBe('send_closing_note');
  });

  it('4. still deciding: two days before the date given at an onsite, thank-you sent, posting up', () => {
    const onsite = makeInterview('2026-03-23T14:00:00.000Z', {
      round: 'onsite',
      decisionDate: '2026-03-27',
      interviewerIds: ['c-1'],
    });
    const result = expectWaiting(
      diagnose(
        makeInput({
          application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
          interviews: [onsite],
          followUps: [doneStep('thank_you', '2026-03-23T20:00:00.000Z', { contactId: 'c-1' })],
          postingStatus: online('2026-03-24T06:00:00.000Z'),
          now: '2026-03-25T16:00:00.000Z',
        }),
      ),
    );
    expect(scores(result)).toEqual({
      still_deciding: 0.92,
      room_for_improvement: 0.25,
      avoiding_confrontation: 0.18,
      too_many_applicants: 0.09,
      position_gone: 0.03,
    });
    expect(causeOf(result, 'still_deciding').recommendation).toMatchObject({
      action: 'wait_then_follow_up',
      date: '2026-03-31',
    });
  });

  it('5. room for improvement: a technical interview rated 2 of 5, nobody thanked, a 35% resume match', () => {
    const technical = makeInterview('2026-03-16T15:00:00.000Z', {
      interviewerIds: ['c-1', 'c-2'],
      selfRating: 2,
    });
    const result = expectWaiting(
      diagnose(
        makeInput({
          application: makeApplication({
            source: { kind: 'referral', detail: null },
            stage: 'interviewing',
            furthestStage: 'interviewing',
          }),
          interviews: [technical],
          tailoring: { score: 35, missingKeywords: ['TypeScript'] },
          now: '2026-03-27T16:00:00.000Z',
        }),
      ),
    );
    expect(scores(result)).toEqual({
      room_for_improvement: 0.85,
      still_deciding: 0.69,
      avoiding_confrontation: 0.65,
      position_gone: 0.18,
      too_many_applicants: 0.09,
    });
    expect(ranking(result)[0]).toBe('room_for_improvement');
    expect(causeOf(result, 'room_for_improvement').recommendation.action).toBe('tailor_and_thank');
  });
});

/**
 * "No documented signal is unreachable": `diagnosisSignals` is the one list of signals, docs/diagnosis.md names
 * each in its signals table, and for each one here is an input and the same input with only that signal's
 * source changed, which moves at least one cause's score. The Record type makes a new signal without an
 * example a type error.
 */
describe('every documented signal can move a score', () => {
  const interviewing = makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' });
  const afterInterview = (overrides: Partial<DiagnosisInput> = {}) =>
    makeInput({
      application: interviewing,
      interviews: [makeInterview('2026-03-09T15:00:00.000Z', { interviewerIds: ['c-1'] })],
      now: '2026-03-27T16:00:00.000Z',
      ...overrides,
    });
  const pairs: Record<DiagnosisSignal, readonly [DiagnosisInput, DiagnosisInput]> = {
    silence: [makeInput({ now: '2026-03-05T16:00:00.000Z' }), makeInput({ now: '2026-04-20T16:00:00.000Z' })],
    stage_reached: [
      makeInput(),
      makeInput({ application: makeApplication({ stage: 'screening', furthestStage: 'screening' }) }),
    ],
    rounds_done: [
      afterInterview(),
      afterInterview({
        interviews: [
          makeInterview('2026-03-02T15:00:00.000Z'),
          makeInterview('2026-03-09T15:00:00.000Z', { interviewerIds: ['c-1'] }),
        ],
      }),
    ],
    posting_status: [
      makeInput(),
      makeInput({
        postingStatus: { state: 'removed', checkedAt: '2026-03-15T06:00:00.000Z', validThrough: null },
      }),
    ],
    posting_expiry: [
      makeInput(),
      makeInput({
        application: makeApplication({ posting: { ...emptyPosting, validThrough: '2026-03-10' } }),
      }),
    ],
    posting_age: [
      makeInput(),
      makeInput({ application: makeApplication({ posting: { ...emptyPosting, datePosted: '2026-01-05' } }) }),
    ],
    nudges_unanswered: [makeInput(), makeInput({ events: [message('2026-03-16T14:00:00.000Z')] })],
    thank_you: [
      afterInterview(),
      afterInterview({
        followUps: [doneStep('thank_you', '2026-03-09T20:00:00.000Z', { contactId: 'c-1' })],
      }),
    ],
    source: [
      makeInput(),
      makeInput({ application: makeApplication({ source: { kind: 'referral', detail: null } }) }),
    ],
    company_size: [makeInput(), makeInput({ companySize: '10000+' })],
    tailoring_score: [makeInput(), makeInput({ tailoring: { score: 30, missingKeywords: [] } })],
    self_rating: [
      afterInterview(),
      afterInterview({
        interviews: [makeInterview('2026-03-09T15:00:00.000Z', { interviewerIds: ['c-1'], selfRating: 1 })],
      }),
    ],
    employer_reply: [
      afterInterview(),
      afterInterview({ events: [reply('2026-03-12T14:00:00.000Z', 'positive', '2026-04-10')] }),
    ],
    own_reply_time: [
      makeInput({ now: '2026-03-20T16:00:00.000Z' }),
      makeInput({
        now: '2026-03-20T16:00:00.000Z',
        history: { medianDaysToFirstReply: 4, firstRepliesMeasured: 5, responseRateBySource: {} },
      }),
    ],
    own_response_rate: [
      makeInput(),
      makeInput({
        history: {
          medianDaysToFirstReply: null,
          firstRepliesMeasured: 0,
          responseRateBySource: { job_board: { rate: 0.05, applications: 40 } },
        },
      }),
    ],
  };

  it.each(diagnosisSignals.map((signal) => [signal]))('%s', (signal) => {
    const [without, withSignal] = pairs[signal];
    const before = expectWaiting(diagnose(without));
    const moved = expectWaiting(diagnose(withSignal));
    const cited = moved.causes.flatMap((c) => c.evidence.filter((e) => e.signal === signal));
    expect(
      cited.some((e) => e.direction !== 'neutral'),
      `${signal} is cited for or against a cause`,
    ).toBe(true);
    const changed = diagnosisCauses.filter(
      (cause) => causeOf(before, cause).score !== causeOf(moved, cause).score,
    );
    expect(changed.length, `${signal} moves a score`).toBeGreaterThan(0);
  });

  it('names in docs/diagnosis.md exactly the signals the code has', () => {
    const docs = readFileSync(new URL('../../docs/diagnosis.md', import.meta.url), 'utf8');
    const table = docs.slice(
      docs.indexOf('## The signals'),
      docs.indexOf('##', docs.indexOf('## The signals') + 3),
    );
    const named = [...table.matchAll(/^\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => m[1]);
    expect(named.sort()).toEqual([...diagnosisSignals].sort());
  });
});
