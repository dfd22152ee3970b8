import { z } from 'zod';
import { applicationDuplicateSchema } from './application.js';
import { type ErrorCode, errorCatalogue } from './errors.js';
import { applicationCandidateSchema } from './invitation.js';
import { stageSchema } from './pipeline.js';

export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });

const count = z.number().int().nonnegative();

/**
 * What an error's `details` may hold: every key any failure puts there, each with its type. Which keys come
 * with which code is in docs/errors.md; `issues` (a message per refused field) is the one every client reads.
 * AppError takes details of this type, so a producer that adds a key the schema does not name does not
 * compile, and no answer carries an untyped record.
 */
export const errorDetailsSchema = z
  .object({
    issues: z.array(fieldIssueSchema).readonly().describe('a message per refused field'),
    // Limits the request went over.
    limit: count.describe('the body limit in bytes'),
    limitRows: count.describe('the most rows a CSV file may have'),
    // Which record.
    id: z.string(),
    ids: z.array(z.string()).describe('the ids an ambiguous prefix matches'),
    existingId: z.string().describe('the record that already exists'),
    duplicates: z.array(applicationDuplicateSchema).readonly(),
    candidates: z
      .array(applicationCandidateSchema)
      .readonly()
      .describe('applications an invitation could be for'),
    latest: z
      .object({ fromStage: stageSchema.nullable(), toStage: stageSchema })
      .nullable()
      .describe('the application’s latest move'),
    applications: count.describe('how many applications still use the company'),
    kind: z.string().describe('the kind of step or event'),
    status: z
      .union([z.string(), z.number().int()])
      .describe('the step’s status, or the HTTP status a posting’s site answered'),
    planKey: z.string().nullable(),
    at: z.string(),
    occurredAt: z.string(),
    appliedAt: z.string(),
    // Hosts and headers a request was refused for.
    host: z.string(),
    port: z.number().int(),
    address: z.string().nullable(),
    origin: z.string().nullable(),
    secFetchSite: z.string().nullable(),
    // Sending mail.
    reason: z.string().describe('which part failed (mail, network, a file’s reader)'),
    server: z.string(),
    smtpCode: z.number().int().nullable(),
    // Reading a posting.
    url: z.string().nullable(),
    redirects: z.array(z.string()),
    contentType: z.string().nullable(),
    retryAfter: z.string(),
    vendor: z.string(),
    board: z.string(),
    jobId: z.string(),
    timeoutMs: count,
    maxChars: count,
    length: count,
    maxBytes: count,
    // Reading a resume.
    claimed: z.string(),
    entry: z.string(),
    bytes: count,
    pages: count,
    maxPages: count,
    maxTextLength: count,
    entries: count,
    maxEntries: count,
    ratio: z.number(),
    maxRatio: z.number(),
    uncompressedBytes: count,
    maxUncompressedBytes: count,
    declaredBytes: count,
  })
  .partial()
  .meta({ id: 'ErrorDetails' });

export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/**
 * Every failure the API answers: `{ error: { code, message, details } }`. Details differ by code (see
 * docs/errors.md); the one every client reads is `issues`, a message per refused field.
 */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: errorDetailsSchema.optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
