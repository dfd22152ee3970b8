import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { buildApp } from './build-app.js';
import { exposureWarning, hostNameOf, isLoopbackHost } from './host-origin-guard.js';

type Operation = { readonly method: string; readonly url: string };

/** Every operation of the committed OpenAPI document, with its path parameters filled in. */
function operationsOfOpenApi(): Operation[] {
  const document = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };
  const params: Record<string, string> = { id: '01HNOSUCHAPPLICATION000000', kind: 'thank_you' };
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.keys(methods)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({
        method: method.toUpperCase(),
        url: template.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? 'x'),
      })),
  );
}

const operations = operationsOfOpenApi();
const stateChanging = operations.filter((op) => op.method !== 'GET');
/**
 * Routes outside the API document: the web app, its files, Swagger UI, the calendar feed and the employer
 * response link's page.
 */
const otherRoutes: Operation[] = [
  { method: 'GET', url: '/' },
  { method: 'GET', url: '/board' },
  { method: 'GET', url: '/assets/index-abc123.js' },
  { method: 'GET', url: '/api/docs' },
  { method: 'GET', url: '/api/docs/static/swagger-ui.css' },
  { method: 'GET', url: '/api/openapi.json' },
  { method: 'GET', url: '/ics/not-a-token.ics' },
  { method: 'GET', url: '/r/not-a-token' },
  { method: 'POST', url: '/r/not-a-token' },
  { method: 'GET', url: '/api/no-such-route' },
];

let base: string;
let runtime: TestRuntime;
let app: FastifyInstance;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-host-'));
  fs.mkdirSync(path.join(base, 'assets'));
  fs.writeFileSync(path.join(base, 'index.html'), '<!doctype html><title>hearback</title>');
  fs.writeFileSync(path.join(base, 'assets', 'index-abc123.js'), 'console.log(1)');
  runtime = await openTestRuntime('sqlite');
  app = await buildApp({
    deps: runtime.deps,
    dialect: runtime.dialect,
    webRoot: base,
    hostOriginGuard: {
      allowedHosts: ['hearback.example.org', 'tracker.internal:8443'],
      allowedOrigins: ['https://hearback.example.org'],
    },
  });
});

afterAll(async () => {
  await app.close();
  await runtime.close();
  fs.rmSync(base, { recursive: true, force: true });
});

async function send(op: Operation, headers: Record<string, string>) {
  const response = await app.inject({
    method: op.method as 'GET',
    url: op.url,
    headers,
    ...(op.method !== 'GET' && op.method !== 'DELETE' && { payload: {} }),
  });
  const code = response.headers['content-type']?.toString().includes('json')
    ? (JSON.parse(response.body) as { error?: { code?: string } }).error?.code
    : undefined;
  return { status: response.statusCode, code };
}

describe('the Host header', () => {
  it('reads the enumerated routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations).toContainEqual({ method: 'GET', url: '/api/backup' });
    expect(stateChanging).toContainEqual({ method: 'POST', url: '/api/calendar/token' });
  });

  it('refuses a foreign host on every route with 421 HOST_NOT_ALLOWED (a DNS-rebinding page)', async () => {
    const refusedEverywhere = [];
    for (const op of [...operations, ...otherRoutes]) {
      refusedEverywhere.push({ ...op, ...(await send(op, { host: 'attacker.example' })) });
    }
    expect(refusedEverywhere.filter((r) => r.status !== 421 || r.code !== 'HOST_NOT_ALLOWED')).toEqual([]);
  });

  it.each([
    'attacker.example:4600',
    'localhost.attacker.example',
    '127.0.0.1.nip.io',
    'hearback.example.org.attacker.example',
    'localhost@attacker.example',
    'localhost/x',
    '[::2]',
    '10.0.0.1',
  ])('refuses the host %j', async (host) => {
    expect(await send({ method: 'GET', url: '/api/backup' }, { host })).toEqual({
      status: 421,
      code: 'HOST_NOT_ALLOWED',
    });
  });

  it.each([
    'localhost',
    'localhost:4600',
    'LOCALHOST:5173',
    '127.0.0.1:4600',
    '[::1]:4600',
    'hearback.example.org',
    'hearback.example.org:443',
    'tracker.internal',
  ])('answers the configured host %j', async (host) => {
    expect((await send({ method: 'GET', url: '/api/health' }, { host })).status).toBe(200);
  });
});

describe('state-changing requests from another site', () => {
  const host = 'localhost:4600';

  it('refuses a foreign Origin on every state-changing route with 403 CROSS_ORIGIN_REQUEST', async () => {
    const results = [];
    for (const op of stateChanging) {
      results.push({ ...op, ...(await send(op, { host, origin: 'http://attacker.example' })) });
    }
    expect(results.filter((r) => r.status !== 403 || r.code !== 'CROSS_ORIGIN_REQUEST')).toEqual([]);
  });

  it('refuses Sec-Fetch-Site: cross-site, Origin: null and another local port on every state-changing route', async () => {
    const results = [];
    for (const op of stateChanging) {
      for (const headers of [
        { 'sec-fetch-site': 'cross-site' } as Record<string, string>,
        { origin: 'null' },
        { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' },
      ]) {
        results.push({ ...op, headers, ...(await send(op, { host, ...headers })) });
      }
    }
    expect(results.filter((r) => r.status !== 403 || r.code !== 'CROSS_ORIGIN_REQUEST')).toEqual([]);
  });

  it('lets the same origin, the public URL and clients without an Origin (the CLI, scripts) through', async () => {
    const token = { method: 'POST', url: '/api/calendar/token' };
    expect(await send(token, { host })).toMatchObject({ status: 201 });
    const passes: Array<Record<string, string>> = [
      { host, origin: 'http://localhost:4600', 'sec-fetch-site': 'same-origin' },
      { host: '[::1]:4600', origin: 'http://[::1]:4600' },
      // Behind a TLS proxy that passes the public host through, or one that talks to 127.0.0.1 itself.
      { host: 'hearback.example.org', origin: 'https://hearback.example.org' },
      { host: '127.0.0.1:4600', origin: 'https://hearback.example.org' },
      { host, 'sec-fetch-site': 'none' },
    ];
    for (const headers of passes) {
      // The token exists by now: 409 is the route's own answer, past the guard.
      expect({ headers, ...(await send(token, headers)) }).toEqual({
        headers,
        status: 409,
        code: 'CALENDAR_FEED_EXISTS',
      });
    }
  });

  it('leaves reads from another site to the browser (it cannot read the answer without CORS)', async () => {
    expect(
      await send({ method: 'GET', url: '/api/health' }, { host, origin: 'http://attacker.example' }),
    ).toMatchObject({ status: 200 });
  });
});

describe('host names', () => {
  it('reads the host name of a Host header or list entry, refusing anything else', () => {
    expect(hostNameOf('Example.ORG:8080')).toBe('example.org');
    expect(hostNameOf('[::1]:4600')).toBe('[::1]');
    expect(hostNameOf('localhost.')).toBe('localhost');
    expect(hostNameOf('a@b')).toBeNull();
    expect(hostNameOf('a/b')).toBeNull();
    expect(hostNameOf('')).toBeNull();
  });

  it('warns on start when listening beyond loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost', '[::1]']) {
      expect(isLoopbackHost(host)).toBe(true);
      expect(exposureWarning(host)).toBeNull();
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'hearback.example.org']) {
      expect(exposureWarning(host)).toContain(`WARNING: hearback is listening on ${host}`);
    }
  });
});
