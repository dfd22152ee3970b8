import type { AccountView } from '../core/account.js';
import type { Application, ApplicationCardList } from '../core/application.js';
import type { BoardSortKey } from '../core/board-sort.js';
import type { Insights } from '../core/insights.js';
import type { Settings } from '../core/settings.js';
import type { Today } from '../core/today.js';
import { createAccountClient } from './account-client.js';
import { createApiClient } from './api-client.js';
import { readPrefs } from './browser-prefs.js';
import { matchRoute, type RouteName } from './router.js';
import { todayFirst } from './today-view.js';

/** Keep in step with `boardFirst` in queries.ts (which this module must not import: it loads React Query). */
const boardFirst = 30;

/** What public/early-requests.js started before any module loaded, by URL. */
type EarlyWindow = Window & { hearbackEarlyRequests?: Record<string, Promise<Response> | undefined> };

/**
 * The first GET of a URL that early-requests.js already asked for gets that request's answer instead of a
 * new one; every other request (and any later one for the same URL) goes out as usual.
 */
function fetchAdoptingEarly(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const early = (window as EarlyWindow).hearbackEarlyRequests;
  const started = typeof input === 'string' && init?.method === 'GET' ? early?.[input] : undefined;
  if (early && started) {
    delete early[input as string];
    return started;
  }
  return fetch(input, init);
}

/**
 * The first module the page evaluates (main.tsx imports it before React): it starts the requests the first
 * page needs while the rest of the script is still being evaluated, instead of after the app first renders,
 * or adopts them when early-requests.js started them already.
 */
export const api = createApiClient({ fetch: fetchAdoptingEarly });

/** Pages that show the whole list of applications. */
const pagesListingApplications: readonly RouteName[] = ['companies', 'application'];

export type EarlyRequests = {
  readonly settings: Promise<Settings>;
  /** Who is signed in (local mode: nobody, no accounts): the header and the sign-in gate read it. */
  readonly account: Promise<AccountView>;
  readonly applications: Promise<Application[]> | null;
  /** The board's first cards, in the order last chosen on this browser. */
  readonly firstBoardCards: {
    readonly sort: BoardSortKey;
    readonly cards: Promise<ApplicationCardList>;
  } | null;
  readonly today: Promise<Today> | null;
  /** The insights page's first answer: the whole search as of now (its filters empty). */
  readonly insights: Promise<Insights> | null;
};

function startEarlyRequests(pathname: string): EarlyRequests {
  const route = matchRoute(pathname);
  const early: EarlyRequests = {
    settings: api.getSettings(),
    account: createAccountClient({ fetch: fetchAdoptingEarly }).getAccount(),
    applications: pagesListingApplications.includes(route.name) ? api.listAllApplications() : null,
    firstBoardCards: route.name === 'board' ? firstBoardCards() : null,
    today: route.name === 'today' ? api.getToday(undefined, todayFirst) : null,
    insights: route.name === 'insights' ? api.getInsights({}) : null,
  };
  // The queries that adopt these report their failures; this only keeps an early failure from being "unhandled".
  for (const request of [
    early.settings,
    early.account,
    early.applications,
    early.today,
    early.firstBoardCards?.cards,
    early.insights,
  ])
    request?.catch(() => {});
  return early;
}

function firstBoardCards() {
  const sort = readPrefs().boardSort;
  return { sort, cards: api.listFirstBoardCards(sort, boardFirst) };
}

export const earlyRequests = startEarlyRequests(window.location.pathname);
