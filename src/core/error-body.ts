import { z } from 'zod';
import { type ErrorCode, errorCatalogue } from './errors.js';

/**
 * Every failure the API answers: `{ error: { code, message, details } }`. Details differ by code (see
 * docs/errors.md); the one every client reads is `issues`, a message per refused field.
 */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });
