import type { Application } from './application.js';
import type { DayOff, WorkCalendar, WorkingTime } from './business-days.js';
import { clampInstant } from './date-window.js';
import { formatShortDate } from './date-words.js';
import { hasEmployerResponded } from './employer-response.js';
import type { Channel, TimelineEvent } from './event.js';
import { type FollowUp, type FollowUpKind, isNudgeKind } from './follow-up.js';
import type { Interview } from './interview.js';
import { followUpKindLabels, nudgeKindNouns, roundNouns } from './labels.js';
import type { Stage } from './pipeline.js';
import type { Delay, Playbook } from './playbook.js';

/**
 * The follow-up planner: from an application's history, the open steps the user should take, each with a
 * date and a one-line reason. Pure and deterministic: the same input always gives the same plan, and
 * planning again with the plan stored changes nothing. Storage re-plans an application whenever anything
 * about it changes and replaces its open `plan` steps with the result, matching them by `planKey`.
 *
 * The model, in short (docs/follow-up-rules.md says it for users):
 * - Every interview gets a thank-you per interviewer, and custom steps are timed from their anchor.
 * - Nudges (check-ins, follow-ups, closing note, offer check) form one chain per "cycle". A cycle starts at
 *   the latest of: applying, a move to screening or interviewing, an interview (a new one starts a new
 *   cycle), an offer, or any reply from the employer, which cancels the previous cycle's pending nudges and
 *   re-plans from the reply.
 * - Check-ins ask whether the application arrived, so they are planned only until the employer answers in
 *   any way (`hasEmployerResponded`); from then on the nudges are follow-ups.
 * - Only the next step of a chain is planned; the one after it is timed from when that step was actually
 *   done (or skipped), so a late follow-up pushes the rest back instead of piling up.
 * - Never two nudges within 3 business days of each other or of any message the user logged; at most 3
 *   nudges in a cycle; an ended application keeps only the optional feedback request after a rejection.
 * - History is history: nothing is due before the day the application was added to hearback. A step that
 *   fell due at most 3 business days before that day is due on it; one due earlier is left as history (a
 *   chain goes on from its date) unless `pastSteps` asks to plan it from that day too.
 */

export type PlanApplication = Pick<
  Application,
  'id' | 'stage' | 'outcome' | 'appliedAt' | 'endedAt' | 'createdAt'
>;

/**
 * What becomes of a step that fell due more than `historyLimitBusinessDays` before the application was
 * added: left as history (the default), or planned from the day it was added (the CSV import's "plan
 * check-ins from today"). Once stored, such a step keeps that day whatever is asked later.
 */
export type PastSteps = 'leave_as_history' | 'plan_from_added';

export type PlanInterview = Pick<
  Interview,
  'id' | 'round' | 'startsAt' | 'endsAt' | 'interviewerIds' | 'decisionDate'
>;

/** A step already stored for the application; `planKey` is null for steps the user added by hand. */
export type ExistingStep = Pick<
  FollowUp,
  'id' | 'kind' | 'status' | 'dueAt' | 'snoozedUntil' | 'completedAt' | 'origin'
> & { readonly planKey: string | null };

export type FollowUpPlanInput = {
  readonly application: PlanApplication;
  readonly interviews: readonly PlanInterview[];
  /** The application's timeline; stage changes, replies and sent messages are read, the rest ignored. */
  readonly events: readonly TimelineEvent[];
  readonly steps: readonly ExistingStep[];
  readonly playbook: Playbook;
  readonly calendar: WorkCalendar;
  /** The moment of planning; it only decides whether a thank-you or feedback request is too late to add. */
  readonly now: string;
  /** Default `leave_as_history`. */
  readonly pastSteps?: PastSteps;
};

export type PlannedStep = {
  /** Stable identity of the step across re-plans, e.g. `thank_you:<interviewId>:<contactId>`. */
  readonly planKey: string;
  readonly kind: FollowUpKind;
  /** The playbook rule that produced it: a rule name such as `first_follow_up`, or `custom:<id>`. */
  readonly rule: string;
  readonly dueAt: string;
  readonly channel: Channel | null;
  readonly contactId: string | null;
  readonly interviewId: string | null;
  /** One line naming the rule and the date it counts from, e.g. "…, 2 business days after …, Fri 5 Mar". */
  readonly reason: string;
  /** A message that presses the employer for news; the spacing and count limits apply to these. */
  readonly isNudge: boolean;
  readonly isOptional: boolean;
};

