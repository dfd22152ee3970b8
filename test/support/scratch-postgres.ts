import net from 'node:net';
import pg from 'pg';

/**
 * A PostgreSQL database of its own, reachable by a postgres:// URL (for a server-mode process or the CLI):
 * a new database on TEST_DATABASE_URL's server (dropped on stop), or else PGlite behind a PostgreSQL socket
 * on a free port, so the tests run without a PostgreSQL server too.
 */
export async function startScratchPostgres(): Promise<{ kind: string; url: string; stop(): Promise<void> }> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
