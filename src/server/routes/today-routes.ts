import { todayQuerySchema, todaySchema } from '../../core/today.js';
import { getToday } from '../../services/today.js';
import { type App, errors, type RouteContext, sendCached } from '../route-kit.js';

/**
 * Today: what is overdue, due today and due this week. A step's message and the templates are in
 * draft-routes.ts, the playbook in playbook-routes.ts.
 */
export function todayRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/today',
    {
      schema: {
        tags: ['today'],
        summary: 'What is overdue, due today and due this week, each with its reason',
        querystring: todayQuerySchema,
        response: { 200: todaySchema, 400: errors[400] },
      },
    },
    async (request, reply) => {
      await sendCached(ctx, request, reply, (deps) =>
        getToday(deps, request.query.asOf, request.query.first),
      );
    },
  );
}
