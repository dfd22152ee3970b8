import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkFailure } from '../../core/bulk.js';
import type { FollowUp } from '../../core/follow-up.js';
import type { Today } from '../../core/today.js';
import type { ApiClient, FollowUpReopenInput } from '../api-client.js';
import { describeError, isWorthRetrying } from '../api-error.js';
import { useNotices } from '../components/notices.js';
import { followUpKindLabels } from '../labels.js';
import { queryKeys, refreshReplannedWhenSettled, useUserClock } from '../queries.js';
import { type TakenItem, withItemsBack, withoutSteps } from '../today-view.js';
import { formatLocalDate } from '../zoned-time.js';
import { useApi } from './use-api.js';

/**
 * What the user asked of one or several steps. `reopen` opens steps again; from an Undo, `restore` says how
 * they were before (their snooze, their place on Today).
 */
export type StepChange =
  | { readonly action: 'done'; readonly steps: readonly FollowUp[]; readonly note?: string }
  | { readonly action: 'skip'; readonly steps: readonly FollowUp[]; readonly reason?: string }
  | { readonly action: 'snooze'; readonly steps: readonly FollowUp[]; readonly until: string }
  | { readonly action: 'reopen'; readonly steps: readonly FollowUp[]; readonly restore?: Restore };

type Restore = { readonly steps: readonly FollowUp[]; readonly taken: readonly TakenItem[] };

/** What the screen showed before the change, to put back what the server refuses. */
type Before = { readonly steps: readonly FollowUp[]; readonly taken: readonly TakenItem[] };

type Answer = { readonly steps: readonly FollowUp[]; readonly failed: readonly BulkFailure[] };

const stepMutationKey = ['step-change'] as const;

/**
 * Done, skip, snooze and reopen, for one step or many: the screen changes at once (the step leaves Today,
 * its card on the application page shows it done), the server is asked (one request, however many
 * steps), and what it refuses is put back with a notice saying why. A change that went through is
 * reported with an Undo.
 */
export function useStepActions() {
  const api = useApi();
  const client = useQueryClient();
  const { notify, notifyUndoable, notifyRetryable } = useNotices();
  const { locale } = useUserClock();
  const mutation = useMutation({
    mutationKey: stepMutationKey,
    mutationFn: (change: StepChange) => send(api, change),
    onMutate: async (change: StepChange): Promise<Before> => {
      await Promise.all([
        client.cancelQueries({ queryKey: queryKeys.today }),
        client.cancelQueries({ queryKey: ['follow-ups'] }),
      ]);
      const now = new Date().toISOString();
      storeSteps(
        client,
        change.steps.map((step) => expected(change, step, now)),
      );
      if (change.action === 'reopen') {
        const taken = change.restore?.taken ?? [];
        client.setQueriesData<Today>(
          { queryKey: queryKeys.today },
          (today) => today && withItemsBack(today, taken),
        );
        return { steps: change.steps, taken: [] };
      }
      // Today's first answer and, once read, the whole of it: a step taken from either is remembered once.
      const taken = new Map<string, TakenItem>();
      client.setQueriesData<Today>({ queryKey: queryKeys.today }, (today) => {
        if (!today) return today;
        const result = withoutSteps(today, new Set(change.steps.map((s) => s.id)));
        for (const item of result.taken) taken.set(item.item.step.id, item);
        return result.today;
      });
      return { steps: change.steps, taken: [...taken.values()] };
    },
    onSuccess: (answer, change, before) => {
      storeSteps(client, answer.steps);
      if (answer.failed.length > 0) {
        const refused = new Set(answer.failed.map((f) => f.id));
        putBack(client, change, before, refused);
        const first = answer.failed[0]!;
        const more = answer.failed.length > 1 ? ` (and ${answer.failed.length - 1} more)` : '';
        const steps = change.steps.filter((s) => refused.has(s.id));
        notify(`Could not ${phrase(change, steps)}: ${first.message}${more}`);
      }
      if (answer.steps.length === 0) return;
      const text = describeChange(change, answer.steps, locale);
      if (change.action === 'reopen') {
        notify(text);
        return;
      }
      const changed = new Set(answer.steps.map((s) => s.id));
      const restore: Restore = {
        steps: before.steps.filter((s) => changed.has(s.id)),
        taken: before.taken.filter((t) => changed.has(t.item.step.id)),
      };
      notifyUndoable(text, () => mutation.mutate({ action: 'reopen', steps: answer.steps, restore }));
    },
    onError: (error, change, before) => {
      if (before) putBack(client, change, before, new Set(change.steps.map((s) => s.id)));
      const text = `Could not ${phrase(change, change.steps)}: ${describeError(error)}`;
      // The dialog that asked (a skip's reason, a draft's note) has closed: Try again keeps what was typed.
      if (isWorthRetrying(error)) notifyRetryable(text, () => mutation.mutate(change));
      else notify(text);
    },
    onSettled: (_answer, _error, change) =>
      refreshReplannedWhenSettled(
        client,
        stepMutationKey,
        change.steps.map((s) => s.applicationId),
        'steps',
      ),
  });
  return mutation;
}

