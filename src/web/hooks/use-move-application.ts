import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Application } from '../../core/application.js';
import { type Stage, stageLabels } from '../../core/pipeline.js';
import { describeError } from '../api-error.js';
import { useNotices } from '../components/notices.js';
import { queryKeys, refreshAfterChange } from '../queries.js';
import { useApi } from './use-api.js';

const moveMutationKey = ['move-application'] as const;

type Move = { readonly application: Application; readonly stage: Exclude<Stage, 'ended'> };

/**
 * Moves an application to another active stage, showing it in the new column at once and putting it back if
 * the server refuses. Ending goes through the end dialog instead, which asks for the outcome.
 */
export function useMoveApplication() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  return useMutation({
    mutationKey: moveMutationKey,
    mutationFn: ({ application, stage }: Move) => api.moveApplication(application.id, { stage }),
    onMutate: async ({ application, stage }: Move) => {
      await client.cancelQueries({ queryKey: queryKeys.applications });
      const previous = client.getQueryData<Application[]>(queryKeys.applications);
      client.setQueryData<Application[]>(queryKeys.applications, (list) =>
        list?.map((a) =>
          a.id === application.id
            ? { ...a, stage, outcome: null, closedReason: null, updatedAt: new Date().toISOString() }
            : a,
        ),
      );
      return { previous };
    },
    onError: (error, { application }, context) => {
      if (context?.previous) client.setQueryData(queryKeys.applications, context.previous);
      notify(`Could not move “${application.jobTitle}”: ${describeError(error)}`);
    },
    onSuccess: (updated) => {
      client.setQueryData<Application[]>(queryKeys.applications, (list) =>
        list?.map((a) => (a.id === updated.id ? { ...a, ...updated } : a)),
      );
      notify(`Moved “${updated.jobTitle}” to ${stageLabels[updated.stage]}`);
    },
    // While another move is still on its way, a refetch would answer with the board as it was before that move
    // and pull the card back; the last move to settle refreshes for all of them.
    onSettled: (_data, _error, { application }) =>
      client.isMutating({ mutationKey: moveMutationKey }) <= 1
        ? refreshAfterChange(client, application.id)
        : undefined,
  });
}
