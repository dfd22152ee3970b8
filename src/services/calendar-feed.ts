import { createHash, randomBytes } from 'node:crypto';
import {
  type CalendarFeedIssue,
  type CalendarFeedIssued,
  type CalendarFeedStatus,
  calendarRefreshMinutes,
  type FeedInterview,
  type FeedStep,
} from '../core/calendar-feed.js';
import { composeStepTitle } from '../core/compose-step-title.js';
import type { Contact } from '../core/contact.js';
import { draftKindFor } from '../core/drafts.js';
import { AppError } from '../core/errors.js';
import { type FollowUp, openFollowUpStatuses } from '../core/follow-up.js';
import type { Interview } from '../core/interview.js';
import type { Settings } from '../core/settings.js';
import { type FeedApplication, findFeedApplications } from '../storage/calendar-feed-store.js';
import {
  deleteCalendarToken,
  findCalendarToken,
  findCalendarTokenOwner,
  insertCalendarTokenHash,
  saveCalendarTokenHash,
} from '../storage/calendar-token-store.js';
import { findContactsByIds } from '../storage/contact-store.js';
import { listFollowUps } from '../storage/follow-up-store.js';
import { getInterview, listInterviews } from '../storage/interview-store.js';
import type { Db } from '../storage/schema.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';

/** Where links in calendar events and emails point: hearback's public base URL (HEARBACK_PUBLIC_URL). */
export type PublicLinks = { readonly publicUrl: string };

/** Past interviews stay in the feed this long, so last week's calendar still shows them. */
const pastInterviewDays = 180;

/** 256 random bits: far beyond guessing, and 43 URL-safe characters. */
const tokenBytes = 32;

