import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestRuntime,
  postgresFlavour,
  type TestDialect,
  type TestRuntime,
} from '../../test/support/test-runtime.js';
import { migrateToLatest, migrations } from './migrate.js';

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

    it('does nothing when run again', async () => {
      const report = await migrateToLatest(runtime.deps.db);
      expect(report.applied).toEqual([]);
      expect(report.current).toBe(Object.keys(migrations).at(-1));
    });
  });
}
