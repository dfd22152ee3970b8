import { createAccountClient } from './account-client.js';
import { createApiClient } from './api-client.js';
import { startFirstRequests } from './first-requests.js';

/** What public/early-requests.js started before any module loaded, by URL. */
type EarlyWindow = Window & { hearbackEarlyRequests?: Record<string, Promise<Response> | undefined> };

/** The element in which a page the server drew carries its answers (keep in step with src/server/first-screen.ts). */
const firstAnswersElementId = 'hearback-first-answers';

/**
 * Those answers by URL. Each is opaque here: it is handed, as a response, to the API client, which reads it
 * exactly as it reads one fetched (nothing reads an answer by hand, `response-readers.test.ts`).
 */
type CarriedAnswers = Readonly<{ [url: string]: unknown }>;

/**
 * A page the server drew carries, as JSON, the API answers it drew it from, by URL: they become this page's
 * first answers, so the browser draws (hydrates) exactly what the server did, without asking again.
 */
function adoptServerAnswers(): void {
  const element = document.getElementById(firstAnswersElementId);
  if (!element?.textContent) return;
  const answers = JSON.parse(element.textContent) as CarriedAnswers;
  element.remove();
  const early = (window as EarlyWindow).hearbackEarlyRequests ?? {};
  for (const [url, body] of Object.entries(answers)) early[url] = Promise.resolve(Response.json(body));
  (window as EarlyWindow).hearbackEarlyRequests = early;
}

/**
 * The first GET of a URL that early-requests.js already asked for (or the server answered in the page) gets
 * that answer instead of a new one; every other request (and any later one for the same URL) goes out as usual.
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

adoptServerAnswers();

/**
 * The first module the page evaluates (main.tsx imports it before React): it starts the requests the first
 * page needs while the rest of the script is still being evaluated, instead of after the app first renders,
 * or adopts them when early-requests.js started them already.
 */
export const api = createApiClient({ fetch: fetchAdoptingEarly });

export const earlyRequests = startFirstRequests(window.location.pathname, {
  api,
  account: createAccountClient({ fetch: fetchAdoptingEarly }),
});
