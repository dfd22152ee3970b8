import { type ChildProcess, spawn } from 'node:child_process';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCreateSchema } from '../src/core/application.js';
import { followUpCreateSchema } from '../src/core/follow-up.js';
import { defaultSettings } from '../src/core/settings.js';
import { startRuntime } from '../src/runtime.js';
import { createApplication } from '../src/services/applications.js';
import { createFollowUp } from '../src/services/follow-ups.js';
import { updateSettings } from '../src/services/settings.js';
import { ensureUser } from '../src/storage/user-store.js';
import { bundleEntry } from './support/bundle.js';
import { createServerDatabase, noServerDatabaseMessage, waitUntil } from './support/job-queue-database.js';
import { startSmtpServer } from './support/smtp.js';

/**
 * Two real server processes on one PostgreSQL database and one loopback SMTP server, with 100 users whose
 * digests are all due in the same minute: every user gets exactly one email. Each user's zone is chosen so
 * that it is around noon there now, and the digest time is the current local minute.
 */
const users = 100;
const server = Boolean(process.env.TEST_DATABASE_URL);
if (!server) console.warn(noServerDatabaseMessage);

type Server = { child: ChildProcess; output: () => string };

describe.skipIf(!server)(
  'morning digest with two server processes [postgres (server)]',
  { timeout: 240_000 },
  () => {
    let database: { url: string; drop(): Promise<void> };
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let bundle: string;
    const servers: Server[] = [];

    beforeAll(async () => {
      const created = await createServerDatabase('hearback_digest');
      if (!created) throw new Error('TEST_DATABASE_URL is set but no database could be made');
      database = created;
      smtp = await startSmtpServer();
      bundle = await bundleEntry('src/main.ts', 'server-digest');
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => stop(s)));
      await smtp?.close();
      await database?.drop();
    });

    function start(): Promise<Server> {
      const child = spawn(
        process.execPath,
        ['-e', `import(${JSON.stringify(bundle)}).then((m) => m.main())`],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            PORT: '0',
            HOST: '127.0.0.1',
            LOG_LEVEL: 'info',
            HEARBACK_PUBLIC_URL: 'https://hb.example',
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
      const started = { child, output: () => output };
      servers.push(started);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
        const check = setInterval(() => {
          if (/"msg":"background jobs started"/.test(output)) {
            clearTimeout(timer);
            clearInterval(check);
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

    it(`sends each of ${users} users' digests, due in the same minute, exactly once`, async () => {
      const now = new Date();
      // A zone where it is about noon now (Etc/GMT-5 is UTC+5), so the local day cannot end during the test.
      const offset = 12 - now.getUTCHours();
      const zone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
      const local = new Date(now.getTime() + offset * 3_600_000);
      const digestTime = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;

      const runtime = await startRuntime({ kind: 'postgres', url: database.url });
      try {
        const addUser = async (i: number) => {
          const deps = { ...runtime.deps, userId: `digest-user-${i}` };
          await ensureUser(
            runtime.deps.db,
            { id: deps.userId, displayName: `User ${i}` },
            defaultSettings({ timeZone: zone, locale: 'en-US' }, 'US'),
            now.toISOString(),
          );
          await updateSettings(deps, {
            timeZone: zone,
            country: null,
            workingDays: [1, 2, 3, 4, 5, 6, 7],
            name: `User ${i}`,
            email: `user${i}@example.org`,
            digestEnabled: true,
            digestTime,
            smtpUrl: smtp.url,
          });
          const application = await createApplication(
            deps,
            applicationCreateSchema.parse({
              companyName: `Company ${i}`,
              jobTitle: 'Engineer',
              stage: 'saved',
            }),
          );
          await createFollowUp(
            deps,
            followUpCreateSchema.parse({
              applicationId: application.id,
              dueAt: new Date(now.getTime() - 3_600_000).toISOString(),
              reason: `Reminder for user ${i}`,
            }),
          );
        };
        // Ten at a time: each user's writes are their own transactions, so the pool runs them side by side.
        for (let i = 0; i < users; i += 10) {
          await Promise.all(Array.from({ length: 10 }, (_, k) => addUser(i + k)));
        }
      } finally {
        await runtime.close();
      }

      const [first, second] = await Promise.all([start(), start()]);
      await waitUntil(() => smtp.received.length >= users, `${users} digests`, 150_000);
      // Time for a duplicate from jobs still running in either process to arrive; later scans skip these users,
      // since every record below says sent.
      await new Promise((resolve) => setTimeout(resolve, 3_000));

      const recipients = smtp.received.map((mail) => mail.to.join(','));
      const counts = new Map<string, number>();
      for (const to of recipients) counts.set(to, (counts.get(to) ?? 0) + 1);
      expect(smtp.received).toHaveLength(users);
      expect(counts.size).toBe(users);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const sample = await simpleParser(smtp.received[0]?.raw ?? Buffer.alloc(0));
      expect(sample.subject).toMatch(/^Your follow-ups for \w{3} \d{4}-\d{2}-\d{2}: 1 due today$/);

      for (const s of [first, second]) {
        expect(s?.child.exitCode).toBeNull();
        expect(s?.output()).not.toMatch(/"level":50|could not start/);
      }
      const sentBy = [first, second].map((s) => (s?.output().match(/"outcome":"sent"/g) ?? []).length);
      expect(sentBy[0]! + sentBy[1]!).toBe(users);

      const check = await startRuntime({ kind: 'postgres', url: database.url });
      try {
        const rows = await check.deps.db.selectFrom('digest_sends').select(['state', 'attempts']).execute();
        expect(rows).toHaveLength(users);
        expect(rows.every((r) => r.state === 'sent' && Number(r.attempts) === 1)).toBe(true);
      } finally {
        await check.close();
      }
      console.info(`digests sent by each process: ${sentBy.join(' and ')}`);
      console.info(first?.output().slice(0, 3000), '\n=====\n', second?.output().slice(0, 6000));
    });
  },
);
