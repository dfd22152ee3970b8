import type { Kysely, Transaction } from 'kysely';
import type { Clock, DocumentReader, IdGenerator, Mailer } from '../core/ports.js';
import type { PostingReader } from '../core/posting-extract.js';
import { bumpDataVersion } from '../storage/data-version-store.js';
import type { Database } from '../storage/schema.js';

/**
 * What every use case needs. `userId` is the one place queries are scoped by: local mode passes the
 * single local user; server mode will pass the signed-in user.
 */
export type Deps = {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly userId: string;
  readonly mailer: Mailer;
  readonly postings: PostingReader;
  readonly documents: DocumentReader;
};

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString();
}

/**
 * Runs `work` in a transaction, or inside the caller's when `deps.db` already is one, so use cases compose:
 * an import can create a hundred applications through the same services and still be all-or-nothing.
 */
export function inTransaction<T>(deps: Deps, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (deps.db.isTransaction) return work(deps.db as Transaction<Database>);
  return deps.db.transaction().execute(async (trx) => {
    const result = await work(trx);
    // Every use case that opens a transaction writes; the new version tells caches their answers are old.
    await bumpDataVersion(trx, deps.userId, deps.ids.next());
    return result;
  });
}
