import { PostgresAdapter, sql } from 'kysely';
import { clampInstant, clampLocalDate } from '../core/date-window.js';
import { AppError } from '../core/errors.js';
import type { Db } from './schema.js';

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Serialises, per user and until the transaction ends, the writes that look a row up by what it is (a
 * company's name, a contact's email, an application's posting URL or title, an interview's start) and insert
 * it when missing. On PostgreSQL two such transactions would otherwise both miss and both insert (a
 * duplicate, or a unique-key error); it is a transaction-level advisory lock, so a crash cannot leave it
 * held. SQLite needs none: a connection runs one transaction at a time, and another process's write
 * transaction waits for the file lock or fails busy, never interleaves.
 */
export async function lockNaturalKeys(db: Db, userId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select pg_advisory_xact_lock(hashtext('hearback natural keys'), hashtext(${userId}))`.execute(db);
}

/**
 * Makes the user's write transactions take turns, as SQLite's do: on PostgreSQL, held until the transaction
 * ends. Taken first thing, before any read, so every statement after it sees what the previous write
 * committed: two writes re-planning one application's follow-ups would otherwise both find a step missing
 * and both insert it, or plan from a history the other has changed. A user's writes are few, and another
 * user's never wait. Taken by the transaction helper only; anything else taking locks takes them after it.
 */
export async function lockUserWrites(db: Db, userId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select pg_advisory_xact_lock(hashtext('hearback writes'), hashtext(${userId}))`.execute(db);
}

/** `%needle%` for LIKE, with the wildcard characters in the needle escaped by `\`. */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function likeEscaped(column: string, needle: string) {
  return sql<boolean>`${sql.ref(column)} like ${containsPattern(needle)} escape '\\'`;
}

/** Text ordering that is the same on both dialects: PostgreSQL's locale collation would differ from SQLite's. */
export function binaryText(db: Db, column: string) {
  return isPostgres(db) ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Throws the not-found error when a row is missing, so callers read as the happy path. */
export function found<T>(row: T | undefined, code: AppError['code'], what: string, id: string): T {
  if (row === undefined) throw new AppError(code, `No ${what} with id ${id}`, { id });
  return row;
}

export function asCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}

/**
 * Instants and dates as read back. Inputs are held to the date window, but an older version stored what it
 * was given (a year 9999, say); such a row reads as the window's nearest edge, so Today, exports and backups
 * keep working on it (docs/api.md, "Dates").
 */
export function storedInstant(value: string): string {
  return clampInstant(value);
}

export function storedInstantOrNull(value: string | null): string | null {
  return value === null ? null : clampInstant(value);
}

export function storedLocalDateOrNull(value: string | null): string | null {
  return value === null ? null : clampLocalDate(value);
}

/**
 * The names of every column of a table, for queries that must list them (a JSON subquery cannot select
 * `*` on SQLite); writing them as a record lets the compiler check that none is missing or misspelled.
 */
export function allColumns<Row>(
  columns: { readonly [Column in keyof Row]-?: true },
): Array<keyof Row & string> {
  return Object.keys(columns) as Array<keyof Row & string>;
}
