import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  signUpAccount,
  type TestAccount,
} from '../../test/support/server-mode.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';
import { createInvitation } from '../services/invitations.js';

/**
 * Server mode's access matrix, generated from the router: every operation of the live OpenAPI document is
 * called with no session, with a forged session cookie, as another job seeker (the stranger) on the owner's
 * ids, and as the owner. The expected answers come from the one table below; an operation missing from it
 * (a new route) fails the test, and so does a table entry the router no longer has.
 *
 * - anonymous and forged: 401 for every route but the health check;
 * - stranger: refused as if the owner's record did not exist (404; 400 naming the field when the body
 *   names it; every item failed in a batch) when the request names one of the owner's records, else `own` —
 *   a 2xx about the stranger's own data; no answer to the stranger contains any of the owner's ids or names
 *   beyond what the stranger sent;
 * - owner: the route's success status, which shows the request was valid (so the stranger's 404 is about
 *   whose record it is, not about a malformed request).
 *
 * After every stranger call the owner's data version must be unchanged: nothing of theirs was written.
 */

/** What names every owner record, so a leak into a stranger's answer is found by searching for it. */
const ownerMark = 'OwnerSecret';

/** `owner` overrides what the owner sends (the extension's routes: its token, its Origin, a valid code). */
type Sample = {
  url: string;
  payload?: unknown;
  owner?: { payload?: unknown; headers?: Record<string, string> };
};

/**
 * How the stranger is answered: `404` (the path names the owner's record), `reference` (a field of the body
 * names it: 400 VALIDATION_FAILED "no … with id …", the answer for an id that does not exist), `batch` (a
 * batch route: 200, every item failed as not found, nothing done), `own` (their own data) or `ownAsOwner`
 * (their own data, answered as the owner is: a route whose owner answer is not a 2xx here).
 */
type Refusal =
  | 404
  | 'reference'
  | 'batch'
  | 'own'
  | 'ownAsOwner'
  | 'extension'
  | 403
  | 400
  | 'shared'
  | 'accounts';
type Fixture = {
  asOwner(method: string, url: string, payload?: unknown): Promise<unknown>;
  company(): Promise<string>;
  contact(): Promise<string>;
  application(stage?: string): Promise<string>;
  applicationWithPosting(): Promise<string>;
  interview(): Promise<string>;
  event(): Promise<string>;
  followUp(): Promise<string>;
  plannedFollowUp(): Promise<string>;
  emptyBackup(): Promise<unknown>;
  inboxReviewItem(): Promise<string>;
  /** A paired extension token of the owner's, with its id. */
  extensionToken(): Promise<{ token: string; tokenId: string }>;
  /** The owner's id, and a coach the owner has not shared with yet (for POST /api/shares). */
  ownerId(): string;
  ownerEmail(): string;
  spareCoachEmail(): string;
  spareAccountId(): string;
  /** A pending invitation (made as an operator would), with its link's token. */
  invitation(): Promise<{ id: string; token: string }>;
};
type Row = {
  readonly owner: number;
  readonly stranger: Refusal;
  /** What a request with no session (and no token) gets, when not 401; the extension's own routes. */
  readonly anonymous?: number;
  /**
   * A coach the owner shares everything with, a coach without a share, and an admin, each on the owner's
   * ids; absent, as the stranger. `403` ROLE_REQUIRED; `shared` a 2xx about the owner's shared data (the only
   * answers that may show it, and a coach's comment the only one that may change it); `accounts` a 2xx
   * naming accounts (ids, emails, counts) but none of their content.
   */
  readonly coach?: Refusal;
  readonly unsharedCoach?: Refusal;
  readonly admin?: Refusal;
  /** Builds the request, making fresh owner records where the route changes or deletes one. */
  readonly sample: (fixture: Fixture) => Promise<Sample>;
};

const past = '2026-02-20T09:00:00.000Z';
const invitation = (uid: string) =>
  `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260301T000000Z',
    'DTSTART:20260311T150000Z',
    'DTEND:20260311T160000Z',
    'SUMMARY:Interview',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n')}\r\n`;
const postingPage =
  '<html><head><title>Engineer</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Engineer","hiringOrganization":{"@type":"Organization","name":"Neutral Co"},"description":"TypeScript and PostgreSQL"}</script></head><body></body></html>';

const fromExtension = { origin: 'chrome-extension://cgdnccfioehiegodnddlbiblafpfgmdk' };
const clipSample =
  (url: string, payload: unknown) =>
  async (f: Fixture): Promise<Sample> => ({
    url,
    payload,
    owner: { headers: { ...fromExtension, authorization: `Bearer ${(await f.extensionToken()).token}` } },
  });

