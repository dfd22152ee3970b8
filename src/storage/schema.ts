import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * The tables as Kysely sees them. Both dialects store the same values: text ids (ULIDs), instants as
 * ISO 8601 UTC text (`2026-03-05T14:00:00.000Z`, which sorts in time order), local dates as `YYYY-MM-DD`,
 * booleans as 0/1, and nested values as JSON text. The stores map rows to the core shapes.
 */
export interface Database {
  users: UsersTable;
  settings: SettingsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  applications: ApplicationsTable;
  application_tags: ApplicationTagsTable;
  interviews: InterviewsTable;
  interview_interviewers: InterviewInterviewersTable;
  events: EventsTable;
  follow_ups: FollowUpsTable;
  data_versions: DataVersionsTable;
  tailoring_checks: TailoringChecksTable;
  calendar_tokens: CalendarTokensTable;
  digest_sends: DigestSendsTable;
  jobs: JobsTable;
  posting_watches: PostingWatchesTable;
  response_links: ResponseLinksTable;
  response_link_nonces: ResponseLinkNoncesTable;
  inbox_accounts: InboxAccountsTable;
  inbox_folders: InboxFoldersTable;
  inbox_messages: InboxMessagesTable;
  outgoing_messages: OutgoingMessagesTable;
  extension_pairing_codes: ExtensionPairingCodesTable;
  extension_tokens: ExtensionTokensTable;
  retrospectives: RetrospectivesTable;
}

export type Db = Kysely<Database> | Transaction<Database>;

export interface UsersTable {
  id: string;
  display_name: string;
  created_at: string;
}

export interface SettingsTable {
  user_id: string;
  time_zone: string;
  country: string | null;
  region: string | null;
  working_days: string;
  locale: string;
  name: string | null;
  email: string | null;
  updated_at: string;
  playbook: string | null;
  draft_templates: string | null;
  smtp_url: string | null;
  smtp_from: string | null;
  travel_buffer_minutes: Generated<number>;
  calendar_steps_all_day: Generated<number>;
  digest_enabled: Generated<number>;
  digest_time: Generated<string>;
  posting_watch_enabled: Generated<number>;
  set_up_at: string | null;
  response_link_days: Generated<number>;
  response_link_by_default: Generated<number>;
  weekly_goal_applications: number | null;
  weekly_goal_interviews: number | null;
  weekly_goal_follow_ups: number | null;
}

