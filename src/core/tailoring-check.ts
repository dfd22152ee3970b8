import { z } from 'zod';
import { limits, text } from './fields.js';

/** A stored tailoring check: one resume (and maybe a cover letter) against one application's posting. */
export const tailoringCheckSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    resumeName: z.string().nullable().describe('which resume version was checked'),
    score: z.number().nullable().describe('0–100, or null when the posting gave no keywords'),
    analysis: z
      .record(z.string(), z.unknown())
      .describe(
        'keywords covered and missing (with where the posting asks for them), the formula, cover-letter checks',
      ),
    createdAt: z.string(),
  })
  .meta({ id: 'TailoringCheck' });

export type TailoringCheck = z.infer<typeof tailoringCheckSchema>;

const fileSchema = z.strictObject({
  fileName: text(limits.name),
  mimeType: z.string().max(200).optional(),
  contentBase64: z
    .string()
    .max(15 * 1024 * 1024)
    .describe('the file, base64-encoded (PDF, DOCX or text)'),
});

const documentSchema = z
  .strictObject({ text: text(limits.document).optional(), file: fileSchema.optional() })
  .refine((d) => (d.text === undefined) !== (d.file === undefined), { message: 'give either text or file' });

export const tailoringRequestSchema = z.strictObject({
  resume: documentSchema,
  coverLetter: documentSchema.optional(),
  resumeName: text(limits.name).optional().describe('a name for this resume version, e.g. "backend v3"'),
});

export type TailoringRequest = z.infer<typeof tailoringRequestSchema>;
