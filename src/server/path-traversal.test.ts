import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { buildApp } from './build-app.js';

/**
 * Path tricks against the web app's files, Swagger UI's files and the API: over real HTTP (an injected
 * request is parsed into a URL first, which undoes the very tricks under test), no 5xx, and nothing from
 * outside the web app's folder, however the path is spelled.
 */
const secret = 'SECRET-OUTSIDE-THE-WEB-ROOT';
const indexHtml = '<!doctype html><title>hearback</title><div id="root"></div>';
const asset = 'console.log("asset")';

let base: string;
let runtime: TestRuntime;
let app: FastifyInstance;
let port: number;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-traversal-'));
  const root = path.join(base, 'a', 'b', 'web');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), asset);
  fs.writeFileSync(path.join(root, '.env'), secret);
  fs.writeFileSync(path.join(root, 'assets', '.secret'), secret);
  // The names the corpus asks for, at every depth above the web root.
  for (const dir of [base, path.join(base, 'a'), path.join(base, 'a', 'b')]) {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ secret }));
    fs.writeFileSync(path.join(dir, 'secret.txt'), secret);
  }
  runtime = await openTestRuntime('sqlite');
  app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect, webRoot: root });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  agent.destroy();
  await app.close();
  await runtime.close();
  fs.rmSync(base, { recursive: true, force: true });
});

/** Sends the path exactly as written (only characters HTTP cannot carry at all are percent-encoded). */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  const target = rawPath.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const prefixes = ['/', '/assets/', '/api/docs/static/', '/api/docs/', '/api/', '/ics/', '/r/'];

/** Answers each path, and collects every 5xx and every answer that carries something from outside the root. */
async function probe(paths: readonly string[]): Promise<{ failures: string[]; statuses: Set<number> }> {
  const failures: string[] = [];
  const statuses = new Set<number>();
  for (const p of paths) {
    const { status, body } = await get(p);
    statuses.add(status);
    if (status >= 500) failures.push(`${status} ${p}: ${body.slice(0, 200)}`);
    if (body.includes(secret) || body.includes('root:x:0:0')) failures.push(`leaked: ${p}`);
  }
  return { failures, statuses };
}

const builtIn = [
  '/assets/..%2f..%2fpackage.json',
  '/assets/..%2F..%2F..%2Fsecret.txt',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  '/assets/..%5c..%5cpackage.json',
  '/assets/..\\..\\package.json',
  '/assets/%5c..%5c..%5cpackage.json',
  '/assets/%252e%252e%252fpackage.json',
  '/assets/..%c0%af..%c0%afpackage.json',
  '/assets/.%2e/.%2e/package.json',
  '/assets/....//....//package.json',
  '/assets/.secret',
  '/assets/%2esecret',
  '/assets/index-abc123.js%00.png',
  '/assets/%00',
  '/assets/%',
  '/assets/%E0%A4%A',
  '/assets/',
  '/assets//etc/passwd',
  '/assets/%2fetc%2fpasswd',
  '/api/docs/static/\\..\\x',
  '/api/docs/static/\\..\\..\\package.json',
  '/api/docs/static/..%2f..%2f..%2fpackage.json',
  '/api/docs/static/%2e%2e%2f%2e%2e%2fpackage.json',
  '/api/docs/static/%00',
  '/api/docs/static/.env',
  '/.env',
  '/%2e%2e/%2e%2e/package.json',
  '/..%2f..%2fpackage.json',
  '/\\..\\..\\package.json',
  '/%',
  '/%00',
  '/favicon.svg%00',
  '/api/%2e%2e/%2e%2e/package.json',
  '/api/..%2f..%2fpackage.json',
  '/ics/..%2f..%2fpackage.json',
  '/r/..%2f..%2fpackage.json',
  '//etc/passwd',
  '/..',
  '/../../../../etc/passwd',
];

describe('path tricks', () => {
  it('answers the built-in traversal cases with 400 or 404 (or the app page), never 5xx or a file outside', async () => {
    const { failures, statuses } = await probe(builtIn);
    expect(failures).toEqual([]);
    for (const status of statuses) expect([200, 400, 404]).toContain(status);
    expect(await get('/assets/..%2f..%2fpackage.json')).toMatchObject({ status: 404 });
    expect((await get('/api/docs/static/\\..\\x')).status).toBe(404);
    const malformed = await get('/assets/%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('INVALID_PATH');
    const nul = await get('/assets/%00');
    expect(nul.status).toBeLessThan(500);
    expect(JSON.parse(nul.body).error.code).toMatch(/^(INVALID_PATH|ROUTE_NOT_FOUND)$/);
  });

  it('still serves what is inside the web root', async () => {
    expect(await get('/assets/index-abc123.js')).toEqual({ status: 200, body: asset });
    expect(await get('/applications/01JABC')).toEqual({ status: 200, body: indexHtml });
    expect((await get('/api/docs/static/swagger-ui.css')).status).toBe(200);
  });

  it('answers a Range outside a file with 416 and a failed precondition with 412, not 500', async () => {
    for (const url of ['/assets/index-abc123.js', '/api/docs/static/swagger-ui.css', '/board']) {
      const range = await app.inject({ url, headers: { range: 'bytes=99999999-' } });
      expect({ url, status: range.statusCode, code: range.json().error.code }).toEqual({
        url,
        status: 416,
        code: 'RANGE_NOT_SATISFIABLE',
      });
      for (const headers of [
        { 'if-match': '"not-this-one"' },
        { 'if-unmodified-since': 'Mon, 01 Jan 1990 00:00:00 GMT' },
      ]) {
        const precondition = await app.inject({ url, headers });
        expect({ url, status: precondition.statusCode, code: precondition.json().error.code }).toEqual({
          url,
          status: 412,
          code: 'PRECONDITION_FAILED',
        });
      }
    }
    expect((await app.inject({ url: '/assets/index-abc123.js', headers: { range: 'bytes=0-6' } })).body).toBe(
      asset.slice(0, 7),
    );
  });

  it.skipIf(!hasCorpora())(
    'answers every path of the shared traversal corpus under every prefix without 5xx or a leak',
    async () => {
      const dir = corpusPath('payloads', 'payloadsallthethings', 'path-traversal');
      const lines = fs
        .readdirSync(dir)
        .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/))
        .filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(500);
      const paths = prefixes.flatMap((prefix) =>
        lines.flatMap((line) =>
          ['package.json', 'secret.txt'].map((file) => {
            const payload = line.replaceAll('{FILE}', file);
            return payload.startsWith('/') ? `${prefix.slice(0, -1)}${payload}` : `${prefix}${payload}`;
          }),
        ),
      );
      const { failures } = await probe(paths);
      expect(failures).toEqual([]);
    },
    300_000,
  );
});

if (!hasCorpora()) console.warn(`path-traversal.test.ts: ${corporaSkipMessage}`);
