import type { ActiveStage } from '../core/pipeline.js';
import {
  type Story,
  type StoryLesson,
  type StoryMonth,
  type StoryQuery,
  storyMarkdown,
} from '../core/story.js';
import { listAllApplications } from '../storage/application-store.js';
import { listAllCompanies } from '../storage/company-store.js';
import { listAllContacts } from '../storage/contact-store.js';
import { listAllEvents } from '../storage/event-store.js';
import { listPastRetrospectives } from '../storage/retrospective-store.js';
import { getSettings } from '../storage/settings-store.js';
import type { Deps } from './deps.js';
import { getInsights } from './insights.js';
import { workCalendarFor } from './replan.js';

/**
 * The story of the whole search as Markdown (docs/insights.md): the insights' headline figures and Sankey,
 * the applications, interviews and offers of each month, and the lessons of the retrospectives; anonymised
 * on request by the insights' anonymiser.
 */
export async function getStory(deps: Deps, query: StoryQuery = {}): Promise<Story> {
  const { db, userId } = deps;
  const isAnonymized = query.anonymize === 'true';
  const insights = await getInsights(deps, { anonymize: isAnonymized ? 'true' : 'false' });
  const calendar = workCalendarFor(await getSettings(db, userId));
  const applications = await listAllApplications(db, userId);
  const events = await listAllEvents(db, userId);
  const byMonth = new Map<string, { applications: number; interviews: number; offers: number }>();
  const bump = (instant: string, key: 'applications' | 'interviews' | 'offers') => {
    const month = calendar.localDate(instant).slice(0, 7);
    const row = byMonth.get(month) ?? { applications: 0, interviews: 0, offers: 0 };
    row[key] += 1;
    byMonth.set(month, row);
  };
  for (const a of applications) if (a.appliedAt !== null) bump(a.appliedAt, 'applications');
  // Interviews: the recorded interviews, or, for an application with none, its move to the interview stage.
  const withInterviews = new Set(events.filter((e) => e.kind === 'interview').map((e) => e.applicationId));
  for (const e of events) {
    if (e.kind === 'interview') bump(e.occurredAt, 'interviews');
    if (e.kind !== 'stage_change') continue;
    if (e.toStage === 'interviewing' && !withInterviews.has(e.applicationId))
      bump(e.occurredAt, 'interviews');
    if (e.toStage === 'offer') bump(e.occurredAt, 'offers');
  }
  const months: StoryMonth[] = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, row]) => ({ month, ...row }));
  const byId = new Map(applications.map((a) => [a.id, a]));
  const lessons: StoryLesson[] = (await listPastRetrospectives(db, userId))
    .sort((a, b) => (a.endedAt < b.endedAt ? -1 : a.endedAt > b.endedAt ? 1 : 0))
    .map((r) => {
      const application = byId.get(r.applicationId);
      return {
        companyName: application?.company.name ?? '',
        jobTitle: application?.jobTitle ?? '',
        furthestStage: r.furthestStage as ActiveStage,
        outcome: r.outcome,
        endedOn: calendar.localDate(r.endedAt),
        wentWell: r.wentWell,
        wouldChange: r.wouldChange,
        theySaid: r.theySaid,
      };
    });
  const hide = isAnonymized
    ? {
        companies: [
          ...applications.map((a) => a.company.name),
          ...(await listAllCompanies(db, userId)).map((c) => c.name),
        ],
        titles: applications.map((a) => a.jobTitle),
        people: (await listAllContacts(db, userId)).map((c) => c.name),
      }
    : null;
  return { isAnonymized, markdown: storyMarkdown({ insights, months, lessons, hide }) };
}
