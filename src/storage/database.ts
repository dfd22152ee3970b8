import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqliteDatabase as KyselySqlite, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseTarget } from '../config.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export type OpenDatabase = {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  close(): Promise<void>;
};

/**
 * Opens the database named by the target. SQLite runs in WAL mode with synchronous=FULL, so an answered
 * write survives a crash or power cut; PostgreSQL and PGlite use the same Kysely builders and migrations.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  switch (target.kind) {
    case 'sqlite':
      return openSqlite(target.file);
    case 'postgres':
      return await openPostgres(target.url);
    case 'pglite':
      return openPglite();
  }
}

function openSqlite(file: string): OpenDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = openSqliteConnection(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (file !== ':memory:') sqliteFiles.set(db, file);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** One connection with the settings every hearback connection uses (also the writer thread's). */
export function openSqliteConnection(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

const sqliteFiles = new WeakMap<object, string>();

/**
 * The file behind a SQLite database opened here, so a writer thread can open a second connection to it;
 * null for PostgreSQL, an in-memory database (a second connection would see another database) and a
 * transaction (its uncommitted writes are invisible to a second connection).
 */
export function sqliteFileOf(db: object): string | null {
  return sqliteFiles.get(db) ?? null;
}

/** How many compiled statements a SQLite connection keeps; the app has far fewer query shapes than this. */
const defaultStatementCacheSize = 500;

/**
 * Kysely prepares every query afresh, and compiling SQL costs about as much as running a small query.
 * The same query shape always compiles to the same SQL text, so compiled statements are kept by their text
 * and reused (least recently used dropped first). Safe because the connection runs one query at a time
 * and nothing here streams results, which would hold a statement busy.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  statementCacheSize = defaultStatementCacheSize,
): KyselySqlite {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= statementCacheSize) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  // Loaded on demand: most installs never talk to PostgreSQL, and the CLI starts faster without it.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function openPglite(): Promise<OpenDatabase> {
  // Loaded on demand: PGlite is a test-time stand-in for a PostgreSQL server, not a product dependency.
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ]);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite()) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
