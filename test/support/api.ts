import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

/** Sends a JSON request and checks the status, so tests read as the calls they make. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert what they need
export async function call<T = any>(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  expectedStatus?: number,
): Promise<T> {
  const response = await app.inject({
    method,
    url,
    ...(payload !== undefined && { payload: payload as object }),
  });
  if (expectedStatus !== undefined && response.statusCode !== expectedStatus) {
    expect.fail(
      `${method} ${url} answered ${response.statusCode}, expected ${expectedStatus}: ${response.body}`,
    );
  }
  return (response.body ? response.json() : null) as T;
}

export async function addApplication(app: FastifyInstance, fields: Record<string, unknown> = {}) {
  return call(
    app,
    'POST',
    '/api/applications',
    { companyName: 'Acme', jobTitle: 'Engineer', ...fields },
    201,
  );
}
