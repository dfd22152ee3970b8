import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './error-handler.js';
import {
  assetCacheControl,
  documentCacheControl,
  lazyPages,
  registerWebAssets,
  rootFileCacheControl,
} from './web-assets.js';

const indexHtml = '<!doctype html><title>hearback</title><div id="root"></div>';

async function buildServer(root: string): Promise<FastifyInstance> {
  const fastify = Fastify();
  installErrorHandling(fastify, 1024);
  fastify.get('/api/health', async () => ({ status: 'ok' }));
  fastify.get('/api/docs/static/index.html', async (_request, reply) =>
    reply.type('text/html').send('<p>docs</p>'),
  );
  await registerWebAssets(fastify, { root });
  await fastify.ready();
  return fastify;
}

describe('web assets with a built UI', () => {
  let base: string;
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-web-'));
    root = path.join(base, 'web');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), indexHtml);
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(
      path.join(root, 'assets', 'index-abc123.js.br'),
      zlib.brotliCompressSync('console.log(1)'),
    );
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(base, 'outside.txt'), 'secret');
    app = await buildServer(root);
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html at the root and for every UI route, revalidated on each load', async () => {
    for (const url of ['/', '/board', '/applications/01JABC', '/settings?tab=x']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(indexHtml);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe(documentCacheControl);
    }
  });

  it("names the first page's API answers in a Link preload header, so the browser asks for them at once", async () => {
    const preload = (url: string) => `<${url}>; rel=preload; as=fetch; crossorigin`;
    const linkOf = async (url: string) => (await app.inject({ url })).headers.link;
    const always = [preload('/api/settings'), preload('/api/account')];
    const today = [...always, preload('/api/today?first=20')].join(', ');
    expect(await linkOf('/')).toBe(today);
    expect(await linkOf('/today')).toBe(today);
    expect(await linkOf('/board/')).toBe(
      [...always, preload('/api/applications/cards?first=30&sort=activity')].join(', '),
    );
    expect(await linkOf('/insights')).toBe([...always, preload('/api/insights')].join(', '));
    expect(await linkOf('/insights/story')).toBe(always.join(', '));
    expect(await linkOf('/contacts')).toBe(always.join(', '));
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['cache-control']).toBe(assetCacheControl);
  });

  it('sends the brotli copy of an asset to a browser that accepts it, and the plain file to others', async () => {
    const br = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(assetCacheControl);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe('console.log(1)');
    const plain = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('serves root files such as the favicon with a short cache', async () => {
    const res = await app.inject({ url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(rootFileCacheControl);
  });

  it('answers 404, not index.html, for a missing asset or file', async () => {
    for (const url of ['/assets/gone.js', '/missing.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<div id="root">');
    }
  });

  it('never serves files outside the UI folder', async () => {
    for (const url of [
      '/assets/../../outside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/..%2foutside.txt',
    ]) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('secret');
      if (res.statusCode === 200) expect(res.body, url).toBe(indexHtml);
    }
  });

  it('keeps the JSON 404 for unknown API paths', async () => {
    for (const url of ['/api/nope', '/api']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('sends a strict content security policy on pages and on API routes registered earlier', async () => {
    for (const url of ['/', '/api/health']) {
      const csp = (await app.inject({ url })).headers['content-security-policy'];
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).toContain("script-src-attr 'none'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('upgrade-insecure-requests');
    }
  });

  it('lets only the API documentation use inline styles, and never inline scripts', async () => {
    const docs = (await app.inject({ url: '/api/docs/static/index.html' })).headers[
      'content-security-policy'
    ];
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).toContain("script-src 'self';");
    expect(docs).toContain("script-src-attr 'none'");
    const page = (await app.inject({ url: '/' })).headers['content-security-policy'];
    expect(page).toContain("style-src 'self';");
  });
});

describe('web assets without a build', () => {
  it('explains how to build the UI and keeps the API answering', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-web-empty-'));
    const app = await buildServer(root);
    try {
      const page = await app.inject({ url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build:web');
      expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ url: '/api/nope' })).json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a page's own script in its Link header", () => {
  let base: string;
  let app: FastifyInstance;
  const modulepreload = (file: string) => `<${file}>; rel=modulepreload`;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-web-'));
    const root = path.join(base, 'web');
    fs.mkdirSync(path.join(root, '.vite'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><script type="module" crossorigin src="/assets/rolldown-runtime-a1.js"></script>' +
        '<script type="module" crossorigin src="/assets/first-page-b2.js"></script><div id="root"></div>',
    );
    // The shape Vite writes: the first script is a chunk the pages import, named by its own key.
    const manifest = {
      '_rolldown-runtime-a1.js': { file: 'assets/rolldown-runtime-a1.js', name: 'rolldown-runtime' },
      '_first-page-b2.js': { file: 'assets/first-page-b2.js', imports: ['_rolldown-runtime-a1.js'] },
      '_charts-c3.js': { file: 'assets/charts-c3.js', imports: ['_first-page-b2.js'] },
      'pages/insights-page.tsx': {
        file: 'assets/insights-page-d4.js',
        src: 'pages/insights-page.tsx',
        isDynamicEntry: true,
        imports: ['_rolldown-runtime-a1.js', '_first-page-b2.js', '_charts-c3.js'],
      },
      'pages/application-page.tsx': {
        file: 'assets/application-page-e5.js',
        isDynamicEntry: true,
        imports: ['_first-page-b2.js'],
      },
    };
    fs.writeFileSync(path.join(root, '.vite', 'manifest.json'), JSON.stringify(manifest));
    app = await buildServer(root);
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  const scriptsOf = async (url: string) =>
    ((await app.inject({ url })).headers.link as string)
      .split(', ')
      .filter((part) => part.endsWith('rel=modulepreload'));

  it('names the chunk of a page the first script does not hold, and the chunks it imports that it does not', async () => {
    expect(await scriptsOf('/insights')).toEqual([
      modulepreload('/assets/insights-page-d4.js'),
      modulepreload('/assets/charts-c3.js'),
    ]);
    expect(await scriptsOf('/applications/01JABC/')).toEqual([
      modulepreload('/assets/application-page-e5.js'),
    ]);
  });

  it('names none for a page in the first script, an unknown path or a page the build does not list', async () => {
    for (const url of ['/', '/board', '/nowhere', '/settings', '/insights/other']) {
      expect(await scriptsOf(url), url).toEqual([]);
    }
  });

  it('knows every page the web UI loads on first visit (src/web/app.tsx)', () => {
    const appSource = fs.readFileSync(path.join(import.meta.dirname, '../web/app.tsx'), 'utf8');
    const loaded = [...appSource.matchAll(/import\('\.\/pages\/([a-z-]+)\.js'\)/g)].map((m) => m[1]);
    expect(loaded.length).toBeGreaterThan(10);
    expect(new Set(lazyPages.map(([, page]) => page))).toEqual(new Set(loaded));
  });
});
