import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { bodyLimit, buildApp } from './build-app.js';
import { describeBytes } from './error-handler.js';
import { generateOpenApiDocument } from './openapi-document.js';

/** Larger than every route's limit (the backup restore allows the most, 100 MiB). */
const overEveryLimit = 100 * 1024 * 1024 + 1;

type Operation = { method: string; url: string };

async function operationsWithBodies(): Promise<Operation[]> {
  const document = JSON.parse(await generateOpenApiDocument()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operation.requestBody)
      .map(([method, _]) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, 'x') })),
  );
}

const spaces = Buffer.alloc(overEveryLimit, 0x20);

/** A body of exactly `size` bytes (JSON whitespace: what matters is its size). */
function send(app: FastifyInstance, { method, url }: Operation, size: number) {
  return app.inject({
    method: method as 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: spaces.subarray(0, size),
  });
}

describe('body limits', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
  });

  it('answers 413 naming the limit the route really has, on every route that takes a body', async () => {
    const operations = await operationsWithBodies();
    expect(operations.length).toBeGreaterThan(20);
    const limits = new Map<string, number>();
    for (const operation of operations) {
      const name = `${operation.method} ${operation.url}`;
      const tooLarge = await send(app, operation, overEveryLimit);
      expect(tooLarge.statusCode, name).toBe(413);
      const { error } = tooLarge.json();
      const limit = error.details.limit as number;
      expect(error, name).toMatchObject({ code: 'BODY_TOO_LARGE' });
      expect(error.message, name).toBe(`body: larger than this route's limit of ${describeBytes(limit)}`);
      expect((await send(app, operation, limit + 1)).statusCode, name).toBe(413);
      expect((await send(app, operation, limit)).statusCode, name).not.toBe(413);
      limits.set(name, limit);
    }
    expect(limits.get('POST /api/companies')).toBe(bodyLimit);
    expect(limits.get('POST /api/interviews/import-ics')).toBe(2 * 1024 * 1024);
    expect(limits.get('POST /api/backup/restore')).toBe(100 * 1024 * 1024);
  });

  it('writes limits in the unit people read and in exact bytes', () => {
    expect(describeBytes(1024 * 1024)).toBe('1 MiB (1,048,576 bytes)');
    expect(describeBytes(100 * 1024 * 1024)).toBe('100 MiB (104,857,600 bytes)');
    expect(describeBytes(1536)).toBe('1,536 bytes');
  });
});
