import type { Application } from '../core/application.js';
import { fieldError } from '../core/errors.js';
import type { TimelineEvent } from '../core/event.js';
import type { JobQueue } from '../core/job-queue.js';
import {
  advancePostingWatch,
  localDateAt,
  type PostingCheckResult,
  type PostingProbe,
  type PostingWatch,
  type PostingWatchView,
  startPostingWatch,
  viewPostingWatch,
  type WatchPause,
} from '../core/posting-watch.js';
import { getApplication } from '../storage/application-store.js';
import {
  claimPostingWatch,
  deleteWatchesWithoutUrl,
  findPostingWatch,
  insertPostingWatch,
  listDuePostingWatches,
  listUnsyncedApplications,
  postponeHost,
  replacePostingWatch,
} from '../storage/posting-watch-store.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';
import { createEvent } from './events.js';

/**
 * The posting watch as use cases (docs/posting-watch.md): check one posting now, check the due ones on a
 * schedule, read a watch. The watch rows follow the applications lazily: a scheduled run first creates
 * watches for new posting URLs and resets those whose URL changed.
 */
export type PostingWatchCheck = {
  readonly watch: PostingWatchView;
  /** The timeline event this check recorded, if it found something new. */
  readonly event: TimelineEvent | null;
};

/** How long a check may hold its watch; a check that dies is simply due again after it. */
const claimMinutes = 10;

/** The watch of an application's posting, or null when it has no posting URL. Reads only. */
export async function getPostingWatch(deps: Deps, applicationId: string): Promise<PostingWatchView | null> {
  const application = await getApplication(deps.db, deps.userId, applicationId);
  if (application.postingUrl === null) return null;
  const stored = await findPostingWatch(deps.db, deps.userId, applicationId);
  const watch =
    stored && stored.url === application.postingUrl ? stored : newWatch(deps, application, nowIso(deps));
  return viewPostingWatch(watch, await pauseOf(deps, application));
}

/**
 * Checks one application's posting now, whatever its schedule and the settings switch (the user asked),
 * records what changed on the timeline, and schedules the next check.
 */
export async function checkPosting(deps: Deps, applicationId: string): Promise<PostingWatchCheck> {
  const application = await getApplication(deps.db, deps.userId, applicationId);
  if (application.postingUrl === null) {
    throw fieldError('postingUrl', 'the application has no posting URL to check; add one first');
  }
  const watch = await syncWatch(deps, deps.userId, application);
  const outcome = await runCheck(deps, deps.userId, watch);
  const current = (await findPostingWatch(deps.db, deps.userId, applicationId)) ?? watch;
  return {
    watch: viewPostingWatch(current, await pauseOf(deps, application)),
    event: outcome.kind === 'applied' ? outcome.event : null,
  };
}

export type DueCheckOptions = {
  /** At most this many checks per run. */
  readonly limit?: number;
  /** The least time between two requests to one host within a run. */
  readonly perHostIntervalMs?: number;
  /** No new check starts after this long; the rest stay due for the next run. */
  readonly budgetMs?: number;
  /** Waiting between requests: real time by default; tests pass a virtual timer. */
  readonly timer?: WatchTimer;
};

export type WatchTimer = { nowMs(): number; sleep(ms: number): Promise<void> };

export type DueCheckReport = {
  /** Checks that got an answer hearback could read and were recorded. */
  readonly done: number;
  /** Due checks left for a later run: a host that asked to slow down, the run's budget, a lost race. */
  readonly skipped: number;
  /** Checks whose site failed them (recorded, with a back-off) and checks that broke. */
  readonly failed: ReadonlyArray<{ readonly item: string; readonly code: string }>;
  /** Timeline events recorded. */
  readonly events: number;
};

export const watchDefaults = { limit: 50, perHostIntervalMs: 5_000, budgetMs: 10 * 60_000 } as const;

