import pg from 'pg';

/**
 * A fresh, empty database on the PostgreSQL server of TEST_DATABASE_URL, for tests that need a real server
 * reached by URL (pg-boss, or several server processes); drop() removes it. Null when no server is set.
 */
export async function createServerDatabase(
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return null;
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // pg-pool's end() resolves before its sockets close; a forced drop at once would kill them mid-goodbye
      // and raise an error nobody listens for.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export const noServerDatabaseMessage =
  'TEST_DATABASE_URL is not set: skipping the tests that need a real PostgreSQL server (pg-boss, two server processes)';

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
