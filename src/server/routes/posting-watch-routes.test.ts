import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect, testNow } from '../../../test/support/test-runtime.js';
import {
  type FixtureServer,
  startFixtureServer,
} from '../../integrations/postings/fixtures/fixture-server.js';
import { createPostingProbe } from '../../integrations/postings/posting-probe.js';
import { buildApp } from '../build-app.js';

const posting = `<html><head><script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Backend Engineer',
  description: 'Build APIs.',
  hiringOrganization: { name: 'Acme' },
})}</script></head><body><h1>Backend Engineer</h1></body></html>`;

describeEachDialect('posting watch routes', (ctx) => {
  let server: FixtureServer;
  let online = true;
  beforeAll(async () => {
    server = await startFixtureServer((_request, response) => {
      response.writeHead(online ? 200 : 410, { 'content-type': 'text/html' });
      response.end(online ? posting : 'gone');
    });
  });
  // The check fetches this suite's own listener on 127.0.0.1, which only its allowance lets through.
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      deps: { ...ctx.deps, postingProbe: createPostingProbe({ privateAddresses: server.allowance }) },
      dialect: ctx.runtime.dialect,
    });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });
  beforeEach(() => {
    online = true;
  });

  it('reads the watch, checks the posting now, and puts a removal on the timeline', async () => {
    const application = await addApplication(ctx.app, { postingUrl: `${server.origin}/jobs/1` });
    const path = `/api/applications/${application.id}/posting-watch`;
    expect(await call(ctx.app, 'GET', path, undefined, 200)).toEqual({
      applicationId: application.id,
      url: `${server.origin}/jobs/1`,
      state: 'pending',
      title: 'Engineer',
      ats: null,
      validThrough: null,
      lastCheckedAt: null,
      nextCheckAt: testNow,
      failures: 0,
      lastError: null,
      pausedBecause: null,
    });
    const first = await call(app, 'POST', `${path}/check`, undefined, 200);
    expect(first).toMatchObject({ watch: { state: 'online', title: 'Backend Engineer' }, event: null });

    online = false;
    const second = await call(app, 'POST', `${path}/check`, undefined, 200);
    expect(second.event).toMatchObject({
      kind: 'posting_change',
      change: 'removed',
      detail: 'The posting page answered 410 (gone).',
      occurredAt: testNow,
    });
    expect(await call(ctx.app, 'GET', path, undefined, 200)).toMatchObject({ state: 'removed' });
    const timeline = await call(
      ctx.app,
      'GET',
      `/api/events?applicationId=${application.id}&kind=posting_change`,
    );
    expect(timeline.map((e: { change: string }) => e.change)).toEqual(['removed']);
  });

  it('answers null for an application without a posting URL, refuses to check it, and 404 for no application', async () => {
    const application = await addApplication(ctx.app);
    const path = `/api/applications/${application.id}/posting-watch`;
    expect(await call(ctx.app, 'GET', path, undefined, 200)).toBeNull();
    const refused = await call(ctx.app, 'POST', `${path}/check`, undefined, 400);
    expect(refused.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'postingUrl' }] },
    });
    const missing = await call(
      ctx.app,
      'GET',
      '/api/applications/01HNOSUCHAPPLICATION000000/posting-watch',
      undefined,
      404,
    );
    expect(missing.error.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('refuses private addresses by default, recording it as the failure of that check', async () => {
    const application = await addApplication(ctx.app, { postingUrl: `${server.origin}/jobs/2` });
    const before = server.requests.length;
    const result = await call(
      ctx.app,
      'POST',
      `/api/applications/${application.id}/posting-watch/check`,
      undefined,
      200,
    );
    expect(result.watch).toMatchObject({ failures: 1, lastError: { code: 'POSTING_BLOCKED_ADDRESS' } });
    expect(server.requests.length).toBe(before);
  });
});
