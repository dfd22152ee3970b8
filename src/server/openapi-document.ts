import { startRuntime } from '../runtime.js';
import { buildApp } from './build-app.js';

/** The OpenAPI document as the server generates it from the zod schemas, pretty-printed as committed. */
export async function generateOpenApiDocument(): Promise<string> {
  const runtime = await startRuntime({ kind: 'sqlite', file: ':memory:' });
  const app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await runtime.close();
  }
}
