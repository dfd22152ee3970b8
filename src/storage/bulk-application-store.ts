import { CompiledQuery } from 'kysely';
import type { Application } from '../core/application.js';
import type { Company } from '../core/company.js';
import type { TimelineEvent } from '../core/event.js';
import type { FollowUp } from '../core/follow-up.js';
import { applicationRowOf, tagRowsOf } from './application-store.js';
import { companyRowOf } from './company-store.js';
import { eventRowOf } from './event-store.js';
import { followUpRowOf } from './follow-up-store.js';
import type { Database, Db } from './schema.js';
import { isPostgres } from './sql-helpers.js';

/** What the duplicate guard compares an incoming application with, for every application the user has. */
export type ApplicationKey = {
  readonly id: string;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly companyNameKey: string;
  readonly titleKey: string;
  readonly postingUrlKey: string | null;
};

/** One chunk of an import: new companies, their applications and the applications' stage history. */
export type ApplicationBatch = {
  readonly companies: readonly Company[];
  readonly applications: readonly Application[];
  readonly events: readonly TimelineEvent[];
  /** The follow-up steps planned for the new applications. */
  readonly followUps: readonly FollowUp[];
  /** Normalised posting URLs the caller already computed, by application id (saves doing it twice). */
  readonly postingUrlKeys?: ReadonlyMap<string, string>;
};

export async function listApplicationKeys(db: Db, userId: string): Promise<ApplicationKey[]> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .select([
      'applications.id',
      'applications.job_title',
      'applications.title_key',
      'applications.posting_url_key',
      'companies.name',
      'companies.name_key',
    ])
    .where('applications.user_id', '=', userId)
    .orderBy('applications.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    jobTitle: row.job_title,
    companyName: row.name,
    companyNameKey: row.name_key,
    titleKey: row.title_key,
    postingUrlKey: row.posting_url_key,
  }));
}

/**
 * Bound parameters per statement. SQLite allows 32,766 and PostgreSQL 65,535, but PGlite silently breaks
 * its connection above 32,767 (a signed 16-bit count), so every dialect stays below that.
 */
const maxParameters = 30_000;

/**
 * Where bulk statements go: straight to the database, or to a writer thread holding the transaction (see
 * `sqlite-writer-thread.ts`). Either way they run in the order given.
 */
export type StatementSink = {
  readonly dialect: 'sqlite' | 'postgres';
  run(sql: string, parameters: readonly unknown[]): Promise<void>;
};

/** A sink that runs each statement on `db` (inside its transaction, when it is one). */
export function statementSinkOf(db: Db): StatementSink {
  return {
    dialect: isPostgres(db) ? 'postgres' : 'sqlite',
    run: async (sql, parameters) => {
      await db.executeQuery(CompiledQuery.raw(sql, [...parameters]));
    },
  };
}

/**
 * Writes a batch with multi-row inserts: the same rows `insertCompany`, `insertApplication` and
 * `insertEvent` write one at a time, in a fraction of the statements. Call it inside a transaction.
 */
export async function insertApplicationsInBulk(
  sink: StatementSink,
  userId: string,
  batch: ApplicationBatch,
): Promise<void> {
  const keys = batch.postingUrlKeys;
  await insertRows(
    sink,
    'companies',
    batch.companies.map((company) => companyRowOf(company, userId)),
  );
  await insertRows(
    sink,
    'applications',
    batch.applications.map((a) => applicationRowOf(a, userId, keys?.get(a.id))),
  );
  await insertRows(
    sink,
    'application_tags',
    batch.applications.flatMap((a) => tagRowsOf(a, userId)),
  );
  await insertRows(
    sink,
    'events',
    batch.events.map((event) => eventRowOf(event, userId)),
  );
  await insertRows(
    sink,
    'follow_ups',
    batch.followUps.map((step) => followUpRowOf(step, userId)),
  );
}

/** Rows per statement on SQLite, where statements are compiled once and reused (see database.ts). */
const sqliteRowsPerStatement = 256;

/**
 * One `insert … values (…), (…)` per chunk, compiled by hand: building Kysely's query tree for thousands
 * of values costs more than the insert itself. Table and column names come from the typed row builders
 * below, never from input; every value is a bound parameter.
 */
async function insertRows<Table extends keyof Database>(
  sink: StatementSink,
  table: Table,
  rows: ReadonlyArray<Database[Table]>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as Array<keyof Database[Table]>;
  const head = `insert into "${table}" (${columns.map((c) => `"${String(c)}"`).join(', ')}) values `;
  const postgres = sink.dialect === 'postgres';
  const sqliteTuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  let start = 0;
  while (start < rows.length) {
    const size = postgres
      ? Math.min(perStatement, rows.length - start)
      : chunkSize(rows.length - start, Math.min(perStatement, sqliteRowsPerStatement));
    const chunk = rows.slice(start, start + size);
    start += size;
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column]);
    const tuples = postgres
      ? chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      : new Array<string>(chunk.length).fill(sqliteTuple);
    await sink.run(head + tuples.join(', '), parameters);
  }
}

/**
 * Full chunks, then the rest in powers of two (a remainder of 100 is 64 + 32 + 4): every statement then has
 * one of a handful of shapes, so the compiled-statement cache serves every batch of every import.
 */
function chunkSize(remaining: number, full: number): number {
  if (remaining >= full) return full;
  return 2 ** Math.floor(Math.log2(remaining));
}
