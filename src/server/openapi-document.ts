import { startRuntime } from '../runtime.js';
import { buildApp } from './build-app.js';

/** The OpenAPI document as the server generates it from the zod schemas, pretty-printed as committed. */
export async function generateOpenApiDocument(): Promise<string> {
  const runtime = await startRuntime({ kind: 'sqlite', file: ':memory:' });
  const app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
  try {
    await app.ready();
    const document = app.swagger() as { components?: { schemas?: Record<string, unknown> } };
    // Component order follows module load order; sorted, the committed file does not churn.
    const schemas = document.components?.schemas;
    if (schemas) {
      document.components!.schemas = Object.fromEntries(
        Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await app.close();
    await runtime.close();
  }
}
