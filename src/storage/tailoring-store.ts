import type { TailoringCheck } from '../core/tailoring-check.js';
import type { Db, TailoringChecksTable } from './schema.js';
import { fromJson, toJson } from './sql-helpers.js';

export async function insertTailoringCheck(
  db: Db,
  userId: string,
  check: TailoringCheck & { resumeText: string; coverLetterText: string | null },
): Promise<void> {
  await db
    .insertInto('tailoring_checks')
    .values({
      id: check.id,
      user_id: userId,
      application_id: check.applicationId,
      resume_name: check.resumeName,
      resume_text: check.resumeText,
      cover_letter_text: check.coverLetterText,
      score: check.score,
      analysis: toJson(check.analysis),
      created_at: check.createdAt,
    })
    .execute();
}

/** The latest check, or the latest made by `madeBy` (an instant) when given. */
export async function findLatestTailoringCheck(
  db: Db,
  userId: string,
  applicationId: string,
  madeBy?: string,
): Promise<TailoringCheck | undefined> {
  let query = db
    .selectFrom('tailoring_checks')
    .selectAll()
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId);
  if (madeBy !== undefined) query = query.where('created_at', '<=', madeBy);
  const row = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row && toCheck(row);
}

function toCheck(row: TailoringChecksTable): TailoringCheck {
  return {
    id: row.id,
    applicationId: row.application_id,
    resumeName: row.resume_name,
    score: row.score === null ? null : Number(row.score),
    analysis: fromJson<TailoringCheck['analysis']>(row.analysis),
    createdAt: row.created_at,
  };
}