export const minBusinessDaysBetweenNudges = 3;
export const maxNudgesWithoutReply = 3;
/**
 * A thank-you or feedback request first seen more than this many business days after its date is left out:
 * recording an interview from weeks ago should not create a thank-you that is far too late to send.
 * A step already planned stays planned, so the plan never changes just because time passed.
 */
export const lateLimitBusinessDays = 5;
/**
 * A step that fell due more than this many business days before the application was added (imported from
 * a spreadsheet, or added with an earlier date) is history, not overdue work; one due within them is a
 * follow-up just missed, and is due the day the application was added.
 */
export const historyLimitBusinessDays = 3;

export function planFollowUps(input: FollowUpPlanInput): PlannedStep[] {
  const ctx = createContext(input);
  const candidates =
    input.application.stage === 'ended'
      ? planForEndedApplication(ctx)
      : [...planThankYous(ctx), ...planCustomSteps(ctx), ...planNextNudge(ctx)];
  const plan: PlannedStep[] = [];
  for (const candidate of candidates) {
    const stored = ctx.stepsByKey.get(candidate.planKey);
    if (stored && isClosed(stored)) continue;
    if (!stored && isTooLate(ctx, candidate)) continue;
    let step = candidate;
    if (isBeforeAdded(ctx, step)) {
      if (!stored && isHistory(ctx, step.dueAt) && ctx.pastSteps === 'leave_as_history') continue;
      step = dueFromAdded(ctx, step);
    }
    plan.push(keepInDateWindow(stored ? applySnooze(ctx, step, stored) : step));
  }
  return plan.sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.planKey, b.planKey));
}

/**
 * The open check-ins the user added by hand once the employer has answered: storage closes them, as the
 * planner stops planning its own. A check-in asks whether the application arrived; after a reply, a screen
 * or an interview there is nothing left for it to ask.
 */
export function checkInsEndedByResponse(input: FollowUpPlanInput): ExistingStep[] {
  if (!hasEmployerResponded(input)) return [];
  return input.steps.filter((s) => s.kind === 'application_check_in' && s.planKey === null && !isClosed(s));
}

/** A step counted from a date at the window's end may fall after it; it is kept at the window's last instant. */
function keepInDateWindow(step: PlannedStep): PlannedStep {
  const dueAt = clampInstant(step.dueAt);
  return dueAt === step.dueAt ? step : { ...step, dueAt };
}

type Context = {
  readonly input: FollowUpPlanInput;
  readonly pastSteps: PastSteps;
  /** The user's local date the application was added to hearback on. */
  readonly addedDate: string;
  readonly calendar: WorkCalendar;
  readonly playbook: Playbook;
  readonly stepsByKey: ReadonlyMap<string, ExistingStep>;
  readonly stepsById: ReadonlyMap<string, ExistingStep>;
  readonly interviews: readonly PlanInterview[];
  readonly events: readonly TimelineEvent[];
};

function createContext(input: FollowUpPlanInput): Context {
  const stepsByKey = new Map<string, ExistingStep>();
  for (const step of [...input.steps].sort((a, b) => compare(a.id, b.id))) {
    if (step.planKey === null) continue;
    const known = stepsByKey.get(step.planKey);
    // Two rows with one key (a race in storage) must not reopen a step: a closed one wins.
    if (!known || (!isClosed(known) && isClosed(step))) stepsByKey.set(step.planKey, step);
  }
  return {
    input,
    pastSteps: input.pastSteps ?? 'leave_as_history',
    addedDate: input.calendar.localDate(input.application.createdAt),
    calendar: input.calendar,
    playbook: input.playbook,
    stepsByKey,
    stepsById: new Map(input.steps.map((s) => [s.id, s])),
    interviews: [...input.interviews].sort((a, b) => compare(a.endsAt, b.endsAt) || compare(a.id, b.id)),
    events: [...input.events].sort((a, b) => compare(a.occurredAt, b.occurredAt) || compare(a.id, b.id)),
  };
}