const realTimer: WatchTimer = {
  nowMs: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Checks the watches that are due, for every user who keeps the watch on (a scheduled job has no user of
 * its own: `deps.userId` is not used, each check runs as the watch's owner). Hosts are taken in turns and
 * one host is asked at most once per `perHostIntervalMs`; a host that answers 429 is left alone for the
 * rest of the run and, for every posting on it, until the time it asked for.
 */
export async function checkDuePostings(deps: Deps, options: DueCheckOptions = {}): Promise<DueCheckReport> {
  const limit = options.limit ?? watchDefaults.limit;
  const interval = options.perHostIntervalMs ?? watchDefaults.perHostIntervalMs;
  const budget = options.budgetMs ?? watchDefaults.budgetMs;
  const timer = options.timer ?? realTimer;
  const started = timer.nowMs();
  await syncAllWatches(deps);
  const due = takeHostsInTurn(await listDuePostingWatches(deps.db, nowIso(deps), limit));
  const lastRequest = new Map<string, number>();
  const busyHosts = new Set<string>();
  let done = 0;
  let skipped = 0;
  let events = 0;
  const failed: Array<{ item: string; code: string }> = [];
  for (const { userId, watch } of due) {
    const previous = lastRequest.get(watch.host);
    const wait = previous === undefined ? 0 : Math.max(0, previous + interval - timer.nowMs());
    if (busyHosts.has(watch.host) || timer.nowMs() + wait - started >= budget) {
      skipped += 1;
      continue;
    }
    if (wait > 0) await timer.sleep(wait);
    lastRequest.set(watch.host, timer.nowMs());
    try {
      const outcome = await runCheck(deps, userId, watch);
      if (outcome.kind === 'lost') skipped += 1;
      else {
        if (outcome.event) events += 1;
        if (outcome.hostBusy) busyHosts.add(watch.host);
        if (outcome.error) failed.push({ item: watch.applicationId, code: outcome.error });
        else done += 1;
      }
    } catch (error) {
      failed.push({ item: watch.applicationId, code: errorCodeOf(error) });
    }
  }
  return { done, skipped, failed, events };
}

export const postingWatchQueue = 'posting-watch';

/**
 * The scheduled watch: a `posting-watch` queue run every 15 minutes (once per slot across processes), each
 * run checking the due watches. A failed run is not retried: the next slot comes soon enough.
 */
export async function registerPostingWatchJobs(
  queue: JobQueue,
  deps: Deps,
  options: DueCheckOptions & { readonly onReport?: (report: DueCheckReport) => void } = {},
): Promise<void> {
  await queue.defineQueue(postingWatchQueue, { retryLimit: 0, leaseSeconds: 20 * 60, concurrency: 1 });
  await queue.scheduleEvery(postingWatchQueue, 15);
  await queue.work(postingWatchQueue, async () => {
    const report = await checkDuePostings(deps, options);
    options.onReport?.(report);
  });
}

type CheckOutcome =
  | { readonly kind: 'lost' }
  | {
      readonly kind: 'applied';
      readonly event: TimelineEvent | null;
      readonly hostBusy: boolean;
      readonly error: string | null;
    };

/**
 * One check: take the watch (compare-and-set), ask the site, then write the next state and its event in one
 * transaction, only if nothing else wrote the watch meanwhile. The fetch happens outside any transaction.
 */
async function runCheck(deps: Deps, userId: string, watch: PostingWatch): Promise<CheckOutcome> {
  const claimedAt = nowIso(deps);
  const leaseUntil = new Date(Date.parse(claimedAt) + claimMinutes * 60_000).toISOString();
  if (!(await claimPostingWatch(deps.db, watch.applicationId, watch.revision, leaseUntil, claimedAt))) {
    return { kind: 'lost' };
  }
  const claimed: PostingWatch = { ...watch, revision: watch.revision + 1 };
  const result = await probe(deps.postingProbe, claimed);
  const now = nowIso(deps);
  const userDeps: Deps = { ...deps, userId };
  const settings = await getSettings(deps.db, userId);
  const application = await getApplication(deps.db, userId, watch.applicationId);
  const step = advancePostingWatch(claimed, result, {
    now,
    today: localDateAt(now, settings.timeZone),
    snapshotValidThrough: application.posting.validThrough,
  });
  const change = step.event;
  let applied: { readonly event: TimelineEvent | null } | null;
  if (!change) {
    // The watch's own state is in no cached answer (lists, cards, Today, insights), so a check that found no
    // change writes it alone, one compare-and-set like the claim, without replacing the user's data version:
    // during a run of the watch, that had every cached answer recomputed after each posting checked.
    const isWritten = await replacePostingWatch(deps.db, userId, step.watch, claimed.revision, now);
    applied = isWritten ? { event: null } : null;
  } else {
    applied = await inTransaction(userDeps, async (tx) => {
      if (!(await replacePostingWatch(tx.db, userId, step.watch, claimed.revision, now))) return null;
      const event = await createEvent(tx, {
        kind: 'posting_change',
        applicationId: watch.applicationId,
        change: change.change,
        detail: change.detail,
        occurredAt: now,
      });
      return { event };
    });
  }
  if (applied === null) return { kind: 'lost' };
  if (step.hostBusyUntil !== null) await postponeHost(deps.db, watch.host, step.hostBusyUntil, now);
  return {
    kind: 'applied',
    event: applied.event,
    hostBusy: step.hostBusyUntil !== null,
    error: step.watch.failures > 0 ? (step.watch.lastError?.code ?? 'POSTING_FETCH_FAILED') : null,
  };
}

/** A probe that breaks is recorded like a site that failed, so one bad posting cannot stall the rest. */
async function probe(postingProbe: PostingProbe, watch: PostingWatch): Promise<PostingCheckResult> {
  try {
    return await postingProbe.check({
      url: watch.url,
      ats: watch.ats,
      etag: watch.etag,
      lastModified: watch.lastModified,
    });
  } catch (error) {
    return {
      status: null,
      retryAfter: null,
      etag: null,
      lastModified: null,
      posting: null,
      boardJobs: null,
      error: {
        code: 'INTERNAL_ERROR',
        message:
          `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            500,
          ),
      },
    };
  }
}

/** The stored watch for the application's current URL: created, or reset when the URL changed. */
async function syncWatch(deps: Deps, userId: string, application: Application): Promise<PostingWatch> {
  const url = application.postingUrl as string;
  const now = nowIso(deps);
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await findPostingWatch(deps.db, userId, application.id);
    if (stored && stored.url === url) return stored;
    const fresh = newWatch(deps, application, now, stored ? stored.revision + 1 : 0);
    if (stored) {
      if (await replacePostingWatch(deps.db, userId, fresh, stored.revision, now)) return fresh;
    } else if (await insertPostingWatch(deps.db, userId, fresh, now)) {
      return fresh;
    }
  }
  return (await findPostingWatch(deps.db, userId, application.id)) ?? newWatch(deps, application, now);
}

/** Creates watches for new posting URLs and resets those whose URL changed, for every user with the switch on. */
async function syncAllWatches(deps: Deps): Promise<void> {
  await deleteWatchesWithoutUrl(deps.db);
  const now = nowIso(deps);
  for (const candidate of await listUnsyncedApplications(deps.db, 1_000)) {
    const identified = identify(deps.postingProbe, candidate.postingUrl);
    const fresh = startPostingWatch({
      applicationId: candidate.applicationId,
      url: candidate.postingUrl,
      jobTitle: candidate.jobTitle,
      ...identified,
      now,
      revision: candidate.revision === null ? 0 : candidate.revision + 1,
    });
    if (candidate.revision === null) await insertPostingWatch(deps.db, candidate.userId, fresh, now);
    else await replacePostingWatch(deps.db, candidate.userId, fresh, candidate.revision, now);
  }
}

function newWatch(deps: Deps, application: Application, now: string, revision = 0): PostingWatch {
  const url = application.postingUrl as string;
  return startPostingWatch({
    applicationId: application.id,
    url,
    jobTitle: application.jobTitle,
    ...identify(deps.postingProbe, url),
    now,
    revision,
  });
}

/** A URL the probe cannot place is still watched, by its page, on its own host. */
function identify(postingProbe: PostingProbe, url: string): { ats: PostingWatch['ats']; host: string } {
  try {
    return postingProbe.identify(url);
  } catch {
    return { ats: null, host: hostOrUrl(url) };
  }
}

function hostOrUrl(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.slice(0, 200);
  }
}

async function pauseOf(deps: Deps, application: Application): Promise<WatchPause | null> {
  if (application.stage === 'ended') return 'application_ended';
  const settings = await getSettings(deps.db, deps.userId);
  return settings.postingWatchEnabled ? null : 'switched_off';
}

/**
 * Round robin over hosts, each host's watches soonest first: the order that needs the least waiting for the
 * per-host interval.
 */
function takeHostsInTurn<T extends { readonly watch: PostingWatch }>(due: readonly T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const item of due) {
    const list = byHost.get(item.watch.host);
    if (list) list.push(item);
    else byHost.set(item.watch.host, [item]);
  }
  const queues = [...byHost.values()];
  const ordered: T[] = [];
  for (let round = 0; ordered.length < due.length; round++) {
    for (const queue of queues) {
      const item = queue[round];
      if (item) ordered.push(item);
    }
  }
  return ordered;
}

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL_ERROR';
}
