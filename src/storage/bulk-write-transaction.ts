import type { Kysely } from 'kysely';
import { type StatementSink, statementSinkOf } from './bulk-application-store.js';
import { dataVersionBump } from './data-version-store.js';
import { sqliteFileOf } from './database.js';
import type { Database, Db } from './schema.js';
import { startSqliteWriterThread } from './sqlite-writer-thread.js';
import { runWriteTransaction } from './write-transaction.js';

/**
 * Kept apart from write-transaction.ts and loaded only by the bulk writes (services/deps.ts), so commands
 * that write one record start without every table's row mappers and the writer thread (issue 12, item 11).
 */
export { statementSinkOf };

/**
 * A large write transaction: `work` gets a connection to read through and a sink for its bulk statements.
 * On a SQLite file, with `writerThread` set, the statements run on a writer thread holding the transaction
 * (see sqlite-writer-thread.ts) while this thread reads and builds the next ones; meanwhile no other query
 * of this process uses the connection `work` gets. Anywhere else (PostgreSQL, an in-memory database) it is
 * `runWriteTransaction`, with a sink on that transaction.
 */
export async function runBulkWriteTransaction<T>(
  db: Kysely<Database>,
  userId: string,
  nextVersion: () => string,
  options: { readonly writerThread: boolean },
  work: (db: Db, sink: StatementSink) => Promise<T>,
): Promise<T> {
  const file = options.writerThread ? sqliteFileOf(db) : null;
  if (!file) return runWriteTransaction(db, userId, nextVersion, (trx) => work(trx, statementSinkOf(trx)));
  return db.connection().execute(async (connection) => {
    const writer = await startSqliteWriterThread(file);
    try {
      const result = await work(connection, { dialect: 'sqlite', run: writer.run });
      const bump = dataVersionBump(connection, userId, nextVersion());
      await writer.run(bump.sql, bump.parameters);
      await writer.commit();
      return result;
    } catch (error) {
      await writer.rollback();
      throw error;
    }
  });
}
