import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { type Application, type SourceKind, sourceKinds } from './application.js';
import { type CompanySizeBand, describeSizeBand, industryKeyOf, smallestHeadcount } from './company.js';
import type { StageChangeEvent, TimelineEvent } from './event.js';
import { instant, instantOut, localDate } from './fields.js';
import type { FollowUp, FollowUpKind } from './follow-up.js';
import type { Interview } from './interview.js';
import { summarizeStageHistory } from './pipeline.js';
import type { Settings } from './settings.js';
import { resolveTimeToHire, type TimeToHire, type TimeToHirePriors } from './time-to-hire.js';

/**
 * "Why haven't I heard back?" Ranks the five usual causes of an employer's silence from the signals on an
 * application's timeline. Pure and deterministic: the same input always gives the same answer, and `now`
 * comes in as an argument. Scores are hearback's own weighting of the signals (docs/diagnosis.md lists
 * every weight's reasoning); they are likelihoods for ranking, never claims about what the employer did.
 */

export const diagnosisCauses = [
  'position_gone',
  'avoiding_confrontation',
  'still_deciding',
  'too_many_applicants',
  'room_for_improvement',
] as const;
export type DiagnosisCause = (typeof diagnosisCauses)[number];

export const likelihoods = ['likely', 'possible', 'unlikely'] as const;
export type Likelihood = (typeof likelihoods)[number];

export const diagnosisSignals = [
  'silence',
  'stage_reached',
  'rounds_done',
  'posting_status',
  'posting_expiry',
  'posting_age',
  'nudges_unanswered',
  'thank_you',
  'source',
  'company_size',
  'tailoring_score',
  'self_rating',
  'employer_reply',
  'own_reply_time',
  'own_response_rate',
] as const;
export type DiagnosisSignal = (typeof diagnosisSignals)[number];

export const evidenceDirections = ['for', 'against', 'neutral'] as const;
export type EvidenceDirection = (typeof evidenceDirections)[number];

export const recommendationActions = [
  'confirm_and_move_on',
  'send_closing_note',
  'mark_no_response',
  'wait_then_follow_up',
  'follow_up_now',
  'reach_a_person',
  'ask_your_referrer',
  'tailor_and_thank',
] as const;
export type RecommendationAction = (typeof recommendationActions)[number];

/** Why an application is not waiting on the employer, so there is no silence to explain. */
export const notWaitingReasons = [
  'not_applied',
  'ended',
  'offer',
  'interview_scheduled',
  'employer_replied_last',
] as const;
export type NotWaitingReason = (typeof notWaitingReasons)[number];

/**
 * What passed the turn to the employer: the moment the silence is counted from. Only real contact counts:
 * a stage move is the user's bookkeeping, dated when they moved the card, not when anyone spoke.
 */
export const lastContactKinds = ['applied', 'interview', 'reply', 'message'] as const;
export type LastContactKind = (typeof lastContactKinds)[number];

/**
 * What the day news was due rests on: the date they gave; a week after the last contact; the usual time to a
 * first answer, before anyone has been in touch; or the usual time to hire, after a screening with no contact
 * logged.
 */
export const expectationBases = [
  'stated_date',
  'usual_time_to_hire',
  'after_last_contact',
  'first_response',
] as const;
export type ExpectationBasis = (typeof expectationBases)[number];

export const postingStates = ['online', 'changed', 'reposted', 'removed', 'unknown'] as const;
export type PostingState = (typeof postingStates)[number];

/** The posting watch's latest finding about the live posting. */
export const postingStatusSchema = z
  .object({
    state: z.enum(postingStates),
    checkedAt: instantOut.nullable(),
    validThrough: localDate.nullable(),
  })
  .meta({ id: 'PostingStatus' });
export type PostingStatus = z.infer<typeof postingStatusSchema>;

/** The tailoring check's result for the resume that was sent. */
export const tailoringSummarySchema = z.object({
  score: z.number().min(0).max(100),
  missingKeywords: z.array(z.string()),
});
export type TailoringSummary = z.infer<typeof tailoringSummarySchema>;

/** What the user's own past applications say: how fast employers answered them, and how often by source. */
export const diagnosisHistorySchema = z.object({
  medianDaysToFirstReply: z.number().min(0).nullable(),
  firstRepliesMeasured: z.number().int().min(0),
  responseRateBySource: z.partialRecord(
    z.enum(sourceKinds),
    z.object({ rate: z.number().min(0).max(1), applications: z.number().int().min(0) }),
  ),
});
export type DiagnosisHistory = z.infer<typeof diagnosisHistorySchema>;

