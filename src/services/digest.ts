import { createHash } from 'node:crypto';
import { composeStepTitle } from '../core/compose-step-title.js';
import {
  composeDigestEmail,
  type DigestEmail,
  type DigestItem,
  digestDueAt,
  digestRetryDelayMinutes,
  localDateAt,
} from '../core/digest.js';
import { isAppError } from '../core/errors.js';
import { describeLinkAnswer } from '../core/response-link.js';
import type { TodayItem } from '../core/today.js';
import {
  claimDigestSend,
  type DigestSendState,
  finishDigestSend,
  listDigestSends,
  listDigestSubscribers,
} from '../storage/digest-send-store.js';
import { getSettings, getSmtpUrl } from '../storage/settings-store.js';
import { applicationLink, type PublicLinks, stepLink } from './calendar-feed.js';
import { type Deps, nowIso } from './deps.js';
import { workCalendarFor } from './replan.js';
import { getToday } from './today.js';

/** What the background worker has: everything a use case needs except a user, which each job names. */
export type WorkerDeps = Omit<Deps, 'userId'>;

export type DigestOutcome =
  | { readonly outcome: 'sent'; readonly items: number }
  | { readonly outcome: 'nothing_due' }
  | { readonly outcome: 'not_configured'; readonly missing: 'smtp' | 'email' }
  | {
      readonly outcome: 'not_due';
      readonly reason: 'disabled' | 'not_working_day' | 'too_early' | 'day_over';
    }
  | { readonly outcome: 'handled_elsewhere'; readonly state: DigestSendState }
  | { readonly outcome: 'failed'; readonly error: string; readonly retryAt: string }
  | { readonly outcome: 'refused'; readonly error: string };

/**
 * A sender that vanished mid-send (crash, kill) is presumed dead once this lease runs out, and the digest
 * is tried again. It is far longer than a send can take (sendEmail gives up after its timeouts).
 */
export const digestLeaseMinutes = 10;

/**
 * Sends the user's digest for `localDate`, at most once: the send is recorded (state `sending`, with a lease)
 * before the email leaves, and marked `sent` after the mail server accepted it. A failed send is recorded
 * with the time of its next try (1, 2, 4, 8, 16, then every 30 minutes) and the caller schedules it. Only a
 * crash between the server's acceptance and that last write can send it twice; docs/digest.md says why.
 */
