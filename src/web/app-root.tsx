import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import type { ApiClient } from './api-client.js';
import { isApiError } from './api-error.js';
import { App } from './app.js';
import { AccountGate } from './components/account-gate.js';
import { NoticesProvider } from './components/notices.js';
import { ApiContext } from './hooks/use-api.js';
import { setRenderNow } from './render-env.js';

/** The app's query cache settings, the same in the browser and in a server render. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx answer will not change by asking again; a dropped connection might.
        retry: (failures, error) =>
          failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}

type AppRootProps = {
  readonly api: ApiClient;
  readonly queryClient: QueryClient;
  /** What to draw instead of the app behind its sign-in gate: an invitation or password reset link's page. */
  readonly children?: ReactNode;
};

/**
 * Marks the moment the page answers to input, once: its first commit, or the end of hydrating the server's
 * HTML, when "now" goes back to the clock (`hearback:interactive`, which the render benchmarks read). Part of
 * the tree the server draws too, where effects never run, so both trees, and their `useId`s, are the same.
 */
function MarkInteractive() {
  useEffect(() => {
    setRenderNow(null);
    document.documentElement.dataset.interactive = '';
    performance.mark('hearback:interactive');
  }, []);
  return null;
}

/** The app with everything it reads from: what the browser renders or hydrates, and what the server draws. */
export function AppRoot({ api, queryClient, children }: AppRootProps) {
  return (
    <>
      <MarkInteractive />
      <StrictMode>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <NoticesProvider>
              {children ?? (
                <AccountGate>
                  <App />
                </AccountGate>
              )}
            </NoticesProvider>
          </QueryClientProvider>
        </ApiContext.Provider>
      </StrictMode>
    </>
  );
}
