import type { Contact } from '../core/contact.js';
import {
  checkBackDate,
  chooseAddressee,
  type Draft,
  type DraftContext,
  type DraftKind,
  type DraftTemplate,
  defaultDraftTemplates,
  draftKindFor,
  draftKinds,
  mailtoLink,
  parseDraftTemplate,
  renderDraft,
  type StepDraft,
  type TemplateView,
} from '../core/drafts.js';
import type { ErrorDetails } from '../core/error-body.js';
import { AppError, fieldError } from '../core/errors.js';
import type { FollowUp } from '../core/follow-up.js';
import { followUpKindLabels } from '../core/labels.js';
import { getApplicationRecord } from '../storage/application-store.js';
import { findContactsByIds, listContacts } from '../storage/contact-store.js';
import { getFollowUp } from '../storage/follow-up-store.js';
import { rememberOutgoingMessage } from '../storage/inbox-store.js';
import type { Db } from '../storage/schema.js';
import {
  getSettings,
  getSettingsDocument,
  getSmtpUrl,
  saveSettingsDocument,
} from '../storage/settings-store.js';
import { type Deps, inTransaction, nowIso } from './deps.js';
import { createEvent } from './events.js';
import { markFollowUpDone } from './follow-ups.js';
import { workCalendarFor } from './replan.js';

type StoredTemplates = Partial<Record<DraftKind, { subject: string; body: string }>>;

/** The message for a follow-up step, from the user's template for its kind (or the default). */
export async function draftForStep(deps: Deps, followUpId: string, db: Db = deps.db): Promise<StepDraft> {
  const step = await getFollowUp(db, deps.userId, followUpId);
  const kind = draftKindFor(step);
  if (!kind) {
    throw new AppError(
      'DRAFT_NOT_AVAILABLE',
      `${followUpKindLabels[step.kind]}: this step has no message to draft`,
      {
        kind: step.kind,
      },
    );
  }
  const { context, contact } = await draftContextFor(deps, db, step);
  const draft = renderDraft(await templateFor(db, deps.userId, kind), context);
  const to = contact?.email ?? null;
  return {
    ...draft,
    followUpId,
    contact: contact && { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
    to,
    mailto: mailtoLink(draft, to),
  };
}

/** The step's draft as an .eml file to open in a mail program, addressed to `to` or the contact. */
export async function emlForStep(deps: Deps, followUpId: string, input: SendInput = {}): Promise<Buffer> {
  const draft = await draftForStep(deps, followUpId);
  const recipient = input.to ?? draft.to;
  if (!recipient) throw fieldError('to', 'the contact has no email address; give one to address the message');
  const settings = await getSettings(deps.db, deps.userId);
  const from = settings.smtp.from ?? settings.email ?? 'me@example.invalid';
  const step = await getFollowUp(deps.db, deps.userId, followUpId);
  const messageId = newMessageId(deps, from);
  const eml = await deps.mailer.compose({
    from: { name: settings.name, address: from },
    to: [{ address: recipient }],
    subject: input.subject ?? draft.subject,
    text: input.body ?? draft.body,
    date: nowIso(deps),
    messageId,
  });
  await inTransaction(deps, (tx) => rememberMessageId(tx, messageId, step.applicationId, followUpId));
  return eml;
}

/**
 * A Message-ID of our own for each message hearback writes, on the sender's domain so it looks like any
 * other; kept (outgoing_messages) so a reply's In-Reply-To or References leads back to the application
 * (docs/inbox.md).
 */
function newMessageId(deps: Deps, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)$/.exec(from)?.[1] ?? 'hearback.invalid';
  return `<${deps.ids.next().toLowerCase()}.hearback@${domain.toLowerCase()}>`;
}

function rememberMessageId(deps: Deps, messageId: string, applicationId: string, followUpId: string | null) {
  return rememberOutgoingMessage(deps.db, {
    messageId: messageId.slice(1, -1),
    userId: deps.userId,
    applicationId,
    followUpId,
    createdAt: nowIso(deps),
  });
}

