// Starts the first page's API requests while the HTML is still arriving, before the app's script has been
// fetched and evaluated (about half a second on a slow machine). A plain script, run before the app's module:
// src/web/boot.ts hands each of these to the first request the app makes for the same URL, so none is sent
// twice. Keep the URLs in step with boot.ts's early requests and with the server's `Link: rel=preload` header
// on the page (src/server/web-assets.ts, `firstRequests`): the browser has usually started each request from
// that header already, and a fetch() of the same URL with no headers of its own takes that answer over.
// One that boot.ts stops asking for is merely wasted, never wrong. A page the server drew (first-screen.ts)
// carries its answers and is sent without this script.
(() => {
  const path = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : location.pathname;
  const urls = ['/api/settings', '/api/account'];
  if (path === '/' || path === '/today') urls.push('/api/today?first=20');
  if (path === '/board') {
    // The board's first cards in the order last chosen on this browser: the `hearback-prefs` cookie that
    // src/web/browser-prefs.ts writes (a cookie, not localStorage, whose first access is slow).
    let sort = 'activity';
    const prefs = document.cookie.split(';').find((part) => part.trim().startsWith('hearback-prefs='));
    if (prefs) {
      try {
        const chosen = new URLSearchParams(
          decodeURIComponent(prefs.trim().slice('hearback-prefs='.length)),
        ).get('sort');
        if (['activity', 'nextStep', 'priority', 'company'].includes(chosen)) sort = chosen;
      } catch {
        // A cookie this page did not write: the default order.
      }
    }
    urls.push(`/api/applications/cards?first=30&sort=${sort}`);
  }
  if (path === '/insights') urls.push('/api/insights');
  const started = {};
  for (const url of urls) {
    started[url] = fetch(url);
    // Whoever adopts it reports a failure; this only keeps an unadopted one from being "unhandled".
    started[url].catch(() => {});
  }
  window.hearbackEarlyRequests = started;
  // The first page formats dates, and a page's first Intl.DateTimeFormat loads the browser's locale data:
  // 16–60 ms measured in a fresh Chromium page, then under a millisecond for any other locale or time zone.
  // Done in the next task, while the app's script and these answers are still on their way, it is off the
  // first render's path. The insights page formats no date in its first render (its figures are counts and
  // shares): there the formatter would only hold up the app's script.
  if (path === '/insights') return;
  setTimeout(() => {
    try {
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
    } catch {
      // Nothing to warm: the app formats without it.
    }
  }, 0);
})();
