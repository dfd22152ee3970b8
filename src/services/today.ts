import { draftKindFor } from '../core/drafts.js';
import { openFollowUpStatuses } from '../core/follow-up.js';
import { dayWindows, isLocalDate, morningOf } from '../core/local-time.js';
import { suggestedEnding } from '../core/response-link.js';
import {
  debriefWindowDays,
  type Today,
  type TodayAnswer,
  type TodayDebrief,
  type TodayItem,
} from '../core/today.js';
import { countApplications, findApplicationSummaries } from '../storage/application-store.js';
import { listOpenStepsWithApplications } from '../storage/follow-up-store.js';
import { listInterviewsToDebrief } from '../storage/interview-store.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, nowIso } from './deps.js';
import { listRecentLinkAnswers } from './response-link.js';

/** At most this many overdue steps are listed; a backlog longer than that is cleared from the oldest. */
const overdueLimit = 500;

/**
 * What to do today as of `asOf` (default now): overdue steps, steps due today, and the coming week, each in
 * due order. A date alone means its working morning, so "what is due next Monday" reads naturally. With
 * `first`, each group lists only its first steps (what a screen draws before "show more"); the totals count
 * them all.
 */
export async function getToday(deps: Deps, asOf?: string, first?: number): Promise<Today> {
  // Two rounds of reads, each run side by side: the settings (the time zone) and the count, then what is
  // due, what to debrief and what employers answered. The steps come with their applications and contacts.
  const [settings, applicationCount] = await Promise.all([
    getSettings(deps.db, deps.userId),
    countApplications(deps.db, deps.userId),
  ]);
  const moment =
    asOf === undefined ? nowIso(deps) : isLocalDate(asOf) ? morningOf(asOf, settings.timeZone) : asOf;
  const days = dayWindows(moment, settings.timeZone);
  const [steps, toDebrief, linkAnswers] = await Promise.all([
    listOpenStepsWithApplications(deps.db, deps.userId, {
      statuses: openFollowUpStatuses,
      dueBefore: days.weekEnd,
    }),
    listInterviewsToDebrief(deps.db, deps.userId, {
      from: new Date(Date.parse(moment) - debriefWindowDays * 86_400_000).toISOString(),
      to: moment,
    }),
    listRecentLinkAnswers(deps.db, deps.userId, moment),
  ]);
  const applications = await findApplicationSummaries(deps.db, deps.userId, [
    ...toDebrief.map((i) => i.applicationId),
    ...linkAnswers.map((a) => a.applicationId),
  ]);
  const today: Today = {
    asOf: moment,
    date: days.today,
    timeZone: settings.timeZone,
    overdue: [],
    today: [],
    week: [],
    debriefs: toDebrief.flatMap((interview): TodayDebrief[] => {
      const application = applications.get(interview.applicationId);
      if (!application || application.stage === 'ended') return [];
      const { id, jobTitle, companyName } = application;
      return [{ interview, application: { id, jobTitle, companyName } }];
    }),
    applicationCount,
    // A second answer replaces the first: only each application's newest is shown.
    answers: linkAnswers.flatMap((reply, index): TodayAnswer[] => {
      const application = applications.get(reply.applicationId);
      if (!application) return [];
      if (linkAnswers.findIndex((a) => a.applicationId === reply.applicationId) !== index) return [];
      return [
        {
          eventId: reply.id,
          application,
          answer: reply.responseLink.answer,
          expectedBy: reply.responseLink.expectedBy,
          message: reply.summary,
          answeredAt: reply.occurredAt,
          suggestedEnding: application.stage === 'ended' ? null : suggestedEnding(reply.responseLink.answer),
        },
      ];
    }),
    totals: { overdue: 0, today: 0, week: 0 },
  };
  for (const { step, application, contact } of steps) {
    const item: TodayItem = {
      step,
      application,
      contact,
      explanation: step.reason,
      hasDraft: draftKindFor(step) !== null,
    };
    if (step.dueAt < days.todayStart) {
      if (today.overdue.length < overdueLimit) today.overdue.push(item);
    } else if (step.dueAt < days.tomorrowStart) today.today.push(item);
    else today.week.push(item);
  }
  today.totals = { overdue: today.overdue.length, today: today.today.length, week: today.week.length };
  if (first !== undefined) {
    today.overdue = today.overdue.slice(0, first);
    today.today = today.today.slice(0, first);
    today.week = today.week.slice(0, first);
  }
  return today;
}
