import type { Kysely } from 'kysely';
import {
  checkQueueName,
  checkScheduleMinutes,
  completeQueueDefinition,
  type EnqueueOptions,
  type JobData,
  type JobHandler,
  type JobQueue,
  type QueueDefinition,
  retryDelaySeconds,
} from '../../core/job-queue.js';
import type { Clock, IdGenerator } from '../../core/ports.js';
import {
  claimJobs,
  completeJob,
  deleteFinishedJobs,
  failJob,
  getJobPolicy,
  insertJob,
  type JobRow,
} from '../../storage/jobs-store.js';
import type { Database } from '../../storage/schema.js';

export type TableJobQueueOptions = {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** How long an idle queue waits before looking for jobs again. Default 2000. */
  readonly pollIntervalMs?: number;
  /** Told about handler failures and about errors of the queue itself; the queue keeps going. */
  readonly onError?: (error: unknown, context: { queue: string; jobId?: string }) => void;
  /** Names this worker in the table (`locked_by`); default a random UUID. */
  readonly workerId?: string;
};

/** The table adapter, plus `pollOnce` so tests can drive it step by step with a fixed clock. */
export type TableJobQueue = JobQueue & {
  readonly workerId: string;
  /** Enqueues due schedule slots, then runs every due job of the worked queues; resolves when they end. */
  pollOnce(): Promise<number>;
};

const doneKeepMs = 24 * 3_600_000;
const failedKeepMs = 7 * 24 * 3_600_000;
const maintenanceEveryMs = 10 * 60_000;

type Schedule = { readonly minutes: number; readonly data: JobData };

/**
 * The JobQueue port on a plain `jobs` table in hearback's own database, for SQLite (it works on PostgreSQL
 * too, which is how it is tested there, but PostgreSQL servers use pg-boss). Workers poll; a job is taken by
 * a compare-and-set on its row (see jobs-store.ts), so two processes sharing the file never run one attempt
 * twice. Time comes from the clock port, so tests move through retries and leases without waiting.
 */
