import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  sessionCookieOf,
  signUpAccount,
  type TestAccount,
} from '../../test/support/server-mode.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';

const password = 'correct horse battery staple';

describe(`server mode: account settings ${postgresFlavour()}`, () => {
  let server: ServerModeApp;
  let signInAddress = 0;

  beforeAll(async () => {
    server = await openServerModeApp();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  /** A second browser signing in to the same account: a session of its own. */
  async function signIn(email: string, withPassword: string) {
    return server.send({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password: withPassword },
      remoteAddress: `198.51.100.${(signInAddress++ % 250) + 1}`,
    });
  }

  const today = (cookie: string) => server.send({ method: 'GET', url: '/api/today', cookie });

  describe('change password', () => {
    let account: TestAccount;
    let otherBrowser: string;

    beforeAll(async () => {
      account = await signUpAccount(server, 'changing@example.org', password);
      otherBrowser = sessionCookieOf(await signIn(account.email, password));
    });

    it('refuses a wrong current password and changes nothing', async () => {
      const answer = await server.send({
        method: 'POST',
        url: '/api/auth/change-password',
        cookie: account.cookie,
        payload: { currentPassword: 'not the password', newPassword: 'a new password of mine' },
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().code).toBe('INVALID_PASSWORD');
      expect((await today(otherBrowser)).statusCode).toBe(200);
      expect((await signIn(account.email, password)).statusCode).toBe(200);
    });

    it('refuses without a session', async () => {
      const answer = await server.send({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: password, newPassword: 'a new password of mine' },
      });
      expect(answer.statusCode).toBe(401);
    });

    it('refuses a new password shorter than 8 characters', async () => {
      const answer = await server.send({
        method: 'POST',
        url: '/api/auth/change-password',
        cookie: account.cookie,
        payload: { currentPassword: password, newPassword: 'short' },
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().code).toBe('PASSWORD_TOO_SHORT');
    });

    it('changes it, ends every other session even when not asked to, and keeps this browser signed in', async () => {
      const answer = await server.send({
        method: 'POST',
        url: '/api/auth/change-password',
        cookie: account.cookie,
        // Not asking for the other sessions to end: the server ends them anyway.
        payload: {
          currentPassword: password,
          newPassword: 'a new password of mine',
          revokeOtherSessions: false,
        },
      });
      expect(answer.statusCode).toBe(200);
      const renewed = sessionCookieOf(answer);
      expect((await today(renewed)).statusCode).toBe(200);
      expect((await today(otherBrowser)).statusCode).toBe(401);
      expect((await today(account.cookie)).statusCode).toBe(401);
      expect((await signIn(account.email, password)).statusCode).toBe(401);
      expect((await signIn(account.email, 'a new password of mine')).statusCode).toBe(200);
    });
  });

  describe('sign out everywhere', () => {
    it('ends every session of the account at once, and no one else’s', async () => {
      const account = await signUpAccount(server, 'everywhere@example.org', password);
      const elsewhere = sessionCookieOf(await signIn(account.email, password));
      const someoneElse = await signUpAccount(server, 'someone-else@example.org', password);
      expect((await today(elsewhere)).statusCode).toBe(200);

      const answer = await server.send({
        method: 'POST',
        url: '/api/auth/revoke-sessions',
        cookie: account.cookie,
        payload: {},
      });
      expect(answer.statusCode).toBe(200);
      for (const cookie of [account.cookie, elsewhere]) {
        const after = await today(cookie);
        expect(after.statusCode).toBe(401);
        expect(after.json().error.code).toBe('SIGN_IN_REQUIRED');
      }
      expect((await today(someoneElse.cookie)).statusCode).toBe(200);
      expect((await signIn(account.email, password)).statusCode).toBe(200);
    });

    it('refuses without a session, and from a foreign page', async () => {
      const account = await signUpAccount(server, 'targeted@example.org', password);
      expect(
        (await server.send({ method: 'POST', url: '/api/auth/revoke-sessions', payload: {} })).statusCode,
      ).toBe(401);
      const foreign = await server.send({
        method: 'POST',
        url: '/api/auth/revoke-sessions',
        cookie: account.cookie,
        payload: {},
        headers: { origin: 'https://evil.example.com' },
      });
      expect(foreign.statusCode).toBe(403);
      expect((await today(account.cookie)).statusCode).toBe(200);
    });
  });

  describe('export my data', () => {
    it("GET /api/backup holds the account's own records and none of anyone else's", async () => {
      const mine = await signUpAccount(server, 'exporting@example.org', password);
      const theirs = await signUpAccount(server, 'not-exported@example.org', password);
      for (const [account, company] of [
        [mine, 'My Own Company'],
        [theirs, 'Their Secret Company'],
      ] as const) {
        const made = await server.send({
          method: 'POST',
          url: '/api/applications',
          cookie: account.cookie,
          payload: { companyName: company, jobTitle: 'Role', stage: 'applied' },
        });
        expect(made.statusCode).toBe(201);
      }
      const backup = await server.send({ method: 'GET', url: '/api/backup', cookie: mine.cookie });
      expect(backup.statusCode).toBe(200);
      expect(backup.body).toContain('My Own Company');
      expect(backup.body).not.toContain('Their Secret Company');
      expect(backup.body).not.toContain(theirs.id);
      expect((await server.send({ method: 'GET', url: '/api/backup' })).statusCode).toBe(401);
    });
  });
});