function planForEndedApplication(ctx: Context): PlannedStep[] {
  const { application } = ctx.input;
  if (application.outcome !== 'rejected') return [];
  const ending = lastStageChange(ctx, 'ended');
  const at = application.endedAt ?? ending?.occurredAt;
  if (!at) return [];
  const anchor: Moment = {
    at,
    key: ending ? `ended:${ending.id}` : 'ended',
    label: `the rejection on ${formatShortDate(ctx.calendar.localDate(at))}`,
  };
  const steps: PlannedStep[] = [];
  const rule = ctx.playbook.rules.feedback_request;
  if (rule.enabled) {
    const timing = applyDelay(ctx, anchor, rule.delay, 'after');
    steps.push({
      planKey: `feedback_request:${anchor.key}`,
      kind: 'feedback_request',
      rule: 'feedback_request',
      dueAt: timing.dueAt,
      channel: rule.channel,
      contactId: lastContactId(ctx),
      interviewId: ctx.interviews.at(-1)?.id ?? null,
      reason: `Optional: ask for feedback and keep in touch, ${timing.phrase}`,
      isNudge: false,
      isOptional: true,
    });
  }
  steps.push(...planCustomStepsAfter(ctx, 'rejection', anchor, null));
  return steps;
}

function planThankYous(ctx: Context): PlannedStep[] {
  const rule = ctx.playbook.rules.thank_you;
  if (!rule.enabled) return [];
  const steps: PlannedStep[] = [];
  for (const interview of ctx.interviews) {
    const anchor: Moment = {
      at: interview.endsAt,
      key: interview.id,
      label: `the end of your ${roundNouns[interview.round]} on ${formatShortDate(ctx.calendar.localDate(interview.endsAt))}`,
    };
    const timing = applyDelay(ctx, anchor, rule.delay, 'within');
    const interviewers = [...new Set(interview.interviewerIds)];
    for (const contactId of interviewers.length > 0 ? interviewers : [null]) {
      steps.push({
        planKey: `thank_you:${interview.id}:${contactId ?? 'none'}`,
        kind: 'thank_you',
        rule: 'thank_you',
        dueAt: timing.dueAt,
        channel: rule.channel,
        contactId,
        interviewId: interview.id,
        reason: `Thank-you note${contactId ? '' : ' to your interviewers'}, ${timing.phrase}`,
        isNudge: false,
        isOptional: false,
      });
    }
  }
  return steps;
}

function planCustomSteps(ctx: Context): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const applied = appliedMoment(ctx);
  if (applied) steps.push(...planCustomStepsAfter(ctx, 'application', applied, null));
  for (const interview of ctx.interviews) {
    const anchor: Moment = {
      at: interview.endsAt,
      key: `interview:${interview.id}`,
      label: `your ${roundNouns[interview.round]} on ${formatShortDate(ctx.calendar.localDate(interview.endsAt))}`,
    };
    steps.push(...planCustomStepsAfter(ctx, 'interview', anchor, interview.id));
  }
  const offer = ctx.input.application.stage === 'offer' ? offerMoment(ctx) : null;
  if (offer) steps.push(...planCustomStepsAfter(ctx, 'offer', offer, null));
  return steps;
}

function planCustomStepsAfter(
  ctx: Context,
  after: Playbook['customSteps'][number]['after'],
  anchor: Moment,
  interviewId: string | null,
): PlannedStep[] {
  return ctx.playbook.customSteps
    .filter((step) => step.enabled && step.after === after)
    .map((step) => {
      const timing = applyDelay(ctx, anchor, step.delay, 'after');
      return {
        planKey: `custom:${step.id}:${anchor.key}`,
        kind: 'custom',
        rule: `custom:${step.id}`,
        dueAt: timing.dueAt,
        channel: step.channel,
        contactId: null,
        interviewId,
        reason: `Your step "${step.title}", ${timing.phrase}`,
        isNudge: false,
        isOptional: false,
      };
    });
}

/** A point in the history a step is timed from, with the words a reason line uses for it. */
type Moment = { readonly at: string; readonly key: string; readonly label: string };

/** Waiting for any answer to the application; in touch (screened, interviewed, replied); an offer. */
type Phase = 'application' | 'in_touch' | 'offer';

type Cycle = Moment & {
  readonly phase: Phase;
  readonly source: 'base' | 'reply';
  /** A date the employer gave (at the interview or in the reply) that the first step counts from. */
  readonly givenDate: string | null;
  readonly interviewId: string | null;
  readonly contactId: string | null;
  /** A negative reply with no new date ends the chain: there is nothing left to ask. */
  readonly isClosedByReply: boolean;
};

