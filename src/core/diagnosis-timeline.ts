import { Temporal } from 'temporal-polyfill';
import type { Application } from './application.js';
import { createWorkCalendar, type WorkCalendar } from './business-days.js';
import type {
  DiagnosisInput,
  ExpectationBasis,
  LastContactKind,
  NotWaitingReason,
  PostingState,
} from './diagnosis-schema.js';
import { localDateOf } from './diagnosis-words.js';
import type { StageChangeEvent, TimelineEvent } from './event.js';
import { type FollowUp, type FollowUpKind, nudgeKinds } from './follow-up.js';
import type { Interview } from './interview.js';
import { stageRank, summarizeStageHistory } from './pipeline.js';

/**
 * The reading of an application's timeline as of a moment: the facts the signals and the advice work from
 * (when it was applied, the interviews and replies so far, who has the turn, what is known of the posting,
 * how often the user has written), each derived once from the events recorded up to `now`.
 */

/** A message within this many days after an interview, linked to no step, is read as a thank-you note. */
const thankYouWindowDays = 2;

/**
 * Done steps that count as writing to the employer: the planner's nudges (an offer check comes after the
 * silence this reads) and the user's own custom steps.
 */
const outreachKinds: ReadonlySet<FollowUpKind> = new Set<FollowUpKind>([
  ...nudgeKinds.filter((kind) => kind !== 'offer_check'),
  'custom',
]);

export type Phase = 'before' | 'just_after' | 'well_after' | 'long_after';

export type Timeline = {
  readonly today: Temporal.PlainDate;
  readonly appliedAt: string;
  readonly pastInterviews: readonly Interview[];
  readonly lastInterview: Interview | null;
  readonly replies: readonly ReplyEvent[];
  readonly messages: readonly MessageEvent[];
  readonly postingChanges: readonly PostingChangeEvent[];
  readonly stageChanges: readonly StageChangeEvent[];
  readonly doneSteps: readonly FollowUp[];
};

export type ReplyEvent = Extract<TimelineEvent, { kind: 'reply_received' }>;
export type MessageEvent = Extract<TimelineEvent, { kind: 'message_sent' }>;
export type PostingChangeEvent = Extract<TimelineEvent, { kind: 'posting_change' }>;

export type Waiting = {
  readonly since: string;
  readonly kind: LastContactKind;
};

export type Expectation = {
  readonly date: Temporal.PlainDate;
  readonly basis: ExpectationBasis;
  readonly text: string;
  /** How the date is named in sentences: "their date" or "the usual time". */
  readonly name: string;
};

export type PostingView = {
  readonly state: PostingState;
  readonly since: Temporal.PlainDate | null;
  readonly expiredOn: Temporal.PlainDate | null;
  readonly hasUrl: boolean;
};

export type Outreach = {
  readonly nudges: number;
  readonly firstNudge: Temporal.PlainDate | null;
  readonly closingNoteOn: Temporal.PlainDate | null;
  readonly thanked: ReadonlySet<string>;
  readonly hasGenericThanks: boolean;
};

/** Everything the signals and the advice read, worked out once per diagnosis. */
export type Reading = {
  readonly input: DiagnosisInput;
  /** The user's working days and the holidays given in the input: business days count on it. */
  readonly calendar: WorkCalendar;
  readonly timeline: Timeline;
  readonly waiting: Waiting;
  readonly expectation: Expectation;
  readonly overdueDays: number;
  readonly phase: Phase;
  readonly isInterviewed: boolean;
  readonly reachedScreening: boolean;
  /** Nobody at the employer has been in touch yet: no reply, screening or interview since applying. */
  readonly isCold: boolean;
  readonly posting: PostingView;
  readonly outreach: Outreach;
};

/** The user's working calendar with the holidays the caller gave; Monday to Friday when no weekday is set. */
export function workCalendarOf(input: DiagnosisInput): WorkCalendar {
  const { timeZone, workingDays } = input.settings;
  return createWorkCalendar({
    timeZone,
    country: null,
    region: null,
    workingDays: workingDays.length > 0 ? workingDays : [1, 2, 3, 4, 5],
    holidays: input.holidays ?? [],
  });
}

