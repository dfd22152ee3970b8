import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../database.js';
import { migrateToLatest, migrations } from '../migrate.js';

it('counts a user who existed before the first-run set-up as set up', async () => {
  const { db, close } = await openDatabase({ kind: 'sqlite', file: ':memory:' });
  try {
    const loaded = Object.fromEntries(
      await Promise.all(
        Object.entries(migrations).map(async ([name, load]) => [name, await load()] as const),
      ),
    );
    const migrator = new Migrator({ db, provider: { getMigrations: async () => loaded } });
    const { error } = await migrator.migrateTo('20261206-1020-company-size-industry');
    if (error) throw error;
    await db
      .insertInto('users')
      .values({ id: 'old', display_name: 'You', created_at: '2026-11-30T08:00:00.000Z' })
      .execute();
    await db
      .insertInto('settings')
      .values({
        user_id: 'old',
        time_zone: 'Europe/Berlin',
        working_days: '1,2,3,4,5',
        locale: 'de-DE',
        updated_at: '2026-12-01T09:00:00.000Z',
      })
      .execute();
    await migrateToLatest(db);
    const row = await db
      .selectFrom('settings')
      .select('set_up_at')
      .where('user_id', '=', 'old')
      .executeTakeFirst();
    expect(row?.set_up_at).toBe('2026-12-01T09:00:00.000Z');
  } finally {
    await close();
  }
});
