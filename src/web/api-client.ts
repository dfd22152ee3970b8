import type { z } from 'zod';
import type {
  Application,
  ApplicationBulkResult,
  ApplicationCard,
  ApplicationCardList,
  ApplicationListItem,
  ApplicationListPage,
  ApplicationListQuery,
  applicationBulkSchema,
  applicationCreateSchema,
  applicationUpdateSchema,
  StageUndo,
  stageChangeInputSchema,
} from '../core/application.js';
import type { RestoreReport } from '../core/backup.js';
import type { BoardSortKey } from '../core/board-sort.js';
import type { ExtensionToken, PairingCode } from '../core/browser-extension.js';
import type { CalendarFeedIssue, CalendarFeedIssued, CalendarFeedStatus } from '../core/calendar-feed.js';
import type {
  AdminUser,
  CoachApplication,
  CoachAssignment,
  CoachJobSeeker,
  Role,
  Share,
  shareCreateSchema,
} from '../core/coaching.js';
import type { Company, CompanyListQuery, companyCreateSchema, companyUpdateSchema } from '../core/company.js';
import type { Contact, ContactListQuery, contactCreateSchema, contactUpdateSchema } from '../core/contact.js';
import type { CsvImportChoices, CsvImportPreview, CsvImportResult } from '../core/csv-import.js';
import type { Diagnosis } from '../core/diagnosis.js';
import type { DraftKind, RenderedTemplate, SentDraft, StepDraft, TemplateView } from '../core/drafts.js';
import type { EventListQuery, eventCreateSchema, eventUpdateSchema, TimelineEvent } from '../core/event.js';
import type {
  FollowUp,
  FollowUpBulkResult,
  FollowUpListQuery,
  followUpBulkSchema,
  followUpCreateSchema,
  followUpDoneSchema,
  followUpReopenSchema,
  followUpSkipSchema,
  followUpSnoozeSchema,
} from '../core/follow-up.js';
import type { InboxConnect, InboxStatus, InboxSyncReport } from '../core/inbox-account.js';
import type { InboxMessageView, InboxReviewInput } from '../core/inbox-review.js';
import type { Insights } from '../core/insights.js';
import type {
  Interview,
  InterviewListQuery,
  interviewCreateSchema,
  interviewUpdateSchema,
} from '../core/interview.js';
import type {
  InvitationChoices,
  InvitationImportPreview,
  InvitationImportResult,
} from '../core/invitation.js';
import type {
  CreatedInvitation,
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationPreview,
} from '../core/invitations.js';
import { stages } from '../core/pipeline-values.js';
import type { Playbook, playbookUpdateSchema } from '../core/playbook.js';
import type { PostingPreview } from '../core/posting-extract.js';
import type { PostingWatchView } from '../core/posting-watch.js';
import type { ResponseLinkIssued, ResponseLinkStatus } from '../core/response-link.js';
import type { Retrospective, RetrospectiveInput } from '../core/retrospective.js';
import type { Places, Settings, settingsUpdateSchema } from '../core/settings.js';
import type { Story } from '../core/story.js';
import type { TailoringCheck, tailoringRequestSchema } from '../core/tailoring-check.js';
import type { Today } from '../core/today.js';
import { ApiError, readApiError } from './api-error.js';

/** Request bodies are what the core schemas accept (their input side); responses are what they describe. */
export type ApplicationCreateInput = z.input<typeof applicationCreateSchema>;
export type ApplicationUpdateInput = z.input<typeof applicationUpdateSchema>;
export type StageChangeRequest = z.input<typeof stageChangeInputSchema>;
export type CompanyCreateInput = z.input<typeof companyCreateSchema>;
export type CompanyUpdateInput = z.input<typeof companyUpdateSchema>;
export type ContactCreateInput = z.input<typeof contactCreateSchema>;
export type ContactUpdateInput = z.input<typeof contactUpdateSchema>;
export type InterviewCreateInput = z.input<typeof interviewCreateSchema>;
export type InterviewUpdateInput = z.input<typeof interviewUpdateSchema>;
export type EventCreateInput = z.input<typeof eventCreateSchema>;
export type EventUpdateInput = z.input<typeof eventUpdateSchema>;
export type FollowUpCreateInput = z.input<typeof followUpCreateSchema>;
export type FollowUpDoneInput = z.input<typeof followUpDoneSchema>;
export type FollowUpSkipInput = z.input<typeof followUpSkipSchema>;
export type FollowUpSnoozeInput = z.input<typeof followUpSnoozeSchema>;
export type FollowUpReopenInput = z.input<typeof followUpReopenSchema>;
export type FollowUpBulkInput = z.input<typeof followUpBulkSchema>;
export type ApplicationBulkInput = z.input<typeof applicationBulkSchema>;
export type SettingsUpdateInput = z.input<typeof settingsUpdateSchema>;
export type PlaybookUpdateInput = z.input<typeof playbookUpdateSchema>;
export type TailoringRequestInput = z.input<typeof tailoringRequestSchema>;
export type ShareCreateInput = z.input<typeof shareCreateSchema>;

