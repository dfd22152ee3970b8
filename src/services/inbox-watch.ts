import { parseImapUrl } from '../core/inbox-account.js';
import { findInboxAccount, listInboxUserIds } from '../storage/inbox-store.js';
import type { Deps } from './deps.js';

type Watcher = { readonly sealed: string; readonly abort: AbortController; readonly done: Promise<void> };

export type InboxWatch = {
  /**
   * Starts a watcher for each connected mailbox without one (and for one whose password changed), stops the
   * watchers of forgotten mailboxes. Called by every background sync: a watcher that ended (the server
   * dropped it, or has no IDLE) is started again at the next one, and the sync itself is the fallback.
   */
  refresh(): Promise<void>;
  /** Resolves once the user's watcher hears new mail (tests wait on it). */
  ready(userId: string): Promise<void>;
  /** Closes every connection and waits for them to end (server shutdown). */
  stop(): Promise<void>;
};

/**
 * New mail at once with IMAP IDLE: one connection per connected mailbox, on its first folder, that calls
 * `onNewMail` when the server says a message arrived; the caller starts a sync (the `inbox-sync` job, with a
 * singleton key, so two signals or two processes run it once). The 5-minute sync stays for servers without
 * IDLE, for the other folders and for mail that arrived while a watcher was reconnecting.
 */
export function startInboxWatch(deps: Deps, onNewMail: (userId: string) => void): InboxWatch {
  const watchers = new Map<string, Watcher>();
  const readiness = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  let stopped = false;
  const readyOf = (userId: string) => {
    let entry = readiness.get(userId);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      entry = { promise, resolve };
      readiness.set(userId, entry);
    }
    return entry;
  };
  const stopOne = async (userId: string) => {
    const watcher = watchers.get(userId);
    if (!watcher) return;
    watcher.abort.abort();
    await watcher.done;
    if (watchers.get(userId) === watcher) watchers.delete(userId);
  };
  return {
    async refresh() {
      if (stopped || !deps.inbox?.mailbox.watch) return;
      const { mailbox, secrets } = deps.inbox;
      const userIds = await listInboxUserIds(deps.db);
      for (const userId of [...watchers.keys()]) if (!userIds.includes(userId)) await stopOne(userId);
      for (const userId of userIds) {
        const account = await findInboxAccount(deps.db, userId);
        if (!account) continue;
        const current = watchers.get(userId);
        if (current && current.sealed === account.sealed_credentials) continue;
        if (current) await stopOne(userId);
        const folder = (JSON.parse(account.folders) as string[])[0] ?? 'INBOX';
        const abort = new AbortController();
        const run = async () => {
          try {
            const server = parseImapUrl(secrets.open(account.sealed_credentials));
            await mailbox.watch!(
              server,
              folder,
              { onNewMail: () => onNewMail(userId), onReady: () => readyOf(userId).resolve() },
              abort.signal,
            );
          } catch {
            // Cannot connect now: the 5-minute sync reports why, and starts the watcher again.
          }
        };
        const watcher: Watcher = { sealed: account.sealed_credentials, abort, done: run() };
        watchers.set(userId, watcher);
        // An ended watcher leaves the map, so the next refresh starts it again.
        void watcher.done.then(() => {
          if (watchers.get(userId) === watcher) watchers.delete(userId);
        });
      }
    },
    ready: (userId) => readyOf(userId).promise,
    async stop() {
      stopped = true;
      await Promise.all([...watchers.keys()].map(stopOne));
    },
  };
}
