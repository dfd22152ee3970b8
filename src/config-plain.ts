import path from 'node:path';
import type { Environment } from './config.js';
import { hostNameOf } from './server/host-name.js';

/**
 * The configuration without zod (config.ts re-exports all of it, with the environment's schema and
 * `loadConfig`): every CLI command reads the usual environment from here and loads no zod (issue 12, item 11).
 * .env.example lists each variable with its default.
 */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined, fallback: T) =>
  value === undefined ? fallback : values.includes(value as T) ? (value as T) : undefined;

/**
 * The common environment read without zod, with the same result as the schema: only variables whose check
 * is an exact comparison. Anything else set (a public URL, allowed hosts, proxies, a port that is not plain
 * digits) or anything the schema would refuse gives undefined, and the schema reads it and names the problem.
 */
export function readPlainEnvironment(set: Record<string, string | undefined>): Environment | undefined {
  const has = (name: string) => set[name] !== undefined;
  const checkedBySchema = [
    'HEARBACK_PUBLIC_URL',
    'HEARBACK_ALLOWED_HOSTS',
    'HEARBACK_TRUST_PROXY',
    'HEARBACK_EXTENSION_ORIGINS',
    'HEARBACK_SECRET_KEY',
    'HEARBACK_SMTP_URL',
    'HEARBACK_MAIL_FROM',
    'HEARBACK_REQUIRE_EMAIL_VERIFICATION',
  ];
  if (checkedBySchema.some(has)) return;
  const port = set.PORT;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65_535)) return;
  const databaseUrl = set.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) return;
  const logLevel = oneOf(logLevels, set.LOG_LEVEL, 'info');
  const allowPrivateFetch = oneOf(['0', '1', 'false', 'true'], set.HEARBACK_ALLOW_PRIVATE_FETCH, '0');
  const mode = oneOf(['local', 'server'], set.HEARBACK_MODE, 'local');
  const signUp = oneOf(['on', 'off'], set.HEARBACK_SIGN_UP, 'on');
  if (!logLevel || !allowPrivateFetch || !mode || !signUp) return;
  return {
    HEARBACK_DATA_DIR: set.HEARBACK_DATA_DIR ?? './data',
    ...(databaseUrl !== undefined && { DATABASE_URL: databaseUrl }),
    PORT: port === undefined ? 4600 : Number(port),
    HOST: set.HOST ?? '127.0.0.1',
    LOG_LEVEL: logLevel,
    HEARBACK_ALLOWED_HOSTS: [],
    HEARBACK_EXTENSION_ORIGINS: [],
    HEARBACK_ALLOW_PRIVATE_FETCH: allowPrivateFetch,
    HEARBACK_MODE: mode,
    ...(set.HEARBACK_AUTH_SECRET !== undefined && { HEARBACK_AUTH_SECRET: set.HEARBACK_AUTH_SECRET }),
    HEARBACK_SIGN_UP: signUp,
  };
}

/** Fewer bytes than this in HEARBACK_AUTH_SECRET are refused: it signs every session cookie. */
export const minimumAuthSecretBytes = 32;

export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite' };

/**
 * Server mode (HEARBACK_MODE=server): accounts, every /api route behind a session. Local mode has none of it.
 */
export type AccountsConfig = {
  /** Signs session cookies and tokens; at least 32 bytes (HEARBACK_AUTH_SECRET). */
  readonly secret: string;
  /** HEARBACK_SIGN_UP=off: nobody can create an account through the API (operators add them). */
  readonly signUp: boolean;
  /**
   * HEARBACK_SMTP_URL and HEARBACK_MAIL_FROM: the server's own mail (invitations, password reset, email
   * verification); null without HEARBACK_SMTP_URL, when nothing is emailed.
   */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null;
  /**
   * HEARBACK_REQUIRE_EMAIL_VERIFICATION (default: on when the server has mail): a new account signs in
   * only after opening the link emailed to it.
   */
  readonly requireEmailVerification: boolean;
};

