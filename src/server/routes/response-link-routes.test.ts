import fs from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import {
  describeEachDialect,
  openTestRuntime,
  type TestRuntime,
} from '../../../test/support/test-runtime.js';
import { previewDigest } from '../../services/digest.js';
import { buildApp } from '../build-app.js';
import { redactResponseLinkUrl } from './response-link-routes.js';

const base = 'https://hearback.example.org';
const host = 'hearback.example.org';

type Page = { token: string; cookie: string; nonce: string; html: string };

describeEachDialect('the employer response link', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      deps: ctx.deps,
      dialect: ctx.runtime.dialect,
      responseLinkBase: base,
      hostOriginGuard: { allowedHosts: [host] },
      responseLinkLimits: {
        perAddress: { limit: 1_000, windowMs: 60_000 },
        perToken: { limit: 1_000, windowMs: 60_000 },
      },
    });
  });
  afterAll(() => app.close());

  async function linkFor(applicationId: string): Promise<string> {
    const issued = await call(app, 'POST', `/api/applications/${applicationId}/response-link`, {}, 201);
    expect(issued.url).toMatch(/^https:\/\/hearback\.example\.org\/r\/[A-Za-z0-9_-]{43}$/);
    return issued.url.slice(`${base}/r/`.length);
  }

  async function openPage(token: string): Promise<Page> {
    const res = await app.inject({ method: 'GET', url: `/r/${token}`, headers: { host } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const nonce = /name="nonce" value="([^"]+)"/.exec(res.body)![1]!;
    return { token, cookie, nonce, html: res.body };
  }

  function answer(page: Page, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return app.inject({
      method: 'POST',
      url: `/r/${page.token}`,
      headers: {
        host,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: page.cookie,
        origin: base,
        ...headers,
      },
      payload: new URLSearchParams({ nonce: page.nonce, ...fields }).toString(),
    });
  }

  /** Everything a visit could change: the rows of every table the link touches. */
  async function snapshot() {
    const db = ctx.deps.db;
    return {
      events: await db.selectFrom('events').selectAll().orderBy('id').execute(),
      steps: await db.selectFrom('follow_ups').selectAll().orderBy('id').execute(),
      links: await db.selectFrom('response_links').selectAll().orderBy('id').execute(),
      nonces: await db.selectFrom('response_link_nonces').selectAll().execute(),
      versions: await db.selectFrom('data_versions').selectAll().execute(),
      applications: await db.selectFrom('applications').selectAll().execute(),
    };
  }

  it('issues a 256-bit link, keeps only its hash, and a new link replaces the old one', async () => {
    const application = await addApplication(app, { stageAt: '2026-02-25T10:00:00Z' });
    const first = await linkFor(application.id);
    const rows = await ctx.deps.db.selectFrom('response_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(rows).toHaveLength(1);
    const second = await linkFor(application.id);
    const old = await app.inject({ method: 'GET', url: `/r/${first}`, headers: { host } });
    expect(old.statusCode).toBe(404);
    await openPage(second);
    const status = await call(
      app,
      'GET',
      `/api/applications/${application.id}/response-link`,
      undefined,
      200,
    );
    expect(status).toMatchObject({ available: true, link: { applicationId: application.id } });
    expect(Date.parse(status.link.expiresAt) - Date.parse(status.link.createdAt)).toBe(30 * 86_400_000);
  });

  it('shows a small, script-free page with strict headers in the user language', async () => {
    await call(app, 'PATCH', '/api/settings', { name: 'Ada <b>Lovelace</b>', locale: 'de-DE' }, 200);
    const application = await addApplication(app, { jobTitle: 'Engineer <img src=x>' });
    const res = await app.inject({
      method: 'GET',
      url: `/r/${await linkFor(application.id)}`,
      headers: { host },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-robots-tag']).toContain('noindex');
    expect(res.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Strict; Secure$/);
    expect(res.body).toContain('<html lang="de">');
    expect(res.body).toContain('Wie ist der Stand?');
    expect(res.body).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(res.body).toContain('Engineer &lt;img src=x&gt;');
    expect(res.body).not.toMatch(/<script|<img|<link|https?:\/\//i);
  });

  it('changes nothing on GET or HEAD, repeated 50 times each', async () => {
    const application = await addApplication(app, { stageAt: '2026-02-25T10:00:00Z' });
    const token = await linkFor(application.id);
    const before = await snapshot();
    for (let i = 0; i < 50; i++) {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await app.inject({
          method,
          url: `/r/${token}`,
          headers: { host, 'user-agent': 'scanner' },
        });
        expect(res.statusCode).toBe(200);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a POST without a valid nonce, or without the cookie it is bound to, and spends a nonce once', async () => {
    const application = await addApplication(app, { stageAt: '2026-02-25T10:00:00Z' });
    const page = await openPage(await linkFor(application.id));
    const before = await snapshot();
    const refused: LightMyRequestResponse[] = [
      await answer({ ...page, nonce: '' }, { answer: 'on_hold' }),
      await answer({ ...page, nonce: `${page.nonce.slice(0, -2)}xx` }, { answer: 'on_hold' }),
      await answer({ ...page, nonce: `${Date.now()}.abc.def` }, { answer: 'on_hold' }),
      await answer({ ...page, cookie: 'hearback_rl=AAAAAAAAAAAAAAAAAAAAAA' }, { answer: 'on_hold' }),
      await answer({ ...page, cookie: '' }, { answer: 'on_hold' }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(await snapshot()).toEqual(before);
    const crossSite = await answer(page, { answer: 'on_hold' }, { origin: 'https://attacker.example' });
    expect(crossSite.statusCode).toBe(403);
    // The page's no-referrer policy makes a browser send Origin: null; only Sec-Fetch-Site tells them apart.
    const framed = await answer(
      page,
      { answer: 'on_hold' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    );
    expect(framed.json().error.code).toBe('CROSS_ORIGIN_REQUEST');
    expect(await snapshot()).toEqual(before);
    const sent = await answer(
      page,
      { answer: 'on_hold' },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(sent.statusCode).toBe(303);
    expect((await answer(page, { answer: 'another_candidate' })).statusCode).toBe(403);
    // A browser without Sec-Fetch-Site (Safari before 16.4) sends `Origin: null` alone: the answer goes
    // through on a fresh page's nonce and cookie, and is still refused without the cookie.
    const oldSafari = await openPage(await linkFor(application.id));
    const noCookie = await answer({ ...oldSafari, cookie: '' }, { answer: 'on_hold' }, { origin: 'null' });
    expect(noCookie.statusCode).toBe(403);
    // Refused by the link's own nonce check (its HTML page), not by the origin guard (JSON).
    expect(noCookie.headers['content-type']).toMatch(/^text\/html/);
    expect((await answer(oldSafari, { answer: 'on_hold' }, { origin: 'null' })).statusCode).toBe(303);
    const replies = await call(app, 'GET', `/api/events?applicationId=${application.id}&kind=reply_received`);
    expect(replies).toHaveLength(2);
  });

  it('re-plans "still deciding, news by D" exactly like a reply the user logged with that date', async () => {
    const viaLink = await addApplication(app, { jobTitle: 'A', stageAt: '2026-02-25T10:00:00Z' });
    const logged = await addApplication(app, { jobTitle: 'B', stageAt: '2026-02-25T10:00:00Z' });
    const page = await openPage(await linkFor(viaLink.id));
    const sent = await answer(page, { answer: 'still_deciding', expectedBy: '2026-03-13', message: 'Soon!' });
    expect(sent.statusCode).toBe(303);
    await call(
      app,
      'POST',
      '/api/events',
      {
        kind: 'reply_received',
        applicationId: logged.id,
        channel: 'other',
        sentiment: 'neutral',
        newDecisionDate: '2026-03-13',
      },
      201,
    );
    const open = async (id: string) =>
      (await call(app, 'GET', `/api/follow-ups?applicationId=${id}`)).filter(
        (s: { status: string }) => s.status === 'planned',
      );
    const [linkStep] = await open(viaLink.id);
    const [loggedStep] = await open(logged.id);
    // Fri 13 March + 2 business days: Tue 17 March, in the morning.
    expect(linkStep.dueAt).toBe('2026-03-17T09:00:00.000Z');
    expect({ ...linkStep, id: 0, applicationId: 0, planKey: 0, createdAt: 0, updatedAt: 0 }).toEqual({
      ...loggedStep,
      id: 0,
      applicationId: 0,
      planKey: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    const [reply] = await call(app, 'GET', `/api/events?applicationId=${viaLink.id}&kind=reply_received`);
    expect(reply).toMatchObject({
      summary: 'Soon!',
      newDecisionDate: '2026-03-13',
      responseLink: { answer: 'still_deciding', expectedBy: '2026-03-13' },
    });
    const thanks = await app.inject({ method: 'GET', url: `/r/${page.token}?sent=1`, headers: { host } });
    expect(thanks.body).toContain('Your answer has been passed on');
  });

  it('suggests ending on "another candidate" and never ends the application itself', async () => {
    const application = await addApplication(app, { stageAt: '2026-02-25T10:00:00Z' });
    const page = await openPage(await linkFor(application.id));
    expect((await answer(page, { answer: 'another_candidate' })).statusCode).toBe(303);
    const today = await call(app, 'GET', '/api/today');
    expect(today.answers).toEqual([
      expect.objectContaining({
        answer: 'another_candidate',
        application: expect.objectContaining({ id: application.id, stage: 'applied' }),
        suggestedEnding: { outcome: 'rejected', closedReason: null },
      }),
    ]);
    const again = await openPage(page.token);
    expect((await answer(again, { answer: 'on_hold' })).statusCode).toBe(303);
    const latest = await call(app, 'GET', '/api/today');
    expect(latest.answers.map((a: { answer: string }) => a.answer)).toEqual(['on_hold']);
    const digest = await previewDigest(ctx.deps, { publicUrl: base });
    expect(digest?.text).toContain('ANSWERED THROUGH YOUR RESPONSE LINK (1)');
    expect(digest?.text).toContain('Engineer at Acme: Role on hold or closed');
    expect(digest?.text).toContain('Consider ending it as position closed');
    const replies = await call(app, 'GET', `/api/events?applicationId=${application.id}&kind=reply_received`);
    expect(replies.map((r: { responseLink: { answer: string } }) => r.responseLink.answer)).toEqual([
      'another_candidate',
      'on_hold',
    ]);
  });

  it('answers unknown, revoked and expired links identically', async () => {
    const revokedApp = await addApplication(app, { jobTitle: 'R' });
    const expiredApp = await addApplication(app, { jobTitle: 'E' });
    const revoked = await linkFor(revokedApp.id);
    await call(app, 'DELETE', `/api/applications/${revokedApp.id}/response-link`, undefined, 204);
    const expired = await call(
      app,
      'POST',
      `/api/applications/${expiredApp.id}/response-link`,
      { days: 1 },
      201,
    );
    ctx.runtime.clock.set('2026-03-03T10:00:01.000Z');
    const unknown = 'A'.repeat(43);
    const shape = (r: LightMyRequestResponse) => ({
      status: r.statusCode,
      body: r.body,
      headers: Object.keys(r.headers)
        .filter((h) => h !== 'date' && h !== 'content-length')
        .sort(),
    });
    const answers = [];
    for (const token of [unknown, revoked, expired.url.split('/r/')[1]]) {
      answers.push(shape(await app.inject({ method: 'GET', url: `/r/${token}`, headers: { host } })));
    }
    expect(answers[0]!.status).toBe(404);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('refuses in local mode, explaining why, and offers no link', async () => {
    const local = await buildApp({ deps: ctx.deps, dialect: ctx.runtime.dialect });
    try {
      const application = await addApplication(local);
      const status = await call(local, 'GET', `/api/applications/${application.id}/response-link`);
      expect(status).toMatchObject({ available: false, link: null });
      expect(status.explanation).toContain('HEARBACK_PUBLIC_URL');
      const refused = await call(local, 'POST', `/api/applications/${application.id}/response-link`, {}, 409);
      expect(refused.error.code).toBe('RESPONSE_LINK_UNAVAILABLE');
    } finally {
      await local.close();
    }
  });

  describe.skipIf(!hasCorpora())('hostile messages', () => {
    it('stores and shows hostile message text as text', async () => {
      const strings = (JSON.parse(fs.readFileSync(corpusPath('payloads/blns/blns.json'), 'utf8')) as string[])
        .filter((s) => s.trim() !== '' && s.length <= 1_000 && !s.includes('\u0000') && s.isWellFormed())
        .filter((s) => /[<>"'&]|script|\$\{|\{\{/i.test(s))
        .slice(0, 25);
      expect(strings.length).toBeGreaterThan(10);
      const application = await addApplication(app, { stageAt: '2026-02-25T10:00:00Z' });
      const token = await linkFor(application.id);
      for (const message of strings) {
        const page = await openPage(token);
        expect((await answer(page, { answer: 'next_conversation', message })).statusCode).toBe(303);
      }
      const replies = await call(
        app,
        'GET',
        `/api/events?applicationId=${application.id}&kind=reply_received`,
      );
      expect(replies.map((r: { summary: string }) => r.summary)).toEqual(strings);
    });
  });
  if (!hasCorpora()) it.skip(corporaSkipMessage, () => {});
});

describe('request logs', () => {
  it('never show a response link token', () => {
    expect(redactResponseLinkUrl('/r/abcDEF123_-?sent=1')).toBe('/r/[redacted]');
    expect(redactResponseLinkUrl('//r%2Fabc')).toBe('/r/[redacted]');
    expect(redactResponseLinkUrl('/api/applications/1/response-link')).toBe(
      '/api/applications/1/response-link',
    );
    expect(redactResponseLinkUrl('/reports')).toBe('/reports');
  });
});

describe('guessing tokens', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({
      deps: runtime.deps,
      dialect: runtime.dialect,
      responseLinkBase: base,
      responseLinkLimits: {
        perAddress: { limit: 100, windowMs: 600_000 },
        perToken: { limit: 5, windowMs: 600_000 },
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  it('never hits with random tokens, and is cut off by the per-address limit', async () => {
    const application = await addApplication(app);
    await call(app, 'POST', `/api/applications/${application.id}/response-link`, {}, 201);
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      statuses.push((await app.inject({ method: 'GET', url: `/r/${token}` })).statusCode);
    }
    expect(statuses.slice(0, 100).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    const other = await app.inject({ method: 'GET', url: `/r/${'B'.repeat(43)}`, remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(404);
  });

  it('limits answers posted to one link', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await app.inject({
        method: 'POST',
        url: `/r/${'C'.repeat(43)}`,
        remoteAddress: '10.9.9.9',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'answer=on_hold&nonce=x',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
  });
});
