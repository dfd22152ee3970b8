/**
 * What a render reads from the browser that a server render must be told instead: the page's address, its
 * cookies and the time it draws as "now". The browser's own values are used everywhere except while the
 * server renders a first screen (src/web/server-render.tsx), and while the browser hydrates that screen, when
 * "now" is the server's so overdue flags and dates drawn near a minute's or a day's end agree with its HTML.
 */
export type RenderEnv = {
  readonly location: { readonly pathname: string; readonly search: string } | null;
  readonly cookies: string | null;
  readonly now: Date | null;
};

const browserEnv: RenderEnv = { location: null, cookies: null, now: null };
let current: RenderEnv = browserEnv;

/**
 * Runs a synchronous render with these values in place of the browser's, and puts the browser's back after:
 * a server render is one synchronous call, so no other request's render can see them.
 */
export function renderWith<T>(env: Partial<RenderEnv>, render: () => T): T {
  const previous = current;
  current = { ...browserEnv, ...env };
  try {
    return render();
  } finally {
    current = previous;
  }
}

/** Hydration: the server's "now" until the hydrated page has committed (then `null` gives the clock back). */
export function setRenderNow(now: Date | null): void {
  current = { ...current, now };
}

/** The time to draw as now: the server's during a server render and the hydration of its HTML. */
export function renderNow(): Date {
  return current.now ? new Date(current.now.getTime()) : new Date();
}

/** The page's address as a server render was given it; null in the browser (read `window.location`). */
export function renderLocation(): RenderEnv['location'] {
  return current.location;
}

/** The request's cookies as a server render was given them; null in the browser (read `document.cookie`). */
export function renderCookies(): string | null {
  return current.cookies;
}
