import { z } from 'zod';
import { contactRoles, contactSchema } from './contact.js';
import { id } from './fields.js';
import { interviewRounds, interviewSchema } from './interview.js';
import { stageSchema } from './pipeline.js';

/** What `POST /api/interviews/import-ics` and its preview take besides the file. */
export const invitationChoicesSchema = z.strictObject({
  applicationId: id.optional().describe('the application it belongs to; matched by company when left out'),
  eventIndex: z.number().int().min(0).max(1000).optional().describe('which event of a file with several'),
});

export type InvitationChoices = z.input<typeof invitationChoicesSchema>;

const invitationPersonSchema = z.object({ name: z.string().nullable(), email: z.string() });

export type InvitationPerson = z.infer<typeof invitationPersonSchema>;

/** One event of an invitation file as hearback read it. */
export const interviewInvitationSchema = z
  .object({
    uid: z.string().nullable(),
    sequence: z.number(),
    method: z
      .string()
      .nullable()
      .describe("the calendar's METHOD, upper-cased: REQUEST for an invitation, CANCEL for a cancellation"),
    isCancelled: z.boolean(),
    summary: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z
      .string()
      .describe('an IANA zone: the event’s, or your own when the file gives UTC or floating times'),
    timeZoneSource: z
      .enum(['event', 'calendar', 'user'])
      .describe("where the zone came from: the event's TZID, the calendar's default, or your settings"),
    sourceTimeZoneId: z.string().nullable().describe('the TZID as written in the file'),
    allDay: z.boolean(),
    floating: z.boolean(),
    location: z.string().nullable(),
    videoLink: z.string().nullable(),
    organizer: invitationPersonSchema.nullable(),
    attendees: z.array(invitationPersonSchema).readonly(),
    warnings: z.array(z.string()).readonly().describe('things to check, in plain words'),
  })
  .meta({ id: 'InterviewInvitation' });

export type InterviewInvitation = z.infer<typeof interviewInvitationSchema>;

/** An application an invitation may belong to, and why hearback thinks so. */
export const applicationCandidateSchema = z.object({
  applicationId: z.string(),
  jobTitle: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  stage: stageSchema,
  reason: z.enum(['chosen', 'email_domain', 'company_name']),
});

export type ApplicationCandidate = z.infer<typeof applicationCandidateSchema>;

export const invitationContactPlanSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(contactRoles),
  existingContactId: z
    .string()
    .nullable()
    .describe('the contact already on file with this email, reused instead of creating a new one'),
  isInterviewer: z.boolean(),
});

/** What importing an invitation would do, without writing anything. */
export const invitationImportPreviewSchema = z
  .object({
    invitation: interviewInvitationSchema,
    application: applicationCandidateSchema
      .nullable()
      .describe('the application the interview goes to, or null when none or several match'),
    candidates: z.array(applicationCandidateSchema).readonly(),
    round: z.enum(interviewRounds),
    contacts: z.array(invitationContactPlanSchema).readonly(),
    existingInterviewId: z
      .string()
      .nullable()
      .describe('an interview of the matched application at the same start: importing again changes nothing'),
    warnings: z.array(z.string()).readonly(),
  })
  .meta({ id: 'InvitationImportPreview' });

export type InvitationImportPreview = z.infer<typeof invitationImportPreviewSchema>;

export const invitationImportResultSchema = z.object({
  interview: interviewSchema,
  created: z.boolean().describe('false when the same interview was already imported'),
  createdContacts: z.array(contactSchema).readonly(),
  reusedContactIds: z.array(z.string()).readonly(),
  warnings: z.array(z.string()).readonly(),
});

export type InvitationImportResult = z.infer<typeof invitationImportResultSchema>;
