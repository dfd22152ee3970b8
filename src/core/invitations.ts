import { z } from 'zod';
import { roles } from './coaching.js';
import { email, requiredText } from './fields.js';

/** How long an invitation link works unless the admin says otherwise, and at most. */
export const invitationDays = { default: 7, max: 30 } as const;

export const invitationCreateSchema = z.strictObject({
  email: email.describe('who is invited; the account will have this email'),
  role: z.enum(roles).default('job_seeker').describe('the account’s role once the invitation is accepted'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(invitationDays.max)
    .default(invitationDays.default)
    .describe('how many days the link works'),
});
export type InvitationCreate = z.input<typeof invitationCreateSchema>;

export const invitationStatuses = ['pending', 'accepted', 'expired'] as const;

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(roles),
    status: z.enum(invitationStatuses),
    invitedBy: z.string().nullable().describe('the email of the admin who invited; null from the CLI'),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = z
  .object({
    invitation: invitationSchema,
    link: z.string().describe('the invitation link: shown once, to pass on when it was not emailed'),
    emailed: z.boolean().describe('whether the server’s SMTP server took the email'),
    emailError: z.string().nullable().describe('why the email could not be sent, when it was not'),
  })
  .meta({ id: 'CreatedInvitation' });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationPreviewSchema = z
  .object({ email: z.string(), role: z.enum(roles), expiresAt: z.string() })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** The secret part of an invitation link: 32 random bytes in base64url. */
export const invitationTokenSchema = z
  .string()
  .min(20)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'is not an invitation link' });

export const invitationAcceptSchema = z.strictObject({
  name: requiredText(200),
  password: z
    .string()
    .min(8, { message: 'must have at least 8 characters' })
    .max(256, { message: 'must have at most 256 characters' }),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

export const acceptedInvitationSchema = z
  .object({ email: z.string().describe('the new account’s email: sign in with it and the password') })
  .meta({ id: 'AcceptedInvitation' });
