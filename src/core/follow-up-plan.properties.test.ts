import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WorkCalendar } from './business-days.js';
import type { TimelineEvent } from './event.js';
import { isNudgeKind } from './follow-up.js';
import {
  checkInsEndedByResponse,
  type ExistingStep,
  type FollowUpPlanInput,
  maxNudgesWithoutReply,
  minBusinessDaysBetweenNudges,
  type PastSteps,
  type PlannedStep,
  planFollowUps,
} from './follow-up-plan.js';
import { interviewRounds } from './interview.js';
import type { Outcome, Stage } from './pipeline.js';
import { type Delay, defaultPlaybook, type Playbook, parsePlaybook } from './playbook.js';

/**
 * Property tests of the planner. Each case simulates a job search through time: an application, interviews
 * booked along the way, replies, messages, an offer or an ending, and a user who works through the plan by
 * doing, skipping, snoozing or ignoring whatever is due. The plan is recomputed at every step, as storage
 * does, and checked against the rules every plan must keep.
 */

/** Calendars print as their zone in counterexamples, not as a page of closures. */
const labelled = (calendar: WorkCalendar) =>
  Object.assign(calendar, { [fc.toStringMethod]: () => `calendar(${calendar.timeZone})` });

const calendars: readonly WorkCalendar[] = [
  labelled(
    createWorkCalendar({
      timeZone: 'America/Los_Angeles',
      country: 'US',
      region: 'CA',
      workingDays: [1, 2, 3, 4, 5],
    }),
  ),
  labelled(
    createWorkCalendar({
      timeZone: 'Europe/Berlin',
      country: 'DE',
      region: 'BE',
      workingDays: [1, 2, 3, 4, 5],
    }),
  ),
  labelled(
    createWorkCalendar({ timeZone: 'Asia/Tokyo', country: 'JP', region: null, workingDays: [1, 2, 3, 4, 5] }),
  ),
  labelled(
    createWorkCalendar({
      timeZone: 'Australia/Sydney',
      country: 'AU',
      region: 'NSW',
      workingDays: [1, 2, 3, 4, 5],
    }),
  ),
  labelled(
    createWorkCalendar({
      timeZone: 'Asia/Kolkata',
      country: 'IN',
      region: null,
      workingDays: [1, 2, 3, 4, 5, 6],
    }),
  ),
  labelled(
    createWorkCalendar({
      timeZone: 'Asia/Jerusalem',
      country: null,
      region: null,
      workingDays: [7, 1, 2, 3, 4],
    }),
  ),
  labelled(
    createWorkCalendar({
      timeZone: 'Asia/Kathmandu',
      country: null,
      region: null,
      workingDays: [7, 1, 2, 3, 4, 5],
    }),
  ),
];

const hourMs = 3_600_000;
const runs = { numRuns: 1_000 };

type Scenario = {
  readonly calendar: WorkCalendar;
  readonly playbook: Playbook;
  readonly start: number;
  /**
   * Hours after `start` (applying) that the application is added to hearback, when the simulation begins: 0
   * for most, weeks or months for an application typed in or imported later, with its history.
   */
  readonly addedAfterH: number;
  /** What the first plan does with steps already long past when the application is added. */
  readonly pastSteps: PastSteps;
  readonly interviews: readonly {
    bookedAfterH: number;
    inH: number;
    durationMin: number;
    decisionInDays: number | null;
    interviewers: number;
    round: (typeof interviewRounds)[number];
  }[];
  readonly replies: readonly {
    atH: number;
    sentiment: 'positive' | 'neutral' | 'negative';
    newDateInDays: number | null;
  }[];
  readonly messages: readonly number[];
  /** When the employer screens the application (a call from a recruiter), if it is still waiting then. */
  readonly screeningAtH: number | null;
  /** Check-ins the user added by hand when applying, each due this many hours later. */
  readonly manualCheckIns: readonly number[];
  readonly offerAtH: number | null;
  readonly ending: { atH: number; outcome: Outcome } | null;
  readonly actions: readonly { advanceH: number; choice: 'done' | 'skip' | 'snooze' | 'wait' }[];
};

