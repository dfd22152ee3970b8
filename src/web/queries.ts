import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Application,
  ApplicationCard,
  ApplicationCardFields,
  ApplicationCardList,
  ApplicationListItem,
} from '../core/application.js';
import type { BoardSortKey } from '../core/board-sort.js';
import type { Settings } from '../core/settings.js';
import { defaultSettings } from '../core/settings-values.js';
import { useApi } from './hooks/use-api.js';
import { todayFirst } from './today-view.js';

/** Every cached query's key in one place, so a change can name exactly what it makes stale. */
export const queryKeys = {
  applications: ['applications'] as const,
  applicationCards: ['application-cards'] as const,
  /** The board as first drawn: each active column's first cards in an order, with counts. */
  firstBoardCards: (sort: string) => ['application-cards', 'first', sort] as const,
  application: (id: string) => ['application', id] as const,
  timeline: (id: string) => ['timeline', id] as const,
  interviews: (applicationId?: string) => ['interviews', applicationId ?? 'all'] as const,
  followUps: (applicationId?: string) => ['follow-ups', applicationId ?? 'all'] as const,
  contacts: ['contacts'] as const,
  companies: ['companies'] as const,
  settings: ['settings'] as const,
  places: ['places'] as const,
  /** Today as first drawn: each group's first steps, with totals. */
  today: ['today'] as const,
  /** Today with every step, read once a list is shown further or a whole group selected. */
  todayAll: ['today', 'all'] as const,
  diagnosis: (id: string) => ['diagnosis', id] as const,
  tailoring: (id: string) => ['tailoring', id] as const,
  postingWatch: (id: string) => ['posting-watch', id] as const,
  calendarFeed: ['calendar-feed'] as const,
  inbox: ['inbox'] as const,
  inboxReview: ['inbox', 'review'] as const,
  inboxMessages: (applicationId: string) => ['inbox', 'messages', applicationId] as const,
  extensionTokens: ['extension-tokens'] as const,
  responseLink: (id: string) => ['response-link', id] as const,
  shares: ['shares'] as const,
  coachJobSeekers: ['coach', 'job-seekers'] as const,
  coachApplications: (jobSeekerId: string) => ['coach', 'applications-of', jobSeekerId] as const,
  coachApplication: (id: string) => ['coach', 'application', id] as const,
  /** The insights for the page's filters; `{}` is the whole search as of now, which the page asks first. */
  insights: (query: Readonly<Record<string, string>>) => ['insights', query] as const,
  adminUsers: ['admin', 'users'] as const,
  coachAssignments: ['admin', 'coach-assignments'] as const,
};

/** The browser's own zone and locale stand in until the saved settings arrive. */
export function browserSettings(): Settings {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  const locale = resolved.locale || 'en-US';
  // The locale's country unchecked: checking it would load date-holidays' data into the page.
  return defaultSettings(
    { timeZone: resolved.timeZone || 'UTC', locale },
    new Intl.Locale(locale).region ?? null,
  );
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.getSettings(), staleTime: 60_000 });
}

/** The countries and regions settings accept; they change only with a new hearback. */
export function usePlaces() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.places,
    queryFn: () => api.getPlaces(),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Settings to format dates with: the saved ones, or the browser's until they load. */
export function useUserClock(): { timeZone: string; locale: string; settings: Settings } {
  const { data } = useSettings();
  const settings = data ?? browserSettings();
  return { timeZone: settings.timeZone, locale: settings.locale, settings };
}

export function useApplications() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.applications, queryFn: () => api.listAllApplications() });
}

/**
 * The board's list: every application with only what a card or a table row shows. Read only once `enabled`
 * (the board opens on its first cards: `useFirstBoardCards`); kept data is given either way.
 */
export function useApplicationCards(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.applicationCards,
    queryFn: () => api.listApplicationCards(),
    enabled,
  });
}

/** How many cards of each board column the first answer holds: what a column draws before "Show more". */
export const boardFirst = 30;

/** Each active column's first cards in the order `sort`, with every stage's count: what the board opens on. */
export function useFirstBoardCards(sort: BoardSortKey, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.firstBoardCards(sort),
    queryFn: () => api.listFirstBoardCards(sort, boardFirst),
    enabled,
    // Another order keeps the cards on screen (re-sorted by the page) until its own first cards arrive.
    placeholderData: (previous) => previous,
  });
}

