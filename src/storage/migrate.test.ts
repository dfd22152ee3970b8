import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIGRATION_TABLE, type Migration, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestRuntime,
  postgresFlavour,
  type TestDialect,
  type TestRuntime,
} from '../../test/support/test-runtime.js';
import { createApplication, moveApplication } from '../services/applications.js';
import { openDatabase } from './database.js';
import { migrateToLatest, migrations } from './migrate.js';
import { fillStageChangedAt } from './migrations/20261207-1510-application-stage-changed-at.js';

/**
 * The committed snapshot is the schema the migrations must produce on each dialect. When a new migration
 * changes the schema on purpose, regenerate it with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/storage/migrate.test.ts`
 * and review the diff.
 */
const snapshotFile = path.join(import.meta.dirname, 'migrations', 'schema-snapshot.json');

type Snapshot = Record<TestDialect, Record<string, string[]>>;

async function describeSchema(runtime: TestRuntime): Promise<Record<string, string[]>> {
  const tables = await runtime.deps.db.introspection.getTables();
  const schema: Record<string, string[]> = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (table.name.startsWith('kysely_')) continue;
    schema[table.name] = table.columns
      .map((c) => `${c.name} ${c.dataType.toLowerCase()}${c.isNullable ? '' : ' not null'}`)
      .sort();
  }
  return schema;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const label = dialect === 'sqlite' ? '[sqlite]' : `[postgres (${postgresFlavour()})]`;
  describe(`migrations ${label}`, () => {
    let runtime: TestRuntime;
    beforeAll(async () => {
      runtime = await openTestRuntime(dialect);
    });
    afterAll(async () => {
      await runtime.close();
    });

    it('migrates an empty database to the committed schema snapshot', async () => {
      const actual = await describeSchema(runtime);
      if (process.env.UPDATE_SCHEMA_SNAPSHOT) {
        const current: Partial<Snapshot> = fs.existsSync(snapshotFile)
          ? JSON.parse(fs.readFileSync(snapshotFile, 'utf8'))
          : {};
        fs.writeFileSync(snapshotFile, `${JSON.stringify({ ...current, [dialect]: actual }, null, 2)}\n`);
      }
      const snapshot: Snapshot = JSON.parse(fs.readFileSync(snapshotFile, 'utf8'));
      expect(actual).toEqual(snapshot[dialect]);
    });

    it('fills when each application reached its current stage from its stage history', async () => {
      const { deps } = runtime;
      const saved = await createApplication(deps, {
        companyName: 'Acme',
        jobTitle: 'Saved role',
        stage: 'saved',
        stageAt: '2026-02-12T12:00:00.000Z',
      });
      const moved = await createApplication(deps, { companyName: 'Acme', jobTitle: 'Moved role' });
      runtime.clock.set('2026-03-05T09:00:00.000Z');
      await moveApplication(deps, moved.id, { stage: 'screening' });
      await deps.db.updateTable('applications').set({ stage_changed_at: null }).execute();
      await fillStageChangedAt(deps.db);
      const rows = await deps.db
        .selectFrom('applications')
        .select(['id', 'stage_changed_at'])
        .where('id', 'in', [saved.id, moved.id])
        .execute();
      expect(Object.fromEntries(rows.map((r) => [r.id, r.stage_changed_at]))).toEqual({
        [saved.id]: '2026-02-12T12:00:00.000Z',
        [moved.id]: '2026-03-05T09:00:00.000Z',
      });
    });

    it('does nothing when run again', async () => {
      const report = await migrateToLatest(runtime.deps.db);
      expect(report.applied).toEqual([]);
      expect(report.current).toBe(Object.keys(migrations).at(-1));
    });

    it('refuses a database that has run a migration this version does not know', async () => {
      const newer = '29991231-2359-from-a-newer-version';
      const table = sql.table(DEFAULT_MIGRATION_TABLE);
      await sql`insert into ${table} (name, timestamp) values (${newer}, ${new Date().toISOString()})`.execute(
        runtime.deps.db,
      );
      try {
        await expect(migrateToLatest(runtime.deps.db)).rejects.toThrow(`migration ${newer} is missing`);
      } finally {
        await sql`delete from ${table} where name = ${newer}`.execute(runtime.deps.db);
      }
    });
  });
}

describe('migrations of a database one version behind [sqlite]', () => {
  it('applies the migration it has not run', async () => {
    const opened = await openDatabase({ kind: 'sqlite', file: ':memory:' });
    try {
      const names = Object.keys(migrations);
      const older = Object.fromEntries(
        await Promise.all(names.slice(0, -1).map(async (name) => [name, await migrations[name]!()] as const)),
      ) as Record<string, Migration>;
      const migrator = new Migrator({ db: opened.db, provider: { getMigrations: async () => older } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const report = await migrateToLatest(opened.db);
      expect(report).toEqual({ applied: [names.at(-1)], current: names.at(-1) });
      expect(await migrateToLatest(opened.db)).toEqual({ applied: [], current: names.at(-1) });
    } finally {
      await opened.close();
    }
  });
});
