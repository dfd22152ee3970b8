import type { FastifyRequest } from 'fastify';
import {
  clipCheckInputSchema,
  clipCheckSchema,
  clipInputSchema,
  clipSavedSchema,
  extensionTokenListSchema,
  pairedSchema,
  pairInputSchema,
  pairingCodeSchema,
} from '../../core/browser-extension.js';
import { errorResponseSchema } from '../../core/error-body.js';
import { AppError } from '../../core/errors.js';
import {
  checkClip,
  findExtensionTokenOwner,
  issuePairingCode,
  listExtensionTokens,
  pairExtension,
  revokeExtensionToken,
  saveClip,
} from '../../services/browser-extension.js';
import type { Deps } from '../../services/deps.js';
import { createRateLimiter } from '../rate-limiter.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';

export type ExtensionRouteOptions = {
  /** The origins the extension's requests carry: its fixed Chromium id, plus HEARBACK_EXTENSION_ORIGINS. */
  readonly extensionOrigins: readonly string[];
};

/** Pairing attempts per client address and minute: a typo or two, never a guessing run. */
export const pairingAttemptsPerMinute = 20;

/** The routes the extension itself calls: no session, a pairing code or the token, and its own Origin. */
export const extensionOnlyRoutes = [
  '/api/extension/pair',
  '/api/extension/clips',
  '/api/extension/clips/check',
] as const;

const refused = {
  401: errorResponseSchema.describe('No token, or one this hearback does not know (revoked, never paired)'),
  403: errorResponseSchema.describe('The request did not come from the extension (its Origin)'),
};

/**
 * The browser clipper (docs/extension.md). Settings issues one-time pairing codes and lists and revokes
 * tokens (the signed-in user's, like every route); the extension exchanges a code for a token and sends
 * clips with it. The token, not a session, names the owner, as the calendar feed's secret does.
 */
export function extensionRoutes(app: App, ctx: RouteContext, options: ExtensionRouteOptions): void {
  const { depsFor } = ctx;
  const tags = ['extension'];
  const pairingAttempts = createRateLimiter({ limit: pairingAttemptsPerMinute, windowMs: 60_000 });
  const allowedOrigins = new Set(options.extensionOrigins.map((origin) => origin.toLowerCase()));

  const requireExtensionOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !allowedOrigins.has(origin.toLowerCase())) {
      throw new AppError(
        'EXTENSION_ORIGIN_REQUIRED',
        'Only the hearback browser extension can pair or clip; this request came from elsewhere',
        { origin: typeof origin === 'string' ? origin.slice(0, 200) : null },
      );
    }
  };
  const ownerDeps = async (request: FastifyRequest): Promise<Deps> => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : null;
    const owner = await findExtensionTokenOwner(ctx.depsOfOwner(''), token);
    requireExtensionOrigin(request);
    return ctx.depsOfOwner(owner);
  };

  app.post(
    '/api/extension/pairing-codes',
    {
      schema: {
        tags,
        summary: 'A one-time code to pair the browser extension (valid 10 minutes)',
        response: { 201: pairingCodeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await issuePairingCode(depsFor(request))),
  );
  app.get(
    '/api/extension/tokens',
    {
      schema: {
        tags,
        summary: 'The paired browser extensions, with when each was last used',
        response: { 200: extensionTokenListSchema },
      },
    },
    (request) => listExtensionTokens(depsFor(request)),
  );
  app.delete(
    '/api/extension/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a paired extension; its token is refused from the next request',
        params: idParams,
        response: { ...noContent, 404: errors[404] },
      },
    },
    async (request, reply) => {
      await revokeExtensionToken(depsFor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/extension/pair',
    {
      schema: {
        tags,
        summary: 'Exchange a pairing code for the extension’s token (the extension calls this)',
        description:
          'Needs the extension’s Origin. A wrong, expired or used code answers 401 EXTENSION_PAIRING_FAILED.',
        body: pairInputSchema,
        response: {
          201: pairedSchema,
          400: errors[400],
          ...refused,
          429: errorResponseSchema.describe('Too many pairing attempts from this address in a minute'),
        },
      },
    },
    async (request, reply) => {
      requireExtensionOrigin(request);
      const deps = ctx.depsOfOwner('');
      if (!pairingAttempts.hit(request.ip, deps.clock.now().getTime())) {
        throw new AppError(
          'EXTENSION_PAIRING_LIMITED',
          'Too many pairing attempts from this address; wait a minute and try again',
        );
      }
      return reply.status(201).send(await pairExtension(deps, request.body));
    },
  );
  app.post(
    '/api/extension/clips/check',
    {
      schema: {
        tags,
        summary: 'Whether a posting is already saved, before clipping it (the extension calls this)',
        description: 'Needs `Authorization: Bearer <token>` and the extension’s Origin.',
        body: clipCheckInputSchema,
        response: { 200: clipCheckSchema, 400: errors[400], ...refused },
      },
    },
    async (request) => checkClip(await ownerDeps(request), request.body),
  );
  app.post(
    '/api/extension/clips',
    {
      schema: {
        tags,
        summary: 'Save the posting the extension captured as a saved or applied application',
        description:
          'Needs `Authorization: Bearer <token>` and the extension’s Origin. The description is sanitised as for any application; a repeat answers 409 DUPLICATE_APPLICATION unless allowDuplicate.',
        body: clipInputSchema,
        response: { 201: clipSavedSchema, 400: errors[400], 409: errors[409], ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(await saveClip(await ownerDeps(request), request.body)),
  );
}