export async function sendDigest(deps: Deps, localDate: string, links: PublicLinks): Promise<DigestOutcome> {
  const now = nowIso(deps);
  const settings = await getSettings(deps.db, deps.userId);
  if (localDateAt(now, settings.timeZone) !== localDate) return { outcome: 'not_due', reason: 'day_over' };
  const due = digestDueAt(now, settings, (date) => workCalendarFor(settings).isWorkingDay(date));
  if (!due.due) return { outcome: 'not_due', reason: due.reason };

  const claim = await claimDigestSend(deps.db, {
    userId: deps.userId,
    localDate,
    now,
    leaseUntil: new Date(Date.parse(now) + digestLeaseMinutes * 60_000).toISOString(),
    messageId: digestMessageId(deps.userId, localDate),
  });
  if (!claim.claimed) return { outcome: 'handled_elsewhere', state: claim.record.state };
  const finish = (result: Parameters<typeof finishDigestSend>[1]['result']) =>
    finishDigestSend(deps.db, {
      userId: deps.userId,
      localDate,
      attempt: claim.attempt,
      now: nowIso(deps),
      result,
    });

  const smtpUrl = await getSmtpUrl(deps.db, deps.userId);
  const from = settings.smtp.from ?? settings.email;
  if (!smtpUrl || !from || !settings.email) {
    const missing = smtpUrl ? 'email' : 'smtp';
    await finish({ state: 'skipped', reason: `not configured: no ${missing}`, itemCount: 0 });
    return { outcome: 'not_configured', missing };
  }

  const email = await composeDigestFor(deps, links);
  if (!email) {
    await finish({ state: 'skipped', reason: 'nothing due', itemCount: 0 });
    return { outcome: 'nothing_due' };
  }
  try {
    await deps.mailer.send(smtpUrl, {
      from: { name: 'hearback', address: from },
      to: [{ name: settings.name, address: settings.email }],
      subject: email.subject,
      text: email.text,
      date: now,
      messageId: claim.messageId,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A message the mailer refuses to build (an address it cannot use) fails the same way every time.
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
      await finish({ state: 'skipped', reason: `refused: ${message}`, itemCount: email.items });
      return { outcome: 'refused', error: message };
    }
    const retryAt = new Date(
      Date.parse(nowIso(deps)) + digestRetryDelayMinutes(claim.attempt) * 60_000,
    ).toISOString();
    await finish({ state: 'failed', error: message, nextAttemptAt: retryAt });
    return { outcome: 'failed', error: message, retryAt };
  }
  await finish({ state: 'sent', itemCount: email.items });
  return { outcome: 'sent', items: email.items };
}

/** The digest that would go out now, or null when nothing is due (for a preview; nothing is recorded). */
export async function previewDigest(deps: Deps, links: PublicLinks): Promise<DigestEmail | null> {
  const email = await composeDigestFor(deps, links);
  return email && { subject: email.subject, text: email.text };
}

export type DueDigest = { readonly userId: string; readonly localDate: string };

/**
 * Every user whose digest should be sent now: the digest is on, today is one of their working days, its
 * time has come, and today's record is absent, failed with its retry time reached, or stuck in `sending`
 * past its lease.
 */
export async function findDueDigests(deps: WorkerDeps): Promise<DueDigest[]> {
  const now = nowIso(deps);
  const candidates: DueDigest[] = [];
  for (const subscriber of await listDigestSubscribers(deps.db)) {
    const schedule = { ...subscriber, digestEnabled: true };
    const calendar = workCalendarFor({ ...subscriber, workingDays: [...subscriber.workingDays] });
    const due = digestDueAt(now, schedule, (date) => calendar.isWorkingDay(date));
    if (due.due) candidates.push({ userId: subscriber.userId, localDate: due.date });
  }
  const records = await listDigestSends(
    deps.db,
    candidates.map((c) => c.userId),
    candidates.map((c) => c.localDate),
  );
  const byKey = new Map(records.map((r) => [`${r.userId}\n${r.localDate}`, r]));
  return candidates.filter((candidate) => {
    const record = byKey.get(`${candidate.userId}\n${candidate.localDate}`);
    if (!record) return true;
    if (record.state === 'failed') return (record.nextAttemptAt ?? '') <= now;
    if (record.state === 'sending') return (record.leaseUntil ?? '') <= now;
    return false;
  });
}

/**
 * A stable Message-ID for the user's digest of a date (the user id hashed, so it does not leave the server),
 * kept on the send record: the same message on every attempt.
 */
export function digestMessageId(userId: string, localDate: string): string {
  const user = createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 24);
  return `<digest.${localDate}.${user}@hearback>`;
}

async function composeDigestFor(
  deps: Deps,
  links: PublicLinks,
): Promise<(DigestEmail & { items: number }) | null> {
  const settings = await getSettings(deps.db, deps.userId);
  const today = await getToday(deps);
  const base = links.publicUrl.replace(/\/+$/, '');
  // Answers since yesterday's digest: the day before this one.
  const answers = today.answers
    .filter((a) => Date.parse(a.answeredAt) > Date.parse(today.asOf) - 86_400_000)
    .map((a) => ({
      title: `${a.application.jobTitle} at ${a.application.companyName}`,
      ...describeLinkAnswer(a),
      ...(a.suggestedEnding === null && { suggestion: null }),
      message: a.message,
      link: applicationLink(links.publicUrl, a.application.id),
    }));
  const email = composeDigestEmail({
    date: today.date,
    timeZone: today.timeZone,
    name: settings.name,
    overdue: today.overdue.map((item) => toDigestItem(item, links)),
    today: today.today.map((item) => toDigestItem(item, links)),
    answers,
    todayLink: `${base}/today`,
    settingsLink: `${base}/settings`,
  });
  return email && { ...email, items: today.overdue.length + today.today.length + answers.length };
}

function toDigestItem(item: TodayItem, links: PublicLinks): DigestItem {
  return {
    title: composeStepTitle({
      kind: item.step.kind,
      channel: item.step.channel,
      contactName: item.contact?.name ?? null,
      companyName: item.application.companyName,
      jobTitle: item.application.jobTitle,
    }),
    explanation: item.explanation,
    dueAt: item.step.dueAt,
    link: stepLink(links.publicUrl, item.step),
    hasDraft: item.hasDraft,
  };
}
