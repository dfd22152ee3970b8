import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * The browser clipper (docs/extension.md).
 *
 * - `extension_pairing_codes`: one-time codes shown in Settings, kept as their SHA-256; exchanging one
 *   deletes its row in the same statement, so a code opens one token at most.
 * - `extension_tokens`: one row per paired browser; only the SHA-256 of the token is kept. Revoking deletes
 *   the row, so the next request with that token finds no owner.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('extension_pairing_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('extension_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('extension_tokens_user').on('extension_tokens').column('user_id').execute();
}
