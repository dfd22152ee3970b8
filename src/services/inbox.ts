import { isEnded } from '../core/application.js';
import { AppError, isAppError } from '../core/errors.js';
import {
  accountLabelOf,
  type InboxConnect,
  type InboxPorts,
  type InboxStatus,
  type InboxSyncReport,
  type IncomingMail,
  inboxConnectSchema,
  parseImapUrl,
} from '../core/inbox-account.js';
import { type Classification, classifyMail, excerptOf, type InboxKind } from '../core/inbox-classify.js';
import { type MailMatch, type MatchableApplication, matchMail } from '../core/inbox-match.js';
import type { InboxMessageView, InboxReviewInput } from '../core/inbox-review.js';
import { listAllApplications } from '../storage/application-store.js';
import { listAllCompanies } from '../storage/company-store.js';
import { listAllContacts } from '../storage/contact-store.js';
import {
  countInboxMessages,
  deleteInboxMessage,
  findInboxAccount,
  findInboxMessage,
  findOutgoingMessages,
  forgetInbox as forgetInboxRows,
  getFolderPosition,
  hasInboxMessage,
  insertInboxMessage,
  listInboxMessages,
  recordSyncOutcome,
  saveFolderPosition,
  saveInboxAccount,
  updateInboxMessage,
} from '../storage/inbox-store.js';
import type { InboxMessagesTable } from '../storage/schema.js';
import { type Deps, inTransaction, nowIso, type TxDeps } from './deps.js';
import { createEvent } from './events.js';
import { importInvitation } from './ics-import.js';

const defaultFolders = ['INBOX'];
const defaultWindowDays = 60;

function portsOf(deps: Deps): InboxPorts {
  if (!deps.inbox) throw new AppError('INBOX_SECRET_KEY', 'Reading a mailbox is not set up on this hearback');
  return deps.inbox;
}

export async function getInboxStatus(deps: Deps): Promise<InboxStatus> {
  const account = await findInboxAccount(deps.db, deps.userId);
  return {
    connected: account !== null,
    account: account?.account_label ?? null,
    folders: account ? (JSON.parse(account.folders) as string[]) : [],
    windowDays: account ? Number(account.window_days) : null,
    connectedAt: account?.connected_at ?? null,
    lastSyncAt: account?.last_sync_at ?? null,
    lastSyncError: account?.last_sync_error ?? null,
    reviewCount: account ? await countInboxMessages(deps.db, deps.userId, 'review') : 0,
  };
}

/**
 * Connects the mailbox: logs in once to check the address and password (nothing is stored when that
 * fails), then keeps the IMAP URL sealed under the secret key. The answer says who is connected, never how.
 */
export async function connectInbox(deps: Deps, input: InboxConnect): Promise<InboxStatus> {
  const parsed = inboxConnectSchema.parse(input);
  const server = parseImapUrl(parsed.imapUrl);
  const { secrets, mailbox } = portsOf(deps);
  const sealed = secrets.seal(parsed.imapUrl);
  await mailbox.check(server);
  await inTransaction(deps, (tx) =>
    saveInboxAccount(tx.db, {
      user_id: deps.userId,
      sealed_credentials: sealed,
      account_label: accountLabelOf(server),
      folders: JSON.stringify(parsed.folders ?? defaultFolders),
      window_days: parsed.windowDays ?? defaultWindowDays,
      connected_at: nowIso(deps),
      last_sync_at: null,
      last_sync_error: null,
    }),
  );
  return getInboxStatus(deps);
}

/** "Forget this mailbox": the sealed password, the folder positions and every message kept from it. */
export async function forgetInbox(deps: Deps): Promise<InboxStatus> {
  await inTransaction(deps, (tx) => forgetInboxRows(tx.db, deps.userId));
  return getInboxStatus(deps);
}

type SyncOptions = {
  /** Called after each message is settled; a test stops the sync there to play a crash. */
  readonly afterMessage?: (uid: number) => void | Promise<void>;
};

/**
 * Reads the new mail of each folder and settles each message in its own transaction, together with the
 * folder's new position: a sync killed between two messages leaves every settled one recorded once and
 * the rest for the next sync. A message is read again only if its transaction never committed.
 */
