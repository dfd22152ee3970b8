import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createServerDatabase,
  noServerDatabaseMessage,
  waitUntil,
} from '../../../test/support/job-queue-database.js';
import {
  openTestRuntime,
  postgresFlavour,
  type TestRuntime,
  testNow,
} from '../../../test/support/test-runtime.js';
import type { JobData, JobQueue, QueuedJob } from '../../core/job-queue.js';
import { fixedClock } from '../../core/ports.js';
import { startRuntime, ulidGenerator } from '../../runtime.js';
import { claimJobs, completeJob, listJobs } from '../../storage/jobs-store.js';
import { createPgBossJobQueue } from './pg-boss-job-queue.js';
import { createTableJobQueue, type TableJobQueue } from './table-job-queue.js';

const at = (seconds: number) => new Date(Date.parse(testNow) + seconds * 1000).toISOString();

for (const dialect of ['sqlite', 'postgres'] as const) {
  const label = dialect === 'sqlite' ? '[sqlite]' : `[postgres (${postgresFlavour()})]`;

  describe(`the jobs-table queue ${label}`, () => {
    let runtime: TestRuntime;
    const queues: TableJobQueue[] = [];

    function newQueue(workerId: string): TableJobQueue {
      const queue = createTableJobQueue({
        db: runtime.deps.db,
        clock: runtime.clock,
        ids: runtime.deps.ids,
        workerId,
        pollIntervalMs: 20,
      });
      queues.push(queue);
      return queue;
    }

    beforeAll(async () => {
      runtime = await openTestRuntime(dialect);
    });
    afterAll(async () => {
      await runtime.close();
    });
    beforeEach(async () => {
      for (const queue of queues.splice(0)) await queue.stop();
      runtime.clock.set(testNow);
      await runtime.deps.db.deleteFrom('jobs').execute();
    });

    it('runs an enqueued job once, with its data, and marks it done', async () => {
      const queue = newQueue('a');
      const seen: QueuedJob[] = [];
      await queue.work('greet', async (job) => {
        seen.push(job);
      });
      const id = await queue.enqueue('greet', { name: 'Dana', count: 2, ok: true, none: null });
      expect(await queue.pollOnce()).toBe(1);
      expect(await queue.pollOnce()).toBe(0);
      expect(seen).toEqual([
        { id, queue: 'greet', data: { name: 'Dana', count: 2, ok: true, none: null }, attempt: 1 },
      ]);
      expect((await listJobs(runtime.deps.db, 'greet')).map((j) => j.state)).toEqual(['done']);
    });

    it('keeps one waiting job per singleton key, and frees the key once the job starts', async () => {
      const queue = newQueue('a');
      const first = await queue.enqueue('digest', { user: 'u1' }, { singletonKey: 'u1' });
      expect(first).not.toBeNull();
      expect(await queue.enqueue('digest', { user: 'u1' }, { singletonKey: 'u1' })).toBeNull();
      expect(await queue.enqueue('digest', { user: 'u2' }, { singletonKey: 'u2' })).not.toBeNull();
      expect(await queue.enqueue('other', { user: 'u1' }, { singletonKey: 'u1' })).not.toBeNull();
      let release!: () => void;
      const started: string[] = [];
      await queue.work('digest', async (job) => {
        started.push(String(job.data.user));
        if (job.data.user === 'u1') await new Promise<void>((resolve) => (release = resolve));
      });
      await queue.defineQueue('digest', { concurrency: 1 });
      const polling = queue.pollOnce();
      await waitUntil(() => started.includes('u1'), 'the first job to start');
      // The u1 job is running, not waiting: the key is free for the next one.
      expect(await queue.enqueue('digest', { user: 'u1' }, { singletonKey: 'u1' })).not.toBeNull();
      release();
      await polling;
    });

    it('waits for runAt before running a job', async () => {
      const queue = newQueue('a');
      const ran: string[] = [];
      await queue.work('later', async (job) => {
        ran.push(job.id);
      });
      const id = await queue.enqueue('later', {}, { runAt: at(3600) });
      expect(await queue.pollOnce()).toBe(0);
      runtime.clock.set(at(3599));
      expect(await queue.pollOnce()).toBe(0);
      runtime.clock.set(at(3600));
      expect(await queue.pollOnce()).toBe(1);
      expect(ran).toEqual([id]);
    });

    it('retries a failing job with doubling delays, then gives up after the retry limit', async () => {
      const queue = newQueue('a');
      await queue.defineQueue('flaky', { retryLimit: 3, retryDelaySeconds: 10, retryBackoff: true });
      const attempts: number[] = [];
      await queue.work('flaky', async (job) => {
        attempts.push(job.attempt);
        throw new Error(`attempt ${job.attempt} failed`);
      });
      await queue.enqueue('flaky', {});
      await queue.pollOnce();
      const runAts: string[] = [];
      for (const wait of [10, 20, 40]) {
        const [job] = await listJobs(runtime.deps.db, 'flaky');
        expect(job?.state).toBe('retry');
        runAts.push(job?.run_at ?? '');
        runtime.clock.set(new Date(Date.parse(job?.run_at ?? '') - 1000).toISOString());
        expect(await queue.pollOnce()).toBe(0);
        runtime.clock.set(job?.run_at ?? '');
        expect(await queue.pollOnce()).toBe(1);
        expect(Date.parse(runAts.at(-1) ?? '') - Date.parse(at(0))).toBeGreaterThanOrEqual(wait * 1000);
      }
      expect(runAts).toEqual([at(10), at(30), at(70)]);
      expect(attempts).toEqual([1, 2, 3, 4]);
      const [job] = await listJobs(runtime.deps.db, 'flaky');
      expect(job).toMatchObject({ state: 'failed', attempts: 4, last_error: 'attempt 4 failed' });
    });

    it('succeeds on a retry and stays done', async () => {
      const queue = newQueue('a');
      await queue.defineQueue('once-flaky', { retryLimit: 2, retryDelaySeconds: 5, retryBackoff: false });
      let calls = 0;
      await queue.work('once-flaky', async () => {
        calls++;
        if (calls === 1) throw new Error('SMTP down');
      });
      await queue.enqueue('once-flaky', {});
      await queue.pollOnce();
      runtime.clock.set(at(5));
      await queue.pollOnce();
      runtime.clock.set(at(3600));
      await queue.pollOnce();
      expect(calls).toBe(2);
      expect((await listJobs(runtime.deps.db, 'once-flaky')).map((j) => j.state)).toEqual(['done']);
    });

    it('runs again a job whose worker died, after its lease, and ignores the dead worker finishing late', async () => {
      const queue = newQueue('alive');
      await queue.defineQueue('leased', { leaseSeconds: 60, retryLimit: 1 });
      const id = await queue.enqueue('leased', { n: 1 });
      const [taken] = await claimJobs(runtime.deps.db, {
        queue: 'leased',
        now: at(0),
        workerId: 'dead',
        limit: 1,
      });
      expect(taken?.id).toBe(id);
      const attempts: number[] = [];
      await queue.work('leased', async (job) => {
        attempts.push(job.attempt);
      });
      runtime.clock.set(at(59));
      expect(await queue.pollOnce()).toBe(0);
      runtime.clock.set(at(60));
      expect(await queue.pollOnce()).toBe(1);
      expect(attempts).toEqual([2]);
      expect(
        await completeJob(runtime.deps.db, { id: id ?? '', attempts: 1, workerId: 'dead', now: at(61) }),
      ).toBe(false);
      expect((await listJobs(runtime.deps.db, 'leased')).map((j) => [j.state, j.attempts])).toEqual([
        ['done', 2],
      ]);
    });

    it('gives two workers on one database 100 jobs and runs each exactly once', async () => {
      const a = newQueue('a');
      const b = newQueue('b');
      const runs = new Map<string, string[]>();
      for (const [queue, name] of [
        [a, 'a'],
        [b, 'b'],
      ] as const) {
        await queue.defineQueue('many', { concurrency: 4 });
        await queue.work('many', async (job) => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          runs.set(String(job.data.n), [...(runs.get(String(job.data.n)) ?? []), name]);
        });
      }
      for (let n = 0; n < 100; n++) await a.enqueue('many', { n });
      let ran = 1;
      while (ran > 0) ran = (await Promise.all([a.pollOnce(), b.pollOnce()])).reduce((x, y) => x + y, 0);
      expect(runs.size).toBe(100);
      expect([...runs.values()].filter((workers) => workers.length !== 1)).toEqual([]);
      expect(new Set([...runs.values()].flat()).size).toBe(2);
    });

    it('runs a schedule once per slot, however many processes enqueue it', async () => {
      const a = newQueue('a');
      const b = newQueue('b');
      const ran: string[] = [];
      for (const queue of [a, b]) {
        await queue.scheduleEvery('tick', 5, { what: 'scan' });
        await queue.work('tick', async (job) => {
          ran.push(`${job.data.what}@${runtime.clock.now().toISOString()}`);
        });
      }
      runtime.clock.set('2026-03-02T10:02:00.000Z');
      await Promise.all([a.pollOnce(), b.pollOnce()]);
      await Promise.all([a.pollOnce(), b.pollOnce()]);
      runtime.clock.set('2026-03-02T10:04:59.000Z');
      await Promise.all([a.pollOnce(), b.pollOnce()]);
      runtime.clock.set('2026-03-02T10:05:00.000Z');
      await Promise.all([a.pollOnce(), b.pollOnce()]);
      expect(ran).toEqual(['scan@2026-03-02T10:02:00.000Z', 'scan@2026-03-02T10:05:00.000Z']);
      await expect(a.scheduleEvery('tick', 7)).rejects.toThrow(/not 7/);
    });

    it('works in the background once started, and stop() waits for the running job', async () => {
      const queue = newQueue('a');
      let finished = false;
      await queue.work('background', async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      });
      await queue.start();
      await queue.enqueue('background', {});
      await waitUntil(
        async () => (await listJobs(runtime.deps.db, 'background'))[0]?.state === 'active',
        'the job to start',
      );
      await queue.stop();
      expect(finished).toBe(true);
      expect((await listJobs(runtime.deps.db, 'background')).map((j) => j.state)).toEqual(['done']);
    });
  });
}

