import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import {
  calendarFeedIssuedSchema,
  calendarFeedIssueSchema,
  calendarFeedStatusSchema,
} from '../../core/calendar-feed.js';
import {
  buildInterviewCalendarFile,
  buildUserCalendarFeed,
  findCalendarFeedOwner,
  getCalendarFeedStatus,
  issueCalendarFeed,
  revokeCalendarFeed,
} from '../../services/calendar-feed.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';
import { redactResponseLinkUrl } from './response-link-routes.js';

export type CalendarRouteOptions = {
  /**
   * The base of the feed URL and of the links inside events (HEARBACK_PUBLIC_URL), read at each request:
   * a server started on port 0 knows its own address only once it listens.
   */
  readonly publicUrl: () => string;
};

const calendarType = 'text/calendar; charset=utf-8';

/**
 * The calendar: issuing and revoking the private feed URL, the feed itself at `/ics/<token>.ics` (outside
 * /api, so it is not in the OpenAPI document, and never cached by shared caches), and one interview as a
 * download.
 */
export function calendarRoutes(app: App, ctx: RouteContext, options: CalendarRouteOptions): void {
  const { depsFor } = ctx;
  const tags = ['calendar'];
  const links = {
    get publicUrl() {
      return options.publicUrl();
    },
  };

  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary: 'Whether a calendar feed URL is issued (the URL itself is shown only when issued)',
        response: { 200: calendarFeedStatusSchema },
      },
    },
    (request) => getCalendarFeedStatus(depsFor(request)),
  );
  app.post(
    '/api/calendar/token',
    {
      schema: {
        tags,
        summary: 'Issue the private calendar feed URL, or re-issue it (the old URL stops working)',
        description:
          'The URL is in this answer only: hearback keeps a hash of its secret part. Subscribe to it in your calendar app.',
        body: calendarFeedIssueSchema.nullish(),
        response: { 201: calendarFeedIssuedSchema, 400: errors[400], 409: errors[409] },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueCalendarFeed(depsFor(request), request.body ?? {}, links)),
  );
  app.delete(
    '/api/calendar/token',
    {
      schema: {
        tags,
        summary: 'Revoke the calendar feed URL; it answers 404 from now on',
        response: noContent,
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(depsFor(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/interviews/:id/ics',
    {
      schema: {
        tags: ['interviews', ...tags],
        summary: 'One interview as an .ics file, to open in any calendar app',
        params: idParams,
        produces: ['text/calendar'],
        response: {
          200: z.any().describe('the interview as an iCalendar file (text/calendar)'),
          404: errors[404],
        },
      },
    },
    async (request, reply) => {
      const text = await buildInterviewCalendarFile(depsFor(request), request.params.id, links);
      return reply
        .type(calendarType)
        .header(
          'content-disposition',
          `attachment; filename="interview-${safeFileName(request.params.id)}.ics"`,
        )
        .send(text);
    },
  );

  app.get('/ics/:file', { schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    // Every request costs one hash and one lookup, so a wrong token answers like an unknown path, as fast.
    // A capability URL: the token names the owner, with or without a session (calendar apps have none).
    const owner = await findCalendarFeedOwner(ctx.depsOfOwner('').db, token);
    if (owner === null || !file.endsWith('.ics')) return reply.callNotFound();
    const text = await buildUserCalendarFeed(ctx.depsOfOwner(owner), links);
    return reply
      .type(calendarType)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="hearback.ics"')
      .header('x-robots-tag', 'noindex')
      .send(text);
  });
}

/** A log-safe form of a request URL: any path under /ics/ carries a feed secret and is replaced whole. */
export function redactIcsFeedUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is checked in its raw form only.
  }
  const underIcs = /^[/\\]*(?:\.{1,2}[/\\]+)*ics(?:[/\\]|$)/i;
  return underIcs.test(path) || underIcs.test(decoded) ? '/ics/[redacted]' : url;
}

/**
 * Fastify's logger options with request URLs passed through redactIcsFeedUrl, so feed tokens never reach
 * the logs (Fastify logs every request's URL). The other request fields are Fastify's defaults.
 */
export function withIcsFeedUrlsRedacted(
  logger: FastifyServerOptions['logger'],
): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      ...(base.serializers ?? {}),
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactResponseLinkUrl(redactIcsFeedUrl(request.url)),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}

function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
