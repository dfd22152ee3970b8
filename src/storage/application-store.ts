import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type {
  Application,
  ApplicationCard,
  ApplicationDuplicate,
  ApplicationListFilter,
  ApplicationListPage,
  ApplicationSortKey,
  NextStep,
  SentDocument,
} from '../core/application.js';
import { normalizePostingUrl } from '../core/application-values.js';
import { AppError } from '../core/errors.js';
import type { TimelineEvent } from '../core/event.js';
import type { FollowUp, FollowUpKind } from '../core/follow-up.js';
import { openFollowUpStatuses } from '../core/follow-up-values.js';
import type { Interview } from '../core/interview.js';
import type { ActiveStage, ClosedReason, Outcome, Stage } from '../core/pipeline.js';
import { eventColumns, toEvents } from './event-store.js';
import { followUpColumns, toFollowUp } from './follow-up-store.js';
import { interviewColumns, toInterview } from './interview-store.js';
import type {
  ApplicationsTable,
  ApplicationTagsTable,
  Database,
  Db,
  EventsTable,
  FollowUpsTable,
  InterviewsTable,
} from './schema.js';
import {
  binaryText,
  found,
  fromJson,
  isPostgres,
  likeEscaped,
  storedInstant,
  storedInstantOrNull,
  storedLocalDateOrNull,
  toJson,
} from './sql-helpers.js';

type Row = ApplicationsTable & { company_name: string };

/** Lowercased job title, company name, notes and tags: what text search looks in. */
export function searchTextOf(
  application: Pick<Application, 'jobTitle' | 'notes' | 'tags'>,
  companyName: string,
) {
  return [application.jobTitle, companyName, application.notes, ...application.tags].join('\n').toLowerCase();
}

export function titleKeyOf(jobTitle: string): string {
  return jobTitle.trim().replace(/\s+/g, ' ').toLowerCase();
}

export async function insertApplication(db: Db, userId: string, application: Application): Promise<void> {
  await db.insertInto('applications').values(applicationRowOf(application, userId)).execute();
  await replaceTags(db, userId, application);
}

