import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * Reading replies from the user's mailbox (docs/inbox.md).
 *
 * - `inbox_accounts`: one mailbox per user. `sealed_credentials` is the IMAP URL encrypted with AES-256-GCM
 *   under a key kept outside the database (a key file in the data directory, or HEARBACK_SECRET_KEY), so a
 *   copy of the database or a backup holds no password. `account_label` is the "connected as …" shown.
 * - `inbox_folders`: per folder, the UIDVALIDITY and the last UID read; a sync reads only UIDs above it.
 * - `inbox_messages`: what the timeline needs of a matched or queued message (sender, date, subject, a short
 *   excerpt, the classification and the rule that fired), never the whole body unless the user confirmed it.
 *   (folder, uid_validity, uid) is unique: a sync killed half-way and run again cannot record a message twice.
 * - `outgoing_messages`: the Message-ID of every message hearback composed or sent, so a reply's
 *   In-Reply-To/References names its application.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('inbox_accounts')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('sealed_credentials', 'text', (c) => c.notNull())
    .addColumn('account_label', 'text', (c) => c.notNull())
    .addColumn('folders', 'text', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('connected_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('last_sync_error', 'text')
    .execute();

  await db.schema
    .createTable('inbox_folders')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_seen_uid', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_folders_pk', ['user_id', 'folder'])
    .execute();

  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('match_reason', 'text')
    .addColumn('event_id', 'text')
    .addColumn('candidates', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('invitation_ics', 'text')
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inbox_messages_source', ['user_id', 'folder', 'uid_validity', 'uid'])
    .execute();
  await db.schema
    .createIndex('inbox_messages_user_status')
    .on('inbox_messages')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('outgoing_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('follow_up_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
