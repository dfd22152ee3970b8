// First, before React: starts fetching what the first page shows.
import './boot.js';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api-error.js';
import { App, loadFirstPage, preloadPage } from './app.js';
import { api, earlyRequests } from './boot.js';
import { AccountGate, accountKey } from './components/account-gate.js';
import { preloadFormsOnFirstInput } from './components/lazy-forms.js';
import { NoticesProvider } from './components/notices.js';
import { ApiContext } from './hooks/use-api.js';
import { queryKeys } from './queries.js';
import { matchAccountLink } from './router.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx answer will not change by asking again; a dropped connection might.
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

preloadPage(window.location.pathname);
preloadFormsOnFirstInput();
const { settings, account, applications, firstBoardCards, today, insights } = earlyRequests;
const firstAnswers = [
  queryClient.prefetchQuery({ queryKey: queryKeys.settings, queryFn: () => settings }),
  queryClient.prefetchQuery({ queryKey: accountKey, queryFn: () => account }),
  applications
    ? queryClient.prefetchQuery({ queryKey: queryKeys.applications, queryFn: () => applications })
    : null,
  firstBoardCards
    ? queryClient.prefetchQuery({
        queryKey: queryKeys.firstBoardCards(firstBoardCards.sort),
        queryFn: () => firstBoardCards.cards,
      })
    : null,
  today ? queryClient.prefetchQuery({ queryKey: queryKeys.today, queryFn: () => today }) : null,
  insights ? queryClient.prefetchQuery({ queryKey: queryKeys.insights({}), queryFn: () => insights }) : null,
];

/**
 * The first render waits, briefly, for the first page's answers (asked for before this script even loaded),
 * so it draws the page once, with its data, instead of an empty frame that is laid out and painted and then
 * drawn again when the answers come. A slow server gets the usual "Loading…" after this long.
 */
const firstRenderWaitMs = 400;
await Promise.race([
  Promise.all(firstAnswers),
  new Promise((resolve) => setTimeout(resolve, firstRenderWaitMs)),
]);

// An invitation or password reset link opens its own page, outside the app and its sign-in gate.
const accountLink = matchAccountLink(window.location.pathname, window.location.search);
const AccountLinkPage = lazy(() =>
  import('./pages/account-link-pages.js').then((m) => ({ default: m.AccountLinkPage })),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const renderApp = () =>
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <QueryClientProvider client={queryClient}>
          <NoticesProvider>
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
            ) : (
              <AccountGate>
                <App />
              </AccountGate>
            )}
          </NoticesProvider>
        </QueryClientProvider>
      </ApiContext.Provider>
    </StrictMode>,
  );

// A failed load shows where the page would be, by the lazy page's own means.
loadFirstPage(window.location.pathname).then(renderApp, renderApp);
