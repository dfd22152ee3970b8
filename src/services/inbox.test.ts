import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import {
  hasDovecot,
  noDovecotMessage,
  startDovecot,
  type TestImapServer,
} from '../../test/support/dovecot.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { openTestRuntime, postgresFlavour, type TestRuntime } from '../../test/support/test-runtime.js';
import { imapMailbox } from '../integrations/imap/imap-mailbox.js';
import { createSecretBox } from '../integrations/imap/secret-box.js';
import { buildApp } from '../server/build-app.js';
import type { Deps } from './deps.js';
import { syncInbox } from './inbox.js';
import { syncEveryInbox } from './inbox-jobs.js';
import { startInboxWatch } from './inbox-watch.js';

const ics = fs.readFileSync(
  path.join(import.meta.dirname, '../integrations/ics/fixtures/google-invite.ics'),
  'utf8',
);

async function rawMail(fields: {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  date?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  ics?: string;
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: fields.from,
    to: fields.to ?? 'jobseeker@example.test',
    subject: fields.subject,
    ...(fields.text !== undefined && { text: fields.text }),
    ...(fields.html !== undefined && { html: fields.html }),
    date: new Date(fields.date ?? '2026-03-09T14:00:00Z'),
    ...(fields.inReplyTo && { inReplyTo: fields.inReplyTo }),
    ...(fields.references && { references: fields.references }),
    ...(fields.headers && { headers: fields.headers }),
    ...(fields.ics && { icalEvent: { method: 'REQUEST', content: fields.ics } }),
  });
  return composer.compile().build();
}

if (!hasDovecot()) {
  describe('inbox against a real IMAP server', () => {
    it.skip(noDovecotMessage, () => {});
  });
}

