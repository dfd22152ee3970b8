import { createContext, useContext } from 'react';
import type { ApiClient } from '../api-client.js';

export const ApiContext = createContext<ApiClient | null>(null);

/** The API client the app was started with (main.tsx provides it; tests of pages could provide another). */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider above it');
  return api;
}
