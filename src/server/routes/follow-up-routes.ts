import { z } from 'zod';
import {
  followUpBulkResultSchema,
  followUpBulkSchema,
  followUpCreateSchema,
  followUpDoneSchema,
  followUpListQuerySchema,
  followUpReopenSchema,
  followUpSchema,
  followUpSkipSchema,
  followUpSnoozeSchema,
  followUpUpdateSchema,
} from '../../core/follow-up.js';
import {
  changeFollowUps,
  createFollowUp,
  deleteFollowUp,
  getFollowUp,
  listFollowUps,
  markFollowUpDone,
  reopenFollowUp,
  skipFollowUp,
  snoozeFollowUp,
  updateFollowUp,
} from '../../services/follow-ups.js';
import { type App, crudRoutes, errors, idParams, type RouteContext } from '../route-kit.js';

export function followUpRoutes(app: App, ctx: RouteContext): void {
  const { depsFor } = ctx;
  const tags = ['follow-ups'];
  crudRoutes(app, ctx, {
    path: '/api/follow-ups',
    tag: 'follow-ups',
    entity: followUpSchema,
    create: followUpCreateSchema,
    update: followUpUpdateSchema,
    listQuery: followUpListQuerySchema,
    listResponse: z.array(followUpSchema),
    service: {
      list: listFollowUps,
      create: createFollowUp,
      get: getFollowUp,
      update: updateFollowUp,
      remove: deleteFollowUp,
    },
  });
  const action = (summary: string, body: z.ZodType) => ({
    schema: {
      tags,
      summary,
      params: idParams,
      body,
      response: { 200: followUpSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
    },
  });
  app.post(
    '/api/follow-ups/:id/done',
    action('Mark a step done, with what was sent', followUpDoneSchema),
    (request) =>
      markFollowUpDone(
        depsFor(request),
        request.params.id,
        request.body as z.output<typeof followUpDoneSchema>,
      ),
  );
  app.post('/api/follow-ups/:id/skip', action('Skip a step, with a reason', followUpSkipSchema), (request) =>
    skipFollowUp(depsFor(request), request.params.id, request.body as z.output<typeof followUpSkipSchema>),
  );
  app.post(
    '/api/follow-ups/:id/snooze',
    action('Move a step to a later date or time', followUpSnoozeSchema),
    (request) =>
      snoozeFollowUp(
        depsFor(request),
        request.params.id,
        request.body as z.output<typeof followUpSnoozeSchema>,
      ),
  );
  app.post(
    '/api/follow-ups/:id/reopen',
    action(
      'Open a done or skipped step again, or give it back the snooze it had (what Undo does)',
      followUpReopenSchema,
    ),
    (request) =>
      reopenFollowUp(
        depsFor(request),
        request.params.id,
        request.body as z.output<typeof followUpReopenSchema>,
      ),
  );
  app.post(
    '/api/follow-ups/bulk',
    {
      schema: {
        tags,
        summary:
          'Mark several steps done, skip, snooze or reopen them in one transaction; steps that cannot be changed are listed in `failed`',
        body: followUpBulkSchema,
        response: { 200: followUpBulkResultSchema, 400: errors[400] },
      },
    },
    (request) => changeFollowUps(depsFor(request), request.body),
  );
}
