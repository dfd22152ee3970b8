import { z } from 'zod';
import { instant, localDate } from './fields.js';
import { followUpSchema } from './follow-up.js';
import { interviewSchema } from './interview.js';
import { closedReasonSchema, outcomeSchema, stageSchema } from './pipeline.js';
import { responseLinkAnswers } from './response-link.js';

/**
 * The Today list: every open follow-up step that is overdue, due today, or due in the next seven days, in
 * the user's time zone, each with what it is about, whom it is for, and why it is due when it is.
 */
export const todayItemSchema = z
  .object({
    step: followUpSchema,
    application: z.object({
      id: z.string(),
      jobTitle: z.string(),
      companyName: z.string(),
      stage: stageSchema,
    }),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
    explanation: z.string().describe('why this step is due when it is, naming the rule'),
    hasDraft: z.boolean().describe('whether a message can be drafted for it'),
  })
  .meta({ id: 'TodayItem' });

export type TodayItem = z.infer<typeof todayItemSchema>;

/** An interview of the last two weeks whose "how did it go" is still unanswered, on an application still open. */
export const todayDebriefSchema = z
  .object({
    interview: interviewSchema,
    application: z.object({ id: z.string(), jobTitle: z.string(), companyName: z.string() }),
  })
  .meta({ id: 'TodayDebrief' });

export type TodayDebrief = z.infer<typeof todayDebriefSchema>;

/** How long after an interview Today asks how it went. */
export const debriefWindowDays = 14;

/**
 * An employer's answer through the response link in the last 14 days. "Another candidate" and "on hold"
 * suggest an ending; hearback never ends the application by itself.
 */
export const todayAnswerSchema = z
  .object({
    eventId: z.string(),
    application: z.object({
      id: z.string(),
      jobTitle: z.string(),
      companyName: z.string(),
      stage: stageSchema,
    }),
    answer: z.enum(responseLinkAnswers),
    expectedBy: localDate.nullable(),
    message: z.string().nullable(),
    answeredAt: z.string(),
    suggestedEnding: z
      .object({ outcome: outcomeSchema, closedReason: closedReasonSchema.nullable() })
      .nullable()
      .describe('the ending the answer suggests, while the application is still open'),
  })
  .meta({ id: 'TodayAnswer' });

export type TodayAnswer = z.infer<typeof todayAnswerSchema>;

export const todaySchema = z
  .object({
    asOf: z.string().describe('the moment "today" was computed from'),
    date: z.string().describe("today's date in your time zone"),
    timeZone: z.string(),
    overdue: z.array(todayItemSchema),
    today: z.array(todayItemSchema),
    week: z.array(todayItemSchema).describe('due in the seven days after today'),
    debriefs: z
      .array(todayDebriefSchema)
      .describe(`interviews of the last ${debriefWindowDays} days with no notes or rating yet, latest first`),
    applicationCount: z.number().int().describe('how many applications you have (0: a new user)'),
    answers: z
      .array(todayAnswerSchema)
      .describe('what employers answered through the response link in the last 14 days, newest first'),
    totals: z
      .object({ overdue: z.number().int(), today: z.number().int(), week: z.number().int() })
      .describe('how many steps each group holds in all; with `first`, the lists hold only the first ones'),
  })
  .meta({ id: 'Today' });

export type Today = z.infer<typeof todaySchema>;

export const todayQuerySchema = z.strictObject({
  asOf: z
    .union([instant, localDate])
    .optional()
    .describe('an instant, or a date meaning the working morning of that date (default: now)'),
  first: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe("only each group's first steps, this many (the totals still count them all)"),
});
