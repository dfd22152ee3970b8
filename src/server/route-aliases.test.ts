import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { buildApp } from './build-app.js';
import { canonicalApiUrl } from './route-aliases.js';

describe('canonicalApiUrl', () => {
  it('replaces the alias prefix of a path, with or without more path or a query after it', () => {
    expect(canonicalApiUrl('/api/followups')).toBe('/api/follow-ups');
    expect(canonicalApiUrl('/api/followups?due=today')).toBe('/api/follow-ups?due=today');
    expect(canonicalApiUrl('/api/followups/01J/done')).toBe('/api/follow-ups/01J/done');
  });

  it('leaves every other path as sent, a longer word that starts like an alias included', () => {
    for (const url of [
      '/api/follow-ups',
      '/api/followupsx',
      '/followups/01J',
      '/api/applications?q=followups',
    ]) {
      expect(canonicalApiUrl(url)).toBe(url);
    }
  });
});

describe('the /api/followups alias', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
  });

  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  it('answers every follow-up route as /api/follow-ups does: list, read, change, done, draft', async () => {
    const application = await addApplication(app, { stage: 'applied' });
    const canonical = await call(
      app,
      'GET',
      `/api/follow-ups?applicationId=${application.id}`,
      undefined,
      200,
    );
    expect(canonical.length).toBeGreaterThan(0);
    expect(await call(app, 'GET', `/api/followups?applicationId=${application.id}`, undefined, 200)).toEqual(
      canonical,
    );
    const step = canonical[0];
    expect(await call(app, 'GET', `/api/followups/${step.id}`, undefined, 200)).toEqual(step);
    const draft = await call(app, 'GET', `/api/followups/${step.id}/draft`, undefined, 200);
    expect(draft.followUpId).toBe(step.id);
    const added = await call(
      app,
      'POST',
      '/api/followups',
      { applicationId: application.id, dueAt: '2026-03-10T09:00:00Z', kind: 'custom' },
      201,
    );
    const edited = await call(app, 'PATCH', `/api/followups/${added.id}`, { reason: 'Call Ann' }, 200);
    expect(edited.reason).toBe('Call Ann');
    const done = await call(app, 'POST', `/api/followups/${added.id}/done`, { note: 'Called' }, 200);
    expect(done).toMatchObject({ id: added.id, status: 'done', completionNote: 'Called' });
    expect(await call(app, 'GET', `/api/follow-ups/${added.id}`, undefined, 200)).toEqual(done);
    await call(app, 'DELETE', `/api/followups/${added.id}`, undefined, 204);
    await call(app, 'GET', `/api/follow-ups/${added.id}`, undefined, 404);
  });

  it('validates as the canonical route does, naming the field', async () => {
    const bad = await call(app, 'GET', '/api/followups?due=someday', undefined, 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.error.details)).toContain('due');
  });

  it('is not in the OpenAPI document, which names only /api/follow-ups', async () => {
    const document = await call(app, 'GET', '/api/openapi.json', undefined, 200);
    const paths = Object.keys(document.paths);
    expect(paths).toContain('/api/follow-ups');
    expect(paths).toContain('/api/follow-ups/{id}/done');
    expect(paths.filter((p) => p.includes('followups'))).toEqual([]);
  });
});
