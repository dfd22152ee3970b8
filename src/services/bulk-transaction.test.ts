import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openSqliteFileTestRuntime,
  openTestRuntime,
  type TestRuntime,
  testNow,
} from '../../test/support/test-runtime.js';
import { getDataVersion } from '../storage/data-version-store.js';
import { inBulkTransaction } from './deps.js';

const insertCompany =
  'insert into companies (id, user_id, name, name_key, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)';
const row = (id: string, userId: string) => [
  id,
  userId,
  `Company ${id}`,
  `company ${id}`,
  '',
  testNow,
  testNow,
];

describe('inBulkTransaction', () => {
  let onFile: TestRuntime;
  let inMemory: TestRuntime;
  const companyCount = async (runtime: TestRuntime) =>
    (await runtime.deps.db.selectFrom('companies').select('id').execute()).length;

  beforeEach(async () => {
    onFile = await openSqliteFileTestRuntime();
    inMemory = await openTestRuntime('sqlite');
  });

  afterEach(async () => {
    await onFile.close();
    await inMemory.close();
  });

  it('on a SQLite file, writes through the writer thread and reads through a plain connection', async () => {
    const { deps } = onFile;
    const before = await getDataVersion(deps.db, deps.userId);
    const seenInside = await inBulkTransaction(deps, { writerThread: true }, async (db, sink) => {
      // Not a transaction of this connection: the writes belong to the thread's, invisible here until it commits.
      expect(db.isTransaction).toBe(false);
      await sink.run(insertCompany, row('c1', deps.userId));
      await sink.run(insertCompany, row('c2', deps.userId));
      return (await db.selectFrom('companies').select('id').execute()).length;
    });
    expect(seenInside).toBe(0);
    expect(await companyCount(onFile)).toBe(2);
    expect(await getDataVersion(deps.db, deps.userId)).not.toBe(before);
  });

  it('keeps nothing and the data version when the work fails', async () => {
    const { deps } = onFile;
    const before = await getDataVersion(deps.db, deps.userId);
    await expect(
      inBulkTransaction(deps, { writerThread: true }, async (_db, sink) => {
        await sink.run(insertCompany, row('c1', deps.userId));
        throw new Error('a later row failed');
      }),
    ).rejects.toThrow('a later row failed');
    expect(await companyCount(onFile)).toBe(0);
    expect(await getDataVersion(deps.db, deps.userId)).toBe(before);
  });

  it('fails with the statement’s error and keeps nothing when a write is refused', async () => {
    const { deps } = onFile;
    await expect(
      inBulkTransaction(deps, { writerThread: true }, async (_db, sink) => {
        await sink.run(insertCompany, row('c1', deps.userId));
        await sink.run(insertCompany, row('c2', 'no-such-user'));
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(await companyCount(onFile)).toBe(0);
  });

  it('is an ordinary transaction on an in-memory database or without the writer thread', async () => {
    for (const [runtime, writerThread] of [
      [inMemory, true],
      [onFile, false],
    ] as const) {
      const { deps } = runtime;
      await inBulkTransaction(deps, { writerThread }, async (db, sink) => {
        expect(db.isTransaction).toBe(true);
        await sink.run(insertCompany, row('c1', deps.userId));
        expect((await db.selectFrom('companies').select('id').execute()).length).toBe(1);
      });
      expect(await companyCount(runtime)).toBe(1);
    }
  });
});
