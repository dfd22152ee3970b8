import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime, testNow } from '../../test/support/test-runtime.js';
import { allowLoopbackPort } from '../integrations/postings/fixtures/fixture-server.js';
import { createPostingProbe } from '../integrations/postings/posting-probe.js';
import { buildApp } from '../server/build-app.js';
import { installErrorHandling } from '../server/error-handler.js';
import { type ApiClient, createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { toCsvPreviewView } from './csv-import-view.js';
import { readDuplicates } from './duplicates.js';
import { toInvitationPreviewView } from './invitation-view.js';

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

  it('reads Today as the server answers it: each step with its application and contact', async () => {
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

  it('reads a step’s draft as the server answers it, addressed to the contact', async () => {
    const application = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const contact = await api.createContact({ name: 'Ana', email: 'ana@example.com' });
    const step = await api.createFollowUp({
      applicationId: application.id,
      kind: 'first_follow_up',
      dueAt: testNow,
      contactId: contact.id,
    });
    const draft = await api.getDraft(step.id);
    expect(draft).toMatchObject({ followUpId: step.id, kind: 'first_follow_up', to: 'ana@example.com' });
    expect(draft.mailto).toMatch(/^mailto:ana@example\.com\?subject=/);
    expect(Object.keys(draft).sort()).toEqual(
      [
        'body',
        'contact',
        'followUpId',
        'kind',
        'mailto',
        'missingFields',
        'missingWords',
        'subject',
        'to',
      ].sort(),
    );
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

describe('api client: diagnosis, tailoring, posting watch, calendar feed and imports', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let api: ApiClient;
  let site: Server;
  let siteUrl: string;
  let pageStatus = 200;

  const postingHtml =
    '<html><head><title>Data analyst</title></head><body><main><h1>Data analyst</h1>' +
    '<p>Requirements: SQL, Python and A/B testing.</p></main></body></html>';

  beforeAll(async () => {
    site = createServer((_request, response) => {
      response.writeHead(pageStatus, { 'content-type': 'text/html; charset=utf-8' });
      response.end(pageStatus === 200 ? postingHtml : 'gone');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    siteUrl = `http://127.0.0.1:${sitePort}/jobs/1`;
    runtime = await openTestRuntime('sqlite');
    // The posting watch fetches the fake site on 127.0.0.1, which only its own allowance lets through.
    app = await buildApp({
      deps: {
        ...runtime.deps,
        postingProbe: createPostingProbe({ privateAddresses: allowLoopbackPort(sitePort) }),
      },
      dialect: runtime.dialect,
      publicUrl: 'http://hearback.test',
    });
    api = createApiClient({ baseUrl: await listen(app) });
  });

  afterAll(async () => {
    await app.close();
    await runtime.close();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  beforeEach(async () => {
    await runtime.reset();
    pageStatus = 200;
  });

  const waitingApplication = () =>
    api.createApplication({
      companyName: 'Contoso',
      jobTitle: 'Data analyst',
      stageAt: '2026-01-05T10:00:00.000Z',
      posting: {
        descriptionText: 'Requirements:\n* 5 years of SQL and Python\n* A/B testing and statistics',
      },
    });

  it('explains the silence of an application waiting on the employer', async () => {
    const application = await waitingApplication();
    const diagnosis = await api.getDiagnosis(application.id);
    expect(diagnosis.status).toBe('waiting');
    if (diagnosis.status !== 'waiting') return;
    expect(diagnosis.causes.map((c) => c.cause).sort()).toEqual([
      'avoiding_confrontation',
      'position_gone',
      'room_for_improvement',
      'still_deciding',
      'too_many_applicants',
    ]);
    expect(diagnosis.summary).toMatch(/not a certainty/);
  });

  it('runs a tailoring check on pasted text and reads it back as the page shows it', async () => {
    const application = await waitingApplication();
    expect(await api.getLatestTailoring(application.id)).toBeNull();
    const check = await api.checkTailoring(application.id, {
      resume: { text: 'Analyst: SQL and Python every day.' },
      resumeName: 'analyst v2',
    });
    const view = check.analysis;
    expect(view.covered.map((k) => k.canonical).sort()).toEqual(['Python', 'SQL']);
    expect(view.missing.map((k) => k.canonical)).toContain('A/B testing');
    expect(view.missing.find((k) => k.canonical === 'A/B testing')?.inPosting[0]).toMatchObject({
      excerpt: '* A/B testing and statistics',
      section: 'requirements',
    });
    expect(check.score).toBeGreaterThan(0);
    expect(view.formula).toMatch(/^round\(100 × /);
    expect((await api.getLatestTailoring(application.id))?.id).toBe(check.id);
  });

  it('refuses a tailoring check without posting text, and a file with no text, by code', async () => {
    const bare = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    await expect(api.checkTailoring(bare.id, { resume: { text: 'SQL' } })).rejects.toMatchObject({
      code: 'TAILORING_NEEDS_POSTING',
      status: 409,
    });
    const application = await waitingApplication();
    const empty = { fileName: 'blank.txt', mimeType: 'text/plain', contentBase64: btoa('  \n\n') };
    await expect(api.checkTailoring(application.id, { resume: { file: empty } })).rejects.toMatchObject({
      code: 'RESUME_NO_TEXT',
    });
  });

  it('reads the posting watch and checks the posting now, noticing when it is removed', async () => {
    const plain = await api.createApplication({ companyName: 'Acme', jobTitle: 'No link' });
    expect(await api.getPostingWatch(plain.id)).toBeNull();
    const application = await api.createApplication({
      companyName: 'Contoso',
      jobTitle: 'Data analyst',
      postingUrl: siteUrl,
    });
    expect(await api.getPostingWatch(application.id)).toMatchObject({
      state: 'pending',
      lastCheckedAt: null,
    });
    expect((await api.checkPostingNow(application.id)).watch).toMatchObject({
      state: 'online',
      lastError: null,
    });
    pageStatus = 404;
    const removed = await api.checkPostingNow(application.id);
    expect(removed.watch.state).toBe('removed');
    expect(removed.event?.kind).toBe('posting_change');
  });

  it('issues the calendar feed URL once, refuses a second issue, re-issues and revokes it', async () => {
    expect(await api.getCalendarFeed()).toEqual({ exists: false, createdAt: null });
    const issued = await api.issueCalendarFeed();
    expect(issued.url).toMatch(/^http:\/\/hearback\.test\/ics\/[A-Za-z0-9_-]{32,}\.ics$/);
    expect(issued.webcalUrl).toBe(issued.url.replace(/^http:/, 'webcal:'));
    await expect(api.issueCalendarFeed()).rejects.toMatchObject({
      code: 'CALENDAR_FEED_EXISTS',
      status: 409,
    });
    const again = await api.issueCalendarFeed({ reissue: true });
    expect(again.url).not.toBe(issued.url);
    expect((await api.getCalendarFeed()).exists).toBe(true);
    await api.revokeCalendarFeed();
    expect(await api.getCalendarFeed()).toEqual({ exists: false, createdAt: null });
  });

  it('previews a CSV file with a changed column, then imports it', async () => {
    const csv =
      'Employer,Role,Applied on,Where\nAcme,Engineer,2026-01-10,LinkedIn\nGlobex,Designer,2026-01-12,Referral\n';
    const automatic = toCsvPreviewView(await api.previewCsvImport(csv));
    expect(automatic?.mapping).toEqual({
      Employer: 'companyName',
      Role: 'jobTitle',
      'Applied on': 'appliedAt',
      Where: 'note',
    });
    const changed = toCsvPreviewView(await api.previewCsvImport(csv, { mapping: { Where: 'source' } }));
    expect(changed?.mapping.Where).toBe('source');
    expect(changed?.counts).toEqual({ total: 2, create: 2, duplicate: 0, error: 0 });
    expect(await api.importCsv(csv, { mapping: { Where: 'source' } })).toEqual({
      created: 2,
      duplicates: 0,
      failed: [],
      dateOrder: null,
      warnings: [],
      history: { choice: 'keep', applications: 2 },
    });
    const stored = await api.listAllApplications();
    expect(stored.map((a) => [a.company.name, a.source.kind]).sort()).toEqual([
      ['Acme', 'job_board'],
      ['Globex', 'referral'],
    ]);
  });

  it('names the column of a mapping the server refuses, and the field a mapping leaves empty', async () => {
    const csv = 'Employer,Role\nAcme,Engineer\n';
    const error = await api
      .previewCsvImport(csv, { mapping: { Employer: 'jobTitle', Role: 'jobTitle' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues.map((i) => i.field)).toEqual(['mapping.Role']);
    const noTitle = toCsvPreviewView(await api.previewCsvImport(csv, { mapping: { Role: 'companyName' } }));
    expect(noTitle?.errors.map((e) => e.field)).toEqual(['jobTitle']);
  });

  it('previews an interview invitation, matched by the organiser’s domain, and imports it', async () => {
    const application = await api.createApplication({ companyName: 'Contoso', jobTitle: 'Data analyst' });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:abc@contoso.example',
      'DTSTAMP:20260301T090000Z',
      'DTSTART;TZID=Europe/Berlin:20260310T100000',
      'DTEND;TZID=Europe/Berlin:20260310T110000',
      'SUMMARY:Technical interview',
      'ORGANIZER;CN=Rita Recruiter:mailto:rita@contoso.com',
      'ATTENDEE;CN=Dana Lee:mailto:dana@contoso.com',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const preview = toInvitationPreviewView(await api.previewInvitationImport(ics));
    expect(preview).toMatchObject({
      startsAt: '2026-03-10T09:00:00.000Z',
      timeZone: 'Europe/Berlin',
      application: { applicationId: application.id },
      isAlreadyImported: false,
    });
    const imported = await api.importInvitation(ics, { applicationId: application.id });
    expect(imported.created).toBe(true);
    expect(imported.interview).toMatchObject({
      applicationId: application.id,
      startsAt: '2026-03-10T09:00:00.000Z',
    });
    expect(imported.createdContacts.map((c) => c.name).sort()).toEqual(['Dana Lee', 'Rita Recruiter']);
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

  it('answers a missing route with ROUTE_NOT_FOUND instead of guessing a shape', async () => {
    await expect(api.getDraft('01JSTEP')).rejects.toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
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
