import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, fieldError } from '../core/errors.js';
import { eventSchema, type TimelineEvent } from '../core/event.js';
import { dayWindows } from '../core/local-time.js';
import {
  localOnlyExplanation,
  type ResponseLinkAnswer,
  type ResponseLinkForm,
  type ResponseLinkIssued,
  type ResponseLinkStatus,
  sentimentOfAnswer,
} from '../core/response-link.js';
import { getApplicationRecord } from '../storage/application-store.js';
import { insertEvent, listEvents } from '../storage/event-store.js';
import {
  findActiveResponseLink,
  findUsableResponseLink,
  insertResponseLink,
  markResponseLinkAnswered,
  revokeResponseLinks,
  type UsableResponseLink,
  useResponseLinkNonce,
} from '../storage/response-link-store.js';
import type { Db } from '../storage/schema.js';
import { getSettings } from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';
import { replanApplication } from './replan.js';

/**
 * Where response links point. `publicUrl` is null when HEARBACK_PUBLIC_URL is not set: the default address
 * (localhost) is one no employer can open, so no link is made then.
 */
export type ResponseLinkOptions = {
  readonly publicUrl: string | null;
  readonly random?: (size: number) => Buffer;
};

/** 256 random bits (at least 128 are asked for): 43 URL-safe characters. */
const tokenBytes = 32;
/** A page's nonce is good for a day: long enough to think, short enough that an old page is refused. */
const nonceLifetimeMs = 24 * 3_600_000;
const dayMs = 86_400_000;

/** Tokens and nonces are stored as their SHA-256: a copy of the database opens no link. */
export function hashResponseLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function responseLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/r/${token}`;
}

export async function getResponseLinkStatus(
  deps: Deps,
  applicationId: string,
  options: ResponseLinkOptions,
): Promise<ResponseLinkStatus> {
  const record = await getApplicationRecord(deps.db, deps.userId, applicationId);
  const link = await findActiveResponseLink(deps.db, deps.userId, applicationId, nowIso(deps));
  const last = record.events.findLast(isLinkReply);
  return {
    available: options.publicUrl !== null,
    explanation: options.publicUrl === null ? localOnlyExplanation : null,
    link: link ?? null,
    lastAnswer: last
      ? {
          eventId: last.id,
          answer: last.responseLink.answer,
          expectedBy: last.responseLink.expectedBy,
          message: last.summary,
          answeredAt: last.occurredAt,
        }
      : null,
  };
}

/**
 * Issues the application's response link, replacing (revoking) the active one. The token is in this answer
 * only; hearback keeps its hash. Refused when no employer could reach hearback.
 */
export async function createResponseLink(
  deps: Deps,
  applicationId: string,
  input: { readonly days?: number | undefined },
  options: ResponseLinkOptions,
): Promise<ResponseLinkIssued> {
  if (options.publicUrl === null) throw new AppError('RESPONSE_LINK_UNAVAILABLE', localOnlyExplanation);
  const publicUrl = options.publicUrl;
  const random = options.random ?? randomBytes;
  const token = random(tokenBytes).toString('base64url');
  const now = nowIso(deps);
  return inTransaction(deps, async (tx) => {
    await getApplicationRecord(tx.db, deps.userId, applicationId);
    const days = input.days ?? (await getSettings(tx.db, deps.userId)).responseLinkDays;
    const expiresAt = new Date(Date.parse(now) + days * dayMs).toISOString();
    await revokeResponseLinks(tx.db, deps.userId, applicationId, now);
    const id = deps.ids.next();
    await insertResponseLink(tx.db, {
      id,
      user_id: deps.userId,
      application_id: applicationId,
      token_hash: hashResponseLinkToken(token),
      nonce_key: random(32).toString('base64url'),
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      answered_at: null,
    });
    return {
      url: responseLinkUrl(publicUrl, token),
      expiresAt,
      link: { id, applicationId, createdAt: now, expiresAt, answeredAt: null },
    };
  });
}

/** Revokes the application's link: from now on it answers like an unknown one. Nothing to do without one. */
export async function revokeResponseLink(deps: Deps, applicationId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getApplicationRecord(tx.db, deps.userId, applicationId);
    await revokeResponseLinks(tx.db, deps.userId, applicationId, nowIso(deps));
  });
}

/** What the employer's page shows: read only, so a mail scanner following the link changes nothing. */
export type ResponseLinkPage = {
  readonly link: UsableResponseLink;
  readonly candidateName: string | null;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly lastContactDate: string | null;
  readonly locale: string;
  readonly timeZone: string;
  readonly today: string;
  /** The latest answer through a link, so a second visit sees what was said. */
  readonly previousAnswer: { readonly answer: ResponseLinkAnswer; readonly answeredAt: string } | null;
};

/**
 * The page a token opens, or null for an unknown, revoked or expired token alike. Every token, well-formed
 * or not, costs one hash and the same one lookup.
 */
export async function openResponseLinkPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<ResponseLinkPage | null> {
  const now = nowIso(deps);
  const link = await findUsableResponseLink(deps.db, hashResponseLinkToken(token), now);
  if (!link) return null;
  const record = await getApplicationRecord(deps.db, link.userId, link.applicationId);
  const settings = await getSettings(deps.db, link.userId);
  const contacts = record.events.filter(
    (e) => e.kind === 'message_sent' || e.kind === 'interview' || e.kind === 'reply_received',
  );
  const lastContact = contacts.at(-1)?.occurredAt ?? record.application.appliedAt;
  const previous = record.events.findLast(isLinkReply);
  return {
    link,
    candidateName: settings.name,
    jobTitle: record.application.jobTitle,
    companyName: record.application.company.name,
    lastContactDate: lastContact ? dayWindows(lastContact, settings.timeZone).today : null,
    locale: settings.locale,
    timeZone: settings.timeZone,
    today: dayWindows(now, settings.timeZone).today,
    previousAnswer: previous
      ? { answer: previous.responseLink.answer, answeredAt: previous.occurredAt }
      : null,
  };
}

/**
 * A one-time nonce for the page, bound to the link and to the browser's CSRF cookie value and signed with
 * the link's own key, so issuing it writes nothing: `<issued ms>.<random>.<signature>`.
 */
export function issueResponseLinkNonce(
  link: Pick<UsableResponseLink, 'id' | 'nonceKey'>,
  csrf: string,
  nowMs: number,
  random: (size: number) => Buffer = randomBytes,
): string {
  const body = `${nowMs}.${random(16).toString('base64url')}`;
  return `${body}.${signNonce(link, csrf, body)}`;
}

function signNonce(link: Pick<UsableResponseLink, 'id' | 'nonceKey'>, csrf: string, body: string): string {
  return createHmac('sha256', link.nonceKey).update(`${link.id}\n${csrf}\n${body}`).digest('base64url');
}

function isNonceValid(link: UsableResponseLink, csrf: string, nonce: string, nowMs: number): boolean {
  const parts = nonce.split('.');
  if (parts.length !== 3) return false;
  const [issued, random, signature] = parts as [string, string, string];
  const issuedMs = Number(issued);
  if (!Number.isSafeInteger(issuedMs) || nowMs - issuedMs > nonceLifetimeMs || issuedMs > nowMs + 60_000)
    return false;
  const expected = Buffer.from(signNonce(link, csrf, `${issued}.${random}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type AnswerOutcome =
  | { readonly kind: 'answered'; readonly event: TimelineEvent; readonly page: ResponseLinkPage }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'bad_nonce'; readonly page: ResponseLinkPage };

