// First, before React: starts fetching what the first page shows.
import './boot.js';

import { lazy, Suspense } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { loadFirstPage, preloadPage } from './app.js';
import { AppRoot, createQueryClient } from './app-root.js';
import { api, earlyRequests } from './boot.js';
import { preloadFormsOnFirstInput } from './components/lazy-forms.js';
import { seedFirstAnswers } from './first-answers.js';
import { setRenderNow } from './render-env.js';
import { matchAccountLink } from './router.js';
import './styles.css';

const queryClient = createQueryClient();

preloadPage(window.location.pathname);
preloadFormsOnFirstInput();
const firstAnswers = seedFirstAnswers(queryClient, earlyRequests);

/**
 * The first render waits, briefly, for the first page's answers (asked for before this script even loaded),
 * so it draws the page once, with its data, instead of an empty frame that is laid out and painted and then
 * drawn again when the answers come. A slow server gets the usual "Loading…" after this long. A page the
 * server drew carries its answers, so this waits for nothing there.
 */
const firstRenderWaitMs = 400;
await Promise.race([firstAnswers, new Promise((resolve) => setTimeout(resolve, firstRenderWaitMs))]);

// An invitation or password reset link opens its own page, outside the app and its sign-in gate.
const accountLink = matchAccountLink(window.location.pathname, window.location.search);
const AccountLinkPage = lazy(() =>
  import('./pages/account-link-pages.js').then((m) => ({ default: m.AccountLinkPage })),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * When the server drew this page (src/server/first-screen.ts), the time it drew it as "now": the page is
 * hydrated with that time, so what depends on it (overdue flags, today's date) matches the server's HTML.
 */
const renderedAt = document.documentElement.dataset.renderedAt;

const app = (
  <AppRoot api={api} queryClient={queryClient}>
    {accountLink ? (
      <Suspense
        fallback={
          <div className="placeholder" aria-busy="true">
            Loading…
          </div>
        }
      >
        <AccountLinkPage link={accountLink} />
      </Suspense>
    ) : undefined}
  </AppRoot>
);

const renderApp = () => {
  if (renderedAt && root.hasChildNodes()) {
    setRenderNow(new Date(renderedAt));
    hydrateRoot(root, app, {
      // A page that differs from the server's (a browser that formats a date otherwise) is drawn again in
      // the browser, which React does by itself. It works, at twice the cost: reported as the defect it is.
      onRecoverableError: (error) =>
        console.error('hearback: the server’s page differed from the browser’s and was drawn again', error),
    });
    return;
  }
  createRoot(root).render(app);
};

// A failed load shows where the page would be, by the lazy page's own means.
loadFirstPage(window.location.pathname).then(renderApp, renderApp);