export const evidenceSchema = z.object({
  signal: z.enum(diagnosisSignals),
  text: z.string(),
  direction: z.enum(evidenceDirections),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const recommendationSchema = z.object({
  action: z.enum(recommendationActions),
  text: z.string(),
  basedOn: z
    .array(z.enum(diagnosisSignals))
    .min(1)
    .describe("the signals in this cause's evidence it rests on"),
  date: localDate.nullable().describe('the day the step is for, when it has one'),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const causeAssessmentSchema = z.object({
  cause: z.enum(diagnosisCauses),
  label: z.string(),
  score: z.number().min(0).max(1),
  likelihood: z.enum(likelihoods),
  evidence: z.array(evidenceSchema).min(1),
  recommendation: recommendationSchema,
});
export type CauseAssessment = z.infer<typeof causeAssessmentSchema>;

const asOfFields = {
  asOf: instantOut.describe('the moment the diagnosis was made for: now, or the asOf asked for'),
  date: localDate.describe('that moment\'s date in your time zone: the "today" of the diagnosis'),
};

export const waitingDiagnosisSchema = z.object({
  status: z.literal('waiting'),
  applicationId: z.string(),
  ...asOfFields,
  waitingSince: instantOut,
  lastContact: z.enum(lastContactKinds),
  daysOfSilence: z.number().int().min(0),
  expectedBy: localDate.describe('the day news was due: their date, or the usual time to hire'),
  expectation: z.object({ basis: z.enum(expectationBases), text: z.string() }),
  causes: z.array(causeAssessmentSchema).describe('all five causes, most likely first'),
  summary: z.string(),
  isMixed: z.boolean().describe('true when the top causes are too close to call'),
  notices: z.array(z.string()),
});
export type WaitingDiagnosis = z.infer<typeof waitingDiagnosisSchema>;

export const notWaitingDiagnosisSchema = z.object({
  status: z.literal('not_waiting'),
  applicationId: z.string(),
  ...asOfFields,
  reason: z.enum(notWaitingReasons),
  summary: z.string(),
  notices: z.array(z.string()),
});
export type NotWaitingDiagnosis = z.infer<typeof notWaitingDiagnosisSchema>;

export const diagnosisSchema = z
  .discriminatedUnion('status', [waitingDiagnosisSchema, notWaitingDiagnosisSchema])
  .meta({ id: 'Diagnosis' });
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const diagnosisQuerySchema = z.strictObject({
  asOf: z
    .union([instant, localDate])
    .optional()
    .describe(
      'answer as of this instant, or the end of this date in your time zone: anything recorded later is ignored (default: now)',
    ),
});

export type DiagnosisInput = {
  readonly application: Application;
  readonly interviews: readonly Interview[];
  readonly events: readonly TimelineEvent[];
  readonly followUps: readonly FollowUp[];
  /** null when the posting has never been re-checked (or has no URL). */
  readonly postingStatus: PostingStatus | null;
  readonly tailoring: TailoringSummary | null;
  /** The company's size band, when known. */
  readonly companySize: CompanySizeBand | null;
  /** The company's industry as the user wrote it ("Government", "Aerospace & Defense"), when known. */
  readonly industry: string | null;
  readonly settings: Pick<Settings, 'timeZone' | 'country' | 'region' | 'workingDays'>;
  /** Public holidays (YYYY-MM-DD) in the user's calendar; business days skip them. */
  readonly holidays?: readonly string[];
  readonly history: DiagnosisHistory | null;
  /** The moment the diagnosis is made, as an ISO instant. Anything dated after it is ignored. */
  readonly now: string;
  readonly priors: TimeToHirePriors;
};

export const causeLabels: Readonly<Record<DiagnosisCause, string>> = {
  position_gone: 'The position may be gone',
  avoiding_confrontation: 'They may have chosen someone else without saying so',
  still_deciding: 'They may still be deciding',
  too_many_applicants: 'Your application may be lost among many',
  room_for_improvement: 'Your application may have room for improvement',
};

/** Ontario's duty to inform interviewed applicants (ESA 2000 Part III.1, O. Reg. 476/24). */
export const ontarioDutyToInform = { inForceFrom: '2026-01-01', days: 45, minEmployees: 25 } as const;

/** Where each cause starts before any signal: hearback's judgement of how often each explains silence. */
const baseWeights: Readonly<Record<DiagnosisCause, number>> = {
  position_gone: -1.5,
  avoiding_confrontation: -0.5,
  still_deciding: 0,
  too_many_applicants: -0.3,
  room_for_improvement: -0.8,
};

const likelyFrom = 0.6;
const possibleFrom = 0.35;
/** Two top scores closer than this are reported as mixed evidence rather than a clear front-runner. */
const mixedMargin = 0.1;
const ownHistoryMinimum = 3;
const sourceRateMinimum = 5;
const largeEmployer = 1_000;
const smallEmployer = 50;
/** A posting open this long has gathered a deep pile; one answered within `earlyApplicationDays` a shallow one. */
const longOpenPostingDays = 30;
const earlyApplicationDays = 3;

/**
 * How each source weighs on "lost among many", before the interviews. Referral, job board and careers page
 * are re-derived from CareerPlug's 2025 report (60,000 small businesses): the log of each source's share of
 * hires over its share of applicants, turned against the pile — job boards 61% of applicants, 42% of hires
 * (−ln 0.69 ≈ +0.4); careers pages 13% / 26% (−ln 2 ≈ −0.7); referrals 2% / 11% (−ln 5.5 ≈ −1.7). No figure
 * was found for recruiters: their −0.6 is hearback's judgement (someone is carrying the application).
 */
const sourceWeights: Partial<Record<SourceKind, readonly [number, string]>> = {
  referral: [
    -1.7,
    'You came in through a referral: referrals were 2% of applicants but 11% of hires (CareerPlug 2025).',
  ],
  job_board: [
    0.4,
    'You applied through a job board: job boards brought 61% of applicants but 42% of hires (CareerPlug 2025), so the pile there is deepest.',
  ],
  company_site: [
    -0.7,
    "You applied on the company's careers page: careers pages brought 13% of applicants but 26% of hires (CareerPlug 2025).",
  ],
  recruiter: [-0.6, 'A recruiter put you forward, so someone is already carrying your application.'],
};
/** A message within this many days after an interview, linked to no step, is read as a thank-you note. */
const thankYouWindowDays = 2;

const nudgeKinds: ReadonlySet<FollowUpKind> = new Set([
  'first_follow_up',
  'second_follow_up',
  'closing_note',
  'application_check_in',
  'custom',
]);

type Phase = 'before' | 'just_after' | 'well_after' | 'long_after';

type Item = { readonly signal: DiagnosisSignal; readonly weight: number; readonly text: string };

type Timeline = {
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

type ReplyEvent = Extract<TimelineEvent, { kind: 'reply_received' }>;
type MessageEvent = Extract<TimelineEvent, { kind: 'message_sent' }>;
type PostingChangeEvent = Extract<TimelineEvent, { kind: 'posting_change' }>;

type Waiting = {
  readonly since: string;
  readonly kind: LastContactKind;
};

type Expectation = {
  readonly date: Temporal.PlainDate;
  readonly basis: ExpectationBasis;
  readonly text: string;
  /** How the date is named in sentences: "their date" or "the usual time". */
  readonly name: string;
};

type PostingView = {
  readonly state: PostingState;
  readonly since: Temporal.PlainDate | null;
  readonly expiredOn: Temporal.PlainDate | null;
  readonly hasUrl: boolean;
};

type Outreach = {
  readonly nudges: number;
  readonly firstNudge: Temporal.PlainDate | null;
  readonly closingNoteOn: Temporal.PlainDate | null;
  readonly thanked: ReadonlySet<string>;
  readonly hasGenericThanks: boolean;
};

type Reading = {
  readonly input: DiagnosisInput;
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

export function diagnose(rawInput: DiagnosisInput): Diagnosis {
  const input = { ...rawInput, application: applicationAsOf(rawInput) };
  const timeline = readTimeline(input);
  const notWaiting = findNotWaitingReason(input, timeline);
  if (notWaiting !== null) return describeNotWaiting(input, timeline, notWaiting);

  const waiting = findWaitingSince(timeline);
  const timeToHire = resolveTimeToHire(input.priors, {
    country: input.settings.country,
    industry: input.industry === null ? null : industryKeyOf(input.industry),
  });
  const isInterviewed = timeline.pastInterviews.length > 0 || reachedStage(input.application, 'interviewing');
  const reachedScreening = reachedStage(input.application, 'screening');
  const isCold = !isInterviewed && !reachedScreening && timeline.replies.length === 0;
  const expectation = findExpectation(input, timeline, waiting, timeToHire, isCold);
  const overdueDays = expectation.date.until(timeline.today, { largestUnit: 'days' }).days;
  const reading: Reading = {
    input,
    timeline,
    waiting,
    expectation,
    overdueDays,
    phase: phaseOf(overdueDays),
    isInterviewed,
    reachedScreening,
    isCold,
    posting: readPosting(input, timeline),
    outreach: readOutreach(input, timeline, waiting),
  };

  const items = collectEvidence(reading);
  const causes = diagnosisCauses
    .map((cause) => assessCause(reading, cause, items[cause]))
    .sort((a, b) => b.score - a.score || diagnosisCauses.indexOf(a.cause) - diagnosisCauses.indexOf(b.cause));
  const [first, second] = causes as [CauseAssessment, CauseAssessment, ...CauseAssessment[]];
  const isMixed = round2(first.score - second.score) < mixedMargin;
  const daysOfSilence = Math.max(
    0,
    localDateOf(waiting.since, input.settings.timeZone).until(timeline.today, { largestUnit: 'days' }).days,
  );
  return {
    status: 'waiting',
    applicationId: input.application.id,
    asOf: new Date(Date.parse(input.now)).toISOString(),
    date: timeline.today.toString(),
    waitingSince: waiting.since,
    lastContact: waiting.kind,
    daysOfSilence,
    expectedBy: expectation.date.toString(),
    expectation: { basis: expectation.basis, text: expectation.text },
    causes,
    summary: summarize(reading, daysOfSilence, causes, isMixed),
    isMixed,
    notices: findNotices(reading),
  };
}

function readTimeline(input: DiagnosisInput): Timeline {
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

function findNotWaitingReason(input: DiagnosisInput, timeline: Timeline): NotWaitingReason | null {
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

const notWaitingSummaries: Readonly<Record<NotWaitingReason, string>> = {
  not_applied: 'You have not applied yet, so there is no silence to explain.',
  ended: 'This application has ended, so hearback no longer diagnoses it.',
  offer: 'You have an offer: the next move is a conversation about it, not a wait.',
  interview_scheduled:
    'An interview is coming up: the employer is still in touch, so there is no silence yet.',
  employer_replied_last:
    "The last word was the employer's, and it named no date to wait for. If they said they would get back to you by a date, add it to their reply; if you have written to them since, log your message, and hearback will read the silence from there.",
};

function describeNotWaiting(
  input: DiagnosisInput,
  timeline: Timeline,
  reason: NotWaitingReason,
): NotWaitingDiagnosis {
  return {
    status: 'not_waiting',
    applicationId: input.application.id,
    asOf: new Date(Date.parse(input.now)).toISOString(),
    date: timeline.today.toString(),
    reason,
    summary: notWaitingSummaries[reason],
    notices: [],
  };
}

/**
 * The application as it stood at `now`: its stage, furthest stage and dates re-derived from the stage changes
 * recorded up to then, so a diagnosis asked "as of" a past date does not read a later move. With no stage
 * history in the input, the application is taken as given; with history that starts later, it was not yet
 * tracked, which reads as not applied.
 */
function applicationAsOf(input: DiagnosisInput): Application {
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
function findWaitingSince(timeline: Timeline): Waiting {
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

function findExpectation(
  input: DiagnosisInput,
  timeline: Timeline,
  waiting: Waiting,
  timeToHire: TimeToHire,
  isCold: boolean,
): Expectation {
  const tz = input.settings.timeZone;
  const stated = findStatedDate(timeline);
  if (stated !== null) {
    return {
      date: stated.date,
      basis: 'stated_date',
      text: `They said they expected to decide by ${formatDate(stated.date)} (${stated.where}).`,
      name: `their date (${formatDate(stated.date)})`,
    };
  }
  const applied = localDateOf(timeline.appliedAt, tz);
  if (isCold) return firstResponseExpectation(input, applied);
  const usual = applied.add({ days: Math.round(timeToHire.days) });
  const contactDate = localDateOf(waiting.since, tz);
  const afterContact = contactDate.add({ days: Math.round(input.priors.afterContactDays) });
  // After an interview or an exchange of messages the next news is about that step, so the fresher contact
  // sets the date.
  if (waiting.kind !== 'applied') {
    return {
      date: afterContact,
      basis: 'after_last_contact',
      text: `They gave no date; news usually comes about ${Math.round(input.priors.afterContactDays)} days after the last contact (${formatDate(contactDate)}), so around ${formatDate(afterContact)}.`,
      name: `the usual time (${formatDate(afterContact)})`,
    };
  }
  return {
    date: usual,
    basis: 'usual_time_to_hire',
    text: `They gave no date; hiring takes about ${formatDays(timeToHire.days)} days from application (${timeToHire.label}), so news was due around ${formatDate(usual)}.`,
    name: `the usual time (${formatDate(usual)})`,
  };
}

/**
 * Before anyone has been in touch, the next news is a first answer, not a hire: an application-to-offer average
 * (three weeks and more) would call a silent pile "still deciding" for weeks. No published median time to a
 * first answer was found, so the yardstick is the user's own median once three first answers are known, else
 * the playbook's check-in: recruiters' advice to follow up about 7 business days after applying.
 */
function firstResponseExpectation(input: DiagnosisInput, applied: Temporal.PlainDate): Expectation {
  const history = input.history;
  const own = history?.medianDaysToFirstReply ?? null;
  if (history !== null && own !== null && history.firstRepliesMeasured >= ownHistoryMinimum) {
    const date = applied.add({ days: Math.max(1, Math.round(own)) });
    return {
      date,
      basis: 'first_response',
      text: `Nobody there has been in touch yet. Employers have usually first answered you within about ${formatDays(own)} days (your own history), so a first answer was due around ${formatDate(date)}.`,
      name: `the usual time for a first answer (${formatDate(date)})`,
    };
  }
  const businessDays = input.priors.firstResponseBusinessDays;
  const date = addBusinessDays(
    applied,
    businessDays,
    input.settings.workingDays,
    new Set(input.holidays ?? []),
  );
  return {
    date,
    basis: 'first_response',
    text: `Nobody there has been in touch yet. No published figure gives the usual time to a first answer, so hearback uses recruiters' advice to check in ${businessDays} business days after applying: a first answer was due around ${formatDate(date)}.`,
    name: `the usual time for a first answer (${formatDate(date)})`,
  };
}

/** The latest date the employer named since the last interview: at that interview, or in a later reply. */
function findStatedDate(timeline: Timeline): { date: Temporal.PlainDate; where: string } | null {
  const last = timeline.lastInterview;
  const replies = timeline.replies.filter(
    (r) => r.newDecisionDate !== null && (last === null || byInstant(r.occurredAt, last.endsAt) >= 0),
  );
  const reply = replies.at(-1);
  if (reply?.newDecisionDate) {
    return { date: Temporal.PlainDate.from(reply.newDecisionDate), where: 'in their last message' };
  }
  if (last?.decisionDate) {
    return { date: Temporal.PlainDate.from(last.decisionDate), where: `at your ${roundName(last)}` };
  }
  return null;
}

function readPosting(input: DiagnosisInput, timeline: Timeline): PostingView {
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

function readOutreach(input: DiagnosisInput, timeline: Timeline, waiting: Waiting): Outreach {
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
    if (!nudgeKinds.has(step.kind) || linkedSteps.has(step.id) || step.completedAt === null) continue;
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
function outreachAfter(timeline: Timeline, at: string): string[] {
  const stepKinds = new Map(timeline.doneSteps.map((s) => [s.id, s.kind]));
  const times = [
    ...timeline.messages
      .filter((m) => m.followUpId === null || stepKinds.get(m.followUpId) !== 'thank_you')
      .map((m) => m.occurredAt),
    ...timeline.doneSteps.filter((s) => nudgeKinds.has(s.kind)).map((s) => s.completedAt ?? ''),
  ];
  return times.filter((t) => t !== '' && byInstant(t, at) > 0).sort(byInstant);
}

function collectEvidence(r: Reading): Record<DiagnosisCause, Item[]> {
  const items: Record<DiagnosisCause, Item[]> = {
    position_gone: [],
    avoiding_confrontation: [],
    still_deciding: [],
    too_many_applicants: [],
    room_for_improvement: [],
  };
  const add = (cause: DiagnosisCause, signal: DiagnosisSignal, weight: number, text: string) => {
    items[cause].push({ signal, weight, text });
  };
  addSilence(r, add);
  addStage(r, add);
  addPosting(r, add);
  addOutreach(r, add);
  addSourceAndSize(r, add);
  addPreparation(r, add);
  addEmployerReply(r, add);
  addOwnHistory(r, add);
  return items;
}

type Add = (cause: DiagnosisCause, signal: DiagnosisSignal, weight: number, text: string) => void;

function addSilence(r: Reading, add: Add): void {
  const due = r.expectation.name;
  const late = r.overdueDays;
  const lateText = `${plural(late, 'day')} past ${due}`;
  switch (r.phase) {
    case 'before': {
      const left = -late;
      const wait = left === 0 ? 'that is today' : `${plural(left, 'day')} to go`;
      add('still_deciding', 'silence', 2, `News is not due yet: ${due}, ${wait}.`);
      add(
        'avoiding_confrontation',
        'silence',
        -1.5,
        `${capitalize(due)} has not passed, so the silence does not mean much yet.`,
      );
      add('position_gone', 'silence', -0.5, 'It is early for a role to have been called off without word.');
      add(
        'too_many_applicants',
        'silence',
        r.isInterviewed ? 0 : -0.8,
        pileSilence(r, 'It is still early for an application to have been overlooked.'),
      );
      add('room_for_improvement', 'silence', 0, 'How long they take says little about how you came across.');
      return;
    }
    case 'just_after':
      add('still_deciding', 'silence', 0.8, `It is ${lateText}; decisions often slip by a few days.`);
      add('avoiding_confrontation', 'silence', 0.2, `It is ${lateText} without a word.`);
      add('position_gone', 'silence', 0, `It is ${lateText}; too soon to read much into it.`);
      add(
        'too_many_applicants',
        'silence',
        r.isInterviewed ? 0 : 0.2,
        pileSilence(r, `It is ${lateText} without a word.`),
      );
      add('room_for_improvement', 'silence', 0, 'How long they take says little about how you came across.');
      return;
    case 'well_after':
      add('still_deciding', 'silence', -0.6, `It is ${lateText}; delays this long happen, but less often.`);
      add(
        'avoiding_confrontation',
        'silence',
        1,
        `It is ${lateText} without a word; employers who chose someone else often never say so.`,
      );
      add('position_gone', 'silence', 0.2, `It is ${lateText}; a cancelled or frozen role also goes quiet.`);
      add(
        'too_many_applicants',
        'silence',
        r.isInterviewed ? 0 : 0.6,
        pileSilence(r, `It is ${lateText}, and nobody has been in touch.`),
      );
      add('room_for_improvement', 'silence', 0, 'How long they take says little about how you came across.');
      return;
    case 'long_after':
      add(
        'still_deciding',
        'silence',
        -1.6,
        `It is ${lateText}; a process still open after so long is less common.`,
      );
      add(
        'avoiding_confrontation',
        'silence',
        1.8,
        `It is ${lateText} without a word; this is what a silent "no" usually looks like.`,
      );
      add('position_gone', 'silence', 0.5, `It is ${lateText}; a cancelled or frozen role also goes quiet.`);
      add(
        'too_many_applicants',
        'silence',
        r.isInterviewed ? 0 : 0.8,
        pileSilence(r, `It is ${lateText}, and nobody has been in touch.`),
      );
      add('room_for_improvement', 'silence', 0, 'How long they take says little about how you came across.');
      return;
  }
}

/** After interviews the pile is behind the candidate, so the silence is named without weighing in. */
function pileSilence(r: Reading, text: string): string {
  return r.isInterviewed
    ? 'After interviews, how long they take says nothing about the pile of applications.'
    : text;
}

function addStage(r: Reading, add: Add): void {
  const { timeline } = r;
  const tz = r.input.settings.timeZone;
  if (!r.isInterviewed) {
    if (r.reachedScreening) {
      add(
        'too_many_applicants',
        'stage_reached',
        -0.8,
        'Someone already screened you, so your application did not sink unread.',
      );
    } else {
      add(
        'too_many_applicants',
        'stage_reached',
        1.2,
        `You applied on ${formatDate(localDateOf(timeline.appliedAt, tz))} and nobody has been in touch, so a person may never have read your application (in Stepstone's October 2025 survey, 54% of job seekers said they got no response to an application).`,
      );
    }
    return;
  }
  add(
    'too_many_applicants',
    'stage_reached',
    -2,
    'You reached the interviews, so your application was not lost in the pile.',
  );
  add(
    'avoiding_confrontation',
    'stage_reached',
    0.5,
    "Silence after interviews is common: in Greenhouse's 2024 survey, 61% of job seekers said they had been ghosted after an interview.",
  );
  const rounds = timeline.pastInterviews.length;
  const last = timeline.lastInterview;
  const isFinal = last !== null && (last.round === 'final' || rounds >= 3);
  if (last === null) return;
  const finalText = `Your ${roundName(last)} on ${formatDate(localDateOf(last.endsAt, tz))} was the last round${rounds > 1 ? ` of ${rounds}` : ''}`;
  if (isFinal && r.phase !== 'before') {
    add(
      'avoiding_confrontation',
      'rounds_done',
      0.8,
      `${finalText}; after a final round the chosen candidate usually hears quickly, so a long quiet leans towards a silent "no".`,
    );
  } else if (isFinal) {
    add('still_deciding', 'rounds_done', 0.3, `${finalText}; final decisions often wait on several people.`);
  } else if (rounds >= 2) {
    add(
      'still_deciding',
      'rounds_done',
      0.3,
      `You have done ${plural(rounds, 'interview round')}; more rounds mean more people to coordinate.`,
    );
  }
}

function addPosting(r: Reading, add: Add): void {
  const { posting } = r;
  const on = posting.since === null ? '' : ` (${formatDate(posting.since)})`;
  switch (posting.state) {
    case 'removed':
      add('position_gone', 'posting_status', 3, `The posting was taken down${on}.`);
      add(
        'avoiding_confrontation',
        'posting_status',
        r.isInterviewed ? 0.4 : 0,
        `The posting was taken down${on}; that can also mean the role was filled.`,
      );
      add(
        'still_deciding',
        'posting_status',
        -1,
        `With the posting taken down${on}, an open search is less likely.`,
      );
      add(
        'too_many_applicants',
        'posting_status',
        -1,
        `The posting was taken down${on}, so the pile is no longer the question.`,
      );
      break;
    case 'reposted':
      add('position_gone', 'posting_status', -1.5, `The role was posted again${on}, so it still exists.`);
      add('still_deciding', 'posting_status', 0.3, `The role was posted again${on}: they are still hiring.`);
      if (r.isInterviewed) {
        add(
          'avoiding_confrontation',
          'posting_status',
          1,
          `The role was posted again${on} after your interviews: they seem to be looking beyond the candidates they met.`,
        );
      } else {
        add(
          'too_many_applicants',
          'posting_status',
          0.5,
          `The role was posted again${on}: they are still collecting applications, and yours may not have been reviewed.`,
        );
      }
      break;
    case 'changed':
      add(
        'position_gone',
        'posting_status',
        0.4,
        `The posting's description changed${on}; a role being reshaped is sometimes cancelled.`,
      );
      add(
        'still_deciding',
        'posting_status',
        0.2,
        `The posting changed${on}: someone is still working on the role.`,
      );
      break;
    case 'online':
      add('position_gone', 'posting_status', -1.5, `The posting was still online when last checked${on}.`);
      if (r.isCold) {
        // Before anyone has looked at you, an open posting means an open pile, not a decision about you.
        add(
          'too_many_applicants',
          'posting_status',
          0.4,
          `The posting is still online${on}: they are still collecting applications, and each new one joins the pile yours is in.`,
        );
      } else {
        add(
          'still_deciding',
          'posting_status',
          0.4,
          `The posting is still online${on}, so the search looks open.`,
        );
      }
      break;
    case 'unknown':
      add(
        'position_gone',
        'posting_status',
        0,
        posting.hasUrl
          ? 'The posting has not been re-checked yet, so hearback cannot tell whether the role is still open.'
          : 'There is no posting link to re-check, so hearback cannot tell whether the role is still open.',
      );
      break;
  }
  if (posting.expiredOn !== null) {
    const recent = posting.expiredOn.until(r.timeline.today, { largestUnit: 'days' }).days <= 14;
    add(
      'position_gone',
      'posting_expiry',
      recent ? 0.5 : 1,
      `The posting's closing date (${formatDate(posting.expiredOn)}) has passed.`,
    );
    if (recent && !r.isInterviewed) {
      add(
        'still_deciding',
        'posting_expiry',
        0.3,
        `Applications closed on ${formatDate(posting.expiredOn)}; reviewing often starts only then.`,
      );
    }
  }
}

function addOutreach(r: Reading, add: Add): void {
  const { outreach } = r;
  const n = Math.min(outreach.nudges, 3);
  if (outreach.nudges > 0 && outreach.firstNudge !== null) {
    const text = `You have followed up ${times(outreach.nudges)} since ${formatDate(outreach.firstNudge)} with no reply.`;
    add('avoiding_confrontation', 'nudges_unanswered', 0.6 * n + (outreach.closingNoteOn ? 0.3 : 0), text);
    add(
      'still_deciding',
      'nudges_unanswered',
      -0.4 * n,
      `${text} Busy teams usually answer a direct question, even briefly.`,
    );
    add('position_gone', 'nudges_unanswered', 0.2 * n, text);
  }
  // With no interview on record there is nothing to have thanked anyone for, so no note is not evidence.
  if (r.timeline.pastInterviews.length === 0) return;
  const interviewers = [...new Set(r.timeline.pastInterviews.flatMap((i) => i.interviewerIds))].sort(
    compareText,
  );
  const thankedKnown = interviewers.filter((id) => outreach.thanked.has(id)).length;
  const thankedAny = outreach.thanked.size > 0 || outreach.hasGenericThanks;
  const last = r.timeline.lastInterview;
  const after = last ? ` after your ${roundName(last)}` : '';
  if (!thankedAny) {
    add(
      'room_for_improvement',
      'thank_you',
      0.6,
      `hearback has no record of a thank-you note${after}; most HR managers say they weigh them (Robert Half 2017).`,
    );
  } else if (interviewers.length > 1 && thankedKnown < interviewers.length && !outreach.hasGenericThanks) {
    add(
      'room_for_improvement',
      'thank_you',
      0.4,
      `You thanked ${thankedKnown} of your ${interviewers.length} interviewers.`,
    );
  } else {
    add('room_for_improvement', 'thank_you', -0.3, `You sent thank-you notes${after}.`);
  }
}

function addSourceAndSize(r: Reading, add: Add): void {
  const kind = r.input.application.source.kind;
  const source = sourceWeights[kind];
  if (source && !r.isInterviewed) add('too_many_applicants', 'source', source[0], source[1]);
  addPostingAge(r, add);
  const band = r.input.companySize;
  if (band === null) return;
  const size = smallestHeadcount(band);
  const name = r.input.application.company.name;
  if (size >= largeEmployer) {
    if (!r.isInterviewed) {
      add(
        'too_many_applicants',
        'company_size',
        0.6,
        `${name} is a large employer (${describeSizeBand(band)}); large employers draw more applicants.`,
      );
    }
    add(
      'still_deciding',
      'company_size',
      0.4,
      `${name} is a large employer; hiring takes longer at larger companies (Glassdoor 2015).`,
    );
  } else if (size < smallEmployer) {
    if (!r.isInterviewed) {
      add(
        'too_many_applicants',
        'company_size',
        -0.4,
        `${name} is small (${describeSizeBand(band)}), so fewer applications compete for attention.`,
      );
    }
    add(
      'still_deciding',
      'company_size',
      -0.2,
      `${name} is small; small employers tend to decide faster (Glassdoor 2015).`,
    );
  }
}

/**
 * How long the posting had been up: a posting gathers applications for as long as it is open, so one up for a
 * month has a deeper pile, and an application sent in its first days meets a shallow one. Only before the
 * interviews, and only while the posting is not known to be gone.
 */
function addPostingAge(r: Reading, add: Add): void {
  const posted = r.input.application.posting.datePosted;
  if (r.isInterviewed || posted === null || !/^\d{4}-\d{2}-\d{2}/.test(posted)) return;
  if (r.posting.state === 'removed') return;
  const postedOn = Temporal.PlainDate.from(posted.slice(0, 10));
  const appliedOn = localDateOf(r.timeline.appliedAt, r.input.settings.timeZone);
  const upDays = postedOn.until(r.timeline.today, { largestUnit: 'days' }).days;
  const appliedAfter = postedOn.until(appliedOn, { largestUnit: 'days' }).days;
  if (upDays < 0 || appliedAfter < 0) return;
  if (upDays >= longOpenPostingDays) {
    add(
      'too_many_applicants',
      'posting_age',
      0.4,
      `The posting went up on ${formatDate(postedOn)}, ${plural(upDays, 'day')} ago; the longer a posting is open, the deeper the pile.`,
    );
  } else if (appliedAfter <= earlyApplicationDays) {
    add(
      'too_many_applicants',
      'posting_age',
      -0.3,
      `You applied ${appliedAfter === 0 ? 'the day' : `${plural(appliedAfter, 'day')} after`} the posting went up (${formatDate(postedOn)}), ahead of most of the pile.`,
    );
  }
}

function addPreparation(r: Reading, add: Add): void {
  const tailoring = r.input.tailoring;
  if (tailoring === null) {
    add(
      'room_for_improvement',
      'tailoring_score',
      0,
      'There is no tailoring check for this application yet, so hearback cannot tell how well your resume matched the posting.',
    );
  } else {
    const score = Math.round(tailoring.score);
    const missing = tailoring.missingKeywords.slice(0, 5);
    const missingText = missing.length > 0 ? `; missing: ${listWords(missing)}` : '';
    const text = `Your resume covered ${score}% of the posting's key terms${missingText}.`;
    const weight = score < 50 ? 1.5 : score < 70 ? 0.6 : score < 80 ? 0 : -1;
    // After interviews the resume has done its job: how the interviews went matters more than its wording.
    if (r.isInterviewed) {
      add(
        'room_for_improvement',
        'tailoring_score',
        weight / 2,
        `${text} It already got you to the interviews, so it weighs less now.`,
      );
    } else {
      add('room_for_improvement', 'tailoring_score', weight, text);
    }
    if (score < 50 && !r.isInterviewed) {
      add(
        'too_many_applicants',
        'tailoring_score',
        0.3,
        `${text} A low match makes an application easier to pass over in a big pile.`,
      );
    }
  }
  const rated = [...r.timeline.pastInterviews].reverse().find((i) => i.selfRating !== null);
  if (!rated || rated.selfRating === null) return;
  const rating = rated.selfRating;
  const text = `You rated your ${roundName(rated)} (${formatDate(localDateOf(rated.endsAt, r.input.settings.timeZone))}) ${rating} out of 5.`;
  if (rating <= 2) {
    add('room_for_improvement', 'self_rating', 1.2, text);
    add('avoiding_confrontation', 'self_rating', 0.4, text);
  } else if (rating >= 4) {
    add('room_for_improvement', 'self_rating', -0.5, text);
    add('avoiding_confrontation', 'self_rating', -0.3, text);
  }
}

function addEmployerReply(r: Reading, add: Add): void {
  const reply = r.timeline.replies.at(-1);
  if (!reply) return;
  const last = r.timeline.lastInterview;
  if (last !== null && byInstant(reply.occurredAt, last.endsAt) < 0) return;
  const on = formatDate(localDateOf(reply.occurredAt, r.input.settings.timeZone));
  if (reply.newDecisionDate !== null) {
    const date = formatDate(Temporal.PlainDate.from(reply.newDecisionDate));
    add(
      'still_deciding',
      'employer_reply',
      0.8,
      `On ${on} they wrote that they expect to decide by ${date}.`,
    );
  }
  if (reply.sentiment === 'positive') {
    add('still_deciding', 'employer_reply', 0.3, `Their last message (${on}) sounded positive.`);
    add('avoiding_confrontation', 'employer_reply', -0.3, `Their last message (${on}) sounded positive.`);
  } else if (reply.sentiment === 'negative') {
    add('avoiding_confrontation', 'employer_reply', 0.5, `Their last message (${on}) sounded discouraging.`);
  }
}

function addOwnHistory(r: Reading, add: Add): void {
  const history = r.input.history;
  if (history === null) return;
  const hasHeardAtAll = r.reachedScreening || r.isInterviewed || r.timeline.replies.length > 0;
  const median = history.medianDaysToFirstReply;
  if (!hasHeardAtAll && median !== null && history.firstRepliesMeasured >= ownHistoryMinimum) {
    const tz = r.input.settings.timeZone;
    const waited = localDateOf(r.timeline.appliedAt, tz).until(r.timeline.today, {
      largestUnit: 'days',
    }).days;
    const usual = `Employers have usually first answered you within about ${formatDays(median)} days`;
    if (waited <= median) {
      add('still_deciding', 'own_reply_time', 0.6, `${usual}; it has been ${plural(waited, 'day')}.`);
    } else if (waited > 2 * median) {
      const text = `${usual}; it has been ${plural(waited, 'day')}, more than twice that.`;
      add('too_many_applicants', 'own_reply_time', 0.5, text);
      add('avoiding_confrontation', 'own_reply_time', 0.3, text);
    }
  }
  const kind = r.input.application.source.kind;
  const rate = history.responseRateBySource[kind];
  if (rate && rate.applications >= sourceRateMinimum && !r.isInterviewed) {
    const pct = Math.round(rate.rate * 100);
    const text = `${pct}% of your ${rate.applications} applications through ${sourceNames[kind]} got any answer.`;
    if (rate.rate < 0.2) add('too_many_applicants', 'own_response_rate', 0.6, `Only ${text}`);
    else if (rate.rate >= 0.5) add('too_many_applicants', 'own_response_rate', -0.4, `${capitalize(text)}`);
  }
}

const sourceNames: Readonly<Record<SourceKind, string>> = {
  referral: 'referrals',
  job_board: 'job boards',
  company_site: 'company sites',
  recruiter: 'recruiters',
  other: 'other channels',
};

function assessCause(r: Reading, cause: DiagnosisCause, items: readonly Item[]): CauseAssessment {
  const logit = items.reduce((sum, item) => sum + item.weight, baseWeights[cause]);
  const score = round2(1 / (1 + Math.exp(-logit)));
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Math.abs(b.item.weight) - Math.abs(a.item.weight) || a.index - b.index)
    .map(({ item }) => item);
  const evidence: Evidence[] = ordered.map((item) => ({
    signal: item.signal,
    text: item.text,
    direction: item.weight > 0 ? 'for' : item.weight < 0 ? 'against' : 'neutral',
  }));
  return {
    cause,
    label: causeLabels[cause],
    score,
    likelihood: score >= likelyFrom ? 'likely' : score >= possibleFrom ? 'possible' : 'unlikely',
    evidence,
    recommendation: recommend(r, cause, evidence),
  };
}

function recommend(r: Reading, cause: DiagnosisCause, evidence: readonly Evidence[]): Recommendation {
  const supporting = unique(evidence.filter((e) => e.direction === 'for').map((e) => e.signal));
  const present = new Set(evidence.map((e) => e.signal));
  const basedOn = (preferred: readonly DiagnosisSignal[]) => {
    const chosen = preferred.filter((s) => present.has(s));
    if (chosen.length > 0) return unique(chosen);
    return supporting.length > 0 ? supporting : unique(evidence.map((e) => e.signal));
  };
  switch (cause) {
    case 'position_gone': {
      const removed = r.posting.state === 'removed' && r.posting.since !== null;
      const lead = removed ? `The posting came down on ${formatDate(r.posting.since!)}. ` : '';
      return {
        action: 'confirm_and_move_on',
        text: `${lead}Ask once, briefly, whether the role is still open, and meanwhile put your energy into other applications; if they confirm it is closed, end this one as "position closed".`,
        basedOn: basedOn(supporting),
        date: null,
      };
    }
    case 'avoiding_confrontation': {
      const closing = r.outreach.closingNoteOn;
      if (closing !== null) {
        return {
          action: 'mark_no_response',
          text: `You already sent a closing note on ${formatDate(closing)}. Mark the application as ended: no response. That records their silence, not a rejection of you, and frees you to move on.`,
          basedOn: basedOn(['nudges_unanswered', ...supporting]),
          date: null,
        };
      }
      return {
        action: 'send_closing_note',
        text: 'Send a short, polite note closing the loop: thank them, say you are moving on, leave the door open. Then count it as no response, which records their silence, not a rejection of you.',
        basedOn: basedOn(supporting),
        date: null,
      };
    }
    case 'still_deciding': {
      const followUpOn = addBusinessDays(
        r.expectation.date,
        2,
        r.input.settings.workingDays,
        new Set(r.input.holidays ?? []),
      );
      const signals = basedOn(['silence', 'employer_reply', ...supporting]);
      if (Temporal.PlainDate.compare(r.timeline.today, followUpOn) < 0) {
        return {
          action: 'wait_then_follow_up',
          text: `Be patient: wait until ${formatDate(followUpOn)}, two business days after ${r.expectation.name}, then follow up once, briefly, asking about their timeline.`,
          basedOn: signals,
          date: followUpOn.toString(),
        };
      }
      return {
        action: 'follow_up_now',
        text: `Two business days after ${r.expectation.name} have passed: a short, friendly follow-up asking about their timeline is fair now.`,
        basedOn: signals,
        date: r.timeline.today.toString(),
      };
    }
    case 'too_many_applicants': {
      if (r.input.application.source.kind === 'referral') {
        return {
          action: 'ask_your_referrer',
          text: 'Ask the person who referred you whether they can find out where your application stands, or introduce you to the hiring manager.',
          basedOn: basedOn(supporting),
          date: null,
        };
      }
      return {
        action: 'reach_a_person',
        text: 'Find a person: the hiring manager, someone there who could refer you, or the recruiter. Write to them directly with two or three lines on why you fit this role.',
        basedOn: basedOn(supporting),
        date: null,
      };
    }
    case 'room_for_improvement':
      return recommendImprovement(r, evidence, basedOn);
  }
}

function recommendImprovement(
  r: Reading,
  evidence: readonly Evidence[],
  basedOn: (preferred: readonly DiagnosisSignal[]) => DiagnosisSignal[],
): Recommendation {
  const parts: string[] = [];
  const signals: DiagnosisSignal[] = [];
  const tailoring = r.input.tailoring;
  if (tailoring === null) {
    parts.push("Run the tailoring check to see which of the posting's key terms your resume misses.");
    signals.push('tailoring_score');
  } else if (tailoring.score < 80) {
    const missing = tailoring.missingKeywords.slice(0, 5);
    parts.push(
      missing.length > 0
        ? `Tailor your resume to the posting: work in ${listWords(missing)} where they truly describe your experience.`
        : 'Tailor your resume to the posting, echoing its own words for the skills you have.',
    );
    signals.push('tailoring_score');
  }
  const thanks = evidence.find((e) => e.signal === 'thank_you');
  if (thanks && thanks.direction === 'for') {
    parts.push('Thank every interviewer: a short note each, naming something you discussed.');
    signals.push('thank_you');
  }
  const rating = evidence.find((e) => e.signal === 'self_rating');
  if (rating && rating.direction === 'for') {
    parts.push('Write down what felt weak in the interview and prepare those answers for the next one.');
    signals.push('self_rating');
  }
  if (parts.length === 0) {
    parts.push('Keep tailoring each application and thanking every interviewer: it is the part you control.');
  }
  return { action: 'tailor_and_thank', text: parts.join(' '), basedOn: basedOn(signals), date: null };
}

function summarize(
  r: Reading,
  daysOfSilence: number,
  causes: readonly CauseAssessment[],
  isMixed: boolean,
): string {
  const tz = r.input.settings.timeZone;
  const since = formatDate(localDateOf(r.waiting.since, tz));
  const from: Record<LastContactKind, string> = {
    applied: `you applied on ${since}`,
    interview: `your interview on ${since}`,
    reply: `their last message on ${since}`,
    message: `you wrote to them on ${since}`,
  };
  const first = causes[0]!;
  const second = causes[1]!;
  const lines = [
    `${plural(daysOfSilence, 'day')} without word since ${from[r.waiting.kind]}. ${r.expectation.text}`,
  ];
  if (r.waiting.kind === 'applied' && r.reachedScreening) {
    lines.push(
      'They screened you, but no call or message from them is logged: log it to count the silence from then.',
    );
  }
  if (isMixed) {
    lines.push(
      `The evidence is mixed: "${lowerFirst(first.label)}" and "${lowerFirst(second.label)}" are about equally ${first.likelihood === 'unlikely' ? 'uncertain' : 'likely'}, so keep both next steps in mind.`,
    );
  } else {
    lines.push(`Most likely: ${lowerFirst(first.label)} (${first.likelihood}).`);
    if (second.likelihood !== 'unlikely')
      lines.push(`Also ${second.likelihood}: ${lowerFirst(second.label)}.`);
  }
  lines.push('This is a reading of the signals, not a certainty.');
  return lines.join(' ');
}

function findNotices(r: Reading): string[] {
  const notice = ontarioNotice(r);
  return notice === null ? [] : [notice];
}

/**
 * Ontario's duty to inform applies to formal interviews for publicly advertised postings; phone screens are
 * left out because the regulation's guidance excludes preliminary screenings, and hearback would rather miss
 * a notice than suggest a duty that may not exist.
 */
function ontarioNotice(r: Reading): string | null {
  const { settings, companySize } = r.input;
  if (settings.country !== 'CA' || settings.region !== 'ON') return null;
  if (companySize !== null && smallestHeadcount(companySize) < ontarioDutyToInform.minEmployees) return null;
  const formal = r.timeline.pastInterviews.filter((i) => i.round !== 'phone_screen');
  const last = formal.at(-1);
  if (!last) return null;
  const lastDate = localDateOf(last.endsAt, settings.timeZone);
  if (Temporal.PlainDate.compare(lastDate, Temporal.PlainDate.from(ontarioDutyToInform.inForceFrom)) < 0) {
    return null;
  }
  if (r.timeline.replies.some((reply) => byInstant(reply.occurredAt, last.endsAt) > 0)) return null;
  const deadline = lastDate.add({ days: ontarioDutyToInform.days });
  if (Temporal.PlainDate.compare(r.timeline.today, deadline) <= 0) return null;
  return `In Ontario, since 1 January 2026, employers with 25 or more employees must tell candidates they interviewed for a publicly advertised job whether a decision has been made within 45 days of the last interview. Your last interview was on ${formatDate(lastDate)}, so that deadline was ${formatDate(deadline)}. If this employer has 25 or more employees, you may mention it in a polite follow-up, or contact Ontario's Ministry of Labour.`;
}

function reachedStage(application: Application, stage: 'screening' | 'interviewing'): boolean {
  const order = ['saved', 'applied', 'screening', 'interviewing', 'offer'];
  return order.indexOf(application.furthestStage) >= order.indexOf(stage);
}

function phaseOf(overdueDays: number): Phase {
  if (overdueDays <= 0) return 'before';
  if (overdueDays <= 7) return 'just_after';
  if (overdueDays <= 21) return 'well_after';
  return 'long_after';
}

/** The date `count` working days after `from`, skipping the user's days off and holidays. */
function addBusinessDays(
  from: Temporal.PlainDate,
  count: number,
  workingDays: readonly number[],
  holidays: ReadonlySet<string>,
): Temporal.PlainDate {
  const working = new Set(workingDays.length > 0 ? workingDays : [1, 2, 3, 4, 5]);
  let date = from;
  let left = count;
  for (let guard = 0; left > 0 && guard < 3_700; guard++) {
    date = date.add({ days: 1 });
    if (working.has(date.dayOfWeek) && !holidays.has(date.toString())) left--;
  }
  return date;
}

function localDateOf(instant: string, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(Date.parse(instant))
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tuesday 10 March 2026": spelled out so no reader mistakes day for month; the same on every machine. */
export function formatDate(date: Temporal.PlainDate): string {
  return `${weekdays[date.dayOfWeek - 1]} ${date.day} ${months[date.month - 1]} ${date.year}`;
}

const roundNames: Readonly<Record<Interview['round'], string>> = {
  phone_screen: 'phone screen',
  technical: 'technical interview',
  onsite: 'onsite interview',
  panel: 'panel interview',
  final: 'final interview',
  other: 'interview',
};

function roundName(interview: Pick<Interview, 'round'>): string {
  return roundNames[interview.round];
}

function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function byInstant(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