/** What the CSV import and its preview take besides the file: the user's choices, all optional. */
export type { CsvImportChoices };

export type CsvImportReport = CsvImportResult;

/** How many records a restored backup brought back. */
export type BackupRestoreReport = RestoreReport;

/** Which invitation, and (when the user chose it) which application it belongs to. */
export type { InvitationChoices };

export type InvitationImportReport = InvitationImportResult;

export type ApiClientOptions = {
  /** Where the API lives; empty for the same origin as the page. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Page size when following the applications cursor; the API's maximum unless a test wants more pages. */
  readonly pageLimit?: number;
};

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
type Query = Readonly<Record<string, QueryValue>>;

/** The largest page the applications list serves; the board asks for everything in pages of this size. */
export const applicationPageLimit = 500;

/**
 * The one way the web UI talks to the REST API. Every method is typed from the core zod schemas; every
 * failure is an ApiError carrying the server's code and per-field issues.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const pageLimit = options.pageLimit ?? applicationPageLimit;

  async function send(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
    const url = `${baseUrl}${path}${toQueryString(query)}`;
    const init: RequestInit = { method, headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { accept: 'application/json', 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (error) {
      throw new ApiError(
        'NETWORK_ERROR',
        `Could not reach hearback (${error instanceof Error ? error.message : 'network error'}); is the server running?`,
        0,
      );
    }
    if (!response.ok) throw await readApiError(response);
    return response;
  }

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const response = await send(method, path, body, query);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
  const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
  const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
  const remove = (path: string) => request<void>('DELETE', path);
  const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

  const client = {
    /** Server mode, admins: every invitation (pending, accepted, expired). */
    listInvitations: () => get<Invitation[]>('/api/admin/invitations'),
    createInvitation: (input: InvitationCreate) => post<CreatedInvitation>('/api/admin/invitations', input),
    revokeInvitation: (id: string) => remove(at('/api/admin/invitations', id)),
    /** What an invitation link invites to; no session needed (the link is the secret). */
    getInvitation: (token: string) => get<InvitationPreview>(at('/api/invitations', token)),
    acceptInvitation: (token: string, input: InvitationAccept) =>
      post<{ email: string }>(`${at('/api/invitations', token)}/accept`, input),
    listApplications: (query: ApplicationListQuery = {}) =>
      get<ApplicationListPage>('/api/applications', query as Query),
    /**
     * Every application matching the query. Each stage is listed in parallel (following its cursor when a
     * stage holds more than a page), so the board waits for one round trip instead of one per page.
     */
    async listAllApplications(
      query: Omit<ApplicationListQuery, 'cursor' | 'limit'> = {},
    ): Promise<ApplicationListItem[]> {
      const followCursor = async (stageQuery: Omit<ApplicationListQuery, 'cursor' | 'limit'>) => {
        const found: ApplicationListItem[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.listApplications({ ...stageQuery, limit: pageLimit, cursor });
          found.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return found;
      };
      const byStage = query.stage === undefined ? stages.map((stage) => ({ ...query, stage })) : [query];
      const lists = await Promise.all(byStage.map(followCursor));
      return lists.flat().sort(byNewest);
    },
    /** Every application as the board shows it, newest first, in one request. */
    listApplicationCards: async (): Promise<ApplicationCard[]> =>
      (await get<ApplicationCardList>('/api/applications/cards')).items,
    /** Each active board column's first `first` cards in the order `sort`, with every stage's count. */
    listFirstBoardCards: (sort: BoardSortKey, first: number) =>
      get<ApplicationCardList>('/api/applications/cards', { first, sort }),
    /** Reads a posting from its URL (fetched by the server, on the user's click) or a pasted page. */
    previewPosting: (input: { url: string } | { page: string }) =>
      post<PostingPreview>('/api/postings/preview', input),
    getApplication: (id: string) => get<Application>(at('/api/applications', id)),
    createApplication: (input: ApplicationCreateInput) => post<Application>('/api/applications', input),
    updateApplication: (id: string, input: ApplicationUpdateInput) =>
      patch<Application>(at('/api/applications', id), input),
    deleteApplication: (id: string) => remove(at('/api/applications', id)),
    moveApplication: (id: string, input: StageChangeRequest) =>
      post<Application>(`${at('/api/applications', id)}/stage`, input),
    undoMove: (id: string, input: StageUndo) =>
      post<Application>(`${at('/api/applications', id)}/stage/undo`, input),
    changeApplications: (input: ApplicationBulkInput) =>
      post<ApplicationBulkResult>('/api/applications/bulk', input),
    getTimeline: (id: string) => get<TimelineEvent[]>(`${at('/api/applications', id)}/timeline`),
    /** "Why haven't I heard back?": the likely causes with their evidence, or why the employer owes nothing yet. */
    getDiagnosis: (id: string) => get<Diagnosis>(`${at('/api/applications', id)}/diagnosis`),
    /** The latest tailoring check of the application, or null when none was run. */
    getLatestTailoring: (id: string) =>
      get<TailoringCheck | null>(`${at('/api/applications', id)}/tailoring`),
    checkTailoring: (id: string, input: TailoringRequestInput) =>
      post<TailoringCheck>(`${at('/api/applications', id)}/tailoring`, input),
    /** The posting watch, or null when the application has no posting URL. */
    getPostingWatch: (id: string) =>
      get<PostingWatchView | null>(`${at('/api/applications', id)}/posting-watch`),
    checkPostingNow: (id: string) =>
      post<{ watch: PostingWatchView; event: TimelineEvent | null }>(
        `${at('/api/applications', id)}/posting-watch/check`,
        {},
      ),

    /** A dry run of a CSV import: the format, the mapping and what each row would become. */
    previewCsvImport: (csv: string, choices: CsvImportChoices = {}) =>
      post<CsvImportPreview>('/api/import/csv/preview', { csv, ...choices }),
    importCsv: (csv: string, choices: CsvImportChoices = {}) =>
      post<CsvImportReport>('/api/import/csv', { csv, ...choices }),
    /** What importing an invitation (.ics) would do, without writing anything. */
    previewInvitationImport: (ics: string, choices: InvitationChoices = {}) =>
      post<InvitationImportPreview>('/api/interviews/import-ics/preview', { ics, ...choices }),
    importInvitation: (ics: string, choices: InvitationChoices = {}) =>
      post<InvitationImportReport>('/api/interviews/import-ics', { ics, ...choices }),

    getCalendarFeed: () => get<CalendarFeedStatus>('/api/calendar'),
    /** Issues the private feed URL (or, with `reissue`, replaces it); the URL is in this answer only. */
    issueCalendarFeed: (input: CalendarFeedIssue = {}) =>
      post<CalendarFeedIssued>('/api/calendar/token', input),
    revokeCalendarFeed: () => remove('/api/calendar/token'),

    getInbox: () => get<InboxStatus>('/api/inbox'),
    /** Connects the mailbox; the answer says who is connected, never the password. */
    connectInbox: (input: InboxConnect) => request<InboxStatus>('PUT', '/api/inbox', input),
    forgetInbox: () => request<InboxStatus>('DELETE', '/api/inbox'),
    syncInbox: () => post<InboxSyncReport>('/api/inbox/sync', undefined),
    listInboxReview: async () => (await get<{ items: InboxMessageView[] }>('/api/inbox/review')).items,
    confirmInboxMessage: (id: string, input: InboxReviewInput = {}) =>
      post<InboxMessageView>(`${at('/api/inbox/review', id)}/confirm`, input),
    ignoreInboxMessage: (id: string) => remove(at('/api/inbox/review', id)),
    listInboxMessagesOf: async (applicationId: string) =>
      (await get<{ items: InboxMessageView[] }>('/api/inbox/messages', { applicationId })).items,
    /** A one-time code for the browser extension (docs/extension.md); shown once, valid 10 minutes. */
    issueExtensionPairingCode: () => post<PairingCode>('/api/extension/pairing-codes', {}),
    listExtensionTokens: () => get<{ items: ExtensionToken[] }>('/api/extension/tokens'),
    revokeExtensionToken: (id: string) => remove(at('/api/extension/tokens', id)),
    getResponseLink: (applicationId: string) =>
      get<ResponseLinkStatus>(`/api/applications/${encodeURIComponent(applicationId)}/response-link`),
    createResponseLink: (applicationId: string) =>
      post<ResponseLinkIssued>(`/api/applications/${encodeURIComponent(applicationId)}/response-link`, {}),
    revokeResponseLink: (applicationId: string) =>
      remove(`/api/applications/${encodeURIComponent(applicationId)}/response-link`),

    /**
     * Restores a backup made by GET /api/backup, all or nothing: into an empty database, or with `replace`
     * in place of everything there is now.
     */
    restoreBackup: (backup: unknown, options: { replace?: boolean } = {}) =>
      request<BackupRestoreReport>('POST', '/api/backup/restore', backup, {
        replace: options.replace ? 'true' : 'false',
      }),

    listCompanies: (query: CompanyListQuery = {}) => get<Company[]>('/api/companies', query as Query),
    createCompany: (input: CompanyCreateInput) => post<Company>('/api/companies', input),
    updateCompany: (id: string, input: CompanyUpdateInput) => patch<Company>(at('/api/companies', id), input),
    deleteCompany: (id: string) => remove(at('/api/companies', id)),

    listContacts: (query: ContactListQuery = {}) => get<Contact[]>('/api/contacts', query as Query),
    createContact: (input: ContactCreateInput) => post<Contact>('/api/contacts', input),
    updateContact: (id: string, input: ContactUpdateInput) => patch<Contact>(at('/api/contacts', id), input),
    deleteContact: (id: string) => remove(at('/api/contacts', id)),

    listInterviews: (query: Partial<InterviewListQuery> = {}) =>
      get<Interview[]>('/api/interviews', query as Query),
    createInterview: (input: InterviewCreateInput) => post<Interview>('/api/interviews', input),
    updateInterview: (id: string, input: InterviewUpdateInput) =>
      patch<Interview>(at('/api/interviews', id), input),
    deleteInterview: (id: string) => remove(at('/api/interviews', id)),

    listEvents: (query: EventListQuery = {}) => get<TimelineEvent[]>('/api/events', query as Query),
    createEvent: (input: EventCreateInput) => post<TimelineEvent>('/api/events', input),
    updateEvent: (id: string, input: EventUpdateInput) => patch<TimelineEvent>(at('/api/events', id), input),
    deleteEvent: (id: string) => remove(at('/api/events', id)),

    listFollowUps: (query: FollowUpListQuery = {}) => get<FollowUp[]>('/api/follow-ups', query as Query),
    getFollowUp: (id: string) => get<FollowUp>(at('/api/follow-ups', id)),
    createFollowUp: (input: FollowUpCreateInput) => post<FollowUp>('/api/follow-ups', input),
    markFollowUpDone: (id: string, input: FollowUpDoneInput = {}) =>
      post<FollowUp>(`${at('/api/follow-ups', id)}/done`, input),
    skipFollowUp: (id: string, input: FollowUpSkipInput = {}) =>
      post<FollowUp>(`${at('/api/follow-ups', id)}/skip`, input),
    snoozeFollowUp: (id: string, input: FollowUpSnoozeInput) =>
      post<FollowUp>(`${at('/api/follow-ups', id)}/snooze`, input),
    reopenFollowUp: (id: string, input: FollowUpReopenInput = {}) =>
      post<FollowUp>(`${at('/api/follow-ups', id)}/reopen`, input),
    changeFollowUps: (input: FollowUpBulkInput) => post<FollowUpBulkResult>('/api/follow-ups/bulk', input),

    /** Today's overdue, due and coming steps, each with its application, contact and reason. */
    getToday: (asOf?: string, first?: number) => get<Today>('/api/today', { asOf, first }),
    /** The insights of the whole search (docs/insights.md); every parameter is optional. */
    getInsights: (query: Query) => get<Insights>('/api/insights', query),
    /** The story of the search as Markdown (docs/insights.md). */
    getStory: (query: Query) => get<Story>('/api/story', query),
    getRetrospective: (applicationId: string) =>
      get<Retrospective | null>(`${at('/api/applications', applicationId)}/retrospective`),
    saveRetrospective: (applicationId: string, input: RetrospectiveInput) =>
      request<Retrospective>('PUT', `${at('/api/applications', applicationId)}/retrospective`, input),

    /** The message for a step; DRAFT_NOT_AVAILABLE for a step that has none (see `isDraftable`). */
    getDraft: (followUpId: string) => get<StepDraft>(`${at('/api/follow-ups', followUpId)}/draft`),
    /** The message as the user edited it, as an .eml file their mail program opens. */
    async downloadDraftEml(
      followUpId: string,
      input: { to?: string; subject?: string; body?: string },
    ): Promise<Blob> {
      const response = await send('POST', `${at('/api/follow-ups', followUpId)}/draft.eml`, input);
      return response.blob();
    },
    /** Sends the (possibly edited) draft through the user's SMTP server; the step is then done. */
    sendDraft: (followUpId: string, input: { to?: string; subject?: string; body?: string }) =>
      post<SentDraft>(`${at('/api/follow-ups', followUpId)}/send`, input),

    getPlaybook: () => get<Playbook>('/api/playbook'),
    updatePlaybook: (input: PlaybookUpdateInput) => patch<Playbook>('/api/playbook', input),
    resetPlaybook: () => request<Playbook>('DELETE', '/api/playbook'),

    listTemplates: () => get<TemplateView[]>('/api/templates'),
    saveTemplate: (kind: DraftKind, input: { subject: string; body: string }) =>
      request<TemplateView>('PUT', `/api/templates/${kind}`, input),
    resetTemplate: (kind: DraftKind) => request<TemplateView>('DELETE', `/api/templates/${kind}`),
    previewTemplate: (kind: DraftKind, input: { subject: string; body: string; followUpId?: string }) =>
      post<RenderedTemplate>(`/api/templates/${kind}/preview`, input),

    /** Server mode: the job seeker's shares with coaches (docs/server-mode.md). */
    listShares: () => get<Share[]>('/api/shares'),
    createShare: (input: ShareCreateInput) => post<Share>('/api/shares', input),
    revokeShare: (id: string) => remove(at('/api/shares', id)),
    /** Coaches: the job seekers who share with them, each with the overdue steps of what they share. */
    listCoachJobSeekers: () => get<CoachJobSeeker[]>('/api/coach/job-seekers'),
    listCoachApplications: (jobSeekerId: string) =>
      get<ApplicationCard[]>(`${at('/api/coach/job-seekers', jobSeekerId)}/applications`),
    getCoachApplication: (id: string) => get<CoachApplication>(at('/api/coach/applications', id)),
    addCoachComment: (applicationId: string, text: string) =>
      post<TimelineEvent>(`${at('/api/coach/applications', applicationId)}/comments`, { text }),
    /** Admins: accounts with their roles and counts, and who shares with which coach; never content. */
    listAdminUsers: () => get<AdminUser[]>('/api/admin/users'),
    setUserRole: (id: string, role: Role) => patch<AdminUser>(at('/api/admin/users', id), { role }),
    listCoachAssignments: () => get<CoachAssignment[]>('/api/admin/coach-assignments'),

    getSettings: () => get<Settings>('/api/settings'),
    updateSettings: (input: SettingsUpdateInput) => patch<Settings>('/api/settings', input),
    getPlaces: () => get<Places>('/api/places'),
  };
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The list's own default order (newest first, then by id), kept when stages are fetched apart. */
function byNewest(a: Application, b: Application): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** `?a=1&b=x,y` from the defined values only; lists join with commas as the API expects. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
