import type { Application } from '../core/application.js';
import { type Diagnosis, diagnose, type PostingStatus } from '../core/diagnosis.js';
import type { TimelineEvent } from '../core/event.js';
import { dayWindows, isLocalDate } from '../core/local-time.js';
import type { PostingWatch } from '../core/posting-watch.js';
import { computeResponseHistory } from '../core/response-history.js';
import { lessonsFor } from '../core/retrospective.js';
import { defaultTimeToHirePriors } from '../core/time-to-hire.js';
import { getApplication, listAllApplications } from '../storage/application-store.js';
import { getCompany } from '../storage/company-store.js';
import { listAllEvents, listApplicationEvents } from '../storage/event-store.js';
import { listApplicationFollowUps } from '../storage/follow-up-store.js';
import { listInterviews } from '../storage/interview-store.js';
import { findPostingWatch } from '../storage/posting-watch-store.js';
import { listPastRetrospectives } from '../storage/retrospective-store.js';
import { getSettings } from '../storage/settings-store.js';
import { findLatestTailoringCheck } from '../storage/tailoring-store.js';
import { type Deps, nowIso } from './deps.js';
import { workCalendarFor } from './replan.js';

const dayMs = 86_400_000;

/**
 * Why an application waiting on the employer has gone quiet: the five causes ranked, with evidence. `asOf`
 * (an instant, or a date meaning the end of that day in the user's time zone) answers as the diagnosis would
 * have then: what was recorded later — events, interviews booked, tailoring checks, posting checks — is left
 * out, and "now" is that moment.
 */
export async function diagnoseApplication(
  deps: Deps,
  applicationId: string,
  asOf?: string,
): Promise<Diagnosis> {
  const { db, userId } = deps;
  const application = await getApplication(db, userId, applicationId);
  const settings = await getSettings(db, userId);
  const company = await getCompany(db, userId, application.company.id);
  const now =
    asOf === undefined
      ? nowIso(deps)
      : isLocalDate(asOf)
        ? new Date(Date.parse(dayWindows(asOf, settings.timeZone).tomorrowStart) - 1).toISOString()
        : new Date(Date.parse(asOf)).toISOString();
  const isKnown = (at: string) => Date.parse(at) <= Date.parse(now);
  const events = (await listApplicationEvents(db, userId, applicationId)).filter((e) =>
    isKnown(e.occurredAt),
  );
  const tailoring = await findLatestTailoringCheck(db, userId, applicationId, now);
  // An interview counts once it was booked, or once it had taken place (logged afterwards).
  const interviews = (await listInterviews(db, userId, { applicationId })).filter(
    (i) => isKnown(i.createdAt) || isKnown(i.endsAt),
  );
  const watch = await findPostingWatch(db, userId, applicationId);
  const knownWatch = watch?.lastCheckedAt && !isKnown(watch.lastCheckedAt) ? undefined : watch;
  const applications = (await listAllApplications(db, userId)).filter(
    (a) => a.appliedAt !== null && isKnown(a.appliedAt),
  );
  const allEvents = (await listAllEvents(db, userId)).filter((e) => isKnown(e.occurredAt));
  return diagnose({
    application,
    interviews,
    events,
    followUps: await listApplicationFollowUps(db, userId, applicationId),
    postingStatus: postingStatusOf(application, events, knownWatch),
    tailoring:
      tailoring?.score != null
        ? { score: tailoring.score, missingKeywords: missingKeywordsOf(tailoring.analysis) }
        : null,
    companySize: company.sizeBand,
    industry: company.industry,
    settings,
    holidays: holidaysAround(settings, application.appliedAt ?? application.createdAt, now),
    history: computeResponseHistory(applications, allEvents),
    now,
    priors: defaultTimeToHirePriors,
    lessons: lessonsFor(
      { id: application.id, companyId: application.company.id, furthestStage: application.furthestStage },
      await listPastRetrospectives(db, userId),
      now,
    ),
  });
}

/**
 * What is known about the live posting: the latest posting change on the timeline (recorded by the posting
 * watch, or by the user), brought up to date by the watch's last look when that came later and found it online.
 */
function postingStatusOf(
  application: Application,
  events: readonly TimelineEvent[],
  watch: Pick<PostingWatch, 'state' | 'lastCheckedAt'> | undefined,
): PostingStatus | null {
  const last = [...events].reverse().find((e) => e.kind === 'posting_change');
  const validThrough = application.posting.validThrough;
  const states = {
    removed: 'removed',
    expired: 'removed',
    changed: 'changed',
    reposted: 'reposted',
    restored: 'online',
  } as const;
  const fromEvent =
    last?.kind === 'posting_change' ? { state: states[last.change], checkedAt: last.occurredAt } : null;
  const isNewerLook =
    watch?.state === 'online' &&
    watch.lastCheckedAt &&
    (!fromEvent || watch.lastCheckedAt > fromEvent.checkedAt);
  if (isNewerLook) {
    // Still online after a change or re-post: that news stands; after a removal, it is back online.
    const state = fromEvent && fromEvent.state !== 'removed' ? fromEvent.state : 'online';
    return { state, checkedAt: watch.lastCheckedAt, validThrough };
  }
  if (fromEvent) return { ...fromEvent, validThrough };
  return validThrough ? { state: 'unknown', checkedAt: null, validThrough } : null;
}

function missingKeywordsOf(analysis: Record<string, unknown>): string[] {
  const missing = analysis.missing;
  if (!Array.isArray(missing)) return [];
  return missing
    .flatMap((k) => (k && typeof k === 'object' && typeof k.term === 'string' ? [k.term as string] : []))
    .slice(0, 10);
}

/** The public holidays between the application and two months ahead, for business-day counting. */
function holidaysAround(
  settings: Parameters<typeof workCalendarFor>[0],
  from: string,
  now: string,
): string[] {
  const calendar = workCalendarFor(settings);
  const holidays: string[] = [];
  const start = Date.parse(from) - 30 * dayMs;
  const end = Date.parse(now) + 60 * dayMs;
  for (let t = start; t <= end && holidays.length < 400; t += dayMs) {
    const date = calendar.localDate(new Date(t).toISOString());
    if (calendar.dayOff(date)?.kind === 'holiday' && holidays.at(-1) !== date) holidays.push(date);
  }
  return holidays;
}
