import { z } from 'zod';
import { id, instant, instantOut, limits, localDate, rating, text, webUrl } from './fields.js';
import { timeZone } from './time-zone.js';

export const interviewRounds = ['phone_screen', 'technical', 'onsite', 'panel', 'final', 'other'] as const;
export type InterviewRound = (typeof interviewRounds)[number];

export const interviewSchema = z
  .object({
    id,
    applicationId: id,
    round: z.enum(interviewRounds),
    startsAt: instantOut,
    endsAt: instantOut,
    timeZone: z.string(),
    location: z.string().nullable(),
    videoLink: z.string().nullable(),
    interviewerIds: z.array(id),
    decisionDate: localDate.nullable().describe('the date the employer said they would decide by'),
    notes: z.string(),
    topics: z.string().describe('what was discussed, noted after the interview; thank-you notes cite it'),
    selfRating: z.number().int().nullable(),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Interview' });

export type Interview = z.infer<typeof interviewSchema>;

const interviewFields = {
  round: z.enum(interviewRounds),
  startsAt: instant,
  endsAt: instant,
  timeZone,
  location: text(limits.title).nullish(),
  videoLink: webUrl.nullish(),
  interviewerIds: z.array(id).max(30).optional(),
  decisionDate: localDate.nullish(),
  notes: text(limits.notes).optional(),
  topics: text(limits.notes).optional(),
  selfRating: rating.nullish(),
};

const endsAfterStart = (i: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  i.startsAt === undefined || i.endsAt === undefined || i.endsAt > i.startsAt;

export const interviewCreateSchema = z
  .strictObject({ applicationId: id, ...interviewFields, round: interviewFields.round.optional() })
  .refine(endsAfterStart, { message: 'must be after startsAt', path: ['endsAt'] });

export const interviewUpdateSchema = z
  .strictObject({
    ...interviewFields,
    round: interviewFields.round.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    timeZone: timeZone.optional(),
  })
  .refine(endsAfterStart, { message: 'must be after startsAt', path: ['endsAt'] });

export type InterviewCreate = z.infer<typeof interviewCreateSchema>;
export type InterviewUpdate = z.infer<typeof interviewUpdateSchema>;

export const interviewListQuerySchema = z.strictObject({
  applicationId: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export type InterviewListQuery = z.infer<typeof interviewListQuerySchema>;
