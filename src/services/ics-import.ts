import type { Application } from '../core/application.js';
import { normalizeCompanyName } from '../core/company.js';
import { type Contact, contactCreateSchema } from '../core/contact.js';
import { AppError, fieldError } from '../core/errors.js';
import { limits, webUrl } from '../core/fields.js';
import { type InterviewCreate, type InterviewRound, interviewCreateSchema } from '../core/interview.js';
import type {
  ApplicationCandidate,
  InterviewInvitation,
  InvitationImportPreview,
  InvitationImportResult,
  InvitationPerson,
} from '../core/invitation.js';
import { lockNaturalKeys } from '../storage/sql-helpers.js';
import { getApplication, listApplications } from './applications.js';
import { listCompanies } from './companies.js';
import { createContact, listContacts } from './contacts.js';
import { type Deps, inTransaction } from './deps.js';
import { createInterview, listInterviews } from './interviews.js';
import { getSettings } from './settings.js';

export type InvitationImportOptions = {
  /** The application the user chose; without it the invitation is matched by company. */
  readonly applicationId?: string;
  /** The user's address, left out of the contacts; default: the email in settings. */
  readonly userEmail?: string | null;
  /** Which event of a file with several (0-based, in start order); default the first not cancelled. */
  readonly eventIndex?: number;
};

type ApplicationMatchReason = ApplicationCandidate['reason'];
type InvitationContactPlan = InvitationImportPreview['contacts'][number];

/** What importing the invitation would do, without writing anything. */
export async function previewInvitationImport(
  deps: Deps,
  icsText: string,
  options: InvitationImportOptions = {},
): Promise<InvitationImportPreview> {
  const settings = await getSettings(deps);
  const userEmail = options.userEmail === undefined ? settings.email : options.userEmail;
  const invitations = await deps.invitations.read(icsText, { userEmail, defaultTimeZone: settings.timeZone });
  const { invitation, warnings } = pickEvent(invitations, options.eventIndex);
  if (!userEmail) {
    warnings.push('your email address is not in settings, so you may be listed among the contacts');
  }
  const { application, candidates } = await matchApplication(deps, invitation, options.applicationId);
  const existingInterviewId = application
    ? ((await listInterviews(deps, { applicationId: application.applicationId })).find(
        (i) => i.startsAt === invitation.startsAt,
      )?.id ?? null)
    : null;
  return {
    invitation,
    application,
    candidates,
    round: guessInterviewRound(invitation.summary),
    contacts: await planContacts(deps, invitation),
    existingInterviewId,
    warnings: [...warnings, ...invitation.warnings],
  };
}

/**
 * Adds the invitation as an interview: contacts for the people on it (reusing those already on file by
 * email) and the interview through createInterview, all in one transaction, so a failure leaves nothing.
 * Importing the same invitation twice finds the first import and creates nothing.
 */
export async function importInvitation(
  deps: Deps,
  icsText: string,
  options: InvitationImportOptions = {},
): Promise<InvitationImportResult> {
  return inTransaction(deps, async (tx) => {
    await lockNaturalKeys(tx.db, deps.userId);
    const preview = await previewInvitationImport(tx, icsText, options);
    const { invitation } = preview;
    if (invitation.isCancelled) {
      const hint = preview.existingInterviewId
        ? ` It matches interview ${preview.existingInterviewId}; delete that interview instead.`
        : '';
      throw fieldError('ics', `this file cancels "${invitation.summary}"; there is nothing to add.${hint}`);
    }
    const application = requireApplication(preview);
    if (preview.existingInterviewId) {
      const interviews = await listInterviews(tx, { applicationId: application.applicationId });
      const existing = interviews.find((i) => i.id === preview.existingInterviewId);
      if (existing) {
        return {
          interview: existing,
          created: false,
          createdContacts: [],
          reusedContactIds: [],
          warnings: [...preview.warnings, 'this invitation was already imported; nothing was changed'],
        };
      }
    }
    const warnings = [...preview.warnings];
    const createdContacts: Contact[] = [];
    const reusedContactIds: string[] = [];
    const interviewerIds: string[] = [];
    for (const person of preview.contacts) {
      let id = person.existingContactId;
      if (id) {
        reusedContactIds.push(id);
      } else {
        const input = contactCreateSchema.safeParse({
          name: person.name.slice(0, limits.name),
          email: person.email,
          role: person.role,
          companyId: application.companyId,
        });
        if (!input.success) {
          warnings.push(`${person.email} was not added as a contact: ${input.error.issues[0]?.message}`);
          continue;
        }
        const contact = await createContact(tx, input.data);
        createdContacts.push(contact);
        id = contact.id;
      }
      if (person.isInterviewer) interviewerIds.push(id);
    }
    const interview = await createInterview(
      tx,
      toInterviewInput(invitation, application.applicationId, preview.round, interviewerIds, warnings),
    );
    return { interview, created: true, createdContacts, reusedContactIds, warnings };
  });
}

