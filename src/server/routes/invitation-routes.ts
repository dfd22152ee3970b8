import { z } from 'zod';
import { errorResponseSchema } from '../../core/error-body.js';
import { AppError } from '../../core/errors.js';
import {
  acceptedInvitationSchema,
  createdInvitationSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenSchema,
} from '../../core/invitations.js';
import type { Accounts } from '../../core/ports.js';
import type { Deps } from '../../services/deps.js';
import {
  acceptInvitation,
  adminCreateInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from '../../services/invitations.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';

const forbidden = errorResponseSchema.describe('The route is for admins (ROLE_REQUIRED)');
const localOnly = errorResponseSchema.describe('Local mode has no accounts (ACCOUNTS_NOT_ENABLED)');
const tokenParams = z.object({ token: invitationTokenSchema });

/** The invitation routes that answer without a session: the link's secret is the capability. */
export const invitationLinkRoutes = ['/api/invitations/:token', '/api/invitations/:token/accept'] as const;

/**
 * Server mode's invitations: admins create, list and revoke them; whoever holds a link sees what it invites
 * to and accepts it (no session). Described in local mode too, where every route answers ACCOUNTS_NOT_ENABLED.
 */
export function invitationRoutes(
  app: App,
  ctx: RouteContext,
  options: { readonly accounts: Accounts | undefined; readonly deps: Deps; readonly publicUrl: () => string },
): void {
  const accountsOf = (): Accounts => {
    if (!options.accounts)
      throw new AppError('ACCOUNTS_NOT_ENABLED', 'Invitations need server mode (HEARBACK_MODE=server)');
    return options.accounts;
  };
  const depsFor = (request: Parameters<RouteContext['depsFor']>[0]): Deps => {
    accountsOf();
    return ctx.depsFor(request);
  };
  const tags = ['accounts'];

  app.get(
    '/api/admin/invitations',
    {
      schema: {
        tags,
        summary: 'Admins: every invitation, pending, accepted or expired (never its link)',
        response: { 200: z.array(invitationSchema), 403: forbidden, 409: localOnly },
      },
    },
    (request) => listInvitations(depsFor(request)),
  );
  app.post(
    '/api/admin/invitations',
    {
      schema: {
        tags,
        summary:
          'Admins: invite an email with a role; the link is emailed through the server’s SMTP server when it has one, and answered once',
        body: invitationCreateSchema,
        response: { 201: createdInvitationSchema, 400: errors[400], 403: forbidden, 409: localOnly },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await adminCreateInvitation(depsFor(request), request.body, {
          publicUrl: options.publicUrl(),
          accounts: accountsOf(),
        }),
      ),
  );
  app.delete(
    '/api/admin/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Admins: revoke a pending invitation; its link stops working at once',
        params: idParams,
        response: { ...noContent, 403: forbidden, 404: errors[404], 409: localOnly },
      },
    },
    async (request, reply) => {
      await revokeInvitation(depsFor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link invites to (no session needed: the link is the secret)',
        params: tokenParams,
        response: { 200: invitationPreviewSchema, 400: errors[400], 404: errors[404], 409: localOnly },
      },
    },
    (request) => {
      accountsOf();
      return previewInvitation(options.deps, request.params.token);
    },
  );
  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags,
        summary:
          'Accept an invitation: creates the account with the invitation’s email and role (also with sign-up off); sign in next',
        params: tokenParams,
        body: invitationAcceptSchema,
        response: { 201: acceptedInvitationSchema, 400: errors[400], 404: errors[404], 409: localOnly },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await acceptInvitation(options.deps, accountsOf(), request.params.token, request.body)),
  );
}
