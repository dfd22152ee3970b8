import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';
import { lintIcs } from '../../integrations/ics/lint-ics.js';
import { buildApp } from '../build-app.js';
import { redactIcsFeedUrl } from './calendar-routes.js';

const base = 'http://localhost:4600';

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

function eventByUid(text: string, uid: string): ICAL.Event {
  const found = events(text).find((e) => e.uid === uid);
  if (!found) throw new Error(`no event ${uid} in\n${text}`);
  return found;
}

/** The path part of a feed URL, e.g. `/ics/abc….ics`. */
function feedPath(url: string): string {
  return new URL(url).pathname;
}

async function issue(app: FastifyInstance, reissue?: boolean): Promise<{ url: string; webcalUrl: string }> {
  return call(app, 'POST', '/api/calendar/token', reissue === undefined ? undefined : { reissue }, 201);
}

async function fetchFeed(app: FastifyInstance, url: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url: feedPath(url) });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(response.headers['cache-control']).toBe('private, no-store');
  return response.body;
}

async function addInterview(app: FastifyInstance, fields: Record<string, unknown>) {
  return call(
    app,
    'POST',
    '/api/interviews',
    {
      round: 'technical',
      startsAt: '2026-03-06T15:00:00Z',
      endsAt: '2026-03-06T16:00:00Z',
      timeZone: 'America/New_York',
      ...fields,
    },
    201,
  );
}

/** Python's icalendar (Debian python3-icalendar) as a second reader; Debian's interpreter first. */
function findPythonWithIcalendar(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}
const python = findPythonWithIcalendar();
if (!python) console.warn('python3 with icalendar not found: skipping the Python reading of the served feed');

const pythonReader = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    if isinstance(start, datetime.datetime):
        start = start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    else:
        start = start.isoformat()
    out.append({'uid': str(ev.get('UID')), 'summary': str(ev.get('SUMMARY')), 'start': start,
                'sequence': int(ev.get('SEQUENCE', 0))})