/**
 * The round a title suggests. Checked from the most specific to the least, so "Final onsite" is final
 * and "Technical phone screen" is technical.
 */
export function guessInterviewRound(summary: string): InterviewRound {
  const s = summary.toLowerCase();
  if (/\bfinal\b|\blast round\b/.test(s)) return 'final';
  if (/\bpanel\b/.test(s)) return 'panel';
  if (/\bon-?site\b|\bin[- ]person\b|\boffice visit\b|\bsuper ?day\b/.test(s)) return 'onsite';
  if (
    /\btechnical\b|\btech\b|\bcoding\b|\bsystem design\b|\bpair(?:ing| programming)\b|\blive code\b|\btake-?home\b|\balgorithms?\b/.test(
      s,
    )
  ) {
    return 'technical';
  }
  if (/\bphone\b|\bscreen(?:ing)?\b|\brecruiter (?:call|chat)\b|\bintro(?:ductory)? call\b/.test(s)) {
    return 'phone_screen';
  }
  return 'other';
}

function pickEvent(
  invitations: readonly InterviewInvitation[],
  eventIndex: number | undefined,
): { invitation: InterviewInvitation; warnings: string[] } {
  if (eventIndex !== undefined) {
    const chosen = invitations[eventIndex];
    if (!Number.isInteger(eventIndex) || !chosen) {
      throw fieldError(
        'eventIndex',
        `the file has ${invitations.length} event(s); choose 0 to ${invitations.length - 1}`,
      );
    }
    return { invitation: chosen, warnings: [] };
  }
  const invitation = invitations.find((i) => !i.isCancelled) ?? invitations[0]!;
  const warnings =
    invitations.length > 1
      ? [`the file has ${invitations.length} events; "${invitation.summary}" is the one imported`]
      : [];
  return { invitation, warnings };
}

function requireApplication(preview: InvitationImportPreview): ApplicationCandidate {
  if (preview.application) return preview.application;
  if (preview.candidates.length === 0) {
    throw fieldError(
      'applicationId',
      'no application matches this invitation by email domain or company name; choose the application',
    );
  }
  const message = `the invitation matches ${preview.candidates.length} applications; choose one`;
  throw new AppError('VALIDATION_FAILED', `applicationId: ${message}`, {
    issues: [{ field: 'applicationId', message }],
    candidates: preview.candidates,
  });
}

/** Addresses of mail and scheduling services say nothing about the employer. */
const sharedDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'google.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'fastmail.com',
  'zoho.com',
  'yandex.com',
  'calendly.com',
]);

const companySuffixes =
  /\b(?:inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|nv|plc|corp|corporation|co|company|group|holdings?)\b\.?/g;

async function matchApplication(
  deps: Deps,
  invitation: InterviewInvitation,
  applicationId: string | undefined,
): Promise<{ application: ApplicationCandidate | null; candidates: ApplicationCandidate[] }> {
  if (applicationId) {
    const chosen = await getApplication(deps, applicationId);
    return { application: toCandidate(chosen, 'chosen'), candidates: [] };
  }
  const companies = await listCompanies(deps);
  const domains = new Set(
    [invitation.organizer, ...invitation.attendees]
      .filter((p): p is InvitationPerson => p !== null)
      .map((p) => p.email.split('@')[1]?.toLowerCase() ?? '')
      .filter((d) => d && !sharedDomains.has(d)),
  );
  const byDomain = companies.filter((c) => [...domains].some((d) => isCompanyDomain(d, c)));
  const text = `${invitation.summary}\n${invitation.description}`;
  const byName = companies.filter((c) => mentionsCompany(invitation.summary, c.name));
  const [matched, reason] =
    byDomain.length > 0 ? [byDomain, 'email_domain' as const] : [byName, 'company_name' as const];
  const candidates: ApplicationCandidate[] = [];
  for (const company of matched) {
    const page = await listApplications(deps, {
      companyId: company.id,
      sort: 'updatedAt',
      order: 'desc',
      limit: 500,
    });
    candidates.push(...page.items.map((a) => toCandidate(a, reason)));
  }
  return { application: pickCandidate(candidates, text), candidates };
}

