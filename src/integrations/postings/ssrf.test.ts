import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { openTestRuntime, type TestRuntime } from '../../../test/support/test-runtime.js';
import { buildApp } from '../../server/build-app.js';
import { allowEveryPrivateAddress, type PrivateTarget, type ResolveHost } from './address-guard.js';
import { fetchPosting } from './fetch-posting.js';
import { type FixtureServer, startFixtureServer } from './fixtures/fixture-server.js';
import { importPostingFromUrl } from './import-posting-from-url.js';
import { PostingImportError } from './posting-import-error.js';
import { createPostingProbe } from './posting-probe.js';

/**
 * Server-side request forgery: "Add from URL", its preview and the posting watch must not reach loopback,
 * private, link-local, carrier-grade NAT, unique-local or cloud metadata addresses in any spelling, directly
 * or through a redirect. A local listener stands in for the internal service and counts every connection
 * that reaches it: by default there must be none.
 */
let internal: http.Server;
let port: number;
let connections = 0;
const posting = `<script type="application/ld+json">${JSON.stringify({
  '@type': 'JobPosting',
  title: 'Internal secret',
  description: 'Only reachable from inside.',
  hiringOrganization: { name: 'Intranet' },
})}</script>`;

beforeAll(async () => {
  internal = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(posting);
  });
  internal.on('connection', () => {
    connections += 1;
  });
  // Both stacks, so 127.0.0.1, ::1, 0.0.0.0 and :: would all reach it if the guard let them through.
  await new Promise<void>((resolve) => internal.listen(0, '::', resolve));
  port = (internal.address() as AddressInfo).port;
});

afterAll(async () => {
  internal.closeAllConnections();
  await new Promise<void>((resolve) => internal.close(() => resolve()));
});

beforeEach(() => {
  connections = 0;
});

/** Every spelling of an internal address that the listener (or a real internal service) would answer on. */
const blockedHosts = [
  '127.0.0.1',
  '127.1',
  '127.0.1',
  '0x7f000001',
  '2130706433',
  '017700000001',
  '0177.0.0.1',
  '0x7f.0.0.1',
  '127.000.000.001',
  '127.255.255.254',
  'localhost',
  'LOCALHOST',
  'jobs.localhost',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::127.0.0.1]',
  '[64:ff9b::127.0.0.1]',
  '[2002:7f00:1::]',
  '0.0.0.0',
  '0',
  '[::]',
  '169.254.169.254',
  '0xa9fea9fe',
  '2852039166',
  '0251.0376.0251.0376',
  '[::ffff:169.254.169.254]',
  '[fe80::1]',
  '[fd00:ec2::254]',
  'metadata.google.internal',
  'METADATA.GOOGLE.INTERNAL.',
  'metadata.goog',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.0.1',
  '192.168.255.254',
  '100.64.0.1',
  '100.127.255.254',
  '[fc00::1]',
  '[fd12:3456:789a::1]',
  '[::ffff:10.0.0.1]',
  '[::ffff:192.168.1.1]',
] as const;

/** Names whose DNS answer is internal: the check is on the resolved address, whatever the name. */
const internalNames: Record<string, string[]> = {
  'loopback.hearback.test': ['127.0.0.1'],
  'private.hearback.test': ['10.1.2.3'],
  'v6.hearback.test': ['::1'],
  'mixed.hearback.test': ['93.184.215.14', '127.0.0.1'],
  'cgnat.hearback.test': ['100.64.1.1'],
  'metadata.hearback.test': ['169.254.169.254'],
};

