import { getAuthTables } from 'better-auth/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, postgresFlavour, type TestRuntime } from '../../../test/support/test-runtime.js';
import { accountTables } from './better-auth-accounts.js';

describe(`better-auth's tables [postgres (${postgresFlavour()})]`, () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await openTestRuntime('postgres');
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('are what better-auth asks for under our names: every column, and not null where it requires a value', async () => {
    const wanted = getAuthTables({
      ...accountTables,
      rateLimit: { ...accountTables.rateLimit, enabled: true, storage: 'database' },
    });
    const tables = await runtime.deps.db.introspection.getTables();
    // Columns hearback adds for itself, with a default, which better-auth never writes (20261208-1610).
    const ourOwnColumns: Record<string, string[]> = { auth_users: ['role not null'] };
    const expected: Record<string, string[]> = {};
    const actual: Record<string, string[]> = {};
    for (const model of Object.values(wanted)) {
      expected[model.modelName] = [
        'id not null',
        ...Object.entries(model.fields).map(
          ([name, field]) => `${field.fieldName ?? name}${field.required === false ? '' : ' not null'}`,
        ),
      ].sort();
      const table = tables.find((t) => t.name === model.modelName);
      actual[model.modelName] = (table?.columns ?? [])
        .map((c) => `${c.name}${c.isNullable ? '' : ' not null'}`)
        .filter((column) => !(ourOwnColumns[model.modelName] ?? []).includes(column))
        .sort();
    }
    expect(Object.keys(expected).sort()).toEqual([
      'auth_accounts',
      'auth_rate_limits',
      'auth_sessions',
      'auth_users',
      'auth_verifications',
    ]);
    expect(actual).toEqual(expected);
  });
});