type Link = {
  readonly kind: FollowUpKind;
  readonly rule: keyof Playbook['rules'];
  readonly ordinal: number;
  readonly enabled: boolean;
  readonly delay: Delay;
  readonly channel: Channel | null;
};

function planNextNudge(ctx: Context): PlannedStep[] {
  const cycle = currentCycle(ctx);
  if (!cycle || cycle.isClosedByReply) return [];
  let previous: Moment | null = null;
  let nudgesInCycle = 0;
  let lastNudge: Moment | null = null;
  for (const step of ctx.input.steps) {
    if (step.status !== 'done' || !isNudgeKind(step.kind)) continue;
    const at = step.completedAt ?? step.dueAt;
    if (at < cycle.at) continue;
    nudgesInCycle++;
    if (!lastNudge || at > lastNudge.at) {
      lastNudge = { at, key: step.id, label: `your last message on ${shortDate(ctx, at)}` };
    }
  }
  for (const link of chainOf(ctx, cycle.phase)) {
    if (!link.enabled) continue;
    const key = `${link.kind}:${cycle.key}${link.ordinal > 1 ? `:${link.ordinal}` : ''}`;
    const stored = ctx.stepsByKey.get(key);
    if (stored && isClosed(stored)) {
      const at = stored.completedAt ?? stored.dueAt;
      const name = stepName(link, cycle);
      previous = {
        at,
        key,
        label:
          stored.status === 'done'
            ? `your ${name} on ${shortDate(ctx, at)}`
            : `you skipped the ${name} on ${shortDate(ctx, at)}`,
      };
      continue;
    }
    const isNudge = isNudgeKind(link.kind);
    if (isNudge && nudgesInCycle >= maxNudgesWithoutReply) {
      previous = lastNudge ?? previous;
      continue;
    }
    const step = timeLink(ctx, cycle, link, key, previous);
    // History by its own date: a message sent later must not bring a step that had passed back to life.
    if (!stored && ctx.pastSteps === 'leave_as_history' && isHistory(ctx, step.dueAt)) {
      // Not sent and not skipped, so it is no nudge and no message; only the next link counts from it.
      previous = {
        at: step.dueAt,
        key,
        label: `the ${stepName(link, cycle)} due ${shortDate(ctx, step.dueAt)} (before you added this application)`,
      };
      continue;
    }
    return [keepSpacing(ctx, step)];
  }
  return [];
}

function timeLink(ctx: Context, cycle: Cycle, link: Link, key: string, previous: Moment | null): PlannedStep {
  const { calendar } = ctx;
  const title = stepTitle(link, cycle);
  let dueAt: string;
  let reason: string;
  const givenDate = previous === null && isFirstOfCycle(link) ? cycle.givenDate : null;
  if (givenDate !== null) {
    const delay = ctx.playbook.rules.first_follow_up.afterDecisionDate;
    dueAt = calendar.morningOf(calendar.addBusinessDays(givenDate, delay.amount));
    if (dueAt < cycle.at) dueAt = calendar.deferToWorkingTime(cycle.at).instant;
    const whose =
      cycle.source === 'reply' ? 'the new date they gave in their reply' : 'the decision date they gave you';
    reason = `${title}, ${businessDaysPhrase(delay.amount)} ${whose}, ${formatShortDate(givenDate)}`;
  } else {
    const from = previous ?? cycle;
    const timing = applyDelay(ctx, from, link.delay, 'after');
    dueAt = timing.dueAt;
    reason =
      link.kind === 'suggest_no_response'
        ? `No reply ${timing.phrase}: consider ending this application as no response`
        : `${title}, ${timing.phrase}`;
  }
  return {
    planKey: key,
    kind: link.kind,
    rule: link.rule,
    dueAt,
    channel: link.channel,
    contactId: cycle.contactId,
    interviewId: cycle.interviewId,
    reason,
    isNudge: isNudgeKind(link.kind),
    isOptional: false,
  };
}

/** A nudge keeps its distance from the last message sent (`spaceFromLastMessage`). */
function keepSpacing(ctx: Context, step: PlannedStep): PlannedStep {
  if (!step.isNudge) return step;
  const spaced = spaceFromLastMessage(ctx, step.dueAt);
  return spaced ? { ...step, dueAt: spaced.dueAt, reason: step.reason + spaced.note } : step;
}