const resolveHost: ResolveHost = async (hostname) => {
  const answers = internalNames[hostname];
  if (!answers) throw Object.assign(new Error(`no test answer for ${hostname}`), { code: 'ENOTFOUND' });
  return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const blockedUrls = () => [
  ...blockedHosts.map((host) => `http://${host}:${port}/jobs/1`),
  ...Object.keys(internalNames).map((name) => `http://${name}:${port}/jobs/1`),
];

async function failureOf(work: Promise<unknown>): Promise<PostingImportError> {
  const error = await work.then(
    () => new Error('expected the fetch to be refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostingImportError);
  return error as PostingImportError;
}

describe('fetching a posting refuses internal addresses by default', () => {
  it('refuses every spelling of an internal address, without a single connection', async () => {
    for (const url of blockedUrls()) {
      const error = await failureOf(fetchPosting(url, { resolveHost, timeoutMs: 5_000 }));
      expect({ url, code: error.code }).toEqual({ url, code: 'POSTING_BLOCKED_ADDRESS' });
    }
    expect(connections).toBe(0);
  });

  describe('through a redirect', () => {
    let redirector: FixtureServer;
    beforeAll(async () => {
      redirector = await startFixtureServer((request, response) => {
        const target = new URL(request.url ?? '/', 'http://x').searchParams.get('to') ?? '/';
        response.writeHead(request.url?.startsWith('/307') ? 307 : 302, { location: target });
        response.end();
      });
    });
    afterAll(() => redirector.close());

    it('refuses a redirect to any of them (the first hop is the allowed test site), without a connection', async () => {
      for (const [index, url] of blockedUrls().entries()) {
        const hop = `${redirector.origin}/${index % 2 === 0 ? '302' : '307'}?to=${encodeURIComponent(url)}`;
        const error = await failureOf(
          fetchPosting(hop, { resolveHost, privateAddresses: redirector.allowance, timeoutMs: 5_000 }),
        );
        expect({ url, code: error.code }).toEqual({ url, code: 'POSTING_BLOCKED_ADDRESS' });
      }
      expect(redirector.requests.length).toBe(blockedUrls().length);
      expect(connections).toBe(0);
    });

    it('refuses a redirect chain that turns internal after several hops', async () => {
      const inner = `${redirector.origin}/302?to=${encodeURIComponent(`http://127.1:${port}/`)}`;
      const outer = `${redirector.origin}/307?to=${encodeURIComponent(inner)}`;
      const error = await failureOf(fetchPosting(outer, { privateAddresses: redirector.allowance }));
      expect(error.code).toBe('POSTING_BLOCKED_ADDRESS');
      expect(connections).toBe(0);
    });
  });

  it('refuses them in "Add from URL" and in the posting watch, ATS API hosts included', async () => {
    const url = `http://0x7f000001:${port}/jobs/1`;
    expect((await failureOf(importPostingFromUrl(url))).code).toBe('POSTING_BLOCKED_ADDRESS');
    const ats = await failureOf(
      importPostingFromUrl('https://boards.greenhouse.io/acme/jobs/123', {
        atsApiBases: { greenhouse: `http://[::1]:${port}/` },
      }),
    );
    expect(ats.code).toBe('POSTING_BLOCKED_ADDRESS');
    const check = await createPostingProbe().check({ url, ats: null, etag: null, lastModified: null });
    expect(check.error?.code).toBe('POSTING_BLOCKED_ADDRESS');
    expect(connections).toBe(0);
  });
});

describe('the API refuses internal addresses by default', () => {
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

  it('answers 422 POSTING_BLOCKED_ADDRESS to the preview and to "Add from URL", and records it on the watch', async () => {
    for (const host of ['127.1', '[::ffff:127.0.0.1]', '2130706433', 'localhost']) {
      const url = `http://${host}:${port}/jobs/1`;
      const preview = await call(app, 'POST', '/api/postings/preview', { url }, 422);
      expect(preview.error.code).toBe('POSTING_BLOCKED_ADDRESS');
      const added = await call(app, 'POST', '/api/applications/from-posting', { url }, 422);
      expect(added.error.code).toBe('POSTING_BLOCKED_ADDRESS');
    }
    const application = await call(
      app,
      'POST',
      '/api/applications',
      { companyName: 'Acme', jobTitle: 'Engineer', postingUrl: `http://0.0.0.0:${port}/jobs/1` },
      201,
    );
    const checked = await call(
      app,
      'POST',
      `/api/applications/${application.id}/posting-watch/check`,
      undefined,
      200,
    );
    expect(checked.watch.lastError.code).toBe('POSTING_BLOCKED_ADDRESS');
    expect(connections).toBe(0);
  });
});

describe('HEARBACK_ALLOW_PRIVATE_FETCH=1', () => {
  it('fetches private addresses, reporting each one so it is logged', async () => {
    const seen: PrivateTarget[] = [];
    const privateAddresses = allowEveryPrivateAddress((target) => seen.push(target));
    const page = await fetchPosting(`http://127.1:${port}/jobs/1`, { privateAddresses });
    expect(page.body).toBe(posting);
    const imported = await importPostingFromUrl(`http://[::1]:${port}/jobs/1`, { privateAddresses });
    expect(imported.jobTitle).toBe('Internal secret');
    expect(seen).toEqual([
      { host: '127.0.0.1', address: '127.0.0.1', port },
      { host: '::1', address: '::1', port },
    ]);
    expect(connections).toBe(2);
  });

  it('still never fetches the unspecified address, link-local or cloud metadata addresses', async () => {
    const privateAddresses = allowEveryPrivateAddress(() => {});
    for (const host of [
      '0.0.0.0',
      '[::]',
      '169.254.169.254',
      '[fd00:ec2::254]',
      'metadata.google.internal',
    ]) {
      const error = await failureOf(fetchPosting(`http://${host}:${port}/`, { privateAddresses }));
      expect({ host, code: error.code }).toEqual({ host, code: 'POSTING_BLOCKED_ADDRESS' });
    }
    expect(connections).toBe(0);
  });
});
