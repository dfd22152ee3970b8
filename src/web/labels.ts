import type { RemoteType, SourceKind } from '../core/application.js';
import type { ContactRole } from '../core/contact.js';
import type { Channel, EventKind, Sentiment } from '../core/event.js';
import type { FollowUpKind, FollowUpStatus } from '../core/follow-up.js';
import type { InterviewRound } from '../core/interview.js';

/** Words the UI shows for each value of the core unions; the glossary's vocabulary, for people. */
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

export const followUpStatusLabels: Readonly<Record<FollowUpStatus, string>> = {
  planned: 'Planned',
  done: 'Done',
  skipped: 'Skipped',
  snoozed: 'Snoozed',
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

export const sourceLabels: Readonly<Record<SourceKind, string>> = {
  referral: 'Referral',
  job_board: 'Job board',
  company_site: 'Company site',
  recruiter: 'Recruiter',
  other: 'Other',
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
