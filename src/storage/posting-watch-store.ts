import type {
  AtsTarget,
  ContentSource,
  PostingWatch,
  WatchAtsVendor,
  WatchState,
} from '../core/posting-watch.js';
import type { Db, PostingWatchesTable } from './schema.js';
import { storedInstant, storedInstantOrNull, storedLocalDateOrNull } from './sql-helpers.js';

/**
 * The SQL of the posting watch. Every write after the insert is a compare-and-set on `revision`, so a check
 * that raced another check (or a re-sync of the URL) changes nothing and records nothing.
 */
export async function findPostingWatch(
  db: Db,
  userId: string,
  applicationId: string,
): Promise<PostingWatch | undefined> {
  const row = await db
    .selectFrom('posting_watches')
    .selectAll()
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row && toWatch(row);
}

/** Inserts the watch unless the application has one already (another check made it first); true when inserted. */
export async function insertPostingWatch(
  db: Db,
  userId: string,
  watch: PostingWatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('posting_watches')
    .values({ ...toRow(watch), user_id: userId, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes `watch` over the row if the row is still at `expectedRevision`; false when it moved on. */
export async function replacePostingWatch(
  db: Db,
  userId: string,
  watch: PostingWatch,
  expectedRevision: number,
  now: string,
): Promise<boolean> {
  const { application_id, ...fields } = toRow(watch);
  const result = await db
    .updateTable('posting_watches')
    .set({ ...fields, updated_at: now })
    .where('user_id', '=', userId)
    .where('application_id', '=', application_id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes a watch for one check: bumps its revision and moves its next check to `leaseUntil`, so a check
 * that dies half-way is simply due again later. False when another check took it first.
 */
export async function claimPostingWatch(
  db: Db,
  applicationId: string,
  revision: number,
  leaseUntil: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('posting_watches')
    .set({ revision: revision + 1, next_check_at: leaseUntil, updated_at: now })
    .where('application_id', '=', applicationId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type DueWatch = { readonly userId: string; readonly watch: PostingWatch };

/**
 * Watches due at `now`, soonest first: only for users who keep the watch on, and only for applications
 * that have not ended.
 */
export async function listDuePostingWatches(db: Db, now: string, limit: number): Promise<DueWatch[]> {
  const rows = await db
    .selectFrom('posting_watches as w')
    .innerJoin('applications as a', 'a.id', 'w.application_id')
    .innerJoin('settings as s', 's.user_id', 'w.user_id')
    .selectAll('w')
    .where('s.posting_watch_enabled', '=', 1)
    .where('a.stage', '!=', 'ended')
    .where('w.next_check_at', '<=', now)
    .orderBy('w.next_check_at')
    .orderBy('w.application_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ userId: row.user_id, watch: toWatch(row) }));
}

export type WatchSyncCandidate = {
  readonly userId: string;
  readonly applicationId: string;
  readonly postingUrl: string;
  readonly jobTitle: string;
  /** The watch's revision when the row exists with another URL; null when there is no row yet. */
  readonly revision: number | null;
};

/**
 * Applications of users who keep the watch on whose posting URL has no watch yet, or a watch of an older URL.
 * Ended applications are left alone: nothing is checked for them.
 */
export async function listUnsyncedApplications(db: Db, limit: number): Promise<WatchSyncCandidate[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('settings as s', 's.user_id', 'a.user_id')
    .leftJoin('posting_watches as w', 'w.application_id', 'a.id')
    .select(['a.user_id', 'a.id', 'a.posting_url', 'a.job_title', 'w.revision'])
    .where('s.posting_watch_enabled', '=', 1)
    .where('a.stage', '!=', 'ended')
    .where('a.posting_url', 'is not', null)
    .where((eb) => eb.or([eb('w.application_id', 'is', null), eb('w.url', '!=', eb.ref('a.posting_url'))]))
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    applicationId: row.id,
    postingUrl: row.posting_url as string,
    jobTitle: row.job_title,
    revision: row.revision === null ? null : Number(row.revision),
  }));
}

/** Drops the watches of applications whose posting URL was removed. */
export async function deleteWatchesWithoutUrl(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('posting_watches')
    .where('application_id', 'in', (eb) =>
      eb.selectFrom('applications').select('id').where('posting_url', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deletePostingWatch(db: Db, userId: string, applicationId: string): Promise<void> {
  await db
    .deleteFrom('posting_watches')
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .execute();
}

/**
 * A host that asked hearback to slow down (429) is left alone until `until`, for every posting on it,
 * whoever's. The revision is bumped like any write, so a check already under way on one of them is dropped.
 */
export async function postponeHost(db: Db, host: string, until: string, now: string): Promise<number> {
  const result = await db
    .updateTable('posting_watches')
    .set((eb) => ({ next_check_at: until, revision: eb('revision', '+', 1), updated_at: now }))
    .where('host', '=', host)
    .where('next_check_at', '<', until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toRow(watch: PostingWatch): Omit<PostingWatchesTable, 'user_id' | 'created_at' | 'updated_at'> {
  return {
    application_id: watch.applicationId,
    url: watch.url,
    host: watch.host,
    ats_vendor: watch.ats?.vendor ?? null,
    ats_board: watch.ats?.board ?? null,
    ats_job_id: watch.ats?.jobId ?? null,
    ats_region: watch.ats?.region ?? null,
    state: watch.state,
    etag: watch.etag,
    last_modified: watch.lastModified,
    content_hash: watch.contentHash,
    title: watch.title,
    valid_through: watch.validThrough,
    content_source: watch.contentSource,
    next_check_at: watch.nextCheckAt,
    failures: watch.failures,
    last_error_code: watch.lastError?.code ?? null,
    last_error: watch.lastError?.message ?? null,
    last_checked_at: watch.lastCheckedAt,
    revision: watch.revision,
  };
}

function toWatch(row: PostingWatchesTable): PostingWatch {
  const ats: AtsTarget | null =
    row.ats_vendor !== null && row.ats_board !== null && row.ats_job_id !== null
      ? {
          vendor: row.ats_vendor as WatchAtsVendor,
          board: row.ats_board,
          jobId: row.ats_job_id,
          region: row.ats_region === 'eu' ? 'eu' : 'global',
        }
      : null;
  return {
    applicationId: row.application_id,
    url: row.url,
    ats,
    host: row.host,
    state: row.state as WatchState,
    etag: row.etag,
    lastModified: row.last_modified,
    contentHash: row.content_hash,
    title: row.title,
    validThrough: storedLocalDateOrNull(row.valid_through),
    contentSource: row.content_source as ContentSource | null,
    nextCheckAt: storedInstant(row.next_check_at),
    failures: Number(row.failures),
    lastError:
      row.last_error_code === null ? null : { code: row.last_error_code, message: row.last_error ?? '' },
    lastCheckedAt: storedInstantOrNull(row.last_checked_at),
    revision: Number(row.revision),
  };
}
