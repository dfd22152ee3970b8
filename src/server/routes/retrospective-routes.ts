import { retrospectiveInputSchema, retrospectiveSchema } from '../../core/retrospective.js';
import { getRetrospective, saveRetrospective } from '../../services/retrospectives.js';
import { type App, errors, idParams, type RouteContext } from '../route-kit.js';

/** The retrospective of an ended application (docs/insights.md). */
export function retrospectiveRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  app.put(
    '/api/applications/:id/retrospective',
    {
      schema: {
        tags: ['insights'],
        summary:
          "Write the retrospective of an ended application: what went well, what I'd change, what they said",
        params: idParams,
        body: retrospectiveInputSchema,
        response: { 200: retrospectiveSchema, 400: errors[400], 404: errors[404] },
      },
    },
    (request) => saveRetrospective(depsFor(request), request.params.id, request.body),
  );
  app.get(
    '/api/applications/:id/retrospective',
    {
      schema: {
        tags: ['insights'],
        summary: 'The retrospective of an application, or null',
        params: idParams,
        response: { 200: retrospectiveSchema.nullable(), 404: errors[404] },
      },
    },
    (request) => getRetrospective(depsFor(request), request.params.id),
  );
}
