import { computeInsights, defaultReplyDays, type Insights, type InsightsQuery } from '../core/insights.js';
import { anonymizeInsights } from '../core/insights-anonymize.js';
import { dayWindows, isLocalDate } from '../core/local-time.js';
import { listAllApplications } from '../storage/application-store.js';
import { listAllCompanies } from '../storage/company-store.js';
import { listAllEvents } from '../storage/event-store.js';
import { listAllFollowUps } from '../storage/follow-up-store.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, nowIso } from './deps.js';
import { workCalendarFor } from './replan.js';

/**
 * The insights of the user's whole search (docs/insights.md): every figure recomputed from the stored
 * histories on each call, so an edit anywhere shows at once. `asOf` (an instant, or a date meaning the end of
 * that day in the user's time zone) answers as the insights would have then.
 */
export async function getInsights(deps: Deps, query: InsightsQuery = {}): Promise<Insights> {
  const { db, userId } = deps;
  const settings = await getSettings(db, userId);
  const now =
    query.asOf === undefined
      ? nowIso(deps)
      : isLocalDate(query.asOf)
        ? new Date(Date.parse(dayWindows(query.asOf, settings.timeZone).tomorrowStart) - 1).toISOString()
        : new Date(Date.parse(query.asOf)).toISOString();
  const applications = await listAllApplications(db, userId);
  const companies = await listAllCompanies(db, userId);
  const events = await listAllEvents(db, userId);
  const followUps = await listAllFollowUps(db, userId);
  const insights = computeInsights({
    applications,
    companies,
    events,
    followUps,
    calendar: workCalendarFor(settings),
    from: query.from ?? null,
    to: query.to ?? null,
    now,
    // The saved weekly goal, unless the query names one for this answer.
    goal: {
      applications: query.goalApplications ?? settings.weeklyGoal.applications,
      interviews: query.goalInterviews ?? settings.weeklyGoal.interviews,
      followUps: query.goalFollowUps ?? settings.weeklyGoal.followUps,
    },
    replyDays: query.replyDays ?? defaultReplyDays,
  });
  return query.anonymize === 'true' ? anonymizeInsights(insights) : insights;
}
