import { z } from 'zod';
import { applicationDuplicateSchema, postingSchema, sourceSchema } from './application.js';

/**
 * A posting read from a URL or a pasted page, for the user to check before it becomes an application.
 * `partial` means the job title or company could not be read from structured data and needs a look.
 */
export const postingExtractSchema = z
  .object({
    status: z.enum(['complete', 'partial']),
    source: z.enum(['json-ld', 'greenhouse', 'lever', 'ashby', 'readability']),
    jobTitle: z.string().nullable(),
    companyName: z.string().nullable(),
    postingUrl: z.string().nullable(),
    applyUrl: z.string().nullable(),
    locations: z.array(z.string()),
    posting: postingSchema,
    applicationSource: sourceSchema.describe('where the job was found, as the application will record it'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'PostingExtract' });

export type PostingExtract = z.infer<typeof postingExtractSchema>;

/** Reads postings from the web or from a pasted page; the only network access besides mail and watches. */
export type PostingReader = {
  readUrl(url: string): Promise<PostingExtract>;
  readPage(page: string, url: string | null): Promise<PostingExtract>;
};

/** What reading a posting without saving it answers: what was read, and the applications it repeats. */
export const postingPreviewSchema = z.object({
  extract: postingExtractSchema,
  duplicates: z.array(applicationDuplicateSchema),
});

export type PostingPreview = z.infer<typeof postingPreviewSchema>;