const delayArb: fc.Arbitrary<Delay> = fc.oneof(
  fc.record({ amount: fc.integer({ min: 0, max: 15 }), unit: fc.constant('business_days' as const) }),
  fc.record({ amount: fc.integer({ min: 0, max: 96 }), unit: fc.constant('hours' as const) }),
);

const ruleArb = fc.record({ enabled: fc.constantFrom(true, true, true, false), delay: delayArb });

/** Half the cases use the defaults; the rest change every delay and switch, to show the limits hold anyway. */
const playbookArb: fc.Arbitrary<Playbook> = fc.oneof(
  fc.constant(defaultPlaybook),
  fc
    .record({
      thank_you: ruleArb,
      first_follow_up: ruleArb,
      afterDecisionDate: fc.integer({ min: 0, max: 10 }),
      second_follow_up: ruleArb,
      closing_note: ruleArb,
      suggest_no_response: ruleArb,
      application_check_in: ruleArb,
      second_check_in: ruleArb,
      offer_check: ruleArb,
      feedback_request: ruleArb,
      customSteps: fc.array(
        fc.record({
          after: fc.constantFrom('application', 'interview', 'offer', 'rejection'),
          delay: delayArb,
          enabled: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r) => {
      const d = defaultPlaybook.rules;
      return parsePlaybook({
        rules: {
          thank_you: { ...d.thank_you, ...r.thank_you },
          first_follow_up: {
            ...d.first_follow_up,
            ...r.first_follow_up,
            afterDecisionDate: { amount: r.afterDecisionDate, unit: 'business_days' },
          },
          second_follow_up: { ...d.second_follow_up, ...r.second_follow_up },
          closing_note: { ...d.closing_note, ...r.closing_note },
          suggest_no_response: { ...d.suggest_no_response, ...r.suggest_no_response },
          application_check_in: {
            ...d.application_check_in,
            ...r.application_check_in,
            second: r.second_check_in,
          },
          offer_check: { ...d.offer_check, ...r.offer_check },
          feedback_request: { ...d.feedback_request, ...r.feedback_request },
        },
        customSteps: r.customSteps.map((c, i) => ({ ...c, id: `c${i}`, title: `Step ${i}`, channel: null })),
      });
    }),
);

const busyScenarioArb: fc.Arbitrary<Scenario> = fc.record({
  calendar: fc.constantFrom(...calendars),
  playbook: playbookArb,
  start: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-06-30T00:00:00Z') }),
  addedAfterH: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3_000 })),
  pastSteps: fc.constantFrom('leave_as_history', 'plan_from_added'),
  interviews: fc.array(
    fc.record({
      bookedAfterH: fc.integer({ min: 0, max: 1_500 }),
      inH: fc.integer({ min: 1, max: 400 }),
      durationMin: fc.integer({ min: 15, max: 300 }),
      decisionInDays: fc.option(fc.integer({ min: -3, max: 20 })),
      interviewers: fc.integer({ min: 0, max: 3 }),
      round: fc.constantFrom(...interviewRounds),
    }),
    { maxLength: 3 },
  ),
  replies: fc.array(
    fc.record({
      atH: fc.integer({ min: 0, max: 2_500 }),
      sentiment: fc.constantFrom('positive', 'neutral', 'negative'),
      newDateInDays: fc.option(fc.integer({ min: -2, max: 20 })),
    }),
    { maxLength: 3 },
  ),
  messages: fc.array(fc.integer({ min: 0, max: 2_500 }), { maxLength: 3 }),
  screeningAtH: fc.option(fc.integer({ min: 0, max: 1_500 })),
  manualCheckIns: fc.constant([]),
  offerAtH: fc.option(fc.integer({ min: 0, max: 2_500 })),
  ending: fc.option(
    fc.record({
      atH: fc.integer({ min: 0, max: 2_500 }),
      outcome: fc.constantFrom('rejected', 'no_response', 'withdrew', 'position_closed'),
    }),
  ),
  actions: fc.array(
    fc.record({
      advanceH: fc.integer({ min: 1, max: 200 }),
      choice: fc.constantFrom('done', 'done', 'done', 'skip', 'snooze', 'wait'),
    }),
    { minLength: 3, maxLength: 8 },
  ),
});

