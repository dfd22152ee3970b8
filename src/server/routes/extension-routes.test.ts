import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';
import { chromiumExtensionOrigin } from '../../core/browser-extension.js';
import { pairingAttemptsPerMinute } from './extension-routes.js';

const fromExtension = { origin: chromiumExtensionOrigin };

async function pairingCode(app: FastifyInstance): Promise<string> {
  return (await call(app, 'POST', '/api/extension/pairing-codes', undefined, 201)).code;
}

function pair(app: FastifyInstance, code: string, headers: Record<string, string> = fromExtension) {
  return app.inject({ method: 'POST', url: '/api/extension/pair', headers, payload: { code } });
}

function clip(
  app: FastifyInstance,
  token: string,
  payload: unknown,
  { url = '/api/extension/clips', origin = chromiumExtensionOrigin, host = '127.0.0.1:4600' } = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, origin, host },
    payload: payload as object,
  });
}

async function pairedToken(app: FastifyInstance): Promise<string> {
  const answer = await pair(app, await pairingCode(app));
  expect(answer.statusCode).toBe(201);
  return answer.json().token;
}

const posting = {
  companyName: 'Acme Rockets',
  jobTitle: 'Platform Engineer',
  postingUrl: 'https://boards.greenhouse.io/acme/jobs/42',
  posting: {
    location: 'Berlin',
    salaryMin: 70000,
    salaryMax: 90000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
    descriptionHtml: '<p>Build rockets</p><img src=x onerror="alert(1)"><script>alert(2)</script>',
  },
  tags: ['clipped', 'rust'],
};

