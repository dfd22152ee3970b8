import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from './support/bundle.js';
import { createServerDatabase, noServerDatabaseMessage, waitUntil } from './support/job-queue-database.js';
import { startSmtpServer } from './support/smtp.js';

/**
 * Issue 16's "two app servers, one PostgreSQL": two real server-mode processes (`HEARBACK_MODE=server`, as
 * `npm start` runs them) on one database, started at the same moment with the same first-admin environment.
 * Every step below makes a change through one server and checks it through the other at once: sessions, a
 * share's revocation, the calendar feed, the employer response link, sign-out; and the morning digest, a
 * pg-boss job both servers work, goes out once per account.
 */
const server = Boolean(process.env.TEST_DATABASE_URL);
if (!server) console.warn(noServerDatabaseMessage);

const publicUrl = 'http://hearback.test';
const password = 'correct horse battery staple';
const admin = { email: 'operator@example.org', password: 'operator password 123' };

type Server = { child: ChildProcess; base: string; output: () => string };
type Answer = {
  status: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely, field by field, as each check needs
  json: () => any;
  cookie: string | null;
  location: string | null;
};

/** Each request comes from an address of its own (behind HEARBACK_TRUST_PROXY=1): sign-in is rate-limited. */
let clientCounter = 1;
const nextClient = () => `203.0.113.${clientCounter++}`;

