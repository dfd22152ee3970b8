import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { buildApp } from './build-app.js';
import { drawnDocumentCacheControl, jsonForScript } from './first-screen.js';

/**
 * The first screen drawn on the server (src/web/server-render.tsx, loaded from source here as the server loads
 * its build), in the UI's own index.html, from the real API on SQLite.
 */
const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const serverRender = path.join(repositoryRoot, 'src/web/server-render.tsx');
const hostile = "</script><script>window.owned=1</script><img src=x onerror=alert(1)> & $& $' $` \u2028 “Ü”";

/** The JSON a drawn page carries, read back as the browser reads it. */
function carriedAnswers(html: string): Record<string, unknown> {
  const found = /<script type="application\/json" id="hearback-first-answers">([^<]*)<\/script>/.exec(html);
  if (!found?.[1]) throw new Error('the page carries no answers');
  return JSON.parse(found[1]) as Record<string, unknown>;
}

describe('first screens drawn on the server', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-first-screen-'));
    fs.copyFileSync(path.join(repositoryRoot, 'src/web/index.html'), path.join(webRoot, 'index.html'));
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect, webRoot, serverRender });
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { companyName: hostile, jobTitle: `Engineer ${hostile}`, stage: 'applied' },
    });
    expect(created.statusCode).toBe(201);
  });

  afterAll(async () => {
    await app.close();
    await runtime.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('draws nothing on a first run: its set-up dialog is the browser’s', async () => {
    const page = await app.inject({ url: '/board' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.body).not.toContain('data-rendered-at');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  describe('once set up', () => {
    beforeAll(async () => {
      expect((await app.inject({ method: 'PATCH', url: '/api/settings', payload: {} })).statusCode).toBe(200);
    });

    it.each([
      ['/', 'Today · hearback', '/api/today?first=20'],
      ['/board', 'Board · hearback', '/api/applications/cards?first=30&sort=activity'],
      ['/insights', 'Insights · hearback', '/api/insights'],
    ])(
      'draws %s with the answers the browser would have read, kept out of every cache',
      async (url, title, answer) => {
        const page = await app.inject({ url });
        expect(page.statusCode).toBe(200);
        expect(page.headers['cache-control']).toBe(drawnDocumentCacheControl);
        expect(page.headers.vary).toBe('Cookie');
        expect(page.body).toContain(`<title>${title}</title>`);
        expect(page.body).toMatch(/<html lang="en" data-rendered-at="2026-03-02T10:00:00\.000Z">/);
        expect(page.body).not.toContain('<div id="root"></div>');
        expect(page.body).not.toContain('early-requests.js');
        const answers = carriedAnswers(page.body);
        expect(Object.keys(answers).sort()).toEqual(['/api/account', '/api/settings', answer].sort());
        for (const [carried, body] of Object.entries(answers)) {
          expect(body, carried).toEqual((await app.inject({ url: carried })).json());
        }
      },
    );

    it('draws hostile text as text: nothing ends the answers’ element or becomes markup', async () => {
      const page = await app.inject({ url: '/board' });
      // index.html's own module script and the answers: no third script, no image, no handler.
      expect(page.body.match(/<script/g)).toHaveLength(2);
      expect(page.body).not.toMatch(/<img|<script>window/);
      expect(page.body).toContain('&lt;/script&gt;&lt;script&gt;window.owned=1&lt;/script&gt;');
      const cards = carriedAnswers(page.body)['/api/applications/cards?first=30&sort=activity'];
      expect(JSON.stringify(cards)).toContain(JSON.stringify(hostile));
      expect(jsonForScript({ text: '</script>\u2028' })).toBe('{"text":"\\u003c/script\\u003e\\u2028"}');
    });

    it('draws the board in the order this browser chose (its cookie)', async () => {
      const page = await app.inject({
        url: '/board',
        headers: { cookie: `hearback-prefs=${encodeURIComponent('sort=company&hideRejections=0')}` },
      });
      expect(Object.keys(carriedAnswers(page.body))).toContain(
        '/api/applications/cards?first=30&sort=company',
      );
      expect(page.body).toMatch(/<option value="company" selected="">/);
    });

    it.each([
      ['/board?view=table', 'a query the first answers do not cover'],
      ['/board?q=engineer', 'a search'],
      ['/contacts', 'a page the server does not draw'],
      ['/settings', 'a page the server does not draw'],
    ])('sends %s undrawn (%s)', async (url) => {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root"></div>');
      expect(page.body).toContain('early-requests.js');
      expect(page.headers['cache-control']).toBe('no-cache');
    });

    it('refuses a page asked for under a name that is not this server’s (DNS rebinding), as it refuses the API', async () => {
      const page = await app.inject({ url: '/board', headers: { host: 'attacker.example' } });
      expect(page.statusCode).toBeGreaterThanOrEqual(400);
      expect(page.body).not.toContain('Engineer');
    });
  });
});
