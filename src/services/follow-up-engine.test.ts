import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { closedPortUrl, startSmtpServer } from '../../test/support/smtp.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { listApplicationFollowUps } from '../storage/follow-up-store.js';
import { inTransaction } from './deps.js';
import { replanApplicationById } from './replan.js';

type Step = {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
  contactId: string | null;
  reason: string;
  origin: string;
};

describeEachDialect('follow-up engine in storage, Today, drafts and sending', (ctx) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const steps = async (applicationId: string): Promise<Step[]> =>
    call(ctx.app, 'GET', `/api/follow-ups?applicationId=${applicationId}`, undefined, 200);
  const open = async (applicationId: string) =>
    (await steps(applicationId)).filter((s) => s.status === 'planned' || s.status === 'snoozed');

  /** Mon 2 Mar 2026 in New York; an interview there on Thu 5 Mar, 14:00–15:00, with two interviewers. */
  async function interviewedApplication() {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      {
        timeZone: 'America/New_York',
        country: 'US',
        region: 'NY',
        name: 'Robin Quinn',
        email: 'robin@example.org',
      },
      200,
    );
    const application = await addApplication(ctx.app, {
      companyName: 'Acme',
      jobTitle: 'Backend Engineer',
      stageAt: '2026-02-23T15:00:00Z',
    });
    const dana = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: 'Dana Lee', role: 'interviewer', email: 'dana@acme.example' },
      201,
    );
    const sam = await call(ctx.app, 'POST', '/api/contacts', { name: 'Sam Poe', role: 'interviewer' }, 201);
    const interview = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        round: 'technical',
        startsAt: '2026-03-05T19:00:00Z',
        endsAt: '2026-03-05T20:00:00Z',
        timeZone: 'America/New_York',
        interviewerIds: [dana.id, sam.id],
        decisionDate: '2026-03-12',
        topics: 'the payments API, on-call',
      },
      201,
    );
    return { application, dana, sam, interview };
  }

  it('plans a check-in when an application is added, and re-plans to thank-yous and a follow-up after an interview', async () => {
    const application = await addApplication(ctx.app, { stageAt: '2026-03-02T10:00:00Z' });
    const [checkIn] = await open(application.id);
    expect(checkIn).toMatchObject({ kind: 'application_check_in', origin: 'plan' });
    expect(checkIn!.reason).toContain('7 business days');

    const { application: app2, dana, sam } = await interviewedApplication();
    const planned = await open(app2.id);
    const thanks = planned.filter((s) => s.kind === 'thank_you');
    expect(thanks.map((s) => s.contactId).sort()).toEqual([dana.id, sam.id].sort());
    // 24 h after the end (Fri 6 Mar 15:00 New York), inside working hours.
    expect(thanks.map((s) => s.dueAt)).toEqual(['2026-03-06T20:00:00.000Z', '2026-03-06T20:00:00.000Z']);
    const followUp = planned.find((s) => s.kind === 'first_follow_up')!;
    // Two business days after the decision date they gave (Thu 12 Mar): Mon 16 Mar, morning.
    expect(followUp.dueAt).toBe('2026-03-16T13:00:00.000Z');
    expect(followUp.reason).toMatch(/2 business days after the decision date/);
    expect(planned.some((s) => s.kind === 'application_check_in')).toBe(false);
  });

  it('re-plans idempotently: planning again changes nothing', async () => {
    const { application } = await interviewedApplication();
    const before = await listApplicationFollowUps(ctx.deps.db, ctx.deps.userId, application.id);
    await inTransaction(ctx.deps, (tx) => replanApplicationById(tx, application.id));
    await inTransaction(ctx.deps, (tx) => replanApplicationById(tx, application.id));
    expect(await listApplicationFollowUps(ctx.deps.db, ctx.deps.userId, application.id)).toEqual(before);
  });

  it('cancels pending nudges when the employer replies, and moves the next step to 2 business days after a new date', async () => {
    const { application } = await interviewedApplication();
    ctx.runtime.clock.set('2026-03-09T15:00:00.000Z');
    await call(
      ctx.app,
      'POST',
      '/api/events',
      {
        kind: 'reply_received',
        applicationId: application.id,
        channel: 'email',
        sentiment: 'neutral',
        newDecisionDate: '2026-03-20',
        occurredAt: '2026-03-09T15:00:00Z',
      },
      201,
    );
    const nudges = (await open(application.id)).filter((s) => s.kind !== 'thank_you');
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatchObject({ kind: 'first_follow_up', dueAt: '2026-03-24T13:00:00.000Z' });
  });

  it('keeps done steps as history and refuses to delete a planned step', async () => {
    const { application } = await interviewedApplication();
    const thanks = (await open(application.id)).filter((s) => s.kind === 'thank_you');
    ctx.runtime.clock.set('2026-03-06T15:00:00.000Z');
    await call(ctx.app, 'POST', `/api/follow-ups/${thanks[0]!.id}/done`, { note: 'sent' }, 200);
    const after = await steps(application.id);
    expect(after.find((s) => s.id === thanks[0]!.id)).toMatchObject({ status: 'done' });
    expect(after.filter((s) => s.kind === 'thank_you' && s.status === 'planned')).toHaveLength(1);
    const refused = await call(ctx.app, 'DELETE', `/api/follow-ups/${thanks[1]!.id}`, undefined, 409);
    expect(refused.error.code).toBe('FOLLOW_UP_IS_PLANNED');
  });

  it('lists Today as of any date, grouped and ordered, with the rule behind each step', async () => {
    const { application, dana } = await interviewedApplication();
    const today = await call(ctx.app, 'GET', '/api/today?asOf=2026-03-06', undefined, 200);
    expect(today).toMatchObject({ date: '2026-03-06', timeZone: 'America/New_York', overdue: [] });
    expect(today.today.map((i: { step: Step }) => i.step.kind)).toEqual(['thank_you', 'thank_you']);
    const forDana = today.today.find((i: { contact: { id: string } | null }) => i.contact?.id === dana.id);
    expect(forDana).toMatchObject({
      application: { id: application.id, jobTitle: 'Backend Engineer', companyName: 'Acme' },
      contact: { name: 'Dana Lee', email: 'dana@acme.example' },
      hasDraft: true,
    });
    expect(forDana.explanation).toMatch(/Thank-you note, within 24 hours/);
    const later = await call(ctx.app, 'GET', '/api/today?asOf=2026-03-16', undefined, 200);
    expect(later.overdue.map((i: { step: Step }) => i.step.kind)).toEqual(['thank_you', 'thank_you']);
    expect(later.today.map((i: { step: Step }) => i.step.kind)).toEqual(['first_follow_up']);
    expect(later.totals).toEqual({ overdue: 2, today: 1, week: later.week.length });
    // The first steps of each group only, as the web page opens; the totals still count every step.
    const firstOnly = await call(ctx.app, 'GET', '/api/today?asOf=2026-03-16&first=1', undefined, 200);
    expect(firstOnly.overdue).toEqual([later.overdue[0]]);
    expect(firstOnly.today).toEqual(later.today);
    expect(firstOnly.totals).toEqual(later.totals);
    const bad = await call(ctx.app, 'GET', '/api/today?first=0', undefined, 400);
    expect(bad.error.details.issues[0].field).toBe('first');
  });

  it('asks on Today how the interviews of the last two weeks went, until their topics or rating are noted', async () => {
    ctx.runtime.clock.set('2026-03-20T12:00:00.000Z');
    const interviewAt = async (jobTitle: string, endsAt: string, extra: Record<string, unknown> = {}) => {
      const application = await addApplication(ctx.app, {
        companyName: `${jobTitle} & Co <i>`,
        jobTitle,
        stageAt: '2026-02-01T10:00:00Z',
      });
      const interview = await call(
        ctx.app,
        'POST',
        '/api/interviews',
        {
          applicationId: application.id,
          round: 'technical',
          startsAt: new Date(Date.parse(endsAt) - 3_600_000).toISOString(),
          endsAt,
          timeZone: 'UTC',
          ...extra,
        },
        201,
      );
      return { application, interview };
    };
    const first = await interviewAt('First', '2026-03-05T20:00:00.000Z');
    const latest = await interviewAt('Latest', '2026-03-09T10:00:00.000Z');
    await interviewAt('Too old', '2026-02-20T10:00:00.000Z');
    await interviewAt('Rated', '2026-03-08T10:00:00.000Z', { selfRating: 3 });
    const upcoming = await interviewAt('Upcoming', '2026-03-11T10:00:00.000Z');
    const ended = await interviewAt('Ended', '2026-03-08T12:00:00.000Z');
    await call(
      ctx.app,
      'POST',
      `/api/applications/${ended.application.id}/stage`,
      { stage: 'ended', outcome: 'rejected', occurredAt: '2026-03-09T12:00:00.000Z' },
      200,
    );

    const asOf = '2026-03-10T12:00:00.000Z';
    const today = await call(ctx.app, 'GET', `/api/today?asOf=${asOf}`, undefined, 200);
    expect(today.applicationCount).toBe(6);
    expect(today.debriefs).toEqual([
      {
        interview: latest.interview,
        application: { id: latest.application.id, jobTitle: 'Latest', companyName: 'Latest & Co <i>' },
      },
      {
        interview: first.interview,
        application: { id: first.application.id, jobTitle: 'First', companyName: 'First & Co <i>' },
      },
    ]);

    await call(ctx.app, 'PATCH', `/api/interviews/${latest.interview.id}`, { topics: 'the roadmap' }, 200);
    const after = await call(ctx.app, 'GET', `/api/today?asOf=${asOf}`, undefined, 200);
    expect(after.debriefs.map((d: { interview: { id: string } }) => d.interview.id)).toEqual([
      first.interview.id,
    ]);
    // Fourteen days and one hour after the first interview: it is no longer asked about; the upcoming one is.
    const later = await call(ctx.app, 'GET', '/api/today?asOf=2026-03-19T21:00:00.000Z', undefined, 200);
    expect(later.debriefs.map((d: { interview: { id: string } }) => d.interview.id)).toEqual([
      upcoming.interview.id,
    ]);
  });

  it('tells a new user on Today that they have no application yet', async () => {
    expect((await call(ctx.app, 'GET', '/api/today', undefined, 200)).applicationCount).toBe(0);
  });

  it('drafts a thank-you that cites the topics, as text, mailto and .eml', async () => {
    const { application, dana } = await interviewedApplication();
    const step = (await open(application.id)).find((s) => s.kind === 'thank_you' && s.contactId === dana.id)!;
    const draft = await call(ctx.app, 'GET', `/api/follow-ups/${step.id}/draft`, undefined, 200);
    expect(draft.to).toBe('dana@acme.example');
    expect(draft.body).toContain('Dear Dana');
    expect(draft.body).toContain('the payments API');
    expect(draft.body).toContain('Robin Quinn');
    expect(draft.missingFields).toEqual([]);
    expect(draft.mailto.startsWith('mailto:dana@acme.example?subject=')).toBe(true);
    const eml = await ctx.app.inject({ method: 'GET', url: `/api/follow-ups/${step.id}/draft.eml` });
    expect(eml.headers['content-type']).toContain('message/rfc822');
    const parsed = await simpleParser(eml.rawPayload);
    expect(parsed.subject).toBe(draft.subject);
    expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(draft.body.trim());

    // Downloaded after editing in the dialog: the file holds the edits, not the draft as written.
    const edited = await ctx.app.inject({
      method: 'POST',
      url: `/api/follow-ups/${step.id}/draft.eml`,
      payload: { to: 'dana.lee@acme.example', subject: 'Thanks, Dana', body: 'Edited by hand.\nRobin' },
    });
    expect(edited.statusCode).toBe(200);
    const editedMessage = await simpleParser(edited.rawPayload);
    expect(editedMessage.subject).toBe('Thanks, Dana');
    expect(editedMessage.text?.replace(/\r\n/g, '\n').trim()).toBe('Edited by hand.\nRobin');
    expect(editedMessage.to).toMatchObject({ text: 'dana.lee@acme.example' });
    const badAddress = await ctx.app.inject({
      method: 'POST',
      url: `/api/follow-ups/${step.id}/draft.eml`,
      payload: { to: 'not an address' },
    });
    expect(badAddress.statusCode).toBe(400);
    expect(badAddress.body).toContain('to');
  });

  it('sends through a real SMTP server, records the message and completes the step', async () => {
    const { application, dana } = await interviewedApplication();
    await call(ctx.app, 'PATCH', '/api/settings', { smtpUrl: smtp.url }, 200);
    const step = (await open(application.id)).find((s) => s.kind === 'thank_you' && s.contactId === dana.id)!;
    const before = smtp.received.length;
    const result = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${step.id}/send`,
      { subject: 'Thank you, Dana' },
      200,
    );
    expect(result.step).toMatchObject({ id: step.id, status: 'done' });
    expect(result.event).toMatchObject({
      kind: 'message_sent',
      followUpId: step.id,
      contactId: dana.id,
      subject: 'Thank you, Dana',
    });
    expect(smtp.received.length).toBe(before + 1);
    const mail = await simpleParser(smtp.received.at(-1)!.raw);
    expect(smtp.received.at(-1)!.to).toEqual(['dana@acme.example']);
    expect(mail.subject).toBe('Thank you, Dana');
    expect(mail.from?.value[0]?.address).toBe('robin@example.org');
    expect(mail.text).toContain('the payments API');
    const settings = await call(ctx.app, 'GET', '/api/settings', undefined, 200);
    expect(settings.smtp).toEqual({ configured: true, from: null });
    expect(JSON.stringify(settings)).not.toContain('127.0.0.1');
  });

  it('leaves the step open and says why when the server refuses the connection or the recipient', async () => {
    const { application, dana, sam } = await interviewedApplication();
    const danaStep = (await open(application.id)).find((s) => s.contactId === dana.id)!;
    const samStep = (await open(application.id)).find((s) => s.contactId === sam.id)!;
    const notSet = await call(ctx.app, 'POST', `/api/follow-ups/${danaStep.id}/send`, {}, 409);
    expect(notSet.error.code).toBe('EMAIL_NOT_CONFIGURED');
    await call(ctx.app, 'PATCH', '/api/settings', { smtpUrl: await closedPortUrl() }, 200);
    const refused = await call(ctx.app, 'POST', `/api/follow-ups/${danaStep.id}/send`, {}, 502);
    expect(refused.error).toMatchObject({ code: 'EMAIL_SEND_FAILED', details: { reason: 'connection' } });
    await call(ctx.app, 'PATCH', '/api/settings', { smtpUrl: smtp.url }, 200);
    const rejected = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${samStep.id}/send`,
      { to: 'nobody@acme.example' },
      502,
    );
    expect(rejected.error).toMatchObject({ code: 'EMAIL_SEND_FAILED', details: { smtpCode: 550 } });
    const noAddress = await call(ctx.app, 'POST', `/api/follow-ups/${samStep.id}/send`, {}, 400);
    expect(noAddress.error.details.issues[0].field).toBe('to');
    const stillOpen = await steps(application.id);
    expect(stillOpen.filter((s) => s.kind === 'thank_you').map((s) => s.status)).toEqual([
      'planned',
      'planned',
    ]);
    const timeline = await call(
      ctx.app,
      'GET',
      `/api/applications/${application.id}/timeline`,
      undefined,
      200,
    );
    expect(timeline.some((e: { kind: string }) => e.kind === 'message_sent')).toBe(false);
  });

  it('keeps hostile names and subjects inert: a CR/LF never makes a header or a recipient', async () => {
    const { application, dana } = await interviewedApplication();
    await call(
      ctx.app,
      'PATCH',
      `/api/contacts/${dana.id}`,
      { name: 'Dana\r\nBcc: evil@attacker.example' },
      200,
    );
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { smtpUrl: smtp.url, name: 'Robin\r\nX-Injected: yes' },
      200,
    );
    const step = (await open(application.id)).find((s) => s.contactId === dana.id)!;
    const draft = await call(ctx.app, 'GET', `/api/follow-ups/${step.id}/draft`, undefined, 200);
    expect(draft.mailto).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(draft.mailto.split('?')[1]!.split('&')[0]!)).not.toMatch(/[\r\n]/);
    await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${step.id}/send`,
      { subject: 'Hi\r\nBcc: evil2@attacker.example' },
      200,
    );
    const last = smtp.received.at(-1)!;
    expect(last.to).toEqual(['dana@acme.example']);
    const headers = last.raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(headers).not.toMatch(/^(Bcc|X-Injected):/im);
    const mail = await simpleParser(last.raw);
    expect(mail.subject).toBe('Hi Bcc: evil2@attacker.example');
  });

  it('re-plans everything when the playbook changes, and uses the user’s own templates', async () => {
    const { application } = await interviewedApplication();
    const playbook = await call(
      ctx.app,
      'PATCH',
      '/api/playbook',
      { rules: { thank_you: { enabled: false } } },
      200,
    );
    expect(playbook.rules.thank_you.enabled).toBe(false);
    expect((await open(application.id)).some((s) => s.kind === 'thank_you')).toBe(false);
    const bad = await call(
      ctx.app,
      'PUT',
      '/api/templates/first_follow_up',
      { subject: 'Hi {{contact.nickname}}', body: 'x' },
      400,
    );
    expect(bad.error.details.issues[0].field).toBe('subject');
    await call(ctx.app, 'DELETE', '/api/playbook', undefined, 200);
    await call(
      ctx.app,
      'PUT',
      '/api/templates/thank_you',
      { subject: 'Thanks from {{user.firstName}}', body: 'Hello {{contact.firstName}} at {{company.name}}' },
      200,
    );
    const step = (await open(application.id)).find((s) => s.kind === 'thank_you')!;
    const draft = await call(ctx.app, 'GET', `/api/follow-ups/${step.id}/draft`, undefined, 200);
    expect(draft.subject).toBe('Thanks from Robin');
    expect(draft.body).toMatch(/^Hello (Dana|Sam) at Acme$/);
    const templates = await call(ctx.app, 'GET', '/api/templates', undefined, 200);
    expect(templates.find((t: { kind: string }) => t.kind === 'thank_you').isDefault).toBe(false);
    const preview = await call(
      ctx.app,
      'POST',
      '/api/templates/closing_note/preview',
      { subject: 'Closing {{application.jobTitle}}', body: 'Dear {{contact.firstName}}' },
      200,
    );
    expect(preview.subject).toBe('Closing Backend Engineer');
  });
});
