// First, before React: starts fetching what the first page shows.
import './boot.js';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api-error.js';
import { App, loadFirstPage, preloadPage } from './app.js';
import { api, earlyRequests } from './boot.js';
import { AccountGate } from './components/account-gate.js';
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
void queryClient.prefetchQuery({ queryKey: queryKeys.settings, queryFn: () => earlyRequests.settings });
const { applications, firstBoardCards, today, insights } = earlyRequests;
if (applications)
  void queryClient.prefetchQuery({ queryKey: queryKeys.applications, queryFn: () => applications });
if (firstBoardCards)
  void queryClient.prefetchQuery({
    queryKey: queryKeys.firstBoardCards(firstBoardCards.sort),
    queryFn: () => firstBoardCards.cards,
  });
if (today) void queryClient.prefetchQuery({ queryKey: queryKeys.today, queryFn: () => today });
if (insights) void queryClient.prefetchQuery({ queryKey: queryKeys.insights({}), queryFn: () => insights });

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