const on = (url: string, payload?: unknown) => async (): Promise<Sample> => ({ url, payload });

/** The one table of expected answers, by `METHOD path` as the OpenAPI document names the route. */
const table: Record<string, Row> = {
  'GET /api/health': { owner: 200, stranger: 'own', sample: on('/api/health') },
  'GET /api/account': { owner: 200, stranger: 'own', sample: on('/api/account') },
  'GET /api/shares': { owner: 200, stranger: 'own', sample: on('/api/shares') },
  // Deleting the owner's account runs last of all; anyone else's call names the owner's email, refused by field.
  'DELETE /api/account': {
    owner: 204,
    stranger: 400,
    sample: async (f) => ({ url: '/api/account', payload: { confirmEmail: f.ownerEmail() } }),
  },
  'POST /api/shares': {
    owner: 201,
    stranger: 'reference',
    sample: async (f) => ({
      url: '/api/shares',
      payload: { coachEmail: f.spareCoachEmail(), applicationIds: [await f.application()] },
    }),
  },
  'DELETE /api/shares/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => {
      const share = (await f.asOwner('POST', '/api/shares', { coachEmail: f.spareCoachEmail() })) as {
        id: string;
      };
      return { url: `/api/shares/${share.id}` };
    },
  },
  'GET /api/coach/job-seekers': {
    owner: 403,
    stranger: 403,
    coach: 'shared',
    unsharedCoach: 'own',
    admin: 403,
    sample: on('/api/coach/job-seekers'),
  },
  'GET /api/coach/job-seekers/{id}/applications': {
    owner: 403,
    stranger: 403,
    coach: 'shared',
    unsharedCoach: 404,
    admin: 403,
    sample: async (f) => ({ url: `/api/coach/job-seekers/${f.ownerId()}/applications` }),
  },
  'GET /api/coach/applications/{id}': {
    owner: 403,
    stranger: 403,
    coach: 'shared',
    unsharedCoach: 404,
    admin: 403,
    sample: async (f) => ({ url: `/api/coach/applications/${await f.application()}` }),
  },
  'POST /api/coach/applications/{id}/comments': {
    owner: 403,
    stranger: 403,
    coach: 'shared',
    unsharedCoach: 404,
    admin: 403,
    sample: async (f) => ({
      url: `/api/coach/applications/${await f.application()}/comments`,
      payload: { text: 'A comment' },
    }),
  },
  'GET /api/admin/users': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: on('/api/admin/users'),
  },
  'GET /api/admin/coach-assignments': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: on('/api/admin/coach-assignments'),
  },
  'GET /api/admin/invitations': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: on('/api/admin/invitations'),
  },
  'POST /api/admin/invitations': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: async () => ({
      url: '/api/admin/invitations',
      payload: { email: `new-${crypto.randomUUID()}@example.org`, role: 'coach' },
    }),
  },
  'DELETE /api/admin/invitations/{id}': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: async (f) => ({ url: `/api/admin/invitations/${(await f.invitation()).id}` }),
  },
  // The invitation link is the capability, with or without a session: anyone holding it sees what it
  // invites to (its email and role, no one's data).
  'GET /api/invitations/{token}': {
    owner: 200,
    stranger: 'own',
    anonymous: 200,
    sample: async (f) => ({ url: `/api/invitations/${(await f.invitation()).token}` }),
  },
  // Accepting makes an account, once: here every caller sends a link that does not exist (404), the answer
  // to a valid request with an unknown, used or expired link (src/server/invitations.test.ts accepts one).
  'POST /api/invitations/{token}/accept': {
    owner: 404,
    stranger: 404,
    anonymous: 404,
    sample: async () => ({
      url: `/api/invitations/${'x'.repeat(43)}/accept`,
      payload: { name: 'Someone', password: 'a password of eight' },
    }),
  },
  'PATCH /api/admin/users/{id}': {
    owner: 403,
    stranger: 403,
    coach: 403,
    unsharedCoach: 403,
    admin: 'accounts',
    sample: async (f) => ({ url: `/api/admin/users/${f.spareAccountId()}`, payload: { role: 'job_seeker' } }),
  },
  'GET /api/applications': { owner: 200, stranger: 'own', sample: on('/api/applications') },
  'GET /api/applications/cards': { owner: 200, stranger: 'own', sample: on('/api/applications/cards') },
  'POST /api/applications': {
    owner: 201,
    stranger: 'own',
    sample: async () => ({
      url: '/api/applications',
      payload: { companyName: `Neutral ${crypto.randomUUID()}`, jobTitle: 'Engineer' },
    }),
  },
  'GET /api/applications/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}` }),
  },
  'PATCH /api/applications/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/applications/${await f.application()}`,
      payload: { notes: 'changed' },
    }),
  },
  'DELETE /api/applications/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}` }),
  },
  'POST /api/applications/{id}/stage': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/applications/${await f.application()}/stage`,
      payload: { stage: 'screening', occurredAt: past },
    }),
  },
  'POST /api/applications/{id}/stage/undo': {
    owner: 200,
    stranger: 404,
    sample: async (f) => {
      const id = await f.application();
      await f.asOwner('POST', `/api/applications/${id}/stage`, { stage: 'screening', occurredAt: past });
      return {
        url: `/api/applications/${id}/stage/undo`,
        payload: { fromStage: 'applied', toStage: 'screening' },
      };
    },
  },
  'POST /api/applications/bulk': {
    owner: 200,
    stranger: 'batch',
    sample: async (f) => ({
      url: '/api/applications/bulk',
      payload: { action: 'move', ids: [await f.application()], stage: 'screening', occurredAt: past },
    }),
  },
  'GET /api/applications/{id}/timeline': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/timeline` }),
  },
  'GET /api/companies': { owner: 200, stranger: 'own', sample: on('/api/companies') },
  'POST /api/companies': {
    owner: 201,
    stranger: 'own',
    sample: async () => ({ url: '/api/companies', payload: { name: `Neutral ${crypto.randomUUID()}` } }),
  },
  'GET /api/companies/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/companies/${await f.company()}` }),
  },
  'PATCH /api/companies/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/companies/${await f.company()}`, payload: { notes: 'changed' } }),
  },
  'DELETE /api/companies/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/companies/${await f.company()}` }),
  },
  'GET /api/contacts': { owner: 200, stranger: 'own', sample: on('/api/contacts') },
  'POST /api/contacts': {
    owner: 201,
    stranger: 'reference',
    sample: async (f) => ({
      url: '/api/contacts',
      payload: { name: 'Rita', role: 'recruiter', companyId: await f.company() },
    }),
  },
  'GET /api/contacts/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/contacts/${await f.contact()}` }),
  },
  'PATCH /api/contacts/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/contacts/${await f.contact()}`, payload: { notes: 'changed' } }),
  },
  'DELETE /api/contacts/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/contacts/${await f.contact()}` }),
  },
  'GET /api/interviews': { owner: 200, stranger: 'own', sample: on('/api/interviews') },
  'POST /api/interviews': {
    owner: 201,
    stranger: 'reference',
    sample: async (f) => ({
      url: '/api/interviews',
      payload: {
        applicationId: await f.application(),
        round: 'technical',
        startsAt: '2026-03-10T15:00:00.000Z',
        endsAt: '2026-03-10T16:00:00.000Z',
        timeZone: 'UTC',
      },
    }),
  },
  'GET /api/interviews/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/interviews/${await f.interview()}` }),
  },
  'PATCH /api/interviews/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/interviews/${await f.interview()}`, payload: { notes: 'changed' } }),
  },
  'DELETE /api/interviews/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/interviews/${await f.interview()}` }),
  },
  'GET /api/events': { owner: 200, stranger: 'own', sample: on('/api/events') },
  'POST /api/events': {
    owner: 201,
    stranger: 'reference',
    sample: async (f) => ({
      url: '/api/events',
      payload: { kind: 'note', applicationId: await f.application(), text: 'a note', occurredAt: past },
    }),
  },
  'GET /api/events/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/events/${await f.event()}` }),
  },
  'PATCH /api/events/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/events/${await f.event()}`, payload: { text: 'changed' } }),
  },
  'DELETE /api/events/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/events/${await f.event()}` }),
  },
  'GET /api/follow-ups': { owner: 200, stranger: 'own', sample: on('/api/follow-ups') },
  'POST /api/follow-ups': {
    owner: 201,
    stranger: 'reference',
    sample: async (f) => ({
      url: '/api/follow-ups',
      payload: { applicationId: await f.application(), dueAt: '2026-03-05T14:00:00Z', reason: 'call' },
    }),
  },
  'GET /api/follow-ups/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.followUp()}` }),
  },
  'PATCH /api/follow-ups/{id}': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.followUp()}`, payload: { reason: 'changed' } }),
  },
  'DELETE /api/follow-ups/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.followUp()}` }),
  },
  'POST /api/follow-ups/{id}/done': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.followUp()}/done`, payload: {} }),
  },
  'POST /api/follow-ups/{id}/skip': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.followUp()}/skip`, payload: {} }),
  },
  'POST /api/follow-ups/{id}/snooze': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/follow-ups/${await f.followUp()}/snooze`,
      payload: { until: '2026-03-09' },
    }),
  },
  'POST /api/follow-ups/{id}/reopen': {
    owner: 200,
    stranger: 404,
    sample: async (f) => {
      const id = await f.followUp();
      await f.asOwner('POST', `/api/follow-ups/${id}/done`, {});
      return { url: `/api/follow-ups/${id}/reopen`, payload: {} };
    },
  },
  'POST /api/follow-ups/bulk': {
    owner: 200,
    stranger: 'batch',
    sample: async (f) => ({
      url: '/api/follow-ups/bulk',
      payload: { action: 'done', ids: [await f.followUp()] },
    }),
  },
  'GET /api/settings': { owner: 200, stranger: 'own', sample: on('/api/settings') },
  'PATCH /api/settings': {
    owner: 200,
    stranger: 'own',
    sample: on('/api/settings', { travelBufferMinutes: 20 }),
  },
  'GET /api/places': { owner: 200, stranger: 'own', sample: on('/api/places') },
  'GET /api/backup': { owner: 200, stranger: 'own', sample: on('/api/backup') },
  'POST /api/backup/restore': {
    owner: 200,
    stranger: 'own',
    sample: async (f) => ({ url: '/api/backup/restore?replace=true', payload: await f.emptyBackup() }),
  },
  'GET /api/today': { owner: 200, stranger: 'own', sample: on('/api/today') },
  'GET /api/insights': { owner: 200, stranger: 'own', sample: on('/api/insights') },
  'GET /api/story': { owner: 200, stranger: 'own', sample: on('/api/story?anonymize=true') },
  'GET /api/follow-ups/{id}/draft': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/follow-ups/${await f.plannedFollowUp()}/draft` }),
  },
  'GET /api/follow-ups/{id}/draft.eml': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/follow-ups/${await f.plannedFollowUp()}/draft.eml?to=rita@example.org`,
    }),
  },
  'GET /api/applications/{id}/response-link': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/response-link` }),
  },
  'POST /api/applications/{id}/response-link': {
    owner: 201,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/response-link`, payload: {} }),
  },
  'DELETE /api/applications/{id}/response-link': {
    owner: 204,
    stranger: 404,
    sample: async (f) => {
      const id = await f.application();
      await f.asOwner('POST', `/api/applications/${id}/response-link`, {});
      return { url: `/api/applications/${id}/response-link` };
    },
  },
  'POST /api/follow-ups/{id}/draft.eml': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/follow-ups/${await f.plannedFollowUp()}/draft.eml`,
      payload: { to: 'rita@example.org', subject: 'Thanks', body: 'Thank you' },
    }),
  },
  'POST /api/follow-ups/{id}/send': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/follow-ups/${await f.plannedFollowUp()}/send`,
      payload: { to: 'rita@example.org', subject: 'Thanks', body: 'Thank you' },
    }),
  },
  'GET /api/templates': { owner: 200, stranger: 'own', sample: on('/api/templates') },
  'PUT /api/templates/{kind}': {
    owner: 200,
    stranger: 'own',
    sample: on('/api/templates/thank_you', { subject: 'Thanks', body: 'Thank you' }),
  },
  'DELETE /api/templates/{kind}': { owner: 200, stranger: 'own', sample: on('/api/templates/thank_you') },
  'POST /api/templates/{kind}/preview': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: '/api/templates/thank_you/preview',
      payload: { subject: 'Thanks', body: 'Thank you', followUpId: await f.plannedFollowUp() },
    }),
  },
  'GET /api/playbook': { owner: 200, stranger: 'own', sample: on('/api/playbook') },
  'PATCH /api/playbook': { owner: 200, stranger: 'own', sample: on('/api/playbook', { customSteps: [] }) },
  'DELETE /api/playbook': { owner: 200, stranger: 'own', sample: on('/api/playbook') },
  'GET /api/calendar': { owner: 200, stranger: 'own', sample: on('/api/calendar') },
  'POST /api/calendar/token': {
    owner: 201,
    stranger: 'own',
    sample: on('/api/calendar/token', { reissue: true }),
  },
  'DELETE /api/calendar/token': { owner: 204, stranger: 'own', sample: on('/api/calendar/token') },
  'GET /api/interviews/{id}/ics': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/interviews/${await f.interview()}/ics` }),
  },
  'POST /api/postings/preview': {
    owner: 200,
    stranger: 'own',
    sample: on('/api/postings/preview', { page: postingPage }),
  },
  'POST /api/applications/from-posting': {
    owner: 201,
    stranger: 'own',
    sample: async () => ({
      url: '/api/applications/from-posting',
      payload: { page: postingPage, companyName: `Neutral ${crypto.randomUUID()}`, jobTitle: 'Engineer' },
    }),
  },
  'GET /api/applications/{id}/posting-watch': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/posting-watch` }),
  },
  'POST /api/applications/{id}/posting-watch/check': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/applications/${await f.applicationWithPosting()}/posting-watch/check`,
    }),
  },
  'PUT /api/applications/{id}/retrospective': {
    owner: 200,
    stranger: 404,
    sample: async (f) => {
      const id = await f.application();
      await f.asOwner('POST', `/api/applications/${id}/stage`, { stage: 'ended', outcome: 'rejected' });
      return {
        method: 'PUT',
        url: `/api/applications/${id}/retrospective`,
        payload: { wouldChange: 'prepare a system design example' },
      };
    },
  },
  'GET /api/applications/{id}/retrospective': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/retrospective` }),
  },
  'GET /api/applications/{id}/diagnosis': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.application()}/diagnosis` }),
  },
  'POST /api/applications/{id}/tailoring': {
    owner: 201,
    stranger: 404,
    sample: async (f) => ({
      url: `/api/applications/${await f.applicationWithPosting()}/tailoring`,
      payload: { resume: { text: 'TypeScript developer with PostgreSQL experience' } },
    }),
  },
  'GET /api/applications/{id}/tailoring': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/applications/${await f.applicationWithPosting()}/tailoring` }),
  },
  'POST /api/interviews/import-ics/preview': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({
      url: '/api/interviews/import-ics/preview',
      payload: { applicationId: await f.application(), ics: invitation(crypto.randomUUID()) },
    }),
  },
  'POST /api/interviews/import-ics': {
    owner: 201,
    stranger: 404,
    sample: async (f) => ({
      url: '/api/interviews/import-ics',
      payload: { applicationId: await f.application(), ics: invitation(crypto.randomUUID()) },
    }),
  },
  'POST /api/import/csv/preview': {
    owner: 200,
    stranger: 'own',
    sample: on('/api/import/csv/preview', { csv: 'Company,Job Title\nNeutral Csv,Engineer\n' }),
  },
  'POST /api/import/csv': {
    owner: 200,
    stranger: 'own',
    sample: async () => ({
      url: '/api/import/csv',
      payload: { csv: `Company,Job Title\nNeutral ${crypto.randomUUID()},Engineer\n` },
    }),
  },
  'GET /api/export/applications.csv': {
    owner: 200,
    stranger: 'own',
    sample: on('/api/export/applications.csv'),
  },
  'GET /api/inbox': { owner: 200, stranger: 'own', sample: on('/api/inbox') },
  // Server mode holds IMAP hosts to the private-address policy: a loopback host is refused by field (400)
  // before any connection, and nothing stored (the real server is in src/services/inbox.test.ts).
  'PUT /api/inbox': {
    owner: 400,
    stranger: 'ownAsOwner',
    sample: on('/api/inbox', { imapUrl: 'imap://me:app-pass@127.0.0.1:9/' }),
  },
  'DELETE /api/inbox': { owner: 200, stranger: 'own', sample: on('/api/inbox') },
  // No mailbox is connected here: 409 INBOX_NOT_CONNECTED, the answer for a valid request.
  'POST /api/inbox/sync': { owner: 409, stranger: 'ownAsOwner', sample: on('/api/inbox/sync') },
  'GET /api/inbox/review': { owner: 200, stranger: 'own', sample: on('/api/inbox/review') },
  'POST /api/inbox/review/{id}/confirm': {
    owner: 200,
    stranger: 404,
    sample: async (f) => ({ url: `/api/inbox/review/${await f.inboxReviewItem()}/confirm`, payload: {} }),
  },
  'DELETE /api/inbox/review/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/inbox/review/${await f.inboxReviewItem()}` }),
  },
  'GET /api/inbox/messages': {
    owner: 200,
    stranger: 'own',
    sample: async (f) => ({ url: `/api/inbox/messages?applicationId=${await f.application()}` }),
  },
  'POST /api/extension/pairing-codes': {
    owner: 201,
    stranger: 'own',
    sample: on('/api/extension/pairing-codes'),
  },
  'GET /api/extension/tokens': { owner: 200, stranger: 'own', sample: on('/api/extension/tokens') },
  'DELETE /api/extension/tokens/{id}': {
    owner: 204,
    stranger: 404,
    sample: async (f) => ({ url: `/api/extension/tokens/${(await f.extensionToken()).tokenId}` }),
  },
  // The extension's own routes: no session; a pairing code or the token names the owner, from its Origin.
  'POST /api/extension/pair': {
    owner: 201,
    stranger: 'extension',
    anonymous: 403,
    sample: async (f) => ({
      url: '/api/extension/pair',
      payload: { code: 'WRONG-CODE' },
      owner: {
        payload: {
          code: ((await f.asOwner('POST', '/api/extension/pairing-codes')) as { code: string }).code,
        },
        headers: fromExtension,
      },
    }),
  },
  'POST /api/extension/clips/check': {
    owner: 200,
    stranger: 'extension',
    sample: clipSample('/api/extension/clips/check', { companyName: `${ownerMark} Co 1` }),
  },
  'POST /api/extension/clips': {
    owner: 201,
    stranger: 'extension',
    sample: clipSample('/api/extension/clips', { companyName: 'Neutral Clip Co', jobTitle: 'Engineer' }),
  },
};

