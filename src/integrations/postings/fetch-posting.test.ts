import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultUserAgent, fetchPosting } from './fetch-posting.js';
import { type FixtureHandler, type FixtureServer, startFixtureServer } from './fixtures/fixture-server.js';
import { PostingImportError } from './posting-import-error.js';

let server: FixtureServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: FixtureHandler): Promise<string> {
  server = await startFixtureServer(handler);
  return server.origin;
}

/** Fetches with the allowance for this test's own listener (the fetcher refuses loopback otherwise). */
function fetchLocal(url: string, options: Parameters<typeof fetchPosting>[1] = {}) {
  return fetchPosting(url, { privateAddresses: server?.allowance, ...options });
}

async function fetchError(
  url: string,
  options: Parameters<typeof fetchPosting>[1] = {},
): Promise<PostingImportError> {
  const error = await fetchLocal(url, options).then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostingImportError);
  return error as PostingImportError;
}

const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;

describe('fetchPosting', () => {
  it('fetches a page with a clear user agent and reports where it ended', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html('<h1>Zürich</h1>'));
    });
    const page = await fetchLocal(`${origin}/jobs/1`);
    expect(page).toEqual({
      url: `${origin}/jobs/1`,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: html('<h1>Zürich</h1>'),
      redirects: [],
      etag: null,
      lastModified: null,
    });
    expect(server!.requests[0]!.headers['user-agent']).toBe(defaultUserAgent);
    expect(defaultUserAgent).toMatch(/^hearback\/0\.1 \(\+https:\/\/\S+; personal job tracker\)$/);
  });

  it('decodes gzip and brotli bodies', async () => {
    const origin = await serve((req, res) => {
      const body = Buffer.from(html(`<p>${req.url}</p>`));
      const gzip = req.url === '/gzip';
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': gzip ? 'gzip' : 'br' });
      res.end(gzip ? zlib.gzipSync(body) : zlib.brotliCompressSync(body));
    });
    expect((await fetchLocal(`${origin}/gzip`)).body).toBe(html('<p>/gzip</p>'));
    expect((await fetchLocal(`${origin}/br`)).body).toBe(html('<p>/br</p>'));
  });

  it('decodes the declared charset, or the one a meta tag names', async () => {
    const origin = await serve((req, res) => {
      const declared = req.url === '/declared';
      res.writeHead(200, { 'content-type': declared ? 'text/html; charset=iso-8859-1' : 'text/html' });
      const meta = declared ? '' : '<meta charset="windows-1252">';
      res.end(Buffer.from(`<html><head>${meta}</head><body>Café €</body></html>`, 'latin1'));
    });
    expect((await fetchLocal(`${origin}/declared`)).body).toContain('Café');
    expect((await fetchLocal(`${origin}/meta`)).body).toContain('Café');
  });

  it('follows redirects, checking each hop, and reports them', async () => {
    const origin = await serve((req, res) => {
      if (req.url === '/short') {
        res.writeHead(301, { location: '/moved?x=1' });
        res.end();
      } else if (req.url === '/moved?x=1') {
        res.writeHead(302, { location: `${req.headers.host ? `http://${req.headers.host}` : ''}/final` });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html('final'));
      }
    });
    const page = await fetchLocal(`${origin}/short`);
    expect(page.url).toBe(`${origin}/final`);
    expect(page.redirects).toEqual([`${origin}/moved?x=1`, `${origin}/final`]);
  });

  it('stops a redirect loop at the redirect limit', async () => {
    const origin = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const error = await fetchError(`${origin}/a`, { maxRedirects: 3 });
    expect(error.code).toBe('POSTING_TOO_MANY_REDIRECTS');
    expect(error.message).toBe('The address redirected more than 3 times (a redirect loop?).');
    expect(server!.requests).toHaveLength(4);
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    expect((await fetchError(`${origin}/x`)).code).toBe('POSTING_UNSUPPORTED_URL');
  });

  it('refuses a page whose declared length is above the limit before reading it', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2_000_000) });
      res.write('<html>');
    });
    const error = await fetchError(`${origin}/big`, { maxBytes: 1_000_000 });
    expect(error.code).toBe('POSTING_TOO_LARGE');
    expect(error.details).toMatchObject({ maxBytes: 1_000_000 });
  });

  it('stops reading a page that never ends at the size limit', async () => {
    let closed: () => void = () => {};
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('close', closed);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    // A deadline far away: the answer is "too large", not "timed out", so reading stopped at the limit.
    const error = await fetchError(`${origin}/endless`, { maxBytes: 2 * 1024 * 1024, timeoutMs: 600_000 });
    expect(error.code).toBe('POSTING_TOO_LARGE');
    // And the connection was let go, not left streaming into a buffer nobody reads.
    await connectionClosed;
  });

  it('gives up on a page that trickles forever when the deadline passes', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>.</p>'), 20);
      res.on('close', () => clearInterval(timer));
    });
    // Bytes keep arriving every 20 ms, so only a deadline on the whole page (not an idle timer) ends this.
    const error = await fetchError(`${origin}/slow`, { timeoutMs: 300 });
    expect(error.code).toBe('POSTING_TIMEOUT');
    expect(error.message).toBe('The page did not load within 0.3 s.');
  });

  it('gives up on a server that never answers', async () => {
    const origin = await serve(() => {});
    expect((await fetchError(`${origin}/silent`, { timeoutMs: 200 })).code).toBe('POSTING_TIMEOUT');
  });

  it('stops a compression bomb at the decoded size limit', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    expect(bomb.length).toBeLessThan(100_000);
    expect((await fetchError(`${origin}/bomb`, { maxBytes: 1024 * 1024 })).code).toBe('POSTING_TOO_LARGE');
  });

  it('refuses binary content, whether declared or disguised as HTML', async () => {
    const garbage = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256));
    const origin = await serve((req, res) => {
      res.writeHead(200, {
        'content-type': req.url === '/declared' ? 'application/octet-stream' : 'text/html',
      });
      res.end(garbage);
    });
    const declared = await fetchError(`${origin}/declared`);
    expect(declared.code).toBe('POSTING_UNREADABLE');
    expect(declared.message).toBe('The address returns application/octet-stream, not a web page.');
    const disguised = await fetchError(`${origin}/disguised`);
    expect(disguised.code).toBe('POSTING_UNREADABLE');
    expect(disguised.message).toBe('The content is not text (it looks like binary data).');
  });

  it('tells a gone posting (404, 410) from a failing server', async () => {
    const origin = await serve((req, res) => {
      res.writeHead(Number(req.url?.slice(1)), { 'content-type': 'text/html' });
      res.end('status');
    });
    expect((await fetchError(`${origin}/404`)).code).toBe('POSTING_NOT_FOUND');
    expect((await fetchError(`${origin}/410`)).code).toBe('POSTING_NOT_FOUND');
    const failed = await fetchError(`${origin}/503`);
    expect(failed.code).toBe('POSTING_FETCH_FAILED');
    expect(failed.details).toMatchObject({ status: 503 });
  });

  it('refuses addresses that are not http or https, or carry credentials', async () => {
    expect((await fetchError('ftp://example.com/job')).code).toBe('POSTING_UNSUPPORTED_URL');
    expect((await fetchError('javascript:alert(1)')).code).toBe('POSTING_UNSUPPORTED_URL');
    expect((await fetchError('not a url')).code).toBe('POSTING_UNSUPPORTED_URL');
    expect((await fetchError('https://user:secret@example.com/job')).details).toEqual({
      url: 'https://example.com/job',
    });
  });

  it('reports a refused connection as a fetch failure', async () => {
    const origin = await serve(() => {});
    const privateAddresses = server!.allowance;
    await server!.close();
    server = null;
    const error = await fetchError(`${origin}/gone`, { privateAddresses });
    expect(error.code).toBe('POSTING_FETCH_FAILED');
    expect(error.details).toMatchObject({ reason: 'ECONNREFUSED' });
  });
});