/** Saves the application; its tags are rewritten only when they differ from `stored`'s (the row as read). */
export async function updateApplicationRow(
  db: Db,
  userId: string,
  application: Application,
  stored?: Pick<Application, 'tags'>,
): Promise<void> {
  await db
    .updateTable('applications')
    .set(changeableColumnsOf(applicationRowOf(application, userId)))
    .where('id', '=', application.id)
    .where('user_id', '=', userId)
    .execute();
  if (stored && sameTags(stored.tags, application.tags)) return;
  await replaceTags(db, userId, application);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** Keeps search text in step when a company is renamed. */
export async function refreshSearchTextForCompany(db: Db, userId: string, companyId: string): Promise<void> {
  const rows = await selectApplications(db, userId)
    .where('applications.company_id', '=', companyId)
    .execute();
  for (const application of await withTags(db, rows)) {
    await db
      .updateTable('applications')
      .set({ search_text: searchTextOf(application, application.company.name) })
      .where('id', '=', application.id)
      .execute();
  }
}

export async function findApplication(db: Db, userId: string, id: string): Promise<Application | undefined> {
  const row = await selectApplications(db, userId).where('applications.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [application] = await withTags(db, [row]);
  return application;
}

export async function getApplication(db: Db, userId: string, id: string): Promise<Application> {
  return found(await findApplication(db, userId, id), 'APPLICATION_NOT_FOUND', 'application', id);
}

/** An application with everything planning reads about it: what one change loads, once. */
export type ApplicationRecord = {
  readonly application: Application;
  /** Oldest first, as `listApplicationEvents` orders them. */
  readonly events: readonly TimelineEvent[];
  readonly interviews: readonly Interview[];
  /** Every step, done and skipped ones too, in id order. */
  readonly steps: readonly FollowUp[];
};

/**
 * The application with its tags, events, interviews (with their interviewers) and follow-up steps, in one
 * statement: each child list is a JSON array built by the database. Orders are applied again here, since
 * SQL does not promise that an aggregate keeps its subquery's order.
 */
export async function findApplicationRecord(
  db: Db,
  userId: string,
  id: string,
): Promise<ApplicationRecord | undefined> {
  const jsonArrayFrom = isPostgres(db) ? postgresJsonArrayFrom : sqliteJsonArrayFrom;
  const row = await selectApplications(db, userId)
    .where('applications.id', '=', id)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('application_tags')
          .select(['application_tags.tag', 'application_tags.position'])
          .whereRef('application_tags.application_id', '=', 'applications.id'),
      ).as('tag_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('events')
          .select(eventColumns)
          .whereRef('events.application_id', '=', 'applications.id'),
      ).as('event_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('interviews')
          .select(interviewColumns)
          .whereRef('interviews.application_id', '=', 'applications.id'),
      ).as('interview_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('interview_interviewers')
          .innerJoin('interviews', 'interviews.id', 'interview_interviewers.interview_id')
          .select([
            'interview_interviewers.interview_id',
            'interview_interviewers.contact_id',
            'interview_interviewers.position',
          ])
          .whereRef('interviews.application_id', '=', 'applications.id'),
      ).as('interviewer_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('follow_ups')
          .select(followUpColumns)
          .whereRef('follow_ups.application_id', '=', 'applications.id'),
      ).as('step_rows'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const tags = jsonRows<{ tag: string; position: number }>(row.tag_rows).sort(byPosition);
  const interviewers = new Map<string, string[]>();
  for (const link of jsonRows<{ interview_id: string; contact_id: string; position: number }>(
    row.interviewer_rows,
  ).sort(byPosition)) {
    interviewers.set(link.interview_id, [...(interviewers.get(link.interview_id) ?? []), link.contact_id]);
  }
  return {
    application: toApplication(
      row,
      tags.map((t) => t.tag),
    ),
    events: await toEvents(
      jsonRows<EventsTable>(row.event_rows).sort(
        (a, b) => compare(a.occurred_at, b.occurred_at) || compare(a.id, b.id),
      ),
    ),
    interviews: jsonRows<InterviewsTable>(row.interview_rows)
      .sort((a, b) => compare(a.starts_at, b.starts_at) || compare(a.id, b.id))
      .map((i) => toInterview(i, interviewers.get(i.id) ?? [])),
    steps: jsonRows<FollowUpsTable>(row.step_rows)
      .sort((a, b) => compare(a.id, b.id))
      .map(toFollowUp),
  };
}

export async function getApplicationRecord(db: Db, userId: string, id: string): Promise<ApplicationRecord> {
  return found(await findApplicationRecord(db, userId, id), 'APPLICATION_NOT_FOUND', 'application', id);
}

/** SQLite answers a JSON array as text, PostgreSQL as parsed JSON. */
function jsonRows<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

function byPosition(a: { position: number }, b: { position: number }): number {
  return a.position - b.position;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function deleteApplicationRow(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('applications').where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Applications the duplicate guard should warn about: same normalised posting URL, or same company and title. */
export async function findDuplicateApplications(
  db: Db,
  userId: string,
  candidate: { postingUrl: string | null; companyId: string; jobTitle: string; excludeId?: string },
): Promise<ApplicationDuplicate[]> {
  const urlKey = candidate.postingUrl ? normalizePostingUrl(candidate.postingUrl) : null;
  const titleKey = titleKeyOf(candidate.jobTitle);
  let q = selectApplications(db, userId).where((eb) =>
    eb.or([
      ...(urlKey ? [eb('applications.posting_url_key', '=', urlKey)] : []),
      eb.and([
        eb('applications.company_id', '=', candidate.companyId),
        eb('applications.title_key', '=', titleKey),
      ]),
    ]),
  );
  if (candidate.excludeId) q = q.where('applications.id', '!=', candidate.excludeId);
  const rows = await q.orderBy('applications.id').execute();
  return rows.map((row) => ({
    id: row.id,
    jobTitle: row.job_title,
    companyName: row.company_name,
    reason: urlKey && row.posting_url_key === urlKey ? 'posting_url' : 'company_and_title',
  }));
}

const sortColumns: Readonly<Record<ApplicationSortKey, string>> = {
  createdAt: 'applications.created_at',
  updatedAt: 'applications.updated_at',
  jobTitle: 'applications.title_key',
  priority: 'applications.priority',
  appliedAt: 'applications.applied_at',
};

type Cursor = { s: ApplicationSortKey; o: 'asc' | 'desc'; v: string | number; id: string };

/**
 * One page of applications, in one statement: the filter, order and limit run over the narrow key columns
 * alone (descriptions and documents make full rows wide, and sorting them all would be most of the cost),
 * and only the page's rows are joined in full, each with its tags and its open steps.
 */
export async function listApplications(
  db: Db,
  userId: string,
  filter: ApplicationListFilter,
): Promise<ApplicationListPage> {
  let q = db
    .selectFrom('applications')
    .select(['applications.id'])
    .where('applications.user_id', '=', userId);
  if (filter.stage) q = q.where('applications.stage', 'in', filter.stage);
  if (filter.furthestStage) q = q.where('applications.furthest_stage', '=', filter.furthestStage);
  if (filter.outcome) q = q.where('applications.outcome', '=', filter.outcome);
  if (filter.companyId) q = q.where('applications.company_id', '=', filter.companyId);
  if (filter.tag) {
    const tagKey = filter.tag.toLowerCase();
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('application_tags')
          .select('application_tags.application_id')
          .whereRef('application_tags.application_id', '=', 'applications.id')
          .where('application_tags.tag_key', '=', tagKey),
      ),
    );
  }
  if (filter.q) q = q.where(likeEscaped('applications.search_text', filter.q.toLowerCase()));

  const column = sortColumns[filter.sort];
  const sortExpr = sortExpression(db, filter.sort, column);
  const isDesc = filter.order === 'desc';
  const direction = sql.raw(isDesc ? 'desc' : 'asc');
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor, filter.sort, filter.order);
    q = q.where((eb: ExpressionBuilder<Database & { applications: ApplicationsTable }, 'applications'>) =>
      eb.or([
        eb(sortExpr, isDesc ? '<' : '>', cursor.v),
        eb.and([eb(sortExpr, '=', cursor.v), eb('applications.id', isDesc ? '<' : '>', cursor.id)]),
      ]),
    );
  }
  const page = q
    .select(
      sql<number>`row_number() over (order by ${sortExpr} ${direction}, ${sql.ref('applications.id')} ${direction})`.as(
        'position',
      ),
    )
    .orderBy(sortExpr, filter.order)
    .orderBy('applications.id', filter.order)
    .limit(filter.limit + 1);
  const jsonArrayFrom = isPostgres(db) ? postgresJsonArrayFrom : sqliteJsonArrayFrom;
  const rows = await db
    .selectFrom(page.as('page'))
    .innerJoin('applications', 'applications.id', 'page.id')
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .selectAll('applications')
    .select('companies.name as company_name')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('application_tags')
          .select(['application_tags.tag', 'application_tags.position'])
          .whereRef('application_tags.application_id', '=', 'applications.id'),
      ).as('tag_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('follow_ups')
          .select(['follow_ups.id', 'follow_ups.kind', 'follow_ups.due_at'])
          .whereRef('follow_ups.application_id', '=', 'applications.id')
          .where('follow_ups.user_id', '=', userId)
          .where('follow_ups.status', 'in', [...openFollowUpStatuses]),
      ).as('step_rows'),
    ])
    .orderBy('page.position')
    .execute();
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor({ s: filter.sort, o: filter.order, v: sortValue(last, filter.sort), id: last.id })
      : null;
  return {
    items: pageRows.map(({ tag_rows, step_rows, ...row }) => ({
      ...toApplication(
        row,
        jsonRows<{ tag: string; position: number }>(tag_rows)
          .sort(byPosition)
          .map((t) => t.tag),
      ),
      nextStep: earliestStep(jsonRows<{ id: string; kind: string; due_at: string }>(step_rows)),
    })),
    nextCursor,
  };
}

