import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { firstScreenDrawer, sendDrawnDocument } from './first-screen.js';

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
  // A test's own folder of assets draws nothing unless it names a module too.
  const drawFirstScreen = firstScreenDrawer(fastify, {
    root,
    module: options.serverRender ?? (options.root ? false : defaultServerRenderFile),
    now: options.now ?? (() => new Date()),
  });
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
