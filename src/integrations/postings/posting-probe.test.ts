import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureHandler, type FixtureServer, startFixtureServer } from './fixtures/fixture-server.js';
import { createPostingProbe, hasClosedNotice } from './posting-probe.js';

let server: FixtureServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: FixtureHandler): Promise<string> {
  server = await startFixtureServer(handler);
  return server.origin;
}

const leverId = '5ac21346-8e0c-4494-8e7a-3eb92ff77902';
const newLeverId = '0b7c5e4e-1111-4b8a-9c7d-2e2f3a4b5c6d';

describe('hasClosedNotice', () => {
  it.each([
    '<div>This job is no longer accepting applications.</div>',
    '<p>The position has been filled. Thank you for your interest.</p>',
    '<h2>This posting is no longer available</h2>',
    '<p>Applications for this role are closed</p>',
  ])('sees a closed notice in %s', (html) => {
    expect(hasClosedNotice(html)).toBe(true);
  });

  it.each([
    '<p>We are no longer accepting applications from agencies.</p>',
    '<script>var t = "This job is no longer accepting applications";</script><p>Apply now</p>',
    '<p>Build a platform where jobs are closed and filled quickly.</p>',
  ])('sees none in %s', (html) => {
    expect(hasClosedNotice(html)).toBe(false);
  });
});

describe('createPostingProbe', () => {
  it('places ATS postings on their API host and other pages on their own host', () => {
    const probe = createPostingProbe({ atsApiBases: { lever: 'http://127.0.0.1:9/' } });
    expect(probe.identify(`https://jobs.lever.co/fourthcoffee/${leverId}`)).toEqual({
      ats: { vendor: 'lever', board: 'fourthcoffee', jobId: leverId, region: 'global' },
      host: '127.0.0.1:9',
    });
    expect(probe.identify('https://boards.greenhouse.io/woodgrove/jobs/1')).toMatchObject({
      host: 'boards-api.greenhouse.io',
    });
    expect(probe.identify('https://Careers.Example.com/jobs/1')).toEqual({
      ats: null,
      host: 'careers.example.com',
    });
  });

  it('lists the Lever site when a posting is gone, so a re-post can be found', async () => {
    const origin = await serve((req, res) => {
      if (req.url === '/v0/postings/fourthcoffee?mode=json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify([
            { id: newLeverId, text: 'Backend Engineer', hostedUrl: 'https://jobs.lever.co/x' },
          ]),
        );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"Document not found"}');
    });
    const probe = createPostingProbe({ atsApiBases: { lever: origin }, privateAddresses: server!.allowance });
    const result = await probe.check({
      url: `https://jobs.lever.co/fourthcoffee/${leverId}`,
      ats: { vendor: 'lever', board: 'fourthcoffee', jobId: leverId, region: 'global' },
      etag: '"old"',
      lastModified: null,
    });
    expect(result).toEqual({
      status: 404,
      retryAfter: null,
      etag: null,
      lastModified: null,
      posting: null,
      boardJobs: [{ id: newLeverId, title: 'Backend Engineer', url: 'https://jobs.lever.co/x' }],
      error: null,
    });
    expect(server!.requests.map((r) => r.url)).toEqual([
      `/v0/postings/fourthcoffee/${leverId}?mode=json`,
      '/v0/postings/fourthcoffee?mode=json',
    ]);
    expect(server!.requests[0]!.headers['if-none-match']).toBe('"old"');
  });

  it('reports 304, 429 with its Retry-After, and a refused private address as results, not errors', async () => {
    const origin = await serve((req, res) => {
      if (req.url === '/same') {
        res.writeHead(304, { etag: '"v"' });
        res.end();
      } else {
        res.writeHead(429, { 'retry-after': '30' });
        res.end();
      }
    });
    const probe = createPostingProbe({ privateAddresses: server!.allowance });
    const target = { ats: null, etag: '"v"', lastModified: null };
    expect(await probe.check({ ...target, url: `${origin}/same` })).toMatchObject({
      status: 304,
      etag: '"v"',
      posting: null,
      error: null,
    });
    expect(await probe.check({ ...target, url: `${origin}/busy` })).toMatchObject({
      status: 429,
      retryAfter: '30',
      error: { code: 'POSTING_FETCH_FAILED' },
    });
    const blocked = await createPostingProbe().check({
      ...target,
      url: `${origin}/x`,
    });
    expect(blocked).toMatchObject({ status: null, error: { code: 'POSTING_BLOCKED_ADDRESS' } });
  });

  it('reads a JSON-LD page into title, text and closing date', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'last-modified': 'Mon, 02 Mar 2026 08:00:00 GMT' });
      res.end(
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'JobPosting',
          title: 'Data Engineer',
          description: '<p>Pipelines &amp; dashboards.</p>',
          validThrough: '2026-04-30T23:59:59Z',
          hiringOrganization: { name: 'Acme' },
        })}</script>`,
      );
    });
    const result = await createPostingProbe({ privateAddresses: server!.allowance }).check({
      url: `${origin}/j`,
      ats: null,
      etag: null,
      lastModified: null,
    });
    expect(result).toEqual({
      status: 200,
      retryAfter: null,
      etag: null,
      lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT',
      posting: {
        source: 'json-ld',
        title: 'Data Engineer',
        descriptionText: 'Pipelines & dashboards.',
        validThrough: '2026-04-30',
        isClosed: false,
      },
      boardJobs: null,
      error: null,
    });
  });
});
