import { startScratchPostgres } from '../../support/scratch-postgres.js';
import { type AppServer, freePort, startAppServer } from './app-server.js';

export type ServerModeAppServer = AppServer & { readonly database: string };

/**
 * Starts hearback in server mode the way `HEARBACK_MODE=server … npm start` does (src/main.ts), on a
 * PostgreSQL of its own: a new database on TEST_DATABASE_URL's server (dropped on stop), or else PGlite
 * behind a PostgreSQL socket on a free port, so the suite runs without a PostgreSQL server too.
 */
export async function startServerModeApp(
  options: { readonly env?: Readonly<Record<string, string>> } = {},
): Promise<ServerModeAppServer> {
  const database = await startScratchPostgres();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  try {
    const server = await startAppServer({
      firstRun: true,
      env: {
        HEARBACK_MODE: 'server',
        DATABASE_URL: database.url,
        HEARBACK_PUBLIC_URL: publicUrl,
        HEARBACK_AUTH_SECRET: 'an-e2e-secret-of-more-than-32-bytes-0123456789',
        PORT: String(port),
        ...options.env,
      },
    });
    return {
      ...server,
      url: publicUrl,
      database: database.kind,
      stop: async () => {
        await server.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
