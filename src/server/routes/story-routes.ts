import { storyQuerySchema, storySchema } from '../../core/story.js';
import { getStory } from '../../services/story.js';
import { type App, errors, type RouteContext, sendCached } from '../route-kit.js';

/** The story of the whole search, as Markdown to edit and share (docs/insights.md). */
export function storyRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/story',
    {
      schema: {
        tags: ['insights'],
        summary:
          'The story of the search as Markdown: headline figures, the Sankey as SankeyMATIC text, a timeline by month and the lessons of the retrospectives; anonymised on request',
        querystring: storyQuerySchema,
        response: { 200: storySchema, 400: errors[400] },
      },
    },
    async (request, reply) => {
      // Built from the insights as of now: kept until the data changes or the minute turns (insights-routes.ts).
      await sendCached(ctx, request, reply, (deps) => getStory(deps, request.query));
    },
  );
}
