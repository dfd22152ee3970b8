import type PgBoss from 'pg-boss';
import {
  checkQueueName,
  checkScheduleMinutes,
  completeQueueDefinition,
  type JobData,
  type JobHandler,
  type JobQueue,
  type QueueDefinition,
} from '../../core/job-queue.js';

export type PgBossJobQueueOptions = {
  readonly connectionString: string;
  /** pg-boss keeps its tables in this schema of hearback's database. Default `pgboss`. */
  readonly schema?: string;
  /** How long a worker waits between fetches (pg-boss waits even after a full batch). Default 1. */
  readonly pollIntervalSeconds?: number;
  readonly onError?: (error: unknown, context: { queue: string; jobId?: string }) => void;
};

/**
 * The JobQueue port on pg-boss 10, in its own schema of the same PostgreSQL database. Every server process
 * runs one; pg-boss takes jobs with `FOR UPDATE SKIP LOCKED`, so a job attempt goes to one worker, and its
 * cron runs a schedule once per minute across all of them.
 *
 * Queues use pg-boss's `short` policy: one job per singleton key may wait in `created`, which is the port's
 * singleton rule. That policy treats keyless jobs as sharing one key, so a job enqueued without a key gets
 * its own id as key and never blocks another.
 */
export function createPgBossJobQueue(options: PgBossJobQueueOptions): JobQueue {
  let boss: PgBoss | null = null;
  const defined = new Map<string, QueueDefinition>();
  const report = (error: unknown, context: { queue: string; jobId?: string }) =>
    options.onError?.(error, context);

  function running(): PgBoss {
    if (!boss) throw new Error('the job queue is not started');
    return boss;
  }

  async function define(name: string, definition?: Partial<QueueDefinition>): Promise<QueueDefinition> {
    const full = completeQueueDefinition(definition ?? defined.get(name));
    await retryRace(() =>
      running().createQueue(checkQueueName(name), {
        name,
        policy: 'short',
        retryLimit: full.retryLimit,
        retryDelay: full.retryDelaySeconds,
        retryBackoff: full.retryBackoff,
        expireInSeconds: full.leaseSeconds,
      }),
    );
    // create_queue does nothing for a queue that exists: a changed definition is applied here.
    await running().updateQueue(name, {
      name,
      policy: 'short',
      retryLimit: full.retryLimit,
      retryDelay: full.retryDelaySeconds,
      retryBackoff: full.retryBackoff,
      expireInSeconds: full.leaseSeconds,
    });
    defined.set(name, full);
    return full;
  }

  async function ensure(name: string): Promise<QueueDefinition> {
    return defined.get(name) ?? (await define(name));
  }

  return {
    kind: 'pg-boss',
    async start() {
      if (boss) return;
      const { default: PgBossClass } = await import('pg-boss');
      const instance = new PgBossClass({
        connectionString: options.connectionString,
        schema: options.schema ?? 'pgboss',
        application_name: 'hearback-jobs',
        max: 4,
      });
      instance.on('error', (error) =>
        report(error, { queue: (error as { queue?: string }).queue ?? '(pg-boss)' }),
      );
      await instance.start();
      boss = instance;
    },
    defineQueue: async (name, definition) => {
      await define(name, definition);
    },
    async enqueue(name, data, enqueueOptions = {}) {
      await ensure(name);
      const id = crypto.randomUUID();
      return running().send(
        name,
        { ...data },
        {
          id,
          singletonKey: enqueueOptions.singletonKey ?? `job:${id}`,
          ...(enqueueOptions.runAt && { startAfter: new Date(enqueueOptions.runAt) }),
        },
      );
    },
    async work<T extends JobData>(name: string, handler: JobHandler<T>) {
      const definition = await ensure(name);
      const boss = running();
      // pg-boss 10 completes a fetched batch as a whole when the handler resolves, but only jobs still
      // active: each failed job is failed (and so retried) here first, so one failure spares the others.
      await boss.work<T>(
        name,
        {
          batchSize: definition.concurrency,
          includeMetadata: true,
          pollingIntervalSeconds: options.pollIntervalSeconds ?? 1,
        },
        async (jobs) => {
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await handler({ id: job.id, queue: name, data: job.data, attempt: job.retryCount + 1 });
              } catch (error) {
                report(error, { queue: name, jobId: job.id });
                const message = error instanceof Error ? error.message : String(error);
                await boss.fail(name, job.id, { message });
              }
            }),
          );
        },
      );
    },
    async scheduleEvery(name, minutes, data = {}) {
      await ensure(name);
      const period = checkScheduleMinutes(minutes);
      const cron = period === 60 ? '0 * * * *' : `*/${period} * * * *`;
      await retryRace(() => running().schedule(name, cron, { ...data }, { tz: 'UTC' }));
    },
    async stop() {
      if (!boss) return;
      const instance = boss;
      boss = null;
      defined.clear();
      await instance.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

/**
 * Runs a statement that several processes may run at the same moment on start. pg-boss 10's create_queue
 * adds a partition table, and two processes creating the same queue at once can deadlock (or collide on
 * its unique name); the one PostgreSQL picks to fail tries again and finds the queue made.
 */
async function retryRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== '40P01' && code !== '23505') || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
