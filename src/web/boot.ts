import type { Application, ApplicationCard } from '../core/application.js';
import type { Settings } from '../core/settings.js';
import type { Today } from '../core/today.js';
import { createApiClient } from './api-client.js';
import { matchRoute, type RouteName } from './router.js';

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
  readonly applications: Promise<Application[]> | null;
  readonly applicationCards: Promise<ApplicationCard[]> | null;
  readonly today: Promise<Today> | null;
};

function startEarlyRequests(pathname: string): EarlyRequests {
  const route = matchRoute(pathname);
  const early: EarlyRequests = {
    settings: api.getSettings(),
    applications: pagesListingApplications.includes(route.name) ? api.listAllApplications() : null,
    applicationCards: route.name === 'board' ? api.listApplicationCards() : null,
    today: route.name === 'today' ? api.getToday() : null,
  };
  // The queries that adopt these report their failures; this only keeps an early failure from being "unhandled".
  for (const request of Object.values(early)) request?.catch(() => {});
  return early;
}

export const earlyRequests = startEarlyRequests(window.location.pathname);
