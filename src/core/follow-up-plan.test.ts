import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WorkCalendar } from './business-days.js';
import type { TimelineEvent } from './event.js';
import {
  checkInsEndedByResponse,
  type ExistingStep,
  type FollowUpPlanInput,
  type PlanApplication,
  type PlanInterview,
  type PlannedStep,
  planFollowUps,
} from './follow-up-plan.js';
import type { Outcome, Stage } from './pipeline.js';
import { applyPlaybookUpdate, defaultPlaybook } from './playbook.js';

const weekdays = [1, 2, 3, 4, 5];
const losAngeles = createWorkCalendar({
  timeZone: 'America/Los_Angeles',
  country: 'US',
  region: null,
  workingDays: weekdays,
});
const california = createWorkCalendar({
  timeZone: 'America/Los_Angeles',
  country: 'US',
  region: 'CA',
  workingDays: weekdays,
});
const berlin = createWorkCalendar({
  timeZone: 'Europe/Berlin',
  country: 'DE',
  region: 'BE',
  workingDays: weekdays,
});
const tokyo = createWorkCalendar({
  timeZone: 'Asia/Tokyo',
  country: 'JP',
  region: null,
  workingDays: weekdays,
});

/** A local wall-clock time in a zone, as the UTC instant hearback stores. */
function local(calendar: WorkCalendar, dateTime: string): string {
  const instant = Temporal.PlainDateTime.from(dateTime).toZonedDateTime(calendar.timeZone).toInstant();
  return new Date(instant.epochMilliseconds).toISOString();
}

/** An application added to hearback when it was sent (or at the start of 2026 when it was not sent). */
function application(stage: Stage, appliedAt: string | null, extra: Partial<PlanApplication> = {}) {
  return {
    id: 'app',
    stage,
    outcome: null,
    appliedAt,
    endedAt: null,
    createdAt: appliedAt ?? '2026-01-01T00:00:00.000Z',
    ...extra,
  } satisfies PlanApplication;
}

function interview(id: string, startsAt: string, endsAt: string, extra: Partial<PlanInterview> = {}) {
  return {
    id,
    round: 'technical',
    startsAt,
    endsAt,
    interviewerIds: [],
    decisionDate: null,
    ...extra,
  } satisfies PlanInterview;
}

const base = (id: string, occurredAt: string) => ({
  id,
  applicationId: 'app',
  occurredAt,
  createdAt: occurredAt,
});

function stageChange(
  id: string,
  toStage: Stage,
  occurredAt: string,
  outcome: Outcome | null = null,
): TimelineEvent {
  return {
    ...base(id, occurredAt),
    kind: 'stage_change',
    fromStage: null,
    toStage,
    outcome,
    closedReason: null,
    note: null,
  };
}

function reply(
  id: string,
  occurredAt: string,
  extra: {
    sentiment?: 'positive' | 'neutral' | 'negative';
    newDecisionDate?: string;
    contactId?: string;
  } = {},
): TimelineEvent {
  return {
    ...base(id, occurredAt),
    kind: 'reply_received',
    channel: 'email',
    contactId: extra.contactId ?? null,
    sentiment: extra.sentiment ?? 'neutral',
    summary: null,
    newDecisionDate: extra.newDecisionDate ?? null,
  };
}

function message(id: string, occurredAt: string, followUpId: string | null = null): TimelineEvent {
  return {
    ...base(id, occurredAt),
    kind: 'message_sent',
    channel: 'email',
    contactId: null,
    followUpId,
    subject: null,
    body: null,
  };
}

function stored(
  planKey: string | null,
  kind: ExistingStep['kind'],
  status: ExistingStep['status'],
  extra: Partial<ExistingStep> = {},
): ExistingStep {
  return {
    id: `step-${planKey ?? Math.random()}`,
    kind,
    status,
    dueAt: extra.completedAt ?? '2026-01-01T00:00:00.000Z',
    snoozedUntil: null,
    completedAt: null,
    origin: planKey ? 'plan' : 'manual',
    planKey,
    ...extra,
  };
}

function plan(input: Partial<FollowUpPlanInput> & Pick<FollowUpPlanInput, 'application'>): PlannedStep[] {
  return planFollowUps({
    interviews: [],
    events: [],
    steps: [],
    playbook: defaultPlaybook,
    calendar: losAngeles,
    now: '2026-03-04T00:00:00.000Z',
    ...input,
  });
}