export async function syncInbox(deps: Deps, options: SyncOptions = {}): Promise<InboxSyncReport> {
  const account = await findInboxAccount(deps.db, deps.userId);
  if (!account)
    throw new AppError('INBOX_NOT_CONNECTED', 'No mailbox is connected; run hearback inbox connect first');
  const { secrets, mailbox } = portsOf(deps);
  const server = parseImapUrl(secrets.open(account.sealed_credentials));
  const report = { fetched: 0, matched: 0, queued: 0, ignored: 0, failed: [] as InboxSyncReport['failed'] };
  const since = new Date(deps.clock.now().getTime() - Number(account.window_days) * 86_400_000);
  let lastError: string | null = null;
  for (const folder of JSON.parse(account.folders) as string[]) {
    try {
      const position = await getFolderPosition(deps.db, deps.userId, folder);
      for await (const { uidValidity, mail } of mailbox.newMail(server, folder, position, since)) {
        report.fetched++;
        try {
          const outcome = await settleMessage(deps, folder, uidValidity, mail);
          report[outcome]++;
        } catch (error) {
          if (!isAppError(error)) throw error;
          report.failed.push({ folder, uid: mail.uid, code: error.code, message: error.message });
          await inTransaction(deps, (tx) =>
            saveFolderPosition(tx.db, deps.userId, folder, { uidValidity, lastSeenUid: mail.uid }),
          );
        }
        await options.afterMessage?.(mail.uid);
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      lastError = error.message;
      report.failed.push({ folder, uid: null, code: error.code, message: error.message });
    }
  }
  await inTransaction(deps, (tx) => recordSyncOutcome(tx.db, deps.userId, nowIso(deps), lastError));
  return report;
}

type Outcome = 'matched' | 'queued' | 'ignored';

async function settleMessage(
  deps: Deps,
  folder: string,
  uidValidity: string,
  mail: IncomingMail,
): Promise<Outcome> {
  return inTransaction(deps, async (tx) => {
    const position = { uidValidity, lastSeenUid: mail.uid };
    if (await hasInboxMessage(tx.db, deps.userId, folder, uidValidity, mail.uid)) {
      await saveFolderPosition(tx.db, deps.userId, folder, position);
      return 'ignored';
    }
    const classification = classifyMail({
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers,
      fromAddress: mail.from?.address ?? '',
      hasCalendar: mail.calendars.length > 0,
    });
    let outcome: Outcome = 'ignored';
    if (classification.kind !== 'not_a_reply' && mail.from) {
      const match = matchMail(
        {
          fromAddress: mail.from.address,
          fromName: mail.from.name,
          subject: mail.subject,
          text: mail.text,
          threadApplicationIds: (
            await findOutgoingMessages(tx.db, deps.userId, [
              ...(mail.inReplyTo ? [mail.inReplyTo] : []),
              ...mail.references,
            ])
          ).map((m) => m.applicationId),
        },
        await matchableApplications(tx),
      );
      outcome = await record(tx, { folder, uidValidity, mail, classification, match });
    }
    await saveFolderPosition(tx.db, deps.userId, folder, position);
    return outcome;
  });
}

/** Acts on a certain match of a certain kind; queues what is uncertain; keeps nothing of unmatched mail. */
async function record(
  tx: TxDeps,
  input: {
    folder: string;
    uidValidity: string;
    mail: IncomingMail;
    classification: Classification;
    match: MailMatch;
  },
): Promise<Outcome> {
  const { mail, classification, match } = input;
  const certain = match.certain && (match.via === 'thread' || classification.certain);
  if (!match.certain && match.candidates.length === 0) return 'ignored';
  const row: InboxMessagesTable = {
    id: tx.ids.next(),
    user_id: tx.userId,
    folder: input.folder,
    uid_validity: input.uidValidity,
    uid: mail.uid,
    from_address: mail.from?.address ?? '',
    from_name: mail.from?.name ?? null,
    received_at: receivedAt(tx, mail),
    subject: mail.subject,
    excerpt: excerptOf(mail.text),
    classification: classification.kind,
    rule: classification.rule,
    status: 'review',
    application_id: match.certain ? match.applicationId : null,
    match_reason: match.reason,
    event_id: null,
    candidates: match.certain ? null : JSON.stringify(match.candidates),
    suggestion: null,
    // Kept until the user decides, so confirming an invitation can still import its interview.
    invitation_ics: mail.calendars[0] ?? null,
    body: null,
    created_at: nowIso(tx),
  };
  if (!certain) {
    await insertInboxMessage(tx.db, row);
    return 'queued';
  }
  let applied: Awaited<ReturnType<typeof applyMessage>>;
  try {
    applied = await applyMessage(tx, row, classification.kind, row.application_id!);
  } catch (error) {
    // The timeline refused it (a reply dated before the application was sent): the user decides. The
    // checks that refuse run before any write, so the transaction is still sound.
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
    await insertInboxMessage(tx.db, { ...row, match_reason: `${row.match_reason}; ${error.message}` });
    return 'queued';
  }
  await insertInboxMessage(tx.db, { ...row, ...applied, status: 'applied', invitation_ics: null });
  return 'matched';
}

function receivedAt(deps: Deps, mail: IncomingMail): string {
  const now = nowIso(deps);
  return mail.date && mail.date < now ? mail.date : now;
}

const sentiments: Record<InboxKind, 'positive' | 'neutral' | 'negative'> = {
  not_a_reply: 'neutral',
  offer: 'positive',
  rejection: 'negative',
  interview_invitation: 'positive',
  availability_request: 'positive',
  acknowledgement: 'neutral',
  other_reply: 'neutral',
};

const kindLabels: Record<InboxKind, string> = {
  not_a_reply: 'Not a reply',
  offer: 'Offer',
  rejection: 'Rejection',
  interview_invitation: 'Interview invitation',
  availability_request: 'Asks for your availability',
  acknowledgement: 'Application received',
  other_reply: 'Reply',
};

/**
 * Puts a message on the application's timeline through the usual write path: a reply (which re-plans and
 * cancels pending nudges, as a reply typed in by hand does), an acknowledgement as a note (not a reply: the
 * nudges stay), an invitation's calendar file through the invitation import. A rejection or an offer only
 * suggests the stage change; the user makes it.
 */
async function applyMessage(
  tx: TxDeps,
  row: InboxMessagesTable,
  kind: InboxKind,
  applicationId: string,
): Promise<Pick<InboxMessagesTable, 'event_id' | 'suggestion' | 'application_id' | 'classification'>> {
  const summary = `${kindLabels[kind]} (from your inbox): ${row.subject}${row.excerpt ? ` — ${row.excerpt}` : ''}`;
  if (kind === 'acknowledgement') {
    const event = await createEvent(tx, {
      kind: 'note',
      applicationId,
      occurredAt: row.received_at,
      text: summary,
    });
    return { event_id: event.id, suggestion: null, application_id: applicationId, classification: kind };
  }
  if (kind === 'interview_invitation' && row.invitation_ics) {
    await importInvitation(tx, row.invitation_ics, { applicationId });
  }
  const event = await createEvent(tx, {
    kind: 'reply_received',
    applicationId,
    occurredAt: row.received_at,
    channel: 'email',
    sentiment: sentiments[kind],
    summary,
  });
  const suggestion = kind === 'rejection' ? 'end_rejected' : kind === 'offer' ? 'move_offer' : null;
  return { event_id: event.id, suggestion, application_id: applicationId, classification: kind };
}

async function matchableApplications(deps: Deps): Promise<MatchableApplication[]> {
  const [applications, companies, contacts] = await Promise.all([
    listAllApplications(deps.db, deps.userId),
    listAllCompanies(deps.db, deps.userId),
    listAllContacts(deps.db, deps.userId),
  ]);
  const domainByCompany = new Map(
    companies.map((c) => [c.id, hostOf(c.website)?.replace(/^www\./, '') ?? null]),
  );
  const emailsByCompany = new Map<string, string[]>();
  for (const c of contacts) {
    if (!c.companyId || !c.email) continue;
    emailsByCompany.set(c.companyId, [...(emailsByCompany.get(c.companyId) ?? []), c.email.toLowerCase()]);
  }
  return applications.map((a) => ({
    id: a.id,
    companyName: a.company.name,
    companyDomain: domainByCompany.get(a.company.id) ?? null,
    jobTitle: a.jobTitle,
    postingHost: hostOf(a.postingUrl),
    contactEmails: emailsByCompany.get(a.company.id) ?? [],
    isOpen: !isEnded(a),
  }));
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export async function listReviewQueue(deps: Deps): Promise<InboxMessageView[]> {
  return (await listInboxMessages(deps.db, deps.userId, { status: 'review' })).map(viewOf);
}

/** The messages from the inbox on an application's timeline, with why each was matched. */
export async function listInboxMessagesOf(deps: Deps, applicationId: string): Promise<InboxMessageView[]> {
  return (await listInboxMessages(deps.db, deps.userId, { status: 'applied', applicationId })).map(viewOf);
}

/** Confirms a queued message, as it is or corrected (another application, another kind), and applies it. */
export async function confirmReviewItem(
  deps: Deps,
  id: string,
  input: InboxReviewInput,
): Promise<InboxMessageView> {
  const confirmed = await inTransaction(deps, async (tx) => {
    const row = await findInboxMessage(tx.db, deps.userId, id);
    if (row?.status !== 'review')
      throw new AppError('INBOX_MESSAGE_NOT_FOUND', `No message ${id} waits for review`, { id });
    const applicationId = input.applicationId ?? row.application_id ?? onlyCandidate(row);
    if (!applicationId) {
      throw new AppError('VALIDATION_FAILED', 'applicationId: say which application this message is about', {
        issues: [{ field: 'applicationId', message: 'say which application this message is about' }],
      });
    }
    const kind = input.kind ?? (row.classification as InboxKind);
    const applied = await applyMessage(tx, row, kind, applicationId);
    const reason = input.applicationId || input.kind ? 'confirmed by you, corrected' : 'confirmed by you';
    await updateInboxMessage(tx.db, deps.userId, id, {
      ...applied,
      status: 'applied',
      match_reason: `${row.match_reason ?? ''}; ${reason}`,
      rule: input.kind && input.kind !== row.classification ? `user.${input.kind}` : row.rule,
      candidates: null,
      invitation_ics: null,
    });
    return (await findInboxMessage(tx.db, deps.userId, id))!;
  });
  const body = await fetchBody(deps, confirmed);
  if (typeof body === 'string') {
    await inTransaction(deps, (tx) => updateInboxMessage(tx.db, deps.userId, id, { body }));
    return viewOf({ ...confirmed, body });
  }
  return { ...viewOf(confirmed), bodyNotFetched: body.notFetched };
}

/**
 * Reads the full text of a confirmed message from the mailbox (read-only, by folder, UIDVALIDITY and UID).
 * Never throws: the message is confirmed either way, and the answer says why the text is missing.
 */
async function fetchBody(deps: Deps, row: InboxMessagesTable): Promise<string | { notFetched: string }> {
  try {
    const account = await findInboxAccount(deps.db, deps.userId);
    if (!account || !deps.inbox) return { notFetched: 'no mailbox is connected' };
    const server = parseImapUrl(deps.inbox.secrets.open(account.sealed_credentials));
    const text = await deps.inbox.mailbox.bodyText(server, row.folder, row.uid_validity, Number(row.uid));
    return text ?? { notFetched: 'the message is no longer in the mailbox' };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { notFetched: error.message };
  }
}

function onlyCandidate(row: InboxMessagesTable): string | null {
  const candidates = row.candidates ? (JSON.parse(row.candidates) as string[]) : [];
  return candidates.length === 1 ? candidates[0]! : null;
}

/** Ignores a queued message: it is deleted, leaving no trace (the folder position keeps it from returning). */
export async function ignoreReviewItem(deps: Deps, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await findInboxMessage(tx.db, deps.userId, id);
    if (row?.status !== 'review')
      throw new AppError('INBOX_MESSAGE_NOT_FOUND', `No message ${id} waits for review`, { id });
    await deleteInboxMessage(tx.db, deps.userId, id);
  });
}

function viewOf(row: InboxMessagesTable): InboxMessageView {
  return {
    id: row.id,
    from: row.from_name ? `${row.from_name} <${row.from_address}>` : row.from_address,
    receivedAt: row.received_at,
    subject: row.subject,
    excerpt: row.excerpt,
    body: row.body,
    kind: row.classification as InboxKind,
    rule: row.rule,
    status: row.status as 'review' | 'applied',
    applicationId: row.application_id,
    candidates: row.candidates ? (JSON.parse(row.candidates) as string[]) : [],
    reason: row.match_reason,
    eventId: row.event_id,
    suggestion: row.suggestion as InboxMessageView['suggestion'],
    hasInvitation: row.invitation_ics !== null,
  };
}
