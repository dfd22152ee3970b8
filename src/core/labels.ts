import type { EmploymentType, RemoteType, SourceKind } from './application.js';
import type { ContactRole } from './contact.js';
import type { Likelihood } from './diagnosis-schema.js';
import type { DraftKind } from './drafts.js';
import type { Channel, EventKind, Sentiment } from './event.js';
import type { FollowUpKind, FollowUpStatus, NudgeKind, PlannedFollowUpKind } from './follow-up.js';
import type { InterviewRound } from './interview.js';
import type { invitationStatuses } from './invitations.js';
import type { ActiveStage } from './pipeline-values.js';
import type { DelayUnit } from './playbook.js';
import type { WatchState } from './posting-watch.js';
import type { ResponseLinkAnswer } from './response-link.js';
import type { RetrospectiveInput } from './retrospective.js';
import type { Role } from './roles.js';

/**
 * The words people see for each value of the core unions: one table per union, used by the web app, the
 * CLI, drafts, the calendar feed and the diagnosis alike; the glossary's vocabulary (docs/glossary.md).
 * Stages, outcomes and closed reasons keep theirs beside the pipeline (core/pipeline.ts), which words a
 * stage change with them. A label starts with a capital; a sentence that needs a noun uses the nouns below.
 * Only types are imported, so the web app loads this file without the modules that name the unions.
 */
export const followUpKindLabels: Readonly<Record<FollowUpKind, string>> = {
  thank_you: 'Thank-you note',
  first_follow_up: 'First follow-up',
  second_follow_up: 'Second follow-up',
  closing_note: 'Closing-the-loop note',
  suggest_no_response: 'Consider ending as no response',
  application_check_in: 'Application check-in',
  offer_check: 'Check on the written offer',
  feedback_request: 'Ask for feedback',
  custom: 'Follow-up',
};

/** When the playbook plans each kind of step, as the playbook editor explains its rules. */
export const followUpKindHints: Readonly<Record<PlannedFollowUpKind, string>> = {
  thank_you: 'after the interview ends, one per interviewer',
  first_follow_up: 'after the interview, when they gave no decision date',
  second_follow_up: 'after the first follow-up, if no reply',
  closing_note: 'after the second follow-up, if no reply',
  suggest_no_response: 'after the closing note: hearback suggests ending as no response',
  application_check_in: 'after applying, until the employer answers in any way',
  offer_check: 'after an offer is promised, to check on the written offer',
  feedback_request: 'after a rejection (optional)',
};

/** A nudge named inside a sentence ("done 3 days after the second follow-up"), as the planner's reasons say. */
export const nudgeKindNouns: Readonly<Record<NudgeKind, string>> = {
  first_follow_up: 'first follow-up',
  second_follow_up: 'second follow-up',
  closing_note: 'closing note',
  application_check_in: 'check-in',
  offer_check: 'offer check',
};

/** A message template is named after its step; the call script is the first follow-up made by phone. */
export function draftKindLabel(kind: DraftKind): string {
  return kind === 'phone_script' ? 'Phone call script' : followUpKindLabels[kind];
}

export const followUpStatusLabels: Readonly<Record<FollowUpStatus, string>> = {
  planned: 'Planned',
  done: 'Done',
  skipped: 'Skipped',
  snoozed: 'Snoozed',
};

export const delayUnitLabels: Readonly<Record<DelayUnit, string>> = {
  hours: 'hours',
  business_days: 'business days',
};

export const channelLabels: Readonly<Record<Channel, string>> = {
  email: 'Email',
  phone: 'Phone call',
  linkedin: 'LinkedIn',
  in_person: 'In person',
  other: 'Other',
};

export const roundLabels: Readonly<Record<InterviewRound, string>> = {
  phone_screen: 'Phone screen',
  technical: 'Technical',
  onsite: 'On-site',
  panel: 'Panel',
  final: 'Final',
  other: 'Other',
};

/** An interview of each round as a sentence names it: "your technical interview on Fri 5 Mar". */
export const roundNouns: Readonly<Record<InterviewRound, string>> = {
  phone_screen: 'phone screen',
  technical: 'technical interview',
  onsite: 'on-site interview',
  panel: 'panel interview',
  final: 'final interview',
  other: 'interview',
};

/** "Technical interview": an interview named on its own, as a heading or a calendar title. */
export function interviewTitle(round: InterviewRound): string {
  const noun = roundNouns[round];
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** Server mode's account roles (docs/server-mode.md); not a contact's role, which roleLabels words. */
export const accountRoleLabels: Readonly<Record<Role, string>> = {
  job_seeker: 'Job seeker',
  coach: 'Coach',
  admin: 'Admin',
};

export const roleLabels: Readonly<Record<ContactRole, string>> = {
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
  referral: 'Referral',
  other: 'Other',
};

export const remoteLabels: Readonly<Record<RemoteType, string>> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  on_site: 'On-site',
};

export const employmentTypeLabels: Readonly<Record<EmploymentType, string>> = {
  full_time: 'Full time',
  part_time: 'Part time',
  contract: 'Contract',
  temporary: 'Temporary',
  internship: 'Internship',
  other: 'Other',
};

export const sourceLabels: Readonly<Record<SourceKind, string>> = {
  referral: 'Referral',
  job_board: 'Job board',
  company_site: 'Company site',
  recruiter: 'Recruiter',
  other: 'Other',
};

/** The channels an application came through, as a sentence counts them: "through job boards". */
export const sourceNouns: Readonly<Record<SourceKind, string>> = {
  referral: 'referrals',
  job_board: 'job boards',
  company_site: 'company sites',
  recruiter: 'recruiters',
  other: 'other channels',
};

export const sentimentLabels: Readonly<Record<Sentiment, string>> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const eventKindLabels: Readonly<Record<EventKind, string>> = {
  stage_change: 'Stage change',
  interview: 'Interview',
  message_sent: 'Message sent',
  reply_received: 'Reply received',
  note: 'Note',
  posting_change: 'Posting change',
};

/** How likely a cause of an employer's silence looks in the diagnosis. */
export const likelihoodLabels: Readonly<Record<Likelihood, string>> = {
  likely: 'Likely',
  possible: 'Possible',
  unlikely: 'Unlikely',
};

/** What the posting watch last saw at the posting's address. */
export const watchStateLabels: Readonly<Record<WatchState, string>> = {
  pending: 'Not checked yet',
  online: 'Still online',
  removed: 'Removed or closed',
  expired: 'Past its closing date',
};

/** The employer's answers through the response link, as the user reads them (the page has its own words). */
export const responseLinkAnswerLabels: Readonly<Record<ResponseLinkAnswer, string>> = {
  still_deciding: 'Still deciding',
  another_candidate: 'Went with another candidate',
  on_hold: 'Role on hold or closed',
  next_conversation: 'Wants to schedule a next conversation',
};

/** Where an application had got to, as a phrase inside a sentence ("ended at the interview stage"). */
export const stagePhrases: Readonly<Record<ActiveStage, string>> = {
  saved: 'before applying',
  applied: 'after applying',
  screening: 'at a screening',
  interviewing: 'at the interview stage',
  offer: 'at an offer',
};

export const invitationStatusLabels: Readonly<Record<(typeof invitationStatuses)[number], string>> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
};

/** The questions of a retrospective, in the order they are asked and shown. */
export const retrospectiveQuestions: ReadonlyArray<readonly [keyof RetrospectiveInput, string]> = [
  ['wentWell', 'What went well'],
  ['wouldChange', "What I'd change"],
  ['theySaid', 'What they said'],
];
