/**
 * Background work as hearback uses it: named queues of small JSON jobs, run later, retried with backoff,
 * kept in the database so they survive restarts, and shared by every server process on that database.
 *
 * Delivery is at least once: a job whose worker died (its lease ran out) runs again, so handlers must be
 * idempotent. The digest is, through its own send records (docs/digest.md); the queue alone never promises
 * exactly once.
 *
 * Adapters: pg-boss on PostgreSQL, a polled `jobs` table on SQLite (src/integrations/jobs/).
 */
export type JobData = Readonly<Record<string, string | number | boolean | null>>;

export type QueueDefinition = {
  /** How many times a failed job is tried again after its first run; 0 never retries. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** Doubles the delay after each failure (pg-boss adds jitter to it). */
  readonly retryBackoff: boolean;
  /** A job still running after this long is taken to be lost with its worker and is tried again. */
  readonly leaseSeconds: number;
  /** How many jobs of this queue one process runs at the same time. */
  readonly concurrency: number;
};

export type EnqueueOptions = {
  /**
   * While a job with the same key is waiting to start in the same queue, enqueuing another does nothing
   * and returns null. A job that started (or waits to be retried) no longer blocks its key.
   */
  readonly singletonKey?: string;
  /** The earliest instant the job may start (ISO 8601); default at once. */
  readonly runAt?: string;
};

export type QueuedJob<T extends JobData = JobData> = {
  readonly id: string;
  readonly queue: string;
  readonly data: T;
  /** 1 on the first run, 2 on the first retry, and so on. */
  readonly attempt: number;
};

/** Resolving completes the job; throwing fails this attempt (retried while the queue's limit allows). */
export type JobHandler<T extends JobData = JobData> = (job: QueuedJob<T>) => Promise<void>;

export type JobQueue = {
  readonly kind: 'pg-boss' | 'table';
  /** Connects and starts the timers; call before anything else. */
  start(): Promise<void>;
  /** Declares a queue and its retry policy; safe to repeat, in any process. */
  defineQueue(name: string, definition?: Partial<QueueDefinition>): Promise<void>;
  /** Adds a job; returns its id, or null when a waiting job holds the same singleton key. */
  enqueue(name: string, data: JobData, options?: EnqueueOptions): Promise<string | null>;
  /** Runs the queue's jobs in this process with `handler`, `concurrency` at a time. */
  work<T extends JobData>(name: string, handler: JobHandler<T>): Promise<void>;
  /**
   * Adds a job to `name` every `minutes` minutes (at minutes divisible by it, UTC), once per slot across
   * every process on the database. `minutes` divides 60.
   */
  scheduleEvery(name: string, minutes: number, data?: JobData): Promise<void>;
  /** Stops taking jobs and waits for running handlers to finish. */
  stop(): Promise<void>;
};

export const defaultQueueDefinition: QueueDefinition = {
  retryLimit: 3,
  retryDelaySeconds: 30,
  retryBackoff: true,
  leaseSeconds: 15 * 60,
  concurrency: 1,
};

/** The queue's definition with defaults filled in, checked so both adapters refuse the same mistakes. */
export function completeQueueDefinition(definition: Partial<QueueDefinition> = {}): QueueDefinition {
  const full = { ...defaultQueueDefinition, ...definition };
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!whole(full.retryLimit, 0)) throw new Error('retryLimit must be a whole number, at least 0');
  if (!whole(full.retryDelaySeconds, 0))
    throw new Error('retryDelaySeconds must be a whole number, at least 0');
  if (!whole(full.leaseSeconds, 1)) throw new Error('leaseSeconds must be a whole number, at least 1');
  if (!whole(full.concurrency, 1)) throw new Error('concurrency must be a whole number, at least 1');
  return full;
}

/** Seconds to wait before retry number `retry` (1 for the first retry). */
export function retryDelaySeconds(definition: QueueDefinition, retry: number): number {
  if (!definition.retryBackoff) return definition.retryDelaySeconds;
  return Math.max(1, definition.retryDelaySeconds) * 2 ** Math.min(16, Math.max(0, retry - 1));
}

/** Checks a schedule's period: whole minutes that divide an hour, so slots line up across processes. */
export function checkScheduleMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60 || 60 % minutes !== 0) {
    throw new Error(
      `a schedule runs every 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 minutes, not ${minutes}`,
    );
  }
  return minutes;
}

/** Queue names as pg-boss accepts them, checked on both adapters. */
export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw new Error(`bad queue name ${JSON.stringify(name)}`);
  return name;
}