describe('fetchPosting with conditional requests', () => {
  const lastModified = 'Mon, 02 Mar 2026 08:00:00 GMT';

  it('reports the validators of an answer and sends them back, taking a 304 as an answer', async () => {
    const origin = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': lastModified });
      res.end(html('posting'));
    });
    const first = await fetchLocal(`${origin}/job`);
    expect(first).toMatchObject({ status: 200, etag: '"v1"', lastModified, body: html('posting') });
    const second = await fetchLocal(`${origin}/job`, {
      conditional: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(second).toEqual({
      url: `${origin}/job`,
      status: 304,
      contentType: null,
      body: '',
      redirects: [],
      etag: '"v1"',
      lastModified: null,
    });
    expect(server!.requests[1]!.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': lastModified,
    });
    expect(server!.requests[0]!.headers['if-none-match']).toBeUndefined();
  });

  it('still refuses a 304 it did not ask for', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const error = await fetchError(`${origin}/job`);
    expect(error.code).toBe('POSTING_FETCH_FAILED');
    expect(error.details).toMatchObject({ status: 304 });
  });

  it('ignores validators too long or with characters that cannot go back into a header', async () => {
    const origin = await serve((req, res) => {
      const etag = req.url === '/long' ? `"${'x'.repeat(600)}"` : '"caf\u00e9"';
      res.writeHead(200, { 'content-type': 'text/html', etag });
      res.end(html('posting'));
    });
    expect((await fetchLocal(`${origin}/long`)).etag).toBeNull();
    expect((await fetchLocal(`${origin}/accent`)).etag).toBeNull();
    await fetchLocal(`${origin}/long`, { conditional: { etag: 'bad\nvalue', lastModified: '' } });
    expect(server!.requests[2]!.headers['if-none-match']).toBeUndefined();
    expect(server!.requests[2]!.headers['if-modified-since']).toBeUndefined();
  });

  it('passes on Retry-After with a 429 or 503', async () => {
    const origin = await serve((req, res) => {
      res.writeHead(req.url === '/busy' ? 429 : 503, {
        'retry-after': req.url === '/busy' ? '120' : lastModified,
      });
      res.end();
    });
    expect((await fetchError(`${origin}/busy`)).details).toMatchObject({ status: 429, retryAfter: '120' });
    expect((await fetchError(`${origin}/down`)).details).toMatchObject({
      status: 503,
      retryAfter: lastModified,
    });
  });
});

