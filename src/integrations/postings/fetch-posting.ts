import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import {
  type PrivateAddressPolicy,
  pinLookup,
  type ResolveHost,
  resolveAllowedAddresses,
  resolveWithSystemDns,
} from './address-guard.js';
import { PostingImportError } from './posting-import-error.js';
import { looksLikeBinary } from './posting-values.js';

/**
 * Fetches one posting page (or one ATS API response) politely and safely: a clear User-Agent, one request
 * at a time, a deadline over the whole exchange, a cap on the decoded size (so a compressed bomb or a page
 * that never ends stops at the cap), redirects followed by hand so each hop is checked again.
 */
export const defaultUserAgent = 'hearback/0.1 (+https://github.com/hearback/hearback; personal job tracker)';

export const fetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
} as const;

export type FetchPostingOptions = {
  /** Deadline for the whole fetch, redirects and body included. */
  readonly timeoutMs?: number;
  /** Cap on the decoded body, in bytes. */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /**
   * Which loopback, private, carrier-grade NAT or unique-local addresses may be fetched anyway; none when
   * absent. Link-local, metadata and other non-public addresses are never fetched.
   */
  readonly privateAddresses?: PrivateAddressPolicy;
  readonly userAgent?: string;
  readonly accept?: string;
  readonly signal?: AbortSignal;
  /** Stands in for DNS in tests; the connection always goes to the address this answered. */
  readonly resolveHost?: ResolveHost;
  /**
   * The validators of an earlier answer (the posting watch): sent as If-None-Match / If-Modified-Since, and
   * a 304 answer then resolves with status 304 and an empty body instead of failing.
   */
  readonly conditional?: { readonly etag?: string | null; readonly lastModified?: string | null };
};

export type FetchedPosting = {
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
  readonly redirects: readonly string[];
  /** The answer's validators, for a conditional request next time; null when absent or unusable. */
  readonly etag: string | null;
  readonly lastModified: string | null;
};

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const readableTypes = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/json',
  'application/ld+json',
];

export function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new PostingImportError('POSTING_UNSUPPORTED_URL', `"${raw.slice(0, 200)}" is not a web address.`, {
      url: raw.slice(0, 2_048),
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PostingImportError(
      'POSTING_UNSUPPORTED_URL',
      `Only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, '')}.`,
      { url: url.href.slice(0, 2_048) },
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new PostingImportError(
      'POSTING_UNSUPPORTED_URL',
      'The address contains a user name or password; give the public posting address instead.',
      { url: `${url.protocol}//${url.host}${url.pathname}` },
    );
  }
  return url;
}

export async function fetchPosting(
  rawUrl: string,
  options: FetchPostingOptions = {},
): Promise<FetchedPosting> {
  const timeoutMs = options.timeoutMs ?? fetchLimits.timeoutMs;
  const maxBytes = options.maxBytes ?? fetchLimits.maxBytes;
  const maxRedirects = options.maxRedirects ?? fetchLimits.maxRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new PostingImportError('POSTING_TIMEOUT', `The page did not load within ${formatSeconds(timeoutMs)}.`, {
        timeoutMs,
      }),
    );
  }, timeoutMs);
  const forwardAbort = () => {
    controller.abort(
      options.signal?.reason instanceof Error ? options.signal.reason : new Error('The fetch was cancelled.'),
    );
  };
  if (options.signal?.aborted) forwardAbort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    return await followRedirects(parseWebUrl(rawUrl), {
      maxBytes,
      maxRedirects,
      signal: controller.signal,
      privateAddresses: options.privateAddresses,
      resolveHost: options.resolveHost ?? resolveWithSystemDns,
      headers: {
        'user-agent': options.userAgent ?? defaultUserAgent,
        accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'en;q=0.9, *;q=0.5',
        ...conditionalHeaders(options.conditional),
      },
      isConditional: Object.keys(conditionalHeaders(options.conditional)).length > 0,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

type HopContext = {
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly signal: AbortSignal;
  readonly privateAddresses?: PrivateAddressPolicy;
  readonly resolveHost: ResolveHost;
  readonly headers: Readonly<Record<string, string>>;
  readonly isConditional: boolean;
};

async function followRedirects(start: URL, context: HopContext): Promise<FetchedPosting> {
  const redirects: string[] = [];
  let url = start;
  for (;;) {
    const pinned = await raceAbort(
      resolveAllowedAddresses(url.hostname, portOf(url), {
        privateAddresses: context.privateAddresses,
        resolveHost: context.resolveHost,
      }),
      context.signal,
    );
    const response = await raceAbort(
      sendRequest(url, context.headers, pinLookup(pinned), context.signal),
      context.signal,
    );
    const status = response.statusCode ?? 0;
    if (redirectStatuses.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (!location) {
        throw new PostingImportError(
          'POSTING_FETCH_FAILED',
          `${url.host} answered a redirect without a target.`,
          {
            url: url.href,
            status,
          },
        );
      }
      if (redirects.length >= context.maxRedirects) {
        throw new PostingImportError(
          'POSTING_TOO_MANY_REDIRECTS',
          `The address redirected more than ${context.maxRedirects} times (a redirect loop?).`,
          { url: start.href, redirects: [...redirects] },
        );
      }
      url = parseWebUrl(new URL(location, url).href);
      redirects.push(url.href);
      continue;
    }
    if (status === 304 && context.isConditional) {
      response.destroy();
      return {
        url: url.href,
        status,
        contentType: null,
        body: '',
        redirects,
        ...validatorsOf(response),
      };
    }
    if (status === 404 || status === 410) {
      response.destroy();
      throw new PostingImportError(
        'POSTING_NOT_FOUND',
        `The posting is gone (${url.host} answered ${status}); it may have been closed.`,
        { url: url.href, status },
      );
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      const retryAfter = headerValue(response.headers['retry-after']);
      throw new PostingImportError('POSTING_FETCH_FAILED', `${url.host} answered HTTP ${status}.`, {
        url: url.href,
        status,
        ...(retryAfter !== null && { retryAfter }),
      });
    }
    const contentType = response.headers['content-type'] ?? null;
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (mediaType !== '' && !readableTypes.includes(mediaType)) {
      response.destroy();
      throw new PostingImportError(
        'POSTING_UNREADABLE',
        `The address returns ${mediaType}, not a web page.`,
        { url: url.href, contentType },
      );
    }
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > context.maxBytes) {
      response.destroy();
      throw tooLarge(url, context.maxBytes);
    }
    const bytes = await raceAbort(readBody(response, url, context.maxBytes), context.signal);
    const body = decodeText(bytes, contentType, url);
    return { url: url.href, status, contentType, body, redirects, ...validatorsOf(response) };
  }
}

/** Validators longer than this are not worth echoing back (and a hostile server could make them huge). */
const maxValidatorLength = 512;

function conditionalHeaders(conditional: FetchPostingOptions['conditional']): Record<string, string> {
  const headers: Record<string, string> = {};
  const etag = usableValidator(conditional?.etag ?? null);
  const lastModified = usableValidator(conditional?.lastModified ?? null);
  if (etag !== null) headers['if-none-match'] = etag;
  if (lastModified !== null) headers['if-modified-since'] = lastModified;
  return headers;
}

function validatorsOf(response: http.IncomingMessage): { etag: string | null; lastModified: string | null } {
  return {
    etag: usableValidator(headerValue(response.headers.etag)),
    lastModified: usableValidator(headerValue(response.headers['last-modified'])),
  };
}

function usableValidator(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  // Only visible ASCII and spaces can go back out in a request header.
  return trimmed !== '' && trimmed.length <= maxValidatorLength && /^[\x20-\x7e]+$/.test(trimmed)
    ? trimmed
    : null;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function sendRequest(
  url: URL,
  headers: Readonly<Record<string, string>>,
  lookup: ReturnType<typeof pinLookup>,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { ...headers },
      lookup,
      agent: false,
    });
    const onAbort = () => request.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('response', (response) => {
      response.on('close', () => signal.removeEventListener('abort', onAbort));
      resolve(response);
    });
    request.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(
        error instanceof PostingImportError
          ? error
          : new PostingImportError('POSTING_FETCH_FAILED', `Could not reach ${url.host}: ${error.message}`, {
              url: url.href,
              reason: (error as NodeJS.ErrnoException).code ?? 'network',
            }),
      );
    });
    request.end();
  });
}

