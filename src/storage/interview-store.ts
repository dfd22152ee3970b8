import type { Interview, InterviewListQuery, InterviewRound } from '../core/interview.js';
import type { Db, InterviewsTable } from './schema.js';
import { allColumns, found, storedInstant, storedLocalDateOrNull } from './sql-helpers.js';

export async function insertInterview(db: Db, userId: string, interview: Interview): Promise<void> {
  await db
    .insertInto('interviews')
    .values({
      ...toRow(interview),
      id: interview.id,
      user_id: userId,
      application_id: interview.applicationId,
      created_at: interview.createdAt,
    })
    .execute();
  await replaceInterviewers(db, userId, interview.id, interview.interviewerIds);
}

export async function updateInterviewRow(db: Db, userId: string, interview: Interview): Promise<void> {
  await db
    .updateTable('interviews')
    .set(toRow(interview))
    .where('id', '=', interview.id)
    .where('user_id', '=', userId)
    .execute();
  await replaceInterviewers(db, userId, interview.id, interview.interviewerIds);
}

export async function findInterview(db: Db, userId: string, id: string): Promise<Interview | undefined> {
  const row = await db
    .selectFrom('interviews')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [interview] = await withInterviewers(db, [row]);
  return interview;
}

export async function getInterview(db: Db, userId: string, id: string): Promise<Interview> {
  return found(await findInterview(db, userId, id), 'INTERVIEW_NOT_FOUND', 'interview', id);
}

export async function listInterviews(
  db: Db,
  userId: string,
  query: InterviewListQuery,
): Promise<Interview[]> {
  let q = db.selectFrom('interviews').selectAll().where('user_id', '=', userId);
  if (query.applicationId) q = q.where('application_id', '=', query.applicationId);
  if (query.from) q = q.where('starts_at', '>=', query.from);
  if (query.to) q = q.where('starts_at', '<', query.to);
  const rows = await q.orderBy('starts_at').orderBy('id').execute();
  return withInterviewers(db, rows);
}

/** Interviews that ended from `from` up to `to` with neither topics nor a rating noted yet, latest first. */
export async function listInterviewsToDebrief(
  db: Db,
  userId: string,
  window: { readonly from: string; readonly to: string },
): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .selectAll()
    .where('user_id', '=', userId)
    .where('ends_at', '>=', window.from)
    .where('ends_at', '<=', window.to)
    .where('topics', '=', '')
    .where('self_rating', 'is', null)
    .orderBy('ends_at', 'desc')
    .orderBy('id')
    .execute();
  return withInterviewers(db, rows);
}

export async function listAllInterviews(db: Db, userId: string): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return withInterviewers(db, rows);
}

export async function deleteInterviewRow(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom('interviews').where('id', '=', id).where('user_id', '=', userId).execute();
}

async function replaceInterviewers(
  db: Db,
  userId: string,
  interviewId: string,
  contactIds: readonly string[],
) {
  await db.deleteFrom('interview_interviewers').where('interview_id', '=', interviewId).execute();
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('interview_interviewers')
    .values(
      unique.map((contactId, position) => ({
        interview_id: interviewId,
        contact_id: contactId,
        user_id: userId,
        position,
      })),
    )
    .execute();
}

async function withInterviewers(db: Db, rows: readonly InterviewsTable[]): Promise<Interview[]> {
  const byInterview = new Map<string, string[]>();
  if (rows.length > 0) {
    const links = await db
      .selectFrom('interview_interviewers')
      .select(['interview_id', 'contact_id'])
      .where(
        'interview_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('interview_id')
      .orderBy('position')
      .execute();
    for (const link of links) {
      const list = byInterview.get(link.interview_id) ?? [];
      list.push(link.contact_id);
      byInterview.set(link.interview_id, list);
    }
  }
  return rows.map((row) => toInterview(row, byInterview.get(row.id) ?? []));
}

function toRow(i: Interview) {
  return {
    round: i.round,
    starts_at: i.startsAt,
    ends_at: i.endsAt,
    time_zone: i.timeZone,
    location: i.location,
    video_link: i.videoLink,
    decision_date: i.decisionDate,
    notes: i.notes,
    topics: i.topics,
    self_rating: i.selfRating,
    updated_at: i.updatedAt,
  };
}

export const interviewColumns = allColumns<InterviewsTable>({
  id: true,
  user_id: true,
  application_id: true,
  round: true,
  starts_at: true,
  ends_at: true,
  time_zone: true,
  location: true,
  video_link: true,
  decision_date: true,
  notes: true,
  topics: true,
  self_rating: true,
  created_at: true,
  updated_at: true,
});

export function toInterview(row: InterviewsTable, interviewerIds: string[]): Interview {
  return {
    id: row.id,
    applicationId: row.application_id,
    round: row.round as InterviewRound,
    startsAt: storedInstant(row.starts_at),
    endsAt: storedInstant(row.ends_at),
    timeZone: row.time_zone,
    location: row.location,
    videoLink: row.video_link,
    interviewerIds,
    decisionDate: storedLocalDateOrNull(row.decision_date),
    notes: row.notes,
    topics: row.topics,
    selfRating: row.self_rating,
    createdAt: storedInstant(row.created_at),
    updatedAt: storedInstant(row.updated_at),
  };
}
