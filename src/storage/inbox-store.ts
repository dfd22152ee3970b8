import type { FolderPosition } from '../core/inbox-account.js';
import type { Db, InboxAccountsTable, InboxMessagesTable } from './schema.js';

/** The sealed credentials and state of the user's mailbox, or null when none is connected. */
export async function findInboxAccount(db: Db, userId: string): Promise<InboxAccountsTable | null> {
  return (
    (await db.selectFrom('inbox_accounts').selectAll().where('user_id', '=', userId).executeTakeFirst()) ??
    null
  );
}

/** Connects (or reconnects) the mailbox; a new mailbox starts its folders afresh. */
export async function saveInboxAccount(db: Db, row: InboxAccountsTable): Promise<void> {
  const current = await findInboxAccount(db, row.user_id);
  if (current && current.account_label !== row.account_label)
    await db.deleteFrom('inbox_folders').where('user_id', '=', row.user_id).execute();
  await db.deleteFrom('inbox_accounts').where('user_id', '=', row.user_id).execute();
  await db.insertInto('inbox_accounts').values(row).execute();
}

export async function recordSyncOutcome(
  db: Db,
  userId: string,
  at: string,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('inbox_accounts')
    .set({ last_sync_at: at, last_sync_error: error })
    .where('user_id', '=', userId)
    .execute();
}

/** "Forget this mailbox": the account, the folder positions and every message kept from it. */
export async function forgetInbox(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('inbox_messages').where('user_id', '=', userId).execute();
  await db.deleteFrom('inbox_folders').where('user_id', '=', userId).execute();
  await db.deleteFrom('inbox_accounts').where('user_id', '=', userId).execute();
}

export async function getFolderPosition(
  db: Db,
  userId: string,
  folder: string,
): Promise<FolderPosition | null> {
  const row = await db
    .selectFrom('inbox_folders')
    .select(['uid_validity', 'last_seen_uid'])
    .where('user_id', '=', userId)
    .where('folder', '=', folder)
    .executeTakeFirst();
  return row ? { uidValidity: row.uid_validity, lastSeenUid: Number(row.last_seen_uid) } : null;
}

/** Moves a folder's position on; written in the same transaction as what was made of the message. */
export async function saveFolderPosition(
  db: Db,
  userId: string,
  folder: string,
  position: FolderPosition,
): Promise<void> {
  await db
    .insertInto('inbox_folders')
    .values({
      user_id: userId,
      folder,
      uid_validity: position.uidValidity,
      last_seen_uid: position.lastSeenUid,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'folder'])
        .doUpdateSet({ uid_validity: position.uidValidity, last_seen_uid: position.lastSeenUid }),
    )
    .execute();
}

export async function hasInboxMessage(
  db: Db,
  userId: string,
  folder: string,
  uidValidity: string,
  uid: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('inbox_messages')
    .select('id')
    .where('user_id', '=', userId)
    .where('folder', '=', folder)
    .where('uid_validity', '=', uidValidity)
    .where('uid', '=', uid)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertInboxMessage(db: Db, row: InboxMessagesTable): Promise<void> {
  await db.insertInto('inbox_messages').values(row).execute();
}

export async function findInboxMessage(
  db: Db,
  userId: string,
  id: string,
): Promise<InboxMessagesTable | null> {
  return (
    (await db
      .selectFrom('inbox_messages')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function listInboxMessages(
  db: Db,
  userId: string,
  filter: { status?: string; applicationId?: string },
): Promise<InboxMessagesTable[]> {
  let query = db.selectFrom('inbox_messages').selectAll().where('user_id', '=', userId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.applicationId) query = query.where('application_id', '=', filter.applicationId);
  return query.orderBy('received_at', 'desc').orderBy('id').limit(500).execute();
}

export async function countInboxMessages(db: Db, userId: string, status: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function updateInboxMessage(
  db: Db,
  userId: string,
  id: string,
  change: Partial<
    Pick<
      InboxMessagesTable,
      | 'status'
      | 'application_id'
      | 'classification'
      | 'rule'
      | 'match_reason'
      | 'event_id'
      | 'body'
      | 'suggestion'
      | 'candidates'
      | 'invitation_ics'
    >
  >,
): Promise<void> {
  await db
    .updateTable('inbox_messages')
    .set(change)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .execute();
}

export async function deleteInboxMessage(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('inbox_messages').where('user_id', '=', userId).where('id', '=', id).execute();
}

/** Remembers the Message-ID of a message hearback composed or sent for an application. */
export async function rememberOutgoingMessage(
  db: Db,
  row: {
    messageId: string;
    userId: string;
    applicationId: string;
    followUpId: string | null;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto('outgoing_messages')
    .values({
      message_id: row.messageId.toLowerCase(),
      user_id: row.userId,
      application_id: row.applicationId,
      follow_up_id: row.followUpId,
      created_at: row.createdAt,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/** The applications our messages with these ids (bare, lower case, without angle brackets) were about. */
export async function findOutgoingMessages(
  db: Db,
  userId: string,
  messageIds: readonly string[],
): Promise<{ messageId: string; applicationId: string }[]> {
  if (messageIds.length === 0) return [];
  const rows = await db
    .selectFrom('outgoing_messages')
    .select(['message_id', 'application_id'])
    .where('user_id', '=', userId)
    .where('message_id', 'in', [...messageIds])
    .execute();
  return rows.map((r) => ({ messageId: r.message_id, applicationId: r.application_id }));
}

/** Every user with a connected mailbox, for the background sync. */
export async function listInboxUserIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('inbox_accounts').select('user_id').orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}
