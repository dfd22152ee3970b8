import { z } from 'zod';
import { eventSchema } from '../../core/event.js';
import { postingWatchSchema } from '../../core/posting-watch.js';
import { checkPosting, getPostingWatch } from '../../services/posting-watch.js';
import { type App, errors, idParams, type RouteContext } from '../route-kit.js';

/** The posting watch of one application: read it, or check the posting now (with the probe in Deps). */
export function postingWatchRoutes(app: App, ctx: RouteContext): void {
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
    async (request) => getPostingWatch(ctx.depsFor(request), request.params.id),
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
    async (request) => checkPosting(ctx.depsFor(request), request.params.id),
  );
}
