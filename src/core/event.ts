import { z } from 'zod';
import { happenedAt, id, instant, instantOut, limits, localDate, text } from './fields.js';
import { closedReasonSchema, outcomeSchema, stageSchema } from './pipeline.js';
import { responseLinkReplySchema } from './response-link.js';

/** A timeline entry on an application. Stage changes and interview entries are written by hearback itself. */
export const eventKinds = [
  'stage_change',
  'interview',
  'message_sent',
  'reply_received',
  'note',
  'posting_change',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const channels = ['email', 'phone', 'linkedin', 'in_person', 'other'] as const;
export type Channel = (typeof channels)[number];

export const sentiments = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof sentiments)[number];

export const postingChanges = ['removed', 'expired', 'changed', 'reposted', 'restored'] as const;

const base = { id, applicationId: id, occurredAt: instantOut, createdAt: instantOut };

export const stageChangeEventSchema = z.object({
  ...base,
  kind: z.literal('stage_change'),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  outcome: outcomeSchema.nullable(),
  closedReason: closedReasonSchema.nullable(),
  note: z.string().nullable(),
});

export const interviewEventSchema = z.object({ ...base, kind: z.literal('interview'), interviewId: id });

export const messageSentEventSchema = z.object({
  ...base,
  kind: z.literal('message_sent'),
  channel: z.enum(channels),
  contactId: id.nullable(),
  followUpId: id.nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
});

export const replyReceivedEventSchema = z.object({
  ...base,
  kind: z.literal('reply_received'),
  channel: z.enum(channels),
  contactId: id.nullable(),
  sentiment: z.enum(sentiments),
  summary: z.string().nullable(),
  newDecisionDate: localDate.nullable().describe('a new date the employer gave in the reply'),
  responseLink: responseLinkReplySchema.optional(),
});

export const noteEventSchema = z.object({ ...base, kind: z.literal('note'), text: z.string() });

export const postingChangeEventSchema = z.object({
  ...base,
  kind: z.literal('posting_change'),
  change: z.enum(postingChanges),
  detail: z.string().nullable(),
});

export const eventSchema = z
  .discriminatedUnion('kind', [
    stageChangeEventSchema,
    interviewEventSchema,
    messageSentEventSchema,
    replyReceivedEventSchema,
    noteEventSchema,
    postingChangeEventSchema,
  ])
  .meta({ id: 'Event' });

export type TimelineEvent = z.infer<typeof eventSchema>;
export type StageChangeEvent = z.infer<typeof stageChangeEventSchema>;

/** Kinds a user may add, edit and delete; the others are history written by the pipeline and interviews. */
export const userEventKinds = ['message_sent', 'reply_received', 'note', 'posting_change'] as const;
export type UserEventKind = (typeof userEventKinds)[number];

const userEventFields = {
  message_sent: {
    channel: z.enum(channels),
    contactId: id.nullish(),
    followUpId: id.nullish(),
    subject: text(limits.title).nullish(),
    body: text(limits.notes).nullish(),
  },
  reply_received: {
    channel: z.enum(channels),
    contactId: id.nullish(),
    sentiment: z.enum(sentiments),
    summary: text(limits.notes).nullish(),
    newDecisionDate: localDate.nullish(),
  },
  note: { text: text(limits.notes).refine((t) => t.trim().length > 0, { message: 'must not be blank' }) },
  posting_change: { change: z.enum(postingChanges), detail: text(limits.shortText).nullish() },
} as const;

const occurredAt = happenedAt('when it happened, default now');

const createBase = { applicationId: id, occurredAt: occurredAt.optional() };

export const eventCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('message_sent'), ...createBase, ...userEventFields.message_sent }),
  z.strictObject({ kind: z.literal('reply_received'), ...createBase, ...userEventFields.reply_received }),
  z.strictObject({ kind: z.literal('note'), ...createBase, ...userEventFields.note }),
  z.strictObject({ kind: z.literal('posting_change'), ...createBase, ...userEventFields.posting_change }),
]);

export type EventCreate = z.infer<typeof eventCreateSchema>;

/** An update keeps the kind; the fields allowed are the kind's own, checked once the kind is known. */
export const eventUpdateSchema = z.strictObject({
  occurredAt: occurredAt.optional(),
  channel: z.enum(channels).optional(),
  contactId: id.nullish(),
  followUpId: id.nullish(),
  subject: text(limits.title).nullish(),
  body: text(limits.notes).nullish(),
  sentiment: z.enum(sentiments).optional(),
  summary: text(limits.notes).nullish(),
  newDecisionDate: localDate.nullish(),
  text: userEventFields.note.text.optional(),
  change: z.enum(postingChanges).optional(),
  detail: text(limits.shortText).nullish(),
});

export type EventUpdate = z.infer<typeof eventUpdateSchema>;

export const eventFieldsByKind: Readonly<Record<UserEventKind, readonly string[]>> = {
  message_sent: Object.keys(userEventFields.message_sent),
  reply_received: Object.keys(userEventFields.reply_received),
  note: Object.keys(userEventFields.note),
  posting_change: Object.keys(userEventFields.posting_change),
};

export const eventListQuerySchema = z.strictObject({
  applicationId: id.optional(),
  kind: z.enum(eventKinds).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type EventListQuery = z.input<typeof eventListQuerySchema>;

export function isUserEventKind(kind: EventKind): kind is UserEventKind {
  return (userEventKinds as readonly string[]).includes(kind);
}
