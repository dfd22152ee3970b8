import { z } from 'zod';
import { applicationCreateSchema, stageChangeInputSchema } from './application.js';
import { instantOut } from './fields.js';
import { historyChoiceSchema } from './history-choice.js';
import { timeZone } from './time-zone.js';

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

/** How a numeric date like 03/04/2025 is read: month first (US) or day first (most of the world). */
export const dateOrderSchema = z.enum(['mdy', 'dmy']);

export const csvDelimiters = [',', ';', '\t', '|'] as const;

export type CsvDelimiter = (typeof csvDelimiters)[number];

export const csvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

/** One data record; `row` is the row number a spreadsheet shows for it (the header is row 1). */
export type CsvRecord = { readonly row: number; readonly cells: readonly string[] };

/** A CSV file as read: its header row and its non-blank records. */
export type CsvTable = {
  readonly delimiter: CsvDelimiter;
  readonly encoding: (typeof csvEncodings)[number];
  readonly headers: readonly string[];
  readonly records: readonly CsvRecord[];
};

export type CsvLimits = { readonly maxBytes: number; readonly maxRows: number };

/** Big enough for any real tracker (100,000 rows of a generous export is about 30 MB), small enough for memory. */
export const defaultCsvLimits: CsvLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000 };

/** What `POST /api/import/csv` and its preview take besides the file: the user's choices, all optional. */
export const csvImportChoicesSchema = z.strictObject({
  mapping: z
    .record(z.string(), z.string())
    .optional()
    .describe('column header → field (or "note", "ignore"), overriding the automatic mapping'),
  format: z.enum(csvFormatIds).optional().describe('read as this format instead of detecting it'),
  dateOrder: dateOrderSchema.optional().describe('how to read 03/04/2025; by default decided per file'),
  timeZone: timeZone.optional().describe('for dates without a time; default your settings'),
  allowDuplicates: z.boolean().optional(),
  skipInvalidRows: z.boolean().optional().describe('import the good rows of a file that has bad ones'),
  history: historyChoiceSchema.optional(),
});

export type CsvImportChoices = z.input<typeof csvImportChoicesSchema>;

/** A problem with the file or one row: the field it concerns, the column it came from (if one did), and what is wrong. */
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
    delimiter: z.enum(csvDelimiters),
    encoding: z.enum(csvEncodings),
    mapping: z.record(z.string(), z.enum(csvColumnTargets)).describe('column header → what it fills'),
    dateOrder: dateOrderSchema.nullable().describe('how numeric dates were read; null when none'),
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

const csvImportFailureSchema = z.object({
  row: z.number(),
  field: z.string(),
  column: z.string().nullable(),
  message: z.string(),
});

export type CsvImportFailure = z.infer<typeof csvImportFailureSchema>;

/** What `POST /api/import/csv` answers. */
export const csvImportResultSchema = z
  .object({
    created: z.number(),
    duplicates: z.number(),
    failed: z.array(csvImportFailureSchema).readonly(),
    dateOrder: dateOrderSchema
      .nullable()
      .describe('how numeric dates such as 03/04/2025 were read; null when the file has none'),
    warnings: z
      .array(csvIssueSchema)
      .readonly()
      .describe('about the whole file: the date order when the values did not settle it, columns missing'),
    history: csvImportHistorySchema,
  })
  .meta({ id: 'CsvImportResult' });

export type CsvImportResult = z.infer<typeof csvImportResultSchema>;
