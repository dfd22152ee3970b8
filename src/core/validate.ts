import type { z } from 'zod';
import { AppError } from './errors.js';

/** Checks a value against a schema inside a use case; failures are VALIDATION_FAILED naming each field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'input',
    message: /received undefined$/.test(issue.message) ? 'is required' : issue.message,
  }));
  throw new AppError('VALIDATION_FAILED', `${issues[0]!.field}: ${issues[0]!.message}`, { issues });
}