describe('the jobs-table queue on a SQLite file [sqlite]', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-jobs-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a job across a restart, and two connections to the file never run it twice', async () => {
    const file = path.join(dir, 'hearback.db');
    const clock = fixedClock(testNow);
    const before = await startRuntime({ kind: 'sqlite', file }, { clock });
    const first = createTableJobQueue({ db: before.deps.db, clock, ids: ulidGenerator() });
    for (let n = 0; n < 40; n++) await first.enqueue('survivor', { n });
    await first.stop();
    await before.close();

    const [one, two] = await Promise.all([
      startRuntime({ kind: 'sqlite', file }, { clock }),
      startRuntime({ kind: 'sqlite', file }, { clock }),
    ]);
    try {
      const seen: number[] = [];
      const queues = [one, two].map((r, i) =>
        createTableJobQueue({
          db: r.deps.db,
          clock,
          ids: ulidGenerator(),
          workerId: `w${i}`,
          pollIntervalMs: 5,
        }),
      );
      for (const queue of queues) {
        await queue.defineQueue('survivor', { concurrency: 3 });
        await queue.work('survivor', async (job) => {
          seen.push(Number(job.data.n));
        });
        await queue.start();
      }
      await waitUntil(() => seen.length >= 40, '40 jobs to run');
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const queue of queues) await queue.stop();
      expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    } finally {
      await one.close();
      await two.close();
    }
  });
});

