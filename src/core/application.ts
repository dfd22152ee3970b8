import { z } from 'zod';
import { employmentTypes, remoteTypes, salaryPeriods, sourceKinds } from './application-values.js';
import { boardSortKeys } from './board-sort.js';
import { bulkFailureSchema, bulkIds, bulkItems } from './bulk.js';
import {
  happenedAt,
  id,
  instantOut,
  limits,
  localDate,
  rating,
  requiredText,
  text,
  webUrl,
} from './fields.js';
import { followUpKinds } from './follow-up.js';
import { activeStageSchema, closedReasonSchema, outcomeSchema, type Stage, stageSchema } from './pipeline.js';

export {
  type ApplicationListFilter,
  type ApplicationListQuery,
  type ApplicationSortKey,
  applicationListQuerySchema,
  applicationSortKeys,
} from './application-list-query.js';
export {
  type EmploymentType,
  employmentTypes,
  emptyPosting,
  normalizePostingUrl,
  type RemoteType,
  remoteTypes,
  type SourceKind,
  salaryPeriods,
  sourceKinds,
} from './application-values.js';

/** The posting as it was when the user applied; postings change or vanish, so we keep our own copy. */
export const postingSchema = z
  .object({
    descriptionHtml: z.string().nullable(),
    descriptionText: z.string().nullable(),
    location: z.string().nullable(),
    remoteType: z.enum(remoteTypes).nullable(),
    salaryMin: z.number().nullable(),
    salaryMax: z.number().nullable(),
    salaryCurrency: z.string().nullable(),
    salaryPeriod: z.enum(salaryPeriods).nullable(),
    employmentType: z.enum(employmentTypes).nullable(),
    datePosted: localDate.nullable(),
    validThrough: localDate.nullable(),
  })
  .meta({ id: 'Posting' });

export type Posting = z.infer<typeof postingSchema>;

const salary = z.number().finite().min(0).max(1e12);

export const postingInputSchema = z
  .strictObject({
    descriptionHtml: text(limits.document).nullish(),
    descriptionText: text(limits.document).nullish(),
    location: text(limits.title).nullish(),
    remoteType: z.enum(remoteTypes).nullish(),
    salaryMin: salary.nullish(),
    salaryMax: salary.nullish(),
    salaryCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as USD' })
      .nullish(),
    salaryPeriod: z.enum(salaryPeriods).nullish(),
    employmentType: z.enum(employmentTypes).nullish(),
    datePosted: localDate.nullish(),
    validThrough: localDate.nullish(),
  })
  .refine((p) => p.salaryMin == null || p.salaryMax == null || p.salaryMin <= p.salaryMax, {
    message: 'must not be below salaryMin',
    path: ['salaryMax'],
  });

export type PostingInput = z.infer<typeof postingInputSchema>;

export const sourceSchema = z
  .object({ kind: z.enum(sourceKinds), detail: z.string().nullable() })
  .meta({ id: 'Source' });

export const sourceInputSchema = z.strictObject({
  kind: z.enum(sourceKinds),
  detail: text(limits.name).nullish(),
});

/** A resume or cover letter as sent: its text, a reference to the file, or both. */
export const documentSchema = z
  .object({ name: z.string().nullable(), text: z.string().nullable(), fileRef: z.string().nullable() })
  .meta({ id: 'Document' });

export type SentDocument = z.infer<typeof documentSchema>;

export const documentInputSchema = z
  .strictObject({
    name: text(limits.name).nullish(),
    text: text(limits.document).nullish(),
    fileRef: text(limits.url).nullish(),
  })
  .refine((d) => d.name != null || d.text != null || d.fileRef != null, {
    message: 'needs at least a name, a text or a file reference',
  });

export const tagSchema = requiredText(limits.tag).refine((t) => !t.includes(','), {
  message: 'must not contain commas',
});

export const applicationSchema = z
  .object({
    id,
    company: z.object({ id, name: z.string() }),
    jobTitle: z.string(),
    postingUrl: z.string().nullable(),
    posting: postingSchema,
    source: sourceSchema,
    priority: z.number().int(),
    tags: z.array(z.string()),
    resume: documentSchema.nullable(),
    coverLetter: documentSchema.nullable(),
    notes: z.string(),
    stage: stageSchema,
    furthestStage: activeStageSchema,
    outcome: outcomeSchema.nullable(),
    closedReason: closedReasonSchema.nullable(),
    appliedAt: instantOut.nullable(),
    endedAt: instantOut.nullable(),
    stageChangedAt: instantOut.describe('when it reached its current stage (saved since, applied, …)'),
    createdAt: instantOut,
    updatedAt: instantOut,
  })
  .meta({ id: 'Application' });

export type Application = z.infer<typeof applicationSchema>;

const applicationFields = {
  jobTitle: requiredText(limits.title),
  postingUrl: webUrl.nullish(),
  posting: postingInputSchema.optional(),
  source: sourceInputSchema.optional(),
  priority: rating.optional(),
  tags: z.array(tagSchema).max(limits.tags).optional(),
  resume: documentInputSchema.nullish(),
  coverLetter: documentInputSchema.nullish(),
  notes: text(limits.notes).optional(),
};