describeEachDialect('the browser extension: pairing and clips', (ctx) => {
  it('pairs with a fresh code, keeps only a hash of the token, and lists it with its last use', async () => {
    const code = await pairingCode(ctx.app);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const answer = await pair(ctx.app, code.toLowerCase().replace('-', ' '));
    expect(answer.statusCode).toBe(201);
    const { token, tokenId } = answer.json();
    expect(token).toMatch(/^hbx_[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.deps.db.selectFrom('extension_tokens').selectAll().execute();
    expect(stored.map((row) => row.token_hash)).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(
      JSON.stringify(await ctx.deps.db.selectFrom('extension_pairing_codes').selectAll().execute()),
    ).not.toContain(code.replace('-', ''));

    const before = await call(ctx.app, 'GET', '/api/extension/tokens', undefined, 200);
    expect(before.items).toEqual([
      { id: tokenId, label: 'Browser extension', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    ctx.runtime.clock.set('2026-03-02T11:00:00.000Z');
    expect((await clip(ctx.app, token, {}, { url: '/api/extension/clips/check' })).statusCode).toBe(200);
    const after = await call(ctx.app, 'GET', '/api/extension/tokens', undefined, 200);
    expect(after.items[0].lastUsedAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('refuses a wrong code, an expired code and a code used once already', async () => {
    expect((await pair(ctx.app, 'ABCD-EFGH')).json().error.code).toBe('EXTENSION_PAIRING_FAILED');

    const expiring = await pairingCode(ctx.app);
    ctx.runtime.clock.set('2026-03-02T10:10:00.000Z');
    const late = await pair(ctx.app, expiring);
    expect([late.statusCode, late.json().error.code]).toEqual([401, 'EXTENSION_PAIRING_FAILED']);

    const once = await pairingCode(ctx.app);
    expect((await pair(ctx.app, once)).statusCode).toBe(201);
    const again = await pair(ctx.app, once);
    expect([again.statusCode, again.json().error.code]).toEqual([401, 'EXTENSION_PAIRING_FAILED']);
  });

  it('pairs only from the extension: a page origin, or none, is refused and leaves the code unused', async () => {
    const code = await pairingCode(ctx.app);
    const cases: [Record<string, string>, string][] = [
      [{ origin: 'https://evil.example' }, 'CROSS_ORIGIN_REQUEST'],
      [{ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, 'CROSS_ORIGIN_REQUEST'],
      [{}, 'EXTENSION_ORIGIN_REQUIRED'],
    ];
    for (const [headers, refusal] of cases) {
      const answer = await pair(ctx.app, code, headers);
      expect([answer.statusCode, answer.json().error.code]).toEqual([403, refusal]);
    }
    expect((await pair(ctx.app, code)).statusCode).toBe(201);
  });

  it('saves a clip as a saved application with tags and a sanitised description', async () => {
    const token = await pairedToken(ctx.app);
    const saved = await clip(ctx.app, token, posting);
    expect(saved.statusCode).toBe(201);
    const application = await call(ctx.app, 'GET', `/api/applications/${saved.json().id}`, undefined, 200);
    expect(application).toMatchObject({
      company: { name: 'Acme Rockets' },
      jobTitle: 'Platform Engineer',
      stage: 'saved',
      tags: ['clipped', 'rust'],
      postingUrl: 'https://boards.greenhouse.io/acme/jobs/42',
      posting: { location: 'Berlin', salaryMin: 70000, salaryMax: 90000, salaryCurrency: 'EUR' },
      source: { kind: 'other', detail: 'browser clipper' },
    });
    expect(application.posting.descriptionHtml).toContain('Build rockets');
    expect(application.posting.descriptionHtml).not.toMatch(/onerror|<script/i);
  });

  it('saves a clip as applied on the day given', async () => {
    const token = await pairedToken(ctx.app);
    const saved = await clip(ctx.app, token, { ...posting, stage: 'applied', appliedOn: '2026-02-27' });
    expect(saved.statusCode).toBe(201);
    const application = await call(ctx.app, 'GET', `/api/applications/${saved.json().id}`, undefined, 200);
    expect([application.stage, application.appliedAt]).toEqual(['applied', '2026-02-27T12:00:00.000Z']);
  });

  it('answers the duplicate check before saving, with when it was saved, and refuses a repeat clip', async () => {
    const token = await pairedToken(ctx.app);
    const check = {
      postingUrl: posting.postingUrl,
      companyName: 'Acme Rockets',
      jobTitle: 'Platform Engineer',
    };
    const none = await clip(ctx.app, token, check, { url: '/api/extension/clips/check' });
    expect(none.json()).toEqual({ duplicates: [] });
    const first = (await clip(ctx.app, token, posting)).json();
    const found = await clip(ctx.app, token, check, { url: '/api/extension/clips/check' });
    expect(found.json().duplicates).toEqual([
      {
        id: first.id,
        companyName: 'Acme Rockets',
        jobTitle: 'Platform Engineer',
        reason: 'posting_url',
        stage: 'saved',
        savedAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
    const repeat = await clip(ctx.app, token, posting);
    expect([repeat.statusCode, repeat.json().error.code]).toEqual([409, 'DUPLICATE_APPLICATION']);
    expect((await clip(ctx.app, token, { ...posting, allowDuplicate: true })).statusCode).toBe(201);
  });

  it('refuses a revoked token from the next request on', async () => {
    const token = await pairedToken(ctx.app);
    const { items } = await call(ctx.app, 'GET', '/api/extension/tokens', undefined, 200);
    await call(ctx.app, 'DELETE', `/api/extension/tokens/${items[0].id}`, undefined, 204);
    const answer = await clip(ctx.app, token, posting);
    expect([answer.statusCode, answer.json().error.code]).toEqual([401, 'EXTENSION_TOKEN_INVALID']);
    const again = await ctx.app.inject({ method: 'DELETE', url: `/api/extension/tokens/${items[0].id}` });
    expect(again.json().error.code).toBe('EXTENSION_TOKEN_NOT_FOUND');
  });

  it('refuses clips without a token, with a wrong one, from a page origin, or for a foreign Host', async () => {
    const token = await pairedToken(ctx.app);
    const noToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/extension/clips',
      headers: fromExtension,
      payload: posting,
    });
    expect(noToken.json().error.code).toBe('EXTENSION_TOKEN_INVALID');
    expect((await clip(ctx.app, `${token}x`, posting)).json().error.code).toBe('EXTENSION_TOKEN_INVALID');
    const page = await clip(ctx.app, token, posting, { origin: 'https://jobs.example' });
    expect([page.statusCode, page.json().error.code]).toEqual([403, 'CROSS_ORIGIN_REQUEST']);
    // A page on hearback's own origin (same-origin for the guard) is still not the extension.
    const ownPage = await clip(ctx.app, token, posting, { origin: 'http://127.0.0.1:4600' });
    expect([ownPage.statusCode, ownPage.json().error.code]).toEqual([403, 'EXTENSION_ORIGIN_REQUIRED']);
    const rebound = await clip(ctx.app, token, posting, { host: 'attacker.example:4600' });
    expect(rebound.json().error.code).toBe('HOST_NOT_ALLOWED');
    const { items } = await call(ctx.app, 'GET', '/api/applications', undefined, 200);
    expect(items).toEqual([]);
  });

  it('names the field of a bad clip', async () => {
    const token = await pairedToken(ctx.app);
    const answer = await clip(ctx.app, token, { ...posting, jobTitle: ' ', tags: ['a,b'] });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('jobTitle');
    expect(answer.body).toContain('tags');
  });
  it('refuses pairing attempts beyond the limit per minute from one address, then allows them again', async () => {
    // Last in the file: the limit counts per app, and this starts a window of its own, after the others'.
    ctx.runtime.clock.set('2026-03-02T12:00:00.000Z');
    const code = await pairingCode(ctx.app);
    for (let i = 0; i < pairingAttemptsPerMinute; i++) {
      expect((await pair(ctx.app, 'WRONG-CODE')).json().error.code).toBe('EXTENSION_PAIRING_FAILED');
    }
    const limited = await pair(ctx.app, code);
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'EXTENSION_PAIRING_LIMITED']);
    ctx.runtime.clock.set('2026-03-02T12:01:00.000Z');
    expect((await pair(ctx.app, code)).statusCode).toBe(201);
  });
});
