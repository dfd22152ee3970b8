import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initial from './migrations/20261126-0100-initial.js';
import * as dataVersions from './migrations/20261126-0200-data-versions.js';
import * as followUpSettings from './migrations/20261126-0300-follow-up-settings.js';
import * as calendarDigestJobs from './migrations/20261126-0500-calendar-digest-jobs.js';
import * as tailoringChecks from './migrations/20261126-0600-tailoring-checks.js';
import * as postingWatches from './migrations/20261126-0700-posting-watches.js';
import * as companySizeIndustry from './migrations/20261206-1020-company-size-industry.js';
import * as settingsSetUp from './migrations/20261207-0900-settings-set-up.js';
import * as applicationStageChangedAt from './migrations/20261207-1510-application-stage-changed-at.js';
import type { Database } from './schema.js';

/**
 * Every migration, by name. Names sort in the order they run; a shipped migration is never edited,
 * a change is a new file added here.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '20261126-0100-initial': initial,
  '20261126-0200-data-versions': dataVersions,
  '20261126-0300-follow-up-settings': followUpSettings,
  '20261126-0500-calendar-digest-jobs': calendarDigestJobs,
  '20261126-0600-tailoring-checks': tailoringChecks,
  '20261126-0700-posting-watches': postingWatches,
  '20261206-1020-company-size-industry': companySizeIndustry,
  '20261207-0900-settings-set-up': settingsSetUp,
  '20261207-1510-application-stage-changed-at': applicationStageChangedAt,
};

export type MigrationReport = { readonly applied: string[]; readonly current: string | null };

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return {
    applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    current: done.at(-1)?.name ?? null,
  };
}
