import type { Kysely, Transaction } from 'kysely';
import type { InboxPorts } from '../core/inbox-account.js';
import type {
  ApplicationsCsvWriter,
  CalendarWriter,
  Clock,
  CsvTableReader,
  DocumentReader,
  IdGenerator,
  InvitationReader,
  Mailer,
  PartOfSpeechTagger,
} from '../core/ports.js';
import type { PostingReader } from '../core/posting-extract.js';
import type { PostingProbe } from '../core/posting-watch.js';
import type { StatementSink } from '../storage/bulk-application-store.js';
import type { Database, Db } from '../storage/schema.js';
import { runWriteTransaction } from '../storage/write-transaction.js';

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
  /** Looks again at a watched posting (docs/posting-watch.md). */
  readonly postingProbe: PostingProbe;
  readonly documents: DocumentReader;
  readonly csvReader: CsvTableReader;
  readonly csvWriter: ApplicationsCsvWriter;
  readonly calendarWriter: CalendarWriter;
  readonly invitations: InvitationReader;
  /** For the tailoring check's noun phrases. */
  readonly tagger: PartOfSpeechTagger;
  /** The user's mailbox and the key its password is sealed with (docs/inbox.md); absent, the inbox is off. */
  readonly inbox?: InboxPorts | undefined;
};

export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString();
}

/**
 * Deps inside a transaction: `db` is the transaction. A use case hands this one object down to the storage
 * and to the services it calls, never a pair of handles that could name two different connections.
 */
export type TxDeps = Deps & { readonly db: Transaction<Database> };

function isInTransaction(deps: Deps): deps is TxDeps {
  return deps.db.isTransaction;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `deps.db` already is one, so use cases compose:
 * an import can create a hundred applications through the same services and still be all-or-nothing.
 * A user's transactions take turns, and each replaces the user's data version (storage/write-transaction.ts).
 */
export function inTransaction<T>(deps: Deps, work: (tx: TxDeps) => Promise<T>): Promise<T> {
  if (isInTransaction(deps)) return work(deps);
  return runWriteTransaction(deps.db, deps.userId, nextVersionOf(deps), (trx) => work({ ...deps, db: trx }));
}

/**
 * Runs a large write all-or-nothing, giving `work` a connection to read through and a sink for its bulk
 * statements: on a SQLite file, with `writerThread` set, a writer thread holds the transaction
 * (storage/write-transaction.ts); inside a caller's transaction, a sink on that transaction.
 */
export async function inBulkTransaction<T>(
  deps: Deps,
  options: { readonly writerThread: boolean },
  work: (db: Db, sink: StatementSink) => Promise<T>,
): Promise<T> {
  const bulk = await import('../storage/bulk-write-transaction.js');
  if (isInTransaction(deps)) return work(deps.db, bulk.statementSinkOf(deps.db));
  return bulk.runBulkWriteTransaction(deps.db, deps.userId, nextVersionOf(deps), options, work);
}

/** A write's new data version is a fresh id, drawn when the write is done. */
function nextVersionOf(deps: Deps): () => string {
  return () => deps.ids.next();
}
