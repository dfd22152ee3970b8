import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations see the database as it was when they were written, so they take an untyped Kysely.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPostgres = await detectPostgres(db);
  const double = isPostgres ? sql`double precision` : sql`real`;

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('region', 'text')
    .addColumn('working_days', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('companies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('companies_user_name_key', ['user_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_user_company')
    .on('contacts')
    .columns(['user_id', 'company_id'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('restrict'))
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('posting_url', 'text')
    .addColumn('posting_url_key', 'text')
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text')
    .addColumn('description_text', 'text')
    .addColumn('location', 'text')
    .addColumn('remote_type', 'text')
    .addColumn('salary_min', double)
    .addColumn('salary_max', double)
    .addColumn('salary_currency', 'text')
    .addColumn('salary_period', 'text')
    .addColumn('employment_type', 'text')
    .addColumn('date_posted', 'text')
    .addColumn('valid_through', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_detail', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('resume', 'text')
    .addColumn('cover_letter', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('furthest_stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('applications_user_stage')
    .on('applications')
    .columns(['user_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('applications_user_company')
    .on('applications')
    .columns(['user_id', 'company_id', 'title_key'])
    .execute();
  await db.schema
    .createIndex('applications_user_posting_url')
    .on('applications')
    .columns(['user_id', 'posting_url_key'])
    .execute();
  await db.schema
    .createIndex('applications_user_created')
    .on('applications')
    .columns(['user_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('application_tags')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('tag_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_tags_pk', ['application_id', 'tag_key'])
    .execute();
  await db.schema
    .createIndex('application_tags_user_tag')
    .on('application_tags')
    .columns(['user_id', 'tag_key'])
    .execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('video_link', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('self_rating', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interviews_application')
    .on('interviews')
    .columns(['application_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('interviews_user_starts')
    .on('interviews')
    .columns(['user_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('interview_interviewers')
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_interviewers_pk', ['interview_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('interview_interviewers_contact')
    .on('interview_interviewers')
    .column('contact_id')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_application_occurred')
    .on('events')
    .columns(['application_id', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('events_user_occurred')
    .on('events')
    .columns(['user_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('plan_key', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completion_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_ups_user_status_due')
    .on('follow_ups')
    .columns(['user_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('follow_ups_application')
    .on('follow_ups')
    .columns(['application_id', 'due_at'])
    .execute();
}

async function detectPostgres(db: AnyDb): Promise<boolean> {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
