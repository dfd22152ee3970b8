import { sql } from 'kysely';
import { firstDate, lastDate } from '../core/date-window.js';
import type { Channel } from '../core/event.js';
import type { FollowUp, FollowUpKind, FollowUpStatus } from '../core/follow-up.js';
import type { Stage } from '../core/pipeline.js';
import type { Db, FollowUpsTable } from './schema.js';
import { allColumns, found, storedInstant, storedInstantOrNull } from './sql-helpers.js';

export type FollowUpFilter = {
  readonly applicationId?: string | undefined;
  readonly statuses?: readonly FollowUpStatus[] | undefined;
  readonly dueFrom?: string | undefined;
  readonly dueBefore?: string | undefined;
  readonly limit?: number | undefined;
};

export async function insertFollowUp(db: Db, userId: string, step: FollowUp) {
  await insertFollowUps(db, userId, [step]);
}

/** Several steps in one statement. */
export async function insertFollowUps(db: Db, userId: string, steps: readonly FollowUp[]): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('follow_ups')
    .values(steps.map((step) => followUpRowOf(step, userId)))
    .execute();
}

/** The whole row of a step, as inserted (here and by the bulk import). */
export function followUpRowOf(step: FollowUp, userId: string): FollowUpsTable {
  return {
    id: step.id,
    user_id: userId,
    application_id: step.applicationId,
    kind: step.kind,
    due_at: step.dueAt,
    channel: step.channel,
    status: step.status,
    reason: step.reason,
    contact_id: step.contactId,
    interview_id: step.interviewId,
    origin: step.origin,
    plan_key: step.planKey,
    snoozed_until: step.snoozedUntil,
    completed_at: step.completedAt,
    completion_note: step.completionNote,
    created_at: step.createdAt,
    updated_at: step.updatedAt,
  };
}

export async function updateFollowUpRow(db: Db, userId: string, step: FollowUp): Promise<void> {
  await db
    .updateTable('follow_ups')
    .set(toRow(step))
    .where('id', '=', step.id)
    .where('user_id', '=', userId)
    .execute();
}

export async function findFollowUp(db: Db, userId: string, id: string): Promise<FollowUp | undefined> {
  const row = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toFollowUp(row);
}

export async function getFollowUp(db: Db, userId: string, id: string): Promise<FollowUp> {
  return found(await findFollowUp(db, userId, id), 'FOLLOW_UP_NOT_FOUND', 'follow-up step', id);
}

/** Steps ordered by when they are due, soonest first. */
export async function listFollowUps(db: Db, userId: string, filter: FollowUpFilter): Promise<FollowUp[]> {
  let q = db.selectFrom('follow_ups').selectAll().where('user_id', '=', userId);
  if (filter.applicationId) q = q.where('application_id', '=', filter.applicationId);
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.dueFrom) q = q.where('due_at', '>=', filter.dueFrom);
  if (filter.dueBefore) q = q.where('due_at', '<', filter.dueBefore);
  if (filter.limit) q = q.limit(filter.limit);
  const rows = await q.orderBy('due_at').orderBy('id').execute();
  return rows.map(toFollowUp);
}

/** A step with what Today shows beside it: its application's title, company and stage, and its contact. */
export type StepWithApplication = {
  readonly step: FollowUp;
  readonly application: {
    readonly id: string;
    readonly jobTitle: string;
    readonly companyName: string;
    readonly stage: Stage;
  };
  readonly contact: { readonly id: string; readonly name: string; readonly email: string | null } | null;
};

/**
 * The open steps due before `dueBefore` (and from `dueFrom`, when given), soonest first, at most `limit` of
 * them when given, each with its application and contact, in one statement (joined by id, rather than a
 * second and third query naming every step's ids).
 */
export async function listOpenStepsWithApplications(
  db: Db,
  userId: string,
  filter: {
    readonly statuses: readonly FollowUpStatus[];
    readonly dueFrom?: string;
    readonly dueBefore: string;
    readonly limit?: number;
  },
): Promise<StepWithApplication[]> {
  let query = db
    .selectFrom('follow_ups')
    .innerJoin('applications', (join) =>
      join.onRef('applications.id', '=', 'follow_ups.application_id').on('applications.user_id', '=', userId),
    )
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .leftJoin('contacts', (join) =>
      join.onRef('contacts.id', '=', 'follow_ups.contact_id').on('contacts.user_id', '=', userId),
    )
    .selectAll('follow_ups')
    .select([
      'applications.job_title',
      'applications.stage as application_stage',
      'companies.name as company_name',
      'contacts.id as contact_row_id',
      'contacts.name as contact_name',
      'contacts.email as contact_email',
    ])
    .where('follow_ups.user_id', '=', userId)
    .where('follow_ups.status', 'in', [...filter.statuses])
    .where('follow_ups.due_at', '<', filter.dueBefore)
    .orderBy('follow_ups.due_at')
    .orderBy('follow_ups.id');
  if (filter.dueFrom !== undefined) query = query.where('follow_ups.due_at', '>=', filter.dueFrom);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    step: toFollowUp(row),
    application: {
      id: row.application_id,
      jobTitle: row.job_title,
      companyName: row.company_name,
      stage: row.application_stage as Stage,
    },
    contact:
      row.contact_row_id === null
        ? null
        : { id: row.contact_row_id, name: row.contact_name ?? '', email: row.contact_email },
  }));
}

