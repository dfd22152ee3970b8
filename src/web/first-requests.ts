import type { AccountView } from '../core/account.js';
import type { Application, ApplicationCardList } from '../core/application.js';
import type { BoardSortKey } from '../core/board-sort.js';
import type { Insights } from '../core/insights.js';
import type { Settings } from '../core/settings.js';
import type { Today } from '../core/today.js';
import type { AccountClient } from './account-client.js';
import type { ApiClient } from './api-client.js';
import { readPrefs } from './browser-prefs.js';
import { matchRoute, type RouteName } from './router.js';
import { todayFirst } from './today-view.js';

/** Keep in step with `boardFirst` in queries.ts (which this module must not import: it loads React Query). */
const boardFirst = 30;

/** Pages that show the whole list of applications. */
const pagesListingApplications: readonly RouteName[] = ['companies', 'application'];

export type FirstRequests = {
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

/**
 * Starts the requests the page at `pathname` draws first. The browser does so before React loads
 * (src/web/boot.ts); the server does the same to draw a first screen (src/web/server-render.tsx), with
 * clients that answer from the API in process, so both ask for exactly the same answers.
 */
export function startFirstRequests(
  pathname: string,
  clients: { readonly api: ApiClient; readonly account: AccountClient },
): FirstRequests {
  const { api } = clients;
  const route = matchRoute(pathname);
  const sort = readPrefs().boardSort;
  const early: FirstRequests = {
    settings: api.getSettings(),
    account: clients.account.getAccount(),
    applications: pagesListingApplications.includes(route.name) ? api.listAllApplications() : null,
    firstBoardCards:
      route.name === 'board' ? { sort, cards: api.listFirstBoardCards(sort, boardFirst) } : null,
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
