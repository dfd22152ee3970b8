import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, testNow, testSystem } from '../../test/support/test-runtime.js';
import type { ApplicationCreate } from '../core/application.js';
import { fixedClock } from '../core/ports.js';
import { createTableJobQueue } from '../integrations/jobs/table-job-queue.js';
import type { PrivateAddressPolicy } from '../integrations/postings/address-guard.js';
import { type FixtureServer, startFixtureServer } from '../integrations/postings/fixtures/fixture-server.js';
import { createPostingProbe } from '../integrations/postings/posting-probe.js';
import { startRuntime } from '../runtime.js';
import { listApplicationEvents } from '../storage/event-store.js';
import { findPostingWatch } from '../storage/posting-watch-store.js';
import { createApplication, deleteApplication, moveApplication, updateApplication } from './applications.js';
import { currentDataVersion } from './data-version.js';
import type { Deps } from './deps.js';
import {
  checkDuePostings,
  checkPosting,
  getPostingWatch,
  registerPostingWatchJobs,
  type WatchTimer,
} from './posting-watch.js';
import { updateSettings } from './settings.js';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const hour = 3_600_000;
const at = (ms: number) => new Date(Date.parse(testNow) + ms).toISOString();

/** A stand-in for the web whose pages tests change between checks; unknown paths answer 404. */
/** Every site this file started: the probe may fetch their listeners (and no other loopback address). */
const startedSites: FixtureServer[] = [];
const startedSitesAllowance: PrivateAddressPolicy = {
  allows: (target) => startedSites.some((server) => server.allowance.allows(target)),
};

function startSite() {
  const pages = new Map<string, Handler>();
  let server: FixtureServer | undefined;
  return {
    pages,
    get origin() {
      return server!.origin;
    },
    get requests() {
      return server!.requests;
    },
    requestsTo(pathname: string) {
      return server!.requests.filter((r) => r.url.split('?')[0] === pathname);
    },
    async start() {
      server = await startFixtureServer((request, response) => {
        const handler = pages.get((request.url ?? '').split('?')[0]!);
        if (handler) return handler(request, response);
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Not found</h1>');
      });
      startedSites.push(server);
    },
    reset() {
      pages.clear();
      (server!.requests as unknown[]).length = 0;
    },
    close: () => server?.close(),
  };
}

function jobPage(fields: { title: string; description: string; validThrough?: string }): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: fields.title,
    description: `<p>${fields.description}</p>`,
    hiringOrganization: { '@type': 'Organization', name: 'Acme' },
    datePosted: '2026-02-01',
    ...(fields.validThrough && { validThrough: fields.validThrough }),
  };
  return `<!doctype html><html><head><title>${fields.title} at Acme</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>${fields.title}</h1><p>${fields.description}</p></body></html>`;
}

/** A page that answers 304 to a request carrying its current ETag, as a well-behaved server does. */
function page(html: string): Handler {
  const etag = `"${createHash('sha256').update(html).digest('hex').slice(0, 16)}"`;
  return (request, response) => {
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      return response.end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag });
    response.end(html);
  };
}

function status(code: number, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(code, { 'content-type': 'text/html', ...headers });
    response.end(`<h1>${code}</h1>`);
  };
}

function json(value: unknown): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
}

/** Time that moves only when the watch waits, so the per-host interval is tested without waiting. */
function virtualTimer(): WatchTimer & { now: number; sleeps: number[] } {
  const timer = {
    now: 0,
    sleeps: [] as number[],
    nowMs: () => timer.now,
    sleep: async (ms: number) => {
      timer.sleeps.push(ms);
      timer.now += ms;
    },
  };
  return timer;
}

const backend = {
  title: 'Backend Engineer',
  description: 'Build APIs in TypeScript for our hiring platform.',
};

const site = startSite();
beforeAll(() => site.start());
afterAll(() => site.close());

function watchDepsOf(deps: Deps, options: { maxBytes?: number } = {}): Deps {
  return {
    ...deps,
    postingProbe: createPostingProbe({
      atsApiBases: { greenhouse: site.origin, lever: site.origin, ashby: site.origin },
      privateAddresses: startedSitesAllowance,
      timeoutMs: 3_000,
      maxRedirects: 3,
      ...options,
    }),
  };
}

