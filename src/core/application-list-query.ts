import { z } from 'zod';
import { applicationSortKeys } from './application-list-filter.js';
import { id, limits, text } from './fields.js';
import { activeStageSchema, outcomeSchema, stageSchema } from './pipeline.js';

// The query of application lists, apart from the other application schemas (application.ts, which
// re-exports it). `hearback list` builds it only when `readApplicationListQuery` (application-list-filter.ts,
// without zod) does not accept its options, so that the schema names the problem (issue 12, item 11).

export { type ApplicationSortKey, applicationSortKeys } from './application-list-filter.js';

const stageList = z
  .string()
  .transform((value) => value.split(',').map((s) => s.trim()))
  .pipe(z.array(stageSchema).min(1));

export const applicationListQuerySchema = z.strictObject({
  stage: stageList.optional().describe('one stage or several separated by commas'),
  furthestStage: activeStageSchema.optional(),
  outcome: outcomeSchema.optional(),
  companyId: id.optional(),
  tag: text(limits.tag).optional(),
  q: text(limits.name).optional().describe('text search across job title, company, notes and tags'),
  sort: z.enum(applicationSortKeys).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1_000).optional(),
});

export type ApplicationListQuery = z.input<typeof applicationListQuerySchema>;
export type ApplicationListFilter = z.output<typeof applicationListQuerySchema>;
