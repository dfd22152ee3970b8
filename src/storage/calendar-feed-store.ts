import type { Db } from './schema.js';

/** What a calendar event shows of an application, with the edit times that decide its SEQUENCE. */
export type FeedApplication = {
  readonly id: string;
  readonly jobTitle: string;
  readonly postingUrl: string | null;
  readonly updatedAt: string;
  readonly companyName: string;
  readonly companyUpdatedAt: string;
};

/** The applications the feed's events belong to, in one query. */
export async function findFeedApplications(
  db: Db,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, FeedApplication>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .innerJoin('companies', 'companies.id', 'applications.company_id')
    .select([
      'applications.id',
      'applications.job_title',
      'applications.posting_url',
      'applications.updated_at',
      'companies.name',
      'companies.updated_at as company_updated_at',
    ])
    .where('applications.user_id', '=', userId)
    .where('applications.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        jobTitle: r.job_title,
        postingUrl: r.posting_url,
        updatedAt: r.updated_at,
        companyName: r.name,
        companyUpdatedAt: r.company_updated_at,
      },
    ]),
  );
}
