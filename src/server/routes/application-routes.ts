import { z } from 'zod';
import {
  applicationBulkResultSchema,
  applicationBulkSchema,
  applicationCardListSchema,
  applicationCardsQuerySchema,
  applicationCreateSchema,
  applicationListItemSchema,
  applicationListQuerySchema,
  applicationSchema,
  applicationUpdateSchema,
  stageChangeInputSchema,
  stageUndoSchema,
} from '../../core/application.js';
import { eventSchema } from '../../core/event.js';
import {
  changeApplications,
  createApplication,
  deleteApplication,
  getApplication,
  getTimeline,
  listApplicationCards,
  listApplications,
  moveApplication,
  undoMove,
  updateApplication,
} from '../../services/applications.js';
import { type App, crudRoutes, errors, idParams, type RouteContext, sendCached } from '../route-kit.js';

export const applicationPageSchema = z
  .object({ items: z.array(applicationListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ApplicationPage' });

export function applicationRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['applications'];
  app.get(
    '/api/applications/cards',
    {
      schema: {
        tags,
        summary:
          "Every application as the board shows it (no posting, source or documents), with its next step, in one answer; or each active column's first cards, with every stage's count",
        querystring: applicationCardsQuerySchema,
        response: { 200: applicationCardListSchema, 400: errors[400] },
      },
    },
    async (request, reply) => {
      // Nothing on a card is relative to now (the next step is the earliest open one, with its date), so the
      // answer is kept until the data changes rather than computed again each minute.
      await sendCached(ctx, request, reply, (deps) => listApplicationCards(deps, request.query), {
        dependsOnTime: false,
      });
    },
  );
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
  app.post(
    '/api/applications/:id/stage/undo',
    {
      schema: {
        tags,
        summary:
          'Take back the latest move (what Undo does): its entry leaves the history and the stage goes back',
        params: idParams,
        body: stageUndoSchema,
        response: { 200: applicationSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    (request) => undoMove(depsFor(request), request.params.id, request.body),
  );
  app.post(
    '/api/applications/bulk',
    {
      schema: {
        tags,
        summary:
          'Move several applications (or take their moves back) in one transaction; those that cannot be changed are listed in `failed`',
        body: applicationBulkSchema,
        response: { 200: applicationBulkResultSchema, 400: errors[400] },
      },
    },
    (request) => changeApplications(depsFor(request), request.body),
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
