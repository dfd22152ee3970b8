import { DEFAULT_MIGRATION_TABLE, type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Database } from './schema.js';
import { isPostgres } from './sql-helpers.js';

/**
 * Every migration, by name, loaded when the migrator runs. Names sort in the order they run; a shipped
 * migration is never edited, a change is a new file added here.
 */
export const migrations: Readonly<Record<string, () => Promise<Migration>>> = {
  '20261126-0100-initial': () => import('./migrations/20261126-0100-initial.js'),
  '20261126-0200-data-versions': () => import('./migrations/20261126-0200-data-versions.js'),
  '20261126-0300-follow-up-settings': () => import('./migrations/20261126-0300-follow-up-settings.js'),
  '20261126-0500-calendar-digest-jobs': () => import('./migrations/20261126-0500-calendar-digest-jobs.js'),
  '20261126-0600-tailoring-checks': () => import('./migrations/20261126-0600-tailoring-checks.js'),
  '20261126-0700-posting-watches': () => import('./migrations/20261126-0700-posting-watches.js'),
  '20261206-1020-company-size-industry': () => import('./migrations/20261206-1020-company-size-industry.js'),
  '20261207-0900-settings-set-up': () => import('./migrations/20261207-0900-settings-set-up.js'),
  '20261207-1510-application-stage-changed-at': () =>
    import('./migrations/20261207-1510-application-stage-changed-at.js'),
  '20261208-0100-response-links': () => import('./migrations/20261208-0100-response-links.js'),
  '20261208-1600-accounts': () => import('./migrations/20261208-1600-accounts.js'),
  '20261208-1610-roles-shares': () => import('./migrations/20261208-1610-roles-shares.js'),
  '20261208-1730-browser-extension': () => import('./migrations/20261208-1730-browser-extension.js'),
  '20261208-1745-inbox': () => import('./migrations/20261208-1745-inbox.js'),
  '20261208-2130-retrospectives': () => import('./migrations/20261208-2130-retrospectives.js'),
  '20261215-0310-invitations': () => import('./migrations/20261215-0310-invitations.js'),
  '20261215-1119-weekly-goal': () => import('./migrations/20261215-1119-weekly-goal.js'),
};

export type MigrationReport = { readonly applied: string[]; readonly current: string | null };

/**
 * Brings the database to the latest schema. A database that has already run every migration, in order,
 * is told so by one query, without loading the migrations or taking the migrator's lock: that is every
 * start but the first after an upgrade, and every CLI command pays for it (issue 12, item 11). Anything
 * else (no migration table yet, migrations pending, a list that differs) goes to Kysely's migrator, which
 * applies what is pending under its lock, or refuses a database whose history does not match.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const names = Object.keys(migrations).sort();
  const executed = await executedMigrationNames(db);
  if (executed && executed.length === names.length && executed.every((name, i) => name === names[i]))
    return { applied: [], current: names.at(-1) ?? null };
  const loaded = Object.fromEntries(
    await Promise.all(Object.entries(migrations).map(async ([name, load]) => [name, await load()] as const)),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => loaded } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return {
    applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    current: done.at(-1)?.name ?? null,
  };
}

/**
 * The migrations the database has run, in the order Kysely's migrator reads them (by time, then name), or
 * null when it cannot tell (no migration table yet): the migrator then decides. PostgreSQL is asked first
 * whether the table exists, so that a fresh database does not log a "relation does not exist" error on its
 * first start; SQLite logs nothing and keeps its single query.
 */
async function executedMigrationNames(db: Kysely<Database>): Promise<string[] | null> {
  try {
    if (isPostgres(db)) {
      const { rows } = await sql<{
        present: boolean;
      }>`select to_regclass(${DEFAULT_MIGRATION_TABLE}) is not null as present`.execute(db);
      if (!rows[0]?.present) return null;
    }
    const { rows } = await sql<{ name: string; timestamp: string }>`select name, timestamp from ${sql.table(
      DEFAULT_MIGRATION_TABLE,
    )}`.execute(db);
    return rows
      .sort((a, b) =>
        a.timestamp === b.timestamp
          ? a.name.localeCompare(b.name)
          : new Date(a.timestamp).getTime() - new Date(b.timestamp).getTime(),
      )
      .map((row) => row.name);
  } catch {
    return null;
  }
}
