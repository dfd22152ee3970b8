import { z } from 'zod';
import {
  interviewCreateSchema,
  interviewListQuerySchema,
  interviewSchema,
  interviewUpdateSchema,
} from '../../core/interview.js';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  updateInterview,
} from '../../services/interviews.js';
import { type App, crudRoutes, type RouteContext } from '../route-kit.js';

export function interviewRoutes(app: App, ctx: RouteContext): void {
  crudRoutes(app, ctx, {
    path: '/api/interviews',
    tag: 'interviews',
    entity: interviewSchema,
    create: interviewCreateSchema,
    update: interviewUpdateSchema,
    listQuery: interviewListQuerySchema,
    listResponse: z.array(interviewSchema),
    service: {
      list: listInterviews,
      create: createInterview,
      get: getInterview,
      update: updateInterview,
      remove: deleteInterview,
    },
  });
}
