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
import { countOpenStepsByWindow, listOpenStepsWithApplications } from '../storage/follow-up-store.js';
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
  // due (with `first`, each group's first steps and every group's count), what to debrief and what employers
  // answered. The steps come with their applications and contacts.
  const [settings, applicationCount] = await Promise.all([
    getSettings(deps.db, deps.userId),
    countApplications(deps.db, deps.userId),
  ]);
  const moment =
    asOf === undefined ? nowIso(deps) : isLocalDate(asOf) ? morningOf(asOf, settings.timeZone) : asOf;
  const days = dayWindows(moment, settings.timeZone);
  const [steps, totals, toDebrief, linkAnswers] = await Promise.all([
    first === undefined ? allSteps(deps, days.weekEnd) : firstSteps(deps, days, first),
    first === undefined
      ? null
      : countOpenStepsByWindow(deps.db, deps.userId, {
          statuses: openFollowUpStatuses,
          todayStart: days.todayStart,
          tomorrowStart: days.tomorrowStart,
          weekEnd: days.weekEnd,
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
  today.totals = totals
    ? { ...totals, overdue: Math.min(totals.overdue, overdueLimit) }
    : { overdue: today.overdue.length, today: today.today.length, week: today.week.length };
  return today;
}

function allSteps(deps: Deps, weekEnd: string) {
  return listOpenStepsWithApplications(deps.db, deps.userId, {
    statuses: openFollowUpStatuses,
    dueBefore: weekEnd,
  });
}

/**
 * Each group's first `first` steps, read as such (three statements side by side), so the first answer of a
 * large search costs what it shows rather than every open step.
 */
async function firstSteps(
  deps: Deps,
  days: { readonly todayStart: string; readonly tomorrowStart: string; readonly weekEnd: string },
  first: number,
) {
  const windows = [
    { dueBefore: days.todayStart, limit: Math.min(first, overdueLimit) },
    { dueFrom: days.todayStart, dueBefore: days.tomorrowStart, limit: first },
    { dueFrom: days.tomorrowStart, dueBefore: days.weekEnd, limit: first },
  ];
  const groups = await Promise.all(
    windows.map((window) =>
      listOpenStepsWithApplications(deps.db, deps.userId, { statuses: openFollowUpStatuses, ...window }),
    ),
  );
  return groups.flat();
}
