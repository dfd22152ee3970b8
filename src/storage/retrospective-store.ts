import type { ActiveStage, Outcome } from '../core/pipeline.js';
import type { PastRetrospective, Retrospective } from '../core/retrospective.js';
import type { Db, RetrospectivesTable } from './schema.js';

function fromRow(row: Omit<RetrospectivesTable, 'user_id'>): Retrospective {
  return {
    applicationId: row.application_id,
    wentWell: row.went_well,
    wouldChange: row.would_change,
    theySaid: row.they_said,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columns = [
  'retrospectives.application_id',
  'retrospectives.went_well',
  'retrospectives.would_change',
  'retrospectives.they_said',
  'retrospectives.created_at',
  'retrospectives.updated_at',
] as const;

export async function findRetrospective(
  db: Db,
  userId: string,
  applicationId: string,
): Promise<Retrospective | null> {
  const row = await db
    .selectFrom('retrospectives')
    .select(columns)
    .where('user_id', '=', userId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Writes the application's retrospective, replacing an earlier one and keeping when it was first written. */
export async function saveRetrospectiveRow(db: Db, row: RetrospectivesTable): Promise<void> {
  await db
    .insertInto('retrospectives')
    .values(row)
    .onConflict((oc) =>
      oc.column('application_id').doUpdateSet({
        went_well: row.went_well,
        would_change: row.would_change,
        they_said: row.they_said,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Every retrospective of the user's ended applications, with what a lesson is matched on. */
export async function listPastRetrospectives(db: Db, userId: string): Promise<PastRetrospective[]> {
  const rows = await db
    .selectFrom('retrospectives')
    .innerJoin('applications', 'applications.id', 'retrospectives.application_id')
    .select([
      ...columns,
      'applications.company_id',
      'applications.furthest_stage',
      'applications.outcome',
      'applications.ended_at',
    ])
    .where('retrospectives.user_id', '=', userId)
    .where('applications.ended_at', 'is not', null)
    .execute();
  return rows.map((row) => ({
    ...fromRow(row),
    companyId: row.company_id,
    furthestStage: row.furthest_stage as ActiveStage,
    outcome: row.outcome as Outcome | null,
    endedAt: row.ended_at!,
  }));
}
