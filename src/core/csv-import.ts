import { z } from 'zod';
import { applicationCreateSchema, stageChangeInputSchema } from './application.js';
import { instantOut } from './fields.js';
import { historyChoiceSchema } from './history-choice.js';

/** What a CSV column can fill on an application. */
export const csvFields = [
  'companyName',
  'jobTitle',
  'postingUrl',
  'status',
  'furthestStage',
  'outcome',
  'closedReason',
  'savedAt',
  'appliedAt',
  'stageAt',
  'endedAt',
  'location',
  'remoteType',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'employmentType',
  'description',
  'datePosted',
  'validThrough',
  'source',
  'sourceDetail',
  'priority',
  'tags',
  'notes',
  'resume',
  'coverLetter',
  'companySize',
  'industry',
] as const;

export type CsvField = (typeof csvFields)[number];

/** A column fills a field, is kept as a `Header: value` line in the notes, or is dropped. */
export type CsvColumnTarget = CsvField | 'note' | 'ignore';

/** The trackers and spreadsheets whose exports hearback recognises by their header row. */
export const csvFormatIds = [
  'hearback',
  'huntr',
  'teal',
  'linkedin_applications',
  'linkedin_saved_jobs',
  'jobsync',
  'generic',
] as const;

export type CsvFormatId = (typeof csvFormatIds)[number];

export const csvColumnTargets = [...csvFields, 'note', 'ignore'] as const;

const csvIssueSchema = z.object({ field: z.string(), column: z.string().nullable(), message: z.string() });

const duplicateReason = z.enum(['posting_url', 'company_and_title']);

/**
 * The applications of a file that have had no news for a long time (still waiting on the employer, last
 * change more than 30 days ago), and the choice that decides what becomes of them.
 */
export const csvImportHistorySchema = z.object({
  choice: historyChoiceSchema,
  applications: z.number().describe('how many of the applications to create (or created) have had no news'),
});

/** What a row becomes: the application as created, then its stage moves, as the import would send them. */
const csvApplicationDraftSchema = z.object({
  create: applicationCreateSchema.safeExtend({ stageAt: instantOut.optional() }),
  moves: z.array(stageChangeInputSchema.extend({ occurredAt: instantOut.optional() })).readonly(),
});

export const csvImportPreviewRowSchema = z.object({
  row: z.number().describe('the row number a spreadsheet shows (the header is row 1)'),
  action: z.enum(['create', 'duplicate', 'error']),
  application: csvApplicationDraftSchema.optional().describe('what the row becomes, when it can be read'),
  duplicateOf: z
    .union([
      z.object({
        applicationId: z.string(),
        jobTitle: z.string(),
        companyName: z.string(),
        reason: duplicateReason,
      }),
      z.object({ row: z.number(), reason: duplicateReason }),
    ])
    .optional()
    .describe('the application already tracked, or the earlier row, that this row repeats'),
  warnings: z.array(csvIssueSchema).readonly(),
  errors: z.array(csvIssueSchema).readonly(),
});

/** What `POST /api/import/csv/preview` answers: a dry run of the import, writing nothing. */
export const csvImportPreviewSchema = z
  .object({
    format: z.object({ id: z.enum(csvFormatIds), label: z.string() }),
    delimiter: z.enum([',', ';', '\t', '|']),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
    mapping: z.record(z.string(), z.enum(csvColumnTargets)).describe('column header → what it fills'),
    dateOrder: z.enum(['mdy', 'dmy']).nullable().describe('how numeric dates were read; null when none'),
    warnings: z.array(csvIssueSchema).readonly().describe('about the whole file'),
    errors: z.array(csvIssueSchema).readonly(),
    rows: z.array(csvImportPreviewRowSchema).readonly(),
    counts: z.object({
      total: z.number(),
      create: z.number(),
      duplicate: z.number(),
      error: z.number(),
    }),
    history: csvImportHistorySchema
      .extend({ quietAfterDays: z.number().describe('"no news" means none for more than this many days') })
      .describe(
        'the rows to create whose application has had no news for a long time, and what happens to them',
      ),
  })
  .meta({ id: 'CsvImportPreview' });

export type CsvImportPreview = z.infer<typeof csvImportPreviewSchema>;
export type CsvImportHistory = z.infer<typeof csvImportHistorySchema>;
export type CsvImportPreviewRow = z.infer<typeof csvImportPreviewRowSchema>;
