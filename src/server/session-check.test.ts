import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  signUpAccount,
  type TestAccount,
} from '../../test/support/server-mode.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';

/**
 * The session check of every /api request in server mode: a valid session that needs no change is read in
 * one statement (integrations/accounts/better-auth-accounts.ts); every other case goes to better-auth, which
 * extends a session near its end, and refuses and deletes an expired one. Nothing is cached.
 */
describe(`the session check [postgres (${postgresFlavour()})]`, () => {
  let server: ServerModeApp;
  let account: TestAccount;

  beforeAll(async () => {
    server = await openServerModeApp();
    account = await signUpAccount(server, 'checked@example.org');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const tokenOf = (cookie: string) =>
    decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0]!;
  const expiresAt = async (token: string) => {
    const { rows } = await sql<{ expires_at: Date }>`
      select expires_at from auth_sessions where token = ${token}`.execute(server.runtime.deps.db);
    return rows[0] ? new Date(rows[0].expires_at).getTime() : null;
  };
  const setExpiry = (token: string, at: Date) =>
    sql`update auth_sessions set expires_at = ${at} where token = ${token}`.execute(server.runtime.deps.db);

  it('lets a valid session through without setting a cookie, and refuses a cookie signed with another key', async () => {
    const answer = await server.send({ method: 'GET', url: '/api/account', cookie: account.cookie });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().user.id).toBe(account.id);
    expect(answer.headers['set-cookie']).toBeUndefined();

    const [name, value] = [account.cookie.slice(0, account.cookie.indexOf('=')), tokenOf(account.cookie)];
    const forged = `${name}=${encodeURIComponent(`${value}.${Buffer.alloc(32, 7).toString('base64')}`)}`;
    expect((await server.send({ method: 'GET', url: '/api/account', cookie: forged })).statusCode).toBe(401);
  });

  it('extends a session near its end through better-auth, with a new cookie', async () => {
    const other = await signUpAccount(server, 'extended@example.org');
    const token = tokenOf(other.cookie);
    await setExpiry(token, new Date(Date.now() + 60 * 60 * 1000));
    const answer = await server.send({ method: 'GET', url: '/api/account', cookie: other.cookie });
    expect(answer.statusCode).toBe(200);
    expect(String(answer.headers['set-cookie'])).toContain('hearback.session_token=');
    expect(await expiresAt(token)).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
  });

  it('refuses an expired session, which better-auth then deletes, and a deleted one at once', async () => {
    const expired = await signUpAccount(server, 'expired@example.org');
    await setExpiry(tokenOf(expired.cookie), new Date(Date.now() - 1000));
    expect(
      (await server.send({ method: 'GET', url: '/api/account', cookie: expired.cookie })).statusCode,
    ).toBe(401);
    expect(await expiresAt(tokenOf(expired.cookie))).toBeNull();

    const deleted = await signUpAccount(server, 'deleted@example.org');
    expect((await server.send({ method: 'GET', url: '/api/today', cookie: deleted.cookie })).statusCode).toBe(
      200,
    );
    await sql`delete from auth_sessions where token = ${tokenOf(deleted.cookie)}`.execute(
      server.runtime.deps.db,
    );
    expect((await server.send({ method: 'GET', url: '/api/today', cookie: deleted.cookie })).statusCode).toBe(
      401,
    );
  });
});
