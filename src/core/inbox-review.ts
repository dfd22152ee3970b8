import { z } from 'zod';
import { id } from './fields.js';
import { inboxKinds } from './inbox-classify.js';

/** A message kept from the inbox: one waiting in the review queue, or one applied to a timeline. */
export const inboxMessageViewSchema = z
  .object({
    id,
    from: z.string(),
    receivedAt: z.string(),
    subject: z.string(),
    excerpt: z.string().describe('a short excerpt of the new text'),
    body: z
      .string()
      .nullable()
      .describe(
        'the full text (plain, at most 64 kB), kept only for a message you confirmed from the review queue',
      ),
    bodyNotFetched: z
      .string()
      .optional()
      .describe('in the answer to confirm only: why the full text could not be read from the mailbox'),
    kind: z.enum(inboxKinds),
    rule: z.string().describe('the rule that classified it, e.g. en.rejection.other-candidates'),
    status: z.enum(['review', 'applied']),
    applicationId: id.nullable(),
    candidates: z.array(id).describe('applications it could be about, when the match is uncertain'),
    reason: z.string().nullable().describe('why it was matched'),
    eventId: id.nullable().describe('the timeline event it became'),
    suggestion: z
      .enum(['end_rejected', 'move_offer'])
      .nullable()
      .describe('a stage change it suggests; hearback never makes it by itself'),
    hasInvitation: z.boolean().describe('carries a calendar file that confirming imports as an interview'),
  })
  .meta({ id: 'InboxMessage' });
export type InboxMessageView = z.infer<typeof inboxMessageViewSchema>;

const reviewKinds = [
  'offer',
  'rejection',
  'interview_invitation',
  'availability_request',
  'acknowledgement',
  'other_reply',
] as const satisfies readonly (typeof inboxKinds)[number][];

export const inboxReviewInputSchema = z.strictObject({
  applicationId: id.optional().describe('the application it is about, if not the one suggested'),
  kind: z.enum(reviewKinds).optional().describe('what it says, if not what the rules read'),
});
export type InboxReviewInput = z.infer<typeof inboxReviewInputSchema>;
