import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { bodyLimit } from './build-app.js';

const fieldsOf = (body: { error: { details?: { issues?: Array<{ field: string }> } } }) =>
  (body.error.details?.issues ?? []).map((i) => i.field);

describeEachDialect('bad input', (ctx) => {
  it('names each wrong-typed, missing and unknown field, and stores nothing', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { companyName: 'Acme', jobTitle: 42, priority: 'high', tags: 'a,b', colour: 'blue' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(body).sort()).toEqual(['colour', 'jobTitle', 'priority', 'tags']);
    const missing = await call(ctx.app, 'POST', '/api/applications', { companyName: 'Acme' }, 400);
    expect(missing.error.details.issues).toEqual([{ field: 'jobTitle', message: 'is required' }]);
    const nested = await call(
      ctx.app,
      'POST',
      '/api/applications',
      { companyName: 'A', jobTitle: 'B', posting: { salaryMin: -1, x: 1 } },
      400,
    );
    expect(fieldsOf(nested).sort()).toEqual(['posting.salaryMin', 'posting.x']);
    expect((await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items).toEqual([]);
    expect(await call(ctx.app, 'GET', '/api/companies', undefined, 200)).toEqual([]);
  });

  it('refuses invalid dates and instants by field', async () => {
    const application = await addApplication(ctx.app);
    const cases: Array<[string, object, string]> = [
      [
        '/api/interviews',
        {
          applicationId: application.id,
          startsAt: '2026-02-30T10:00:00Z',
          endsAt: '2026-03-01T10:00:00Z',
          timeZone: 'UTC',
        },
        'startsAt',
      ],
      [
        '/api/interviews',
        {
          applicationId: application.id,
          startsAt: '2026-03-01T10:00:00',
          endsAt: '2026-03-01T11:00:00Z',
          timeZone: 'UTC',
        },
        'startsAt',
      ],
      [
        '/api/interviews',
        {
          applicationId: application.id,
          startsAt: '2026-03-01T10:00:00Z',
          endsAt: '2026-03-01T11:00:00Z',
          timeZone: 'UTC',
          decisionDate: '2026-13-01',
        },
        'decisionDate',
      ],
      [
        '/api/applications',
        { companyName: 'A', jobTitle: 'B', posting: { validThrough: 'next week' } },
        'posting.validThrough',
      ],
      ['/api/follow-ups', { applicationId: application.id, dueAt: 'tomorrow' }, 'dueAt'],
    ];
    for (const [url, payload, field] of cases) {
      const body = await call(ctx.app, 'POST', url, payload, 400);
      expect(fieldsOf(body)).toContain(field);
    }
  });

  it('answers 404 with the right code for unknown ids, and 400 naming the field for unknown references', async () => {
    for (const [path, code] of [
      ['applications', 'APPLICATION_NOT_FOUND'],
      ['companies', 'COMPANY_NOT_FOUND'],
      ['contacts', 'CONTACT_NOT_FOUND'],
      ['interviews', 'INTERVIEW_NOT_FOUND'],
      ['events', 'EVENT_NOT_FOUND'],
      ['follow-ups', 'FOLLOW_UP_NOT_FOUND'],
    ]) {
      for (const method of ['GET', 'DELETE'] as const) {
        const body = await call(ctx.app, method, `/api/${path}/01ZZZZZZZZZZZZZZZZZZZZZZZZ`, undefined, 404);
        expect(body.error.code).toBe(code);
      }
      const patched = await call(ctx.app, 'PATCH', `/api/${path}/nope`, {}, 404);
      expect(patched.error.code).toBe(code);
    }
    const ref = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: 'nope',
        startsAt: '2026-03-01T10:00:00Z',
        endsAt: '2026-03-01T11:00:00Z',
        timeZone: 'UTC',
      },
      400,
    );
    expect(fieldsOf(ref)).toEqual(['applicationId']);
    const move = await call(ctx.app, 'POST', '/api/applications/nope/stage', { stage: 'offer' }, 404);
    expect(move.error.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('refuses malformed JSON, a wrong content type and a body over the documented limit', async () => {
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Acme",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_JSON');
    const text = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=Acme',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { name: 'Acme', notes: 'x'.repeat(bodyLimit) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'BODY_TOO_LARGE', details: { limit: bodyLimit } });
    const tooLongField = await call(ctx.app, 'POST', '/api/companies', { name: 'x'.repeat(201) }, 400);
    expect(fieldsOf(tooLongField)).toEqual(['name']);
    expect(await call(ctx.app, 'GET', '/api/companies', undefined, 200)).toEqual([]);
  });

  it('answers unknown routes with a JSON error, never HTML', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  describe.skipIf(!hasCorpora())('the Big List of Naughty Strings', () => {
    it('round-trips every string as a job title and a note byte for byte, or refuses it naming the field', {
      timeout: 180_000,
    }, async () => {
      const strings: string[] = JSON.parse(fs.readFileSync(corpusPath('payloads/blns/blns.json'), 'utf8'));
      let stored = 0;
      for (const s of strings) {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/applications',
          payload: { companyName: 'Naughty Co', jobTitle: s, notes: s, allowDuplicate: true },
        });
        expect(res.statusCode, `status for ${JSON.stringify(s)}`).toBeLessThan(500);
        if (res.statusCode !== 201) {
          expect(res.statusCode).toBe(400);
          expect(fieldsOf(res.json())).toContain('jobTitle');
          expect(s.trim()).toBe('');
          continue;
        }
        const read = await call(ctx.app, 'GET', `/api/applications/${res.json().id}`, undefined, 200);
        expect(Buffer.from(read.jobTitle).equals(Buffer.from(s)), `title ${JSON.stringify(s)}`).toBe(true);
        expect(read.notes).toBe(s);
        const note = await ctx.app.inject({
          method: 'POST',
          url: '/api/events',
          payload: { kind: 'note', applicationId: read.id, text: s },
        });
        expect(note.statusCode).toBeLessThan(500);
        if (note.statusCode === 201)
          expect((await call(ctx.app, 'GET', `/api/events/${note.json().id}`)).text).toBe(s);
        stored++;
      }
      expect(stored).toBeGreaterThan(strings.length - 5);
      const search = await call(
        ctx.app,
        'GET',
        `/api/applications?q=${encodeURIComponent("' OR 1=1 --")}&limit=500`,
        undefined,
        200,
      );
      expect(
        search.items.every((a: { jobTitle: string }) => a.jobTitle.toLowerCase().includes("' or 1=1 --")),
      ).toBe(true);
    });
  });
  if (!hasCorpora()) it.skip(corporaSkipMessage, () => {});
});
