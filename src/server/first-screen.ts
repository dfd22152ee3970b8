import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * First screens drawn on the server (Today, the board, insights): the built module of
 * src/web/server-render.tsx draws them from the API's own answers to the page's request, and this fills
 * them into index.html and sends them. web-assets.ts serves every other page.
 */

/** A page drawn on the server holds the user's data: no shared cache may keep it, and no browser may reuse it. */
export const drawnDocumentCacheControl = 'private, no-store';

export type FirstScreenOptions = {
  /** The folder of the built UI, whose index.html the screen is drawn into. */
  readonly root: string;
  /** The built module (`renderFirstScreen`); false, or a file that is not there, draws nothing. */
  readonly module: string | false;
  /** The time a drawn screen shows as now: the app's clock. */
  readonly now: () => Date;
};

/** What src/web/server-render.tsx exports (built into dist/web-server; the server may not import web code). */
type ServerRenderModule = {
  renderFirstScreen(request: {
    readonly url: string;
    readonly cookies: string;
    readonly now: Date;
    readonly fetch: typeof fetch;
  }): Promise<{ html: string; title: string; answers: Readonly<Record<string, unknown>> } | null>;
};

/** A first screen drawn on the server, in index.html: ready to send. */
export type DrawnDocument = { readonly html: string };

/**
 * Draws the first screen of a page on the server, when the built module is there and the page is one it draws
 * (Today, the board, insights); null otherwise, and the page is sent undrawn as before. The screen is drawn
 * from the API's own answers to this request (its Cookie, its Host), asked in process: the page holds nothing
 * its own browser could not read from the API, and when the API refuses (no session, a failure) nothing is drawn.
 */
export function firstScreenDrawer(
  fastify: FastifyInstance,
  options: FirstScreenOptions,
): (request: FastifyRequest) => Promise<DrawnDocument | null> {
  const { root, module: file, now } = options;
  if (file === false || !existsSync(file)) return async () => null;
  const template = readFileSync(path.join(root, 'index.html'), 'utf8')
    // It only starts the first answers' requests, which a drawn page carries, and would hold up its parsing.
    .replace(earlyRequestsScript, '');
  if (!template.includes(rootElement) || !template.includes('<html lang="en">')) return async () => null;
  let loaded: Promise<ServerRenderModule> | null = null;
  return async (request) => {
    loaded ??= import(pathToFileURL(file).href) as Promise<ServerRenderModule>;
    const drawnAt = now();
    try {
      const { renderFirstScreen } = await loaded;
      const screen = await renderFirstScreen({
        url: request.url,
        cookies: headerText(request.headers.cookie),
        now: drawnAt,
        fetch: answerInProcess(fastify, request),
      });
      if (!screen) return null;
      // Replaced by functions: a replacement string would read `$&` or `$'` in the user's text as patterns.
      return {
        html: template
          .replace('<html lang="en">', () => `<html lang="en" data-rendered-at="${drawnAt.toISOString()}">`)
          .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(screen.title)}</title>`)
          .replace(
            rootElement,
            () =>
              `<div id="root">${screen.html}</div><script type="application/json" id="${firstAnswersElementId}">${jsonForScript(screen.answers)}</script>`,
          ),
      };
    } catch (error) {
      request.log.warn(
        { err: error },
        'the first screen could not be drawn on the server; the browser draws it',
      );
      return null;
    }
  };
}

const rootElement = '<div id="root"></div>';
const earlyRequestsScript = '<script src="/early-requests.js"></script>';
/** Where a drawn page carries its answers; src/web/boot.ts reads them there (keep the two in step). */
const firstAnswersElementId = 'hearback-first-answers';

/** Request headers an API answer depends on, passed on to the in-process request; never a conditional one. */
const forwardedHeaders = [
  'host',
  'cookie',
  'user-agent',
  'accept-language',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
] as const;

/** A `fetch` of GETs on this server's own API, answered in process as `request`'s browser would be answered. */
function answerInProcess(fastify: FastifyInstance, request: FastifyRequest): typeof fetch {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return async (input, init) => {
    const url = String(input);
    if ((init?.method ?? 'GET') !== 'GET' || !url.startsWith('/api/')) {
      throw new Error(`a first screen may only read the API: ${init?.method ?? 'GET'} ${url.slice(0, 200)}`);
    }
    const answer = await fastify.inject({ method: 'GET', url, headers, remoteAddress: request.ip });
    return new Response(answer.statusCode === 204 ? null : answer.body, {
      status: answer.statusCode,
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
    });
  };
}

/**
 * JSON inside a <script type="application/json">: `<` is written as \u003c, so no text (a company named
 * `</script><script>…`) can end the element; the browser never runs it (CSP forbids inline scripts too).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('; ') : (value ?? '');
}

export function sendDrawnDocument(reply: FastifyReply, document: DrawnDocument, scripts: readonly string[]) {
  reply.header('cache-control', drawnDocumentCacheControl).header('vary', 'Cookie');
  if (scripts.length > 0)
    reply.header('link', scripts.map((file) => `<${file}>; rel=modulepreload`).join(', '));
  return reply.type('text/html; charset=utf-8').send(document.html);
}
