import { insightsQuerySchema, insightsSchema } from '../../core/insights.js';
import { getInsights } from '../../services/insights.js';
import { type App, errors, type RouteContext } from '../route-kit.js';

/** What the whole search says (docs/insights.md). */
export function insightsRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
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
    (request) => getInsights(depsFor(request), request.query),
  );
}
