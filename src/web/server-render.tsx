/**
 * The server's drawing of a first screen: Today, the board and the insights page, drawn in Node from the same
 * components and the same API answers the browser would ask for, so the page arrives drawn and the browser
 * hydrates it instead of drawing it after its script and answers arrive (src/server/first-screen.ts sends it).
 * Built by Vite into dist/web-server (vite.server-render.config.ts) with React and everything else bundled.
 */
import { renderToString } from 'react-dom/server';
import { createAccountClient } from './account-client.js';
import { createApiClient } from './api-client.js';
import { loadFirstPage } from './app.js';
import { AppRoot, createQueryClient } from './app-root.js';
import { seedFirstAnswers } from './first-answers.js';
import { startFirstRequests } from './first-requests.js';
import { renderWith } from './render-env.js';
import { matchRoute, pageTitles, type RouteName } from './router.js';

/** The pages drawn on the server: the ones a day starts on, whose first answers are known from the path. */
const drawnPages: readonly RouteName[] = ['today', 'board', 'insights'];

export type FirstScreenRequest = {
  /** The page's path and query, as requested. */
  readonly url: string;
  /** The request's Cookie header: the session in server mode, and the board's order (browser-prefs.ts). */
  readonly cookies: string;
  /** The time the screen is drawn as "now"; the browser hydrates it with the same. */
  readonly now: Date;
  /** Answers a GET of the API as the browser's own request would be answered (its session, its Host). */
  readonly fetch: typeof fetch;
};

export type FirstScreen = {
  /** The markup of #root. */
  readonly html: string;
  /** The page's title. */
  readonly title: string;
  /** Each API answer the screen was drawn from, by URL: the browser takes them as its first answers. */
  readonly answers: Readonly<Record<string, unknown>>;
};

/**
 * Draws the first screen of the page at `url`, or answers null when it is not one the server draws: another
 * page, a query (a board search, insights filters), any API answer that is not a success
 * (no session, a refused Host, a failure), a first run (its set-up dialog is the browser's), or a screen
 * that would still show "Loading…". The browser then draws the page itself, as it always could.
 */
export async function renderFirstScreen(request: FirstScreenRequest): Promise<FirstScreen | null> {
  const { pathname, search } = new URL(request.url, 'http://hearback.invalid');
  const route = matchRoute(pathname);
  if (!drawnPages.includes(route.name) || search !== '') return null;

  const answers: Record<string, unknown> = {};
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await request.fetch(input, init);
    if (!response.ok || typeof input !== 'string') return response;
    const body: unknown = await response.json();
    answers[input] = body;
    return Response.json(body, { status: response.status });
  };
  const api = createApiClient({ fetch: recordingFetch });
  const first = renderWith({ cookies: request.cookies }, () =>
    startFirstRequests(pathname, { api, account: createAccountClient({ fetch: recordingFetch }) }),
  );
  try {
    const [settings] = await Promise.all([
      first.settings,
      first.account,
      first.today,
      first.firstBoardCards?.cards,
      first.insights,
    ]);
    if (settings.setUpAt === null) return null;
    await loadFirstPage(pathname);
  } catch {
    return null;
  }

  const queryClient = createQueryClient();
  await seedFirstAnswers(queryClient, first);
  const html = renderWith(
    { location: { pathname, search }, cookies: request.cookies, now: request.now },
    () => renderToString(<AppRoot api={api} queryClient={queryClient} />),
  );
  queryClient.clear();
  if (html.includes('aria-busy="true"')) return null;
  return { html, title: `${pageTitles[route.name]} · hearback`, answers };
}