/** The open step due first of one application's (ties: the lower id), as the list and the board show it. */
function earliestStep(rows: readonly { id: string; kind: string; due_at: string }[]): NextStep | null {
  let earliest: NextStep | null = null;
  for (const row of rows) {
    const step: NextStep = { id: row.id, kind: row.kind as FollowUpKind, dueAt: storedInstant(row.due_at) };
    if (
      !earliest ||
      step.dueAt < earliest.dueAt ||
      (step.dueAt === earliest.dueAt && step.id < earliest.id)
    ) {
      earliest = step;
    }
  }
  return earliest;
}

/**
 * Each application's open step due first, for every application of the user in one statement (reading
 * every open step and keeping the earliest is cheaper than a window function).
 */
async function nextStepsOf(db: Db, userId: string): Promise<Map<string, NextStep>> {
  const rows = await db
    .selectFrom('follow_ups')
    .select(['id', 'application_id', 'kind', 'due_at'])
    .where('user_id', '=', userId)
    .where('status', 'in', [...openFollowUpStatuses])
    .execute();
  const earliest = new Map<string, NextStep>();
  for (const row of rows) {
    const step: NextStep = {
      id: row.id,
      kind: row.kind as FollowUpKind,
      dueAt: storedInstant(row.due_at),
    };
    const current = earliest.get(row.application_id);
    if (!current || step.dueAt < current.dueAt || (step.dueAt === current.dueAt && step.id < current.id)) {
      earliest.set(row.application_id, step);
    }
  }
  return earliest;
}

/**
 * Every application of the user as the board shows it, newest first: three statements (the narrow columns
 * with the company name, every tag, every open step) whatever the number of applications.
 */