/**
 * A date the employer gave moves the first nudge of the cycle: the first follow-up after an interview, or
 * whichever nudge opens a cycle started by a dated reply (a check-in, an offer check). When the first
 * follow-up is switched off, the second keeps its own delay from the interview.
 */
function isFirstOfCycle(link: Link): boolean {
  return link.ordinal === 1 && ['first_follow_up', 'application_check_in', 'offer_check'].includes(link.kind);
}

/**
 * Never two nudges within 3 business days: the latest nudge done, or message the user logged (one not
 * tied to a thank-you, feedback or custom step), pushes the next nudge to at least 3 business days later.
 */
function spaceFromLastMessage(ctx: Context, dueAt: string): { dueAt: string; note: string } | null {
  let last: string | null = null;
  for (const step of ctx.input.steps) {
    if (step.status !== 'done' || !isNudgeKind(step.kind)) continue;
    const at = step.completedAt ?? step.dueAt;
    if (last === null || at > last) last = at;
  }
  for (const event of ctx.events) {
    if (event.kind !== 'message_sent') continue;
    const linked = event.followUpId ? ctx.stepsById.get(event.followUpId) : undefined;
    if (linked && !isNudgeKind(linked.kind)) continue;
    if (last === null || event.occurredAt > last) last = event.occurredAt;
  }
  if (last === null) return null;
  const { calendar } = ctx;
  const lastDate = calendar.localDate(last);
  const earliest = calendar.addBusinessDays(lastDate, minBusinessDaysBetweenNudges);
  if (calendar.localDate(dueAt) >= earliest) return null;
  return {
    dueAt: calendar.morningOf(earliest),
    note: `; moved to ${formatShortDate(earliest)} to keep ${minBusinessDaysBetweenNudges} business days after your last message on ${formatShortDate(lastDate)}`,
  };
}

function chainOf(ctx: Context, phase: Phase): Link[] {
  const { rules } = ctx.playbook;
  const link = (
    rule: 'first_follow_up' | 'second_follow_up' | 'closing_note' | 'offer_check',
    ordinal = 1,
  ): Link => ({
    kind: rule,
    rule,
    ordinal,
    enabled: rules[rule].enabled,
    delay: rules[rule].delay,
    channel: rules[rule].channel,
  });
  switch (phase) {
    case 'application':
      return [
        {
          kind: 'application_check_in',
          rule: 'application_check_in',
          ordinal: 1,
          enabled: rules.application_check_in.enabled,
          delay: rules.application_check_in.delay,
          channel: rules.application_check_in.channel,
        },
        {
          kind: 'application_check_in',
          rule: 'application_check_in',
          ordinal: 2,
          enabled: rules.application_check_in.enabled && rules.application_check_in.second.enabled,
          delay: rules.application_check_in.second.delay,
          channel: rules.application_check_in.channel,
        },
      ];
    case 'in_touch':
      return [
        link('first_follow_up'),
        link('second_follow_up'),
        link('closing_note'),
        {
          kind: 'suggest_no_response',
          rule: 'suggest_no_response',
          ordinal: 1,
          enabled: rules.suggest_no_response.enabled,
          delay: rules.suggest_no_response.delay,
          channel: null,
        },
      ];
    case 'offer':
      return [link('offer_check')];
  }
}

/**
 * The cycle the next nudge belongs to: the phase the application is in (an offer, interviews, or an
 * application waiting for an answer) and its latest starting point; a reply at or after that point takes
 * over as the start, which is how a reply cancels the pending nudges and re-plans from itself.
 */
function currentCycle(ctx: Context): Cycle | null {
  const base = baseCycle(ctx);
  if (!base) return null;
  let reply: Extract<TimelineEvent, { kind: 'reply_received' }> | null = null;
  for (const event of ctx.events) {
    if (event.kind === 'reply_received' && event.occurredAt >= base.at) reply = event;
  }
  if (!reply) return base;
  const replyDate = ctx.calendar.localDate(reply.occurredAt);
  const givenDate =
    reply.newDecisionDate !== null && reply.newDecisionDate >= replyDate ? reply.newDecisionDate : null;
  return {
    phase: base.phase,
    source: 'reply',
    at: reply.occurredAt,
    key: `reply:${reply.id}`,
    label: `their reply on ${formatShortDate(replyDate)}`,
    givenDate,
    interviewId: base.interviewId,
    contactId: reply.contactId ?? base.contactId,
    isClosedByReply: reply.sentiment === 'negative' && givenDate === null,
  };
}

