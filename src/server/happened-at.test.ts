import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { describeEachDialect, testNow } from '../../test/support/test-runtime.js';
import { happenedAtMark } from '../core/fields.js';
import { generateOpenApiDocument } from './openapi-document.js';

type JsonSchema = { [key: string]: unknown };
type Document = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** The body fields marked "happened at" in a schema, following $refs, unions and nested objects. */
function happenedAtFields(
  schema: unknown,
  document: Document,
  prefix = '',
  seen = new Set<unknown>(),
): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const node = schema as JsonSchema;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').at(-1)!;
    return happenedAtFields(document.components?.schemas?.[name], document, prefix, seen);
  }
  const found: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const option of (node[key] as unknown[] | undefined) ?? []) {
      found.push(...happenedAtFields(option, document, prefix, seen));
    }
  }
  for (const [name, property] of Object.entries((node.properties as Record<string, JsonSchema>) ?? {})) {
    if (property[happenedAtMark] === true) found.push(`${prefix}${name}`);
    else found.push(...happenedAtFields(property, document, `${prefix}${name}.`, seen));
  }
  return [...new Set(found)];
}

/** "POST /api/events occurredAt" for every route and field the OpenAPI document marks. */
function markedRoutes(document: Document): string[] {
  const routes: string[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      for (const field of happenedAtFields(schema, document)) {
        routes.push(`${method.toUpperCase()} ${path} ${field}`);
      }
    }
  }
  return routes.sort();
}

type Request = { readonly url: string; readonly body: Record<string, unknown> };

/**
 * A valid request for each marked route, but for the field under test. The test fails when a route gains a
 * "happened at" field this table does not cover, so a new one cannot go unchecked.
 */
const requests: Record<string, (app: FastifyInstance) => Promise<Request>> = {
  'POST /api/applications stageAt': async () => ({
    url: '/api/applications',
    body: { companyName: 'Acme', jobTitle: 'Engineer', allowDuplicate: true },
  }),
  'POST /api/applications/{id}/stage occurredAt': async (app) => ({
    url: `/api/applications/${(await addApplication(app, { allowDuplicate: true })).id}/stage`,
    body: { stage: 'screening' },
  }),
  'POST /api/applications/bulk occurredAt': async (app) => ({
    url: '/api/applications/bulk',
    body: {
      action: 'move',
      ids: [(await addApplication(app, { allowDuplicate: true })).id],
      stage: 'screening',
    },
  }),
  'POST /api/events occurredAt': async (app) => ({
    url: '/api/events',
    body: {
      kind: 'reply_received',
      applicationId: (await addApplication(app, { allowDuplicate: true })).id,
      channel: 'email',
      sentiment: 'neutral',
    },
  }),
  'PATCH /api/events/{id} occurredAt': async (app) => {
    const applicationId = (await addApplication(app, { allowDuplicate: true })).id;
    const note = await call(app, 'POST', '/api/events', { kind: 'note', applicationId, text: 'x' }, 201);
    return { url: `/api/events/${note.id}`, body: {} };
  },
  'POST /api/follow-ups/bulk at': async (app) => ({
    url: '/api/follow-ups/bulk',
    body: { action: 'done', ids: [await openStep(app)] },
  }),
  'POST /api/follow-ups/{id}/done at': async (app) => ({
    url: `/api/follow-ups/${await openStep(app)}/done`,
    body: {},
  }),
  'POST /api/follow-ups/{id}/skip at': async (app) => ({
    url: `/api/follow-ups/${await openStep(app)}/skip`,
    body: {},
  }),
  'POST /api/follow-ups/{id}/snooze at': async (app) => ({
    url: `/api/follow-ups/${await openStep(app)}/snooze`,
    body: { until: '2026-04-01' },
  }),
};

async function openStep(app: FastifyInstance): Promise<string> {
  const application = await addApplication(app, { allowDuplicate: true });
  const step = await call(
    app,
    'POST',
    '/api/follow-ups',
    { applicationId: application.id, dueAt: '2026-03-05T09:00:00Z' },
    201,
  );
  return step.id;
}

const inSixMinutes = new Date(Date.parse(testNow) + 6 * 60_000).toISOString();
const inFourMinutes = new Date(Date.parse(testNow) + 4 * 60_000).toISOString();

