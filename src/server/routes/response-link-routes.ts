import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../core/errors.js';
import {
  responseLinkCreateSchema,
  responseLinkFormSchema,
  responseLinkIssuedSchema,
  responseLinkStatusSchema,
} from '../../core/response-link.js';
import {
  answerResponseLink,
  createResponseLink,
  getResponseLinkStatus,
  issueResponseLinkNonce,
  openResponseLinkPage,
  type ResponseLinkPage,
  revokeResponseLink,
} from '../../services/response-link.js';
import { createRateLimiter } from '../rate-limiter.js';
import {
  type FormPageInput,
  pageLanguageOf,
  renderFormPage,
  renderNotFoundPage,
  renderTooManyPage,
  responseLinkCsp,
} from '../response-link-page.js';
import { type App, errors, idParams, noContent, type RouteContext } from '../route-kit.js';

export type ResponseLinkLimits = {
  /** Requests to /r/… from one address (any token, known or not): what stops guessing tokens. */
  readonly perAddress: { readonly limit: number; readonly windowMs: number };
  /** Answers posted to one link. */
  readonly perToken: { readonly limit: number; readonly windowMs: number };
};

export const defaultResponseLinkLimits: ResponseLinkLimits = {
  perAddress: { limit: 60, windowMs: 10 * 60_000 },
  perToken: { limit: 10, windowMs: 60 * 60_000 },
};

export type ResponseLinkRouteOptions = {
  /** HEARBACK_PUBLIC_URL, or null when it is not set (no employer could open a link then). */
  readonly base: () => string | null;
  readonly limits?: ResponseLinkLimits;
};

/** The cookie the page's nonce is bound to (double submit): HttpOnly, SameSite=Strict, only under /r/. */
const csrfCookie = 'hearback_rl';
const formBodyLimit = 16 * 1024;

/**
 * The employer response link: issuing, showing and revoking it under /api, and the employer's page at
 * `/r/<token>` (outside /api: not in the OpenAPI document). GET and HEAD of the page read only; the answer
 * is a POST with the page's one-time nonce, limited per address and per link.
 */