/** The message as the user edited it; what is left out is taken from the draft. */
export type SendInput = { readonly to?: string; readonly subject?: string; readonly body?: string };

/**
 * Sends the step's message (as drafted, or as the user edited it) through the user's own SMTP server, then,
 * once the server has accepted it, records a "message sent" event and marks the step done. A failed send
 * changes nothing: the step stays open and the error says why.
 */
export async function sendStepEmail(deps: Deps, followUpId: string, input: SendInput = {}) {
  const draft = await draftForStep(deps, followUpId);
  const smtpUrl = await getSmtpUrl(deps.db, deps.userId);
  if (!smtpUrl) {
    throw new AppError(
      'EMAIL_NOT_CONFIGURED',
      'No outgoing mail server is set; add one in settings (smtpUrl)',
    );
  }
  const settings = await getSettings(deps.db, deps.userId);
  const from = settings.smtp.from ?? settings.email;
  if (!from) throw fieldError('smtpFrom', 'set your email (or the address to send from) in settings first');
  const to = input.to ?? draft.to;
  if (!to) throw fieldError('to', 'the contact has no email address; give one');
  const subject = input.subject ?? draft.subject;
  const body = input.body ?? draft.body;
  const step = await getFollowUp(deps.db, deps.userId, followUpId);
  if (step.status === 'done' || step.status === 'skipped') {
    throw new AppError('FOLLOW_UP_NOT_OPEN', `The step is already ${step.status}`, { status: step.status });
  }
  const messageId = newMessageId(deps, from);
  try {
    await deps.mailer.send(smtpUrl, {
      from: { name: settings.name, address: from },
      to: [{ address: to }],
      subject,
      text: body,
      date: nowIso(deps),
      messageId,
    });
  } catch (error) {
    const details = (error as { details?: ErrorDetails }).details;
    if ((error as { code?: string }).code === 'VALIDATION_FAILED') throw error;
    throw new AppError('EMAIL_SEND_FAILED', error instanceof Error ? error.message : String(error), details);
  }
  return inTransaction(deps, async (tx) => {
    await rememberMessageId(tx, messageId, step.applicationId, followUpId);
    const event = await createEvent(tx, {
      kind: 'message_sent',
      applicationId: step.applicationId,
      channel: 'email',
      contactId: draft.contact?.id ?? step.contactId,
      followUpId,
      subject,
      body,
    });
    const done = await markFollowUpDone(tx, followUpId, { note: `Sent by email to ${to}` });
    return { step: done, event };
  });
}

export async function listTemplates(deps: Deps): Promise<TemplateView[]> {
  const stored = ((await getSettingsDocument(deps.db, deps.userId, 'draft_templates')) ??
    {}) as StoredTemplates;
  return draftKinds.map((kind) => {
    const own = stored[kind];
    return own ? { kind, ...own, isDefault: false } : { ...defaultDraftTemplates[kind], isDefault: true };
  });
}

/** Saves the user's own template for a kind, checked first: an unknown merge field is refused by name. */
export async function saveTemplate(deps: Deps, kind: DraftKind, input: { subject: string; body: string }) {
  const template = parseDraftTemplate({ kind, ...input });
  return inTransaction(deps, async (tx) => {
    const stored = ((await getSettingsDocument(tx.db, deps.userId, 'draft_templates')) ??
      {}) as StoredTemplates;
    await saveSettingsDocument(tx.db, deps.userId, 'draft_templates', {
      ...stored,
      [kind]: { subject: template.subject, body: template.body },
    });
    return { ...template, isDefault: false };
  });
}

export async function resetTemplate(deps: Deps, kind: DraftKind): Promise<TemplateView> {
  return inTransaction(deps, async (tx) => {
    const stored = ((await getSettingsDocument(tx.db, deps.userId, 'draft_templates')) ??
      {}) as StoredTemplates;
    const { [kind]: _removed, ...rest } = stored;
    await saveSettingsDocument(
      tx.db,
      deps.userId,
      'draft_templates',
      Object.keys(rest).length > 0 ? rest : null,
    );
    return { ...defaultDraftTemplates[kind], isDefault: true };
  });
}

