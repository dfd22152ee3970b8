import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * The UI Vite built into dist/web of the package root: the nearest folder up holding package.json, found
 * from src/server (tsx), dist/server (built server) and dist/cli-bundle/chunks (`hearback serve`) alike.
 */
export const defaultWebRoot = path.join(packageRoot(import.meta.dirname), 'dist', 'web');

/** The server's drawing of first screens, which Vite built beside the UI (vite.server-render.config.ts). */
export const defaultServerRenderFile = path.join(
  packageRoot(import.meta.dirname),
  'dist',
  'web-server',
  'server-render.js',
);

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

export type WebAssetsOptions = {
  /** The folder holding the built UI (index.html and assets/); tests pass their own. */
  readonly root?: string;
  /**
   * The built module that draws first screens on the server (`renderFirstScreen` of src/web/server-render.tsx);
   * false, or a file that is not there, draws none: the browser draws every page.
   */
  readonly serverRender?: string | false;
  /** The time a drawn screen shows as now: the app's clock. */
  readonly now?: () => Date;
};

/** Hashed file names change with their content, so browsers may keep them for a year. */
export const assetCacheControl = 'public, max-age=31536000, immutable';
/** index.html names the current hashed assets: always revalidate it, so a new build is picked up at once. */
export const documentCacheControl = 'no-cache';
/** A page drawn on the server holds the user's data: no shared cache may keep it, and no browser may reuse it. */
export const drawnDocumentCacheControl = 'private, no-store';
/** Unhashed files at the root (favicon): a day. */
export const rootFileCacheControl = 'public, max-age=86400';

/**
 * The Content Security Policy of every response. The UI's scripts and styles are files Vite emitted, so
 * nothing inline is allowed; React sets `style` through the CSSOM, which style-src does not govern. Swagger UI
 * at /api/docs loads its scripts from files too and draws some icons as data: images. No upgrade to https:
 * hearback is usually served over plain http on 127.0.0.1.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    frameSrc: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    workerSrc: ["'self'"],
  },
} as const;

/** The policy as a header value: `default-src 'self'; script-src 'self'; …`. */
export function serializePolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Swagger UI at /api/docs inserts <style> elements as it draws; only there are inline styles allowed. Inline
 * scripts stay forbidden everywhere.
 */
export const docsContentSecurityPolicy = serializePolicy({
  ...contentSecurityPolicy.directives,
  styleSrc: ["'self'", "'unsafe-inline'"],
});

/**
 * Serves the built web UI beside the API: security headers on every response, long-lived caching for
 * hashed assets, and index.html for any other GET outside /api so the single-page app can route it itself.
 * Unknown /api paths keep their JSON 404. Without a build, those GETs answer 503 with how to build one.
 */
export async function registerWebAssets(
  fastify: FastifyInstance,
  options: WebAssetsOptions = {},
): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  // Built once: the Fastify plugin for helmet builds the middleware (and parses the policy) on every
  // request, which cost a tenth of the time of a cached API answer.
  const securityHeaders = helmet({
    contentSecurityPolicy,
    // Cross-origin isolation would stop a user's own mail client links and nothing here needs it.
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (isDocsPath(request)) reply.header('content-security-policy', docsContentSecurityPolicy);
    return payload;
  });

  if (!existsSync(path.join(root, 'index.html'))) {
    fastify.get('/*', (request, reply) => {
      if (isApiPath(request)) return reply.callNotFound();
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          'The hearback web UI is not built yet. Run `npm run build:web` (or `npm start`), then reload.\n',
        );
    });
    return;
  }

  const pageScripts = readPageScripts(root);
  const drawFirstScreen = firstScreenDrawer(fastify, root, options);
  const isRootFile = (name: string) => isRootFileName(name) && existsSync(path.join(root, name));

  // Vite writes .br and .gz copies of the built files; the one the browser accepts is sent as is.
  await fastify.register(fastifyStatic, { root, serve: false, index: false, preCompressed: true });

  fastify.get('/assets/*', (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply
      .header('cache-control', assetCacheControl)
      .sendFile(`assets/${file}`, { cacheControl: false, dotfiles: 'deny' });
  });

  fastify.get('/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (isApiPath(request) || (looksLikeFile(name) && !isRootFile(name))) {
      reply.callNotFound();
      return reply;
    }
    if (isRootFile(name)) {
      return reply.header('cache-control', rootFileCacheControl).sendFile(name, { cacheControl: false });
    }
    const screen = await drawFirstScreen(request);
    if (screen) return sendDrawnDocument(reply, screen, pageScripts(name));
    return sendDocument(reply, name, pageScripts(name));
  });
}

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
type DrawnDocument = { readonly html: string };

/**
 * Draws the first screen of a page on the server, when the built module is there and the page is one it draws
 * (Today, the board, insights); null otherwise, and the page is sent undrawn as before. The screen is drawn
 * from the API's own answers to this request (its Cookie, its Host), asked in process: the page holds nothing
 * its own browser could not read from the API, and when the API refuses (no session, a failure) nothing is drawn.
 */