const label = `[postgres (${postgresFlavour()})]`;

describe(`server mode access matrix ${label}`, () => {
  let server: ServerModeApp;
  let owner: TestAccount;
  let stranger: TestAccount;
  let coach: TestAccount;
  let unsharedCoach: TestAccount;
  let admin: TestAccount;
  let spare: TestAccount;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const ownerIds = new Set<string>();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await openServerModeApp();
    owner = await signUpAccount(server, 'owner@example.org');
    stranger = await signUpAccount(server, 'stranger@example.org');
    coach = await signUpAccount(server, 'coach@example.org');
    unsharedCoach = await signUpAccount(server, 'unshared-coach@example.org');
    admin = await signUpAccount(server, 'admin@example.org');
    spare = await signUpAccount(server, 'spare-coach@example.org');
    for (const [account, role] of [
      [coach, 'coach'],
      [unsharedCoach, 'coach'],
      [spare, 'coach'],
      [admin, 'admin'],
    ] as const)
      await sql`update auth_users set role = ${role} where id = ${account.id}`.execute(
        server.runtime.deps.db,
      );
    await asOwner('POST', '/api/shares', { coachEmail: coach.email });
    await asOwner('PATCH', '/api/settings', { smtpUrl: smtp.url, email: 'owner@example.org' });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  async function send(
    account: TestAccount | null,
    method: string,
    url: string,
    payload?: unknown,
    cookie?: string,
    headers?: Record<string, string>,
  ) {
    return server.send({
      method: method as 'GET',
      url,
      ...(payload !== undefined && { payload: payload as object }),
      cookie: cookie ?? account?.cookie ?? null,
      ...(headers && { headers }),
    });
  }

  async function asOwner(method: string, url: string, payload?: unknown) {
    const response = await send(owner, method, url, payload);
    if (response.statusCode >= 300)
      expect.fail(`setup ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    const body = response.body ? response.json() : null;
    if (body && typeof body.id === 'string') ownerIds.add(body.id);
    return body;
  }

  let sequence = 0;
  const fixture: Fixture = {
    asOwner,
    ownerId: () => owner.id,
    ownerEmail: () => owner.email,
    spareCoachEmail: () => spare.email,
    spareAccountId: () => spare.id,
    invitation: async () => {
      const created = await createInvitation(
        server.runtime.deps,
        { email: `invited-${++sequence}@example.org` },
        { by: null, publicUrl: server.publicUrl, accounts: server.accounts },
      );
      return { id: created.invitation.id, token: created.link.split('/invite/')[1]! };
    },
    company: async () =>
      (await asOwner('POST', '/api/companies', { name: `${ownerMark} Co ${++sequence}` })).id as string,
    application: async (stage = 'applied') => {
      const created = await asOwner('POST', '/api/applications', {
        companyName: `${ownerMark} Co ${++sequence}`,
        jobTitle: `${ownerMark} role`,
        stage,
        ...(stage !== 'saved' && { stageAt: past }),
      });
      ownerIds.add(created.company.id);
      return created.id as string;
    },
    applicationWithPosting: async () => {
      const created = await asOwner('POST', '/api/applications', {
        companyName: `${ownerMark} Co ${++sequence}`,
        jobTitle: `${ownerMark} role`,
        postingUrl: `https://jobs.example.invalid/${sequence}`,
        posting: { descriptionText: 'We need TypeScript, PostgreSQL and Kubernetes.' },
      });
      return created.id as string;
    },
    contact: async () =>
      (await asOwner('POST', '/api/contacts', { name: `${ownerMark} Rita`, role: 'recruiter' })).id as string,
    interview: async () =>
      (
        await asOwner('POST', '/api/interviews', {
          applicationId: await fixture.application(),
          round: 'technical',
          startsAt: '2026-03-10T15:00:00.000Z',
          endsAt: '2026-03-10T16:00:00.000Z',
          timeZone: 'UTC',
        })
      ).id as string,
    event: async () =>
      (
        await asOwner('POST', '/api/events', {
          kind: 'note',
          applicationId: await fixture.application(),
          text: `${ownerMark} note`,
          occurredAt: past,
        })
      ).id as string,
    followUp: async () =>
      (
        await asOwner('POST', '/api/follow-ups', {
          applicationId: await fixture.application(),
          dueAt: '2026-03-05T14:00:00Z',
          reason: `${ownerMark} call`,
        })
      ).id as string,
    /** A step the playbook planned (the check-in after applying), which has a draft. */
    plannedFollowUp: async () => {
      const applicationId = await fixture.application();
      const steps = await asOwner('GET', `/api/follow-ups?applicationId=${applicationId}`);
      const id = steps.find((step: { kind: string }) => step.kind === 'application_check_in')?.id;
      if (!id) expect.fail(`no planned check-in: ${JSON.stringify(steps)}`);
      ownerIds.add(id);
      return id as string;
    },
    /** A message from the owner's inbox waiting in the review queue, about one of the owner's applications. */
    inboxReviewItem: async () => {
      const applicationId = await fixture.application();
      const id = `inbox${++sequence}${crypto.randomUUID().slice(0, 8)}`;
      await server.runtime.deps.db
        .insertInto('inbox_messages')
        .values({
          id,
          user_id: owner.id,
          folder: 'INBOX',
          uid_validity: '1',
          uid: sequence,
          from_address: 'rita@example.org',
          from_name: null,
          received_at: past,
          subject: `${ownerMark} subject`,
          excerpt: `${ownerMark} excerpt`,
          classification: 'other_reply',
          rule: 'default.other-reply',
          status: 'review',
          application_id: null,
          match_reason: 'test',
          event_id: null,
          candidates: JSON.stringify([applicationId]),
          suggestion: null,
          invitation_ics: null,
          body: null,
          created_at: past,
        })
        .execute();
      ownerIds.add(id);
      return id;
    },
    extensionToken: async () => {
      const { code } = (await asOwner('POST', '/api/extension/pairing-codes')) as { code: string };
      const paired = await send(null, 'POST', '/api/extension/pair', { code }, undefined, fromExtension);
      if (paired.statusCode !== 201) expect.fail(`pairing answered ${paired.statusCode}: ${paired.body}`);
      return paired.json() as { token: string; tokenId: string };
    },
    /** A backup of nothing: restoring it with replace empties the account of whoever restores it. */
    emptyBackup: async () => {
      const backup = await asOwner('GET', '/api/backup');
      return Object.fromEntries(
        Object.entries(backup as Record<string, unknown>).map(([key, value]) => [
          key,
          Array.isArray(value) ? [] : value,
        ]),
      );
    },
  };

  async function ownerVersion(): Promise<string> {
    const row = await server.runtime.deps.db
      .selectFrom('data_versions')
      .select('token')
      .where('user_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    return row.token;
  }

  it('answers every route of the OpenAPI document as the table says, and the table names every route', async () => {
    await server.app.ready();
    const document = server.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes.filter((route) => !(route in table));
    const gone = Object.keys(table).filter((route) => !routes.includes(route));
    expect({ missingFromTable: missing, notInRouter: gone }).toEqual({
      missingFromTable: [],
      notInRouter: [],
    });

    const lines: string[] = [];
    const unexpected: string[] = [];
    const forged = `__Secure-hearback.session_token=${'A'.repeat(32)}.${'B'.repeat(43)}%3D`;
    // Restoring a backup empties the owner's account: it runs last.
    const last = ['POST /api/backup/restore', 'DELETE /api/account'];
    const ordered = [...routes.filter((r) => !last.includes(r)), ...last];
    for (const route of ordered) {
      const row = table[route]!;
      const [method, path] = route.split(' ') as [string, string];
      const open = path === '/api/health';
      const sample = await row.sample(fixture);

      const anonymous = await send(null, method, sample.url, sample.payload);
      const forgedAnswer = await send(null, method, sample.url, sample.payload, forged);
      const anonymousStatus = row.anonymous ?? (open ? 200 : 401);
      if (anonymous.statusCode !== anonymousStatus)
        unexpected.push(`${route} anonymous: ${anonymous.statusCode}`);
      if (forgedAnswer.statusCode !== anonymousStatus)
        unexpected.push(`${route} forged: ${forgedAnswer.statusCode}`);

      const others = [
        ['stranger', stranger, row.stranger],
        ['coach', coach, row.coach ?? row.stranger],
        ['unshared coach', unsharedCoach, row.unsharedCoach ?? row.stranger],
        ['admin', admin, row.admin ?? row.stranger],
      ] as const;
      const statuses: string[] = [];
      for (const [who, account, expected] of others) {
        const before = await ownerVersion();
        const answer = await send(account, method, sample.url, sample.payload);
        const after = await ownerVersion();
        if (after !== before && expected !== 'shared')
          unexpected.push(`${route} ${who} changed the owner's data`);
        const is2xx = answer.statusCode >= 200 && answer.statusCode < 300;
        const refusals: Record<Refusal, () => boolean> = {
          404: () => answer.statusCode === 404,
          400: () => answer.statusCode === 400 && answer.json().error.code === 'VALIDATION_FAILED',
          403: () => answer.statusCode === 403 && answer.json().error.code === 'ROLE_REQUIRED',
          reference: () =>
            answer.statusCode === 400 && /"code":"VALIDATION_FAILED".*no [a-z -]+ with id/.test(answer.body),
          batch: () => answer.statusCode === 200 && isAllNotFound(answer.json(), sample.payload),
          own: () => is2xx,
          shared: () => is2xx,
          accounts: () => is2xx,
          ownAsOwner: () => answer.statusCode === row.owner,
          // A session is not the extension's token (401), nor its Origin (403).
          extension: () => answer.statusCode === 401 || answer.statusCode === 403,
        };
        if (!refusals[expected]())
          unexpected.push(`${route} ${who}: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
        // Beyond what was sent (an id in the path or body is echoed in "no application with id …").
        const sent = `${sample.url} ${JSON.stringify(sample.payload ?? null)}`;
        const secrets =
          expected === 'shared'
            ? []
            : expected === 'accounts'
              ? [ownerMark, ...ownerIds]
              : [ownerMark, ...ownerIds, owner.email, owner.id];
        const leaked = secrets.filter((secret) => answer.body.includes(secret) && !sent.includes(secret));
        if (leaked.length > 0) unexpected.push(`${route} ${who} saw the owner's ${leaked.join(', ')}`);
        statuses.push(
          `${answer.statusCode} ${typeof expected === 'number' ? '' : expected}`.padEnd(
            who === 'stranger' ? 14 : 12,
          ),
        );
      }

      const ownerAnswer = await send(
        owner,
        method,
        sample.url,
        sample.owner?.payload ?? sample.payload,
        undefined,
        sample.owner?.headers,
      );
      if (ownerAnswer.statusCode !== row.owner)
        unexpected.push(`${route} owner: ${ownerAnswer.statusCode} ${ownerAnswer.body.slice(0, 300)}`);
      if (
        route !== 'POST /api/backup/restore' &&
        String(ownerAnswer.headers['content-type']).includes('json')
      ) {
        const body = ownerAnswer.json();
        if (body && typeof body.id === 'string') ownerIds.add(body.id);
      }

      lines.push(
        [
          route.padEnd(52),
          String(anonymous.statusCode).padEnd(6),
          String(forgedAnswer.statusCode).padEnd(7),
          ...statuses,
          String(ownerAnswer.statusCode),
        ].join(' '),
      );
    }
    process.stdout.write(
      `\nserver mode access matrix ${label} (stranger = another job seeker; coach+share = a coach the owner shares everything with; all on the owner's ids)\n${[
        `${'route'.padEnd(52)} ${'anon'.padEnd(6)} ${'forged'.padEnd(7)} ${'stranger'.padEnd(14)} ${'coach+share'.padEnd(12)} ${'coach-share'.padEnd(12)} ${'admin'.padEnd(12)} owner`,
        ...lines,
      ].join('\n')}\n\n`,
    );
    expect(unexpected).toEqual([]);
    expect(smtp.received.length).toBe(1);
  }, 600_000);
});

/** A batch answer that changed nothing and failed every id it was sent, each as not found. */
function isAllNotFound(answer: unknown, payload: unknown): boolean {
  const { failed, ...changed } = answer as { failed: { code: string }[] } & Record<string, unknown[]>;
  const ids = (payload as { ids: string[] }).ids;
  return (
    Object.values(changed).every((list) => list.length === 0) &&
    failed.length === ids.length &&
    failed.every((failure) => failure.code.endsWith('_NOT_FOUND'))
  );
}
