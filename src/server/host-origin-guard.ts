import type { FastifyInstance, FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { AppError } from '../core/errors.js';
import { hostNameOf } from './host-name.js';

export { hostNameOf };

/**
 * hearback usually runs on the user's own machine without accounts, so a web page must not be able to drive
 * it. Two checks on every request, before any route:
 *
 * - the Host header must name this server (the loopback names, the public URL's host, HEARBACK_ALLOWED_HOSTS):
 *   a DNS-rebinding page reaches 127.0.0.1 under its own name (`Host: attacker.example`) and is refused;
 * - a state-changing request (POST, PUT, PATCH, DELETE) must not come from another site: a browser marks it
 *   with `Origin` and `Sec-Fetch-Site`, which a page cannot forge; the CLI and scripts send neither and pass.
 */
export const loopbackHostNames = ['localhost', '127.0.0.1', '[::1]'] as const;

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HostOriginGuardOptions = {
  /** Host names (any port) the server answers to besides the loopback names: the public URL's, and more. */
  readonly allowedHosts?: readonly string[];
  /** Origins allowed to make state-changing requests besides the request's own (the public URL's). */
  readonly allowedOrigins?: readonly string[];
  /**
   * The browser extension's origins (chrome-extension://…, moz-extension://…): allowed to send to the
   * extension's own routes (/api/extension/pair and /clips) only, which check its token themselves.
   */
  readonly extensionOrigins?: readonly string[];
};

const extensionRoutePrefix = '/api/extension/';

/** True for the names and addresses of this machine's loopback interface (what HOST=127.0.0.1 binds to). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'loopback';
}

export function registerHostOriginGuard(
  fastify: FastifyInstance,
  options: HostOriginGuardOptions = {},
): void {
  const allowedHosts = new Set<string>(loopbackHostNames);
  for (const host of options.allowedHosts ?? []) {
    const name = hostNameOf(host);
    if (name) allowedHosts.add(name);
  }
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? []).flatMap((origin) => {
      const parsed = parseOrigin(origin);
      return parsed ? [parsed] : [];
    }),
  );

  const extensionOrigins = new Set((options.extensionOrigins ?? []).map((origin) => origin.toLowerCase()));

  fastify.addHook('onRequest', async (request) => {
    const host = request.headers.host;
    // HTTP/1.0 without a Host header cannot be a browser on a rebound name; everything else must name us.
    if (host !== undefined) {
      const name = hostNameOf(host);
      if (name === null || !allowedHosts.has(name)) {
        throw new AppError(
          'HOST_NOT_ALLOWED',
          `This hearback does not answer to the host ${JSON.stringify(host.slice(0, 200))}; if it is yours, add it to HEARBACK_ALLOWED_HOSTS or set HEARBACK_PUBLIC_URL`,
          { host: host.slice(0, 200) },
        );
      }
    }
    if (!stateChangingMethods.has(request.method)) return;
    if (isFromExtension(request, extensionOrigins)) return;
    if (isCrossOrigin(request, allowedOrigins)) {
      throw new AppError(
        'CROSS_ORIGIN_REQUEST',
        'A page from another site cannot change data here; open hearback itself to do this',
        {
          origin: headerText(request.headers.origin),
          secFetchSite: headerText(request.headers['sec-fetch-site']),
        },
      );
    }
  });
}

function isFromExtension(request: FastifyRequest, extensionOrigins: ReadonlySet<string>): boolean {
  const origin = headerText(request.headers.origin);
  return (
    origin !== null &&
    extensionOrigins.has(origin.toLowerCase()) &&
    (request.url.split('?')[0] ?? '').startsWith(extensionRoutePrefix)
  );
}

function isCrossOrigin(request: FastifyRequest, allowedOrigins: ReadonlySet<string>): boolean {
  if (headerText(request.headers['sec-fetch-site']) === 'cross-site') return true;
  const origin = headerText(request.headers.origin);
  if (origin === null) return false;
  // A page with `Referrer-Policy: no-referrer` (the employer response link's) makes the browser send
  // `Origin: null` on its own form; Sec-Fetch-Site still says where the request came from, and a
  // sandboxed frame or a file says `cross-site` or `none` there, never `same-origin`.
  if (origin === 'null' && headerText(request.headers['sec-fetch-site']) === 'same-origin') return false;
  // Browsers older than Sec-Fetch-Site (Safari before 16.4) send that form's `Origin: null` alone. The
  // response link's answer does not rest on this check: it needs a one-time nonce bound to a SameSite=Strict
  // cookie, which a request started by another site never carries. So only there is `null` alone let through.
  if (origin === 'null' && request.headers['sec-fetch-site'] === undefined && isResponseLinkAnswer(request))
    return false;
  const parsed = parseOrigin(origin);
  if (parsed === null) return true; // `null` (a sandboxed frame, a file) or garbage
  if (allowedOrigins.has(parsed)) return false;
  const host = request.headers.host;
  if (host === undefined) return true;
  try {
    // Same origin: the page's host and port are the ones this request was sent to. The scheme is not
    // compared: behind a TLS proxy the page is https and the request reaching us is http.
    return new URL(parsed).host !== new URL(`${new URL(parsed).protocol}//${host}`).host;
  } catch {
    return true;
  }
}

function isResponseLinkAnswer(request: FastifyRequest): boolean {
  return request.method === 'POST' && /^\/r\/[^/?#]+(?:\?|$)/.test(request.url);
}

/** `scheme://host[:port]` of an http(s) origin, lower-cased with the default port dropped; null otherwise. */
function parseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return (Array.isArray(value) ? value.join(', ') : value).slice(0, 200);
}

/**
 * What the server says loudly on start when it listens beyond this machine: hearback has no accounts yet
 * (server mode does not exist), so anyone who reaches the port reads and changes everything. Null on loopback.
 */
export function exposureWarning(listenHost: string): string | null {
  if (isLoopbackHost(listenHost)) return null;
  return [
    '',
    `!!! WARNING: hearback is listening on ${listenHost}, not on this machine only (127.0.0.1).`,
    '!!! It has no accounts yet: anyone who can reach this port can read and change all your data.',
    '!!! Unless that is what you want, set HOST=127.0.0.1, or put hearback behind a proxy that asks for a login.',
    '',
  ].join('\n');
}
