import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../core/error-body.js';
import { currentDataVersion } from '../services/data-version.js';
import type { Deps } from '../services/deps.js';
import type { ResponseCache } from './response-cache.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** How a route finds the use-case dependencies for the request; in local mode, the one local user's. */
export type DepsFor = (request: FastifyRequest) => Deps;

/**
 * What every route module receives: how to find the request's dependencies (the signed-in user's in server
 * mode), the dependencies of a record's owner found through a capability URL (the calendar feed's secret),
 * and the shared list cache.
 */
export type RouteContext = {
  readonly depsFor: DepsFor;
  readonly depsOfOwner: (userId: string) => Deps;
  readonly cache: ResponseCache;
};

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const errors = {
  400: errorResponseSchema.describe('The input is not valid; details.issues names each field'),
  404: errorResponseSchema.describe('No record with that id'),
  409: errorResponseSchema.describe('The change conflicts with what is stored'),
} as const;

export const noContent = { 204: z.null().describe('Done; nothing to return') };

type Crud<
  E extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
  L extends z.ZodType,
> = {
  readonly path: string;
  readonly tag: string;
  readonly entity: E;
  readonly create: C;
  readonly update: U;
  readonly listQuery: Q;
  readonly listResponse: L;
  readonly service: {
    list(deps: Deps, query: z.output<Q>): Promise<z.input<L>>;
    create(deps: Deps, input: z.output<C>): Promise<z.input<E>>;
    get(deps: Deps, id: string): Promise<z.input<E>>;
    update(deps: Deps, id: string, input: z.output<U>): Promise<z.input<E>>;
    remove(deps: Deps, id: string): Promise<void>;
  };
};

/** The five routes every entity has: list, create, read, update, delete. */
export function crudRoutes<
  E extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
  L extends z.ZodType,
>(app: App, ctx: RouteContext, spec: Crud<E, C, U, Q, L>): void {
  const { depsFor } = ctx;
  const { path, service } = spec;
  const tags = [spec.tag];
  // Fastify cannot infer request and reply types through these generics; the spec's own types keep each
  // entity's service in step with its schemas, so the casts below only restate what the spec says.
  const typed = app as unknown as FastifyInstance;
  typed.get(
    path,
    { schema: { tags, querystring: spec.listQuery, response: { 200: spec.listResponse, 400: errors[400] } } },
    async (request, reply) => {
      await sendCached(ctx, request, reply, (deps) => service.list(deps, request.query as z.output<Q>));
    },
  );
  typed.post(
    path,
    {
      schema: { tags, body: spec.create, response: { 201: spec.entity, 400: errors[400], 409: errors[409] } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(depsFor(request), request.body as z.output<C>)),
  );
  typed.get(
    `${path}/:id`,
    { schema: { tags, params: idParams, response: { 200: spec.entity, 404: errors[404] } } },
    (request) => service.get(depsFor(request), idOf(request)),
  );
  typed.patch(
    `${path}/:id`,
    {
      schema: {
        tags,
        params: idParams,
        body: spec.update,
        response: { 200: spec.entity, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    (request) => service.update(depsFor(request), idOf(request), request.body as z.output<U>),
  );
  typed.delete(
    `${path}/:id`,
    { schema: { tags, params: idParams, response: { ...noContent, 404: errors[404], 409: errors[409] } } },
    async (request, reply) => {
      await service.remove(depsFor(request), idOf(request));
      return reply.status(204).send(null);
    },
  );
}

/**
 * Answers a read from the response cache when the user's data has not changed since (and the minute is the
 * same), else computes it, serialises it with the route's response schema, and keeps it.
 */
export async function sendCached(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  compute: (deps: Deps) => Promise<unknown>,
  options: { readonly dependsOnTime?: boolean } = {},
): Promise<void> {
  const deps = ctx.depsFor(request);
  // An answer that says nothing relative to now (`dependsOnTime: false`, such as the board's cards) is kept
  // until the data changes; the others are computed again each minute, since "due today" moves with the clock.
  const minute = options.dependsOnTime === false ? '' : Math.floor(deps.clock.now().getTime() / 60_000);
  const key = `${deps.userId}\n${await currentDataVersion(deps)}\n${minute}\n${request.url}`;
  let body = ctx.cache.get(key);
  if (body === undefined) {
    body = String(reply.serialize(await compute(deps)));
    ctx.cache.set(key, body);
  }
  await reply.type('application/json; charset=utf-8').send(body);
}

function idOf(request: FastifyRequest): string {
  return (request.params as z.output<typeof idParams>).id;
}
