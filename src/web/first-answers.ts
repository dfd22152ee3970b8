import type { QueryClient } from '@tanstack/react-query';
import { accountKey } from './components/account-gate.js';
import type { FirstRequests } from './first-requests.js';
import { queryKeys } from './queries.js';

/**
 * Puts the first page's answers into the query cache under the keys its queries read, so its first render
 * draws them instead of asking again; resolves once every one has arrived (or failed: the page's own query
 * then reports it).
 */
export function seedFirstAnswers(queryClient: QueryClient, first: FirstRequests): Promise<unknown> {
  const { settings, account, applications, firstBoardCards, today, insights } = first;
  return Promise.all([
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
    insights
      ? queryClient.prefetchQuery({ queryKey: queryKeys.insights({}), queryFn: () => insights })
      : null,
  ]);
}
