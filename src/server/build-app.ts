import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { accountViewSchema } from '../core/account.js';
import { chromiumExtensionOrigin } from '../core/browser-extension.js';
import { AppError } from '../core/errors.js';
import type { Accounts } from '../core/ports.js';
import type { Role } from '../core/roles.js';
import type { Deps } from '../services/deps.js';
import { appVersion } from '../version.js';
import { registerAccounts, signedInUserOf } from './accounts-routes.js';
import { answerFrameworkError, installErrorHandling } from './error-handler.js';
import { type HostOriginGuardOptions, registerHostOriginGuard } from './host-origin-guard.js';
import { createResponseCache } from './response-cache.js';
import { canonicalApiUrl } from './route-aliases.js';
import type { App, RouteContext } from './route-kit.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { applicationRoutes } from './routes/application-routes.js';
import { backupRoutes } from './routes/backup-routes.js';
import { calendarRoutes, withIcsFeedUrlsRedacted } from './routes/calendar-routes.js';
import { coachingRoutes } from './routes/coaching-routes.js';
import { companyRoutes } from './routes/company-routes.js';
import { contactRoutes } from './routes/contact-routes.js';
import { csvRoutes } from './routes/csv-routes.js';
import { draftRoutes } from './routes/draft-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { extensionRoutes } from './routes/extension-routes.js';
import { followUpRoutes } from './routes/follow-up-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { insightsRoutes } from './routes/insights-routes.js';
import { interviewRoutes } from './routes/interview-routes.js';
import { invitationRoutes } from './routes/invitation-routes.js';
import { playbookRoutes } from './routes/playbook-routes.js';
import { postingRoutes } from './routes/posting-routes.js';
import { postingWatchRoutes } from './routes/posting-watch-routes.js';
import { type ResponseLinkLimits, responseLinkRoutes } from './routes/response-link-routes.js';
import { retrospectiveRoutes } from './routes/retrospective-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { storyRoutes } from './routes/story-routes.js';
import { todayRoutes } from './routes/today-routes.js';
import { registerWebAssets } from './web-assets.js';

/** Request bodies above this size are refused with BODY_TOO_LARGE (the backup restore route allows more). */
export const bodyLimit = 1024 * 1024;

export type AppOptions = {
  readonly deps: Deps;
  readonly dialect: 'sqlite' | 'postgres';
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * The base of links in calendar events and the feed URL (HEARBACK_PUBLIC_URL); a function when it is
   * known only once the server listens.
   */
  readonly publicUrl?: string | (() => string);
  /**
   * Host names answered besides the loopback names (the public URL's, HEARBACK_ALLOWED_HOSTS), and origins
   * allowed to change data besides the page's own; see host-origin-guard.ts.
   */
  readonly hostOriginGuard?: HostOriginGuardOptions;
  /**
   * The base of employer response links: HEARBACK_PUBLIC_URL, or null (the default) when it is not set and
   * no employer could reach hearback.
   */
  readonly responseLinkBase?: string | null | (() => string | null);
  /** Rate limits of the employer's page; tests pass their own. */
  readonly responseLinkLimits?: ResponseLinkLimits;
  /** The folder of the built UI; default dist/web. Tests pass their own. */
  readonly webRoot?: string;
  /** The built module drawing first screens (web-assets.ts `serverRender`); by default dist/web-server's. */
  readonly serverRender?: string | false;
  /**
   * Server mode: the accounts behind /api/auth/*, and every other /api route needs a session, whose user is
   * the request's `deps.userId`. Absent in local mode: no sign-in, every request is the local user's.
   */
  readonly accounts?: Accounts;
  /** Fastify's trustProxy (HEARBACK_TRUST_PROXY): whose X-Forwarded-For gives the client's address. */
  readonly trustProxy?: number | string;
};