function baseCycle(ctx: Context): Cycle | null {
  const { application } = ctx.input;
  const contactId = lastContactId(ctx);
  const common = { source: 'base' as const, contactId, isClosedByReply: false };
  if (application.stage === 'offer') {
    const offer = offerMoment(ctx);
    return offer ? { ...offer, ...common, phase: 'offer', givenDate: null, interviewId: null } : null;
  }
  const interview = ctx.interviews.at(-1);
  if (interview) {
    const endDate = ctx.calendar.localDate(interview.endsAt);
    const decision = interview.decisionDate;
    return {
      ...common,
      phase: 'in_touch',
      at: interview.endsAt,
      key: `interview:${interview.id}`,
      label: `your ${roundNouns[interview.round]} on ${formatShortDate(endDate)}`,
      // A decision date before the interview itself is a typing slip; the interview date is used instead.
      givenDate: decision !== null && decision >= endDate ? decision : null,
      interviewId: interview.id,
    };
  }
  const { stage } = application;
  const moved = stage === 'screening' || stage === 'interviewing' ? lastStageChange(ctx, stage) : null;
  if (moved) {
    return {
      ...common,
      phase: 'in_touch',
      at: moved.occurredAt,
      key: `stage:${moved.id}`,
      label: `you moved it to ${stage} on ${shortDate(ctx, moved.occurredAt)}`,
      givenDate: null,
      interviewId: null,
    };
  }
  if (stage !== 'applied' && stage !== 'screening' && stage !== 'interviewing') return null;
  const applied = appliedMoment(ctx);
  if (!applied) return null;
  // A reply (the one answer that leaves the stage where it was) also ends the check-ins; currentCycle then
  // starts the follow-ups from it.
  const phase = hasEmployerResponded(ctx.input) ? 'in_touch' : 'application';
  return { ...applied, ...common, phase, givenDate: null, interviewId: null };
}

function appliedMoment(ctx: Context): Moment | null {
  const { appliedAt } = ctx.input.application;
  if (!appliedAt) return null;
  const event = ctx.events.find((e) => e.kind === 'stage_change' && e.occurredAt === appliedAt);
  return {
    at: appliedAt,
    key: event ? `applied:${event.id}` : 'applied',
    label: `you applied on ${shortDate(ctx, appliedAt)}`,
  };
}

function offerMoment(ctx: Context): Moment | null {
  const offer = lastStageChange(ctx, 'offer');
  if (!offer) return null;
  return {
    at: offer.occurredAt,
    key: `offer:${offer.id}`,
    label: `the offer on ${shortDate(ctx, offer.occurredAt)}`,
  };
}

function lastStageChange(ctx: Context, stage: Stage): TimelineEvent | null {
  let found: TimelineEvent | null = null;
  for (const event of ctx.events) {
    if (event.kind === 'stage_change' && event.toStage === stage) found = event;
  }
  return found;
}

/** Nudges go to whoever the user last heard from or wrote to; null when no contact was ever named. */
function lastContactId(ctx: Context): string | null {
  let contactId: string | null = null;
  for (const event of ctx.events) {
    if ((event.kind === 'reply_received' || event.kind === 'message_sent') && event.contactId) {
      contactId = event.contactId;
    }
  }
  return contactId;
}

type Timing = { readonly dueAt: string; readonly phrase: string };

/**
 * Business-day delays land on the working morning of the target day. Hour delays are a deadline ("within
 * 24 hours"): past working hours they come back to the end of that working day, so the step is still due
 * in time; on a day off, or before working hours, they move to the next working morning.
 */
function applyDelay(ctx: Context, from: Moment, delay: Delay, style: 'after' | 'within'): Timing {
  const { calendar } = ctx;
  if (delay.unit === 'business_days') {
    const target = calendar.addBusinessDays(calendar.localDate(from.at), delay.amount);
    let dueAt = calendar.morningOf(target);
    if (dueAt < from.at) dueAt = calendar.deferToWorkingTime(from.at).instant;
    return { dueAt, phrase: `${businessDaysPhrase(delay.amount)} ${from.label}` };
  }
  // Hours are exact elapsed time ("within 24 hours"), whatever a DST change does to the wall clock.
  const deadline = new Date(Date.parse(from.at) + delay.amount * 3_600_000).toISOString();
  let working: WorkingTime = calendar.clampToWorkingTime(deadline);
  if (working.instant < from.at) working = calendar.deferToWorkingTime(from.at);
  const hours = `${delay.amount} hour${delay.amount === 1 ? '' : 's'}`;
  const phrase = style === 'within' ? `within ${hours} of ${from.label}` : `${hours} after ${from.label}`;
  return { dueAt: working.instant, phrase: phrase + describeMove(ctx, deadline, working) };
}

