import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A second connection to a SQLite file, on its own thread, holding one write transaction. A bulk import
 * hands it the statements it builds and goes on building the next ones while SQLite writes: on a large
 * file that overlaps most of the reading and planning with the writing. Statements run in the order given;
 * `commit` makes them all visible at once, `rollback` (or any failed statement) leaves nothing behind.
 */
export type SqliteWriterThread = {
  /** Queues a statement; waits only while `maxQueued` statements are still waiting to run. */
  run(sql: string, parameters: readonly unknown[]): Promise<void>;
  /** Commits everything queued; rejects with the first statement's error if one failed (nothing is kept). */
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

export type WriterRequest =
  | { readonly kind: 'run'; readonly sql: string; readonly parameters: readonly unknown[] }
  | { readonly kind: 'commit' }
  | { readonly kind: 'rollback' };

export type WriterReply =
  | { readonly kind: 'ready' | 'ran' | 'committed' | 'rolled_back' }
  | { readonly kind: 'failed'; readonly error: { readonly message: string; readonly code: string | null } };

/**
 * Statements in flight before `run` waits. An import batch is a few dozen statements; the writer must be
 * able to take a whole one while the next is built, or the two threads take turns instead of overlapping.
 * At most a few tens of megabytes wait.
 */
const maxQueued = 64;

const runsFromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const workerUrl = new URL(`./sqlite-writer-thread-worker.${runsFromSource ? 'ts' : 'js'}`, import.meta.url);

/**
 * The built thread is plain JavaScript. Run from TypeScript sources (tests, `npm run dev`), it is loaded
 * through tsx's require hook: Node 20 does not apply the ESM loader hooks of `--import tsx` to a worker.
 */
function spawnWriter(file: string): Worker {
  if (!runsFromSource) return new Worker(workerUrl, { workerData: { file } });
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const source = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(workerUrl))});`;
  return new Worker(source, { eval: true, workerData: { file } });
}

/**
 * Starts the thread and waits until its transaction has begun (`begin immediate`: from then on no other
 * connection can write until it commits or rolls back, so what the caller reads stays current).
 */
export async function startSqliteWriterThread(file: string): Promise<SqliteWriterThread> {
  const worker = spawnWriter(file);
  let queued = 0;
  let crashed: Error | null = null;
  let wakeSender: (() => void) | null = null;
  let awaitingReply: { resolve: (reply: WriterReply) => void; reject: (error: Error) => void } | null = null;

  const nextReply = () =>
    new Promise<WriterReply>((resolve, reject) => {
      if (crashed) reject(crashed);
      else awaitingReply = { resolve, reject };
    });
  const wake = () => {
    const sender = wakeSender;
    wakeSender = null;
    sender?.();
  };

  worker.on('message', (reply: WriterReply) => {
    if (reply.kind === 'ran') {
      queued--;
      if (queued < maxQueued) wake();
      return;
    }
    const waiting = awaitingReply;
    awaitingReply = null;
    waiting?.resolve(reply);
  });
  const fail = (error: Error) => {
    crashed ??= error;
    const waiting = awaitingReply;
    awaitingReply = null;
    waiting?.reject(crashed);
    wake();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database writer thread stopped (exit code ${code})`)));

  const started = await nextReply();
  if (started.kind === 'failed') throw writerError(started.error);

  const finish = async (request: WriterRequest & { kind: 'commit' | 'rollback' }) => {
    if (crashed) throw crashed;
    const done = nextReply();
    worker.postMessage(request);
    const reply = await done;
    if (reply.kind === 'failed') throw writerError(reply.error);
  };

  return {
    async run(sql, parameters) {
      if (crashed) throw crashed;
      worker.postMessage({ kind: 'run', sql, parameters } satisfies WriterRequest);
      queued++;
      while (queued >= maxQueued && !crashed) await new Promise<void>((resolve) => (wakeSender = resolve));
      if (crashed) throw crashed;
    },
    commit: () => finish({ kind: 'commit' }),
    rollback: async () => {
      try {
        await finish({ kind: 'rollback' });
      } catch {
        // A thread that already failed has rolled back; there is nothing more to undo.
      } finally {
        await worker.terminate();
      }
    },
  };
}

function writerError(error: { message: string; code: string | null }): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}
