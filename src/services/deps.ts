import type { Kysely, Transaction } from 'kysely';
import type { ApplicationsCsvWriter, Clock, DocumentReader, IdGenerator, Mailer } from '../core/ports.js';
import type { PostingReader } from '../core/posting-extract.js';
import type { PostingProbe } from '../core/posting-watch.js';
import type { StatementSink } from '../storage/bulk-application-store.js';
import { bumpDataVersion, dataVersionBump } from '../storage/data-version-store.js';
import { sqliteFileOf } from '../storage/database.js';
import type { Database, Db } from '../storage/schema.js';
import { lockUserWrites } from '../storage/sql-helpers.js';

/**
 * What every use case needs. `userId` is the one place queries are scoped by: local mode passes the
 * single local user; server mode will pass the signed-in user.
 */
export type Deps = {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly userId: string;
  readonly mailer: Mailer;
  readonly postings: PostingReader;
  /** Looks again at a watched posting (docs/posting-watch.md). */
  readonly postingProbe: PostingProbe;
  readonly documents: DocumentReader;
  readonly csvWriter: ApplicationsCsvWriter;
};

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString();
}

/**
 * Deps inside a transaction: `db` is the transaction. A use case hands this one object down to the storage
 * and to the services it calls, never a pair of handles that could name two different connections.
 */
export type TxDeps = Deps & { readonly db: Transaction<Database> };

function isInTransaction(deps: Deps): deps is TxDeps {
  return deps.db.isTransaction;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `deps.db` already is one, so use cases compose:
 * an import can create a hundred applications through the same services and still be all-or-nothing.
 * A user's transactions take turns (`lockUserWrites`), so a write never plans from a view another is changing.
 */
export function inTransaction<T>(deps: Deps, work: (tx: TxDeps) => Promise<T>): Promise<T> {
  if (isInTransaction(deps)) return work(deps);
  return deps.db.transaction().execute(async (trx) => {
    await lockUserWrites(trx, deps.userId);
    const result = await work({ ...deps, db: trx });
    // Every use case that opens a transaction writes; the new version tells caches their answers are old.
    await bumpDataVersion(trx, deps.userId, deps.ids.next());
    return result;
  });
}

/**
 * Runs a large write all-or-nothing, giving `work` a connection to read through and a sink for its bulk
 * statements. On a SQLite file, with `writerThread` set, the statements run on a writer thread holding the
 * transaction (see sqlite-writer-thread.ts) while this thread reads and builds the next ones; meanwhile no
 * other query of this process uses the connection `work` gets. Anywhere else (PostgreSQL, an in-memory
 * database, inside a caller's transaction) this is `inTransaction`, with a sink on that transaction.
 */
export async function inBulkTransaction<T>(
  deps: Deps,
  options: { readonly writerThread: boolean },
  work: (db: Db, sink: StatementSink) => Promise<T>,
): Promise<T> {
  // Loaded here, by the bulk writes that use them: every other command starts without the row mappers of
  // every table and without worker threads (issue 12, item 11).
  const file = options.writerThread ? sqliteFileOf(deps.db) : null;
  if (!file) {
    const { statementSinkOf } = await import('../storage/bulk-application-store.js');
    return inTransaction(deps, (tx) => work(tx.db, statementSinkOf(tx.db)));
  }
  const { startSqliteWriterThread } = await import('../storage/sqlite-writer-thread.js');
  return deps.db.connection().execute(async (connection) => {
    const writer = await startSqliteWriterThread(file);
    try {
      const result = await work(connection, { dialect: 'sqlite', run: writer.run });
      const bump = dataVersionBump(connection, deps.userId, deps.ids.next());
      await writer.run(bump.sql, bump.parameters);
      await writer.commit();
      return result;
    } catch (error) {
      await writer.rollback();
      throw error;
    }
  });
}