export async function listApplicationCards(db: Db, userId: string): Promise<ApplicationCard[]> {
  const [rows, tagRows, nextSteps] = await Promise.all([
    db
      .selectFrom('applications')
      .innerJoin('companies', 'companies.id', 'applications.company_id')
      .select([
        'applications.id',
        'applications.company_id',
        'companies.name as company_name',
        'applications.job_title',
        'applications.priority',
        'applications.notes',
        'applications.stage',
        'applications.furthest_stage',
        'applications.outcome',
        'applications.closed_reason',
        'applications.applied_at',
        'applications.ended_at',
        'applications.stage_changed_at',
        'applications.created_at',
        'applications.updated_at',
      ])
      .where('applications.user_id', '=', userId)
      .orderBy('applications.created_at', 'desc')
      .orderBy('applications.id', 'desc')
      .execute(),
    db
      .selectFrom('application_tags')
      .select(['application_id', 'tag'])
      .where('user_id', '=', userId)
      .orderBy('application_id')
      .orderBy('position')
      .execute(),
    nextStepsOf(db, userId),
  ]);
  const tagsById = new Map<string, string[]>();
  for (const t of tagRows) {
    const list = tagsById.get(t.application_id) ?? [];
    list.push(t.tag);
    tagsById.set(t.application_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    company: { id: row.company_id, name: row.company_name },
    jobTitle: row.job_title,
    priority: row.priority,
    tags: tagsById.get(row.id) ?? [],
    notes: row.notes,
    stage: row.stage as Stage,
    furthestStage: row.furthest_stage as ActiveStage,
    outcome: row.outcome as Outcome | null,
    closedReason: row.closed_reason as ClosedReason | null,
    appliedAt: storedInstantOrNull(row.applied_at),
    endedAt: storedInstantOrNull(row.ended_at),
    stageChangedAt: storedInstant(row.stage_changed_at ?? row.created_at),
    createdAt: storedInstant(row.created_at),
    updatedAt: storedInstant(row.updated_at),
    nextStep: nextSteps.get(row.id) ?? null,
  }));
}

export async function countApplications(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listApplicationIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function listAllApplications(db: Db, userId: string): Promise<Application[]> {
  const rows = await selectApplications(db, userId).orderBy('applications.id').execute();
  return withTags(db, rows);
}

function sortExpression(db: Db, sort: ApplicationSortKey, column: string) {
  if (sort === 'jobTitle') return binaryText(db, column);
  if (sort === 'appliedAt') return sql`coalesce(${sql.ref(column)}, '')`;
  return sql`${sql.ref(column)}`;
}

type SortKeys = Pick<
  ApplicationsTable,
  'created_at' | 'updated_at' | 'title_key' | 'priority' | 'applied_at'
>;

function sortValue(row: SortKeys, sort: ApplicationSortKey): string | number {
  switch (sort) {
    case 'createdAt':
      return row.created_at;
    case 'updatedAt':
      return row.updated_at;
    case 'jobTitle':
      return row.title_key;
    case 'priority':
      return row.priority;
    case 'appliedAt':
      return row.applied_at ?? '';
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, sort: ApplicationSortKey, order: 'asc' | 'desc'): Cursor {
  let cursor: Partial<Cursor>;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('INVALID_CURSOR', 'cursor: not a cursor returned by this API');
  }
  const isValueOk = sort === 'priority' ? typeof cursor.v === 'number' : typeof cursor.v === 'string';
  if (cursor.s !== sort || cursor.o !== order || !isValueOk || typeof cursor.id !== 'string') {
    throw new AppError(
      'INVALID_CURSOR',
      'cursor: it belongs to another sort order or is damaged; start again',
    );
  }
  return cursor as Cursor;
}

function selectApplications(db: Db, userId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .selectAll('applications')
    .select('companies.name as company_name')
    .where('applications.user_id', '=', userId);
}

async function withTags(db: Db, rows: readonly Row[]): Promise<Application[]> {
  const tagsById = new Map<string, string[]>();
  if (rows.length > 0) {
    const tagRows = await db
      .selectFrom('application_tags')
      .select(['application_id', 'tag'])
      .where(
        'application_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('application_id')
      .orderBy('position')
      .execute();
    for (const t of tagRows) {
      const list = tagsById.get(t.application_id) ?? [];
      list.push(t.tag);
      tagsById.set(t.application_id, list);
    }
  }
  return rows.map((row) => toApplication(row, tagsById.get(row.id) ?? []));
}

async function replaceTags(db: Db, userId: string, application: Application) {
  await db.deleteFrom('application_tags').where('application_id', '=', application.id).execute();
  const rows = tagRowsOf(application, userId);
  if (rows.length > 0) await db.insertInto('application_tags').values(rows).execute();
}

/** Tags as stored: the first spelling of each tag (compared without case), in order. */
export function tagRowsOf(a: Pick<Application, 'id' | 'tags'>, userId: string): ApplicationTagsTable[] {
  const seen = new Set<string>();
  const rows: ApplicationTagsTable[] = [];
  for (const tag of a.tags) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ application_id: a.id, user_id: userId, tag, tag_key: key, position: rows.length });
  }
  return rows;
}

