/** A person on an invitation. */
export type InvitationPersonView = { readonly name: string | null; readonly email: string };

export type InvitationCandidateView = {
  readonly applicationId: string;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly reason: 'chosen' | 'email_domain' | 'company_name';
};

export type InvitationContactView = {
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly isNew: boolean;
  readonly isInterviewer: boolean;
};

export type InvitationPreviewView = {
  readonly summary: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  /** True when the file named no zone (UTC or floating times) and the one in your settings is assumed. */
  readonly isZoneGuessed: boolean;
  readonly isCancelled: boolean;
  readonly location: string | null;
  readonly videoLink: string | null;
  readonly organizer: InvitationPersonView | null;
  readonly round: string;
  readonly application: InvitationCandidateView | null;
  readonly candidates: readonly InvitationCandidateView[];
  readonly contacts: readonly InvitationContactView[];
  readonly isAlreadyImported: boolean;
  readonly warnings: readonly string[];
};

export const matchReasonLabels: Readonly<Record<InvitationCandidateView['reason'], string>> = {
  chosen: 'you chose it',
  email_domain: 'the organiser’s email domain matches the company',
  company_name: 'the company’s name is in the invitation',
};

/**
 * Reads the answer of `POST /api/interviews/import-ics/preview`, which the API describes only as an object.
 * Returns null for an answer of another shape.
 */
export function readInvitationPreview(value: unknown): InvitationPreviewView | null {
  if (!isRecord(value) || !isRecord(value.invitation)) return null;
  const invitation = value.invitation;
  if (typeof invitation.startsAt !== 'string' || typeof invitation.endsAt !== 'string') return null;
  const candidates = Array.isArray(value.candidates) ? value.candidates.flatMap(readCandidate) : [];
  return {
    summary: typeof invitation.summary === 'string' ? invitation.summary : '',
    startsAt: invitation.startsAt,
    endsAt: invitation.endsAt,
    timeZone: typeof invitation.timeZone === 'string' ? invitation.timeZone : 'UTC',
    isZoneGuessed: invitation.timeZoneSource === 'user',
    isCancelled: invitation.isCancelled === true,
    location: stringOrNull(invitation.location),
    videoLink: stringOrNull(invitation.videoLink),
    organizer: readPerson(invitation.organizer),
    round: typeof value.round === 'string' ? value.round : 'other',
    application: readCandidate(value.application)[0] ?? null,
    candidates,
    contacts: Array.isArray(value.contacts) ? value.contacts.flatMap(readContact) : [],
    isAlreadyImported: typeof value.existingInterviewId === 'string',
    warnings: Array.isArray(value.warnings)
      ? value.warnings.filter((w): w is string => typeof w === 'string')
      : [],
  };
}

function readCandidate(value: unknown): InvitationCandidateView[] {
  if (!isRecord(value) || typeof value.applicationId !== 'string') return [];
  const reason = value.reason === 'chosen' || value.reason === 'email_domain' ? value.reason : 'company_name';
  return [
    {
      applicationId: value.applicationId,
      jobTitle: typeof value.jobTitle === 'string' ? value.jobTitle : '',
      companyName: typeof value.companyName === 'string' ? value.companyName : '',
      reason,
    },
  ];
}

function readContact(value: unknown): InvitationContactView[] {
  if (!isRecord(value) || typeof value.email !== 'string') return [];
  return [
    {
      name: typeof value.name === 'string' && value.name ? value.name : value.email,
      email: value.email,
      role: typeof value.role === 'string' ? value.role : 'other',
      isNew: typeof value.existingContactId !== 'string',
      isInterviewer: value.isInterviewer === true,
    },
  ];
}

function readPerson(value: unknown): InvitationPersonView | null {
  if (!isRecord(value) || typeof value.email !== 'string') return null;
  return { name: stringOrNull(value.name), email: value.email };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