export function useApplication(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.application(id),
    queryFn: () => api.getApplication(id),
    initialData: () => client.getQueryData<Application[]>(queryKeys.applications)?.find((a) => a.id === id),
    initialDataUpdatedAt: () => client.getQueryState(queryKeys.applications)?.dataUpdatedAt,
  });
}

export function useTimeline(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.timeline(applicationId),
    queryFn: () => api.getTimeline(applicationId),
  });
}

export function useInterviews(applicationId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.interviews(applicationId),
    queryFn: () => api.listInterviews(applicationId ? { applicationId } : {}),
  });
}

export function useFollowUps(applicationId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.followUps(applicationId),
    queryFn: () => api.listFollowUps(applicationId ? { applicationId, limit: 1000 } : { limit: 1000 }),
  });
}

export function useContacts() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.contacts, queryFn: () => api.listContacts() });
}

export function useCompanies() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.companies, queryFn: () => api.listCompanies() });
}

/** Today's first steps of each group, with each group's total: what the page draws when it opens. */
export function useToday() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.today, queryFn: () => api.getToday(undefined, todayFirst) });
}

/** Today with every step; read only once `enabled` (a list shown further, a whole group selected). */
export function useTodayAll(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.todayAll, queryFn: () => api.getToday(), enabled });
}

export function useDiagnosis(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.diagnosis(applicationId),
    queryFn: () => api.getDiagnosis(applicationId),
  });
}

export function useLatestTailoring(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tailoring(applicationId),
    queryFn: () => api.getLatestTailoring(applicationId),
  });
}

export function usePostingWatch(applicationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.postingWatch(applicationId),
    queryFn: () => api.getPostingWatch(applicationId),
  });
}

/**
 * Drops everything cached about an application that no longer exists, so nothing asks the server about it
 * again (its diagnosis, steps and interviews would answer 404 or nothing). Call it once its page is left.
 */
export function forgetApplication(client: QueryClient, applicationId: string): void {
  for (const queryKey of [
    queryKeys.application(applicationId),
    queryKeys.timeline(applicationId),
    queryKeys.interviews(applicationId),
    queryKeys.followUps(applicationId),
    queryKeys.diagnosis(applicationId),
    queryKeys.tailoring(applicationId),
    queryKeys.postingWatch(applicationId),
  ]) {
    client.removeQueries({ queryKey });
  }
}

/**
 * After a change, marks stale what it may have touched. The follow-up planner re-plans steps whenever an
 * application, interview or event changes, so those changes refresh Today and the step lists too.
 */
