import { z } from 'zod';
import { applicationCardSchema } from '../../core/application.js';
import {
  adminUserSchema,
  coachApplicationSchema,
  coachAssignmentSchema,
  coachCommentSchema,
  coachJobSeekerSchema,
  roleUpdateSchema,
  shareCreateSchema,
  shareSchema,
} from '../../core/coaching.js';
import { errorResponseSchema } from '../../core/error-body.js';
import { AppError } from '../../core/errors.js';
import { eventSchema } from '../../core/event.js';
import { deleteAccount } from '../../services/account-deletion.js';
import {
  addCoachComment,
  adminCoachAssignments,
  adminUsers,
  coachApplication,
  coachApplications,
  coachJobSeekers,
  createShare,
  listShares,
  revokeShare,
  setRole,
} from '../../services/coaching.js';
import type { Deps } from '../../services/deps.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';

const forbidden = errorResponseSchema.describe('The route is for another role (ROLE_REQUIRED)');
const localOnly = errorResponseSchema.describe('Local mode has no accounts (ACCOUNTS_NOT_ENABLED)');

/**
 * Server mode's shares (a job seeker's, with one coach), the coach's read-only view and comments, and the
 * admin's accounts list. Every route is described in local mode too, where it answers ACCOUNTS_NOT_ENABLED.
 */
export function coachingRoutes(app: App, ctx: RouteContext, options: { accounts: boolean }): void {
  const depsFor = (request: Parameters<RouteContext['depsFor']>[0]): Deps => {
    if (!options.accounts)
      throw new AppError(
        'ACCOUNTS_NOT_ENABLED',
        'Shares, coaches and admins need server mode (HEARBACK_MODE=server)',
      );
    return ctx.depsFor(request);
  };
  const tags = ['accounts'];

  app.get(
    '/api/shares',
    {
      schema: {
        tags,
        summary: 'Your shares with coaches',
        response: { 200: z.array(shareSchema), 409: localOnly },
      },
    },
    (request) => listShares(depsFor(request)),
  );
  app.post(
    '/api/shares',
    {
      schema: {
        tags,
        summary:
          'Share all your applications, or chosen ones, with one coach (replaces an earlier share with them)',
        body: shareCreateSchema,
        response: { 201: shareSchema, 400: errors[400], 409: localOnly },
      },
    },
    async (request, reply) => reply.status(201).send(await createShare(depsFor(request), request.body)),
  );
  app.delete(
    '/api/shares/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a share: the coach is refused from the next request on',
        params: idParams,
        response: { ...noContent, 404: errors[404], 409: localOnly },
      },
    },
    async (request, reply) => {
      await revokeShare(depsFor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/coach/job-seekers',
    {
      schema: {
        tags,
        summary: 'Coaches: the job seekers who share with you, with their overdue steps',
        response: { 200: z.array(coachJobSeekerSchema), 403: forbidden, 409: localOnly },
      },
    },
    (request) => coachJobSeekers(depsFor(request)),
  );
  app.get(
    '/api/coach/job-seekers/:id/applications',
    {
      schema: {
        tags,
        summary: 'Coaches: the applications one job seeker shares with you',
        params: idParams,
        response: { 200: z.array(applicationCardSchema), 403: forbidden, 404: errors[404], 409: localOnly },
      },
    },
    (request) => coachApplications(depsFor(request), request.params.id),
  );
  app.get(
    '/api/coach/applications/:id',
    {
      schema: {
        tags,
        summary: 'Coaches: a shared application and its timeline',
        params: idParams,
        response: { 200: coachApplicationSchema, 403: forbidden, 404: errors[404], 409: localOnly },
      },
    },
    (request) => coachApplication(depsFor(request), request.params.id),
  );
  app.post(
    '/api/coach/applications/:id/comments',
    {
      schema: {
        tags,
        summary: 'Coaches: comment on a shared application; it appears on the job seeker’s timeline',
        params: idParams,
        body: coachCommentSchema,
        response: { 201: eventSchema, 400: errors[400], 403: forbidden, 404: errors[404], 409: localOnly },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCoachComment(depsFor(request), request.params.id, request.body.text)),
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Admins: every account with its role and usage counts (never its content)',
        response: { 200: z.array(adminUserSchema), 403: forbidden, 409: localOnly },
      },
    },
    (request) => adminUsers(depsFor(request)),
  );
  app.get(
    '/api/admin/coach-assignments',
    {
      schema: {
        tags,
        summary:
          'Admins: who shares with which coach, and how many applications (never which, nor their content)',
        response: { 200: z.array(coachAssignmentSchema), 403: forbidden, 409: localOnly },
      },
    },
    (request) => adminCoachAssignments(depsFor(request)),
  );
  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Admins: change an account’s role',
        params: idParams,
        body: roleUpdateSchema,
        response: {
          200: adminUserSchema,
          400: errors[400],
          403: forbidden,
          404: errors[404],
          409: localOnly,
        },
      },
    },
    (request) => setRole(depsFor(request), request.params.id, request.body.role),
  );

  app.delete(
    '/api/account',
    {
      schema: {
        tags,
        summary: 'Delete your account and all its data at once (type your email to confirm)',
        body: z.strictObject({ confirmEmail: z.string().max(320) }),
        response: { ...noContent, 400: errors[400], 409: localOnly },
      },
    },
    async (request, reply) => {
      await deleteAccount(depsFor(request), request.body.confirmEmail);
      return reply.status(204).send(null);
    },
  );
}
