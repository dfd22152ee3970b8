import { z } from 'zod';
import { bulkFailureSchema, bulkIds, bulkItems } from './bulk.js';
import { channels } from './event.js';
import { happenedAt, id, instant, instantOut, limits, localDate, text } from './fields.js';
import { dueWindows, followUpKinds, followUpOrigins, followUpStatuses } from './follow-up-values.js';

export {
  type DueWindow,
  dueWindows,
  type FollowUpKind,
  type FollowUpStatus,
  followUpKinds,
  followUpOrigins,
  followUpStatuses,
  isMessageKind,
  isNudgeKind,
  isOpenFollowUp,
  type MessageFollowUpKind,
  messageFollowUpKinds,
  type NudgeKind,
  nudgeKinds,
  openFollowUpStatuses,
  type PlannedFollowUpKind,
  plannedFollowUpKinds,
} from './follow-up-values.js';

export const followUpSchema = z
  .object({
    id,
    applicationId: id,
    kind: z.enum(followUpKinds),
    dueAt: instantOut,
    channel: z.enum(channels).nullable(),
    status: z.enum(followUpStatuses),
    reason: z.string().describe('why this step is due when it is, in plain words'),
    contactId: id.nullable(),
    interviewId: id.nullable(),
    origin: z.enum(followUpOrigins),
    planKey: z
      .string()
      .nullable()
      .describe(
        'for planned steps, which rule and moment made it (stable across re-plans); null for your own',
      ),
    snoozedUntil: instantOut.nullable(),
    completedAt: instantOut.nullable().describe('when it was done or skipped'),
    completionNote: z.string().nullable().describe('what was sent, or why it was skipped'),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'FollowUp' });

export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpCreateSchema = z.strictObject({
  applicationId: id,
  kind: z.enum(followUpKinds).optional(),
  dueAt: instant,
  channel: z.enum(channels).nullish(),
  reason: text(limits.shortText).optional(),
  contactId: id.nullish(),
  interviewId: id.nullish(),
});

export const followUpUpdateSchema = z.strictObject({
  kind: z.enum(followUpKinds).optional(),
  dueAt: instant.optional(),
  channel: z.enum(channels).nullish(),
  reason: text(limits.shortText).optional(),
  contactId: id.nullish(),
});

export type FollowUpCreate = z.infer<typeof followUpCreateSchema>;
export type FollowUpUpdate = z.infer<typeof followUpUpdateSchema>;

export const followUpDoneSchema = z.strictObject({
  at: happenedAt('when you did it, default now; the next step is timed from it').optional(),
  note: text(limits.notes).nullish().describe('what was sent or said'),
});
export const followUpSkipSchema = z.strictObject({
  at: happenedAt('when you decided to skip it, default now; the next step is timed from it').optional(),
  reason: text(limits.shortText).nullish(),
});
export const followUpSnoozeSchema = z.strictObject({
  until: z
    .union([instant, localDate])
    .describe('an instant, or a date (the step is then due that morning); after `at`'),
  at: happenedAt('when you snoozed it, default now').optional(),
});

/**
 * Opens a done or skipped step again, or takes back a snooze: what Undo sends. Without fields, a closed step
 * comes back as it was before (its snooze kept); an open step is left as it is.
 */
export const followUpReopenSchema = z.strictObject({
  snoozedUntil: instant
    .nullable()
    .optional()
    .describe('the snooze to give the step back (null: not snoozed); default: the snooze it had'),
  dueAt: instant
    .optional()
    .describe(
      'for a step you added yourself: when it is due again; a step of the plan is due when the plan says',
    ),
});

/** One action on several steps, in one request and one transaction: what the Today selection sends. */
export const followUpBulkSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('done'), ids: bulkIds, ...followUpDoneSchema.shape }),
    z.strictObject({ action: z.literal('skip'), ids: bulkIds, ...followUpSkipSchema.shape }),
    z.strictObject({ action: z.literal('snooze'), ids: bulkIds, ...followUpSnoozeSchema.shape }),
    z.strictObject({ action: z.literal('reopen'), steps: bulkItems(followUpReopenSchema.extend({ id })) }),
  ])
  .meta({ id: 'FollowUpBulkAction' });

export const followUpBulkResultSchema = z
  .object({
    steps: z.array(followUpSchema).describe('the steps changed, as they now stand'),
    failed: z.array(bulkFailureSchema),
  })
  .meta({ id: 'FollowUpBulkResult' });

export type FollowUpDone = z.infer<typeof followUpDoneSchema>;
export type FollowUpSkip = z.infer<typeof followUpSkipSchema>;
export type FollowUpSnooze = z.infer<typeof followUpSnoozeSchema>;
export type FollowUpReopen = z.infer<typeof followUpReopenSchema>;
export type FollowUpBulk = z.infer<typeof followUpBulkSchema>;
export type FollowUpBulkResult = z.infer<typeof followUpBulkResultSchema>;

export const followUpListQuerySchema = z.strictObject({
  applicationId: id.optional(),
  status: z.enum(followUpStatuses).optional(),
  due: z
    .enum(dueWindows)
    .optional()
    .describe(
      'overdue: open steps due before today; today: due today; week: due in the next 7 days; open: all open',
    ),
  asOf: z
    .union([instant, localDate])
    .optional()
    .describe('the moment "today" is computed from (default: now)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type FollowUpListQuery = z.input<typeof followUpListQuerySchema>;
