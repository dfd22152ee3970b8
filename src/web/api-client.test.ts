import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime, testNow } from '../../test/support/test-runtime.js';
import { buildApp } from '../server/build-app.js';
import { installErrorHandling } from '../server/error-handler.js';
import { type ApiClient, createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { readDuplicates } from './duplicates.js';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe('api client against a real hearback server', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let api: ApiClient;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    api = createApiClient({ baseUrl: await listen(app), pageLimit: 2 });
  });

  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  beforeEach(async () => {
    await runtime.reset();
  });

  it('creates applications and reads them all back across cursor pages', async () => {
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const jobTitle of titles) await api.createApplication({ companyName: 'Acme', jobTitle });
    const all = await api.listAllApplications();
    expect(all.map((a) => a.jobTitle).sort()).toEqual([...titles].sort());
    expect((await api.listApplications({ limit: 2 })).nextCursor).not.toBeNull();
  });

  it('reports a duplicate as DUPLICATE_APPLICATION naming the application already tracked', async () => {
    const first = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const error = await api.createApplication({ companyName: 'acme', jobTitle: 'Engineer' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'DUPLICATE_APPLICATION', status: 409 });
    expect(readDuplicates(error)).toEqual([
      { id: first.id, jobTitle: 'Engineer', companyName: 'Acme', reason: 'company_and_title' },
    ]);
    const again = await api.createApplication({
      companyName: 'Acme',
      jobTitle: 'Engineer',
      allowDuplicate: true,
    });
    expect(again.id).not.toBe(first.id);
  });

  it('carries the field issues of a refused request', async () => {
    const error = await api
      .createApplication({ companyName: 'Acme', jobTitle: 'x', postingUrl: 'ftp://nope', priority: 9 })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect((error as ApiError).issues.map((i) => i.field).sort()).toEqual(['postingUrl', 'priority']);
  });

  it('moves an application and reads its timeline', async () => {
    const created = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const moved = await api.moveApplication(created.id, { stage: 'ended', outcome: 'no_response' });
    expect(moved).toMatchObject({ stage: 'ended', outcome: 'no_response', furthestStage: 'applied' });
    const timeline = await api.getTimeline(created.id);
    expect(timeline.map((e) => (e.kind === 'stage_change' ? e.toStage : e.kind))).toEqual([
      'applied',
      'ended',
    ]);
  });

  it('builds Today from the follow-up windows, joined with application and contact', async () => {
    const application = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const contact = await api.createContact({ name: 'Ana', email: 'ana@example.com' });
    const step = await api.createFollowUp({
      applicationId: application.id,
      kind: 'first_follow_up',
      dueAt: testNow,
      contactId: contact.id,
      reason: 'A week after the interview',
    });
    const view = await api.getToday('2026-03-02');
    const all = [...view.overdue, ...view.today, ...view.week];
    const item = all.find((i) => i.step.id === step.id);
    expect(item).toMatchObject({
      application: { id: application.id, jobTitle: 'Engineer', companyName: 'Acme' },
      contact: { id: contact.id, name: 'Ana', email: 'ana@example.com' },
    });
    expect(view.today.map((i) => i.step.id)).toContain(step.id);
  });

  it('marks a step done, and refuses to mark it done twice', async () => {
    const application = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const step = await api.createFollowUp({ applicationId: application.id, dueAt: testNow });
    expect(await api.markFollowUpDone(step.id, { note: 'sent' })).toMatchObject({
      status: 'done',
      completionNote: 'sent',
    });
    await expect(api.markFollowUpDone(step.id)).rejects.toMatchObject({
      code: 'FOLLOW_UP_NOT_OPEN',
      status: 409,
    });
  });
});

describe('api client against a server without the newer routes', () => {
  let app: FastifyInstance;
  let api: ApiClient;

  beforeAll(async () => {
    app = Fastify();
    installErrorHandling(app, 1024);
    api = createApiClient({ baseUrl: await listen(app) });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers null for a draft when the server does not draft messages', async () => {
    expect(await api.getDraft('01JSTEP')).toBeNull();
  });

  it('gives a network error naming the cause when nothing listens', async () => {
    const closed = Fastify();
    const url = await listen(closed);
    await closed.close();
    const error = await createApiClient({ baseUrl: url })
      .getSettings()
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(error.message).toMatch(/Could not reach hearback/);
  });
});
