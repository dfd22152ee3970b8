import { describe, expect, it } from 'vitest';
import type { InvitationImportPreview } from '../core/invitation.js';
import { toInvitationPreviewView } from './invitation-view.js';

const candidate = {
  applicationId: '01JAPP',
  jobTitle: 'Data analyst',
  companyId: '01JCO',
  companyName: 'Contoso',
  stage: 'applied',
  reason: 'email_domain',
} as const;

/** The shape `POST /api/interviews/import-ics/preview` answers with (src/services/ics-import.ts). */
const answer: InvitationImportPreview = {
  invitation: {
    uid: 'abc@contoso.example',
    sequence: 0,
    method: 'REQUEST',
    description: '',
    sourceTimeZoneId: 'Europe/Berlin',
    allDay: false,
    floating: false,
    warnings: [],
    summary: 'Technical interview - Contoso',
    startsAt: '2026-12-10T09:00:00.000Z',
    endsAt: '2026-12-10T10:00:00.000Z',
    timeZone: 'Europe/Berlin',
    timeZoneSource: 'event',
    isCancelled: false,
    location: null,
    videoLink: 'https://meet.google.com/abc-defg-hij',
    organizer: { name: 'Rita Recruiter', email: 'rita@contoso.example' },
    attendees: [],
  },
  application: candidate,
  candidates: [candidate],
  round: 'technical',
  contacts: [
    {
      name: 'Dana Lee',
      email: 'dana@contoso.example',
      role: 'interviewer',
      existingContactId: null,
      isInterviewer: true,
    },
    {
      name: '',
      email: 'rita@contoso.example',
      role: 'recruiter',
      existingContactId: '01JC',
      isInterviewer: false,
    },
  ],
  existingInterviewId: null,
  warnings: ['your email address is not in settings'],
};

describe('toInvitationPreviewView', () => {
  it('reads the time, place, people and the application matched', () => {
    const view = toInvitationPreviewView(answer);
    expect(view).toMatchObject({
      summary: 'Technical interview - Contoso',
      timeZone: 'Europe/Berlin',
      isZoneGuessed: false,
      videoLink: 'https://meet.google.com/abc-defg-hij',
      round: 'technical',
      application: { applicationId: '01JAPP', reason: 'email_domain' },
      isAlreadyImported: false,
      warnings: ['your email address is not in settings'],
    });
    expect(view?.contacts).toEqual([
      {
        name: 'Dana Lee',
        email: 'dana@contoso.example',
        role: 'interviewer',
        isNew: true,
        isInterviewer: true,
      },
      {
        name: 'rita@contoso.example',
        email: 'rita@contoso.example',
        role: 'recruiter',
        isNew: false,
        isInterviewer: false,
      },
    ]);
  });

  it('reads no match, a guessed zone and an earlier import', () => {
    const view = toInvitationPreviewView({
      ...answer,
      invitation: { ...answer.invitation, timeZoneSource: 'user' },
      application: null,
      candidates: [],
      existingInterviewId: '01JINT',
    });
    expect(view).toMatchObject({
      application: null,
      candidates: [],
      isZoneGuessed: true,
      isAlreadyImported: true,
    });
  });
});
