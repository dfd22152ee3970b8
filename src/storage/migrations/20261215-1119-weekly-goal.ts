import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was when they were written
type AnyDb = Kysely<any>;

/**
 * The weekly goal the insights' activity measures each week against (docs/insights.md): how many
 * applications, interviews and follow-ups done per week. Null is "no goal"; the insights' query may still
 * set one for a single answer.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const column of ['weekly_goal_applications', 'weekly_goal_interviews', 'weekly_goal_follow_ups']) {
    await db.schema.alterTable('settings').addColumn(column, 'integer').execute();
  }
}
