import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { type Accounts, clientAddressHeader } from '../core/ports.js';
import { extensionOnlyRoutes } from './routes/extension-routes.js';
import { invitationLinkRoutes } from './routes/invitation-routes.js';

/**
 * The API routes that answer without a session in server mode: the health check, the accounts' own routes
 * (sign-up, sign-in, ...) and the API's description. Capability URLs (the calendar feed under /ics/) live
 * outside /api and carry their own secret. Everything else under /api needs a signed-in user.
 */
const openRoutes = new Set<string>([
  '/api/health',
  '/api/auth/*',
  '/api/openapi.json',
  // The browser extension's routes: a pairing code or the extension's token names the owner.
  ...extensionOnlyRoutes,
  // An invitation link's secret is the capability: it is opened before the account exists.
  ...invitationLinkRoutes,
]);

export function isOpenApiRoute(route: string): boolean {
  return openRoutes.has(route) || route === '/api/docs' || route.startsWith('/api/docs/');
}

/** The signed-in user of each request that passed the session guard. */
const signedInUsers = new WeakMap<FastifyRequest, string>();

/** The user whose session this request carries, once the session guard let it through; else undefined. */
export function signedInUserOf(request: FastifyRequest): string | undefined {
  return signedInUsers.get(request);
}

/**
 * Server mode: hands /api/auth/* to the accounts (better-auth's own endpoint names: sign-up/email,
 * sign-in/email, sign-out, get-session, ...) and refuses every other /api request without a valid session
 * with SIGN_IN_REQUIRED (401). Registered after the Host/Origin guard, so a foreign page is refused first.
 */
export function registerAccounts(
  fastify: FastifyInstance,
  accounts: Accounts,
  publicUrl: () => string,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    if (!isApiPath(route) || isOpenApiRoute(route)) return;
    const owner = await accounts.sessionOf(headersOf(request));
    if (owner === null) {
      throw new AppError(
        'SIGN_IN_REQUIRED',
        'Sign in first: this hearback has accounts (POST /api/auth/sign-in/email)',
      );
    }
    signedInUsers.set(request, owner.userId);
    // A session near its end is extended; the cookie's new expiry goes back with this answer.
    for (const cookie of owner.setCookies) void reply.header('set-cookie', cookie);
  });

  fastify.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const response = await accounts.handle(
        new Request(new URL(request.url, publicUrl()), {
          method: request.method,
          headers: headersOf(request),
          body:
            request.method === 'POST' && request.body !== undefined
              ? JSON.stringify(request.body)
              : undefined,
        }),
      );
      void reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie' && name !== 'content-length') void reply.header(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) void reply.header('set-cookie', cookie);
      const body = Buffer.from(await response.arrayBuffer());
      return reply.send(body.length > 0 ? body : null);
    },
  });
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The request's headers for the accounts, with the client's address as Fastify's trustProxy setting sees it
 * in clientAddressHeader; a client's own value of that header is dropped.
 */
function headersOf(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === clientAddressHeader) continue;
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else headers.set(name, value);
  }
  headers.set(clientAddressHeader, request.ip);
  return headers;
}