print(json.dumps({'components': [c.name for c in cal.walk()], 'events': out}))
`;

describeEachDialect('calendar routes', (ctx) => {
  it('issues the feed URL once, says only whether it exists, and refuses to replace it unasked', async () => {
    expect(await call(ctx.app, 'GET', '/api/calendar', undefined, 200)).toEqual({
      exists: false,
      createdAt: null,
    });
    const issued = await issue(ctx.app);
    expect(issued.url).toMatch(/^http:\/\/localhost:4600\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(issued.webcalUrl).toBe(issued.url.replace('http://', 'webcal://'));
    const token = feedPath(issued.url).slice('/ics/'.length, -'.ics'.length);

    const status = await ctx.app.inject({ method: 'GET', url: '/api/calendar' });
    expect(status.json()).toEqual({ exists: true, createdAt: '2026-03-02T10:00:00.000Z' });
    expect(status.body).not.toContain(token);

    const again = await ctx.app.inject({ method: 'POST', url: '/api/calendar/token', payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CALENDAR_FEED_EXISTS');
    expect(again.body).not.toContain(token);

    const stored = await ctx.deps.db.selectFrom('calendar_tokens').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-issues a new URL and the old one stops working; revoking stops the new one too', async () => {
    const first = await issue(ctx.app);
    await fetchFeed(ctx.app, first.url);
    const second = await issue(ctx.app, true);
    expect(second.url).not.toBe(first.url);
    expect((await ctx.app.inject({ method: 'GET', url: feedPath(first.url) })).statusCode).toBe(404);
    await fetchFeed(ctx.app, second.url);
    await call(ctx.app, 'DELETE', '/api/calendar/token', undefined, 204);
    expect((await ctx.app.inject({ method: 'GET', url: feedPath(second.url) })).statusCode).toBe(404);
    expect(await call(ctx.app, 'GET', '/api/calendar', undefined, 200)).toEqual({
      exists: false,
      createdAt: null,
    });
    await call(ctx.app, 'DELETE', '/api/calendar/token', undefined, 204);
  });

  it('answers a wrong, revoked or malformed token exactly like an unknown path', async () => {
    const revoked = await issue(ctx.app);
    await call(ctx.app, 'DELETE', '/api/calendar/token', undefined, 204);
    await issue(ctx.app);
    const paths = [
      feedPath(revoked.url),
      `/ics/${'A'.repeat(43)}.ics`,
      '/ics/x.ics',
      '/ics/%00%0d%0a.ics',
      `${feedPath(revoked.url).slice(0, -4)}.txt`,
    ];
    for (const path of paths) {
      const response = await ctx.app.inject({ method: 'GET', url: path });
      const unknown = await ctx.app.inject({ method: 'GET', url: `/api/no-such${path}` });
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(response.json()).toEqual({
        error: { code: 'ROUTE_NOT_FOUND', message: `No route GET ${path}` },
      });
      expect(unknown.json()).toEqual({
        error: { code: 'ROUTE_NOT_FOUND', message: `No route GET /api/no-such${path}` },
      });
    }
  });

  it('never writes a feed token into the server log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({
      deps: ctx.deps,
      dialect: ctx.runtime.dialect,
      logger: { level: 'trace', stream },
    });
    try {
      const revoked = await issue(logged);
      await call(logged, 'DELETE', '/api/calendar/token', undefined, 204);
      const live = await issue(logged);
      const tokens = [revoked.url, live.url].map((u) => feedPath(u).slice(5, -4));
      await fetchFeed(logged, live.url);
      for (const url of [
        feedPath(live.url),
        `${feedPath(live.url)}?x=1`,
        feedPath(revoked.url),
        `//ics/${tokens[1]}.ics`,
        `/%69cs/${tokens[1]}.ics`,
        `/ics/${tokens[1]}.ics/more`,
      ]) {
        await logged.inject({ method: 'GET', url });
      }
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(10);
      expect(log).toContain('/ics/[redacted]');
      for (const token of tokens) expect(log).not.toContain(token);
    } finally {
      await logged.close();
    }
  });

  it('redacts only paths under /ics/', () => {
    expect(redactIcsFeedUrl('/ics/abc.ics?x')).toBe('/ics/[redacted]');
    expect(redactIcsFeedUrl('/ICS/abc.ics')).toBe('/ics/[redacted]');
    expect(redactIcsFeedUrl('/./ics/abc')).toBe('/ics/[redacted]');
    expect(redactIcsFeedUrl('/api/interviews/01J/ics')).toBe('/api/interviews/01J/ics');
    expect(redactIcsFeedUrl('/icsfoo/bar')).toBe('/icsfoo/bar');
  });

  it('serves interviews with interviewers, the application link and the leave-by reminder, and open steps', async () => {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { travelBufferMinutes: 45, timeZone: 'America/New_York' },
      200,
    );
    const application = await addApplication(ctx.app, {
      companyName: 'Acme',
      jobTitle: 'Backend Engineer',
      postingUrl: 'https://jobs.acme.example/backend',
    });
    const dana = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: 'Dana Lee', role: 'hiring_manager', email: 'dana@acme.example' },
      201,
    );
    const interview = await addInterview(ctx.app, {
      applicationId: application.id,
      location: 'Acme HQ, 5th floor',
      interviewerIds: [dana.id],
    });
    const { url } = await issue(ctx.app);
    const text = await fetchFeed(ctx.app, url);
    expect(lintIcs(text, { requireRefresh: true })).toEqual([]);

    const event = eventByUid(text, `${interview.id}@hearback`);
    expect(event.summary).toBe('Technical interview: Backend Engineer at Acme');
    expect(event.location).toBe('Acme HQ, 5th floor');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(event.description).toContain('Dana Lee (hiring manager) <dana@acme.example>');
    expect(event.description).toContain(`Application in hearback: ${base}/applications/${application.id}`);
    expect(event.description).toContain('Job posting: https://jobs.acme.example/backend');
    expect(event.description).toContain('Leave by 09:15 (45 minutes before) so you arrive early.');
    const alarm = event.component.getFirstSubcomponent('valarm');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT45M');

    const steps = await call(
      ctx.app,
      'GET',
      `/api/follow-ups?applicationId=${application.id}`,
      undefined,
      200,
    );
    const thanks = steps.find((s: { kind: string }) => s.kind === 'thank_you');
    expect(thanks).toBeDefined();
    const stepEvent = eventByUid(text, `${thanks.id}@hearback`);
    expect(stepEvent.summary).toBe('Thank Dana Lee (Acme) for the interview');
    expect(stepEvent.description).toBe(
      `${thanks.reason}\nHow: Email\nDraft: ${base}/follow-ups/${thanks.id}/draft`,
    );
    expect(stepEvent.startDate.toJSDate().toISOString()).toBe(thanks.dueAt);
    const open = steps.filter((s: { status: string }) => s.status === 'planned' || s.status === 'snoozed');
    expect(events(text)).toHaveLength(1 + open.length);

    if (python) {
      const read = spawnSync(python, ['-c', pythonReader], { input: text, encoding: 'utf8' });
      expect(read.status, read.stderr).toBe(0);
      const parsed = JSON.parse(read.stdout) as {
        components: string[];
        events: { uid: string; summary: string; start: string }[];
      };
      expect(parsed.components.filter((c) => c === 'VCALENDAR')).toHaveLength(1);
      expect(parsed.events.find((e) => e.uid === `${interview.id}@hearback`)).toMatchObject({
        summary: 'Technical interview: Backend Engineer at Acme',
        start: '2026-03-06T15:00:00Z',
      });
      expect(parsed.events.find((e) => e.uid === `${thanks.id}@hearback`)?.summary).toBe(
        'Thank Dana Lee (Acme) for the interview',
      );
    }
  });

  it('makes steps all-day events on their local date when the user asks for it', async () => {
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { calendarStepsAllDay: true, timeZone: 'America/Los_Angeles' },
      200,
    );
    const application = await addApplication(ctx.app);
    const step = await call(
      ctx.app,
      'POST',
      '/api/follow-ups',
      { applicationId: application.id, dueAt: '2026-03-11T03:00:00Z', reason: 'Your own reminder' },
      201,
    );
    const text = await fetchFeed(ctx.app, (await issue(ctx.app)).url);
    const event = eventByUid(text, `${step.id}@hearback`);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-10');
    expect(event.endDate.toString()).toBe('2026-03-11');
    expect(event.summary).toBe('Follow up: Engineer at Acme');
    expect(event.description).toBe(`Your own reminder\nDraft: ${base}/follow-ups/${step.id}`);
    expect(lintIcs(text)).toEqual([]);
  });

  it('places interviews across a DST change and in three time zones at the right instant', async () => {
    const application = await addApplication(ctx.app);
    const cases = [
      // New York before and after the switch to daylight time on 8 March 2026 (UTC-5, then UTC-4).
      {
        startsAt: '2026-03-06T10:00:00-05:00',
        utc: '2026-03-06T15:00:00.000Z',
        timeZone: 'America/New_York',
        local: 'Fri 2026-03-06, 10:00–11:00',
      },
      {
        startsAt: '2026-03-09T10:00:00-04:00',
        utc: '2026-03-09T14:00:00.000Z',
        timeZone: 'America/New_York',
        local: 'Mon 2026-03-09, 10:00–11:00',
      },
      // Berlin after the EU switch on 29 March (UTC+2), Tokyo (no DST, UTC+9).
      {
        startsAt: '2026-03-30T10:00:00+02:00',
        utc: '2026-03-30T08:00:00.000Z',
        timeZone: 'Europe/Berlin',
        local: 'Mon 2026-03-30, 10:00–11:00',
      },
      {
        startsAt: '2026-03-10T10:00:00+09:00',
        utc: '2026-03-10T01:00:00.000Z',
        timeZone: 'Asia/Tokyo',
        local: 'Tue 2026-03-10, 10:00–11:00',
      },
    ];
    const created: { id: string }[] = [];
    for (const c of cases) {
      created.push(
        await addInterview(ctx.app, {
          applicationId: application.id,
          startsAt: c.startsAt,
          endsAt: new Date(Date.parse(c.startsAt) + 3_600_000).toISOString(),
          timeZone: c.timeZone,
        }),
      );
    }
    const text = await fetchFeed(ctx.app, (await issue(ctx.app)).url);
    cases.forEach((c, i) => {
      const event = eventByUid(text, `${created[i]?.id}@hearback`);
      expect(event.startDate.toJSDate().toISOString()).toBe(c.utc);
      expect(event.description).toContain(`When: ${c.local} (${c.timeZone})`);
    });
    expect(text).not.toContain('TZID');
  });

  it('keeps the UID of an edited interview, bumps its SEQUENCE, and drops it once deleted', async () => {
    const application = await addApplication(ctx.app);
    const interview = await addInterview(ctx.app, { applicationId: application.id });
    const { url } = await issue(ctx.app);
    const uid = `${interview.id}@hearback`;
    const before = eventByUid(await fetchFeed(ctx.app, url), uid);
    expect(before.sequence).toBe(0);

    ctx.runtime.clock.set('2026-03-02T11:00:00.000Z');
    await call(
      ctx.app,
      'PATCH',
      `/api/interviews/${interview.id}`,
      { startsAt: '2026-03-06T17:00:00Z', endsAt: '2026-03-06T18:00:00Z' },
      200,
    );
    const edited = eventByUid(await fetchFeed(ctx.app, url), uid);
    expect(edited.sequence).toBeGreaterThan(before.sequence);
    expect(edited.startDate.toJSDate().toISOString()).toBe('2026-03-06T17:00:00.000Z');

    ctx.runtime.clock.set('2026-03-02T12:00:00.000Z');
    await call(ctx.app, 'PATCH', `/api/companies/${application.company.id}`, { name: 'Acme Renamed' }, 200);
    const renamed = eventByUid(await fetchFeed(ctx.app, url), uid);
    expect(renamed.sequence).toBeGreaterThan(edited.sequence);
    expect(renamed.summary).toBe('Technical interview: Engineer at Acme Renamed');

    await call(ctx.app, 'DELETE', `/api/interviews/${interview.id}`, undefined, 204);
    expect(events(await fetchFeed(ctx.app, url)).map((e) => e.uid)).not.toContain(uid);
  });

  it('downloads one interview as an .ics file', async () => {
    const application = await addApplication(ctx.app);
    const interview = await addInterview(ctx.app, {
      applicationId: application.id,
      videoLink: 'https://meet.example/abc',
    });
    const response = await ctx.app.inject({ method: 'GET', url: `/api/interviews/${interview.id}/ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="interview-${interview.id}.ics"`,
    );
    expect(lintIcs(response.body)).toEqual([]);
    expect(events(response.body).map((e) => e.uid)).toEqual([`${interview.id}@hearback`]);
    expect(response.body).not.toContain('REFRESH-INTERVAL');
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/interviews/01JNOSUCHINTERVIEW00000000/ics',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('INTERVIEW_NOT_FOUND');
  });

  it('keeps hostile names, titles and notes inside their values', async () => {
    const hostile = 'Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x@evil\r\nX-INJECTED:1;\\,\u2028BEGIN:VALARM';
    const application = await addApplication(ctx.app, {
      companyName: `Co ${hostile}`,
      jobTitle: `Job ${hostile}`,
    });
    const person = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: `Dana ${hostile}`, role: 'interviewer' },
      201,
    );
    const interview = await addInterview(ctx.app, {
      applicationId: application.id,
      location: `Room ${hostile}`,
      notes: `Notes ${hostile}`,
      interviewerIds: [person.id],
    });
    const text = await fetchFeed(ctx.app, (await issue(ctx.app)).url);
    expect(lintIcs(text, { requireRefresh: true })).toEqual([]);
    expect(text).not.toMatch(/\r\nX-INJECTED/);
    expect(text).not.toMatch(/\r\nUID:x@evil/);
    const all = events(text);
    expect(all.map((e) => e.uid).filter((uid) => uid === 'x@evil')).toEqual([]);
    const event = eventByUid(text, `${interview.id}@hearback`);
    expect(event.description).toContain('X-INJECTED:1;\\,');
    expect(event.component.getAllSubcomponents().map((c) => c.name)).toEqual(['valarm']);
  });

  it('keeps the feed out of the OpenAPI document', async () => {
    const document = (await call(ctx.app, 'GET', '/api/openapi.json', undefined, 200)) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/ics'))).toEqual([]);
    expect(Object.keys(document.paths)).toContain('/api/calendar/token');
  });
});