/** One application wins when it is the only one, the only one still open, or the only open one named. */
function pickCandidate(
  candidates: readonly ApplicationCandidate[],
  text: string,
): ApplicationCandidate | null {
  if (candidates.length === 1) return candidates[0]!;
  const open = candidates.filter((c) => c.stage !== 'ended');
  if (open.length === 1) return open[0]!;
  const lower = text.toLowerCase();
  const named = (open.length > 0 ? open : candidates).filter((c) => lower.includes(c.jobTitle.toLowerCase()));
  return named.length === 1 ? named[0]! : null;
}

function isCompanyDomain(domain: string, company: { name: string; website: string | null }): boolean {
  const host = websiteHost(company.website);
  if (host && (domain === host || domain.endsWith(`.${host}`))) return true;
  const name = compactName(company.name);
  const label = compactName(registrableLabel(domain));
  return name.length >= 3 && (label === name || (label.startsWith(name) && label.length - name.length <= 4));
}

function mentionsCompany(summary: string, companyName: string): boolean {
  const name = normalizeCompanyName(companyName);
  if (name.length < 2) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(
    summary.toLocaleLowerCase('en'),
  );
}

function websiteHost(website: string | null): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** "careers.acme-corp.co.uk" → "acme-corp": the label before the public suffix, roughly. */
function registrableLabel(domain: string): string {
  const labels = domain.split('.');
  labels.pop();
  if (labels.length >= 2 && ['co', 'com', 'org', 'net', 'ac', 'gov', 'edu'].includes(labels.at(-1)!))
    labels.pop();
  return labels.at(-1) ?? '';
}

function compactName(name: string): string {
  return normalizeCompanyName(name)
    .replace(companySuffixes, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function toCandidate(application: Application, reason: ApplicationMatchReason): ApplicationCandidate {
  return {
    applicationId: application.id,
    jobTitle: application.jobTitle,
    companyId: application.company.id,
    companyName: application.company.name,
    stage: application.stage,
    reason,
  };
}

/**
 * Everyone on the invitation but the user. Attendees are the interviewers; an organizer who does not
 * attend (a recruiter booking the slot) becomes a recruiter contact without being an interviewer.
 */
async function planContacts(deps: Deps, invitation: InterviewInvitation): Promise<InvitationContactPlan[]> {
  const existing = new Map<string, Contact>();
  for (const contact of await listContacts(deps)) {
    if (contact.email) existing.set(contact.email.toLowerCase(), contact);
  }
  const attendeeEmails = new Set(invitation.attendees.map((a) => a.email.toLowerCase()));
  const people = [...invitation.attendees];
  if (invitation.organizer && !attendeeEmails.has(invitation.organizer.email.toLowerCase())) {
    people.push(invitation.organizer);
  }
  return people.map((person) => {
    const isInterviewer = attendeeEmails.has(person.email.toLowerCase());
    return {
      name: person.name ?? person.email,
      email: person.email,
      role: isInterviewer ? 'interviewer' : 'recruiter',
      existingContactId: existing.get(person.email.toLowerCase())?.id ?? null,
      isInterviewer,
    };
  });
}

function toInterviewInput(
  invitation: InterviewInvitation,
  applicationId: string,
  round: InterviewRound,
  interviewerIds: readonly string[],
  warnings: string[],
): InterviewCreate {
  let location = invitation.location;
  if (location && location.length > limits.title) {
    warnings.push(`the location was longer than ${limits.title} characters and was shortened`);
    location = location.slice(0, limits.title);
  }
  let videoLink = invitation.videoLink;
  if (videoLink && !webUrl.safeParse(videoLink).success) {
    warnings.push('the video link is too long or malformed to keep as a link; it is in the notes');
    videoLink = null;
  }
  const maxInterviewers = 30;
  if (interviewerIds.length > maxInterviewers) {
    warnings.push(
      `only the first ${maxInterviewers} of ${interviewerIds.length} people are linked as interviewers`,
    );
  }
  const notes = [`Imported from a calendar invitation: ${invitation.summary}`, invitation.description]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, limits.notes);
  const parsed = interviewCreateSchema.safeParse({
    applicationId,
    round,
    startsAt: invitation.startsAt,
    endsAt: invitation.endsAt,
    timeZone: invitation.timeZone,
    location,
    videoLink,
    interviewerIds: [...new Set(interviewerIds)].slice(0, maxInterviewers),
    notes,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', `${issues[0]?.field}: ${issues[0]?.message}`, { issues });
  }
  return parsed.data;
}