export function readTimeline(input: DiagnosisInput): Timeline {
  const { now } = input;
  const isPast = (at: string) => Date.parse(at) <= Date.parse(now);
  const events = input.events
    .filter((e) => isPast(e.occurredAt))
    .sort((a, b) => byInstant(a.occurredAt, b.occurredAt) || compareText(a.id, b.id));
  const pastInterviews = input.interviews
    .filter((i) => isPast(i.endsAt))
    .sort((a, b) => byInstant(a.endsAt, b.endsAt) || compareText(a.id, b.id));
  const stageChanges = events.filter((e): e is StageChangeEvent => e.kind === 'stage_change');
  const firstApplied = stageChanges.find((e) => e.toStage !== 'saved' && e.toStage !== 'ended');
  const appliedAt = input.application.appliedAt ?? firstApplied?.occurredAt ?? input.application.createdAt;
  return {
    today: localDateOf(now, input.settings.timeZone),
    appliedAt,
    pastInterviews,
    lastInterview: pastInterviews.at(-1) ?? null,
    replies: events.filter((e): e is ReplyEvent => e.kind === 'reply_received'),
    messages: events.filter((e): e is MessageEvent => e.kind === 'message_sent'),
    postingChanges: events.filter((e): e is PostingChangeEvent => e.kind === 'posting_change'),
    stageChanges,
    doneSteps: input.followUps
      .filter((s) => s.status === 'done' && s.completedAt !== null && isPast(s.completedAt))
      .sort((a, b) => byInstant(a.completedAt ?? '', b.completedAt ?? '') || compareText(a.id, b.id)),
  };
}

export function findNotWaitingReason(input: DiagnosisInput, timeline: Timeline): NotWaitingReason | null {
  const { stage } = input.application;
  if (stage === 'saved') return 'not_applied';
  if (stage === 'ended') return 'ended';
  if (stage === 'offer') return 'offer';
  const now = Date.parse(input.now);
  if (Date.parse(timeline.appliedAt) > now) return 'not_applied';
  if (input.interviews.some((i) => Date.parse(i.endsAt) > now)) return 'interview_scheduled';
  const lastReply = timeline.replies.at(-1);
  if (lastReply && lastReply.newDecisionDate === null) {
    const lastInterviewEnd = timeline.lastInterview?.endsAt ?? null;
    const isLatestContact =
      lastInterviewEnd === null || byInstant(lastReply.occurredAt, lastInterviewEnd) >= 0;
    const hasWrittenSince = outreachAfter(timeline, lastReply.occurredAt).length > 0;
    if (isLatestContact && !hasWrittenSince) return 'employer_replied_last';
  }
  return null;
}

/**
 * The application as it stood at `now`: its stage, furthest stage and dates re-derived from the stage changes
 * recorded up to then, so a diagnosis asked "as of" a past date does not read a later move. With no stage
 * history in the input, the application is taken as given; with history that starts later, it was not yet
 * tracked, which reads as not applied.
 */
export function applicationAsOf(input: DiagnosisInput): Application {
  const changes = input.events.filter((e): e is StageChangeEvent => e.kind === 'stage_change');
  if (changes.length === 0) return input.application;
  const known = changes
    .filter((e) => Date.parse(e.occurredAt) <= Date.parse(input.now))
    .sort((a, b) => byInstant(a.occurredAt, b.occurredAt) || compareText(a.id, b.id));
  if (known.length === 0) {
    return { ...input.application, stage: 'saved', furthestStage: 'saved', appliedAt: null, endedAt: null };
  }
  const summary = summarizeStageHistory(known);
  return { ...input.application, ...summary };
}

/**
 * The employer has the turn from the last real contact that left it with them: applying, an interview, or a
 * reply (or the user's answer to a reply that named no date). Stage moves are not contact.
 */
export function findWaitingSince(timeline: Timeline): Waiting {
  const contacts: Waiting[] = [{ since: timeline.appliedAt, kind: 'applied' }];
  for (const interview of timeline.pastInterviews)
    contacts.push({ since: interview.endsAt, kind: 'interview' });
  for (const reply of timeline.replies) contacts.push({ since: reply.occurredAt, kind: 'reply' });
  const last = contacts.reduce((a, b) => (byInstant(b.since, a.since) > 0 ? b : a));
  if (last.kind !== 'reply') return last;
  const reply = timeline.replies.at(-1);
  const answered = outreachAfter(timeline, last.since)[0];
  if (reply?.newDecisionDate === null && answered !== undefined) return { since: answered, kind: 'message' };
  return last;
}