/**
 * How many open steps fall due in each window (before `todayStart`; from it to `tomorrowStart`; from that to
 * `weekEnd`), counted in one statement: Today's totals when it lists only each group's first steps.
 */
export async function countOpenStepsByWindow(
  db: Db,
  userId: string,
  filter: {
    readonly statuses: readonly FollowUpStatus[];
    readonly todayStart: string;
    readonly tomorrowStart: string;
    readonly weekEnd: string;
  },
): Promise<{ overdue: number; today: number; week: number }> {
  const dueIn = (from: string | null, before: string) =>
    sql<number>`coalesce(sum(case when due_at < ${before}${from === null ? sql`` : sql` and due_at >= ${from}`} then 1 else 0 end), 0)`;
  const row = await db
    .selectFrom('follow_ups')
    .select([
      dueIn(null, filter.todayStart).as('overdue'),
      dueIn(filter.todayStart, filter.tomorrowStart).as('today'),
      dueIn(filter.tomorrowStart, filter.weekEnd).as('week'),
    ])
    .where('user_id', '=', userId)
    .where('status', 'in', [...filter.statuses])
    .where('due_at', '<', filter.weekEnd)
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), today: Number(row.today), week: Number(row.week) };
}

export async function listAllFollowUps(db: Db, userId: string): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toFollowUp);
}

/** Every step of one application, oldest first: what the planner needs to re-plan it. */
export async function listApplicationFollowUps(
  db: Db,
  userId: string,
  applicationId: string,
): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toFollowUp);
}

export async function deleteFollowUpRow(db: Db, userId: string, id: string): Promise<void> {
  await deleteFollowUpRows(db, userId, [id]);
}

export async function deleteFollowUpRows(db: Db, userId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('follow_ups')
    .where('id', 'in', [...ids])
    .where('user_id', '=', userId)
    .execute();
}

function toRow(step: FollowUp) {
  return {
    kind: step.kind,
    due_at: step.dueAt,
    channel: step.channel,
    status: step.status,
    reason: step.reason,
    contact_id: step.contactId,
    interview_id: step.interviewId,
    snoozed_until: step.snoozedUntil,
    completed_at: step.completedAt,
    completion_note: step.completionNote,
    updated_at: step.updatedAt,
  };
}

export const followUpColumns = allColumns<FollowUpsTable>({
  id: true,
  user_id: true,
  application_id: true,
  kind: true,
  due_at: true,
  channel: true,
  status: true,
  reason: true,
  contact_id: true,
  interview_id: true,
  origin: true,
  plan_key: true,
  snoozed_until: true,
  completed_at: true,
  completion_note: true,
  created_at: true,
  updated_at: true,
});

export function toFollowUp(row: FollowUpsTable): FollowUp {
  const dueAt = storedInstant(row.due_at);
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind as FollowUpKind,
    dueAt,
    channel: row.channel as Channel | null,
    status: row.status as FollowUpStatus,
    reason: dueAt === row.due_at ? row.reason : `${row.reason} ${outOfWindowNote(row.due_at)}`,
    contactId: row.contact_id,
    interviewId: row.interview_id,
    origin: row.origin as FollowUp['origin'],
    planKey: row.plan_key,
    snoozedUntil: storedInstantOrNull(row.snoozed_until),
    completedAt: storedInstantOrNull(row.completed_at),
    completionNote: row.completion_note,
    createdAt: storedInstant(row.created_at),
    updatedAt: storedInstant(row.updated_at),
  };
}

/** Said beside a step whose stored date is outside the window, so the user sees why it shows where it does. */
function outOfWindowNote(stored: string): string {
  return `(Its stored date, ${stored}, is outside the dates hearback keeps, ${firstDate} to ${lastDate}; it is shown at the nearest one. Edit or skip it.)`;
}