describeEachDialect('"happened at" times', (ctx) => {
  let document: Document;
  beforeAll(async () => {
    document = JSON.parse(await generateOpenApiDocument()) as Document;
  });

  it('marks every route that dates something that already happened, and has a request for each', () => {
    expect(markedRoutes(document)).toEqual(Object.keys(requests).sort());
  });

  it('refuses a time in the future on every marked route, naming the field, and allows a little clock skew', async () => {
    for (const route of markedRoutes(document)) {
      const [method, , field] = route.split(' ') as ['POST' | 'PATCH', string, string];
      const future = await requests[route]!(ctx.app);
      const refused = await call(ctx.app, method, future.url, { ...future.body, [field]: inSixMinutes });
      expect(refused.error?.code, `${route}: ${JSON.stringify(refused)}`).toBe('VALIDATION_FAILED');
      expect(refused.error.details.issues[0].field, route).toBe(field);
      expect(refused.error.message, route).toContain('must not be in the future');
      const skewed = await requests[route]!(ctx.app);
      const accepted = await ctx.app.inject({
        method,
        url: skewed.url,
        payload: { ...skewed.body, [field]: inFourMinutes },
      });
      expect(accepted.statusCode, `${route}: ${accepted.body}`).toBeLessThan(300);
    }
  });

  it('times the next step from when a step was really skipped, so a late "skip" does not move it', async () => {
    // Added the day it was sent; a step due before an application was added is planned otherwise.
    ctx.runtime.clock.set('2026-02-02T09:00:00.000Z');
    const application = await addApplication(ctx.app, { stageAt: '2026-02-02T09:00:00Z' });
    ctx.runtime.clock.set(testNow);
    const steps = await call(ctx.app, 'GET', `/api/follow-ups?applicationId=${application.id}`);
    const first = steps.find((s: { kind: string }) => s.kind === 'application_check_in');
    expect(first.dueAt).toBe('2026-02-11T09:00:00.000Z');
    // Skipped on the day it was due, recorded three weeks later: the second check-in counts 5 business days
    // from the skip (not from now, 2 March), landing the next working morning.
    const skipped = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${first.id}/skip`,
      { at: '2026-02-11T10:00:00Z', reason: 'busy' },
      200,
    );
    expect(skipped).toMatchObject({ status: 'skipped', completedAt: '2026-02-11T10:00:00.000Z' });
    const after = await call(
      ctx.app,
      'GET',
      `/api/follow-ups?applicationId=${application.id}&status=planned`,
    );
    expect(after.map((s: { kind: string; dueAt: string }) => [s.kind, s.dueAt])).toEqual([
      ['application_check_in', '2026-02-19T09:00:00.000Z'],
    ]);
  });

  it('takes a reply dated in the same second as the application (mail carries whole seconds)', async () => {
    const application = await addApplication(ctx.app, { stageAt: '2026-02-10T09:00:00.750Z' });
    const reply = (at: string) => ({
      kind: 'reply_received',
      applicationId: application.id,
      channel: 'email',
      sentiment: 'neutral',
      occurredAt: at,
    });
    await call(ctx.app, 'POST', '/api/events', reply('2026-02-10T09:00:00Z'), 201);
    const earlier = await call(ctx.app, 'POST', '/api/events', reply('2026-02-10T08:59:59Z'), 400);
    expect(earlier.error.details.issues[0].field).toBe('occurredAt');
  });

  it('refuses a reply or a step dated before the application was sent, naming both dates', async () => {
    const application = await addApplication(ctx.app, { stageAt: '2026-02-10T09:00:00Z' });
    const reply = await call(ctx.app, 'POST', '/api/events', {
      kind: 'reply_received',
      applicationId: application.id,
      channel: 'email',
      sentiment: 'positive',
      occurredAt: '2026-02-09T09:00:00Z',
    });
    expect(reply.error.details.issues[0].field).toBe('occurredAt');
    expect(reply.error.message).toContain('2026-02-09T09:00:00.000Z');
    expect(reply.error.message).toContain('2026-02-10T09:00:00.000Z');
    // Having written to them first, their answer may come before the application.
    await call(
      ctx.app,
      'POST',
      '/api/events',
      {
        kind: 'message_sent',
        applicationId: application.id,
        channel: 'linkedin',
        occurredAt: '2026-02-05T09:00:00Z',
      },
      201,
    );
    await call(
      ctx.app,
      'POST',
      '/api/events',
      {
        kind: 'reply_received',
        applicationId: application.id,
        channel: 'linkedin',
        sentiment: 'positive',
        occurredAt: '2026-02-09T09:00:00Z',
      },
      201,
    );
    const step = (await call(ctx.app, 'GET', `/api/follow-ups?applicationId=${application.id}`))[0];
    const done = await call(ctx.app, 'POST', `/api/follow-ups/${step.id}/done`, {
      at: '2026-02-01T09:00:00Z',
    });
    expect(done.error.details.issues[0].field).toBe('at');
    expect(done.error.message).toContain('2026-02-01T09:00:00.000Z');
    expect(done.error.message).toContain('2026-02-10T09:00:00.000Z');
  });
});