export function createTableJobQueue(options: TableJobQueueOptions): TableJobQueue {
  const { db, clock, ids } = options;
  const workerId = options.workerId ?? crypto.randomUUID();
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const definitions = new Map<string, QueueDefinition>();
  const handlers = new Map<string, JobHandler>();
  const schedules = new Map<string, Schedule>();
  const running = new Set<Promise<void>>();
  const loops = new Map<string, Promise<void>>();
  let started = false;
  let stopping = false;
  let lastMaintenance = 0;
  const now = () => clock.now().toISOString();
  const report = (error: unknown, context: { queue: string; jobId?: string }) =>
    options.onError?.(error, context);
  const definitionOf = (queue: string) => definitions.get(queue) ?? completeQueueDefinition();

  async function enqueue(
    queue: string,
    data: JobData,
    enqueueOptions: EnqueueOptions = {},
    onceKey?: string,
  ) {
    checkQueueName(queue);
    const id = ids.next();
    const at = now();
    const inserted = await insertJob(db, {
      id,
      queue,
      data,
      runAt: enqueueOptions.runAt ? new Date(enqueueOptions.runAt).toISOString() : at,
      definition: definitionOf(queue),
      singletonKey: enqueueOptions.singletonKey ?? null,
      onceKey: onceKey ?? null,
      now: at,
    });
    if (inserted) wakeAll();
    return inserted ? id : null;
  }

  /** The slot each schedule was last enqueued for here: the insert is tried once per slot, not per poll. */
  const enqueuedSlots = new Map<string, string>();

  async function enqueueDueSlots(): Promise<void> {
    const at = clock.now().getTime();
    for (const [queue, schedule] of schedules) {
      const period = schedule.minutes * 60_000;
      const slot = new Date(Math.floor(at / period) * period).toISOString();
      if (enqueuedSlots.get(queue) === slot) continue;
      // Another process may have enqueued the slot already: its once key makes this insert a no-op.
      await enqueue(queue, schedule.data, { runAt: slot }, `${queue}@${slot}`);
      enqueuedSlots.set(queue, slot);
    }
  }

  async function runJob(queue: string, handler: JobHandler, job: JobRow): Promise<void> {
    try {
      await handler({ id: job.id, queue, data: job.data, attempt: job.attempts });
      await completeJob(db, { id: job.id, attempts: job.attempts, workerId, now: now() });
    } catch (error) {
      report(error, { queue, jobId: job.id });
      const policy = await getJobPolicy(db, job.id);
      const retryAt =
        job.attempts <= policy.retryLimit
          ? new Date(
              clock.now().getTime() +
                retryDelaySeconds({ ...definitionOf(queue), ...policy }, job.attempts) * 1000,
            ).toISOString()
          : null;
      await failJob(db, {
        id: job.id,
        attempts: job.attempts,
        workerId,
        now: now(),
        error: error instanceof Error ? error.message : String(error),
        retryAt,
      });
    }
  }

  /** Claims and runs what is due in one queue, up to its concurrency; returns how many jobs ran. */
  async function pollQueue(queue: string): Promise<number> {
    const handler = handlers.get(queue);
    if (!handler || stopping) return 0;
    const jobs = await claimJobs(db, {
      queue,
      now: now(),
      workerId,
      limit: definitionOf(queue).concurrency,
    });
    const runs = jobs.map((job) => track(runJob(queue, handler, job)));
    await Promise.all(runs);
    return jobs.length;
  }

  function track(work: Promise<void>): Promise<void> {
    running.add(work);
    return work.finally(() => running.delete(work));
  }

  async function maintain(): Promise<void> {
    const at = clock.now().getTime();
    if (at - lastMaintenance < maintenanceEveryMs) return;
    lastMaintenance = at;
    await deleteFinishedJobs(db, {
      doneBefore: new Date(at - doneKeepMs).toISOString(),
      failedBefore: new Date(at - failedKeepMs).toISOString(),
    });
  }

  /** Idle waits; an enqueue or stop() cuts every one of them short. */
  const sleepers = new Set<() => void>();
  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  }
  function wakeAll(): void {
    for (const done of [...sleepers]) done();
  }

  async function loop(queue: string): Promise<void> {
    while (!stopping) {
      let ran = 0;
      try {
        ran = await pollQueue(queue);
      } catch (error) {
        report(error, { queue });
      }
      if (!stopping && ran === 0) await sleep(pollIntervalMs);
    }
  }

  async function scheduleLoop(): Promise<void> {
    while (!stopping) {
      try {
        await enqueueDueSlots();
        await maintain();
      } catch (error) {
        report(error, { queue: '(schedules)' });
      }
      if (!stopping) await sleep(pollIntervalMs);
    }
  }

  function startLoop(queue: string): void {
    if (!started || loops.has(queue)) return;
    loops.set(queue, loop(queue));
  }

  const queue: TableJobQueue = {
    kind: 'table',
    workerId,
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      loops.set('(schedules)', scheduleLoop());
      for (const name of handlers.keys()) startLoop(name);
    },
    async defineQueue(name, definition) {
      definitions.set(checkQueueName(name), completeQueueDefinition(definition));
    },
    enqueue: (name, data, enqueueOptions) => enqueue(name, data, enqueueOptions),
    async work(name, handler) {
      if (handlers.has(checkQueueName(name))) throw new Error(`queue ${name} already has a worker here`);
      handlers.set(name, handler as JobHandler);
      startLoop(name);
    },
    async scheduleEvery(name, minutes, data = {}) {
      schedules.set(checkQueueName(name), { minutes: checkScheduleMinutes(minutes), data });
      wakeAll();
    },
    async pollOnce() {
      await enqueueDueSlots();
      await maintain();
      let total = 0;
      for (const name of handlers.keys()) total += await pollQueue(name);
      return total;
    },
    async stop() {
      stopping = true;
      wakeAll();
      await Promise.all(loops.values());
      await Promise.allSettled([...running]);
      loops.clear();
      started = false;
    },
  };
  return queue;
}
