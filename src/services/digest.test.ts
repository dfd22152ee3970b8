import type net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { closedPortUrl, type ReceivedMail, startSmtpServer } from '../../test/support/smtp.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { createTableJobQueue, type TableJobQueue } from '../integrations/jobs/table-job-queue.js';
import { claimDigestSend, getDigestSend } from '../storage/digest-send-store.js';
import { listJobs } from '../storage/jobs-store.js';
import { digestMessageId, sendDigest } from './digest.js';
import { digestSendQueue, startDigestJobs } from './digest-jobs.js';

const publicUrl = 'https://hb.example';
/** Monday 2 March 2026 in Berlin (UTC+1): the digest is set for 08:00, which is 07:00 UTC. */
const digestAt = '2026-03-02T07:00:00.000Z';
const minutesAfter = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

/** An SMTP server on a given port: the mail server coming back where it was. */
async function startSmtpServerOn(
  port: number,
): Promise<{ received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  expect((server.server.address() as net.AddressInfo).port).toBe(port);
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDialect('morning digest', (ctx) => {
  const queues: TableJobQueue[] = [];

  /** A worker process of its own: a job queue on the same database, driven step by step. */
  async function startWorker(): Promise<TableJobQueue> {
    const queue = createTableJobQueue({ db: ctx.deps.db, clock: ctx.runtime.clock, ids: ctx.deps.ids });
    await startDigestJobs(queue, ctx.deps, { publicUrl });
    queues.push(queue);
    return queue;
  }

  async function pollAll(times = 2): Promise<void> {
    for (let i = 0; i < times; i++) await Promise.all(queues.map((q) => q.pollOnce()));
  }

  beforeEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await ctx.deps.db.deleteFrom('jobs').execute();
    smtp.received.length = 0;
  });

  /** Robin in Berlin, digest on at 08:00, one step overdue, one due today, one next week. */
  async function setUp(settings: Record<string, unknown> = {}) {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      {
        timeZone: 'Europe/Berlin',
        country: 'DE',
        name: 'Robin',
        email: 'robin@example.org',
        digestEnabled: true,
        digestTime: '08:00',
        smtpUrl: smtp.url,
        ...settings,
      },
      200,
    );
    const application = await addApplication(ctx.app, {
      companyName: 'Acme',
      jobTitle: 'Backend Engineer',
      stage: 'saved',
    });
    const dana = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: 'Dana Lee', role: 'interviewer', email: 'dana@acme.example' },
      201,
    );
    const step = (fields: Record<string, unknown>) =>
      call(ctx.app, 'POST', '/api/follow-ups', { applicationId: application.id, ...fields }, 201);
    const overdue = await step({
      kind: 'thank_you',
      contactId: dana.id,
      channel: 'email',
      dueAt: '2026-02-27T15:00:00Z',
      reason: 'Within 24 hours of the interview.',
    });
    const today = await step({ dueAt: '2026-03-02T13:00:00Z', reason: 'Your own reminder.' });
    const nextWeek = await step({ dueAt: '2026-03-06T13:00:00Z', reason: 'Later.' });
    return { application, overdue, today, nextWeek };
  }

  it('sends nothing before 08:00 Berlin, then one email with the right content, once', async () => {
    const { overdue, today, nextWeek } = await setUp();
    await startWorker();
    ctx.runtime.clock.set(minutesAfter(digestAt, -0.5));
    await pollAll();
    expect(smtp.received).toHaveLength(0);

    ctx.runtime.clock.set(digestAt);
    await pollAll();
    expect(smtp.received).toHaveLength(1);

    // Later polls, later the same day, and a second worker process change nothing.
    await startWorker();
    for (const at of [
      digestAt,
      minutesAfter(digestAt, 1),
      minutesAfter(digestAt, 30),
      '2026-03-02T22:59:00.000Z',
    ]) {
      ctx.runtime.clock.set(at);
      await pollAll();
    }
    expect(smtp.received).toHaveLength(1);

    const mail = smtp.received[0];
    expect(mail?.to).toEqual(['robin@example.org']);
    const parsed = await simpleParser(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Your follow-ups for Mon 2026-03-02: 1 overdue, 1 due today');
    expect(parsed.from?.value).toEqual([{ name: 'hearback', address: 'robin@example.org' }]);
    // A retry of the same day's digest carries the same id, so a mail program can tell a duplicate.
    expect(parsed.messageId).toBe(digestMessageId(ctx.deps.userId, '2026-03-02'));
    const text = parsed.text ?? '';
    expect(text).toContain('Good morning, Robin.');
    expect(text).toContain(
      [
        '- Thank Dana Lee (Acme) for the interview',
        '  Was due Fri 2026-02-27 16:00. Within 24 hours of the interview.',
        `  Draft: ${publicUrl}/follow-ups/${overdue.id}/draft`,
      ].join('\n'),
    );
    expect(text).toContain(
      [
        '- Follow up: Backend Engineer at Acme',
        '  Due 14:00. Your own reminder.',
        `  Open: ${publicUrl}/follow-ups/${today.id}`,
      ].join('\n'),
    );
    expect(text).not.toContain(nextWeek.id);
    expect(text).toContain(`Everything for today: ${publicUrl}/today`);

    const record = await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02');
    expect(record).toMatchObject({ state: 'sent', attempts: 1, itemCount: 2, sentAt: digestAt });
  });

  it('sends the next working morning again, and nothing on the weekend', async () => {
    await setUp();
    await startWorker();
    // Saturday 7 and Sunday 8 March are days off; Monday 9 March is the next digest.
    for (const at of ['2026-03-07T09:00:00.000Z', '2026-03-08T09:00:00.000Z']) {
      ctx.runtime.clock.set(at);
      await pollAll();
    }
    expect(smtp.received).toHaveLength(0);
    ctx.runtime.clock.set('2026-03-09T07:00:00.000Z');
    await pollAll();
    expect(smtp.received).toHaveLength(1);
    expect((await simpleParser(smtp.received[0]?.raw ?? Buffer.alloc(0))).subject).toMatch(
      /^Your follow-ups for Mon 2026-03-09/,
    );
  });

  it('is off by default', async () => {
    await setUp({ digestEnabled: undefined });
    await startWorker();
    ctx.runtime.clock.set(minutesAfter(digestAt, 5));
    await pollAll();
    expect(smtp.received).toHaveLength(0);
    expect(await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02')).toBeUndefined();
  });

  it('sends nothing when nothing is due, and records the day as done', async () => {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { timeZone: 'Europe/Berlin', email: 'robin@example.org', digestEnabled: true, smtpUrl: smtp.url },
      200,
    );
    await startWorker();
    ctx.runtime.clock.set(digestAt);
    await pollAll();
    expect(smtp.received).toHaveLength(0);
    expect(await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02')).toMatchObject({
      state: 'skipped',
      lastError: 'nothing due',
    });
  });

  it('retries with backoff while the mail server is down, and sends exactly one when it is back', async () => {
    const down = await closedPortUrl();
    await setUp({ smtpUrl: down });
    await startWorker();
    ctx.runtime.clock.set(digestAt);
    await pollAll();
    let record = await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02');
    expect(record).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: minutesAfter(digestAt, 1) });
    expect(record?.lastError).toMatch(/connection refused/);

    // Not before the retry time; then 1, 2 and 4 minutes apart.
    ctx.runtime.clock.set(minutesAfter(digestAt, 0.9));
    await pollAll();
    expect((await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02'))?.attempts).toBe(1);
    const tries = [1, 3, 7];
    for (const [i, at] of tries.entries()) {
      ctx.runtime.clock.set(minutesAfter(digestAt, at));
      await pollAll();
      record = await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02');
      expect(record).toMatchObject({ state: 'failed', attempts: i + 2 });
    }
    expect(record?.nextAttemptAt).toBe(minutesAfter(digestAt, 15));
    // One waiting retry job at a time, at the recorded time.
    const waiting = (await listJobs(ctx.deps.db, digestSendQueue)).filter((j) => j.state === 'waiting');
    expect(waiting.map((j) => j.run_at)).toEqual([minutesAfter(digestAt, 15)]);

    const port = Number(new URL(down).port);
    const back = await startSmtpServerOn(port);
    try {
      ctx.runtime.clock.set(minutesAfter(digestAt, 15));
      await pollAll(3);
      for (const at of [16, 30, 60, 600]) {
        ctx.runtime.clock.set(minutesAfter(digestAt, at));
        await pollAll();
      }
      expect(back.received).toHaveLength(1);
      expect(back.received[0]?.to).toEqual(['robin@example.org']);
      expect(await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02')).toMatchObject({
        state: 'sent',
        attempts: 5,
        itemCount: 2,
      });
    } finally {
      await back.close();
    }
  });

  it('leaves a digest another process is sending alone, and takes it over once that process is gone', async () => {
    await setUp();
    await startWorker();
    // A process claimed the digest at 08:00 and died before sending (or before recording that it had sent).
    await claimDigestSend(ctx.deps.db, {
      userId: ctx.deps.userId,
      localDate: '2026-03-02',
      now: digestAt,
      leaseUntil: minutesAfter(digestAt, 10),
      messageId: digestMessageId(ctx.deps.userId, '2026-03-02'),
    });
    ctx.runtime.clock.set(minutesAfter(digestAt, 9));
    await pollAll();
    expect(smtp.received).toHaveLength(0);
    ctx.runtime.clock.set(minutesAfter(digestAt, 10));
    await pollAll();
    await pollAll();
    expect(smtp.received).toHaveLength(1);
    expect(await getDigestSend(ctx.deps.db, ctx.deps.userId, '2026-03-02')).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('sends once when many workers race for the same digest', async () => {
    await setUp();
    ctx.runtime.clock.set(digestAt);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => sendDigest(ctx.deps, '2026-03-02', { publicUrl })),
    );
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'handled_elsewhere')).toHaveLength(5);
    expect(smtp.received).toHaveLength(1);
  });

  it('records a user without mail settings as not configured, and sends nothing', async () => {
    await setUp({ smtpUrl: null });
    ctx.runtime.clock.set(digestAt);
    expect(await sendDigest(ctx.deps, '2026-03-02', { publicUrl })).toEqual({
      outcome: 'not_configured',
      missing: 'smtp',
    });
    expect(await sendDigest(ctx.deps, '2026-03-02', { publicUrl })).toEqual({
      outcome: 'handled_elsewhere',
      state: 'skipped',
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('never sends a digest for a day that is over', async () => {
    await setUp();
    ctx.runtime.clock.set('2026-03-03T07:30:00.000Z');
    expect(await sendDigest(ctx.deps, '2026-03-02', { publicUrl })).toEqual({
      outcome: 'not_due',
      reason: 'day_over',
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('keeps hostile names, titles and notes out of the email headers', async () => {
    const hostile =
      'X\r\nBcc: victim@evil.example\r\nSubject: injected\r\n\r\nbody\u2028To: other@evil.example';
    await setUp({ name: `Robin ${hostile}`.slice(0, 200) });
    const application = await addApplication(ctx.app, {
      companyName: `Evil ${hostile}`,
      jobTitle: `Job ${hostile}`,
      stage: 'saved',
    });
    const person = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: `Dana ${hostile}`, role: 'recruiter' },
      201,
    );
    await call(
      ctx.app,
      'POST',
      '/api/follow-ups',
      {
        applicationId: application.id,
        kind: 'closing_note',
        contactId: person.id,
        dueAt: '2026-03-02T09:00:00Z',
        reason: `Because ${hostile}`,
      },
      201,
    );
    ctx.runtime.clock.set(digestAt);
    expect(await sendDigest(ctx.deps, '2026-03-02', { publicUrl })).toEqual({ outcome: 'sent', items: 3 });
    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]?.raw ?? Buffer.alloc(0);
    expect(smtp.received[0]?.to).toEqual(['robin@example.org']);
    const head = raw.toString('latin1').slice(0, raw.toString('latin1').indexOf('\r\n\r\n'));
    const names = head
      .split('\r\n')
      .filter((line) => !/^[ \t]/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names.sort()).toEqual(
      [
        'content-transfer-encoding',
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
      ].sort(),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Your follow-ups for Mon 2026-03-02: 1 overdue, 2 due today');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual([
      'robin@example.org',
    ]);
    const text = parsed.text ?? '';
    // Each item is three lines, whatever its title and reason hold.
    expect(text).toContain(
      `- Send Dana X Bcc: victim@evil.example Subject: injected  body To: other@evil.example (Evil X Bcc: victim@evil.example Subject: injected  body To: other@evil.example) a closing note on Job X Bcc: victim@evil.example Subject: injected  body To: other@evil.example\n  Due 10:00. Because X Bcc:`,
    );
  });
});