/** Tokens are stored as their SHA-256: a copy of the database (a backup, a leak) does not open any feed. */
export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${trimSlash(publicUrl)}/ics/${token}.ics`;
}

export function applicationLink(publicUrl: string, applicationId: string): string {
  return `${trimSlash(publicUrl)}/applications/${encodeURIComponent(applicationId)}`;
}

/** The step's page in the web app, opened on its draft when it has one. */
export function stepLink(publicUrl: string, step: FollowUp): string {
  const page = `${trimSlash(publicUrl)}/follow-ups/${encodeURIComponent(step.id)}`;
  return draftKindFor(step) === null ? page : `${page}/draft`;
}

export async function getCalendarFeedStatus(deps: Deps): Promise<CalendarFeedStatus> {
  const token = await findCalendarToken(deps.db, deps.userId);
  return { exists: token !== undefined, createdAt: token?.createdAt ?? null };
}

/**
 * Issues the user's feed URL, or replaces it when `reissue` is set (the old URL then answers 404 like any
 * unknown one). The token is returned here once and never again.
 */
export async function issueCalendarFeed(
  deps: Deps,
  input: CalendarFeedIssue,
  options: PublicLinks & { readonly random?: (size: number) => Buffer },
): Promise<CalendarFeedIssued> {
  const token = (options.random ?? randomBytes)(tokenBytes).toString('base64url');
  const createdAt = nowIso(deps);
  const tokenHash = hashCalendarToken(token);
  await inTransaction(deps, async (tx) => {
    if (input.reissue) return saveCalendarTokenHash(tx.db, deps.userId, tokenHash, createdAt);
    if (!(await insertCalendarTokenHash(tx.db, deps.userId, tokenHash, createdAt))) {
      throw new AppError(
        'CALENDAR_FEED_EXISTS',
        'A calendar feed URL is already issued and cannot be shown again; re-issue it for a new one (the old URL stops working)',
      );
    }
  });
  const url = calendarFeedUrl(options.publicUrl, token);
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://'), createdAt };
}

/** Revokes the feed URL; nothing to do when there is none. */
export async function revokeCalendarFeed(deps: Deps): Promise<void> {
  await inTransaction(deps, (tx) => deleteCalendarToken(tx.db, deps.userId));
}

/**
 * The user a feed token belongs to, or null. Every token, well-formed or not, is hashed and looked up the
 * same way, so the answer's timing says nothing about which users exist.
 */
export function findCalendarFeedOwner(db: Db, token: string): Promise<string | null> {
  return findCalendarTokenOwner(db, hashCalendarToken(token));
}

/** The user's subscription feed: interviews from 180 days ago on, and every open follow-up step. */
export async function buildUserCalendarFeed(deps: Deps, links: PublicLinks): Promise<string> {
  const now = nowIso(deps);
  const settings = await getSettings(deps.db, deps.userId);
  const from = new Date(Date.parse(now) - pastInterviewDays * 86_400_000).toISOString();
  const interviews = await listInterviews(deps.db, deps.userId, { from });
  const steps = await listFollowUps(deps.db, deps.userId, { statuses: openFollowUpStatuses });
  const applications = await findFeedApplications(deps.db, deps.userId, [
    ...interviews.map((i) => i.applicationId),
    ...steps.map((s) => s.applicationId),
  ]);
  const contacts = await findContactsByIds(deps.db, deps.userId, [
    ...interviews.flatMap((i) => i.interviewerIds),
    ...steps.flatMap((s) => (s.contactId ? [s.contactId] : [])),
  ]);
  const feedInterviews = interviews.flatMap((interview) => {
    const application = applications.get(interview.applicationId);
    return application ? [toFeedInterview(interview, application, contacts, settings, links)] : [];
  });
  const feedSteps = steps.flatMap((step) => {
    const application = applications.get(step.applicationId);
    return application ? [toFeedStep(step, application, contacts, settings, links)] : [];
  });
  return deps.calendarWriter.writeFeed({
    calendarName: 'hearback',
    interviews: feedInterviews,
    steps: feedSteps,
    now,
    refreshMinutes: calendarRefreshMinutes,
  });
}

/** One interview as an .ics file to download: the same event the feed carries. */
export async function buildInterviewCalendarFile(deps: Deps, interviewId: string, links: PublicLinks) {
  const interview = await getInterview(deps.db, deps.userId, interviewId);
  const settings = await getSettings(deps.db, deps.userId);
  const applications = await findFeedApplications(deps.db, deps.userId, [interview.applicationId]);
  const application = applications.get(interview.applicationId);
  if (!application)
    throw new AppError('INTERVIEW_NOT_FOUND', `No interview ${interviewId}`, { id: interviewId });
  const contacts = await findContactsByIds(deps.db, deps.userId, interview.interviewerIds);
  return deps.calendarWriter.writeInterview({
    ...toFeedInterview(interview, application, contacts, settings, links),
    now: nowIso(deps),
  });
}

function toFeedInterview(
  interview: Interview,
  application: FeedApplication,
  contacts: ReadonlyMap<string, Contact>,
  settings: Settings,
  links: PublicLinks,
): FeedInterview {
  return {
    interview,
    application,
    companyName: application.companyName,
    interviewers: interview.interviewerIds.flatMap((id) => {
      const contact = contacts.get(id);
      return contact ? [contact] : [];
    }),
    travelBufferMinutes: settings.travelBufferMinutes,
    link: applicationLink(links.publicUrl, application.id),
    relatedUpdatedAt: [application.companyUpdatedAt],
  };
}

function toFeedStep(
  step: FollowUp,
  application: FeedApplication,
  contacts: ReadonlyMap<string, Contact>,
  settings: Settings,
  links: PublicLinks,
): FeedStep {
  const contact = step.contactId ? contacts.get(step.contactId) : undefined;
  return {
    step,
    title: composeStepTitle({
      kind: step.kind,
      channel: step.channel,
      contactName: contact?.name ?? null,
      companyName: application.companyName,
      jobTitle: application.jobTitle,
    }),
    explanation: step.reason,
    draftLink: stepLink(links.publicUrl, step),
    allDay: settings.calendarStepsAllDay,
    timeZone: settings.timeZone,
    // The title names the contact, the company and the job: renaming any of them changes the event.
    relatedUpdatedAt: [
      application.updatedAt,
      application.companyUpdatedAt,
      ...(contact ? [contact.updatedAt] : []),
    ],
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