/** Builds the HTTP application without listening, so tests can `inject` requests into it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const fastify = Fastify({
    // Feed URLs carry a secret: the request serializer never logs a path under /ics/.
    logger: withIcsFeedUrlsRedacted(options.logger ?? false),
    bodyLimit,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: answerFrameworkError,
    rewriteUrl: (request) => canonicalApiUrl(request.url ?? '/'),
    ...(options.trustProxy !== undefined && { trustProxy: trustProxyOf(options.trustProxy) }),
  });
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  installErrorHandling(fastify, bodyLimit);
  // First of all hooks: a request for a foreign host or from a foreign page goes no further.
  const extensionOrigins = [chromiumExtensionOrigin, ...(options.hostOriginGuard?.extensionOrigins ?? [])];
  registerHostOriginGuard(fastify, { ...options.hostOriginGuard, extensionOrigins });
  // The API speaks JSON only; a text body is refused as 415 rather than parsed into a string.
  fastify.removeContentTypeParser('text/plain');

  await fastify.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hearback API',
        version: appVersion,
        description:
          'The follow-up tracker for job seekers. Errors are `{ error: { code, message, details } }`; codes are listed in docs/errors.md.',
      },
      tags: [
        { name: 'today' },
        { name: 'applications' },
        { name: 'postings' },
        { name: 'diagnosis' },
        { name: 'tailoring' },
        { name: 'insights' },
        { name: 'companies' },
        { name: 'contacts' },
        { name: 'interviews' },
        { name: 'events' },
        { name: 'follow-ups' },
        { name: 'drafts' },
        { name: 'templates' },
        { name: 'playbook' },
        { name: 'settings' },
        { name: 'calendar' },
        { name: 'extension' },
        { name: 'import' },
        { name: 'backup' },
        { name: 'system' },
        { name: 'accounts' },
      ],
    },
    // Only the API is described; the web app's static files and its page fallback are not part of it.
    transform: (document) =>
      document.url.startsWith('/api/')
        ? jsonSchemaTransform(document)
        : { schema: { hide: true }, url: document.url },
    transformObject: jsonSchemaTransformObject,
  });
  await fastify.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const publicUrlOption = options.publicUrl ?? 'http://localhost:4600';
  const publicUrl = typeof publicUrlOption === 'string' ? () => publicUrlOption : publicUrlOption;
  const { accounts } = options;
  if (accounts) registerAccounts(fastify, accounts, publicUrl);

  const app = fastify.withTypeProvider<ZodTypeProvider>() as App;
  const routes: RouteContext = {
    depsFor: accounts ? signedInDepsFor(options.deps) : () => options.deps,
    depsOfOwner: (userId) => ({ ...options.deps, userId }),
    cache: createResponseCache({ maxEntries: 500, maxBytes: 64 * 1024 * 1024 }),
  };

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.enum(['sqlite', 'postgres']),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, version: appVersion, database: options.dialect }),
  );
  app.get(
    '/api/account',
    {
      schema: {
        tags: ['system'],
        description:
          'Who is signed in. Local mode: `{ mode: "local", user: null }` (no accounts). Server mode: the signed-in account and its role (401 SIGN_IN_REQUIRED without a session).',
        response: { 200: accountViewSchema },
      },
    },
    async (request) => {
      if (!accounts) return { mode: 'local' as const, user: null };
      const { db, userId } = routes.depsFor(request);
      const user = await sql<{ id: string; name: string; email: string; role: Role }>`
        select id, name, email, role from auth_users where id = ${userId}`.execute(db);
      const row = user.rows[0];
      if (!row) throw new AppError('SIGN_IN_REQUIRED', 'Sign in first: this account no longer exists');
      return { mode: 'server' as const, user: row };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());

  applicationRoutes(app, routes);
  companyRoutes(app, routes);
  contactRoutes(app, routes);
  interviewRoutes(app, routes);
  eventRoutes(app, routes);
  followUpRoutes(app, routes);
  settingsRoutes(app, routes);
  backupRoutes(app, routes);
  todayRoutes(app, routes);
  draftRoutes(app, routes);
  playbookRoutes(app, routes);
  calendarRoutes(app, routes, { publicUrl });
  const responseLinkBase = options.responseLinkBase ?? null;
  responseLinkRoutes(app, routes, {
    base: typeof responseLinkBase === 'function' ? responseLinkBase : () => responseLinkBase,
    ...(options.responseLinkLimits && { limits: options.responseLinkLimits }),
  });
  postingRoutes(app, routes);
  postingWatchRoutes(app, routes);
  analysisRoutes(app, routes);
  importRoutes(app, routes);
  csvRoutes(app, routes);
  inboxRoutes(app, routes);
  extensionRoutes(app, routes, { extensionOrigins });
  insightsRoutes(app, routes);
  storyRoutes(app, routes);
  retrospectiveRoutes(app, routes);
  coachingRoutes(app, routes, { accounts: accounts !== undefined });
  invitationRoutes(app, routes, { accounts, deps: options.deps, publicUrl });
  await registerWebAssets(fastify, {
    root: options.webRoot,
    serverRender: options.serverRender,
    now: () => options.deps.clock.now(),
  });

  return fastify;
}

/**
 * Server mode's deps for a request: the signed-in user's. The session guard has already refused a request
 * without a session; a route reached without one anyway (a guard mistake) fails rather than act as anyone.
 */
function signedInDepsFor(deps: Deps): RouteContext['depsFor'] {
  const byRequest = new WeakMap<object, Deps>();
  return (request) => {
    let scoped = byRequest.get(request);
    if (scoped === undefined) {
      const userId = signedInUserOf(request);
      if (userId === undefined) throw new AppError('SIGN_IN_REQUIRED', 'Sign in first');
      scoped = { ...deps, userId };
      byRequest.set(request, scoped);
    }
    return scoped;
  };
}

/** Fastify takes a number of hops as a function: the first `hops` addresses from the socket are proxies. */
function trustProxyOf(setting: number | string): string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
