import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api-client.js';
import { isApiError } from './api-error.js';
import { App } from './app.js';
import { NoticesProvider } from './components/notices.js';
import { ApiContext } from './hooks/use-api.js';
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={createApiClient()}>
      <QueryClientProvider client={queryClient}>
        <NoticesProvider>
          <App />
        </NoticesProvider>
      </QueryClientProvider>
    </ApiContext.Provider>
  </StrictMode>,
);