function describeMove(ctx: Context, deadline: string, working: WorkingTime): string {
  const { calendar } = ctx;
  const date = calendar.localDate(deadline);
  const to = shortDate(ctx, working.instant);
  switch (working.moved) {
    case null:
      return '';
    case 'day_off': {
      const off = calendar.dayOff(date);
      return `; ${formatShortDate(date)} is ${off ? describeDayOff(off) : 'not a working day'}, so it is due the next working morning, ${to}`;
    }
    case 'before_hours':
      return `; that is before working hours, so it is due at the start of ${to}`;
    case 'after_hours':
      return `; that is after working hours, so it is due by ${calendar.localTime(working.instant)} on ${to}`;
  }
}

function describeDayOff(off: DayOff): string {
  return off.kind === 'holiday' ? off.name : `a ${off.weekday}, not one of your working days`;
}

function businessDaysPhrase(n: number): string {
  if (n === 0) return '0 business days after';
  if (n === 1) return 'the next business day after';
  return `${n} business days after`;
}

/** A step's label, but the follow-up after a reply and the check-ins say which they are. */
function stepTitle(link: Link, cycle: Cycle): string {
  if (link.kind === 'first_follow_up' && cycle.source === 'reply') return 'Follow-up';
  if (link.kind === 'application_check_in') {
    return link.ordinal > 1 ? 'Second check-in on your application' : 'Check-in on your application';
  }
  return followUpKindLabels[link.kind];
}

function stepName(link: Link, cycle: Cycle): string {
  if (link.kind === 'first_follow_up' && cycle.source === 'reply') return 'follow-up';
  if (link.kind === 'application_check_in' && link.ordinal > 1) return 'second check-in';
  return isNudgeKind(link.kind) ? nudgeKindNouns[link.kind] : 'step';
}

/** A snooze only ever makes a step later, and still lands in working hours. */
function applySnooze(ctx: Context, step: PlannedStep, stored: ExistingStep): PlannedStep {
  if (stored.status !== 'snoozed' || !stored.snoozedUntil) return step;
  const until = ctx.calendar.deferToWorkingTime(stored.snoozedUntil).instant;
  if (until <= step.dueAt) return step;
  return {
    ...step,
    dueAt: until,
    reason: `${step.reason}; snoozed by you to ${shortDate(ctx, until)}`,
  };
}

function isTooLate(ctx: Context, step: PlannedStep): boolean {
  if (step.kind !== 'thank_you' && step.kind !== 'feedback_request') return false;
  const { calendar } = ctx;
  const limit = calendar.addBusinessDays(calendar.localDate(step.dueAt), lateLimitBusinessDays);
  return calendar.localDate(ctx.input.now) > limit;
}

/** Thank-yous and feedback requests have their own limit (`isTooLate`), counted from today. */
function isBeforeAdded(ctx: Context, step: PlannedStep): boolean {
  if (step.kind === 'thank_you' || step.kind === 'feedback_request') return false;
  return ctx.calendar.localDate(step.dueAt) < ctx.addedDate;
}

function isHistory(ctx: Context, dueAt: string): boolean {
  const { calendar } = ctx;
  return calendar.addBusinessDays(calendar.localDate(dueAt), historyLimitBusinessDays) < ctx.addedDate;
}

/** A step that fell due before the application was added is due from the moment it was added. */
function dueFromAdded(ctx: Context, step: PlannedStep): PlannedStep {
  const { createdAt } = ctx.input.application;
  return {
    ...step,
    dueAt: ctx.calendar.deferToWorkingTime(createdAt).instant,
    reason: `${step.reason}; that was ${shortDate(ctx, step.dueAt)}, before you added this application on ${formatShortDate(ctx.addedDate)}, so it is due from then`,
  };
}

function isClosed(step: ExistingStep): boolean {
  return step.status === 'done' || step.status === 'skipped';
}

function shortDate(ctx: Context, instant: string): string {
  return formatShortDate(ctx.calendar.localDate(instant));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
