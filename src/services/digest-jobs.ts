import type { JobQueue } from '../core/job-queue.js';
import type { PublicLinks } from './calendar-feed.js';
import { type DigestOutcome, type DueDigest, findDueDigests, sendDigest, type WorkerDeps } from './digest.js';

export const digestScanQueue = 'digest-scan';
export const digestSendQueue = 'digest-send';

export type DigestJobOptions = PublicLinks & {
  /** Told how each digest job ended (user id and date only: no addresses, no content). */
  readonly onOutcome?: (job: DueDigest, outcome: DigestOutcome) => void;
};

/**
 * The digest's background work, on whichever JobQueue the composition root chose. Every minute (and once at
 * start) a scan finds the users whose digest is due and enqueues one send job per user and date; the send
 * job runs sendDigest and, when the mail server failed, enqueues the next try at the time sendDigest
 * recorded. The queue delivers at least once; sendDigest's send record makes the email go out once.
 */
export async function startDigestJobs(queue: JobQueue, deps: WorkerDeps, options: DigestJobOptions) {
  await queue.defineQueue(digestScanQueue, { retryLimit: 1, retryDelaySeconds: 30, leaseSeconds: 300 });
  await queue.defineQueue(digestSendQueue, {
    retryLimit: 5,
    retryDelaySeconds: 60,
    retryBackoff: true,
    leaseSeconds: 15 * 60,
    concurrency: 8,
  });
  await queue.work(digestScanQueue, async () => {
    await enqueueDueDigests(queue, deps);
  });
  await queue.work(digestSendQueue, async (job) => {
    const due = { userId: String(job.data.userId), localDate: String(job.data.localDate) };
    await runDigestJob(queue, deps, due, options);
  });
  await queue.scheduleEvery(digestScanQueue, 1);
  await queue.enqueue(digestScanQueue, {}, { singletonKey: 'start' });
}

/** Enqueues a send job for every due digest; a job already waiting for the same user and date is kept. */
export async function enqueueDueDigests(queue: JobQueue, deps: WorkerDeps): Promise<number> {
  let added = 0;
  for (const due of await findDueDigests(deps)) {
    const id = await queue.enqueue(
      digestSendQueue,
      { userId: due.userId, localDate: due.localDate },
      { singletonKey: digestJobKey(due) },
    );
    if (id) added++;
  }
  return added;
}

export async function runDigestJob(
  queue: JobQueue,
  deps: WorkerDeps,
  due: DueDigest,
  options: DigestJobOptions,
): Promise<DigestOutcome> {
  const outcome = await sendDigest({ ...deps, userId: due.userId }, due.localDate, options);
  options.onOutcome?.(due, outcome);
  if (outcome.outcome === 'failed') {
    await queue.enqueue(
      digestSendQueue,
      { userId: due.userId, localDate: due.localDate },
      { singletonKey: digestJobKey(due), runAt: outcome.retryAt },
    );
  }
  return outcome;
}

function digestJobKey(due: DueDigest): string {
  return `${due.userId}@${due.localDate}`;
}