function only(steps: PlannedStep[], kind: PlannedStep['kind']): PlannedStep {
  const matching = steps.filter((s) => s.kind === kind);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

/** An interview on Tue 3 Mar 2026, 14:00 to 15:00 in Los Angeles (UTC−8). */
const tuesdayInterview = interview(
  'i1',
  local(losAngeles, '2026-03-03T14:00'),
  local(losAngeles, '2026-03-03T15:00'),
  { interviewerIds: ['ada', 'grace'] },
);
const appliedFeb = local(losAngeles, '2026-02-10T09:30');
const interviewing = {
  application: application('interviewing', appliedFeb),
  interviews: [tuesdayInterview],
  events: [stageChange('e-applied', 'applied', appliedFeb)],
};

describe('thank-you notes', () => {
  it('plans one per interviewer, due 24 hours after the interview ends', () => {
    const thanks = plan(interviewing).filter((s) => s.kind === 'thank_you');
    expect(thanks.map((s) => [s.planKey, s.contactId, s.dueAt])).toEqual([
      ['thank_you:i1:ada', 'ada', '2026-03-04T23:00:00.000Z'],
      ['thank_you:i1:grace', 'grace', '2026-03-04T23:00:00.000Z'],
    ]);
    expect(thanks[0]?.reason).toBe(
      'Thank-you note, within 24 hours of the end of your technical interview on Tue 3 Mar',
    );
    expect(thanks[0]?.channel).toBe('email');
  });

  it('plans a single note when no interviewer was recorded', () => {
    const steps = plan({ ...interviewing, interviews: [{ ...tuesdayInterview, interviewerIds: [] }] });
    const thanks = only(steps, 'thank_you');
    expect(thanks.planKey).toBe('thank_you:i1:none');
    expect(thanks.reason).toMatch(/^Thank-you note to your interviewers, within 24 hours/);
  });

  it('moves a note that would fall on Saturday to Monday morning, across the US change to daylight time', () => {
    const friday = interview(
      'fri',
      local(losAngeles, '2026-03-06T10:00'),
      local(losAngeles, '2026-03-06T11:00'),
    );
    const thanks = only(plan({ ...interviewing, interviews: [friday] }), 'thank_you');
    expect(thanks.dueAt).toBe(local(losAngeles, '2026-03-09T09:00'));
    expect(thanks.dueAt).toBe('2026-03-09T16:00:00.000Z');
    expect(thanks.reason).toBe(
      'Thank-you note to your interviewers, within 24 hours of the end of your technical interview on Fri 6 Mar; ' +
        'Sat 7 Mar is a Saturday, not one of your working days, so it is due the next working morning, Mon 9 Mar',
    );
  });

  it('moves a note that would fall on Thanksgiving to the next business morning (Monday in California)', () => {
    const beforeThanksgiving = interview(
      'tg',
      local(losAngeles, '2026-11-25T13:00'),
      local(losAngeles, '2026-11-25T14:00'),
    );
    const input = {
      ...interviewing,
      interviews: [beforeThanksgiving],
      now: '2026-11-25T23:00:00.000Z',
    };
    const us = only(plan(input), 'thank_you');
    expect(us.dueAt).toBe(local(losAngeles, '2026-11-27T09:00'));
    expect(us.reason).toMatch(
      /Thu 26 Nov is Thanksgiving Day, so it is due the next working morning, Fri 27 Nov$/,
    );
    const ca = only(plan({ ...input, calendar: california }), 'thank_you');
    expect(ca.dueAt).toBe(local(losAngeles, '2026-11-30T09:00'));
  });

  it('brings a deadline after working hours back to the end of that working day', () => {
    const evening = interview(
      'eve',
      local(losAngeles, '2026-03-03T17:30'),
      local(losAngeles, '2026-03-03T18:30'),
    );
    const thanks = only(plan({ ...interviewing, interviews: [evening] }), 'thank_you');
    expect(thanks.dueAt).toBe(local(losAngeles, '2026-03-04T17:00'));
    expect(thanks.reason).toMatch(/after working hours, so it is due by 17:00 on Wed 4 Mar$/);
  });

  it('is not planned again once done or skipped', () => {
    const steps = plan({
      ...interviewing,
      steps: [
        stored('thank_you:i1:ada', 'thank_you', 'done', { completedAt: '2026-03-04T18:00:00.000Z' }),
        stored('thank_you:i1:grace', 'thank_you', 'skipped', { completedAt: '2026-03-04T18:00:00.000Z' }),
      ],
    });
    expect(steps.filter((s) => s.kind === 'thank_you')).toEqual([]);
  });

  it('leaves out a thank-you that is already weeks late when first planned, but keeps one already planned', () => {
    const late = { ...interviewing, now: '2026-03-25T18:00:00.000Z' };
    expect(plan(late).filter((s) => s.kind === 'thank_you')).toEqual([]);
    const kept = plan({ ...late, steps: [stored('thank_you:i1:ada', 'thank_you', 'planned')] });
    expect(kept.filter((s) => s.kind === 'thank_you').map((s) => s.planKey)).toEqual(['thank_you:i1:ada']);
  });

  it('is not planned when the rule is switched off', () => {
    const playbook = applyPlaybookUpdate(defaultPlaybook, { rules: { thank_you: { enabled: false } } });
    expect(plan({ ...interviewing, playbook }).filter((s) => s.kind === 'thank_you')).toEqual([]);
  });
});

describe('follow-ups after an interview', () => {
  it('plans the first follow-up 2 business days after the decision date they gave', () => {
    const withDate = { ...tuesdayInterview, decisionDate: '2026-03-05' };
    const first = only(plan({ ...interviewing, interviews: [withDate] }), 'first_follow_up');
    expect(first).toEqual({
      planKey: 'first_follow_up:interview:i1',
      kind: 'first_follow_up',
      rule: 'first_follow_up',
      dueAt: '2026-03-09T16:00:00.000Z',
      channel: 'phone',
      contactId: null,
      interviewId: 'i1',
      reason: 'First follow-up, 2 business days after the decision date they gave you, Thu 5 Mar',
      isNudge: true,
      isOptional: false,
    });
  });

  it('plans the first follow-up 5 business days after the interview when no decision date was given', () => {
    const first = only(plan(interviewing), 'first_follow_up');
    expect(first.dueAt).toBe(local(losAngeles, '2026-03-10T09:00'));
    expect(first.reason).toBe('First follow-up, 5 business days after your technical interview on Tue 3 Mar');
  });

  it('plans only the next step of the chain: nothing past the first follow-up until it is done', () => {
    expect(
      plan(interviewing)
        .filter((s) => s.isNudge)
        .map((s) => s.kind),
    ).toEqual(['first_follow_up']);
  });

  it('spaces the second follow-up from when the first was actually done, not when it was due', () => {
    const steps = plan({
      ...interviewing,
      steps: [
        stored('first_follow_up:interview:i1', 'first_follow_up', 'done', {
          completedAt: local(losAngeles, '2026-03-12T13:00'),
        }),
      ],
    });
    const second = only(steps, 'second_follow_up');
    expect(second.dueAt).toBe(local(losAngeles, '2026-03-19T09:00'));
    expect(second.reason).toBe('Second follow-up, 5 business days after your first follow-up on Thu 12 Mar');
    expect(second.channel).toBe('email');
  });

  it('plans the closing note 5 business days after the second, then suggests ending 10 business days later', () => {
    const done = (key: string, kind: ExistingStep['kind'], at: string) =>
      stored(key, kind, 'done', { completedAt: local(losAngeles, at) });
    const history = [
      done('first_follow_up:interview:i1', 'first_follow_up', '2026-03-10T10:00'),
      done('second_follow_up:interview:i1', 'second_follow_up', '2026-03-17T10:00'),
    ];
    const closing = only(plan({ ...interviewing, steps: history }), 'closing_note');
    expect(closing.dueAt).toBe(local(losAngeles, '2026-03-24T09:00'));
    expect(closing.reason).toBe(
      'Closing-the-loop note, 5 business days after your second follow-up on Tue 17 Mar',
    );

    const withClosing = [...history, done('closing_note:interview:i1', 'closing_note', '2026-03-24T11:00')];
    const suggestion = only(plan({ ...interviewing, steps: withClosing }), 'suggest_no_response');
    expect(suggestion.dueAt).toBe(local(losAngeles, '2026-04-07T09:00'));
    expect(suggestion.channel).toBe(null);
    expect(suggestion.isNudge).toBe(false);
    expect(suggestion.reason).toBe(
      'No reply 10 business days after your closing note on Tue 24 Mar: consider ending this application as no response',
    );

    const finished = [
      ...withClosing,
      done('suggest_no_response:interview:i1', 'suggest_no_response', '2026-04-07T10:00'),
    ];
    expect(plan({ ...interviewing, steps: finished }).filter((s) => s.kind !== 'thank_you')).toEqual([]);
  });

  it('times the next step from a skip, and says it was skipped', () => {
    const steps = plan({
      ...interviewing,
      steps: [
        stored('first_follow_up:interview:i1', 'first_follow_up', 'skipped', {
          completedAt: local(losAngeles, '2026-03-11T08:00'),
        }),
      ],
    });
    const second = only(steps, 'second_follow_up');
    expect(second.dueAt).toBe(local(losAngeles, '2026-03-18T09:00'));
    expect(second.reason).toMatch(/after you skipped the first follow-up on Wed 11 Mar$/);
  });

  it('times the second follow-up from the interview when the first is switched off', () => {
    const playbook = applyPlaybookUpdate(defaultPlaybook, { rules: { first_follow_up: { enabled: false } } });
    const second = only(plan({ ...interviewing, playbook }), 'second_follow_up');
    expect(second.dueAt).toBe(local(losAngeles, '2026-03-10T09:00'));
  });

  it('skips Thanksgiving when counting business days to a follow-up', () => {
    const decision = { ...tuesdayInterview, decisionDate: '2026-11-25' };
    const input = {
      ...interviewing,
      interviews: [
        {
          ...decision,
          startsAt: local(losAngeles, '2026-11-20T10:00'),
          endsAt: local(losAngeles, '2026-11-20T11:00'),
        },
      ],
    };
    expect(only(plan(input), 'first_follow_up').dueAt).toBe(local(losAngeles, '2026-11-30T09:00'));
    expect(only(plan({ ...input, calendar: california }), 'first_follow_up').dueAt).toBe(
      local(losAngeles, '2026-12-01T09:00'),
    );
  });

  it('ignores a decision date before the interview (a typing slip) and counts from the interview', () => {
    const slip = { ...tuesdayInterview, decisionDate: '2026-02-01' };
    const first = only(plan({ ...interviewing, interviews: [slip] }), 'first_follow_up');
    expect(first.dueAt).toBe(local(losAngeles, '2026-03-10T09:00'));
  });
});

describe('a new interview starts a new cycle', () => {
  it('drops the previous cycle’s nudges and plans from the newest interview', () => {
    const second = interview(
      'i2',
      local(losAngeles, '2026-03-16T10:00'),
      local(losAngeles, '2026-03-16T12:00'),
      {
        round: 'final',
        interviewerIds: ['linus'],
      },
    );
    const steps = plan({
      ...interviewing,
      interviews: [second, tuesdayInterview],
      steps: [
        stored('first_follow_up:interview:i1', 'first_follow_up', 'done', {
          completedAt: local(losAngeles, '2026-03-10T10:00'),
        }),
        stored('thank_you:i1:ada', 'thank_you', 'done'),
        stored('thank_you:i1:grace', 'thank_you', 'done'),
      ],
      now: '2026-03-16T22:00:00.000Z',
    });
    expect(steps.map((s) => s.planKey)).toEqual(['thank_you:i2:linus', 'first_follow_up:interview:i2']);
    expect(only(steps, 'first_follow_up').reason).toBe(
      'First follow-up, 5 business days after your final interview on Mon 16 Mar',
    );
  });

  it('plans after an interview still to come, and stops application check-ins once one is booked', () => {
    const upcoming = interview(
      'soon',
      local(losAngeles, '2026-03-20T10:00'),
      local(losAngeles, '2026-03-20T11:00'),
    );
    const steps = plan({
      application: application('interviewing', appliedFeb),
      interviews: [upcoming],
      events: [stageChange('e-applied', 'applied', appliedFeb)],
      now: '2026-03-05T18:00:00.000Z',
    });
    expect(steps.filter((s) => s.isNudge).map((s) => [s.kind, s.dueAt])).toEqual([
      ['first_follow_up', local(losAngeles, '2026-03-27T09:00')],
    ]);
  });
});

describe('replies from the employer', () => {
  const replied = reply('r1', local(losAngeles, '2026-03-11T11:00'), { contactId: 'recruiter' });

  it('cancel the pending nudges and re-plan from the reply', () => {
    const before = only(plan(interviewing), 'first_follow_up');
    const after = plan({ ...interviewing, events: [...interviewing.events, replied] }).filter(
      (s) => s.isNudge,
    );
    expect(after.map((s) => s.planKey)).toEqual(['first_follow_up:reply:r1']);
    expect(after[0]?.planKey).not.toBe(before.planKey);
    expect(after[0]?.dueAt).toBe(local(losAngeles, '2026-03-18T09:00'));
    expect(after[0]?.contactId).toBe('recruiter');
    expect(after[0]?.reason).toBe('Follow-up, 5 business days after their reply on Wed 11 Mar');
  });

  it('move the next step to 2 business days after a new date given in the reply', () => {
    const dated = reply('r2', local(losAngeles, '2026-03-11T11:00'), { newDecisionDate: '2026-03-20' });
    const next = only(plan({ ...interviewing, events: [...interviewing.events, dated] }), 'first_follow_up');
    expect(next.dueAt).toBe(local(losAngeles, '2026-03-24T09:00'));
    expect(next.reason).toBe(
      'Follow-up, 2 business days after the new date they gave in their reply, Fri 20 Mar',
    );
  });

  it('restart the count: three more nudges are allowed after a reply', () => {
    const done = (key: string, kind: ExistingStep['kind'], at: string) =>
      stored(key, kind, 'done', { completedAt: local(losAngeles, at) });
    const steps = plan({
      ...interviewing,
      events: [...interviewing.events, reply('r3', local(losAngeles, '2026-04-01T10:00'))],
      steps: [
        done('first_follow_up:interview:i1', 'first_follow_up', '2026-03-10T10:00'),
        done('second_follow_up:interview:i1', 'second_follow_up', '2026-03-17T10:00'),
        done('closing_note:interview:i1', 'closing_note', '2026-03-24T10:00'),
      ],
    });
    expect(only(steps, 'first_follow_up').planKey).toBe('first_follow_up:reply:r3');
  });

  it('end the chain when they say no and give no new date', () => {
    const no = reply('r4', local(losAngeles, '2026-03-11T11:00'), { sentiment: 'negative' });
    const steps = plan({ ...interviewing, events: [...interviewing.events, no] });
    expect(steps.filter((s) => s.isNudge || s.kind === 'suggest_no_response')).toEqual([]);
    expect(steps.filter((s) => s.kind === 'thank_you')).toHaveLength(2);
  });

  it('end the application check-ins before any interview, and plan a follow-up from the reply', () => {
    const applied = local(losAngeles, '2026-03-02T10:00');
    const steps = plan({
      application: application('applied', applied),
      events: [stageChange('e1', 'applied', applied), reply('r5', local(losAngeles, '2026-03-04T10:00'))],
    });
    expect(steps.map((s) => [s.planKey, s.dueAt, s.reason])).toEqual([
      [
        'first_follow_up:reply:r5',
        local(losAngeles, '2026-03-11T09:00'),
        'Follow-up, 5 business days after their reply on Wed 4 Mar',
      ],
    ]);
  });
});

describe('spacing and limits', () => {
  it('never plans a nudge within 3 business days of the last message the user logged', () => {
    const steps = plan({
      ...interviewing,
      events: [...interviewing.events, message('m1', local(losAngeles, '2026-03-09T12:00'))],
    });
    const first = only(steps, 'first_follow_up');
    expect(first.dueAt).toBe(local(losAngeles, '2026-03-12T09:00'));
    expect(first.reason).toBe(
      'First follow-up, 5 business days after your technical interview on Tue 3 Mar; ' +
        'moved to Thu 12 Mar to keep 3 business days after your last message on Mon 9 Mar',
    );
  });

  it('does not count a message sent for a thank-you as a nudge', () => {
    const thanks = stored('thank_you:i1:ada', 'thank_you', 'done', { id: 'ty' });
    const steps = plan({
      ...interviewing,
      steps: [thanks],
      events: [...interviewing.events, message('m2', local(losAngeles, '2026-03-09T12:00'), 'ty')],
    });
    expect(only(steps, 'first_follow_up').dueAt).toBe(local(losAngeles, '2026-03-10T09:00'));
  });

  it('stops nudging after three nudges without a reply and suggests ending instead', () => {
    const manual = (n: number, at: string) =>
      stored(null, 'first_follow_up', 'done', { id: `manual-${n}`, completedAt: local(losAngeles, at) });
    const steps = plan({
      ...interviewing,
      steps: [manual(1, '2026-03-05T10:00'), manual(2, '2026-03-10T10:00'), manual(3, '2026-03-13T10:00')],
    });
    expect(steps.filter((s) => s.isNudge)).toEqual([]);
    const suggestion = only(steps, 'suggest_no_response');
    expect(suggestion.dueAt).toBe(local(losAngeles, '2026-03-27T09:00'));
    expect(suggestion.reason).toMatch(/10 business days after your last message on Fri 13 Mar/);
  });
});

describe('application check-ins', () => {
  const applied = local(losAngeles, '2026-03-02T10:00');
  const waiting = {
    application: application('applied', applied),
    events: [stageChange('e1', 'applied', applied)],
  };

  it('checks in 7 business days after applying', () => {
    const checkIn = only(plan(waiting), 'application_check_in');
    expect(checkIn.planKey).toBe('application_check_in:applied:e1');
    expect(checkIn.dueAt).toBe(local(losAngeles, '2026-03-11T09:00'));
    expect(checkIn.reason).toBe(
      'Check-in on your application, 7 business days after you applied on Mon 2 Mar',
    );
  });

  it('checks in a second time 5 business days after the first, then stops', () => {
    const first = stored('application_check_in:applied:e1', 'application_check_in', 'done', {
      completedAt: local(losAngeles, '2026-03-11T10:00'),
    });
    const second = only(plan({ ...waiting, steps: [first] }), 'application_check_in');
    expect(second.planKey).toBe('application_check_in:applied:e1:2');
    expect(second.dueAt).toBe(local(losAngeles, '2026-03-18T09:00'));
    expect(second.reason).toBe(
      'Second check-in on your application, 5 business days after your check-in on Wed 11 Mar',
    );
    const both = [
      first,
      stored('application_check_in:applied:e1:2', 'application_check_in', 'done', {
        completedAt: local(losAngeles, '2026-03-18T10:00'),
      }),
    ];
    expect(plan({ ...waiting, steps: both })).toEqual([]);
  });

  it('stop once the employer screens the application, and a follow-up is timed from the screen', () => {
    const screened = local(losAngeles, '2026-03-12T14:00');
    const steps = plan({
      application: application('screening', applied),
      events: [...waiting.events, stageChange('e2', 'screening', screened)],
      steps: [stored('application_check_in:applied:e1', 'application_check_in', 'planned')],
      now: screened,
    });
    expect(steps.map((s) => [s.planKey, s.dueAt, s.reason])).toEqual([
      [
        'first_follow_up:stage:e2',
        local(losAngeles, '2026-03-19T09:00'),
        'First follow-up, 5 business days after you moved it to screening on Thu 12 Mar',
      ],
    ]);
  });

  it('come back when a move to screening is undone (the application is waiting again)', () => {
    const steps = plan({
      application: application('applied', applied),
      events: [
        ...waiting.events,
        stageChange('e2', 'screening', local(losAngeles, '2026-03-03T10:00')),
        stageChange('e3', 'applied', local(losAngeles, '2026-03-03T10:05')),
      ],
    });
    expect(only(steps, 'application_check_in').planKey).toBe('application_check_in:applied:e1');
  });

  it('the user added by hand are ended by any answer, and only by one', () => {
    const mine = stored(null, 'application_check_in', 'planned', { id: 'mine' });
    const snoozed = stored(null, 'application_check_in', 'snoozed', { id: 'snoozed' });
    const done = stored(null, 'application_check_in', 'done', { id: 'done' });
    const custom = stored(null, 'custom', 'planned', { id: 'custom' });
    const steps = [mine, snoozed, done, custom];
    const input = (extra: Partial<FollowUpPlanInput>) => ({
      ...waiting,
      interviews: [],
      steps,
      playbook: defaultPlaybook,
      calendar: losAngeles,
      now: applied,
      ...extra,
    });
    expect(checkInsEndedByResponse(input({}))).toEqual([]);
    const answers: Array<Partial<FollowUpPlanInput>> = [
      { events: [...waiting.events, reply('r1', local(losAngeles, '2026-03-03T10:00'))] },
      { application: application('screening', applied) },
      { application: application('interviewing', applied) },
      { application: application('offer', applied) },
      {
        application: application('ended', applied, { outcome: 'rejected' }),
        events: [...waiting.events, stageChange('e2', 'ended', applied, 'rejected')],
      },
      {
        application: application('ended', applied, { outcome: 'withdrew' }),
        events: [
          ...waiting.events,
          stageChange('e2', 'screening', applied),
          stageChange('e3', 'ended', applied, 'withdrew'),
        ],
      },
      { interviews: [tuesdayInterview] },
    ];
    for (const answer of answers) {
      expect(checkInsEndedByResponse(input(answer)).map((s) => s.id)).toEqual(['mine', 'snoozed']);
    }
    // A reply dated before the application answered something else; withdrawing is no answer from them.
    const early = reply('r0', local(losAngeles, '2026-03-01T10:00'));
    expect(checkInsEndedByResponse(input({ events: [...waiting.events, early] }))).toEqual([]);
    const withdrawn = {
      application: application('ended', applied, { outcome: 'withdrew' }),
      events: [...waiting.events, stageChange('e2', 'ended', applied, 'withdrew')],
    };
    expect(checkInsEndedByResponse(input(withdrawn))).toEqual([]);
  });

  it('plans nothing for a saved posting the user has not applied to', () => {
    expect(plan({ application: application('saved', null) })).toEqual([]);
  });
});

describe('offers and endings', () => {
  it('checks on the written offer 2 business days after it was promised', () => {
    const offered = local(losAngeles, '2026-03-03T16:00');
    const steps = plan({
      ...interviewing,
      application: application('offer', appliedFeb),
      events: [...interviewing.events, stageChange('e-offer', 'offer', offered)],
      steps: [
        stored('thank_you:i1:ada', 'thank_you', 'done'),
        stored('thank_you:i1:grace', 'thank_you', 'done'),
      ],
    });
    expect(steps.map((s) => [s.planKey, s.dueAt, s.reason])).toEqual([
      [
        'offer_check:offer:e-offer',
        local(losAngeles, '2026-03-05T09:00'),
        'Check on the written offer, 2 business days after the offer on Tue 3 Mar',
      ],
    ]);
  });

  it('after a rejection, plans only the optional feedback request, the next business day', () => {
    const ended = local(losAngeles, '2026-03-06T15:00');
    const steps = plan({
      ...interviewing,
      application: application('ended', appliedFeb, { outcome: 'rejected', endedAt: ended }),
      events: [...interviewing.events, stageChange('e-end', 'ended', ended, 'rejected')],
      now: '2026-03-07T00:00:00.000Z',
    });
    expect(steps).toEqual([
      {
        planKey: 'feedback_request:ended:e-end',
        kind: 'feedback_request',
        rule: 'feedback_request',
        dueAt: local(losAngeles, '2026-03-09T09:00'),
        channel: 'email',
        contactId: null,
        interviewId: 'i1',
        reason:
          'Optional: ask for feedback and keep in touch, the next business day after the rejection on Fri 6 Mar',
        isNudge: false,
        isOptional: true,
      },
    ]);
  });

  it('plans nothing at all for an application ended in any other way', () => {
    const ended = local(losAngeles, '2026-03-06T15:00');
    for (const outcome of ['no_response', 'withdrew', 'accepted', 'position_closed'] as const) {
      const steps = plan({
        ...interviewing,
        application: application('ended', appliedFeb, { outcome, endedAt: ended }),
        events: [...interviewing.events, stageChange('e-end', 'ended', ended, outcome)],
      });
      expect(steps).toEqual([]);
    }
  });
});

describe('snoozed steps', () => {
  it('keep the later date the user chose, moved off a weekend', () => {
    const snoozed = stored('first_follow_up:interview:i1', 'first_follow_up', 'snoozed', {
      snoozedUntil: local(losAngeles, '2026-03-14T09:00'),
    });
    const first = only(plan({ ...interviewing, steps: [snoozed] }), 'first_follow_up');
    expect(first.dueAt).toBe(local(losAngeles, '2026-03-16T09:00'));
    expect(first.reason).toMatch(/; snoozed by you to Mon 16 Mar$/);
  });

  it('never pull a step earlier than its rule', () => {
    const snoozed = stored('first_follow_up:interview:i1', 'first_follow_up', 'snoozed', {
      snoozedUntil: local(losAngeles, '2026-03-05T09:00'),
    });
    expect(only(plan({ ...interviewing, steps: [snoozed] }), 'first_follow_up').dueAt).toBe(
      local(losAngeles, '2026-03-10T09:00'),
    );
  });
});

describe('custom steps', () => {
  it('are timed from their anchor and keyed per interview', () => {
    const playbook = applyPlaybookUpdate(defaultPlaybook, {
      customSteps: [
        {
          id: 'linkedin',
          title: 'Connect on LinkedIn',
          after: 'interview',
          delay: { amount: 1, unit: 'business_days' },
          channel: 'linkedin',
          enabled: true,
        },
      ],
    });
    const custom = only(plan({ ...interviewing, playbook }), 'custom');
    expect(custom).toMatchObject({
      planKey: 'custom:linkedin:interview:i1',
      rule: 'custom:linkedin',
      channel: 'linkedin',
      interviewId: 'i1',
      dueAt: local(losAngeles, '2026-03-04T09:00'),
      reason:
        'Your step "Connect on LinkedIn", the next business day after your technical interview on Tue 3 Mar',
    });
  });
});

describe('time zones far from UTC', () => {
  it('Berlin (UTC+1): a Friday interview is thanked on Monday after the change to summer time', () => {
    const friday = interview('b1', local(berlin, '2026-03-27T16:00'), local(berlin, '2026-03-27T17:00'), {
      interviewerIds: ['klaus'],
    });
    const steps = plan({
      ...interviewing,
      interviews: [friday],
      calendar: berlin,
      now: '2026-03-27T17:00:00Z',
    });
    expect(only(steps, 'thank_you').dueAt).toBe('2026-03-30T07:00:00.000Z');
    // Five business days after Fri 27 Mar skip Good Friday and Easter Monday: Tue 7 Apr.
    expect(only(steps, 'first_follow_up').dueAt).toBe('2026-04-07T07:00:00.000Z');
  });

  it('Tokyo (UTC+9): an interview at 07:30 on Monday is a Monday interview although UTC says Sunday', () => {
    const monday = interview('t1', local(tokyo, '2026-03-02T07:30'), local(tokyo, '2026-03-02T08:30'));
    expect(monday.startsAt).toBe('2026-03-01T22:30:00.000Z');
    const steps = plan({
      ...interviewing,
      interviews: [monday],
      calendar: tokyo,
      now: '2026-03-02T00:00:00Z',
    });
    expect(only(steps, 'first_follow_up').dueAt).toBe(local(tokyo, '2026-03-09T09:00'));
    expect(only(steps, 'first_follow_up').reason).toMatch(/on Mon 2 Mar$/);
    const thanks = only(steps, 'thank_you');
    expect(thanks.dueAt).toBe(local(tokyo, '2026-03-03T09:00'));
    expect(thanks.reason).toMatch(/before working hours, so it is due at the start of Tue 3 Mar$/);
  });

  it('Tokyo (UTC+9): counting from a decision date skips Culture Day', () => {
    const thursday = interview('t2', local(tokyo, '2026-10-29T14:00'), local(tokyo, '2026-10-29T15:00'), {
      decisionDate: '2026-10-30',
    });
    const steps = plan({
      ...interviewing,
      interviews: [thursday],
      calendar: tokyo,
      now: '2026-10-29T07:00:00Z',
    });
    expect(only(steps, 'first_follow_up').dueAt).toBe(local(tokyo, '2026-11-04T09:00'));
  });

  it('Los Angeles (UTC−8): an interview at 17:00 on Friday is a Friday interview although UTC says Saturday', () => {
    const late = interview(
      'la',
      local(losAngeles, '2026-03-06T16:00'),
      local(losAngeles, '2026-03-06T17:00'),
    );
    expect(late.endsAt).toBe('2026-03-07T01:00:00.000Z');
    const first = only(plan({ ...interviewing, interviews: [late] }), 'first_follow_up');
    expect(first.reason).toMatch(/on Fri 6 Mar$/);
    expect(first.dueAt).toBe(local(losAngeles, '2026-03-13T09:00'));
  });
});

describe('applications added with past dates (history is history)', () => {
  /** Added to hearback on Monday 16 March 2026 at 10:00 in Los Angeles, with a history that starts earlier. */
  const added = local(losAngeles, '2026-03-16T10:00');
  const arriving = (applied: string, stage: Stage = 'applied', extra: Partial<FollowUpPlanInput> = {}) => ({
    application: application(stage, applied, { createdAt: added }),
    events: [stageChange('e1', 'applied', applied)],
    now: added,
    ...extra,
  });
  const sentInNovember = local(losAngeles, '2025-11-03T10:00');
  const fromAdded = { ...arriving(sentInNovember), pastSteps: 'plan_from_added' as const };

  it('plans no check-in for an application sent four months before it was added', () => {
    expect(plan(arriving(sentInNovember))).toEqual([]);
  });

  it('plans a check-in missed by 2 business days on the day the application is added, not as overdue', () => {
    const checkIn = only(plan(arriving(local(losAngeles, '2026-03-03T10:00'))), 'application_check_in');
    expect(checkIn.dueAt).toBe(added);
    expect(checkIn.reason).toBe(
      'Check-in on your application, 7 business days after you applied on Tue 3 Mar; that was Thu 12 Mar, ' +
        'before you added this application on Mon 16 Mar, so it is due from then',
    );
  });

  it('still plans a check-in missed by exactly 3 business days', () => {
    const checkIn = only(plan(arriving(local(losAngeles, '2026-03-02T10:00'))), 'application_check_in');
    expect(checkIn.planKey).toBe('application_check_in:applied:e1');
    expect(checkIn.dueAt).toBe(added);
  });

  it('leaves a check-in missed by 4 business days as history and plans the second one from its date', () => {
    const second = only(plan(arriving(local(losAngeles, '2026-02-27T10:00'))), 'application_check_in');
    expect(second.planKey).toBe('application_check_in:applied:e1:2');
    expect(second.dueAt).toBe(local(losAngeles, '2026-03-17T09:00'));
    expect(second.reason).toBe(
      'Second check-in on your application, 5 business days after the check-in due Tue 10 Mar (before you added this application)',
    );
  });

  it('does not bring a check-in left as history back when the next one is done', () => {
    const input = arriving(local(losAngeles, '2026-02-27T10:00'));
    const second = stored('application_check_in:applied:e1:2', 'application_check_in', 'done', {
      completedAt: local(losAngeles, '2026-03-17T10:00'),
    });
    expect(plan({ ...input, steps: [second], now: local(losAngeles, '2026-03-17T10:00') })).toEqual([]);
  });

  it('plans no follow-up, closing note or suggestion for an interview stage reached months before', () => {
    const applied = sentInNovember;
    const input = arriving(applied, 'interviewing', {
      events: [
        stageChange('e1', 'applied', applied),
        stageChange('e2', 'interviewing', local(losAngeles, '2025-11-10T10:00')),
      ],
    });
    expect(plan(input)).toEqual([]);
  });

  it('suggests ending as no response when only that suggestion is still ahead', () => {
    const applied = local(losAngeles, '2026-02-02T10:00');
    const input = arriving(applied, 'screening', {
      events: [
        stageChange('e1', 'applied', applied),
        stageChange('e2', 'screening', local(losAngeles, '2026-02-09T10:00')),
      ],
    });
    const suggestion = only(plan(input), 'suggest_no_response');
    expect(suggestion.dueAt).toBe(local(losAngeles, '2026-03-17T09:00'));
    expect(suggestion.reason).toBe(
      'No reply 10 business days after the closing note due Tue 3 Mar (before you added this application): ' +
        'consider ending this application as no response',
    );
  });

  it('plans the first check-in from the day the application was added when asked to', () => {
    const steps = plan(fromAdded);
    expect(steps.map((s) => [s.planKey, s.dueAt])).toEqual([['application_check_in:applied:e1', added]]);
    expect(steps[0]?.reason).toBe(
      'Check-in on your application, 7 business days after you applied on Mon 3 Nov; that was Thu 13 Nov, ' +
        'before you added this application on Mon 16 Mar, so it is due from then',
    );
  });

  it('keeps a step planned from the day the application was added there when planned again', () => {
    const [first] = plan(fromAdded);
    const storedStep = stored(first!.planKey, first!.kind, 'planned', { dueAt: first!.dueAt });
    const later = {
      ...arriving(sentInNovember),
      now: local(losAngeles, '2026-04-20T10:00'),
    };
    expect(plan({ ...later, steps: [storedStep] })).toEqual([first]);
  });

  it('plans from the next working morning when the application is added on a Saturday', () => {
    const saturday = local(losAngeles, '2026-03-14T11:00');
    const applied = sentInNovember;
    const steps = plan({
      application: application('applied', applied, { createdAt: saturday }),
      events: [stageChange('e1', 'applied', applied)],
      now: saturday,
      pastSteps: 'plan_from_added',
    });
    expect(steps.map((s) => s.dueAt)).toEqual([local(losAngeles, '2026-03-16T09:00')]);
  });

  it('leaves out a custom step already past, or plans it from the day added when asked to', () => {
    const playbook = applyPlaybookUpdate(defaultPlaybook, {
      customSteps: [
        {
          id: 'linkedin',
          title: 'Connect on LinkedIn',
          after: 'application',
          delay: { amount: 1, unit: 'business_days' },
          channel: 'linkedin',
          enabled: true,
        },
      ],
    });
    const input = { ...arriving(sentInNovember), playbook };
    expect(plan(input)).toEqual([]);
    const fromAdded = plan({ ...input, pastSteps: 'plan_from_added' });
    expect(fromAdded.map((s) => [s.kind, s.dueAt])).toEqual([
      ['application_check_in', added],
      ['custom', added],
    ]);
  });

  it('keeps an overdue check-in of an application that was added when it was sent', () => {
    const applied = local(losAngeles, '2026-03-02T10:00');
    const late = {
      application: application('applied', applied),
      events: [stageChange('e1', 'applied', applied)],
      now: local(losAngeles, '2026-04-20T10:00'),
    };
    expect(only(plan(late), 'application_check_in').dueAt).toBe(local(losAngeles, '2026-03-11T09:00'));
  });
});

describe('determinism', () => {
  it('gives the same plan whatever order the history comes in', () => {
    const events = [
      ...interviewing.events,
      message('m1', local(losAngeles, '2026-03-09T12:00')),
      reply('r1', local(losAngeles, '2026-03-11T11:00')),
    ];
    const forward = plan({ ...interviewing, events });
    const backward = plan({ ...interviewing, events: [...events].reverse() });
    expect(backward).toEqual(forward);
  });
});
