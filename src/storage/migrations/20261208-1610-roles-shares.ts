import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * Server mode's roles and shares (PostgreSQL only, like the accounts): each account is a job seeker, a coach
 * or an admin; a job seeker shares all their applications, or chosen ones, with one coach. Deleting either
 * account, or a shared application, deletes the share (or that part of it).
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;

  await db.schema
    .alterTable('auth_users')
    .addColumn('role', 'text', (c) =>
      c.notNull().defaultTo('job_seeker').check(sql`role in ('job_seeker', 'coach', 'admin')`),
    )
    .execute();

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('auth_users.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('auth_users.id').onDelete('cascade'))
    .addColumn('all_applications', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shares_owner_coach', ['owner_id', 'coach_id'])
    .execute();
  await db.schema.createIndex('shares_coach').on('shares').column('coach_id').execute();

  await db.schema
    .createTable('share_applications')
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('share_applications_pk', ['share_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('share_applications_application')
    .on('share_applications')
    .column('application_id')
    .execute();
}