export interface CompaniesTable {
  id: string;
  user_id: string;
  name: string;
  name_key: string;
  website: string | null;
  size_band: string | null;
  industry: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  user_id: string;
  company_id: string | null;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  profile_url: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface ApplicationsTable {
  id: string;
  user_id: string;
  company_id: string;
  job_title: string;
  posting_url: string | null;
  posting_url_key: string | null;
  title_key: string;
  description_html: string | null;
  description_text: string | null;
  location: string | null;
  remote_type: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  employment_type: string | null;
  date_posted: string | null;
  valid_through: string | null;
  source_kind: string;
  source_detail: string | null;
  priority: number;
  resume: string | null;
  cover_letter: string | null;
  notes: string;
  stage: string;
  furthest_stage: string;
  outcome: string | null;
  closed_reason: string | null;
  applied_at: string | null;
  ended_at: string | null;
  /** Null only in rows written before it existed; the migration filled those. */
  stage_changed_at: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface ApplicationTagsTable {
  application_id: string;
  user_id: string;
  tag: string;
  tag_key: string;
  position: number;
}

export interface InterviewsTable {
  id: string;
  user_id: string;
  application_id: string;
  round: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location: string | null;
  video_link: string | null;
  decision_date: string | null;
  notes: string;
  topics: string;
  self_rating: number | null;
  created_at: string;
  updated_at: string;
}

export interface InterviewInterviewersTable {
  interview_id: string;
  contact_id: string;
  user_id: string;
  position: number;
}

export interface EventsTable {
  id: string;
  user_id: string;
  application_id: string;
  kind: string;
  occurred_at: string;
  data: string;
  created_at: string;
  updated_at: string;
}

export interface FollowUpsTable {
  id: string;
  user_id: string;
  application_id: string;
  kind: string;
  due_at: string;
  channel: string | null;
  status: string;
  reason: string;
  contact_id: string | null;
  interview_id: string | null;
  origin: string;
  plan_key: string | null;
  snoozed_until: string | null;
  completed_at: string | null;
  completion_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataVersionsTable {
  user_id: string;
  token: string;
}

/** The calendar feed's secret, as its SHA-256 (hex); the token itself is shown once and never stored. */
/** An employer response link: the token's SHA-256 only (docs/response-link.md). */
export interface ResponseLinksTable {
  id: string;
  user_id: string;
  application_id: string;
  token_hash: string;
  nonce_key: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  answered_at: string | null;
}

/** A nonce an answer has used: its primary key makes each nonce answer once. */
export interface RetrospectivesTable {
  application_id: string;
  user_id: string;
  went_well: string;
  would_change: string;
  they_said: string;
  created_at: string;
  updated_at: string;
}

export interface ResponseLinkNoncesTable {
  nonce_hash: string;
  link_id: string;
  used_at: string;
}

export interface CalendarTokensTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

/** One morning digest per user and local date: recorded before sending (docs/digest.md). */
export interface DigestSendsTable {
  user_id: string;
  local_date: string;
  state: string;
  attempts: number;
  lease_until: string | null;
  next_attempt_at: string | null;
  message_id: string;
  item_count: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** The polled job queue used on SQLite (src/integrations/jobs/table-job-queue.ts). */
export interface JobsTable {
  id: string;
  queue: string;
  data: string;
  state: string;
  run_at: string;
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  retry_backoff: number;
  lease_seconds: number;
  singleton_key: string | null;
  once_key: string | null;
  locked_by: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface TailoringChecksTable {
  id: string;
  user_id: string;
  application_id: string;
  resume_name: string | null;
  resume_text: string;
  cover_letter_text: string | null;
  score: number | null;
  analysis: string;
  created_at: string;
}

/** One watched posting per application with a posting URL (src/services/posting-watch.ts). */
export interface PostingWatchesTable {
  application_id: string;
  user_id: string;
  url: string;
  host: string;
  ats_vendor: string | null;
  ats_board: string | null;
  ats_job_id: string | null;
  ats_region: string | null;
  state: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  title: string;
  valid_through: string | null;
  content_source: string | null;
  next_check_at: string;
  failures: number;
  last_error_code: string | null;
  last_error: string | null;
  last_checked_at: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface InboxAccountsTable {
  user_id: string;
  sealed_credentials: string;
  account_label: string;
  folders: string;
  window_days: number;
  connected_at: string;
  last_sync_at: string | null;
  last_sync_error: string | null;
}

export interface InboxFoldersTable {
  user_id: string;
  folder: string;
  uid_validity: string;
  last_seen_uid: number;
}

export interface InboxMessagesTable {
  id: string;
  user_id: string;
  folder: string;
  uid_validity: string;
  uid: number;
  from_address: string;
  from_name: string | null;
  received_at: string;
  subject: string;
  excerpt: string;
  classification: string;
  rule: string;
  status: string;
  application_id: string | null;
  match_reason: string | null;
  event_id: string | null;
  candidates: string | null;
  suggestion: string | null;
  invitation_ics: string | null;
  body: string | null;
  created_at: string;
}

export interface OutgoingMessagesTable {
  message_id: string;
  user_id: string;
  application_id: string;
  follow_up_id: string | null;
  created_at: string;
}

/** A one-time code to pair the browser extension (docs/extension.md); only its SHA-256 is kept. */
export interface ExtensionPairingCodesTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** A paired browser extension; only the SHA-256 of its token is kept. */
export interface ExtensionTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
}
