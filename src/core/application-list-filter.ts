import type { ApplicationListFilter } from './application-list-query.js';
import { limits } from './field-limits.js';
import { activeStages, outcomes, stages } from './pipeline-values.js';

// The list query read without zod (issue 12, item 11): `hearback list` loads no zod when its options are valid.
// `readApplicationListQuery` gives exactly what `applicationListQuerySchema` (application-list-query.ts) gives
// for the input it accepts, and undefined for anything else, which the caller then hands to the schema, so
// errors keep the schema's messages. application-list-query.test.ts compares the two.

export const applicationSortKeys = ['createdAt', 'updatedAt', 'jobTitle', 'priority', 'appliedAt'] as const;
export type ApplicationSortKey = (typeof applicationSortKeys)[number];

const shape = [
  'stage',
  'furthestStage',
  'outcome',
  'companyId',
  'tag',
  'q',
  'sort',
  'order',
  'limit',
  'cursor',
];

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && !value.includes('\u0000') && value.isWellFormed();

const oneOf = (values: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && values.includes(value);

/** The schema's reading of a list query it accepts; undefined when it might refuse it or read it otherwise. */
export function readApplicationListQuery(raw: Record<string, unknown>): ApplicationListFilter | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  if (Object.keys(raw).some((key) => !shape.includes(key))) return;
  const { stage, furthestStage, outcome, companyId, tag, q, sort, order, limit, cursor } = raw;
  const stageList = typeof stage === 'string' ? stage.split(',').map((s) => s.trim()) : undefined;
  if (stage !== undefined && !stageList?.every((s) => oneOf(stages, s))) return;
  if (furthestStage !== undefined && !oneOf(activeStages, furthestStage)) return;
  if (outcome !== undefined && !oneOf(outcomes, outcome)) return;
  if (
    companyId !== undefined &&
    !(typeof companyId === 'string' && companyId.length >= 1 && companyId.length <= 64)
  )
    return;
  if (tag !== undefined && !isText(tag, limits.tag)) return;
  if (q !== undefined && !isText(q, limits.name)) return;
  if (sort !== undefined && !oneOf(applicationSortKeys, sort)) return;
  if (order !== undefined && !oneOf(['asc', 'desc'], order)) return;
  // z.coerce.number(): Number(value), then a finite integer in range.
  if (limit !== undefined && typeof limit !== 'string' && typeof limit !== 'number') return;
  const limitNumber = limit === undefined ? 50 : Number(limit);
  if (!Number.isInteger(limitNumber) || limitNumber < 1 || limitNumber > 500) return;
  if (cursor !== undefined && !(typeof cursor === 'string' && cursor.length <= 1_000)) return;
  const values: Record<string, unknown> = {
    stage: stageList,
    furthestStage,
    outcome,
    companyId,
    tag,
    q,
    sort: sort ?? 'createdAt',
    order: order ?? 'desc',
    limit: limitNumber,
    cursor,
  };
  // The schema's output has its keys in the schema's order: those given (even as undefined) and the defaults.
  const filter: Record<string, unknown> = {};
  for (const key of shape) {
    if (key in raw || key === 'sort' || key === 'order' || key === 'limit') filter[key] = values[key];
  }
  return filter as ApplicationListFilter;
}