async function postingEvents(deps: Deps, applicationId: string) {
  return (await listApplicationEvents(deps.db, deps.userId, applicationId)).flatMap((e) =>
    e.kind === 'posting_change' ? [{ change: e.change, detail: e.detail, occurredAt: e.occurredAt }] : [],
  );
}

describeEachDialect('posting watch', (ctx) => {
  let deps: Deps;
  beforeEach(() => {
    site.reset();
    deps = watchDepsOf(ctx.deps);
  });

  const addApplication = (fields: Partial<ApplicationCreate> = {}) =>
    createApplication(ctx.deps, {
      companyName: 'Acme',
      jobTitle: 'Backend Engineer',
      postingUrl: `${site.origin}/jobs/1`,
      ...fields,
    } as ApplicationCreate);

  it('records a posting that goes away as removed once, and its return as restored', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    const first = await checkPosting(deps, application.id);
    expect(first.event).toBeNull();
    expect(first.watch).toMatchObject({
      state: 'online',
      title: 'Backend Engineer',
      lastCheckedAt: testNow,
      failures: 0,
      lastError: null,
      pausedBecause: null,
    });

    site.pages.set('/jobs/1', status(404));
    const removed = await checkPosting(deps, application.id);
    expect(removed.event).toMatchObject({
      kind: 'posting_change',
      change: 'removed',
      detail: 'The posting page answered 404 (not found).',
      applicationId: application.id,
    });
    expect(removed.watch.state).toBe('removed');
    site.pages.set('/jobs/1', status(410));
    expect((await checkPosting(deps, application.id)).event).toBeNull();

    site.pages.set('/jobs/1', page(jobPage(backend)));
    expect((await checkPosting(deps, application.id)).event).toMatchObject({ change: 'restored' });
    expect((await postingEvents(deps, application.id)).map((e) => e.change)).toEqual(['removed', 'restored']);
  });

  it('takes a page that lost its structured posting, or says it is closed, for removed', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    await checkPosting(deps, application.id);
    site.pages.set(
      '/jobs/1',
      page('<html><head><title>Careers at Acme</title></head><body><h1>Open roles</h1></body></html>'),
    );
    expect((await checkPosting(deps, application.id)).event).toMatchObject({
      change: 'removed',
      detail: 'The page no longer describes the job (its structured posting data is gone).',
    });

    const other = await addApplication({ jobTitle: 'Data Engineer', postingUrl: `${site.origin}/jobs/2` });
    site.pages.set('/jobs/2', page(jobPage({ title: 'Data Engineer', description: 'Pipelines.' })));
    await checkPosting(deps, other.id);
    site.pages.set(
      '/jobs/2',
      page(
        jobPage({ title: 'Data Engineer', description: 'Pipelines.' }).replace(
          '<body>',
          '<body><div class="banner">This job is no longer accepting applications.</div>',
        ),
      ),
    );
    expect((await checkPosting(deps, other.id)).event).toMatchObject({
      change: 'removed',
      detail: 'The posting page says it is no longer accepting applications.',
    });
  });

  it('sends the validators back, records nothing on 304, and records an edit once', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    await checkPosting(deps, application.id);
    // A check that finds nothing new leaves every cached answer standing: the data version stays.
    const version = await currentDataVersion(deps);
    expect((await checkPosting(deps, application.id)).event).toBeNull();
    expect(await currentDataVersion(deps)).toBe(version);
    const [firstRequest, secondRequest] = site.requestsTo('/jobs/1');
    expect(firstRequest!.headers['if-none-match']).toBeUndefined();
    expect(secondRequest!.headers['if-none-match']).toMatch(/^".+"$/);

    site.pages.set(
      '/jobs/1',
      page(jobPage({ ...backend, description: 'Build APIs in Go for our platform.' })),
    );
    const edited = await checkPosting(deps, application.id);
    expect(edited.event).toMatchObject({
      change: 'changed',
      detail: 'The posting was edited: its description changed.',
    });
    expect(await currentDataVersion(deps)).not.toBe(version);
    expect((await checkPosting(deps, application.id)).event).toBeNull();
    expect((await postingEvents(deps, application.id)).map((e) => e.change)).toEqual(['changed']);
  });

  it('records a passed closing date as expired, once', async () => {
    site.pages.set('/jobs/1', page(jobPage({ ...backend, validThrough: '2026-03-05' })));
    const application = await addApplication();
    expect((await checkPosting(deps, application.id)).watch).toMatchObject({
      state: 'online',
      validThrough: '2026-03-05',
    });
    ctx.runtime.clock.set('2026-03-06T10:00:00Z');
    const expired = await checkPosting(deps, application.id);
    expect(expired.event).toMatchObject({
      change: 'expired',
      detail: "The posting's closing date, 2026-03-05, has passed.",
      occurredAt: '2026-03-06T10:00:00.000Z',
    });
    expect(expired.watch.state).toBe('expired');
    expect((await checkPosting(deps, application.id)).event).toBeNull();
  });

  it('tells a job re-posted under a new id on a Greenhouse board from a removal, and follows the new id', async () => {
    const job = (id: number) => ({
      id,
      title: 'Backend Engineer',
      content: '&lt;p&gt;Build APIs.&lt;/p&gt;',
      absolute_url: `https://boards.greenhouse.io/woodgrove/jobs/${id}`,
      location: { name: 'Remote' },
      company_name: 'Woodgrove',
    });
    site.pages.set('/v1/boards/woodgrove/jobs/111', json(job(111)));
    const application = await addApplication({
      postingUrl: 'https://boards.greenhouse.io/woodgrove/jobs/111',
    });
    const first = await checkPosting(deps, application.id);
    expect(first.watch).toMatchObject({
      state: 'online',
      ats: { vendor: 'greenhouse', board: 'woodgrove', jobId: '111' },
    });

    site.pages.delete('/v1/boards/woodgrove/jobs/111');
    site.pages.set(
      '/v1/boards/woodgrove/jobs',
      json({ jobs: [job(222), { ...job(333), title: 'Designer' }], meta: { total: 2 } }),
    );
    site.pages.set('/v1/boards/woodgrove/jobs/222', json(job(222)));
    const reposted = await checkPosting(deps, application.id);
    expect(reposted.event).toMatchObject({
      change: 'reposted',
      detail:
        'The same job, "Backend Engineer", was posted again under a new id (111 → 222): https://boards.greenhouse.io/woodgrove/jobs/222',
    });
    expect(reposted.watch).toMatchObject({ state: 'online', ats: { jobId: '222' } });

    expect((await checkPosting(deps, application.id)).event).toBeNull();
    expect(site.requestsTo('/v1/boards/woodgrove/jobs/222')).toHaveLength(1);

    site.pages.delete('/v1/boards/woodgrove/jobs/222');
    site.pages.set('/v1/boards/woodgrove/jobs', json({ jobs: [{ ...job(333), title: 'Designer' }] }));
    expect((await checkPosting(deps, application.id)).event).toMatchObject({
      change: 'removed',
      detail: 'Greenhouse no longer lists this job.',
    });
    expect((await postingEvents(deps, application.id)).map((e) => e.change)).toEqual(['reposted', 'removed']);
  });

  it('records a job missing from its Ashby board as removed', async () => {
    const id = '691c4294-855e-4ab9-b6d9-8d70c6e09866';
    const board = (jobs: unknown[]) => json({ jobs });
    site.pages.set(
      '/posting-api/job-board/kovo',
      board([{ id, title: 'Backend Engineer', descriptionPlain: 'Build APIs.', jobUrl: null }]),
    );
    const application = await addApplication({ postingUrl: `https://jobs.ashbyhq.com/kovo/${id}` });
    expect((await checkPosting(deps, application.id)).watch.state).toBe('online');
    site.pages.set('/posting-api/job-board/kovo', board([]));
    expect((await checkPosting(deps, application.id)).event).toMatchObject({
      change: 'removed',
      detail: 'Ashby no longer lists this job.',
    });
  });

  it('backs off on server errors, the next check moving out and doubling, with nothing on the timeline', async () => {
    site.pages.set('/jobs/1', status(503));
    const application = await addApplication();
    const timer = virtualTimer();
    const offsets: number[] = [];
    let clock = Date.parse(testNow);
    for (let run = 0; run < 4; run++) {
      const report = await checkDuePostings(deps, { timer });
      expect(report).toEqual({
        done: 0,
        skipped: 0,
        failed: [{ item: application.id, code: 'POSTING_FETCH_FAILED' }],
        events: 0,
      });
      const watch = (await getPostingWatch(deps, application.id))!;
      offsets.push((Date.parse(watch.nextCheckAt) - clock) / hour);
      expect(await checkDuePostings(deps, { timer })).toMatchObject({ done: 0, failed: [] });
      clock = Date.parse(watch.nextCheckAt);
      ctx.runtime.clock.set(watch.nextCheckAt);
    }
    expect(offsets).toEqual([1, 2, 4, 8]);
    expect(site.requestsTo('/jobs/1')).toHaveLength(4);
    const watch = await getPostingWatch(deps, application.id);
    expect(watch).toMatchObject({
      failures: 4,
      state: 'pending',
      lastError: { code: 'POSTING_FETCH_FAILED', message: `${new URL(site.origin).host} answered HTTP 503.` },
    });
    expect(await postingEvents(deps, application.id)).toEqual([]);

    site.pages.set('/jobs/1', page(jobPage(backend)));
    expect(await checkDuePostings(deps, { timer })).toMatchObject({ done: 1, failed: [] });
    expect(await getPostingWatch(deps, application.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it('honours Retry-After on 429 and leaves the whole host alone until then', async () => {
    site.pages.set('/jobs/1', status(429, { 'retry-after': '10800' }));
    site.pages.set('/jobs/2', page(jobPage({ title: 'Data Engineer', description: 'Pipelines.' })));
    const busy = await addApplication();
    const other = await addApplication({ jobTitle: 'Data Engineer', postingUrl: `${site.origin}/jobs/2` });
    const report = await checkDuePostings(deps, { timer: virtualTimer() });
    expect(report).toEqual({
      done: 0,
      skipped: 1,
      failed: [{ item: busy.id, code: 'POSTING_FETCH_FAILED' }],
      events: 0,
    });
    expect(site.requestsTo('/jobs/2')).toHaveLength(0);
    expect((await getPostingWatch(deps, busy.id))!.nextCheckAt).toBe(at(3 * hour));
    expect((await getPostingWatch(deps, other.id))!.nextCheckAt).toBe(at(3 * hour));

    ctx.runtime.clock.set(at(2 * hour));
    expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 0, skipped: 0 });
    expect(site.requests).toHaveLength(1);
  });

  it('records a redirect loop and a huge page as failures of the site, backing off', async () => {
    site.pages.set('/jobs/1', (_request, response) => {
      response.writeHead(302, { location: '/jobs/1?again' });
      response.end();
    });
    site.pages.set('/jobs/huge', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) {}
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const looping = await addApplication();
    const huge = await addApplication({ jobTitle: 'Data Engineer', postingUrl: `${site.origin}/jobs/huge` });
    const small = watchDepsOf(ctx.deps, { maxBytes: 256 * 1024 });
    const report = await checkDuePostings(small, { timer: virtualTimer(), perHostIntervalMs: 0 });
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { item: looping.id, code: 'POSTING_TOO_MANY_REDIRECTS' },
        { item: huge.id, code: 'POSTING_TOO_LARGE' },
      ]),
    );
    expect(site.requestsTo('/jobs/1')).toHaveLength(4);
    for (const id of [looping.id, huge.id]) {
      expect(await getPostingWatch(small, id)).toMatchObject({ failures: 1, nextCheckAt: at(hour) });
      expect(await postingEvents(ctx.deps, id)).toEqual([]);
    }
  });

  it('records one event when two checks of the same posting race', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    await checkPosting(deps, application.id);
    site.pages.set('/jobs/1', status(404));
    const results = await Promise.all([
      checkPosting(deps, application.id),
      checkPosting(deps, application.id),
    ]);
    await checkDuePostings(deps, { timer: virtualTimer() });
    expect(results.slice(0, 2).filter((r) => r.event !== null)).toHaveLength(1);
    expect((await getPostingWatch(deps, application.id))!.state).toBe('removed');
    expect((await postingEvents(deps, application.id)).map((e) => e.change)).toEqual(['removed']);
  });

  it('checks nothing for a user who switched the watch off, or for an ended application', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    await updateSettings(ctx.deps, { postingWatchEnabled: false });
    expect(await checkDuePostings(deps, { timer: virtualTimer() })).toEqual({
      done: 0,
      skipped: 0,
      failed: [],
      events: 0,
    });
    expect(site.requests).toHaveLength(0);
    expect(await getPostingWatch(deps, application.id)).toMatchObject({ pausedBecause: 'switched_off' });

    await updateSettings(ctx.deps, { postingWatchEnabled: true });
    await moveApplication(ctx.deps, application.id, { stage: 'ended', outcome: 'withdrew' });
    expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 0 });
    expect(site.requests).toHaveLength(0);
    expect(await getPostingWatch(deps, application.id)).toMatchObject({ pausedBecause: 'application_ended' });
  });

  it('asks one host at most once per interval, taking other hosts in between', async () => {
    const second = startSite();
    await second.start();
    try {
      const timer = virtualTimer();
      const seen: Array<{ host: string; at: number }> = [];
      const record = (host: string): Handler => {
        const serve = page(jobPage(backend));
        return (request, response) => {
          seen.push({ host, at: timer.now });
          serve(request, response);
        };
      };
      for (const n of [1, 2, 3]) {
        site.pages.set(`/jobs/${n}`, record('a'));
        await addApplication({ jobTitle: `Engineer ${n}`, postingUrl: `${site.origin}/jobs/${n}` });
      }
      second.pages.set('/jobs/9', record('b'));
      await addApplication({ jobTitle: 'Engineer 9', postingUrl: `${second.origin}/jobs/9` });
      const report = await checkDuePostings(deps, { timer, perHostIntervalMs: 5_000 });
      expect(report).toMatchObject({ done: 4, skipped: 0, failed: [] });
      expect(seen.map((s) => s.host)).toEqual(['a', 'b', 'a', 'a']);
      const onA = seen.filter((s) => s.host === 'a').map((s) => s.at);
      expect(onA[1]! - onA[0]!).toBeGreaterThanOrEqual(5_000);
      expect(onA[2]! - onA[1]!).toBeGreaterThanOrEqual(5_000);
      expect(timer.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    } finally {
      await second.close();
    }
  });

  it('stops starting checks when the run is over its budget, leaving them due', async () => {
    for (const n of [1, 2, 3]) {
      site.pages.set(`/jobs/${n}`, page(jobPage(backend)));
      await addApplication({ jobTitle: `Engineer ${n}`, postingUrl: `${site.origin}/jobs/${n}` });
    }
    const report = await checkDuePostings(deps, {
      timer: virtualTimer(),
      perHostIntervalMs: 5_000,
      budgetMs: 6_000,
    });
    expect(report).toMatchObject({ done: 2, skipped: 1 });
    expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 1 });
  });

  it('starts afresh when the posting URL changes, and drops the watch when it is removed', async () => {
    site.pages.set('/jobs/1', status(404));
    site.pages.set('/jobs/2', page(jobPage(backend)));
    const application = await addApplication();
    await checkPosting(deps, application.id);
    expect((await getPostingWatch(deps, application.id))!.state).toBe('removed');

    await updateApplication(ctx.deps, application.id, { postingUrl: `${site.origin}/jobs/2` });
    expect(await getPostingWatch(deps, application.id)).toMatchObject({
      state: 'pending',
      url: `${site.origin}/jobs/2`,
      nextCheckAt: testNow,
    });
    expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 1, events: 0 });
    expect((await getPostingWatch(deps, application.id))!.state).toBe('online');

    await updateApplication(ctx.deps, application.id, { postingUrl: null });
    expect(await getPostingWatch(deps, application.id)).toBeNull();
    await checkDuePostings(deps, { timer: virtualTimer() });
    expect(await findPostingWatch(ctx.deps.db, ctx.deps.userId, application.id)).toBeUndefined();
  });

  it('reads a watch without writing one, and refuses to check an application without a posting URL', async () => {
    const application = await addApplication();
    expect(await getPostingWatch(deps, application.id)).toMatchObject({
      state: 'pending',
      lastCheckedAt: null,
    });
    expect(await findPostingWatch(ctx.deps.db, ctx.deps.userId, application.id)).toBeUndefined();
    const bare = await addApplication({ jobTitle: 'Designer', postingUrl: undefined });
    expect(await getPostingWatch(deps, bare.id)).toBeNull();
    await expect(checkPosting(deps, bare.id)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'postingUrl' }] },
    });
    await expect(getPostingWatch(deps, '01HNOSUCHAPPLICATION000000')).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
  });

  it('deletes the watch with its application', async () => {
    const application = await addApplication();
    site.pages.set('/jobs/1', page(jobPage(backend)));
    await checkPosting(deps, application.id);
    await deleteApplication(ctx.deps, application.id);
    expect(await findPostingWatch(ctx.deps.db, ctx.deps.userId, application.id)).toBeUndefined();
  });

  it('runs from the job queue every 15 minutes', async () => {
    site.pages.set('/jobs/1', page(jobPage(backend)));
    const application = await addApplication();
    const queue = createTableJobQueue({ db: ctx.deps.db, clock: ctx.deps.clock, ids: ctx.deps.ids });
    const reports: unknown[] = [];
    await registerPostingWatchJobs(queue, deps, { timer: virtualTimer(), onReport: (r) => reports.push(r) });
    expect(await queue.pollOnce()).toBe(1);
    expect(await queue.pollOnce()).toBe(0);
    expect(reports).toEqual([{ done: 1, skipped: 0, failed: [], events: 0 }]);
    expect((await getPostingWatch(deps, application.id))!.state).toBe('online');
    ctx.runtime.clock.set(at(15 * 60_000));
    expect(await queue.pollOnce()).toBe(1);
    expect(reports).toHaveLength(2);
    expect(site.requestsTo('/jobs/1')).toHaveLength(1);
    await queue.stop();
  });
});

