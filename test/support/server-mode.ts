import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Accounts } from '../../src/core/ports.js';
import { createAccounts } from '../../src/runtime.js';
import { buildApp } from '../../src/server/build-app.js';
import { openTestRuntime, type TestRuntime, testSystem } from './test-runtime.js';

/** A server-mode app (accounts, sessions) on PostgreSQL: TEST_DATABASE_URL's server, or else PGlite. */
export type ServerModeApp = {
  readonly app: FastifyInstance;
  readonly runtime: TestRuntime;
  readonly publicUrl: string;
  readonly accounts: Accounts;
  /** Sends a request as a browser on the public URL would (Host, and Origin on writes), with a cookie. */
  send(options: InjectOptions & { cookie?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

export const testAuthSecret = 'a-test-secret-of-more-than-32-bytes-0123456789';

export async function openServerModeApp(
  options: {
    publicUrl?: string;
    signUp?: boolean;
    /** The server's own mail (HEARBACK_SMTP_URL), e.g. a test SMTP server's URL. */
    smtpUrl?: string;
    requireEmailVerification?: boolean;
  } = {},
): Promise<ServerModeApp> {
  const publicUrl = options.publicUrl ?? 'https://hearback.example.org';
  // As src/main.ts starts server mode: no local user.
  const runtime = await openTestRuntime('postgres', { localUser: false, guardMailboxAddresses: true });
  const accounts = createAccounts(runtime, {
    secret: testAuthSecret,
    signUp: options.signUp ?? true,
    publicUrl,
    mail: options.smtpUrl ? { smtpUrl: options.smtpUrl, from: 'hearback@example.org' } : null,
    requireEmailVerification: options.requireEmailVerification ?? false,
    system: testSystem,
  });
  const app = await buildApp({
    deps: runtime.deps,
    dialect: runtime.dialect,
    accounts,
    publicUrl,
    responseLinkBase: publicUrl,
    hostOriginGuard: { allowedHosts: [new URL(publicUrl).hostname], allowedOrigins: [publicUrl] },
  });
  const host = new URL(publicUrl).host;
  return {
    app,
    runtime,
    publicUrl,
    accounts,
    send: ({ cookie, headers, ...rest }) =>
      app.inject({
        ...rest,
        headers: {
          host,
          ...(rest.method !== 'GET' && rest.method !== undefined && { origin: new URL(publicUrl).origin }),
          ...(cookie && { cookie }),
          ...headers,
        },
      }),
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

/** `name=value` of the session cookie a sign-up or sign-in answer set, for the next requests. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('hearback.session_token'));
  if (!cookie) expect.fail(`no session cookie in the answer ${response.statusCode}: ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/** Sign-ups come from addresses of their own: sign-up is rate-limited per client address like sign-in. */
let signUpAddress = 0;

export type TestAccount = { readonly id: string; readonly email: string; readonly cookie: string };

export async function signUpAccount(
  server: ServerModeApp,
  email: string,
  password = 'correct horse battery staple',
): Promise<TestAccount> {
  const response = await server.send({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    payload: { email, password, name: email.split('@')[0] },
    remoteAddress: `192.0.2.${(signUpAddress++ % 250) + 1}`,
  });
  if (response.statusCode !== 200) expect.fail(`sign-up answered ${response.statusCode}: ${response.body}`);
  // Sign-up never signs in (so it answers the same for an email that has an account): sign in next.
  const signedIn = await server.send({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
    remoteAddress: `192.0.2.${(signUpAddress++ % 250) + 1}`,
  });
  if (signedIn.statusCode !== 200) expect.fail(`sign-in answered ${signedIn.statusCode}: ${signedIn.body}`);
  return { id: signedIn.json().user.id, email, cookie: sessionCookieOf(signedIn) };
}