describe('fetchPosting and private addresses', () => {
  const ok: FixtureHandler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html('local'));
  };

  it('refuses 127.0.0.1 by default and fetches it when the policy allows it', async () => {
    const origin = await serve(ok);
    const error = await fetchError(`${origin}/x`, { privateAddresses: undefined });
    expect(error.code).toBe('POSTING_BLOCKED_ADDRESS');
    expect(error.details).toEqual({ host: '127.0.0.1', address: '127.0.0.1' });
    expect(server!.requests).toHaveLength(0);
    expect((await fetchLocal(`${origin}/x`, { privateAddresses: server!.allowance })).body).toBe(
      html('local'),
    );
  });

  it('refuses a name that resolves to loopback', async () => {
    const origin = await serve(ok);
    const port = new URL(origin).port;
    const resolveHost = async () => [{ address: '127.0.0.1', family: 4 as const }];
    const error = await fetchError(`http://jobs.hearback.test:${port}/x`, {
      resolveHost,
      privateAddresses: undefined,
    });
    expect(error.code).toBe('POSTING_BLOCKED_ADDRESS');
    expect(server!.requests).toHaveLength(0);
  });

  it('falls back from a refused first address to the next checked one', async () => {
    const origin = await serve(ok);
    const port = new URL(origin).port;
    const resolveHost = async () => [
      { address: '::1', family: 6 as const },
      { address: '127.0.0.1', family: 4 as const },
    ];
    const page = await fetchLocal(`http://dual.hearback.test:${port}/x`, { resolveHost, timeoutMs: 3_000 });
    expect(page.body).toBe(html('local'));
  });

  it('connects to the address it resolved once per hop, whatever DNS answers later', async () => {
    const origin = await serve((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { location: `http://second.hearback.test:${new URL(origin).port}/end` });
        res.end();
      } else ok(req, res);
    });
    const port = new URL(origin).port;
    const asked: string[] = [];
    const answers = ['127.0.0.1', '127.0.0.1', '10.255.255.1'];
    const resolveHost = async (host: string) => {
      asked.push(host);
      return [{ address: answers[asked.length - 1]!, family: 4 as const }];
    };
    const page = await fetchLocal(`http://first.hearback.test:${port}/start`, {
      resolveHost,
      timeoutMs: 2_000,
    });
    expect(page.body).toBe(html('local'));
    expect(asked).toEqual(['first.hearback.test', 'second.hearback.test']);
    expect(server!.requests.map((r) => r.headers.host)).toEqual([
      `first.hearback.test:${port}`,
      `second.hearback.test:${port}`,
    ]);
  });
});
