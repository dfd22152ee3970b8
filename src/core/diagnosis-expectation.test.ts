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
} from '../../test/support/diagnosis-fixtures.js';
import { emptyPosting } from './application.js';
import { type DiagnosisInput, diagnose } from './diagnosis.js';
import { defaultTimeToHirePriors, mergeTimeToHirePriors } from './time-to-hire.js';

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
