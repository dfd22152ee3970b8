import type { InboxSyncReport } from '../core/inbox-account.js';
import type { JobQueue } from '../core/job-queue.js';
import { listInboxUserIds } from '../storage/inbox-store.js';
import type { Deps } from './deps.js';
import { syncInbox } from './inbox.js';
import { type InboxWatch, startInboxWatch } from './inbox-watch.js';

export const inboxSyncQueue = 'inbox-sync';

/**
 * The background sync: every 5 minutes (once per slot across server processes), and at once when IMAP IDLE
 * says mail arrived, each connected mailbox is read for new mail. One job at a time, no retries: the next slot is the retry, and a sync that dies half-way
 * is safe to run again (docs/inbox.md, "Restart-safe").
 */
export async function registerInboxJobs(
  queue: JobQueue,
  deps: Deps,
  options: { readonly onReport?: (userId: string, report: InboxSyncReport) => void } = {},
): Promise<InboxWatch> {
  await queue.defineQueue(inboxSyncQueue, { retryLimit: 0, leaseSeconds: 20 * 60, concurrency: 1 });
  await queue.scheduleEvery(inboxSyncQueue, 5);
  // IMAP IDLE where the server has it: new mail starts the same job at once, once while one waits.
  const watch = startInboxWatch(deps, () => {
    void queue.enqueue(inboxSyncQueue, {}, { singletonKey: inboxSyncQueue }).catch(() => {});
  });
  await queue.work(inboxSyncQueue, async () => {
    await syncEveryInbox(deps, options);
    await watch.refresh();
  });
  await watch.refresh();
  return watch;
}

/** Syncs every connected mailbox, one user after another; one user's failure does not stop the others. */
export async function syncEveryInbox(
  deps: Deps,
  options: { readonly onReport?: (userId: string, report: InboxSyncReport) => void } = {},
): Promise<void> {
  for (const userId of await listInboxUserIds(deps.db)) {
    try {
      const report = await syncInbox({ ...deps, userId });
      options.onReport?.(userId, report);
    } catch (error) {
      options.onReport?.(userId, {
        fetched: 0,
        matched: 0,
        queued: 0,
        ignored: 0,
        failed: [
          {
            folder: '*',
            uid: null,
            code: (error as { code?: string }).code ?? 'INTERNAL_ERROR',
            message: error instanceof Error ? error.message : String(error),
          },
        ],
      });
    }
  }
}
