import { z } from 'zod';
import { formatShortDate } from './date-words.js';
import type { Sentiment } from './event.js';
import { id, instantOut, localDate, text } from './fields.js';
import { responseLinkAnswerLabels } from './labels.js';
import { type ClosedReason, type Outcome, outcomeLabels } from './pipeline.js';

/**
 * The employer response link (docs/response-link.md): a capability URL `/r/<token>` that lets the employer
 * say where things stand in one click, without a login. Its answers land as replies on the timeline.
 */
export const responseLinkAnswers = [
  'still_deciding',
  'another_candidate',
  'on_hold',
  'next_conversation',
] as const;
export type ResponseLinkAnswer = (typeof responseLinkAnswers)[number];

/** The employer's message is short: a line or two, not a letter. */
export const responseLinkMessageLimit = 1_000;

/** What a reply that came through the link carries besides the reply itself. */
export const responseLinkReplySchema = z
  .object({
    linkId: id,
    answer: z.enum(responseLinkAnswers),
    expectedBy: localDate.nullable().describe('still deciding: the date they expect to have news'),
  })
  .describe('set when the employer answered through the response link');

export type ResponseLinkReply = z.infer<typeof responseLinkReplySchema>;

/** The reply's sentiment, which the follow-up planner reads as it does for a reply the user logged. */
export function sentimentOfAnswer(answer: ResponseLinkAnswer): Sentiment {
  switch (answer) {
    case 'still_deciding':
      return 'neutral';
    case 'next_conversation':
      return 'positive';
    case 'another_candidate':
    case 'on_hold':
      return 'negative';
  }
}

/**
 * The ending an answer suggests. hearback never ends an application by itself: Today and the application
 * page offer this ending, and the user confirms it.
 */
export function suggestedEnding(
  answer: ResponseLinkAnswer,
): { readonly outcome: Outcome; readonly closedReason: ClosedReason | null } | null {
  switch (answer) {
    case 'another_candidate':
      return { outcome: 'rejected', closedReason: null };
    case 'on_hold':
      return { outcome: 'position_closed', closedReason: 'unknown' };
    default:
      return null;
  }
}

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

/** The sentence a draft adds before its sign-off, with the link. */
export function responseLinkSentence(url: string): string {
  return `If it's easier, one click tells me where things stand: ${url}`;
}

/** The explanation shown instead of a link when the employer could not reach hearback. */
export const localOnlyExplanation =
  'The response link works only when hearback is reachable from outside this machine: set HEARBACK_PUBLIC_URL to the address employers can open (docs/response-link.md).';

/**
 * An answer in the user's words, for Today, the digest and the CLI: "Still deciding, news by Fri 13 Mar",
 * and the ending it suggests ("Consider ending it as rejected"), or null.
 */
export function describeLinkAnswer(answer: {
  readonly answer: ResponseLinkAnswer;
  readonly expectedBy: string | null;
}): { readonly answer: string; readonly suggestion: string | null } {
  const label = responseLinkAnswerLabels[answer.answer];
  const ending = suggestedEnding(answer.answer);
  return {
    answer: answer.expectedBy ? `${label}, news by ${formatShortDate(answer.expectedBy)}` : label,
    suggestion: ending ? `Consider ending it as ${outcomeLabels[ending.outcome].toLowerCase()}` : null,
  };
}
