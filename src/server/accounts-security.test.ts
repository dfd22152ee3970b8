import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  sessionCookieOf,
  signUpAccount,
  testAuthSecret,
} from '../../test/support/server-mode.js';
import { postgresFlavour, testSystem } from '../../test/support/test-runtime.js';
import { signInLimit } from '../integrations/accounts/better-auth-accounts.js';
import { createAccounts } from '../runtime.js';
import { buildApp } from './build-app.js';

const label = `[postgres (${postgresFlavour()})]`;
const password = 'correct horse battery staple';

/** Each test signs in from its own address: the sign-in rate limit counts per client address. */
let addressCounter = 10;
const nextAddress = () => `198.51.100.${addressCounter++}`;

function signIn(
  server: ServerModeApp,
  email: string,
  secret: string,
  extra: { cookie?: string; address?: string } = {},
) {
  return server.send({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password: secret },
    remoteAddress: extra.address ?? nextAddress(),
    cookie: extra.cookie ?? null,
  });
}

function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
}

describe(`server mode accounts: security ${label}`, () => {
  let server: ServerModeApp;

  beforeAll(async () => {
    server = await openServerModeApp({ publicUrl: 'https://hearback.example.org' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('sets the session cookie HttpOnly, SameSite=Lax and Secure (with the __Secure- prefix) on an https public URL', async () => {
    await signUpAccount(server, 'flags@example.org');
    const response = await signIn(server, 'flags@example.org', password);
    expect(response.statusCode).toBe(200);
    const session = setCookieHeaders(response).find((c) => c.startsWith('__Secure-hearback.session_token='));
    expect(session).toBeDefined();
    const attributes = session!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
  });

  it('refuses a session id planted before sign-in, and a planted session stays its own user', async () => {
    const victim = await signUpAccount(server, 'victim@example.org');
    const attacker = await signUpAccount(server, 'attacker@example.org');
    const chosen = `__Secure-hearback.session_token=${'F'.repeat(32)}.${'x'.repeat(43)}%3D`;

    for (const planted of [chosen, attacker.cookie]) {
      const response = await signIn(server, victim.email, password, { cookie: planted });
      expect(response.statusCode).toBe(200);
      const issued = sessionCookieOf(response);
      expect(issued).not.toBe(planted);
      const asVictim = await server.send({ method: 'GET', url: '/api/settings', cookie: issued });
      expect(asVictim.json().email).toBe(victim.email);
    }
    const withChosen = await server.send({ method: 'GET', url: '/api/settings', cookie: chosen });
    expect(withChosen.statusCode).toBe(401);
    const withAttackers = await server.send({ method: 'GET', url: '/api/settings', cookie: attacker.cookie });
    expect(withAttackers.json().email).toBe(attacker.email);
  });

  it('answers sign-in with an unknown email exactly as with a wrong password', async () => {
    await signUpAccount(server, 'known@example.org');
    const unknown = await signIn(server, 'nobody-here@example.org', password);
    const wrong = await signIn(server, 'known@example.org', 'not the password at all');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.body).toBe(unknown.body);
    expect(setCookieHeaders(unknown)).toEqual([]);
    expect(setCookieHeaders(wrong)).toEqual([]);
  });

  it('stores the password as an Argon2id hash and never sends the hash in any answer', async () => {
    const account = await signUpAccount(server, 'hash@example.org');
    const { rows } = await sql<{ password: string }>`
      select password from auth_accounts where user_id = ${account.id}
    `.execute(server.runtime.deps.db);
    const stored = rows[0]!.password;
    expect(stored).toMatch(/^\$argon2id\$v=19\$/);
    expect(stored).not.toContain(password);

    const answers = [
      await signIn(server, account.email, password),
      ...(await Promise.all(
        [
          '/api/auth/get-session',
          '/api/auth/list-sessions',
          '/api/auth/list-accounts',
          '/api/settings',
          '/api/backup',
          '/api/export/applications.csv',
          '/api/today',
        ].map((url) => server.send({ method: 'GET', url, cookie: account.cookie })),
      )),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    const salt = stored.split('$')[4]!;
    for (const answer of answers) {
      const everything = `${JSON.stringify(answer.headers)}\n${answer.body}`;
      expect(everything).not.toContain('$argon2');
      expect(everything).not.toContain(salt);
      expect(everything).not.toContain(password);
    }
  });

  it(`limits sign-in to ${signInLimit.max} attempts a minute per client address, counted across app servers`, async () => {
    await signUpAccount(server, 'limited@example.org');
    // A second app server on the same database: the count lives in auth_rate_limits, not in one process.
    const other = await buildApp({
      deps: server.runtime.deps,
      dialect: server.runtime.dialect,
      accounts: createAccounts(server.runtime, {
        secret: testAuthSecret,
        signUp: true,
        publicUrl: server.publicUrl,
        system: testSystem,
      }),
      publicUrl: server.publicUrl,
      hostOriginGuard: { allowedHosts: ['hearback.example.org'], allowedOrigins: [server.publicUrl] },
    });
    try {
      const address = nextAddress();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < signInLimit.max; attempt++) {
        const target = attempt % 2 === 0 ? server.app : other;
        const response = await target.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          remoteAddress: address,
          headers: { host: 'hearback.example.org', origin: server.publicUrl },
          payload: { email: 'limited@example.org', password: `wrong ${attempt}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual(Array(signInLimit.max).fill(401));
      // Even the right password, and neither a forwarded-for header nor our own address header helps.
      const blocked = await signIn(server, 'limited@example.org', password, { address });
      expect(blocked.statusCode).toBe(429);
      const spoofed = await server.send({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: address,
        headers: { 'x-forwarded-for': '203.0.113.77', 'x-hearback-client-address': '203.0.113.78' },
        payload: { email: 'limited@example.org', password },
      });
      expect(spoofed.statusCode).toBe(429);
      // Another address is not blocked.
      expect((await signIn(server, 'limited@example.org', password)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('refuses sign-in and data changes sent by a page of another site (Origin, Sec-Fetch-Site)', async () => {
    const account = await signUpAccount(server, 'csrf@example.org');
    const foreignSignIn = await server.send({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: nextAddress(),
      headers: { origin: 'https://evil.example' },
      payload: { email: account.email, password },
    });
    expect(foreignSignIn.statusCode).toBe(403);
    expect(setCookieHeaders(foreignSignIn)).toEqual([]);

    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const write = await server.send({
        method: 'POST',
        url: '/api/applications',
        cookie: account.cookie,
        headers,
        payload: { companyName: 'Forged Co', jobTitle: 'Forged' },
      });
      expect(write.statusCode).toBe(403);
      expect(write.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
      const signOut = await server.send({
        method: 'POST',
        url: '/api/auth/sign-out',
        cookie: account.cookie,
        headers,
        payload: {},
      });
      expect(signOut.statusCode).toBe(403);
    }
    const list = await server.send({ method: 'GET', url: '/api/applications', cookie: account.cookie });
    expect(list.json().items).toEqual([]);
  });

  it('refuses a request for a foreign Host (DNS rebinding) before looking at the session', async () => {
    const account = await signUpAccount(server, 'rebind@example.org');
    const response = await server.send({
      method: 'GET',
      url: '/api/settings',
      cookie: account.cookie,
      headers: { host: 'attacker.example' },
    });
    expect(response.statusCode).toBe(421);
  });

  it('ends the session on sign-out: the same cookie then answers 401', async () => {
    const account = await signUpAccount(server, 'leaving@example.org');
    expect((await server.send({ method: 'GET', url: '/api/today', cookie: account.cookie })).statusCode).toBe(
      200,
    );
    const out = await server.send({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookie: account.cookie,
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    const after = await server.send({ method: 'GET', url: '/api/today', cookie: account.cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('SIGN_IN_REQUIRED');
  });

  it("opens the employer response link without a session, and the answer lands on its owner's timeline only", async () => {
    const owner = await signUpAccount(server, 'link-owner@example.org');
    const other = await signUpAccount(server, 'link-other@example.org');
    const created = await server.send({
      method: 'POST',
      url: '/api/applications',
      cookie: owner.cookie,
      payload: { companyName: 'Link Co', jobTitle: 'Linked engineer' },
    });
    const applicationId = created.json().id;
    const issued = await server.send({
      method: 'POST',
      url: `/api/applications/${applicationId}/response-link`,
      cookie: owner.cookie,
      payload: {},
    });
    expect(issued.statusCode).toBe(201);
    const url = new URL(issued.json().url);
    expect(url.origin).toBe(server.publicUrl);

    const page = await server.send({ method: 'GET', url: url.pathname, cookie: null });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Linked engineer');
    const csrf = String(page.headers['set-cookie']).split(';')[0]!;
    const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1]!;
    const answered = await server.send({
      method: 'POST',
      url: url.pathname,
      cookie: csrf,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams({ nonce, answer: 'on_hold', message: 'Paused until spring' }).toString(),
    });
    expect(answered.statusCode).toBeLessThan(400);

    const timeline = await server.send({
      method: 'GET',
      url: `/api/applications/${applicationId}/timeline`,
      cookie: owner.cookie,
    });
    expect(timeline.json().at(-1)).toMatchObject({ kind: 'reply_received', summary: 'Paused until spring' });
    const strangers = await server.send({
      method: 'GET',
      url: `/api/applications/${applicationId}/timeline`,
      cookie: other.cookie,
    });
    expect(strangers.statusCode).toBe(404);
  });

  it("serves the calendar feed by its secret URL without a session, with only its owner's interviews", async () => {
    const owner = await signUpAccount(server, 'feed-owner@example.org');
    const other = await signUpAccount(server, 'feed-other@example.org');
    for (const [account, company] of [
      [owner, 'Feed Owner Co'],
      [other, 'Feed Other Co'],
    ] as const) {
      const created = await server.send({
        method: 'POST',
        url: '/api/applications',
        cookie: account.cookie,
        payload: { companyName: company, jobTitle: 'Engineer' },
      });
      const interview = await server.send({
        method: 'POST',
        url: '/api/interviews',
        cookie: account.cookie,
        payload: {
          applicationId: created.json().id,
          round: 'technical',
          startsAt: '2026-03-10T15:00:00.000Z',
          endsAt: '2026-03-10T16:00:00.000Z',
          timeZone: 'UTC',
        },
      });
      expect(interview.statusCode).toBe(201);
    }
    const issued = await server.send({
      method: 'POST',
      url: '/api/calendar/token',
      cookie: owner.cookie,
      payload: {},
    });
    expect(issued.statusCode).toBe(201);
    const feedUrl = new URL(issued.json().url);
    expect(feedUrl.origin).toBe(server.publicUrl);
    const feed = await server.send({ method: 'GET', url: feedUrl.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Feed Owner Co');
    expect(feed.body).not.toContain('Feed Other Co');
    const guessed = await server.send({ method: 'GET', url: `/ics/${'A'.repeat(43)}.ics` });
    expect(guessed.statusCode).toBe(404);
  });

  it('has no local user in server mode, and GET /api/account names the signed-in account only', async () => {
    const local = await server.runtime.deps.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', 'local')
      .executeTakeFirst();
    expect(local).toBeUndefined();
    const account = await signUpAccount(server, 'whoami@example.org');
    const anonymous = await server.send({ method: 'GET', url: '/api/account' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('SIGN_IN_REQUIRED');
    const mine = await server.send({ method: 'GET', url: '/api/account', cookie: account.cookie });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      mode: 'server',
      user: { id: account.id, name: 'whoami', email: 'whoami@example.org', role: 'job_seeker' },
    });
  });

  it('answers a sign-up for an email that has an account exactly as for a new one, and signs nobody in', async () => {
    const existing = await signUpAccount(server, 'taken@example.org');
    const signUp = (email: string) =>
      server.send({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        payload: { email, password: 'another password entirely', name: 'Someone' },
        remoteAddress: nextAddress(),
      });
    const taken = await signUp('taken@example.org');
    const fresh = await signUp('brand-new@example.org');
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.statusCode).toBe(200);
    const shape = (body: { token: unknown; user: Record<string, unknown> }) => ({
      token: body.token,
      keys: Object.keys(body.user).sort(),
      emailVerified: body.user.emailVerified,
    });
    expect(shape(taken.json())).toEqual(shape(fresh.json()));
    expect(taken.json().user.id).not.toBe(existing.id);
    for (const answer of [taken, fresh]) {
      expect(
        setCookieHeaders(answer).some((c) => c.includes('session_token=') && !c.includes('Max-Age=0')),
      ).toBe(false);
    }
    // The account's password is unchanged: the owner still signs in with theirs, the second one does not.
    expect((await signIn(server, 'taken@example.org', password)).statusCode).toBe(200);
    expect((await signIn(server, 'taken@example.org', 'another password entirely')).statusCode).toBe(401);
  });

  it('gives a new account its own users row and settings, named after the account', async () => {
    const account = await signUpAccount(server, 'fresh@example.org');
    const settings = await server.send({ method: 'GET', url: '/api/settings', cookie: account.cookie });
    expect(settings.json()).toMatchObject({ name: 'fresh', email: 'fresh@example.org', timeZone: 'UTC' });
    const user = await server.runtime.deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', account.id)
      .executeTakeFirst();
    expect(user).toEqual({ id: account.id, display_name: 'fresh' });
  });
});

describe(`server mode accounts: settings ${label}`, () => {
  it('leaves Secure off the cookie when the public URL is plain http', async () => {
    const server = await openServerModeApp({ publicUrl: 'http://hearback.internal:4600' });
    try {
      await signUpAccount(server, 'plain@example.org');
      const response = await signIn(server, 'plain@example.org', password);
      expect(response.statusCode).toBe(200);
      const session = setCookieHeaders(response).find((c) => c.startsWith('hearback.session_token='));
      const attributes = session!.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).not.toContain('secure');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('refuses sign-up when HEARBACK_SIGN_UP is off, and creates no account', async () => {
    const server = await openServerModeApp({ signUp: false });
    try {
      const response = await server.send({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        payload: { email: 'closed@example.org', password, name: 'Closed' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('EMAIL_PASSWORD_SIGN_UP_DISABLED');
      expect(setCookieHeaders(response)).toEqual([]);
      const { rows } = await sql<{ n: string }>`select count(*) as n from auth_users`.execute(
        server.runtime.deps.db,
      );
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await server.close();
    }
  }, 120_000);
});
