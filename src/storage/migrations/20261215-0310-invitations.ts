import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * Server mode's invitations (PostgreSQL only, like the accounts): an admin invites an email with a role; the
 * link's secret is kept only as its SHA-256 hash, works until `expires_at`, and once. Deleting the account
 * an invitation made deletes the invitation (it holds that account's email); deleting the admin who sent it
 * keeps it, without its sender.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('job_seeker', 'coach', 'admin')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('auth_users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('auth_users.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
}