export function refreshAfterChange(client: QueryClient, applicationId?: string): Promise<void> {
  const keys: (readonly unknown[])[] = [
    queryKeys.applications,
    queryKeys.applicationCards,
    queryKeys.today,
    ['follow-ups'],
    ['interviews'],
    queryKeys.companies,
    queryKeys.contacts,
    // Every change to an application's history can change what its diagnosis reads.
    ['diagnosis'],
  ];
  if (applicationId) {
    // A new posting URL starts a new watch.
    keys.push(
      queryKeys.application(applicationId),
      queryKeys.timeline(applicationId),
      queryKeys.postingWatch(applicationId),
    );
  }
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * After steps were done, skipped, snoozed or reopened, or applications moved (their new state already
 * stored from the answer): what re-planning changed, that is Today, the step lists, the board's cards and the
 * list of applications (each carries its next step), and what reads it, each application's diagnosis, and for
 * a move its timeline. Contacts, companies and interviews did not change and are not fetched again; of the
 * rest, only what is on screen refetches (the list of applications is rarely on screen: it is read again
 * when next shown).
 */
export function refreshReplanned(
  client: QueryClient,
  applicationIds: Iterable<string>,
  change: 'steps' | 'move',
): void {
  const keys: (readonly unknown[])[] = [
    queryKeys.today,
    ['follow-ups'],
    queryKeys.applicationCards,
    queryKeys.applications,
  ];
  for (const id of new Set(applicationIds)) {
    keys.push(queryKeys.diagnosis(id));
    if (change === 'move') keys.push(queryKeys.timeline(id));
  }
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}

const replannedSinceLastRefresh = new WeakMap<QueryClient, Map<string, Set<string>>>();

/**
 * `refreshReplanned` once the last of the changes running under `mutationKey` settles. While another is on
 * its way, a refetch would answer with the screen as it was before that change and pull back what it took
 * away; the applications of every change in between are remembered, so the last one refreshes for all.
 */
export function refreshReplannedWhenSettled(
  client: QueryClient,
  mutationKey: readonly unknown[],
  applicationIds: Iterable<string>,
  change: 'steps' | 'move',
): void {
  const pending = replannedSinceLastRefresh.get(client) ?? new Map<string, Set<string>>();
  replannedSinceLastRefresh.set(client, pending);
  const key = JSON.stringify(mutationKey);
  const ids = pending.get(key) ?? new Set<string>();
  for (const id of applicationIds) ids.add(id);
  pending.set(key, ids);
  if (client.isMutating({ mutationKey }) > 1) return;
  pending.delete(key);
  refreshReplanned(client, ids, change);
}

/** The fields a card carries, taken from a card or a full application (nothing else leaks into the other). */
export function cardFieldsOf(application: ApplicationCardFields): ApplicationCardFields {
  return {
    id: application.id,
    company: application.company,
    jobTitle: application.jobTitle,
    priority: application.priority,
    tags: application.tags,
    notes: application.notes,
    stage: application.stage,
    furthestStage: application.furthestStage,
    outcome: application.outcome,
    closedReason: application.closedReason,
    appliedAt: application.appliedAt,
    endedAt: application.endedAt,
    stageChangedAt: application.stageChangedAt,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

/**
 * Puts changed applications (the server's answer, or what a move is expected to give) in every cache that
 * holds them: the board's cards, the list of applications and each application's own. Only the fields a card
 * carries are written, so a card's change never blanks a full application's posting or documents; a card's
 * next step stays until the list is read again.
 */
export function storeApplications(client: QueryClient, applications: readonly ApplicationCardFields[]): void {
  const byId = new Map(applications.map((a) => [a.id, cardFieldsOf(a)]));
  const merge = <T extends ApplicationCardFields>(list: T[] | undefined): T[] | undefined =>
    list?.map((a) => {
      const changed = byId.get(a.id);
      return changed ? { ...a, ...changed } : a;
    });
  // Every card list: the whole one, and the board's first cards, whose counts follow each card that moved.
  client.setQueriesData<ApplicationCard[] | ApplicationCardList>(
    { queryKey: queryKeys.applicationCards },
    (data) => {
      if (data === undefined || Array.isArray(data)) return merge(data);
      const counts = { ...data.counts };
      for (const card of data.items) {
        const changed = byId.get(card.id);
        if (!changed) continue;
        counts[card.stage] -= 1;
        if (isRejected(card)) counts.rejected -= 1;
        counts[changed.stage] += 1;
        if (isRejected(changed)) counts.rejected += 1;
      }
      return { items: merge(data.items) ?? [], counts };
    },
  );
  client.setQueryData<ApplicationListItem[]>(queryKeys.applications, merge);
  for (const [id, changed] of byId)
    client.setQueryData<Application>(queryKeys.application(id), (old) =>
      old ? { ...old, ...changed } : undefined,
    );
}

function isRejected(card: Pick<ApplicationCardFields, 'stage' | 'outcome'>): boolean {
  return card.stage === 'ended' && card.outcome === 'rejected';
}

/** A record saved from a form: a new application, an interview logged or edited, the settings. */
type SavedRecord =
  | { readonly kind: 'application' }
  | { readonly kind: 'interview'; readonly applicationId: string }
  | { readonly kind: 'settings' };

/**
 * After a form's save (its answer already shown), marks stale what that save can change, and nothing else;
 * what is on screen refetches behind the closed dialog. A new application adds its steps and maybe a company;
 * an interview re-plans its application's steps, may move it and add interviewers; the settings re-date every
 * step and change what each diagnosis counts as a business day.
 */
export function refreshAfterSaving(client: QueryClient, saved: SavedRecord): void {
  const keys: (readonly unknown[])[] = [queryKeys.applications, queryKeys.today, ['follow-ups']];
  switch (saved.kind) {
    case 'application':
      keys.push(queryKeys.companies);
      break;
    case 'interview':
      keys.push(
        ['interviews'],
        queryKeys.contacts,
        queryKeys.application(saved.applicationId),
        queryKeys.timeline(saved.applicationId),
        queryKeys.diagnosis(saved.applicationId),
      );
      break;
    case 'settings':
      keys.push(['diagnosis']);
      break;
  }
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}
