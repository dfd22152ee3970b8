import { z } from 'zod';
import { id, instantOut, localDate, text } from './fields.js';
import { responseLinkAnswers, responseLinkMessageLimit } from './response-link-values.js';

export * from './response-link-values.js';

/** What a reply that came through the link carries besides the reply itself. */
export const responseLinkReplySchema = z
  .object({
    linkId: id,
    answer: z.enum(responseLinkAnswers),
    expectedBy: localDate.nullable().describe('still deciding: the date they expect to have news'),
  })
  .describe('set when the employer answered through the response link');

export type ResponseLinkReply = z.infer<typeof responseLinkReplySchema>;

/** The answer the employer's page posts; field names are the form's. */
export const responseLinkFormSchema = z.object({
  nonce: z.string().min(1).max(200),
  answer: z.enum(responseLinkAnswers, { message: 'choose one of the answers' }),
  expectedBy: z.union([z.literal(''), localDate]).optional(),
  message: text(responseLinkMessageLimit).optional(),
});

export type ResponseLinkForm = z.infer<typeof responseLinkFormSchema>;

/** The link as the user sees it: never its token, which is shown once, when it is created. */
export const responseLinkSchema = z
  .object({
    id,
    applicationId: id,
    createdAt: instantOut,
    expiresAt: instantOut,
    answeredAt: instantOut.nullable().describe('when the employer last answered through it'),
  })
  .meta({ id: 'ResponseLink' });

export type ResponseLink = z.infer<typeof responseLinkSchema>;

export const responseLinkStatusSchema = z
  .object({
    available: z
      .boolean()
      .describe('false when hearback is not reachable from outside (HEARBACK_PUBLIC_URL is not set)'),
    explanation: z.string().nullable().describe('why the link is not available, in plain words'),
    link: responseLinkSchema.nullable().describe('the active link, or null'),
    lastAnswer: z
      .object({
        eventId: id,
        answer: z.enum(responseLinkAnswers),
        expectedBy: localDate.nullable(),
        message: z.string().nullable(),
        answeredAt: instantOut,
      })
      .nullable()
      .describe('the latest answer that came through any of this application’s links'),
  })
  .meta({ id: 'ResponseLinkStatus' });

export type ResponseLinkStatus = z.infer<typeof responseLinkStatusSchema>;

export const responseLinkIssuedSchema = z
  .object({
    url: z.string().describe('the link; shown here once, hearback keeps only a hash of its secret'),
    expiresAt: instantOut,
    link: responseLinkSchema,
  })
  .meta({ id: 'ResponseLinkIssued' });

export type ResponseLinkIssued = z.infer<typeof responseLinkIssuedSchema>;

export const responseLinkCreateSchema = z.strictObject({
  days: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('how many days the link works; default: your setting (30)'),
});
