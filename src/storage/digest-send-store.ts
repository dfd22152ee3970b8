import type { Db } from './schema.js';

/**
 * The digest's send records, one per user and local date (docs/digest.md). States: `sending` (claimed by a
 * worker until `lease_until`), `sent`, `failed` (to be tried again from `next_attempt_at`), `skipped`
 * (nothing due, or no mail settings: final for the day). Every change is a compare-and-set on the state and
 * the attempt number, so only the worker holding the current attempt can finish it.
 */
export type DigestSendState = 'sending' | 'sent' | 'failed' | 'skipped';

export type DigestSendRecord = {
  readonly userId: string;
  readonly localDate: string;
  readonly state: DigestSendState;
  readonly attempts: number;
  readonly leaseUntil: string | null;
  readonly nextAttemptAt: string | null;
  readonly messageId: string;
  readonly itemCount: number | null;
  readonly lastError: string | null;
  readonly sentAt: string | null;
};

export type DigestClaim =
  | { readonly claimed: true; readonly attempt: number; readonly messageId: string }
  | { readonly claimed: false; readonly record: DigestSendRecord };

/**
 * Takes the day's digest for sending: creates its record, or takes over one that failed (once its retry
 * time has come) or whose sender vanished mid-send (its lease ran out). Anything else (sent, skipped, being
 * sent, or waiting for its retry) is left alone and returned.
 */
export async function claimDigestSend(
  db: Db,
  input: { userId: string; localDate: string; now: string; leaseUntil: string; messageId: string },
): Promise<DigestClaim> {
  const inserted = await db
    .insertInto('digest_sends')
    .values({
      user_id: input.userId,
      local_date: input.localDate,
      state: 'sending',
      attempts: 1,
      lease_until: input.leaseUntil,
      next_attempt_at: null,
      message_id: input.messageId,
      item_count: null,
      last_error: null,
      created_at: input.now,
      updated_at: input.now,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'local_date']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
    return { claimed: true, attempt: 1, messageId: input.messageId };
  }
  const record = await getDigestSend(db, input.userId, input.localDate);
  if (!record) throw new Error('digest send record vanished while claiming it');
  const retryable =
    (record.state === 'failed' && (record.nextAttemptAt ?? '') <= input.now) ||
    (record.state === 'sending' && (record.leaseUntil ?? '') <= input.now);
  if (!retryable) return { claimed: false, record };
  const updated = await db
    .updateTable('digest_sends')
    .set({
      state: 'sending',
      attempts: record.attempts + 1,
      lease_until: input.leaseUntil,
      next_attempt_at: null,
      updated_at: input.now,
    })
    .where('user_id', '=', input.userId)
    .where('local_date', '=', input.localDate)
    .where('state', '=', record.state)
    .where('attempts', '=', record.attempts)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const current = await getDigestSend(db, input.userId, input.localDate);
    return { claimed: false, record: current ?? record };
  }
  return { claimed: true, attempt: record.attempts + 1, messageId: record.messageId };
}

export type DigestFinish =
  | { readonly state: 'sent'; readonly itemCount: number }
  | { readonly state: 'skipped'; readonly reason: string; readonly itemCount: number }
  | { readonly state: 'failed'; readonly error: string; readonly nextAttemptAt: string };

/** Records how the claimed attempt ended; false when the attempt was no longer ours (lease lost). */
export async function finishDigestSend(
  db: Db,
  input: { userId: string; localDate: string; attempt: number; now: string; result: DigestFinish },
): Promise<boolean> {
  const { result } = input;
  const updated = await db
    .updateTable('digest_sends')
    .set({
      state: result.state,
      lease_until: null,
      next_attempt_at: result.state === 'failed' ? result.nextAttemptAt : null,
      item_count: result.state === 'failed' ? null : result.itemCount,
      last_error:
        result.state === 'failed'
          ? result.error.slice(0, 2000)
          : result.state === 'skipped'
            ? result.reason
            : null,
      sent_at: result.state === 'sent' ? input.now : null,
      updated_at: input.now,
    })
    .where('user_id', '=', input.userId)
    .where('local_date', '=', input.localDate)
    .where('state', '=', 'sending')
    .where('attempts', '=', input.attempt)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function getDigestSend(
  db: Db,
  userId: string,
  localDate: string,
): Promise<DigestSendRecord | undefined> {
  const row = await db
    .selectFrom('digest_sends')
    .selectAll()
    .where('user_id', '=', userId)
    .where('local_date', '=', localDate)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** The records of the given dates for the given users, for the scan that finds due digests. */
export async function listDigestSends(
  db: Db,
  userIds: readonly string[],
  dates: readonly string[],
): Promise<DigestSendRecord[]> {
  if (userIds.length === 0 || dates.length === 0) return [];
  const records: DigestSendRecord[] = [];
  // Bounded chunks keep the IN lists under SQLite's parameter limit with thousands of users.
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('digest_sends')
      .selectAll()
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('local_date', 'in', [...new Set(dates)])
      .execute();
    records.push(...rows.map(toRecord));
  }
  return records;
}

export type DigestSubscriber = {
  readonly userId: string;
  readonly timeZone: string;
  readonly country: string | null;
  readonly region: string | null;
  readonly workingDays: readonly number[];
  readonly digestTime: string;
};

/** Every user who turned the digest on, with what decides when theirs is due. */
export async function listDigestSubscribers(db: Db): Promise<DigestSubscriber[]> {
  const rows = await db
    .selectFrom('settings')
    .select(['user_id', 'time_zone', 'country', 'region', 'working_days', 'digest_time'])
    .where('digest_enabled', '=', 1)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    timeZone: r.time_zone,
    country: r.country,
    region: r.region,
    workingDays: r.working_days.split(',').map(Number),
    digestTime: r.digest_time,
  }));
}

type DigestSendRow = {
  user_id: string;
  local_date: string;
  state: string;
  attempts: number;
  lease_until: string | null;
  next_attempt_at: string | null;
  message_id: string;
  item_count: number | null;
  last_error: string | null;
  sent_at: string | null;
};

function toRecord(row: DigestSendRow): DigestSendRecord {
  return {
    userId: row.user_id,
    localDate: row.local_date,
    state: row.state as DigestSendState,
    attempts: Number(row.attempts),
    leaseUntil: row.lease_until,
    nextAttemptAt: row.next_attempt_at,
    messageId: row.message_id,
    itemCount: row.item_count === null ? null : Number(row.item_count),
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}
