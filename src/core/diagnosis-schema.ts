import { z } from 'zod';
import { type Application, sourceKinds } from './application.js';
import type { CompanySizeBand } from './company.js';
import type { TimelineEvent } from './event.js';
import { instant, instantOut, localDate } from './fields.js';
import type { FollowUp } from './follow-up.js';
import type { Interview } from './interview.js';
import type { Settings } from './settings.js';
import type { TimeToHirePriors } from './time-to-hire.js';

/**
 * The diagnosis's words and shapes: the lists of causes, signals and actions, the zod schemas of its answer
 * (used by the route, the OpenAPI document and the web client's types) and the input `diagnose` reads.
 * A new cause starts here, in `diagnosisCauses`; CONTRIBUTING.md lists what the compiler asks for next.
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
  /** Lessons from the user's retrospectives of earlier applications that fit this one (`lessonsFor`). */
  readonly lessons?: readonly string[];
};