const server = Boolean(process.env.TEST_DATABASE_URL);
if (!server) console.warn(noServerDatabaseMessage);

describe.skipIf(!server)('the pg-boss queue [postgres (server)]', { timeout: 60_000 }, () => {
  let database: { url: string; drop(): Promise<void> };
  const queues: JobQueue[] = [];

  async function newQueue(): Promise<JobQueue> {
    const queue = createPgBossJobQueue({ connectionString: database.url, pollIntervalSeconds: 0.5 });
    await queue.start();
    queues.push(queue);
    return queue;
  }

  beforeAll(async () => {
    const created = await createServerDatabase('hearback_jobs');
    if (!created) throw new Error('TEST_DATABASE_URL is set but no database could be made');
    database = created;
  });
  afterAll(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await database?.drop();
  });

  it('runs an enqueued job with its data', async () => {
    const queue = await newQueue();
    const seen: JobData[] = [];
    await queue.work('pg-greet', async (job) => {
      seen.push(job.data);
    });
    await queue.enqueue('pg-greet', { name: 'Dana', n: 1 });
    await waitUntil(() => seen.length === 1, 'the job to run');
    expect(seen).toEqual([{ name: 'Dana', n: 1 }]);
  });

  it('keeps one waiting job per singleton key, and none for keyless jobs', async () => {
    const queue = await newQueue();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(await queue.enqueue('pg-single', { u: 1 }, { singletonKey: 'u1', runAt: later })).not.toBeNull();
    expect(await queue.enqueue('pg-single', { u: 1 }, { singletonKey: 'u1', runAt: later })).toBeNull();
    expect(await queue.enqueue('pg-single', { u: 2 }, { singletonKey: 'u2', runAt: later })).not.toBeNull();
    expect(await queue.enqueue('pg-single', { u: 3 }, { runAt: later })).not.toBeNull();
    expect(await queue.enqueue('pg-single', { u: 3 }, { runAt: later })).not.toBeNull();
  });

  it('retries a failing job until it succeeds', async () => {
    const queue = await newQueue();
    await queue.defineQueue('pg-flaky', { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false });
    const attempts: number[] = [];
    await queue.work('pg-flaky', async (job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('SMTP down');
    });
    await queue.enqueue('pg-flaky', {});
    await waitUntil(() => attempts.length === 3, 'three attempts');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('retries only the failed job of a batch', async () => {
    const queue = await newQueue();
    await queue.defineQueue('pg-batch', {
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: false,
      concurrency: 5,
    });
    const attempts = new Map<number, number[]>();
    await queue.work('pg-batch', async (job) => {
      const n = Number(job.data.n);
      attempts.set(n, [...(attempts.get(n) ?? []), job.attempt]);
      if (n === 2 && job.attempt === 1) throw new Error('only this one fails');
    });
    for (let n = 0; n < 5; n++) await queue.enqueue('pg-batch', { n });
    await waitUntil(() => (attempts.get(2) ?? []).length === 2 && attempts.size === 5, 'the retry of job 2');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...attempts.entries()].sort(([a], [b]) => a - b)).toEqual([
      [0, [1]],
      [1, [1]],
      [2, [1, 2]],
      [3, [1]],
      [4, [1]],
    ]);
  });

  it('lets several processes define the same queues at the same moment', async () => {
    const [a, b, c] = await Promise.all([newQueue(), newQueue(), newQueue()]);
    for (const name of ['pg-race-1', 'pg-race-2', 'pg-race-3']) {
      await Promise.all([a, b, c].map((queue) => queue?.defineQueue(name, { retryLimit: 1 })));
      await Promise.all([a, b, c].map((queue) => queue?.scheduleEvery(name, 5)));
    }
    const seen: JobData[] = [];
    await a?.work('pg-race-3', async (job) => {
      seen.push(job.data);
    });
    await b?.enqueue('pg-race-3', { ok: true });
    await waitUntil(() => seen.length === 1, 'the job on the raced queue');
  });

  it('keeps a job across a restart', async () => {
    const first = await newQueue();
    await first.enqueue('pg-survivor', { n: 7 });
    await first.stop();
    const second = await newQueue();
    const seen: JobData[] = [];
    await second.work('pg-survivor', async (job) => {
      seen.push(job.data);
    });
    await waitUntil(() => seen.length === 1, 'the job to run after the restart');
    expect(seen).toEqual([{ n: 7 }]);
  });

  it('gives two instances 60 jobs and runs each exactly once', async () => {
    const a = await newQueue();
    const b = await newQueue();
    const runs = new Map<number, number>();
    for (const queue of [a, b]) {
      await queue.defineQueue('pg-many', { concurrency: 3 });
      await queue.work('pg-many', async (job) => {
        runs.set(Number(job.data.n), (runs.get(Number(job.data.n)) ?? 0) + 1);
      });
    }
    for (let n = 0; n < 60; n++) await a.enqueue('pg-many', { n });
    await waitUntil(() => runs.size === 60, 'all 60 jobs to run');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });
});
