import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * The employer response link (docs/response-link.md).
 *
 * - `response_links`: one row per link ever issued; only the SHA-256 of the token is kept, so a copy of the
 *   database opens no link. `nonce_key` signs the one-time nonces its page hands out (so showing the page
 *   writes nothing). At most one link per application is active (`revoked_at` null); replacing one revokes
 *   the old row, which stays as history.
 * - `response_link_nonces`: each nonce used by an answer, so a nonce answers once; written in the answer's
 *   transaction, its primary key is what refuses a second use on any app server.
 * - settings: how many days a new link lasts, and whether drafts offer one by default.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('response_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('nonce_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('response_links_user_application')
    .on('response_links')
    .columns(['user_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('response_link_nonces')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('response_links.id').onDelete('cascade'))
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('settings')
    .addColumn('response_link_days', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('response_link_by_default', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
