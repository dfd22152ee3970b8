import { z } from 'zod';
import {
  applicationCreateSchema,
  applicationListQuerySchema,
  applicationSchema,
  applicationUpdateSchema,
  stageChangeInputSchema,
} from '../../core/application.js';
import { eventSchema } from '../../core/event.js';
import {
  createApplication,
  deleteApplication,
  getApplication,
  getTimeline,
  listApplications,
  moveApplication,
  updateApplication,
} from '../../services/applications.js';
import { type App, crudRoutes, errors, idParams, type RouteContext } from '../route-kit.js';

export const applicationPageSchema = z
  .object({ items: z.array(applicationSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ApplicationPage' });

export function applicationRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['applications'];
  crudRoutes(app, ctx, {
    path: '/api/applications',
    tag: 'applications',
    entity: applicationSchema,
    create: applicationCreateSchema,
    update: applicationUpdateSchema,
    listQuery: applicationListQuerySchema,
    listResponse: applicationPageSchema,
    service: {
      list: listApplications,
      create: createApplication,
      get: getApplication,
      update: updateApplication,
      remove: deleteApplication,
    },
  });
  app.post(
    '/api/applications/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move an application to another stage; the change is appended to its history',
        params: idParams,
        body: stageChangeInputSchema,
        response: { 200: applicationSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    (request) => moveApplication(depsFor(request), request.params.id, request.body),
  );
  app.get(
    '/api/applications/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Every event on the application, oldest first',
        params: idParams,
        response: { 200: z.array(eventSchema), 404: errors[404] },
      },
    },
    (request) => getTimeline(depsFor(request), request.params.id),
  );
}
