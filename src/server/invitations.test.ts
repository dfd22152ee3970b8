import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openServerModeApp, type ServerModeApp, sessionCookieOf } from '../../test/support/server-mode.js';
import { type ReceivedMail, startSmtpServer } from '../../test/support/smtp.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';
import { createAccount } from '../services/coaching.js';

const password = 'correct horse battery staple';
let address = 0;
/** Each sign-in from an address of its own: sign-in is rate-limited per client address. */
const nextAddress = () => `203.0.113.${(address++ % 250) + 1}`;

async function mailTo(received: ReceivedMail[], to: string, subject: RegExp) {
  let found: { text: string; subject: string } | undefined;
  await vi.waitFor(
    async () => {
      for (const mail of received.filter((m) => m.to.includes(to))) {
        const parsed = await simpleParser(mail.raw);
        if (subject.test(parsed.subject ?? ''))
          found = { text: parsed.text ?? '', subject: parsed.subject ?? '' };
      }
      if (!found) throw new Error(`no mail to ${to} matching ${subject}`);
    },
    { timeout: 30_000, interval: 50 },
  );
  return found!;
}

function linkIn(text: string, pattern: RegExp): string {
  const match = text.match(pattern);
  if (!match) expect.fail(`no link matching ${pattern} in:\n${text}`);
  return match[0];
}

async function signIn(server: ServerModeApp, email: string, withPassword = password) {
  return server.send({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password: withPassword },
    remoteAddress: nextAddress(),
  });
}

async function adminOf(server: ServerModeApp, email: string): Promise<string> {
  await createAccount(server.runtime.deps, server.accounts, {
    email,
    name: 'Admin',
    password,
    role: 'admin',
  });
  const answer = await signIn(server, email);
  expect(answer.statusCode).toBe(200);
  return sessionCookieOf(answer);
}

