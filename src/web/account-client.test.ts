import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerModeApp, type ServerModeApp } from '../../test/support/server-mode.js';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { buildApp } from '../server/build-app.js';
import { AccountError, accountErrorMessage, createAccountClient } from './account-client.js';
import { ApiError } from './api-error.js';

/**
 * A browser's fetch on the server-mode app: same origin (Host, and Origin on writes, as a browser sends),
 * with a cookie jar for the session cookie.
 */
function browserFetch(server: ServerModeApp, address: string): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const url = new URL(String(input), server.publicUrl);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const answer = await server.send({
      method: (init?.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/json', ...(init?.headers as Record<string, string>) },
      ...(init?.body !== undefined && { payload: String(init.body) }),
      cookie: cookie || null,
      remoteAddress: address,
    });
    for (const set of answer.cookies) {
      if (set.maxAge === 0 || set.value === '') jar.delete(set.name);
      else jar.set(set.name, set.value);
    }
    return new Response(answer.statusCode === 204 ? null : answer.body, {
      status: answer.statusCode,
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
    });
  };
}

const password = 'correct horse battery staple';

describe('the web app account client, on a server-mode app', () => {
  let server: ServerModeApp;
  beforeAll(async () => {
    server = await openServerModeApp();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('is told to sign in, signs up (and in), names the account, and signs out', async () => {
    const client = createAccountClient({ fetch: browserFetch(server, '203.0.113.10') });
    const before = await client.getAccount().catch((error: unknown) => error);
    expect(before).toBeInstanceOf(ApiError);
    expect((before as ApiError).code).toBe('SIGN_IN_REQUIRED');

    await client.signUp({ name: 'Ada', email: 'ada@example.org', password });
    expect(await client.getAccount()).toMatchObject({
      mode: 'server',
      user: { name: 'Ada', email: 'ada@example.org' },
    });

    await client.signOut();
    await expect(client.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });

    await client.signIn('ada@example.org', password);
    expect((await client.getAccount()).user?.email).toBe('ada@example.org');
  });

  it('answers a sign-up with a taken email like a wrong password, never saying the email has an account', async () => {
    const owner = createAccountClient({ fetch: browserFetch(server, '203.0.113.11') });
    await owner.signUp({ name: 'Grace', email: 'grace@example.org', password });

    const other = createAccountClient({ fetch: browserFetch(server, '203.0.113.12') });
    const failure = await other
      .signUp({ name: 'Not Grace', email: 'grace@example.org', password: 'a different password' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AccountError);
    const wrongPassword = await other
      .signIn('grace@example.org', 'a different password')
      .catch((error: unknown) => error);
    expect((failure as AccountError).code).toBe((wrongPassword as AccountError).code);
    const message = accountErrorMessage(failure, 'sign-up');
    expect(message).not.toMatch(/exists|taken|already registered/i);
    await expect(other.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
  });

  it('changes the password (signing out the other browser), signs out everywhere, and deletes the account', async () => {
    const here = createAccountClient({ fetch: browserFetch(server, '203.0.113.20') });
    await here.signUp({ name: 'Lin', email: 'lin@example.org', password });
    const there = createAccountClient({ fetch: browserFetch(server, '203.0.113.21') });
    await there.signIn('lin@example.org', password);

    const wrong = await here.changePassword('not it', 'a new password').catch((error: unknown) => error);
    expect(accountErrorMessage(wrong, 'change-password')).toBe('The current password is not right.');
    await here.changePassword(password, 'a new password');
    expect((await here.getAccount()).user?.email).toBe('lin@example.org');
    await expect(there.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });

    await there.signIn('lin@example.org', 'a new password');
    await here.signOutEverywhere();
    await expect(here.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    await expect(there.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });

    await here.signIn('lin@example.org', 'a new password');
    await expect(here.deleteAccount('someone@example.org')).rejects.toBeInstanceOf(ApiError);
    expect((await here.getAccount()).user?.email).toBe('lin@example.org');
    await here.deleteAccount('lin@example.org');
    await expect(here.getAccount()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    await expect(here.signIn('lin@example.org', 'a new password')).rejects.toBeInstanceOf(AccountError);
  });

  it('says plainly when sign-up is closed, and when a password is too short', () => {
    expect(
      accountErrorMessage(
        new AccountError('EMAIL_PASSWORD_SIGN_UP_DISABLED', 'Email and password sign up is not enabled', 400),
        'sign-up',
      ),
    ).toMatch(/does not take new sign-ups/);
    expect(accountErrorMessage(new AccountError('PASSWORD_TOO_SHORT', 'x', 400), 'sign-up')).toMatch(
      /at least 8/,
    );
  });
});

describe('the web app account client, in local mode', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
  });
  afterAll(async () => {
    await runtime?.close();
  });

  it('is told there are no accounts', async () => {
    const app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    const client = createAccountClient({
      fetch: async (input) => {
        const answer = await app.inject({ method: 'GET', url: String(input) });
        return new Response(answer.body, { status: answer.statusCode });
      },
    });
    expect(await client.getAccount()).toEqual({ mode: 'local', user: null });
    await app.close();
  });
});