/**
 * The employer's answer. The page's nonce must be valid, signed for this browser's CSRF cookie, and unused;
 * then, in one transaction, the nonce is spent and the answer becomes a reply on the timeline that re-plans
 * the follow-ups exactly as a reply the user logged does. A second answer is a second reply: the latest
 * counts, both stay in the history.
 */
export async function answerResponseLink(
  deps: Deps,
  token: string,
  input: { readonly form: ResponseLinkForm; readonly csrf: string },
): Promise<AnswerOutcome> {
  const page = await openResponseLinkPage(deps, token);
  if (!page) return { kind: 'not_found' };
  const { link } = page;
  const nowMs = deps.clock.now().getTime();
  if (!input.csrf || !isNonceValid(link, input.csrf, input.form.nonce, nowMs)) {
    return { kind: 'bad_nonce', page };
  }
  const { answer } = input.form;
  const expectedBy = answer === 'still_deciding' && input.form.expectedBy ? input.form.expectedBy : null;
  if (expectedBy !== null && expectedBy < page.today) {
    throw fieldError('expectedBy', 'must be today or later');
  }
  const message = input.form.message?.trim() ? input.form.message : null;
  const owner: Deps = { ...deps, userId: link.userId };
  return inTransaction(owner, async (tx) => {
    const now = nowIso(tx);
    if (!(await useResponseLinkNonce(tx.db, link.id, hashResponseLinkToken(input.form.nonce), now))) {
      return { kind: 'bad_nonce', page } as const;
    }
    const record = await getApplicationRecord(tx.db, tx.userId, link.applicationId);
    const event = eventSchema.parse({
      id: tx.ids.next(),
      applicationId: link.applicationId,
      kind: 'reply_received',
      channel: 'other',
      contactId: null,
      sentiment: sentimentOfAnswer(answer),
      summary: message,
      newDecisionDate: expectedBy,
      responseLink: { linkId: link.id, answer, expectedBy },
      occurredAt: now,
      createdAt: now,
    });
    await insertEvent(tx.db, tx.userId, event);
    await markResponseLinkAnswered(tx.db, link.id, now);
    await replanApplication(tx, { ...record, events: [...record.events, event] });
    return { kind: 'answered', event, page } as const;
  });
}

/** Answers through the response link in the last `days` days, newest first: what Today and the digest show. */
export async function listRecentLinkAnswers(
  db: Db,
  userId: string,
  now: string,
  days = 14,
): Promise<LinkReply[]> {
  const from = new Date(Date.parse(now) - days * dayMs).toISOString();
  const replies = await listEvents(db, userId, { kind: 'reply_received', from, limit: 1000 });
  return replies.filter(isLinkReply).reverse();
}

export type LinkReply = Extract<TimelineEvent, { kind: 'reply_received' }> & {
  readonly responseLink: NonNullable<Extract<TimelineEvent, { kind: 'reply_received' }>['responseLink']>;
};

export function isLinkReply(event: TimelineEvent): event is LinkReply {
  return event.kind === 'reply_received' && event.responseLink !== undefined;
}