export type Config = {
  readonly mode: 'local' | 'server';
  /** Present in server mode only. */
  readonly accounts: AccountsConfig | null;
  /**
   * HEARBACK_TRUST_PROXY: whose X-Forwarded-For to believe for the client's address (the sign-in rate limit
   * counts by it): a number of proxy hops, or the proxies' addresses. Unset: the connection's own address.
   */
  readonly trustProxy: number | string | null;
  readonly dataDir: string;
  /**
   * HEARBACK_SECRET_KEY: encrypts the stored mailbox password (docs/inbox.md); unset, a key file
   * `secret.key` in the data directory is made on first use.
   */
  readonly secretKey: string | null;
  readonly database: DatabaseTarget;
  readonly server: { readonly port: number; readonly host: string };
  readonly logLevel: (typeof logLevels)[number];
  /** The base of links in calendar events and emails; no trailing slash. */
  readonly publicUrl: string;
  /**
   * The base of employer response links: the public URL when HEARBACK_PUBLIC_URL is set, else null, since
   * the default address (this machine's) is one no employer can open (docs/response-link.md).
   */
  readonly responseLinkBase: string | null;
  /**
   * HEARBACK_ALLOW_PRIVATE_FETCH=1: "Add from URL" and the posting watch may fetch loopback, private and
   * other local-network addresses (postings on an intranet). Off by default; each such fetch is logged.
   */
  readonly allowPrivateFetch: boolean;
  /**
   * Host names the server answers to besides the loopback names (any port): the public URL's host and
   * HEARBACK_ALLOWED_HOSTS. Requests naming any other host are refused (DNS rebinding).
   */
  readonly allowedHosts: readonly string[];
  /**
   * Browser extension origins allowed besides the Chromium extension's fixed one (HEARBACK_EXTENSION_ORIGINS):
   * Firefox gives each installation its own moz-extension:// origin (docs/extension.md).
   */
  readonly extensionOrigins: readonly string[];
};

/** The process environment, read here and nowhere else: main.ts and the CLI take it from this. */
export function processEnvironment(): Record<string, string | undefined> {
  return process.env;
}

/**
 * What the CLI's output takes from the environment, known before (and without) a valid configuration:
 * NO_COLOR (https://no-color.org) and HEARBACK_DEBUG (print the stack of an unexpected error).
 */
export function outputEnvironment(env: Record<string, string | undefined>): {
  readonly noColor: boolean;
  readonly debug: boolean;
} {
  return { noColor: Boolean(env.NO_COLOR), debug: Boolean(env.HEARBACK_DEBUG) };
}
/** The environment as a variable set: an empty variable (`DATABASE_URL=` in a .env file) means "not set". */
export function setVariables(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/**
 * The configuration of the common environment, read without zod (`readPlainEnvironment`); undefined when the
 * environment needs the schema (config.ts's `loadConfig`, which then reads it or names its problems).
 */
export function loadPlainConfig(
  env: Record<string, string | undefined>,
  overrides: { dataDir?: string } = {},
): Config | undefined {
  const e = readPlainEnvironment(setVariables(env));
  return e && configFrom(e, overrides);
}

/** The configuration of a checked environment. */
export function configFrom(e: Environment, overrides: { dataDir?: string } = {}): Config {
  if (e.HEARBACK_MODE === 'server') checkServerMode(e);
  const dataDir = path.resolve(overrides.dataDir ?? e.HEARBACK_DATA_DIR);
  const publicUrl = (e.HEARBACK_PUBLIC_URL ?? defaultPublicUrl(e.HOST, e.PORT)).replace(/\/+$/, '');
  return {
    mode: e.HEARBACK_MODE,
    accounts:
      e.HEARBACK_MODE === 'server'
        ? {
            secret: e.HEARBACK_AUTH_SECRET!,
            signUp: e.HEARBACK_SIGN_UP === 'on',
            mail: e.HEARBACK_SMTP_URL
              ? {
                  smtpUrl: e.HEARBACK_SMTP_URL,
                  from: e.HEARBACK_MAIL_FROM ?? `hearback@${mailDomainOf(publicUrl)}`,
                }
              : null,
            requireEmailVerification:
              (e.HEARBACK_REQUIRE_EMAIL_VERIFICATION ?? (e.HEARBACK_SMTP_URL ? 'on' : 'off')) === 'on',
          }
        : null,
    trustProxy:
      e.HEARBACK_TRUST_PROXY === undefined
        ? null
        : /^\d+$/.test(e.HEARBACK_TRUST_PROXY)
          ? Number(e.HEARBACK_TRUST_PROXY)
          : e.HEARBACK_TRUST_PROXY,
    dataDir,
    secretKey: e.HEARBACK_SECRET_KEY ?? null,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'hearback.db') },
    server: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    publicUrl,
    responseLinkBase: e.HEARBACK_PUBLIC_URL ? publicUrl : null,
    allowPrivateFetch: e.HEARBACK_ALLOW_PRIVATE_FETCH === '1' || e.HEARBACK_ALLOW_PRIVATE_FETCH === 'true',
    allowedHosts: [
      ...new Set([new URL(publicUrl).hostname, ...e.HEARBACK_ALLOWED_HOSTS.map((h) => hostNameOf(h)!)]),
    ],
    extensionOrigins: e.HEARBACK_EXTENSION_ORIGINS,
  };
}

