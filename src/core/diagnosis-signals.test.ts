import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  causeOf,
  doneStep,
  expectWaiting,
  makeApplication,
  makeInput,
  makeInterview,
  message,
  postingChange,
  ranking,
  reply,
  stageChange,
} from '../../test/support/diagnosis-fixtures.js';
import { emptyPosting } from './application.js';
import {
  type DiagnosisInput,
  type DiagnosisSignal,
  diagnose,
  diagnosisCauses,
  diagnosisSignals,
  type WaitingDiagnosis,
} from './diagnosis.js';

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
