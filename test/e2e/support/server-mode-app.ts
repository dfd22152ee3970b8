import pg from 'pg';
import { type AppServer, freePort, startAppServer } from './app-server.js';

export type ServerModeAppServer = AppServer & { readonly database: string };

/**
 * Starts hearback in server mode the way `HEARBACK_MODE=server … npm start` does (src/main.ts), on a
 * PostgreSQL of its own: a new database on TEST_DATABASE_URL's server (dropped on stop), or else PGlite
 * behind a PostgreSQL socket on a free port, so the suite runs without a PostgreSQL server too.
 */
export async function startServerModeApp(): Promise<ServerModeAppServer> {
  const database = await startDatabase();
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

async function startDatabase(): Promise<{ kind: string; url: string; stop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `hearback_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await psql(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      kind: 'postgres',
      url: url.toString(),
      stop: async () => psql(serverUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  const db = await PGlite.create();
  const port = await freePort();
  const socket = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 50 });
  await socket.start();
  return {
    kind: 'pglite',
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await socket.stop();
      await db.close();
    },
  };
}

/** One statement on the server's maintenance database. */
async function psql(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
