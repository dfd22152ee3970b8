/**
 * The writer thread's side of `sqlite-writer-thread.ts`: one connection to the database file, one
 * transaction begun at start (`begin immediate`, so no other writer can slip in), statements run in the
 * order they arrive, then commit or rollback. After a failed statement it skips the rest and reports the
 * first error at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { openSqliteConnection } from './database.js';
import type { WriterReply, WriterRequest } from './sqlite-writer-thread.js';

const port = parentPort!;
const reply = (message: WriterReply) => port.postMessage(message);

let sqlite: SqliteDatabase.Database;
try {
  sqlite = openSqliteConnection((workerData as { file: string }).file);
  sqlite.exec('begin immediate');
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'failed', error: describeError(error) });
  process.exit(0);
}

// Bulk inserts come in a handful of fixed shapes (see bulk-application-store.ts), so this stays small.
const statements = new Map<string, SqliteDatabase.Statement>();
let failure: (WriterReply & { kind: 'failed' }) | null = null;

port.on('message', (request: WriterRequest) => {
  switch (request.kind) {
    case 'run':
      if (!failure) {
        try {
          let statement = statements.get(request.sql);
          if (!statement) {
            statement = sqlite.prepare(request.sql);
            statements.set(request.sql, statement);
          }
          statement.run(request.parameters);
        } catch (error) {
          failure = { kind: 'failed', error: describeError(error) };
        }
      }
      reply({ kind: 'ran' });
      return;
    case 'commit':
      if (failure) return finish('rollback', failure);
      try {
        sqlite.exec('commit');
        return finish(null, { kind: 'committed' });
      } catch (error) {
        return finish('rollback', { kind: 'failed', error: describeError(error) });
      }
    case 'rollback':
      return finish('rollback', { kind: 'rolled_back' });
  }
});

function finish(statement: 'rollback' | null, message: WriterReply): void {
  if (statement && sqlite.inTransaction) sqlite.exec(statement);
  sqlite.close();
  reply(message);
  port.close();
}

function describeError(error: unknown): { message: string; code: string | null } {
  const code = (error as { code?: unknown }).code;
  return { message: (error as Error).message ?? String(error), code: typeof code === 'string' ? code : null };
}
