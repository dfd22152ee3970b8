import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';
import {
  type FixtureServer,
  readFixture,
  startFixtureServer,
} from '../../integrations/postings/fixtures/fixture-server.js';
import { createPostingReader } from '../../integrations/postings/posting-reader.js';
import { buildApp } from '../build-app.js';

describeEachDialect('adding a job from its posting', (ctx) => {
  let site: FixtureServer;
  // The posting reader refuses loopback addresses: this app's reader lets through only the test's own site.
  let app: FastifyInstance;
  beforeAll(async () => {
    site = await startFixtureServer((request, response) => {
      if (request.url === '/jobs/42') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(readFixture('salary-monetary-range.html'));
      }
      if (request.url === '/plain') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(readFixture('no-structured-data.html'));
      }
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
    });
    app = await buildApp({
      deps: { ...ctx.deps, postings: createPostingReader({ privateAddresses: site.allowance }) },
      dialect: ctx.runtime.dialect,
    });
  });
  afterAll(async () => {
    await app.close();
    await site.close();
  });

  it('previews a posting from its URL, then adds it with its snapshot, refusing the same posting twice', async () => {
    const preview = await call(app, 'POST', '/api/postings/preview', { url: `${site.origin}/jobs/42` }, 200);
    expect(preview.extract).toMatchObject({ status: 'complete', source: 'json-ld' });
    expect(preview.extract.jobTitle).toBeTruthy();
    expect(preview.duplicates).toEqual([]);
    const added = await call(
      app,
      'POST',
      '/api/applications/from-posting',
      { url: `${site.origin}/jobs/42`, tags: ['from-url'] },
      201,
    );
    expect(added.application).toMatchObject({
      jobTitle: preview.extract.jobTitle,
      company: { name: preview.extract.companyName },
      postingUrl: preview.extract.postingUrl,
      tags: ['from-url'],
    });
    expect(added.application.posting.salaryMin).toBe(preview.extract.posting.salaryMin);
    expect(added.application.posting.descriptionText).toBeTruthy();
    const again = await call(app, 'POST', '/api/postings/preview', { url: `${site.origin}/jobs/42` }, 200);
    expect(again.duplicates.map((d: { id: string }) => d.id)).toEqual([added.application.id]);
    const twice = await call(
      app,
      'POST',
      '/api/applications/from-posting',
      { url: `${site.origin}/jobs/42` },
      409,
    );
    expect(twice.error.code).toBe('DUPLICATE_APPLICATION');
  });

  it('reads a pasted page, and asks by name for what the page does not say', async () => {
    const page = 'Senior Widget Maker\n\nWe are looking for someone who builds widgets in Rust and Go.';
    const preview = await call(app, 'POST', '/api/postings/preview', { page }, 200);
    expect(preview.extract.status).toBe('partial');
    expect(preview.extract.companyName).toBeNull();
    const refused = await call(app, 'POST', '/api/applications/from-posting', { page }, 400);
    expect(refused.error.details.issues.map((i: { field: string }) => i.field)).toContain('companyName');
    const added = await call(
      app,
      'POST',
      '/api/applications/from-posting',
      { page, companyName: 'Pasted Co', jobTitle: 'Typed Title' },
      201,
    );
    expect(added.application).toMatchObject({ jobTitle: 'Typed Title', company: { name: 'Pasted Co' } });
  });

  it('reports a posting that is gone, and a URL it will not fetch, with their own codes', async () => {
    const gone = await app.inject({
      method: 'POST',
      url: '/api/postings/preview',
      payload: { url: `${site.origin}/removed` },
    });
    expect(gone.statusCode).toBe(422);
    expect(gone.json().error.code).toBe('POSTING_NOT_FOUND');
    const scheme = await call(app, 'POST', '/api/postings/preview', { url: 'ftp://example.com/job' }, 400);
    expect(scheme.error.details.issues[0].field).toBe('url');
    const nothing = await call(app, 'POST', '/api/postings/preview', {}, 400);
    expect(nothing.error.details.issues[0].field).toBe('url');
  });
});