async function call(
  target: Server,
  method: string,
  path: string,
  options: { cookie?: string | null; json?: unknown; form?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': nextClient() };
  if (method !== 'GET') headers.origin = publicUrl;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  const response = await fetch(`${target.base}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  const cookie = response.headers
    .getSetCookie()
    .find((c) => /^(hearback\.session_token|hearback_rl)=/.test(c));
  return {
    status: response.status,
    body: text,
    json: () => JSON.parse(text),
    cookie: cookie ? cookie.split(';')[0]! : null,
    location: response.headers.get('location'),
  };
}

function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status)
    expect.fail(`${what}: expected ${status}, got ${answer.status}: ${answer.body}`);
  return answer;
}

describe.skipIf(!server)(
  'two server-mode app servers on one PostgreSQL [postgres (server)]',
  { timeout: 240_000 },
  () => {
    let database: { url: string; drop(): Promise<void> };
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let a: Server;
    let b: Server;
    const servers: Server[] = [];

    beforeAll(async () => {
      const created = await createServerDatabase('hearback_two_servers');
      if (!created) throw new Error('TEST_DATABASE_URL is set but no database could be made');
      database = created;
      smtp = await startSmtpServer();
      const bundle = await bundleEntry('src/main.ts', 'server-mode-two');
      // At the same moment, both with the first admin's environment: both see no admin yet.
      [a, b] = await Promise.all([start(bundle), start(bundle)]);
    }, 180_000);

    afterAll(async () => {
      await Promise.all(servers.map((s) => stop(s)));
      await smtp?.close();
      await database?.drop();
    });

    function start(bundle: string): Promise<Server> {
      const child = spawn(
        process.execPath,
        ['-e', `import(${JSON.stringify(bundle)}).then((m) => m.main())`],
        {
          env: {
            ...process.env,
            HEARBACK_MODE: 'server',
            DATABASE_URL: database.url,
            HEARBACK_PUBLIC_URL: publicUrl,
            HEARBACK_AUTH_SECRET: 'a-shared-secret-of-more-than-32-bytes-0123456789',
            HEARBACK_ADMIN_EMAIL: admin.email,
            HEARBACK_ADMIN_PASSWORD: admin.password,
            HEARBACK_TRUST_PROXY: '1',
            PORT: '0',
            HOST: '127.0.0.1',
            LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 120_000);
        const check = setInterval(() => {
          const address = /hearback is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (address && /"msg":"background jobs started"/.test(output)) {
            clearTimeout(timer);
            clearInterval(check);
            const started = { child, base: address[1]!, output: () => output };
            servers.push(started);
            resolve(started);
          }
        }, 20);
        child.once('exit', (code) => {
          clearTimeout(timer);
          clearInterval(check);
          reject(new Error(`server exited with ${code}: ${output}`));
        });
      });
    }

    async function stop(s: Server): Promise<void> {
      if (s.child.exitCode !== null) return;
      const exited = new Promise((resolve) => s.child.once('exit', resolve));
      s.child.kill('SIGTERM');
      await exited;
    }

    async function signUp(on: Server, email: string): Promise<void> {
      expectStatus(
        await call(on, 'POST', '/api/auth/sign-up/email', {
          json: { email, password, name: email.split('@')[0] },
        }),
        200,
        `sign-up of ${email}`,
      );
    }

    async function signIn(
      on: Server,
      email: string,
      secret = password,
    ): Promise<{ id: string; cookie: string }> {
      const answer = expectStatus(
        await call(on, 'POST', '/api/auth/sign-in/email', { json: { email, password: secret } }),
        200,
        `sign-in of ${email}`,
      );
      if (!answer.cookie) expect.fail(`no session cookie for ${email}`);
      return { id: answer.json().user.id, cookie: answer.cookie };
    }

    it('both servers started at once with the first-admin environment, and exactly one admin exists', async () => {
      const operator = await signIn(a, admin.email, admin.password);
      const users = expectStatus(
        await call(b, 'GET', '/api/admin/users', { cookie: operator.cookie }),
        200,
        'admin list',
      );
      const admins = users.json().filter((u: { role: string }) => u.role === 'admin');
      expect(admins.map((u: { email: string }) => u.email)).toEqual([admin.email]);
    });

    it('a session made on one server works on the other, and a sign-out on one ends it on both', async () => {
      await signUp(a, 'seeker-one@example.org');
      const session = await signIn(b, 'seeker-one@example.org');
      const who = expectStatus(
        await call(a, 'GET', '/api/account', { cookie: session.cookie }),
        200,
        'account on A',
      );
      expect(who.json().user.email).toBe('seeker-one@example.org');

      const created = expectStatus(
        await call(a, 'POST', '/api/applications', {
          cookie: session.cookie,
          json: { companyName: 'Acme Two Servers', jobTitle: 'Engineer' },
        }),
        201,
        'create on A',
      );
      // Read on B (and again on A, whose list cache must see B's write at once).
      const onB = expectStatus(
        await call(b, 'GET', '/api/applications', { cookie: session.cookie }),
        200,
        'list on B',
      );
      expect(onB.json().items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
      expectStatus(await call(a, 'GET', '/api/applications', { cookie: session.cookie }), 200, 'list on A');
      expectStatus(
        await call(b, 'POST', '/api/applications', {
          cookie: session.cookie,
          json: { companyName: 'Beta Two Servers', jobTitle: 'Engineer' },
        }),
        201,
        'create on B',
      );
      const onA = expectStatus(
        await call(a, 'GET', '/api/applications', { cookie: session.cookie }),
        200,
        'list on A',
      );
      expect(onA.json().items).toHaveLength(2);

      expectStatus(
        await call(a, 'POST', '/api/auth/sign-out', { cookie: session.cookie, json: {} }),
        200,
        'sign-out',
      );
      expectStatus(
        await call(b, 'GET', '/api/account', { cookie: session.cookie }),
        401,
        'signed-out session on B',
      );
      expectStatus(
        await call(a, 'GET', '/api/applications', { cookie: session.cookie }),
        401,
        'signed-out on A',
      );
    });

    it('a share revoked on one server is refused on the other at once', async () => {
      await signUp(b, 'coach@example.org');
      await signUp(a, 'seeker-two@example.org');
      const operator = await signIn(b, admin.email, admin.password);
      const coach = await signIn(a, 'coach@example.org');
      expectStatus(
        await call(a, 'PATCH', `/api/admin/users/${coach.id}`, {
          cookie: operator.cookie,
          json: { role: 'coach' },
        }),
        200,
        'make coach',
      );
      const seeker = await signIn(b, 'seeker-two@example.org');
      const application = expectStatus(
        await call(b, 'POST', '/api/applications', {
          cookie: seeker.cookie,
          json: { companyName: 'Shared Co', jobTitle: 'Designer' },
        }),
        201,
        'create',
      ).json();
      const share = expectStatus(
        await call(a, 'POST', '/api/shares', {
          cookie: seeker.cookie,
          json: { coachEmail: 'coach@example.org' },
        }),
        201,
        'share',
      ).json();

      for (const on of [a, b]) {
        const list = expectStatus(
          await call(on, 'GET', '/api/coach/job-seekers', { cookie: coach.cookie }),
          200,
          'coach list',
        );
        expect(list.json().map((s: { id: string }) => s.id)).toEqual([seeker.id]);
        expectStatus(
          await call(on, 'GET', `/api/coach/applications/${application.id}`, { cookie: coach.cookie }),
          200,
          'coach reads',
        );
      }

      expectStatus(
        await call(b, 'DELETE', `/api/shares/${share.id}`, { cookie: seeker.cookie }),
        204,
        'revoke on B',
      );
      // The very next request, on the other server, is refused.
      expectStatus(
        await call(a, 'GET', `/api/coach/applications/${application.id}`, { cookie: coach.cookie }),
        404,
        'coach after revocation on A',
      );
      const after = expectStatus(
        await call(a, 'GET', '/api/coach/job-seekers', { cookie: coach.cookie }),
        200,
        'list',
      );
      expect(after.json()).toEqual([]);
      expectStatus(
        await call(b, 'GET', `/api/coach/applications/${application.id}`, { cookie: coach.cookie }),
        404,
        'coach after revocation on B',
      );
    });

    it('the calendar feed and the employer response link work through either server', async () => {
      await signUp(a, 'seeker-three@example.org');
      const seeker = await signIn(a, 'seeker-three@example.org');
      const application = expectStatus(
        await call(a, 'POST', '/api/applications', {
          cookie: seeker.cookie,
          json: { companyName: 'Feed Co', jobTitle: 'Analyst' },
        }),
        201,
        'create',
      ).json();

      const feed = expectStatus(
        await call(b, 'POST', '/api/calendar/token', { cookie: seeker.cookie, json: {} }),
        201,
        'issue feed on B',
      ).json();
      const feedPath = new URL(feed.url).pathname;
      expect(feedPath).toMatch(/^\/ics\/.+\.ics$/);
      for (const on of [a, b]) {
        const ics = expectStatus(await call(on, 'GET', feedPath), 200, 'feed without a session');
        expect(ics.body).toContain('BEGIN:VCALENDAR');
      }
      expectStatus(
        await call(a, 'DELETE', '/api/calendar/token', { cookie: seeker.cookie }),
        204,
        'revoke feed on A',
      );
      expectStatus(await call(b, 'GET', feedPath), 404, 'revoked feed on B');

      const link = expectStatus(
        await call(a, 'POST', `/api/applications/${application.id}/response-link`, {
          cookie: seeker.cookie,
          json: {},
        }),
        201,
        'issue response link on A',
      ).json();
      const linkPath = new URL(link.url).pathname;
      // The employer opens the page on B and answers on A (a load balancer may send them anywhere).
      const page = expectStatus(await call(b, 'GET', linkPath), 200, 'employer page on B');
      const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)?.[1];
      expect(nonce).toBeDefined();
      const sent = expectStatus(
        await call(a, 'POST', linkPath, { cookie: page.cookie, form: { nonce: nonce!, answer: 'on_hold' } }),
        303,
        'employer answer on A',
      );
      expect(sent.location).toBe(`${linkPath}?sent=1`);
      // The spent nonce is refused on B too.
      expectStatus(
        await call(b, 'POST', linkPath, {
          cookie: page.cookie,
          form: { nonce: nonce!, answer: 'another_candidate' },
        }),
        403,
        'spent nonce on B',
      );
      const status = expectStatus(
        await call(b, 'GET', `/api/applications/${application.id}/response-link`, { cookie: seeker.cookie }),
        200,
        'status on B',
      ).json();
      expect(status.lastAnswer?.answer).toBe('on_hold');
    });

    it('the morning digest, worked by both servers, goes out once per account', async () => {
      const now = new Date();
      // A zone where it is about noon now (Etc/GMT-5 is UTC+5), so the local day cannot end during the test.
      const offset = 12 - now.getUTCHours();
      const zone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
      const local = new Date(now.getTime() + offset * 3_600_000);
      const digestTime = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;

      const emails = [
        'digest-1@example.org',
        'digest-2@example.org',
        'digest-3@example.org',
        'digest-4@example.org',
      ];
      for (const [index, email] of emails.entries()) {
        const on = index % 2 === 0 ? a : b;
        const other = index % 2 === 0 ? b : a;
        await signUp(on, email);
        const account = await signIn(other, email);
        expectStatus(
          await call(on, 'PATCH', '/api/settings', {
            cookie: account.cookie,
            json: {
              timeZone: zone,
              country: null,
              workingDays: [1, 2, 3, 4, 5, 6, 7],
              email,
              digestEnabled: true,
              digestTime,
              smtpUrl: smtp.url,
            },
          }),
          200,
          'digest settings',
        );
        const application = expectStatus(
          await call(other, 'POST', '/api/applications', {
            cookie: account.cookie,
            json: { companyName: `Digest Co ${index}`, jobTitle: 'Engineer' },
          }),
          201,
          'create',
        ).json();
        expectStatus(
          await call(on, 'POST', '/api/follow-ups', {
            cookie: account.cookie,
            json: {
              applicationId: application.id,
              dueAt: new Date(now.getTime() - 3_600_000).toISOString(),
              reason: `Reminder ${index}`,
            },
          }),
          201,
          'follow-up',
        );
      }

      await waitUntil(() => smtp.received.length >= emails.length, `${emails.length} digests`, 150_000);
      // Until both servers' queues have nothing of the digest left to do: every send job has ended.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await waitUntil(
          async () => {
            const { rows } = await client.query<{ open: string; done: string }>(
              `select count(*) filter (where state not in ('completed', 'failed', 'cancelled')) as open,
                    count(*) filter (where state = 'completed') as done
               from pgboss.job where name = 'digest-send'`,
            );
            return Number(rows[0]!.open) === 0 && Number(rows[0]!.done) >= emails.length;
          },
          'the digest send jobs to end',
          60_000,
        );
        const { rows } = await client.query<{ state: string; attempts: number }>(
          'select state, attempts from digest_sends',
        );
        expect(rows).toHaveLength(emails.length);
        expect(rows.every((r) => r.state === 'sent' && Number(r.attempts) === 1)).toBe(true);
      } finally {
        await client.end();
      }
      const recipients = smtp.received.map((mail) => mail.to.join(',')).sort();
      expect(recipients).toEqual([...emails].sort());
      const sentBy = [a, b].map((s) => (s.output().match(/"outcome":"sent"/g) ?? []).length);
      expect(sentBy[0]! + sentBy[1]!).toBe(emails.length);
      console.info(`digests sent by each server: ${sentBy.join(' and ')}`);

      for (const s of [a, b]) {
        expect(s.child.exitCode).toBeNull();
        expect(s.output()).not.toMatch(/"level":50|could not start/);
      }
    });
  },
);