/** Renders a template (saved or not) against a follow-up step, or against sample data when none is given. */
export async function previewTemplate(
  deps: Deps,
  kind: DraftKind,
  input: { subject: string; body: string; followUpId?: string | undefined },
): Promise<Draft> {
  const template = parseDraftTemplate({ kind, subject: input.subject, body: input.body });
  if (input.followUpId) {
    const step = await getFollowUp(deps.db, deps.userId, input.followUpId);
    return renderDraft(template, (await draftContextFor(deps, deps.db, step)).context);
  }
  const settings = await getSettings(deps.db, deps.userId);
  const calendar = workCalendarFor(settings);
  const today = calendar.localDate(nowIso(deps));
  return renderDraft(template, {
    user: { name: settings.name ?? 'Robin Example', email: settings.email },
    company: { name: 'Acme' },
    application: { jobTitle: 'Backend Engineer', appliedAt: nowIso(deps) },
    contact: { name: 'Dana Lee', email: 'dana@acme.example' },
    interview: {
      round: 'technical',
      startsAt: nowIso(deps),
      topics: 'the new payments API, on-call',
      notes: '',
      decisionDate: null,
    },
    followUp: { checkBackDate: checkBackDate(calendar, { dueDate: today, today, decisionDate: null }) },
    timeZone: settings.timeZone,
  });
}

async function templateFor(db: Db, userId: string, kind: DraftKind): Promise<DraftTemplate> {
  const stored = ((await getSettingsDocument(db, userId, 'draft_templates')) ?? {}) as StoredTemplates;
  const own = stored[kind];
  return own ? { kind, ...own } : defaultDraftTemplates[kind];
}

/**
 * Everything a step's draft draws on, read once: the application with its interviews, the people it could be
 * addressed to, and the user's settings (their name and email sign it). The interview is the step's own, or
 * for a step that names none (an offer check, a feedback request), the latest one already held.
 */
async function draftContextFor(
  deps: Deps,
  db: Db,
  step: FollowUp,
): Promise<{ context: DraftContext; contact: Contact | null }> {
  const settings = await getSettings(db, deps.userId);
  const { application, interviews } = await getApplicationRecord(db, deps.userId, step.applicationId);
  const now = nowIso(deps);
  const interview =
    interviews.find((i) => i.id === step.interviewId) ?? interviews.findLast((i) => i.startsAt <= now);
  const interviewerIds = step.kind === 'thank_you' ? [] : (interview?.interviewerIds ?? []);
  const people = await findContactsByIds(db, deps.userId, [
    ...(step.contactId ? [step.contactId] : []),
    ...interviewerIds,
  ]);
  const named = step.contactId ? (people.get(step.contactId) ?? null) : null;
  const interviewers = interviewerIds.flatMap((id) => people.get(id) ?? []);
  const atCompany =
    named || interviewers.length > 0 || step.kind === 'thank_you'
      ? []
      : await listContacts(db, deps.userId, { companyId: application.company.id });
  const contact = chooseAddressee(step, { named, interviewers, atCompany });
  const calendar = workCalendarFor(settings);
  return {
    contact,
    context: {
      user: { name: settings.name, email: settings.email },
      company: { name: application.company.name },
      application: { jobTitle: application.jobTitle, appliedAt: application.appliedAt },
      contact: contact ? { name: contact.name, email: contact.email } : null,
      interview: interview
        ? {
            round: interview.round,
            startsAt: interview.startsAt,
            topics: interview.topics,
            notes: interview.notes,
            decisionDate: interview.decisionDate,
          }
        : null,
      followUp: {
        checkBackDate: checkBackDate(calendar, {
          dueDate: calendar.localDate(step.dueAt),
          today: calendar.localDate(now),
          decisionDate: interview?.decisionDate ?? null,
        }),
      },
      timeZone: settings.timeZone,
    },
  };
}