async function readBody(response: http.IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let source: Readable = response;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (decoder) {
    source = pipeline(response, decoder, () => {});
  } else if (encoding !== 'identity' && encoding !== '') {
    response.destroy();
    throw new PostingImportError(
      'POSTING_UNREADABLE',
      `The page is compressed as ${encoding}, which is not supported.`,
      {
        url: url.href,
      },
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) {
        response.destroy();
        source.destroy();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof PostingImportError) throw error;
    throw new PostingImportError(
      'POSTING_FETCH_FAILED',
      `The page from ${url.host} could not be read: ${(error as Error).message}`,
      {
        url: url.href,
        reason: (error as NodeJS.ErrnoException).code ?? 'read',
      },
    );
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(url: URL, maxBytes: number): PostingImportError {
  return new PostingImportError(
    'POSTING_TOO_LARGE',
    `The page is larger than ${formatBytes(maxBytes)}; hearback stops reading there.`,
    { url: url.href, maxBytes },
  );
}

/**
 * Decodes by the declared charset, else a BOM, else a `<meta charset>` near the top, else UTF-8, and refuses
 * bodies that are plainly not text (NUL bytes, or mostly undecodable bytes).
 */
export function decodeText(bytes: Buffer, contentType: string | null, url: URL | null = null): string {
  const charset = charsetOf(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const isUtf16 = decoder.encoding.startsWith('utf-16');
  const head = bytes.subarray(0, 8_192);
  if (!isUtf16 && head.includes(0)) throw notText(url);
  const text = decoder.decode(bytes);
  if (looksLikeBinary(text)) throw notText(url);
  return text;
}

function notText(url: URL | null): PostingImportError {
  return new PostingImportError(
    'POSTING_UNREADABLE',
    'The content is not text (it looks like binary data).',
    {
      url: url?.href ?? null,
    },
  );
}

function charsetOf(bytes: Buffer, contentType: string | null): string {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) return declared.toLowerCase();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 2_048).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return meta ? meta.toLowerCase() : 'utf-8';
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
