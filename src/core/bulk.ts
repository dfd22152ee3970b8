import { z } from 'zod';
import { id } from './fields.js';

/** The most steps or applications one bulk request changes. */
export const bulkLimit = 500;

/** The ids a bulk request acts on: at least one, each once. */
export const bulkIds = z
  .array(id)
  .min(1)
  .max(bulkLimit)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name the same id twice' });

/** Items of a bulk request that each carry their own values, each named once by its `id`. */
export function bulkItems<T extends z.ZodType<{ readonly id: string }>>(item: T) {
  return z
    .array(item)
    .min(1)
    .max(bulkLimit)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
      message: 'must not name the same id twice',
    });
}

/** An item of a bulk request that was left alone, and why; the others were changed. */
export const bulkFailureSchema = z
  .object({ id, code: z.string(), message: z.string() })
  .meta({ id: 'BulkFailure' });

export type BulkFailure = z.infer<typeof bulkFailureSchema>;
