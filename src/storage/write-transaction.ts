import type { Kysely, Transaction } from 'kysely';
import { bumpDataVersion } from './data-version-store.js';
import type { Database } from './schema.js';
import { lockUserWrites } from './sql-helpers.js';

/**
 * One write transaction of a user: it waits for the user's other writes (`lockUserWrites`) before reading
 * anything, and replaces the user's data version with `nextVersion()` when `work` is done, so caches know
 * their answers are old. Opened only by the transaction helpers in services/deps.ts.
 */
export function runWriteTransaction<T>(
  db: Kysely<Database>,
  userId: string,
  nextVersion: () => string,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockUserWrites(trx, userId);
    const result = await work(trx);
    await bumpDataVersion(trx, userId, nextVersion());
    return result;
  });
}
