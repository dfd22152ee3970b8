import { z } from 'zod';
import { bulkFailureSchema, bulkIds, bulkItems } from './bulk.js';
import { channels } from './event.js';
import { happenedAt, id, instant, instantOut, limits, localDate, text } from './fields.js';

/**
 * The one list of step kinds. The planned kinds are the playbook's rules (core/playbook.ts), one each; a
 * `custom` step is one of the user's own. Every other list of kinds is derived from these.
 */
export const plannedFollowUpKinds = [
  'thank_you',
  'first_follow_up',
  'second_follow_up',
  'closing_note',
  'suggest_no_response',
  'application_check_in',
  'offer_check',
  'feedback_request',
] as const;
export type PlannedFollowUpKind = (typeof plannedFollowUpKinds)[number];

export const followUpKinds = [...plannedFollowUpKinds, 'custom'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** Planned steps that send someone a message; suggesting to end an application is advice to the user. */
export type MessageFollowUpKind = Exclude<PlannedFollowUpKind, 'suggest_no_response'>;

export const messageFollowUpKinds: readonly MessageFollowUpKind[] = plannedFollowUpKinds.filter(
  (kind): kind is MessageFollowUpKind => kind !== 'suggest_no_response',
);

/** Steps that ask the employer for news. A thank-you, a feedback request or a suggestion is not one. */
export const nudgeKinds = [
  'first_follow_up',
  'second_follow_up',
  'closing_note',
  'application_check_in',
  'offer_check',
] as const satisfies readonly MessageFollowUpKind[];

export function isNudgeKind(kind: FollowUpKind): boolean {
  return (nudgeKinds as readonly FollowUpKind[]).includes(kind);
}

/** Whether a step has a message to draft: every planned kind but the suggestion to end. */
export function isMessageKind(kind: FollowUpKind): kind is MessageFollowUpKind {
  return (messageFollowUpKinds as readonly FollowUpKind[]).includes(kind);
}

export const followUpStatuses = ['planned', 'done', 'skipped', 'snoozed'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** `plan`: made by the follow-up planner and re-planned with the application; `manual`: added by the user. */
export const followUpOrigins = ['plan', 'manual'] as const;

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

export const dueWindows = ['overdue', 'today', 'week', 'open'] as const;
export type DueWindow = (typeof dueWindows)[number];

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

/** A step still to do: planned, or snoozed to a later date. */
export const openFollowUpStatuses = ['planned', 'snoozed'] as const satisfies readonly FollowUpStatus[];

export function isOpenFollowUp(step: { readonly status: FollowUpStatus }): boolean {
  return (openFollowUpStatuses as readonly FollowUpStatus[]).includes(step.status);
}