export function readPosting(input: DiagnosisInput, timeline: Timeline): PostingView {
  const tz = input.settings.timeZone;
  const status = input.postingStatus;
  const lastChange = timeline.postingChanges.filter((c) => c.change !== 'expired').at(-1) ?? null;
  const statusAt = status?.checkedAt ?? null;
  let state: PostingState = status?.state ?? 'unknown';
  let since = statusAt === null ? null : localDateOf(statusAt, tz);
  if (lastChange !== null && (statusAt === null || byInstant(lastChange.occurredAt, statusAt) > 0)) {
    state = lastChange.change === 'restored' ? 'online' : (lastChange.change as PostingState);
    since = localDateOf(lastChange.occurredAt, tz);
  }
  const validThrough = status?.validThrough ?? input.application.posting.validThrough;
  const expiredEvent = timeline.postingChanges.find((c) => c.change === 'expired');
  let expiredOn: Temporal.PlainDate | null = null;
  if (validThrough !== null && /^\d{4}-\d{2}-\d{2}/.test(validThrough)) {
    const date = Temporal.PlainDate.from(validThrough.slice(0, 10));
    if (Temporal.PlainDate.compare(date, timeline.today) < 0) expiredOn = date;
  }
  if (expiredOn === null && expiredEvent) expiredOn = localDateOf(expiredEvent.occurredAt, tz);
  return { state, since, expiredOn, hasUrl: input.application.postingUrl !== null };
}

export function readOutreach(input: DiagnosisInput, timeline: Timeline, waiting: Waiting): Outreach {
  const tz = input.settings.timeZone;
  const stepById = new Map(input.followUps.map((s) => [s.id, s]));
  const thanked = new Set<string>();
  let hasGenericThanks = false;
  for (const step of timeline.doneSteps) {
    if (step.kind !== 'thank_you') continue;
    if (step.contactId === null) hasGenericThanks = true;
    else thanked.add(step.contactId);
  }
  const nudgeDates: string[] = [];
  let closingNoteAt: string | null = null;
  const linkedSteps = new Set<string>();
  for (const message of timeline.messages) {
    const step = message.followUpId === null ? undefined : stepById.get(message.followUpId);
    if (step) linkedSteps.add(step.id);
    if (step?.kind === 'thank_you') {
      if (step.contactId === null) hasGenericThanks = true;
      else thanked.add(step.contactId);
      continue;
    }
    if (!step && isShortlyAfterInterview(timeline, message.occurredAt)) {
      if (message.contactId === null) hasGenericThanks = true;
      else thanked.add(message.contactId);
      continue;
    }
    if (byInstant(message.occurredAt, waiting.since) <= 0) continue;
    nudgeDates.push(message.occurredAt);
    if (step?.kind === 'closing_note') closingNoteAt = message.occurredAt;
  }
  for (const step of timeline.doneSteps) {
    if (!outreachKinds.has(step.kind) || linkedSteps.has(step.id) || step.completedAt === null) continue;
    if (byInstant(step.completedAt, waiting.since) <= 0) continue;
    nudgeDates.push(step.completedAt);
    if (step.kind === 'closing_note') closingNoteAt = step.completedAt;
  }
  nudgeDates.sort(byInstant);
  const first = nudgeDates[0];
  return {
    nudges: nudgeDates.length,
    firstNudge: first === undefined ? null : localDateOf(first, tz),
    closingNoteOn: closingNoteAt === null ? null : localDateOf(closingNoteAt, tz),
    thanked,
    hasGenericThanks,
  };
}

function isShortlyAfterInterview(timeline: Timeline, at: string): boolean {
  const t = Date.parse(at);
  return timeline.pastInterviews.some((i) => {
    const end = Date.parse(i.endsAt);
    return t >= end && t - end <= thankYouWindowDays * 86_400_000;
  });
}

/** Instants of the user's own messages and done nudges after `at`, oldest first. */
export function outreachAfter(timeline: Timeline, at: string): string[] {
  const stepKinds = new Map(timeline.doneSteps.map((s) => [s.id, s.kind]));
  const times = [
    ...timeline.messages
      .filter((m) => m.followUpId === null || stepKinds.get(m.followUpId) !== 'thank_you')
      .map((m) => m.occurredAt),
    ...timeline.doneSteps.filter((s) => outreachKinds.has(s.kind)).map((s) => s.completedAt ?? ''),
  ];
  return times.filter((t) => t !== '' && byInstant(t, at) > 0).sort(byInstant);
}

export function reachedStage(application: Application, stage: 'screening' | 'interviewing'): boolean {
  return stageRank(application.furthestStage) >= stageRank(stage);
}

export function phaseOf(overdueDays: number): Phase {
  if (overdueDays <= 0) return 'before';
  if (overdueDays <= 7) return 'just_after';
  if (overdueDays <= 21) return 'well_after';
  return 'long_after';
}

export function byInstant(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
