import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { eventSchema } from '../../core/event.js';
import { type PostingProbe, postingWatchSchema } from '../../core/posting-watch.js';
import type { PrivateAddressPolicy } from '../../integrations/postings/address-guard.js';
import { checkPosting, getPostingWatch, type PostingWatchDeps } from '../../services/posting-watch.js';
import { type App, errors, idParams, type RouteContext } from '../route-kit.js';

export type PostingWatchRouteOptions = {
  /** The probe to use when the request's deps carry none; default our own fetcher. */
  readonly probe?: PostingProbe;
  /** Which private addresses the default probe may fetch (none when absent), as for the posting reader. */
  readonly privateAddresses?: PrivateAddressPolicy;
};

/** The posting watch of one application: read it, or check the posting now. */
export function postingWatchRoutes(
  app: App,
  ctx: RouteContext,
  options: PostingWatchRouteOptions = {},
): void {
  let fallback: Promise<PostingProbe> | undefined;
  // The fetcher and page readers are large; they load on the first check, not with the server.
  const defaultProbe = () => {
    fallback ??= options.probe
      ? Promise.resolve(options.probe)
      : import('../../integrations/postings/posting-probe.js').then(({ createPostingProbe }) =>
          createPostingProbe({ privateAddresses: options.privateAddresses }),
        );
    return fallback;
  };
  const watchDeps = async (request: FastifyRequest): Promise<PostingWatchDeps> => {
    const deps = ctx.depsFor(request) as PostingWatchDeps | ReturnType<RouteContext['depsFor']>;
    if ('postingProbe' in deps && deps.postingProbe) return deps;
    return { ...deps, postingProbe: await defaultProbe() };
  };
  const tags = ['postings'];
  app.get(
    '/api/applications/:id/posting-watch',
    {
      schema: {
        tags,
        summary: 'The posting watch: what hearback last saw of the posting, and when it looks again',
        description: 'null when the application has no posting URL.',
        params: idParams,
        response: { 200: postingWatchSchema.nullable(), 404: errors[404] },
      },
    },
    async (request) => getPostingWatch(await watchDeps(request), request.params.id),
  );
  app.post(
    '/api/applications/:id/posting-watch/check',
    {
      schema: {
        tags,
        summary: 'Check the posting now; a removal, expiry, edit or re-post is recorded on the timeline',
        description:
          'Runs even when scheduled checks are switched off (you asked). A site that fails or refuses is not an error here: the watch records it in lastError and backs off.',
        params: idParams,
        response: {
          200: z.object({ watch: postingWatchSchema, event: eventSchema.nullable() }),
          400: errors[400],
          404: errors[404],
        },
      },
    },
    async (request) => checkPosting(await watchDeps(request), request.params.id),
  );
}
