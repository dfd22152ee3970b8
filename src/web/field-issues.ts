import type { z } from 'zod';
import type { FieldIssue } from '../core/errors.js';

/**
 * Checks a request body in the browser with the same core schema the server uses, so most mistakes show
 * beside their field before anything is sent. Fields are named as the server names them: dotted paths.
 */
export function validateWith(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    const isMissing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ field: path || 'body', message: isMissing ? 'is required' : issue.message }];
  });
}

/** The messages for one field, including those about its parts (`posting` also collects `posting.x`). */
export function messagesFor(issues: readonly FieldIssue[], field: string): string[] {
  return issues
    .filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`))
    .map((issue) => issue.message);
}

/** Issues about fields the form does not show: they go in the summary above the form. */
export function issuesOutside(issues: readonly FieldIssue[], shownFields: readonly string[]): FieldIssue[] {
  return issues.filter(
    (issue) => !shownFields.some((field) => issue.field === field || issue.field.startsWith(`${field}.`)),
  );
}
