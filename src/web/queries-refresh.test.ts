import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys, refreshReplanned } from './queries.js';

/** Which of these cached answers a refresh marked stale. */
function staleAfter(refresh: (client: QueryClient) => void): string[] {
  const client = new QueryClient();
  const cached: Record<string, readonly unknown[]> = {
    applications: queryKeys.applications,
    applicationCards: queryKeys.applicationCards,
    today: queryKeys.today,
    companies: queryKeys.companies,
    contacts: queryKeys.contacts,
    diagnosis: queryKeys.diagnosis('a1'),
    otherDiagnosis: queryKeys.diagnosis('a2'),
    timeline: queryKeys.timeline('a1'),
  };
  for (const key of Object.values(cached)) client.setQueryData(key, []);
  refresh(client);
  return Object.entries(cached)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
}

describe('what a re-planning change marks stale', () => {
  it('a step done, skipped or snoozed: every answer that carries a next step, and that application’s diagnosis', () => {
    // The list of applications carries each one's next step: kept fresh, it showed the step already done.
    expect(staleAfter((client) => refreshReplanned(client, ['a1'], 'steps')).sort()).toEqual(
      ['applicationCards', 'applications', 'diagnosis', 'today'].sort(),
    );
  });

  it('a move: the same, and the moved application’s timeline', () => {
    expect(staleAfter((client) => refreshReplanned(client, ['a1'], 'move')).sort()).toEqual(
      ['applicationCards', 'applications', 'diagnosis', 'timeline', 'today'].sort(),
    );
  });
});
