// Starts the first page's API requests while the HTML is still arriving, before the app's script has been
// fetched and evaluated (about half a second on a slow machine). A plain script, run before the app's module:
// src/web/boot.ts hands each of these to the first request the app makes for the same URL, so none is sent
// twice. Keep the URLs in step with boot.ts's early requests; one that boot.ts stops asking for is merely
// wasted, never wrong.
(() => {
  const path = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : location.pathname;
  const urls = ['/api/settings'];
  if (path === '/') urls.push('/api/today');
  if (path === '/board') urls.push('/api/applications/cards');
  const started = {};
  for (const url of urls) {
    started[url] = fetch(url, { method: 'GET', headers: { accept: 'application/json' } });
    // Whoever adopts it reports a failure; this only keeps an unadopted one from being "unhandled".
    started[url].catch(() => {});
  }
  window.hearbackEarlyRequests = started;
})();
