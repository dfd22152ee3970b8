import { type BoardSortKey, parseBoardSortKey } from './board-sort.js';
import { renderCookies } from './render-env.js';

/**
 * What this browser remembers between visits: the board's card order and whether it hides rejections. Kept
 * in one small cookie, not in localStorage: the board reads them before anything else on the page, and a
 * browser's first localStorage access in a session opens its database, 3–38 ms in a fresh Chromium profile
 * on the page's critical path, where reading `document.cookie` takes about one. The server reads it only to
 * draw the board's first screen in the order chosen here (src/web/server-render.tsx).
 * public/early-requests.js reads the same cookie (it cannot import this module): keep the two in step.
 */
export type BrowserPrefs = {
  readonly boardSort: BoardSortKey;
  readonly hideRejections: boolean;
};

/** Where the cookie lives: `document` in the browser, a plain string in tests. */
export type CookieJar = { read(): string; write(cookie: string): void };

export const prefsCookieName = 'hearback-prefs';
const oneYearInSeconds = 365 * 24 * 60 * 60;
/** Where these lived before (localStorage), read once to carry a choice over. */
const legacyKeys = { boardSort: 'hearback.board.sort', hideRejections: 'hearback.board.hideRejections' };

function documentJar(): CookieJar | undefined {
  const serverCookies = renderCookies();
  // A server render reads the request's cookie and writes nothing.
  if (serverCookies !== null) return { read: () => serverCookies, write: () => {} };
  if (typeof document === 'undefined') return undefined;
  return {
    read: () => document.cookie,
    write: (cookie) => {
      // biome-ignore lint/suspicious/noDocumentCookie: the first page reads this before anything else, synchronously; the Cookie Store API is asynchronous (the value is built by rememberPrefs and escaped there)
      document.cookie = cookie;
    },
  };
}

function cookieValue(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === prefsCookieName) return value.join('=');
  }
  return null;
}

function parsePrefs(value: string | null): BrowserPrefs {
  const fields = new URLSearchParams(value ? decodeURIComponent(value) : '');
  return {
    boardSort: parseBoardSortKey(fields.get('sort')),
    hideRejections: fields.get('hideRejections') === '1',
  };
}

/** The choices made last time on this browser; the defaults when none were made or cookies are refused. */
export function readPrefs(jar: CookieJar | undefined = documentJar()): BrowserPrefs {
  try {
    return parsePrefs(jar ? cookieValue(jar.read()) : null);
  } catch {
    return parsePrefs(null);
  }
}

/** Remembers a changed choice, keeping the others. */
export function rememberPrefs(
  change: Partial<BrowserPrefs>,
  jar: CookieJar | undefined = documentJar(),
): void {
  if (!jar) return;
  const next = { ...readPrefs(jar), ...change };
  const value = new URLSearchParams({
    sort: next.boardSort,
    hideRejections: next.hideRejections ? '1' : '0',
  }).toString();
  try {
    jar.write(
      `${prefsCookieName}=${encodeURIComponent(value)}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax`,
    );
  } catch {
    // A browser refusing cookies: the choice still applies for this visit.
  }
}

/**
 * Carries the choices an earlier version kept in localStorage over to the cookie, once, and answers them;
 * null when there is nothing to carry (a cookie already, or nothing stored). Called when the browser is idle
 * after the board first draws, so the first page never waits for localStorage.
 */
export function adoptLegacyPrefs(
  storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined,
  jar: CookieJar | undefined = documentJar(),
): Partial<BrowserPrefs> | null {
  if (!storage || !jar || cookieValue(jar.read()) !== null) return null;
  try {
    const sort = storage.getItem(legacyKeys.boardSort);
    const hide = storage.getItem(legacyKeys.hideRejections);
    if (sort === null && hide === null) return null;
    const adopted: Partial<BrowserPrefs> = {
      ...(sort === null ? {} : { boardSort: parseBoardSortKey(sort) }),
      ...(hide === null ? {} : { hideRejections: hide === '1' }),
    };
    rememberPrefs(adopted, jar);
    storage.removeItem(legacyKeys.boardSort);
    storage.removeItem(legacyKeys.hideRejections);
    return adopted;
  } catch {
    return null;
  }
}
