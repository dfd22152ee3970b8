import type { Deps } from '../services/deps.js';
import { buildApp } from './build-app.js';

/**
 * Deps for building the app only: no route runs while the document is generated, so nothing here is
 * ever used, and anything that tries says so instead of opening a database.
 */
const noDeps = new Proxy({} as Deps, {
  get(_target, port) {
    throw new Error(`The OpenAPI document is built without a database: nothing may use deps.${String(port)}`);
  },
});

/** The OpenAPI document as the server generates it from the zod schemas, pretty-printed as committed. */
export async function generateOpenApiDocument(): Promise<string> {
  const app = await buildApp({ deps: noDeps, dialect: 'sqlite' });
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
  }
}