/**
 * Server mode serves many people from one PostgreSQL: it needs the address they use (cookies, links, the
 * allowed origin) and a secret to sign sessions with. Each missing piece is named, all at once.
 */
function checkServerMode(e: Environment): void {
  const problems: string[] = [];
  if (!e.DATABASE_URL)
    problems.push('DATABASE_URL: server mode runs on PostgreSQL only; set a postgres:// URL');
  if (!e.HEARBACK_PUBLIC_URL)
    problems.push(
      'HEARBACK_PUBLIC_URL: server mode needs the address people use, e.g. https://hearback.example.org',
    );
  const secretBytes = Buffer.byteLength(e.HEARBACK_AUTH_SECRET ?? '', 'utf8');
  if (secretBytes < minimumAuthSecretBytes)
    problems.push(
      `HEARBACK_AUTH_SECRET: server mode needs a secret of at least ${minimumAuthSecretBytes} bytes (${
        e.HEARBACK_AUTH_SECRET === undefined ? 'it is not set' : `it has ${secretBytes}`
      }); make one with: openssl rand -base64 48`,
    );
  if (
    e.HEARBACK_SMTP_URL &&
    !e.HEARBACK_MAIL_FROM &&
    e.HEARBACK_PUBLIC_URL &&
    !mailDomainOf(e.HEARBACK_PUBLIC_URL)
  )
    problems.push(
      `HEARBACK_MAIL_FROM: the public URL's host (${new URL(e.HEARBACK_PUBLIC_URL).hostname}) is not a domain name to send from; set the From address, e.g. hearback@example.org`,
    );
  if (e.HEARBACK_REQUIRE_EMAIL_VERIFICATION === 'on' && !e.HEARBACK_SMTP_URL)
    problems.push(
      'HEARBACK_REQUIRE_EMAIL_VERIFICATION: on needs HEARBACK_SMTP_URL, the server that sends the verification emails',
    );
  if (problems.length > 0)
    throw new Error(`Invalid configuration for HEARBACK_MODE=server:\n  ${problems.join('\n  ')}`);
}

/** The public URL's host when it is a domain name mail can come from (not an IP address, not localhost). */
function mailDomainOf(url: string): string | null {
  const host = new URL(url).hostname;
  return /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) && !host.endsWith('.localhost') ? host : null;
}

/** Where a browser on this machine reaches the server; an any-address bind is reached as localhost. */
function defaultPublicUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The effective configuration for the start-up log, with the database password masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    mode: config.mode,
    ...(config.accounts && {
      signUp: config.accounts.signUp,
      authSecret: '***',
      mail: config.accounts.mail && {
        smtpUrl: maskUrl(config.accounts.mail.smtpUrl),
        from: config.accounts.mail.from,
      },
      requireEmailVerification: config.accounts.requireEmailVerification,
    }),
    trustProxy: config.trustProxy,
    dataDir: config.dataDir,
    ...(config.secretKey && { secretKey: '***' }),
    database: config.database.kind === 'postgres' ? maskUrl(config.database.url) : config.database,
    host: config.server.host,
    port: config.server.port,
    logLevel: config.logLevel,
    publicUrl: config.publicUrl,
    allowPrivateFetch: config.allowPrivateFetch,
    allowedHosts: config.allowedHosts,
    extensionOrigins: config.extensionOrigins,
  };
}

function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://***';
  }
}