/**
 * Long silences: one interview, no reply, a user who does what is due. Only these reach the end of a chain
 * often, where the limit of three nudges without a reply can be broken.
 */
const quietScenarioArb: fc.Arbitrary<Scenario> = busyScenarioArb.chain((busy) =>
  fc
    .record({
      interviews: fc.array(
        fc.record({
          bookedAfterH: fc.integer({ min: 0, max: 200 }),
          inH: fc.integer({ min: 1, max: 100 }),
          durationMin: fc.integer({ min: 30, max: 90 }),
          decisionInDays: fc.option(fc.integer({ min: 0, max: 10 })),
          interviewers: fc.integer({ min: 1, max: 2 }),
          round: fc.constantFrom(...interviewRounds),
        }),
        { maxLength: 1 },
      ),
      actions: fc.array(
        fc.record({
          advanceH: fc.integer({ min: 24, max: 200 }),
          choice: fc.constantFrom('done', 'done', 'done', 'done', 'snooze', 'wait'),
        }),
        { minLength: 8, maxLength: 14 },
      ),
    })
    .map((quiet) => ({
      ...busy,
      ...quiet,
      replies: [],
      messages: [],
      screeningAtH: null,
      offerAtH: null,
      ending: null,
    })),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.oneof(busyScenarioArb, quietScenarioArb);

const iso = (ms: number) => new Date(ms).toISOString();

function shiftDate(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** What the planner sees at time `t`: only what has happened (or been booked) by then. */
function inputAt(
  scenario: Scenario,
  t: number,
  steps: readonly ExistingStep[],
  pastSteps: PastSteps,
): FollowUpPlanInput {
  const { calendar, start } = scenario;
  const at = (h: number) => start + h * hourMs;
  const interviews = scenario.interviews
    .map((spec, i) => {
      const booked = at(spec.bookedAfterH);
      const starts = booked + spec.inH * hourMs;
      const ends = starts + spec.durationMin * 60_000;
      return {
        booked,
        interview: {
          id: `i${i}`,
          round: spec.round,
          startsAt: iso(starts),
          endsAt: iso(ends),
          interviewerIds: Array.from({ length: spec.interviewers }, (_, k) => `p${i}-${k}`),
          decisionDate:
            spec.decisionInDays === null
              ? null
              : shiftDate(calendar.localDate(iso(ends)), spec.decisionInDays),
        },
      };
    })
    .filter((x) => x.booked <= t);

  type Move = { at: number; id: string; to: Stage; outcome: Outcome | null };
  const moves: Move[] = [
    ...interviews.map((x) => ({
      at: x.booked,
      id: `move-${x.interview.id}`,
      to: 'interviewing' as Stage,
      outcome: null,
    })),
    ...(scenario.screeningAtH === null
      ? []
      : [{ at: at(scenario.screeningAtH), id: 'move-screening', to: 'screening' as Stage, outcome: null }]),
    ...(scenario.offerAtH === null
      ? []
      : [{ at: at(scenario.offerAtH), id: 'move-offer', to: 'offer' as Stage, outcome: null }]),
    ...(scenario.ending === null
      ? []
      : [
          {
            at: at(scenario.ending.atH),
            id: 'move-end',
            to: 'ended' as Stage,
            outcome: scenario.ending.outcome,
          },
        ]),
  ]
    .filter((m) => m.at <= t)
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  let stage: Stage = 'applied';
  let outcome: Outcome | null = null;
  let endedAt: string | null = null;
  const events: TimelineEvent[] = [stageEvent('move-applied', 'applied', iso(start), null)];
  for (const move of moves) {
    if (stage === 'ended') break;
    if (move.to === 'screening' && stage !== 'applied') continue;
    if (move.to === 'interviewing' && stage !== 'applied' && stage !== 'screening') continue;
    stage = move.to;
    outcome = move.outcome;
    if (stage === 'ended') endedAt = iso(move.at);
    events.push(stageEvent(move.id, move.to, iso(move.at), move.outcome));
  }
  scenario.replies.forEach((r, i) => {
    if (at(r.atH) > t) return;
    const occurredAt = iso(at(r.atH));
    events.push({
      id: `r${i}`,
      applicationId: 'app',
      kind: 'reply_received',
      occurredAt,
      createdAt: occurredAt,
      channel: 'email',
      contactId: null,
      sentiment: r.sentiment,
      summary: null,
      newDecisionDate:
        r.newDateInDays === null ? null : shiftDate(calendar.localDate(occurredAt), r.newDateInDays),
    });
  });
  scenario.messages.forEach((h, i) => {
    if (at(h) > t) return;
    const occurredAt = iso(at(h));
    events.push({
      id: `m${i}`,
      applicationId: 'app',
      kind: 'message_sent',
      occurredAt,
      createdAt: occurredAt,
      channel: 'email',
      contactId: null,
      followUpId: null,
      subject: null,
      body: null,
    });
  });
  return {
    application: {
      id: 'app',
      stage,
      outcome,
      appliedAt: iso(start),
      endedAt,
      createdAt: iso(at(scenario.addedAfterH)),
    },
    interviews: interviews.map((x) => x.interview),
    events,
    steps,
    playbook: scenario.playbook,
    calendar,
    now: iso(t),
    pastSteps,
  };
}

function stageEvent(id: string, toStage: Stage, occurredAt: string, outcome: Outcome | null): TimelineEvent {
  return {
    id,
    applicationId: 'app',
    kind: 'stage_change',
    occurredAt,
    createdAt: occurredAt,
    fromStage: null,
    toStage,
    outcome,
    closedReason: null,
    note: null,
  };
}

/** Stores a plan the way storage does: open plan steps are replaced, snoozes and closed steps are kept. */
function storePlan(steps: readonly ExistingStep[], plan: readonly PlannedStep[]): ExistingStep[] {
  const open = new Map(
    steps.filter((s) => s.planKey !== null && isOpen(s)).map((s) => [s.planKey as string, s]),
  );
  const kept = steps.filter((s) => !isOpen(s) || s.planKey === null);
  const fresh = plan.map(
    (p): ExistingStep => ({
      id: open.get(p.planKey)?.id ?? `s-${p.planKey}`,
      kind: p.kind,
      status: open.get(p.planKey)?.status ?? 'planned',
      dueAt: p.dueAt,
      snoozedUntil: open.get(p.planKey)?.snoozedUntil ?? null,
      completedAt: null,
      origin: 'plan',
      planKey: p.planKey,
    }),
  );
  return [...kept, ...fresh];
}

function isOpen(step: ExistingStep): boolean {
  return step.status === 'planned' || step.status === 'snoozed';
}

/** Closes the check-ins the user added that an answer has ended, as storage does after each plan. */
function closeEndedCheckIns(steps: readonly ExistingStep[], input: FollowUpPlanInput, t: number) {
  const ended = new Set(checkInsEndedByResponse(input).map((s) => s.id));
  return steps.map(
    (s): ExistingStep => (ended.has(s.id) ? { ...s, status: 'skipped', completedAt: iso(t) } : s),
  );
}

type Moment = {
  readonly t: number;
  readonly input: FollowUpPlanInput;
  readonly plan: PlannedStep[];
  /** The steps as storage holds them once the plan is stored, before the user acts. */
  readonly stored: readonly ExistingStep[];
};

/** Runs a scenario and returns every plan made along the way, with the input it was made from. */
function simulate(scenario: Scenario): Moment[] {
  let t = scenario.start + scenario.addedAfterH * hourMs;
  let steps: ExistingStep[] = scenario.manualCheckIns.map((h, i) => ({
    id: `manual-check-in-${i}`,
    kind: 'application_check_in',
    status: 'planned',
    dueAt: iso(scenario.start + h * hourMs),
    snoozedUntil: null,
    completedAt: null,
    origin: 'manual',
    planKey: null,
  }));
  const moments: Moment[] = [];
  for (const action of scenario.actions) {
    // Only the plan made when the application is added is asked to plan past steps; later ones never are.
    const pastSteps = moments.length === 0 ? scenario.pastSteps : 'leave_as_history';
    t += action.advanceH * hourMs;
    const input = inputAt(scenario, t, steps, pastSteps);
    const plan = planFollowUps(input);
    const stored = closeEndedCheckIns(storePlan(steps, plan), input, t);
    moments.push({ t, input, plan, stored });
    steps = stored.map((step) => (isOpen(step) && step.dueAt <= iso(t) ? act(step, action.choice, t) : step));
  }
  return moments;
}

/** What the simulated user does with a step that is due. */
function act(step: ExistingStep, choice: Scenario['actions'][number]['choice'], t: number): ExistingStep {
  if (choice === 'done') return { ...step, status: 'done', completedAt: iso(t) };
  if (choice === 'skip') return { ...step, status: 'skipped', completedAt: iso(t) };
  if (choice === 'snooze') {
    const until = iso(t + 30 * hourMs);
    return { ...step, status: 'snoozed', snoozedUntil: until, dueAt: until };
  }
  return step;
}

/** Moments the user sent something: nudges done, and messages they logged themselves. */
function sentMoments(input: FollowUpPlanInput): string[] {
  return [
    ...input.steps
      .filter((s) => s.status === 'done' && isNudgeKind(s.kind))
      .map((s) => s.completedAt as string),
    ...input.events.filter((e) => e.kind === 'message_sent').map((e) => e.occurredAt),
  ];
}

describe('planner properties (simulated job searches)', () => {
  it('never puts a step on a non-working day or outside working hours', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { calendar } = scenario;
        for (const { plan } of simulate(scenario)) {
          for (const step of plan) {
            const date = calendar.localDate(step.dueAt);
            check(calendar.isWorkingDay(date), `${step.planKey} is due on ${date}, a day off`);
            const time = calendar.localTime(step.dueAt);
            check(
              time >= '09:00' && time <= '17:00',
              `${step.planKey} is due at ${time}, outside working hours`,
            );
          }
        }
      }),
      runs,
    );
  });

  it('never has more than three nudges without a reply', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const { input, plan } of simulate(scenario)) {
          const resets = [
            ...input.events
              .filter((e) => e.kind === 'reply_received' || e.kind === 'stage_change')
              .map((e) => e.occurredAt),
            ...input.interviews.map((i) => i.endsAt),
          ];
          const lastReset = resets.sort().at(-1) as string;
          const sent = input.steps.filter(
            (s) => s.status === 'done' && isNudgeKind(s.kind) && (s.completedAt as string) >= lastReset,
          );
          const planned = plan.filter((s) => s.isNudge);
          check(planned.length <= 1, `${planned.length} nudges planned at once`);
          check(
            sent.length + planned.length <= maxNudgesWithoutReply,
            `${sent.length} nudges sent and ${planned.length} planned since ${lastReset}`,
          );
        }
      }),
      runs,
    );
  });

  it('never plans or sends two nudges within 3 business days', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { calendar } = scenario;
        const moments = simulate(scenario);
        for (const { input, plan } of moments) {
          for (const nudge of plan.filter((s) => s.isNudge)) {
            for (const sent of sentMoments(input)) {
              const gap = calendar.businessDaysBetween(
                calendar.localDate(sent),
                calendar.localDate(nudge.dueAt),
              );
              check(
                gap >= minBusinessDaysBetweenNudges,
                `${nudge.planKey} due ${nudge.dueAt}, ${gap} business days after a message at ${sent}`,
              );
            }
          }
        }
        const last = moments.at(-1);
        if (!last) return;
        const finalSteps = storePlan(last.input.steps, last.plan);
        const done = finalSteps.filter((s) => s.status === 'done' && isNudgeKind(s.kind));
        const sentAll = sentMoments(last.input);
        for (const step of done) {
          const at = step.completedAt as string;
          for (const earlier of sentAll.filter((s) => s < at)) {
            const gap = calendar.businessDaysBetween(calendar.localDate(earlier), calendar.localDate(at));
            check(
              gap >= minBusinessDaysBetweenNudges,
              `a nudge sent at ${at}, ${gap} business days after ${earlier}`,
            );
          }
        }
      }),
      runs,
    );
  });

  it('cancels every pending nudge when a reply arrives, and plans the next one after the reply', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 72 }),
        fc.constantFrom('positive', 'neutral', 'negative'),
        fc.option(fc.integer({ min: 0, max: 15 })),
        (scenario, afterH, sentiment, newDateInDays) => {
          const last = simulate(scenario).at(-1);
          if (!last) return;
          const { input, plan: before } = last;
          const stored = storePlan(input.steps, before);
          const at = iso(Date.parse(input.now) + afterH * hourMs);
          const newDecisionDate =
            newDateInDays === null ? null : shiftDate(input.calendar.localDate(at), newDateInDays);
          const answered = planFollowUps({
            ...input,
            steps: stored,
            now: at,
            events: [
              ...input.events,
              {
                id: 'the-reply',
                applicationId: 'app',
                kind: 'reply_received',
                occurredAt: at,
                createdAt: at,
                channel: 'email',
                contactId: null,
                sentiment,
                summary: null,
                newDecisionDate,
              },
            ],
          });
          const endsOf = new Map(input.interviews.map((i) => [i.id, i.endsAt]));
          const stillWaitingForInterview = (key: string) => {
            const interviewId = /:interview:([^:]+)/.exec(key)?.[1];
            return interviewId !== undefined && (endsOf.get(interviewId) ?? '') > at;
          };
          const pending = new Set(before.filter((s) => s.isNudge).map((s) => s.planKey));
          for (const nudge of answered.filter((s) => s.isNudge)) {
            check(nudge.dueAt >= at, `${nudge.planKey} is due ${nudge.dueAt}, before the reply at ${at}`);
            check(
              !pending.has(nudge.planKey) || stillWaitingForInterview(nudge.planKey),
              `${nudge.planKey} was pending before the reply and is still planned`,
            );
          }
        },
      ),
      runs,
    );
  });

  it('leaves no open application check-in after any answer from the employer', () => {
    const withCheckInsOfTheirOwn = busyScenarioArb.chain((scenario) =>
      fc
        .array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 2 })
        .map((manualCheckIns) => ({ ...scenario, manualCheckIns })),
    );
    fc.assert(
      fc.property(withCheckInsOfTheirOwn, (scenario) => {
        for (const { input, plan, stored } of simulate(scenario)) {
          // Said plainly, independently of the planner: they replied, screened, interviewed, made an offer
          // or rejected the application.
          const answer =
            input.interviews[0]?.id ??
            input.events.find(
              (e) =>
                (e.kind === 'reply_received' && e.occurredAt >= iso(scenario.start)) ||
                (e.kind === 'stage_change' &&
                  (['screening', 'interviewing', 'offer'].includes(e.toStage) || e.outcome === 'rejected')),
            )?.id;
          if (answer === undefined) continue;
          const open = stored.filter((s) => s.kind === 'application_check_in' && isOpen(s));
          check(
            open.length === 0 && !plan.some((s) => s.kind === 'application_check_in'),
            `after ${answer} at ${input.now}, check-ins are still open: ${open.map((s) => s.id).join(', ')}`,
          );
        }
      }),
      runs,
    );
  });

  it('never plans a step due before the day the application was added, thank-yous aside', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { calendar } = scenario;
        for (const { input, plan } of simulate(scenario)) {
          const added = calendar.localDate(input.application.createdAt);
          for (const step of plan) {
            if (step.kind === 'thank_you' || step.kind === 'feedback_request') continue;
            const due = calendar.localDate(step.dueAt);
            check(
              due >= added,
              `${step.planKey} is due ${due}, before the application was added on ${added}`,
            );
          }
        }
      }),
      runs,
    );
  });

  it('is deterministic and idempotent: the same plan from shuffled input and from its own stored output', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        for (const { input, plan } of simulate(scenario)) {
          const shuffled = planFollowUps({
            ...input,
            events: shuffle(input.events, seed),
            steps: shuffle(input.steps, seed + 1),
            interviews: shuffle(input.interviews, seed + 2),
          });
          expect(shuffled).toEqual(plan);
          const replanned = planFollowUps({ ...input, steps: storePlan(input.steps, plan) });
          expect(replanned).toEqual(plan);
        }
      }),
      runs,
    );
  });
});

/** A plain check: `expect` is too slow to call thousands of times per property. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
