import { z } from 'zod';
import { limits, text } from './fields.js';
import { skillCategories } from './skills-dictionary.js';

/** Where in a posting a keyword is asked for; benefits and legal text weigh nothing. */
export const postingSections = [
  'requirements',
  'preferred',
  'responsibilities',
  'company',
  'benefits',
  'legal',
  'other',
] as const;

export const keywordKinds = ['skill', 'phrase'] as const;

export const postingExcerptSchema = z
  .object({
    excerpt: z.string().describe('the line of the posting around the mention, shortened with "…" when long'),
    section: z.enum(postingSections),
    start: z.number().describe('character offset of the mention in the posting text'),
    end: z.number(),
  })
  .readonly();

export const tailoringKeywordSchema = z
  .object({
    term: z.string().describe('as the posting first writes it ("Postgres")'),
    canonical: z
      .string()
      .describe('the dictionary name ("PostgreSQL"), or for a phrase its words in lower case'),
    kind: z.enum(keywordKinds),
    category: z.enum(skillCategories).nullable(),
    weight: z.number(),
    occurrences: z.number().describe('mentions in the posting outside ignored (benefits, legal) text'),
    inPosting: z
      .array(postingExcerptSchema)
      .readonly()
      .describe('up to three places in the posting, the most heavily weighted first chosen, in text order'),
    inResume: z.boolean(),
    inCoverLetter: z.boolean(),
  })
  .readonly()
  .meta({ id: 'TailoringKeyword' });

export const coverLetterChecksSchema = z
  .object({
    namesCompany: z.boolean().nullable().describe('null when the company name is not known'),
    namesRole: z.boolean().nullable().describe('null when the job title is not known'),
    addressesTopRequirements: z
      .object({
        passed: z
          .boolean()
          .nullable()
          .describe('at least half of the top requirements are mentioned; null when the posting has none'),
        top: z
          .array(z.string())
          .readonly()
          .describe('the canonical names of the (up to five) heaviest keywords from requirements and duties'),
        addressed: z.array(z.string()).readonly(),
        missing: z.array(z.string()).readonly(),
      })
      .readonly(),
  })
  .readonly();

/** What a tailoring check finds; stored with the check and answered as it was stored. */
export const tailoringAnalysisSchema = z
  .object({
    keywords: z.array(tailoringKeywordSchema).readonly().describe('heaviest first'),
    covered: z.array(tailoringKeywordSchema).readonly(),
    missing: z.array(tailoringKeywordSchema).readonly(),
    score: z.number().nullable().describe('0–100, or null when the posting yields no keywords'),
    coveredWeight: z.number(),
    totalWeight: z.number(),
    formula: z.string().describe("the formula with this analysis's numbers filled in"),
    coverLetterChecks: coverLetterChecksSchema.nullable().describe('null when no cover letter was given'),
  })
  .readonly()
  .meta({ id: 'TailoringAnalysis' });

export type PostingSection = (typeof postingSections)[number];
export type PostingExcerpt = z.infer<typeof postingExcerptSchema>;
export type TailoringKeyword = z.infer<typeof tailoringKeywordSchema>;
export type CoverLetterChecks = z.infer<typeof coverLetterChecksSchema>;
export type TailoringAnalysis = z.infer<typeof tailoringAnalysisSchema>;

/** A stored tailoring check: one resume (and maybe a cover letter) against one application's posting. */
export const tailoringCheckSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    resumeName: z.string().nullable().describe('which resume version was checked'),
    score: z.number().nullable().describe('0–100, or null when the posting gave no keywords'),
    analysis: tailoringAnalysisSchema,
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
