import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationCardFields } from '../../core/application.js';
import type { BulkFailure } from '../../core/bulk.js';
import { outcomeLabels, stageLabels } from '../../core/pipeline-values.js';
import type { ApiClient, StageChangeRequest } from '../api-client.js';
import { describeError, isWorthRetrying } from '../api-error.js';
import { useNotices } from '../components/notices.js';
import { queryKeys, refreshReplannedWhenSettled, storeApplications } from '../queries.js';
import { useApi } from './use-api.js';

const moveMutationKey = ['move-application'] as const;

/** A move of one application or several (ending included), or the Undo of one: each back where it was. */
export type ApplicationMove =
  | {
      readonly action: 'move';
      readonly applications: readonly ApplicationCardFields[];
      readonly input: StageChangeRequest;
    }
  | { readonly action: 'undo'; readonly moves: readonly TakenMove[] };

/** A move the server made: the application before it, and as the server answered. */
type TakenMove = { readonly before: ApplicationCardFields; readonly after: ApplicationCardFields };

type Answer = {
  readonly applications: readonly ApplicationCardFields[];
  readonly failed: readonly BulkFailure[];
};

/**
 * Moves applications to another stage or ends them, showing them there at once and putting back what the
 * server refuses, with a notice saying why; a move that went through is reported with an Undo, which takes
 * the move out of the history again. One request however many applications.
 */
export function useMoveApplications() {
  const api = useApi();
  const client = useQueryClient();
  const { notify, notifyUndoable, notifyRetryable } = useNotices();
  const mutation = useMutation({
    mutationKey: moveMutationKey,
    // One at a time, in the order they were made: two quick arrow presses reach the server in order.
    scope: { id: 'move-application' },
    mutationFn: (move: ApplicationMove) => send(api, move),
    onMutate: async (move: ApplicationMove): Promise<readonly ApplicationCardFields[]> => {
      await client.cancelQueries({ queryKey: queryKeys.applications });
      await client.cancelQueries({ queryKey: queryKeys.applicationCards });
      const now = new Date().toISOString();
      if (move.action === 'undo') {
        storeApplications(
          client,
          move.moves.map((m) => m.before),
        );
        return move.moves.map((m) => m.after);
      }
      storeApplications(
        client,
        move.applications.map((a) => expectedMove(a, move.input, now)),
      );
      return move.applications;
    },
    onSuccess: (answer, move, before) => {
      // A move made since this one was sent is already shown and answered next: its answer is the one to show.
      if (client.isMutating({ mutationKey: moveMutationKey }) <= 1)
        storeApplications(client, answer.applications);
      if (answer.failed.length > 0) {
        const refused = new Set(answer.failed.map((f) => f.id));
        const putBack = before.filter((a) => refused.has(a.id));
        storeApplications(client, putBack);
        const first = answer.failed[0]!;
        const more = answer.failed.length > 1 ? ` (and ${answer.failed.length - 1} more)` : '';
        notify(`Could not ${phrase(move, putBack)}: ${first.message}${more}`);
      }
      if (answer.applications.length === 0) return;
      if (move.action === 'undo') {
        notify(`Moved ${what(answer.applications)} back`);
        return;
      }
      const beforeById = new Map(before.map((a) => [a.id, a]));
      const moves = answer.applications.flatMap((after) => {
        const was = beforeById.get(after.id);
        return was ? [{ before: was, after }] : [];
      });
      notifyUndoable(describeMove(move.input, answer.applications), () =>
        mutation.mutate({ action: 'undo', moves }),
      );
    },
    onError: (error, move, before) => {
      if (before) storeApplications(client, before);
      const text = `Could not ${phrase(move, before ?? [])}: ${describeError(error)}`;
      // The end dialog has closed: Try again sends the same outcome and note.
      if (isWorthRetrying(error)) notifyRetryable(text, () => mutation.mutate(move));
      else notify(text);
      // The screen was out of date: the list is read again to show what the server has.
      void client.invalidateQueries({ queryKey: queryKeys.applications });
      void client.invalidateQueries({ queryKey: queryKeys.applicationCards });
    },
    onSettled: (_answer, _error, move) =>
      refreshReplannedWhenSettled(
        client,
        moveMutationKey,
        (move.action === 'move' ? move.applications : move.moves.map((m) => m.after)).map((a) => a.id),
        'move',
      ),
  });
  return mutation;
}

async function send(api: ApiClient, move: ApplicationMove): Promise<Answer> {
  if (move.action === 'undo') {
    const [only, ...others] = move.moves;
    if (only && others.length === 0) {
      return { applications: [await api.undoMove(only.after.id, undoOf(only))], failed: [] };
    }
    return api.changeApplications({
      action: 'undo_move',
      moves: move.moves.map((m) => ({ id: m.after.id, ...undoOf(m) })),
    });
  }
  const [only, ...others] = move.applications;
  if (only && others.length === 0) {
    return { applications: [await api.moveApplication(only.id, move.input)], failed: [] };
  }
  return api.changeApplications({ action: 'move', ids: move.applications.map((a) => a.id), ...move.input });
}

function undoOf({ before, after }: TakenMove) {
  return { fromStage: before.stage, toStage: after.stage };
}

/** The application as the server is expected to answer the move, to show until it does. */
function expectedMove(
  application: ApplicationCardFields,
  input: StageChangeRequest,
  now: string,
): ApplicationCardFields {
  const isEnding = input.stage === 'ended';
  const outcome = isEnding ? (input.outcome ?? null) : null;
  return {
    ...application,
    stage: input.stage,
    outcome,
    closedReason: outcome === 'position_closed' ? (input.closedReason ?? 'unknown') : null,
    endedAt: isEnding ? now : null,
    updatedAt: now,
  };
}

function what(applications: readonly { readonly jobTitle: string }[]): string {
  const [only] = applications;
  return applications.length === 1 && only ? `“${only.jobTitle}”` : `${applications.length} applications`;
}

function describeMove(input: StageChangeRequest, applications: readonly ApplicationCardFields[]): string {
  if (input.stage !== 'ended') return `Moved ${what(applications)} to ${stageLabels[input.stage]}`;
  return `Ended ${what(applications)}${input.outcome ? `: ${outcomeLabels[input.outcome]}` : ''}`;
}

/** "move “Gone role”", "end 3 applications": what could not be done, for a refusal's notice. */
function phrase(move: ApplicationMove, refused: readonly ApplicationCardFields[]): string {
  if (move.action === 'undo') return `undo the move of ${what(refused)}`;
  return `${move.input.stage === 'ended' ? 'end' : 'move'} ${what(refused)}`;
}