export const applicationCreateSchema = z
  .strictObject({
    companyId: id.optional(),
    companyName: requiredText(limits.name).optional(),
    ...applicationFields,
    stage: activeStageSchema.optional(),
    stageAt: happenedAt('when it reached that stage (applied, …), default now').optional(),
    allowDuplicate: z.boolean().optional(),
  })
  .refine((a) => (a.companyId === undefined) !== (a.companyName === undefined), {
    message: 'give either companyId or companyName (exactly one)',
    path: ['companyId'],
  });

export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;

export const applicationUpdateSchema = z.strictObject({
  companyId: id.optional(),
  ...applicationFields,
  jobTitle: applicationFields.jobTitle.optional(),
});

export type ApplicationUpdate = z.infer<typeof applicationUpdateSchema>;

export const stageChangeInputSchema = z.strictObject({
  stage: stageSchema,
  outcome: outcomeSchema.nullish(),
  closedReason: closedReasonSchema.nullish(),
  occurredAt: happenedAt('when it reached the stage, default now').optional(),
  note: text(limits.shortText).nullish(),
});

export type StageChangeInput = z.infer<typeof stageChangeInputSchema>;

/**
 * Takes back the application's latest move (what Undo sends), named by where it came from and went to so a
 * move made since, elsewhere, is never the one taken back.
 */
export const stageUndoSchema = z.strictObject({
  fromStage: stageSchema.describe('the stage the move to take back came from'),
  toStage: stageSchema.describe('the stage it went to: where the application is now'),
});

export type StageUndo = z.infer<typeof stageUndoSchema>;

/** One action on several applications, in one request and one transaction: what the board selection sends. */
export const applicationBulkSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('move'), ids: bulkIds, ...stageChangeInputSchema.shape }),
    z.strictObject({ action: z.literal('undo_move'), moves: bulkItems(stageUndoSchema.extend({ id })) }),
  ])
  .meta({ id: 'ApplicationBulkAction' });

export type ApplicationBulk = z.infer<typeof applicationBulkSchema>;

export const applicationBulkResultSchema = z
  .object({
    applications: z.array(applicationSchema).describe('the applications changed, as they now stand'),
    failed: z.array(bulkFailureSchema),
  })
  .meta({ id: 'ApplicationBulkResult' });

export type ApplicationBulkResult = z.infer<typeof applicationBulkResultSchema>;

/** The earliest open follow-up step of an application: what the board shows on its card and sorts by. */
export const nextStepSchema = z
  .object({ id, kind: z.enum(followUpKinds), dueAt: instantOut })
  .meta({ id: 'NextStep' });

export type NextStep = z.infer<typeof nextStepSchema>;

/** An application as lists give it: with its next step, read for the whole page in one statement. */
export const applicationListItemSchema = applicationSchema
  .extend({
    nextStep: nextStepSchema
      .nullable()
      .describe('the open follow-up step due first (planned or snoozed); null when none is open'),
  })
  .meta({ id: 'ApplicationListItem' });

export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;

/**
 * An application as the board and its table show it: what a card or a row draws, sorts, filters and searches
 * by, and its next step. The posting, source and documents (most of an application's bytes) stay out, so the
 * whole search comes in one small answer.
 */
export const applicationCardSchema = applicationSchema
  .pick({
    id: true,
    company: true,
    jobTitle: true,
    priority: true,
    tags: true,
    notes: true,
    stage: true,
    furthestStage: true,
    outcome: true,
    closedReason: true,
    appliedAt: true,
    endedAt: true,
    stageChangedAt: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({ nextStep: applicationListItemSchema.shape.nextStep })
  .meta({ id: 'ApplicationCard' });

export type ApplicationCard = z.infer<typeof applicationCardSchema>;

/** The fields of an application a card carries: what a move changes and shows, on a card or a full application. */
export type ApplicationCardFields = Omit<ApplicationCard, 'nextStep'>;

export const applicationCardListSchema = z
  .object({
    items: z
      .array(applicationCardSchema)
      .describe("every application, newest first; with `first`, only each active column's first cards"),
    counts: z
      .object({
        saved: z.number().int(),
        applied: z.number().int(),
        screening: z.number().int(),
        interviewing: z.number().int(),
        offer: z.number().int(),
        ended: z.number().int(),
        rejected: z.number().int().describe('of the ended, how many were rejected'),
      })
      .describe('how many applications each stage holds in all, loaded or not'),
  })
  .meta({ id: 'ApplicationCardList' });

/** The board's cards: every one, or each active column's first `first` in the order `sort` (with counts). */
export const applicationCardsQuerySchema = z.strictObject({
  first: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe("only each active column's first cards, this many (ended ones are left out)"),
  sort: z.enum(boardSortKeys).default('activity').describe('the order the first cards are picked in'),
});

export type ApplicationCardsQuery = z.output<typeof applicationCardsQuerySchema>;

export type ApplicationCardList = z.infer<typeof applicationCardListSchema>;

export type ApplicationListPage = {
  readonly items: ApplicationListItem[];
  readonly nextCursor: string | null;
};

export function isEnded(application: { readonly stage: Stage }): boolean {
  return application.stage === 'ended';
}

/** An application already tracked that a new one would repeat, and why it counts as the same. */
export const applicationDuplicateSchema = z
  .object({
    id: z.string(),
    jobTitle: z.string(),
    companyName: z.string(),
    reason: z.enum(['posting_url', 'company_and_title']),
  })
  .meta({ id: 'ApplicationDuplicate' });

export type ApplicationDuplicate = z.infer<typeof applicationDuplicateSchema>;