for (const dialect of hasDovecot() ? (['sqlite', 'postgres'] as const) : []) {
  const label = dialect === 'sqlite' ? '[sqlite]' : `[postgres (${postgresFlavour()})]`;
  describe(`inbox against a real IMAP server (dovecot) ${label}`, () => {
    let runtime: TestRuntime;
    let imap: TestImapServer;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let deps: Deps;
    let app: FastifyInstance;
    let keyDir: string;
    const logLines: string[] = [];

    beforeAll(async () => {
      runtime = await openTestRuntime(dialect);
      smtp = await startSmtpServer();
      keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-inbox-key-'));
      deps = {
        ...runtime.deps,
        inbox: {
          secrets: createSecretBox({ keyFile: path.join(keyDir, 'secret.key') }),
          mailbox: imapMailbox,
        },
      };
      const stream = { write: (line: string) => logLines.push(line) };
      app = await buildApp({ deps, dialect: runtime.dialect, logger: { level: 'trace', stream } });
    });
    afterAll(async () => {
      await imap?.close();
      await app?.close();
      await smtp?.close();
      await runtime?.close();
      fs.rmSync(keyDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await runtime.reset();
      await imap?.close();
      imap = await startDovecot();
    });
    const steps = async (applicationId: string) =>
      (await call(app, 'GET', `/api/follow-ups?applicationId=${applicationId}`, undefined, 200)) as {
        id: string;
        kind: string;
        status: string;
        contactId: string | null;
      }[];
    const timeline = async (applicationId: string) =>
      (await call(app, 'GET', `/api/events?applicationId=${applicationId}`, undefined, 200)) as {
        kind: string;
        summary?: string;
        text?: string;
        sentiment?: string;
      }[];

    /** Interviewed at Acme on Thu 5 Mar; a thank-you to Dana is due, and a follow-up after the decision date. */
    async function interviewedAtAcme() {
      await call(
        app,
        'PATCH',
        '/api/settings',
        { name: 'Robin Quinn', email: 'robin@example.org', smtpUrl: smtp.url },
        200,
      );
      const application = await addApplication(app, {
        companyName: 'Acme',
        jobTitle: 'Backend Engineer',
        stageAt: '2026-02-23T15:00:00Z',
      });
      const dana = await call(
        app,
        'POST',
        '/api/contacts',
        { name: 'Dana Lee', email: 'dana@acme.example' },
        201,
      );
      await call(
        app,
        'POST',
        '/api/interviews',
        {
          applicationId: application.id,
          round: 'technical',
          startsAt: '2026-03-05T19:00:00Z',
          endsAt: '2026-03-05T20:00:00Z',
          timeZone: 'America/New_York',
          interviewerIds: [dana.id],
          decisionDate: '2026-03-12',
        },
        201,
      );
      return { application, dana };
    }

    it('puts the reply to a thank-you sent through hearback on the timeline in one sync, cancelling the nudge', async () => {
      const { application, dana } = await interviewedAtAcme();
      runtime.clock.set('2026-03-06T20:00:00.000Z');
      const thanks = (await steps(application.id)).find(
        (s) => s.kind === 'thank_you' && s.contactId === dana.id,
      )!;
      await call(app, 'POST', `/api/follow-ups/${thanks.id}/send`, {}, 200);
      const sent = smtp.received.at(-1)!.raw.toString();
      const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(sent)?.[1];
      expect(messageId).toMatch(/\.hearback@example\.org>$/);
      const nudgesBefore = (await steps(application.id)).filter(
        (s) => s.kind === 'first_follow_up' && s.status === 'planned',
      );
      expect(nudgesBefore).toHaveLength(1);
      const todayBefore = await call(app, 'GET', '/api/today?asOf=2026-03-16', undefined, 200);
      expect(JSON.stringify(todayBefore)).toContain(nudgesBefore[0]!.id);

      await imap.deliver(
        await rawMail({
          from: 'Dana Lee <dana@acme.example>',
          subject: 'Re: Thank you',
          text: 'Thanks Robin, it was great talking to you. We will get back to you next week.\n\nOn Fri, Robin wrote:\n> Thank you for the interview',
          date: '2026-03-09T14:00:00Z',
          inReplyTo: messageId!,
          references: messageId!,
        }),
      );
      runtime.clock.set('2026-03-09T15:00:00.000Z');
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      const report = await call(app, 'POST', '/api/inbox/sync', undefined, 200);
      expect(report).toEqual({ fetched: 1, matched: 1, queued: 0, ignored: 0, failed: [] });

      const replies = (await timeline(application.id)).filter((e) => e.kind === 'reply_received');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.summary).toContain('Re: Thank you');
      // The reply cancels the pending nudge and the plan starts again from the reply, as a reply typed in does.
      const after = await steps(application.id);
      expect(after.find((s) => s.id === nudgesBefore[0]!.id)?.status ?? 'gone').not.toBe('planned');
      const todayAfter = await call(app, 'GET', '/api/today?asOf=2026-03-16', undefined, 200);
      expect(JSON.stringify(todayAfter)).not.toContain(nudgesBefore[0]!.id);
      expect(JSON.stringify(todayAfter)).not.toEqual(JSON.stringify(todayBefore));
      const provenance = await call(
        app,
        'GET',
        `/api/inbox/messages?applicationId=${application.id}`,
        undefined,
        200,
      );
      expect(provenance.items).toHaveLength(1);
      expect(provenance.items[0]).toMatchObject({
        reason: 'a reply to a message you sent through hearback',
        status: 'applied',
      });
      // Read-only: the message is not even marked as seen.
      expect((await imap.flagsOf()).map((flags) => flags.filter((f) => f !== '\\Recent'))).toEqual([[]]);
    });

    it('matches an ATS rejection without a thread, suggests ending it, and imports an invitation and an acknowledgement', async () => {
      await call(app, 'PATCH', '/api/settings', { email: 'robin@example.org' }, 200);
      const globex = await addApplication(app, {
        companyName: 'Globex',
        jobTitle: 'Platform Engineer',
        postingUrl: 'https://boards.greenhouse.io/globex/jobs/123',
        stageAt: '2026-02-20T15:00:00Z',
      });
      const initech = await addApplication(app, {
        companyName: 'Initech',
        jobTitle: 'SRE',
        stageAt: '2026-02-20T15:00:00Z',
      });
      const hooli = await addApplication(app, {
        companyName: 'Hooli',
        jobTitle: 'Data Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      const hooliNudges = (await steps(hooli.id)).filter((s) => s.status === 'planned');
      expect(hooliNudges.length).toBeGreaterThan(0);
      await imap.deliver(
        await rawMail({
          from: 'Globex Recruiting <no-reply@us.greenhouse-mail.io>',
          subject: 'Your application to Globex',
          html: '<html><body><p>Dear Robin,</p><p>Thank you for your interest in the <b>Platform Engineer</b> role at Globex. After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.</p><script>alert(1)</script></body></html>',
        }),
      );
      await imap.deliver(
        await rawMail({
          from: 'Initech Talent <talent@initech.lever.co>',
          subject: 'Interview invitation: SRE at Initech',
          text: 'Hi Robin, we would like to invite you to an interview for the SRE role at Initech. The calendar invitation is attached.',
          ics,
        }),
      );
      await imap.deliver(
        await rawMail({
          from: 'Hooli Careers <careers@hooli.myworkday.com>',
          subject: 'Hooli: application received',
          text: 'Thank you for applying to the Data Engineer position at Hooli. We have received your application and our team will review it.',
        }),
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      const report = await call(app, 'POST', '/api/inbox/sync', undefined, 200);
      expect(report).toMatchObject({ fetched: 3, matched: 3, queued: 0, ignored: 0, failed: [] });

      const rejection = (
        await call(app, 'GET', `/api/inbox/messages?applicationId=${globex.id}`, undefined, 200)
      ).items;
      expect(rejection).toHaveLength(1);
      expect(rejection[0]).toMatchObject({
        kind: 'rejection',
        rule: 'en.rejection.other-candidates',
        suggestion: 'end_rejected',
      });
      expect(rejection[0].excerpt).not.toContain('alert(1)');
      const globexNow = await call(app, 'GET', `/api/applications/${globex.id}`, undefined, 200);
      expect(globexNow.stage).toBe('applied');
      expect((await timeline(globex.id)).filter((e) => e.kind === 'reply_received')[0]?.sentiment).toBe(
        'negative',
      );

      const interviews = await call(
        app,
        'GET',
        `/api/interviews?applicationId=${initech.id}`,
        undefined,
        200,
      );
      expect(interviews.items ?? interviews).toHaveLength(1);

      const hooliTimeline = await timeline(hooli.id);
      expect(hooliTimeline.filter((e) => e.kind === 'reply_received')).toHaveLength(0);
      expect(hooliTimeline.filter((e) => e.kind === 'note')[0]?.text).toContain('Application received');
      expect((await steps(hooli.id)).filter((s) => s.status === 'planned').map((s) => s.id)).toEqual(
        hooliNudges.map((s) => s.id),
      );
      // Applied by themselves: only the excerpt is kept, never the full text.
      const kept = await runtime.deps.db.selectFrom('inbox_messages').select(['status', 'body']).execute();
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(kept.map(() => ({ status: 'applied', body: null })));
    });

    it('queues uncertain matches; confirming applies one, ignoring leaves no trace', async () => {
      const first = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Backend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      const second = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Frontend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      await call(
        app,
        'PATCH',
        `/api/companies/${first.company.id}`,
        { website: 'https://umbrella.example' },
        200,
      );
      await imap.deliver(
        await rawMail({
          from: 'Alex <alex@umbrella.example>',
          subject: 'Quick question',
          text: 'Hi Robin, do you have a minute this week to talk about your application with us?',
        }),
      );
      await imap.deliver(
        await rawMail({
          from: 'Alex <alex@umbrella.example>',
          subject: 'Following up',
          text: 'Hi Robin, just checking in about the next steps on our side, more soon.',
        }),
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      const report = await call(app, 'POST', '/api/inbox/sync', undefined, 200);
      expect(report).toMatchObject({ fetched: 2, matched: 0, queued: 2, ignored: 0 });
      const queue = (await call(app, 'GET', '/api/inbox/review', undefined, 200)).items;
      expect(queue).toHaveLength(2);
      expect(queue[0].candidates.sort()).toEqual([first.id, second.id].sort());
      expect((await timeline(first.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(0);

      const confirmed = await call(
        app,
        'POST',
        `/api/inbox/review/${queue[0].id}/confirm`,
        { applicationId: second.id },
        200,
      );
      expect(confirmed).toMatchObject({ status: 'applied', applicationId: second.id });
      expect((await timeline(second.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);

      const versionBefore = await call(app, 'GET', `/api/events?applicationId=${first.id}`, undefined, 200);
      await call(app, 'DELETE', `/api/inbox/review/${queue[1].id}`, undefined, 204);
      expect((await call(app, 'GET', '/api/inbox/review', undefined, 200)).items).toHaveLength(0);
      expect(await call(app, 'GET', `/api/events?applicationId=${first.id}`, undefined, 200)).toEqual(
        versionBefore,
      );
      const rows = await runtime.deps.db.selectFrom('inbox_messages').select(['id']).execute();
      expect(rows.map((r) => r.id)).toEqual([queue[0].id]);
      // The ignored message does not come back: the next sync reads only newer mail.
      expect(await call(app, 'POST', '/api/inbox/sync', undefined, 200)).toMatchObject({ fetched: 0 });
    });

    it('keeps the full text only of a message you confirm, read-only; confirm works when the mailbox is down', async () => {
      const first = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Backend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      const second = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Frontend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      await call(
        app,
        'PATCH',
        `/api/companies/${first.company.id}`,
        { website: 'https://umbrella.example' },
        200,
      );
      const hostile = `<img src=x onerror=alert(1)> '; DROP TABLE inbox_messages; -- \u202e`;
      const long = 'Our team would like to hear more about the work you did on billing. '.repeat(1500);
      await imap.deliver(
        await rawMail({
          from: 'Alex <alex@umbrella.example>',
          subject: 'Quick question',
          html: `<p>Hi Robin,</p><script>alert("x")</script><p>do you have a <b>minute</b> this week?</p><p>${hostile.replace(/</g, '&lt;')}</p><p>${long}</p>`,
        }),
      );
      await imap.deliver(
        await rawMail({
          from: 'Alex <alex@umbrella.example>',
          subject: 'Following up',
          text: 'Hi Robin, just checking in about the next steps on our side, more soon.',
        }),
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      expect(await call(app, 'POST', '/api/inbox/sync', undefined, 200)).toMatchObject({ queued: 2 });
      const queue = (await call(app, 'GET', '/api/inbox/review', undefined, 200)).items as {
        id: string;
        subject: string;
        body: string | null;
      }[];
      expect(queue.map((m) => m.body)).toEqual([null, null]);
      const html = queue.find((m) => m.subject === 'Quick question')!;
      const plain = queue.find((m) => m.subject === 'Following up')!;

      const confirmed = await call(
        app,
        'POST',
        `/api/inbox/review/${html.id}/confirm`,
        { applicationId: second.id },
        200,
      );
      expect(confirmed.bodyNotFetched).toBeUndefined();
      expect(confirmed.body).toContain('do you have a minute this week?');
      expect(confirmed.body).toContain(hostile);
      expect(confirmed.body).not.toContain('<p>');
      expect(confirmed.body).not.toContain('alert("x")');
      expect(confirmed.body.length).toBe(64_000);
      // Shown where the confirmed message is shown, and read without marking anything as seen.
      const shown = (await call(app, 'GET', `/api/inbox/messages?applicationId=${second.id}`, undefined, 200))
        .items;
      expect(shown).toEqual([expect.objectContaining({ id: html.id, body: confirmed.body })]);
      expect((await imap.flagsOf()).map((flags) => flags.filter((f) => f !== '\\Recent'))).toEqual([[], []]);

      // The mailbox is down: confirm still applies the message and says why the text is missing.
      await imap.close();
      const offline = await call(
        app,
        'POST',
        `/api/inbox/review/${plain.id}/confirm`,
        { applicationId: first.id },
        200,
      );
      expect(offline).toMatchObject({ status: 'applied', applicationId: first.id, body: null });
      expect(offline.bodyNotFetched).toMatch(/Could not read the mailbox at 127\.0\.0\.1:\d+/);
      expect((await timeline(first.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);

      // Forget this mailbox: the kept text goes with the messages.
      await call(app, 'DELETE', '/api/inbox', undefined, 200);
      const left = await runtime.deps.db.selectFrom('inbox_messages').select(['body']).execute();
      expect(left).toEqual([]);
    });

    it('imports the calendar file of an uncertain invitation as an interview when you confirm it', async () => {
      const application = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Backend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      await call(
        app,
        'PATCH',
        `/api/companies/${application.company.id}`,
        { website: 'https://umbrella.example' },
        200,
      );
      // A calendar file without an invitation phrase: an invitation, but not a certain one.
      await imap.deliver(
        await rawMail({
          from: 'Alex <alex@umbrella.example>',
          subject: 'Thursday',
          text: 'Hi Robin, see the attached for Thursday.',
          ics,
        }),
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      expect(await call(app, 'POST', '/api/inbox/sync', undefined, 200)).toMatchObject({
        queued: 1,
        matched: 0,
      });
      const interviews = async () => {
        const found = await call(
          app,
          'GET',
          `/api/interviews?applicationId=${application.id}`,
          undefined,
          200,
        );
        return (found.items ?? found) as unknown[];
      };
      expect(await interviews()).toHaveLength(0);
      const [queued] = (await call(app, 'GET', '/api/inbox/review', undefined, 200)).items;
      expect(queued).toMatchObject({
        kind: 'interview_invitation',
        hasInvitation: true,
        applicationId: application.id,
      });

      const confirmed = await call(app, 'POST', `/api/inbox/review/${queued.id}/confirm`, {}, 200);
      expect(confirmed).toMatchObject({ status: 'applied', hasInvitation: false });
      expect(confirmed.body).toContain('see the attached for Thursday');
      expect(await interviews()).toHaveLength(1);
      expect((await timeline(application.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);
    });

    it('is restart-safe: a sync stopped half-way and run again records each message exactly once', async () => {
      const apps = [];
      for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
        const a = await addApplication(app, {
          companyName: name,
          jobTitle: 'Engineer',
          stageAt: '2026-02-20T15:00:00Z',
        });
        await call(
          app,
          'PATCH',
          `/api/companies/${a.company.id}`,
          { website: `https://${name.toLowerCase()}.example` },
          200,
        );
        apps.push(a);
        await imap.deliver(
          await rawMail({
            from: `Recruiter <jobs@${name.toLowerCase()}.example>`,
            subject: `Your application at ${name}`,
            text: `Dear Robin, unfortunately we have decided to move forward with other candidates for the Engineer role at ${name}.`,
          }),
        );
      }
      // An old message, outside the 60 days read on first connect.
      await imap.deliver(
        await rawMail({
          from: 'Recruiter <jobs@alpha.example>',
          subject: 'Old',
          text: 'We regret to inform you that the position has been filled.',
          date: '2025-11-01T10:00:00Z',
        }),
        { receivedAt: new Date('2025-11-01T10:00:00Z') },
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      let settled = 0;
      const crash = new Error('killed mid-way');
      await expect(
        syncInbox(deps, {
          afterMessage: () => {
            settled++;
            if (settled === 2) throw crash;
          },
        }),
      ).rejects.toBe(crash);
      const again = await syncInbox(deps);
      expect(again.fetched).toBe(3);
      for (const a of apps) {
        expect((await timeline(a.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);
      }
      expect(await syncInbox(deps)).toMatchObject({ fetched: 0, matched: 0 });
    });

    it('syncs every connected mailbox in the background job, reporting counts per user', async () => {
      const a = await addApplication(app, {
        companyName: 'Zeta',
        jobTitle: 'Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      await call(app, 'PATCH', `/api/companies/${a.company.id}`, { website: 'https://zeta.example' }, 200);
      await imap.deliver(
        await rawMail({
          from: 'Zeta <jobs@zeta.example>',
          subject: 'Zeta',
          text: 'We regret to inform you that the role has been filled.',
        }),
      );
      const reports: unknown[] = [];
      await syncEveryInbox(deps, { onReport: (userId, report) => reports.push({ userId, ...report }) });
      expect(reports).toEqual([]);
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      await syncEveryInbox(deps, { onReport: (userId, report) => reports.push({ userId, ...report }) });
      expect(reports).toEqual([
        { userId: deps.userId, fetched: 1, matched: 1, queued: 0, ignored: 0, failed: [] },
      ]);
      expect((await timeline(a.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);
      expect((await call(app, 'GET', '/api/inbox', undefined, 200)).lastSyncAt).toBe(
        runtime.clock.now().toISOString(),
      );
    });

    it('hears new mail at once with IMAP IDLE, read-only, and lets go of a forgotten mailbox and on shutdown', async () => {
      const a = await addApplication(app, {
        companyName: 'Umbrella',
        jobTitle: 'Backend Engineer',
        stageAt: '2026-02-20T15:00:00Z',
      });
      await call(
        app,
        'PATCH',
        `/api/companies/${a.company.id}`,
        { website: 'https://umbrella.example' },
        200,
      );
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      const heard: string[] = [];
      let synced!: () => void;
      const syncedOnce = new Promise<void>((resolve) => {
        synced = resolve;
      });
      const watch = startInboxWatch(deps, (userId) => {
        heard.push(userId);
        void syncInbox({ ...deps, userId }).then(() => synced());
      });
      try {
        await watch.refresh();
        await watch.ready(deps.userId);
        expect(heard).toEqual([]);
        await imap.deliver(
          await rawMail({
            from: 'Alex <alex@umbrella.example>',
            subject: 'Next steps',
            text: 'Hi Robin, we have decided to move forward with other candidates. Best, Alex',
          }),
        );
        await syncedOnce;
        expect(heard[0]).toBe(deps.userId);
        expect((await timeline(a.id)).filter((e) => e.kind === 'reply_received')).toHaveLength(1);
        expect((await imap.flagsOf()).map((flags) => flags.filter((f) => f !== '\\Recent'))).toEqual([[]]);
        // Forgotten: the next refresh closes the connection (awaited), and no new watcher starts.
        await call(app, 'DELETE', '/api/inbox', undefined, 200);
        await watch.refresh();
      } finally {
        await watch.stop();
      }
    });

    it('never shows the password in an API response, a log line or a backup', async () => {
      await call(app, 'PUT', '/api/inbox', { imapUrl: imap.url }, 200);
      await call(app, 'POST', '/api/inbox/sync', undefined, 200);
      const responses = [
        await app.inject({ method: 'GET', url: '/api/inbox' }),
        await app.inject({ method: 'GET', url: '/api/settings' }),
        await app.inject({ method: 'GET', url: '/api/inbox/review' }),
        await app.inject({ method: 'PUT', url: '/api/inbox', payload: { imapUrl: imap.url } }),
        await app.inject({
          method: 'PUT',
          url: '/api/inbox',
          payload: { imapUrl: imap.url.replace(imap.password, 'wrong-Zq8') },
        }),
        await app.inject({ method: 'GET', url: '/api/backup' }),
      ];
      const status = JSON.parse(responses[0]!.body);
      expect(status).toMatchObject({ connected: true, account: `${imap.user} on 127.0.0.1:${imap.port}` });
      expect(responses[4]!.statusCode).toBe(502);
      const backup = responses[5]!.body;
      expect(backup.length).toBeGreaterThan(100);
      const secrets = [imap.password, encodeURIComponent(imap.password), imap.url];
      for (const secret of secrets) {
        for (const response of responses) expect(response.body).not.toContain(secret);
        expect(logLines.join('\n')).not.toContain(secret);
      }
      expect(logLines.length).toBeGreaterThan(5);
      // At rest it is sealed: the row holds no readable password either.
      const row = await runtime.deps.db.selectFrom('inbox_accounts').selectAll().executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(imap.password);
      expect(fs.statSync(path.join(keyDir, 'secret.key')).mode & 0o777).toBe(0o600);

      await call(app, 'DELETE', '/api/inbox', undefined, 200);
      expect(await call(app, 'GET', '/api/inbox', undefined, 200)).toMatchObject({
        connected: false,
        account: null,
      });
      expect(await runtime.deps.db.selectFrom('inbox_accounts').selectAll().execute()).toEqual([]);
      expect(await runtime.deps.db.selectFrom('inbox_folders').selectAll().execute()).toEqual([]);
    });
  });
}