export function responseLinkRoutes(app: App, ctx: RouteContext, options: ResponseLinkRouteOptions): void {
  const { depsFor } = ctx;
  // The employer's page is a capability URL: no session (the employer has none); the link names its owner,
  // and the services act as that owner.
  const linkDeps = () => ctx.depsOfOwner('');
  const tags = ['applications'];
  const links = {
    get publicUrl() {
      return options.base();
    },
  };

  app.get(
    '/api/applications/:id/response-link',
    {
      schema: {
        tags,
        summary: 'The employer response link: whether one can be made, the active one, the last answer',
        params: idParams,
        response: { 200: responseLinkStatusSchema, 404: errors[404] },
      },
    },
    (request) => getResponseLinkStatus(depsFor(request), request.params.id, links),
  );
  app.post(
    '/api/applications/:id/response-link',
    {
      schema: {
        tags,
        summary: 'Create the employer response link, replacing the active one (which stops working)',
        description:
          'The URL is in this answer only: hearback keeps a hash of its secret part. Refused with RESPONSE_LINK_UNAVAILABLE when HEARBACK_PUBLIC_URL is not set.',
        params: idParams,
        body: responseLinkCreateSchema.nullish(),
        response: { 201: responseLinkIssuedSchema, 400: errors[400], 404: errors[404], 409: errors[409] },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createResponseLink(depsFor(request), request.params.id, request.body ?? {}, links)),
  );
  app.delete(
    '/api/applications/:id/response-link',
    {
      schema: {
        tags,
        summary: 'Revoke the employer response link; it answers like an unknown link from now on',
        params: idParams,
        response: { ...noContent, 404: errors[404] },
      },
    },
    async (request, reply) => {
      await revokeResponseLink(depsFor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const limits = options.limits ?? defaultResponseLinkLimits;
  const perAddress = createRateLimiter(limits.perAddress);
  const perToken = createRateLimiter(limits.perToken);
  const isSecure = () => options.base()?.startsWith('https:') ?? false;

  // A scope of its own, so only the employer's form may send a urlencoded body; the API stays JSON only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: formBodyLimit },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get('/r/:token', { schema: { hide: true } }, async (request, reply) => {
      const deps = linkDeps();
      if (!perAddress.hit(request.ip, deps.clock.now().getTime())) return sendTooMany(reply);
      const page = await openResponseLinkPage(deps, tokenOf(request));
      if (!page) return sendNotFound(reply);
      const query = request.query as { sent?: string };
      return sendForm(request, reply, 200, page, { notice: query.sent === '1' ? 'sent' : null, error: null });
    });

    scope.post('/r/:token', { schema: { hide: true } }, async (request, reply) => {
      const deps = linkDeps();
      const nowMs = deps.clock.now().getTime();
      const token = tokenOf(request);
      if (!perAddress.hit(request.ip, nowMs)) return sendTooMany(reply);
      if (!perToken.hit(createHash('sha256').update(token).digest('hex'), nowMs)) return sendTooMany(reply);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = {
        answer: typeof body.answer === 'string' ? body.answer : '',
        expectedBy: typeof body.expectedBy === 'string' ? body.expectedBy : '',
        message: typeof body.message === 'string' ? body.message : '',
      };
      const form = responseLinkFormSchema.safeParse(body);
      if (!form.success) {
        const page = await openResponseLinkPage(deps, token);
        if (!page) return sendNotFound(reply);
        const fields = new Set(form.error.issues.map((i) => String(i.path[0])));
        const error = fields.has('nonce')
          ? 'stale_form'
          : fields.has('expectedBy')
            ? 'bad_date'
            : 'choose_answer';
        return sendForm(request, reply, error === 'stale_form' ? 403 : 400, page, {
          notice: null,
          error,
          values,
        });
      }
      try {
        const outcome = await answerResponseLink(deps, token, {
          form: form.data,
          csrf: cookieOf(request) ?? '',
        });
        if (outcome.kind === 'not_found') return sendNotFound(reply);
        if (outcome.kind === 'bad_nonce') {
          return sendForm(request, reply, 403, outcome.page, { notice: null, error: 'stale_form', values });
        }
        return securityHeaders(reply).status(303).header('location', `/r/${token}?sent=1`).send('');
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
        const page = await openResponseLinkPage(deps, token);
        if (!page) return sendNotFound(reply);
        return sendForm(request, reply, 400, page, { notice: null, error: 'bad_date', values });
      }
    });
  });

  function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: ResponseLinkPage,
    state: Pick<FormPageInput, 'notice' | 'error' | 'values'>,
  ) {
    const csrf = cookieOf(request) ?? randomBytes(16).toString('base64url');
    const nowMs = linkDeps().clock.now().getTime();
    const html = renderFormPage({
      language: pageLanguageOf(page.locale),
      action: `/r/${tokenOf(request)}`,
      nonce: issueResponseLinkNonce(page.link, csrf, nowMs),
      candidateName: page.candidateName,
      jobTitle: page.jobTitle,
      companyName: page.companyName,
      lastContactDate: page.lastContactDate,
      today: page.today,
      previousAnswer: page.previousAnswer && {
        answer: page.previousAnswer.answer,
        date: page.previousAnswer.answeredAt,
      },
      ...state,
    });
    const cookie = `${csrfCookie}=${csrf}; Path=/r/; HttpOnly; SameSite=Strict${isSecure() ? '; Secure' : ''}`;
    return sendHtml(reply, status, html).header('set-cookie', cookie);
  }
}

/** Unknown, revoked and expired links: one status, one body, the same headers. */
function sendNotFound(reply: FastifyReply) {
  return sendHtml(reply, 404, renderNotFoundPage());
}

function sendTooMany(reply: FastifyReply) {
  return sendHtml(reply, 429, renderTooManyPage()).header('retry-after', '600');
}

function sendHtml(reply: FastifyReply, status: number, html: string) {
  return securityHeaders(reply).status(status).type('text/html; charset=utf-8').send(html);
}

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers({
    'content-security-policy': responseLinkCsp,
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
}

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

function cookieOf(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === csrfCookie && /^[A-Za-z0-9_-]{16,64}$/.test(value)) return value;
  }
  return null;
}

/** A log-safe form of a request URL: a path under /r/ carries a link's secret and is replaced whole. */
export function redactResponseLinkUrl(url: string): string {
  return /^[/\\]*r(?:[/\\]|%2f|%5c)/i.test(url) ? '/r/[redacted]' : url;
}