async function send(api: ApiClient, change: StepChange): Promise<Answer> {
  const [only, ...others] = change.steps;
  if (!only) return { steps: [], failed: [] };
  if (others.length === 0) {
    const step = await sendOne(api, change, only);
    return { steps: [step], failed: [] };
  }
  const ids = change.steps.map((s) => s.id);
  switch (change.action) {
    case 'done':
      return api.changeFollowUps({ action: 'done', ids, ...(change.note ? { note: change.note } : {}) });
    case 'skip':
      return api.changeFollowUps({
        action: 'skip',
        ids,
        ...(change.reason ? { reason: change.reason } : {}),
      });
    case 'snooze':
      return api.changeFollowUps({ action: 'snooze', ids, until: change.until });
    case 'reopen':
      return api.changeFollowUps({
        action: 'reopen',
        steps: change.steps.map((step) => ({ id: step.id, ...reopenFields(change, step) })),
      });
  }
}

function sendOne(api: ApiClient, change: StepChange, step: FollowUp): Promise<FollowUp> {
  switch (change.action) {
    case 'done':
      return api.markFollowUpDone(step.id, change.note ? { note: change.note } : {});
    case 'skip':
      return api.skipFollowUp(step.id, change.reason ? { reason: change.reason } : {});
    case 'snooze':
      return api.snoozeFollowUp(step.id, { until: change.until });
    case 'reopen':
      return api.reopenFollowUp(step.id, reopenFields(change, step));
  }
}

/** An Undo gives the step back the snooze it had, and a step of the user's own its date; the plan dates the rest. */
function reopenFields(
  change: Extract<StepChange, { action: 'reopen' }>,
  step: FollowUp,
): FollowUpReopenInput {
  const before = change.restore?.steps.find((s) => s.id === step.id);
  if (!before) return {};
  return {
    snoozedUntil: before.snoozedUntil,
    ...(before.origin === 'manual' ? { dueAt: before.dueAt } : {}),
  };
}

/** The step as the server is expected to answer, to show until it does. */
function expected(change: StepChange, step: FollowUp, now: string): FollowUp {
  switch (change.action) {
    case 'done':
      return { ...step, status: 'done', completedAt: now, completionNote: change.note ?? null };
    case 'skip':
      return { ...step, status: 'skipped', completedAt: now, completionNote: change.reason ?? null };
    case 'snooze':
      return { ...step, status: 'snoozed' };
    case 'reopen':
      return (
        change.restore?.steps.find((s) => s.id === step.id) ?? {
          ...step,
          status: step.snoozedUntil ? 'snoozed' : 'planned',
          completedAt: null,
          completionNote: null,
        }
      );
  }
}

/** Puts steps, as the server answered (or is expected to), in every cache of steps that holds them. */
function storeSteps(client: QueryClient, steps: readonly FollowUp[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  // Lists of steps, and the one step of a step's own page (['follow-ups', 'step', id]).
  client.setQueriesData<FollowUp[] | FollowUp>({ queryKey: ['follow-ups'] }, (data) =>
    Array.isArray(data) ? data.map((s) => byId.get(s.id) ?? s) : data && (byId.get(data.id) ?? data),
  );
}

/** Shows the refused steps as they were before the change. */
function putBack(
  client: QueryClient,
  change: StepChange,
  before: Before,
  refused: ReadonlySet<string>,
): void {
  storeSteps(
    client,
    before.steps.filter((s) => refused.has(s.id)),
  );
  client.setQueriesData<Today>({ queryKey: queryKeys.today }, (today) => {
    if (!today) return today;
    if (change.action === 'reopen') return withoutSteps(today, refused).today;
    return withItemsBack(
      today,
      before.taken.filter((t) => refused.has(t.item.step.id)),
    );
  });
}

function what(steps: readonly FollowUp[]): string {
  const [only] = steps;
  return steps.length === 1 && only ? followUpKindLabels[only.kind] : `${steps.length} steps`;
}

function describeChange(change: StepChange, steps: readonly FollowUp[], locale: string): string {
  switch (change.action) {
    case 'done':
      return `Done: ${what(steps)}`;
    case 'skip':
      return `Skipped: ${what(steps)}`;
    case 'snooze':
      return `Snoozed until ${formatLocalDate(change.until, locale)}: ${what(steps)}`;
    case 'reopen':
      return `Back on your list: ${what(steps)}`;
  }
}

/** "mark “First follow-up” done", "skip 3 steps": what could not be done, for a refusal's notice. */
function phrase(change: StepChange, steps: readonly FollowUp[]): string {
  const subject = steps.length === 1 ? `“${what(steps)}”` : what(steps);
  switch (change.action) {
    case 'done':
      return `mark ${subject} done`;
    case 'skip':
      return `skip ${subject}`;
    case 'snooze':
      return `snooze ${subject}`;
    case 'reopen':
      return change.restore ? `undo for ${subject}` : `reopen ${subject}`;
  }
}