/**
 * The row of an application, as inserted here and by the bulk import. `postingUrlKey` is the normalised
 * posting URL when the caller has already computed it.
 */
export function applicationRowOf(a: Application, userId: string, postingUrlKey?: string): ApplicationsTable {
  return {
    id: a.id,
    user_id: userId,
    company_id: a.company.id,
    job_title: a.jobTitle,
    posting_url: a.postingUrl,
    posting_url_key: a.postingUrl ? (postingUrlKey ?? normalizePostingUrl(a.postingUrl)) : null,
    title_key: titleKeyOf(a.jobTitle),
    description_html: a.posting.descriptionHtml,
    description_text: a.posting.descriptionText,
    location: a.posting.location,
    remote_type: a.posting.remoteType,
    salary_min: a.posting.salaryMin,
    salary_max: a.posting.salaryMax,
    salary_currency: a.posting.salaryCurrency,
    salary_period: a.posting.salaryPeriod,
    employment_type: a.posting.employmentType,
    date_posted: a.posting.datePosted,
    valid_through: a.posting.validThrough,
    source_kind: a.source.kind,
    source_detail: a.source.detail,
    priority: a.priority,
    resume: a.resume ? toJson(a.resume) : null,
    cover_letter: a.coverLetter ? toJson(a.coverLetter) : null,
    notes: a.notes,
    stage: a.stage,
    furthest_stage: a.furthestStage,
    outcome: a.outcome,
    closed_reason: a.closedReason,
    applied_at: a.appliedAt,
    ended_at: a.endedAt,
    stage_changed_at: a.stageChangedAt,
    search_text: searchTextOf(a, a.company.name),
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

/** What an update may set: everything but the keys and the creation time. */
function changeableColumnsOf(row: ApplicationsTable) {
  const { id: _id, user_id: _user, created_at: _created, ...changeable } = row;
  return changeable;
}

function toApplication(row: Row, tags: string[]): Application {
  return {
    id: row.id,
    company: { id: row.company_id, name: row.company_name },
    jobTitle: row.job_title,
    postingUrl: row.posting_url,
    posting: {
      descriptionHtml: row.description_html,
      descriptionText: row.description_text,
      location: row.location,
      remoteType: row.remote_type as Application['posting']['remoteType'],
      salaryMin: row.salary_min === null ? null : Number(row.salary_min),
      salaryMax: row.salary_max === null ? null : Number(row.salary_max),
      salaryCurrency: row.salary_currency,
      salaryPeriod: row.salary_period as Application['posting']['salaryPeriod'],
      employmentType: row.employment_type as Application['posting']['employmentType'],
      datePosted: storedLocalDateOrNull(row.date_posted),
      validThrough: storedLocalDateOrNull(row.valid_through),
    },
    source: { kind: row.source_kind as Application['source']['kind'], detail: row.source_detail },
    priority: row.priority,
    tags,
    resume: row.resume ? fromJson<SentDocument>(row.resume) : null,
    coverLetter: row.cover_letter ? fromJson<SentDocument>(row.cover_letter) : null,
    notes: row.notes,
    stage: row.stage as Stage,
    furthestStage: row.furthest_stage as ActiveStage,
    outcome: row.outcome as Outcome | null,
    closedReason: row.closed_reason as ClosedReason | null,
    appliedAt: storedInstantOrNull(row.applied_at),
    endedAt: storedInstantOrNull(row.ended_at),
    stageChangedAt: storedInstant(row.stage_changed_at ?? row.created_at),
    createdAt: storedInstant(row.created_at),
    updatedAt: storedInstant(row.updated_at),
  };
}

export type ApplicationSummary = {
  readonly id: string;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly stage: Stage;
};

/** Title, company and stage of the given applications: enough to label follow-up steps. */
export async function findApplicationSummaries(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, ApplicationSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .select(['applications.id', 'applications.job_title', 'applications.stage', 'companies.name'])
    .where('applications.user_id', '=', userId)
    .where('applications.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, jobTitle: r.job_title, companyName: r.name, stage: r.stage as Stage },
    ]),
  );
}