describe('posting watch schedule across restarts [sqlite file]', () => {
  let dir: string;
  afterEach(() => {
    site.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the next check in the database: a reopened database checks at the same time, not before', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-watch-'));
    const target = { kind: 'sqlite', file: path.join(dir, 'hearback.db') } as const;
    const clock = fixedClock(testNow);
    site.reset();
    site.pages.set('/jobs/1', page(jobPage(backend)));

    const first = await startRuntime(target, { clock, system: testSystem });
    const application = await createApplication(first.deps, {
      companyName: 'Acme',
      jobTitle: 'Backend Engineer',
      postingUrl: `${site.origin}/jobs/1`,
    } as ApplicationCreate);
    await checkDuePostings(watchDepsOf(first.deps), { timer: virtualTimer() });
    const before = (await getPostingWatch(watchDepsOf(first.deps), application.id))!;
    await first.close();
    expect(Date.parse(before.nextCheckAt) - Date.parse(testNow)).toBeGreaterThanOrEqual(12 * hour);

    const second = await startRuntime(target, { clock, system: testSystem });
    try {
      const deps = watchDepsOf(second.deps);
      expect(await getPostingWatch(deps, application.id)).toEqual(before);
      clock.set(new Date(Date.parse(before.nextCheckAt) - 1000));
      expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 0 });
      expect(site.requestsTo('/jobs/1')).toHaveLength(1);
      clock.set(before.nextCheckAt);
      expect(await checkDuePostings(deps, { timer: virtualTimer() })).toMatchObject({ done: 1 });
      expect(site.requestsTo('/jobs/1')).toHaveLength(2);
      const after = (await getPostingWatch(deps, application.id))!;
      expect(Date.parse(after.nextCheckAt) - Date.parse(before.nextCheckAt)).toBe(24 * hour);
    } finally {
      await second.close();
    }
  });
});