describe(`server mode: invitations ${postgresFlavour()}`, () => {
  let server: ServerModeApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await openServerModeApp({ signUp: false, smtpUrl: smtp.url });
    admin = await adminOf(server, 'root@example.org');
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const invite = (payload: Record<string, unknown>, cookie = admin) =>
    server.send({ method: 'POST', url: '/api/admin/invitations', cookie, payload });

  it('emails a link that makes the account with the invitation’s email and role, once, with sign-up off', async () => {
    const created = await invite({ email: 'New.Coach@Example.org', role: 'coach' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      invitation: {
        email: 'new.coach@example.org',
        role: 'coach',
        status: 'pending',
        invitedBy: 'root@example.org',
      },
      emailed: true,
      emailError: null,
    });
    const token = body.link.split('/invite/')[1] as string;
    expect(body.link).toBe(`${server.publicUrl}/invite/${token}`);
    // 32 random bytes.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const mail = await mailTo(smtp.received, 'new.coach@example.org', /invited to hearback/);
    expect(linkIn(mail.text, /https:\/\/\S+\/invite\/[\w-]+/)).toBe(body.link);
    expect(mail.text).toMatch(/Your role: Coach/);

    // Only the hash is stored: the token appears in no column of the table, nor in the list.
    const rows = await sql<Record<string, unknown>>`select * from invitations`.execute(
      server.runtime.deps.db,
    );
    expect(JSON.stringify(rows.rows)).not.toContain(token);
    const listed = await server.send({ method: 'GET', url: '/api/admin/invitations', cookie: admin });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(token);

    // Sign-up itself stays off, also for the invited email.
    const signUp = await server.send({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email: 'new.coach@example.org', password, name: 'Sneaky' },
      remoteAddress: nextAddress(),
    });
    expect(signUp.statusCode).toBe(400);

    const preview = await server.send({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ email: 'new.coach@example.org', role: 'coach' });

    const accepted = await server.send({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'New Coach', password },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ email: 'new.coach@example.org' });
    const signedIn = await signIn(server, 'new.coach@example.org');
    expect(signedIn.statusCode).toBe(200);
    const coachCookie = sessionCookieOf(signedIn);
    expect(
      (await server.send({ method: 'GET', url: '/api/coach/job-seekers', cookie: coachCookie })).statusCode,
    ).toBe(200);

    // Once: the same link again, previewed or accepted, answers as an unknown one.
    for (const again of [
      await server.send({ method: 'GET', url: `/api/invitations/${token}` }),
      await server.send({
        method: 'POST',
        url: `/api/invitations/${token}/accept`,
        payload: { name: 'Second', password: 'another password here' },
      }),
    ]) {
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('INVITATION_NOT_FOUND');
    }
    const statuses = (
      await server.send({ method: 'GET', url: '/api/admin/invitations', cookie: admin })
    ).json();
    expect(statuses.find((i: { email: string }) => i.email === 'new.coach@example.org').status).toBe(
      'accepted',
    );
    // The account's password still the first one.
    expect((await signIn(server, 'new.coach@example.org', 'another password here')).statusCode).toBe(401);
  });

  it('makes one account when two tabs accept the same link at once', async () => {
    const token = (await invite({ email: 'twice@example.org' })).json().link.split('/invite/')[1];
    const answers = await Promise.all(
      [1, 2].map((n) =>
        server.send({
          method: 'POST',
          url: `/api/invitations/${token}/accept`,
          payload: { name: `Tab ${n}`, password },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 404]);
    const accounts = await sql<{
      n: string;
    }>`select count(*) as n from auth_users where email = 'twice@example.org'`.execute(
      server.runtime.deps.db,
    );
    expect(Number(accounts.rows[0]!.n)).toBe(1);
  });

  it('refuses a revoked, an expired and a made-up link, and a bad password by field without using the link', async () => {
    const revoked = (await invite({ email: 'revoked@example.org' })).json();
    const revokedToken = revoked.link.split('/invite/')[1];
    const revoke = await server.send({
      method: 'DELETE',
      url: `/api/admin/invitations/${revoked.invitation.id}`,
      cookie: admin,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await server.send({ method: 'GET', url: `/api/invitations/${revokedToken}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await server.send({
          method: 'DELETE',
          url: `/api/admin/invitations/${revoked.invitation.id}`,
          cookie: admin,
        })
      ).statusCode,
    ).toBe(404);

    const short = (await invite({ email: 'short@example.org', expiresInDays: 1 })).json();
    const shortToken = short.link.split('/invite/')[1];
    const weak = await server.send({
      method: 'POST',
      url: `/api/invitations/${shortToken}/accept`,
      payload: { name: 'Short', password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/password/);
    expect((await server.send({ method: 'GET', url: `/api/invitations/${shortToken}` })).statusCode).toBe(
      200,
    );
    const clock = server.runtime.clock;
    const now = clock.now();
    clock.set(new Date(now.getTime() + 25 * 60 * 60 * 1000));
    try {
      expect((await server.send({ method: 'GET', url: `/api/invitations/${shortToken}` })).statusCode).toBe(
        404,
      );
      const accept = await server.send({
        method: 'POST',
        url: `/api/invitations/${shortToken}/accept`,
        payload: { name: 'Late', password },
      });
      expect(accept.statusCode).toBe(404);
      const listed = (
        await server.send({ method: 'GET', url: '/api/admin/invitations', cookie: admin })
      ).json();
      expect(listed.find((i: { email: string }) => i.email === 'short@example.org').status).toBe('expired');
    } finally {
      clock.set(now);
    }

    const madeUp = await server.send({ method: 'GET', url: `/api/invitations/${'A'.repeat(43)}` });
    expect(madeUp.statusCode).toBe(404);
    const notAToken = await server.send({ method: 'GET', url: '/api/invitations/%3Cscript%3E' });
    expect(notAToken.statusCode).toBe(400);
  });

  it('refuses an email that has an account, a bad role, and everyone but admins', async () => {
    const taken = await invite({ email: 'root@example.org' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.message).toMatch(/^email: /);
    const badRole = await invite({ email: 'x@example.org', role: 'root' });
    expect(badRole.statusCode).toBe(400);
    const coach = sessionCookieOf(await signIn(server, 'new.coach@example.org'));
    expect((await invite({ email: 'y@example.org' }, coach)).statusCode).toBe(403);
    expect((await invite({ email: 'y@example.org' }, null as unknown as string)).statusCode).toBe(401);
  });
});

describe(`server mode: password reset and email verification through SMTP ${postgresFlavour()}`, () => {
  let server: ServerModeApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await openServerModeApp({ smtpUrl: smtp.url, requireEmailVerification: true });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const signUp = (email: string, withPassword = password) =>
    server.send({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email, password: withPassword, name: email.split('@')[0] },
      remoteAddress: nextAddress(),
    });

  /** Signs up and opens the verification link: a working account. */
  async function verifiedAccount(email: string): Promise<string> {
    expect((await signUp(email)).statusCode).toBe(200);
    const mail = await mailTo(smtp.received, email, /Confirm your email/);
    const link = new URL(linkIn(mail.text, /https:\/\/\S+\/api\/auth\/verify-email\?\S+/));
    const opened = await server.send({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('/?email-verified=1');
    const signedIn = await signIn(server, email);
    expect(signedIn.statusCode).toBe(200);
    return sessionCookieOf(signedIn);
  }

  const requestReset = (email: string, remoteAddress = nextAddress()) =>
    server.send({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email },
      remoteAddress,
    });

  it('a new account signs in only after opening the emailed link, and until then answers as a wrong password', async () => {
    expect((await signUp('fresh@example.org')).statusCode).toBe(200);
    const early = await signIn(server, 'fresh@example.org');
    const unknown = await signIn(server, 'nobody-here@example.org');
    expect(early.statusCode).toBe(401);
    expect(early.body).toBe(unknown.body);
    expect(early.cookies).toEqual([]);
    const mail = await mailTo(smtp.received, 'fresh@example.org', /Confirm your email/);
    const link = new URL(linkIn(mail.text, /https:\/\/\S+\/api\/auth\/verify-email\?\S+/));
    expect(link.origin).toBe(server.publicUrl);
    const opened = await server.send({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(opened.statusCode).toBe(302);
    expect((await signIn(server, 'fresh@example.org')).statusCode).toBe(200);
  });

  it('sign-up then sign-in tells nothing about a taken email; its owner is told by email', async () => {
    await verifiedAccount('owner@example.org');
    const taken = await signUp('owner@example.org', 'the attacker password');
    const fresh = await signUp('brand-new@example.org', 'the attacker password');
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(taken.json())).toEqual(Object.keys(fresh.json()));
    const takenSignIn = await signIn(server, 'owner@example.org', 'the attacker password');
    const freshSignIn = await signIn(server, 'brand-new@example.org', 'the attacker password');
    expect(takenSignIn.statusCode).toBe(401);
    expect(freshSignIn.statusCode).toBe(401);
    expect(takenSignIn.body).toBe(freshSignIn.body);
    const notice = await mailTo(smtp.received, 'owner@example.org', /tried to create a hearback account/);
    expect(notice.text).toMatch(/nothing changed/);
    // The owner's password still works.
    expect((await signIn(server, 'owner@example.org')).statusCode).toBe(200);
  });

  it('resets a password through the emailed link, ending every session; unknown emails get the same answer', async () => {
    const session = await verifiedAccount('forgetful@example.org');
    const unknown = await requestReset('never-signed-up@example.org');
    const known = await requestReset('forgetful@example.org');
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    const mail = await mailTo(smtp.received, 'forgetful@example.org', /Reset your hearback password/);
    expect(smtp.received.some((m) => m.to.includes('never-signed-up@example.org'))).toBe(false);
    const link = new URL(linkIn(mail.text, /https:\/\/\S+\/reset-password\?token=\S+/));
    expect(`${link.origin}${link.pathname}`).toBe(`${server.publicUrl}/reset-password`);
    const token = link.searchParams.get('token')!;

    // Reset tokens are stored hashed.
    const rows = await sql<Record<string, unknown>>`select * from auth_verifications`.execute(
      server.runtime.deps.db,
    );
    expect(JSON.stringify(rows.rows)).not.toContain(token);

    const tooShort = await server.send({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'short' },
      remoteAddress: nextAddress(),
    });
    expect(tooShort.statusCode).toBe(400);
    const reset = await server.send({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'a brand new password' },
      remoteAddress: nextAddress(),
    });
    expect(reset.statusCode).toBe(200);
    expect((await server.send({ method: 'GET', url: '/api/today', cookie: session })).statusCode).toBe(401);
    expect((await signIn(server, 'forgetful@example.org')).statusCode).toBe(401);
    expect((await signIn(server, 'forgetful@example.org', 'a brand new password')).statusCode).toBe(200);
    const again: LightMyRequestResponse = await server.send({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'yet another password' },
      remoteAddress: nextAddress(),
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('INVALID_TOKEN');
  });

  it('limits reset requests per client address', async () => {
    const from = '198.18.0.77';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await requestReset(`someone${i}@example.org`, from)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('an invitation sets the role with sign-up on, and its account needs no verification email', async () => {
    const admin = await verifiedAccount('boss@example.org');
    await sql`update auth_users set role = 'admin' where email = 'boss@example.org'`.execute(
      server.runtime.deps.db,
    );
    const created = await server.send({
      method: 'POST',
      url: '/api/admin/invitations',
      cookie: admin,
      payload: { email: 'coach2@example.org', role: 'coach' },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().link.split('/invite/')[1];
    const accepted = await server.send({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Coach Two', password },
    });
    expect(accepted.statusCode).toBe(201);
    const signedIn = await signIn(server, 'coach2@example.org');
    expect(signedIn.statusCode).toBe(200);
    const users = (await server.send({ method: 'GET', url: '/api/admin/users', cookie: admin })).json();
    expect(users.find((u: { email: string }) => u.email === 'coach2@example.org').role).toBe('coach');
  });
});