function firstScreenDrawer(
  fastify: FastifyInstance,
  root: string,
  options: WebAssetsOptions,
): (request: FastifyRequest) => Promise<DrawnDocument | null> {
  // A test's own folder of assets draws nothing unless it names a module too.
  const file = options.serverRender ?? (options.root ? false : defaultServerRenderFile);
  if (file === false || !existsSync(file)) return async () => null;
  const template = readFileSync(path.join(root, 'index.html'), 'utf8')
    // It only starts the first answers' requests, which a drawn page carries, and would hold up its parsing.
    .replace(earlyRequestsScript, '');
  if (!template.includes(rootElement) || !template.includes('<html lang="en">')) return async () => null;
  let loaded: Promise<ServerRenderModule> | null = null;
  const now = options.now ?? (() => new Date());
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

function sendDrawnDocument(reply: FastifyReply, document: DrawnDocument, scripts: readonly string[]) {
  reply.header('cache-control', drawnDocumentCacheControl).header('vary', 'Cookie');
  if (scripts.length > 0)
    reply.header('link', scripts.map((file) => `<${file}>; rel=modulepreload`).join(', '));
  return reply.type('text/html; charset=utf-8').send(document.html);
}

/** Vite's build manifest (`build.manifest`): each source module's chunk, and the chunks it imports. */
type BuildManifest = Readonly<
  Record<string, { readonly file: string; readonly imports?: readonly string[] }>
>;

/**
 * The pages the first script does not hold, by the path that opens them, as the source module Vite names in
 * its manifest (the same pages as src/web/app.tsx `pageModules`; Today and the board ship in the first script).
 */
export const lazyPages: readonly (readonly [RegExp, string])[] = [
  [/^insights$/, 'insights-page'],
  [/^insights\/story$/, 'story-page'],
  [/^settings$/, 'settings-page'],
  [/^import$/, 'import-page'],
  [/^add$/, 'quick-add-page'],
  [/^contacts$/, 'contacts-page'],
  [/^companies$/, 'companies-page'],
  [/^applications\/[^/]+$/, 'application-page'],
  [/^follow-ups\/[^/]+(\/draft)?$/, 'follow-up-page'],
  [/^admin$/, 'admin-page'],
  [/^admin\/invitations$/, 'admin-invitations-page'],
  [/^coach$/, 'coach-page'],
  [/^coach\/job-seekers\/[^/]+$/, 'coach-job-seeker-page'],
  [/^coach\/applications\/[^/]+$/, 'coach-application-page'],
];

/**
 * The script files of the page at a path that the first script does not already hold: named in the page's
 * `Link` header as `rel=modulepreload`, so the browser fetches and compiles the page's own chunk beside the
 * first script instead of after that script has run and asked for it. Without a manifest (a build from
 * before it, or a test's folder) no page has any: the page then loads its chunk itself, as before.
 */
function readPageScripts(root: string): (name: string) => readonly string[] {
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as BuildManifest;
  } catch {
    return () => [];
  }
  const collect = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) collect(imported, into);
  };
  const inFirstScript = new Set<string>();
  // What index.html loads itself (the first script and the bundler's runtime).
  const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  for (const [, file] of indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)) {
    if (file) inFirstScript.add(file);
  }
  const byPage = new Map<string, readonly string[]>();
  for (const [, moduleName] of lazyPages) {
    const key = `pages/${moduleName}.tsx`;
    const files = new Set<string>();
    collect(key, files);
    byPage.set(
      moduleName,
      [...files].filter((file) => !inFirstScript.has(file)).map((file) => `/${file}`),
    );
  }
  return (name) => {
    const page = name.replace(/\/+$/, '');
    const found = lazyPages.find(([pattern]) => pattern.test(page));
    return found ? (byPage.get(found[1]) ?? []) : [];
  };
}

/**
 * The API answers the first page needs, by page (the same list as src/web/public/early-requests.js, which
 * fetches them): named in a `Link: rel=preload` header on the page itself, so the browser asks for them as
 * soon as the page's headers arrive, a round trip before that script could, and hands them to its fetch().
 */
function firstRequests(name: string): string[] {
  const page = name.replace(/\/+$/, '');
  const urls = ['/api/settings', '/api/account'];
  if (page === '' || page === 'today') urls.push('/api/today?first=20');
  // The default order: a board last sorted otherwise on this browser asks for its own (early-requests.js).
  if (page === 'board') urls.push('/api/applications/cards?first=30&sort=activity');
  if (page === 'insights') urls.push('/api/insights');
  return urls;
}

function sendDocument(reply: FastifyReply, name: string, scripts: readonly string[]) {
  return reply
    .header('cache-control', documentCacheControl)
    .header(
      'link',
      [
        ...firstRequests(name).map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`),
        ...scripts.map((file) => `<${file}>; rel=modulepreload`),
      ].join(', '),
    )
    .sendFile('index.html', { cacheControl: false });
}

function isDocsPath(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  return pathname === '/api/docs' || pathname.startsWith('/api/docs/');
}

function isApiPath(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Only plain names at the root (favicon.svg, robots.txt) are files; anything nested is a UI route. */
function isRootFileName(name: string): boolean {
  return /^[\w-]+\.[a-z0-9]{2,5}$/i.test(name);
}

/** A missing `/something.js` is a 404, never index.html served as a script. */
function looksLikeFile(name: string): boolean {
  return /\.[a-z0-9]{1,5}$/i.test(name) && !name.includes('/');
}
