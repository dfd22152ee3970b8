import type { ApplicationCandidate, InvitationImportPreview } from '../core/invitation.js';

/** A person on an invitation. */
export type InvitationPersonView = NonNullable<InvitationImportPreview['invitation']['organizer']>;

export type InvitationCandidateView = Pick<
  ApplicationCandidate,
  'applicationId' | 'jobTitle' | 'companyName' | 'reason'
>;

export type InvitationContactView = {
  readonly name: string;
  readonly email: string;
  readonly role: InvitationImportPreview['contacts'][number]['role'];
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
  readonly round: InvitationImportPreview['round'];
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

/** What the import page shows of `POST /api/interviews/import-ics/preview`'s answer. */
export function toInvitationPreviewView(preview: InvitationImportPreview): InvitationPreviewView {
  const { invitation } = preview;
  const toCandidate = (candidate: ApplicationCandidate): InvitationCandidateView => ({
    applicationId: candidate.applicationId,
    jobTitle: candidate.jobTitle,
    companyName: candidate.companyName,
    reason: candidate.reason,
  });
  return {
    summary: invitation.summary,
    startsAt: invitation.startsAt,
    endsAt: invitation.endsAt,
    timeZone: invitation.timeZone,
    isZoneGuessed: invitation.timeZoneSource === 'user',
    isCancelled: invitation.isCancelled,
    location: invitation.location,
    videoLink: invitation.videoLink,
    organizer: invitation.organizer,
    round: preview.round,
    application: preview.application ? toCandidate(preview.application) : null,
    candidates: preview.candidates.map(toCandidate),
    contacts: preview.contacts.map((contact) => ({
      name: contact.name || contact.email,
      email: contact.email,
      role: contact.role,
      isNew: contact.existingContactId === null,
      isInterviewer: contact.isInterviewer,
    })),
    isAlreadyImported: preview.existingInterviewId !== null,
    warnings: preview.warnings,
  };
}
