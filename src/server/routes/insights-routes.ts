import { insightsQuerySchema, insightsSchema } from '../../core/insights.js';
import { getInsights } from '../../services/insights.js';
import { type App, errors, type RouteContext, sendCached } from '../route-kit.js';

/** What the whole search says (docs/insights.md). */
export function insightsRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/insights',
    {
      schema: {
        tags: ['insights'],
        summary:
          'Insights of the whole search: funnel, rates by source, resume, company size and week, follow-ups that got answers, silence, activity, and the Sankey flows, beside public figures',
        querystring: insightsQuerySchema,
        response: { 200: insightsSchema, 400: errors[400] },
      },
    },
    async (request, reply) => {
      // Every figure comes from the stored histories, so an answer holds until the data changes; as of now it
      // also moves with the clock (days waiting, the current week), so it is computed again each minute, while
      // an answer as of a given instant never goes stale.
      await sendCached(ctx, request, reply, (deps) => getInsights(deps, request.query), {
        dependsOnTime: request.query.asOf === undefined,
      });
    },
  );
}
