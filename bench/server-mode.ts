/**
 * Server-mode benchmark (issue 16): 1,000 accounts × 500 applications on PostgreSQL, two app servers (child
 * processes) on the same database, the load generator in this process. Authenticated `GET /api/today` and
 * `GET /api/applications?stage=interviewing`, each request as the next of the 1,000 users (their own session
 * cookie), spread over both servers.
 *
 * 1. Throughput: autocannon at full speed against both servers at once; the baseline, in the same run, is
 *    `GET /api/bench-constant/<n>` on the same servers: the same bytes from a constant behind the same
 *    Host/Origin guard and session check (bench/support/serve-server-mode.ts adds it; production has no such
 *    route). Target: ratio ≥ 0.4.
 * 2. Latency at a fixed offered load of 200 requests/s (100 per server): p50/p99 over every response of both
 *    servers. Target: p99 ≤ 20 ms.
 *
 * Seeding: one user's search of 500 applications is written through the services (stage history, interviews,
 * steps, as bench/api.ts does), then copied to the other 999 users with one INSERT … SELECT per table; 1,000
 * sessions are written directly, with cookies signed as better-auth signs them. All of it in a database of its
 * own (hearback_bench), dropped at the end. Needs a PostgreSQL server: BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; without one it says so and skips.
 *
 * Run with `npm run bench server-mode` or `npx tsx bench/server-mode.ts [seconds]`.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { countryOfLocale } from '../src/core/places.js';
import { defaultSettings } from '../src/core/settings.js';
import { startRuntime } from '../src/runtime.js';
import { ensureUser } from '../src/storage/user-store.js';
import { seedSearch } from './support/seed-data.js';

const seconds = Number(process.argv[2] ?? 10);
const userCount = 1_000;
const applicationsPerUser = 500;
const endpoints = ['/api/today', '/api/applications?stage=interviewing'];
const fixedRate = 200;
const databaseName = 'hearback_bench';
const secret = randomBytes(32).toString('base64');
const publicUrl = 'http://127.0.0.1';

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

try {
  await admin('select 1');
} catch (error) {
  console.log(
    `skipped: no PostgreSQL server at ${new URL(serverUrl).host} (${error instanceof Error ? error.message : String(error)}); set BENCH_DATABASE_URL to run the server-mode benchmark`,
  );
  process.exit(0);
}

const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
// BENCH_KEEP=1 keeps the seeded database after the run and uses it again next time (seeding takes minutes).
const keep = process.env.BENCH_KEEP === '1';
const reuse = keep && (await isSeeded());
if (!reuse) {
  await admin(`drop database if exists ${databaseName} with (force)`);
  await admin(`create database ${databaseName}`);
}

const userId = (n: number) => `bench-user-${String(n).padStart(4, '0')}`;
const load = { before: os.loadavg() };
let cookies: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
try {
  if (reuse) console.log(`using the database ${databaseName} seeded before (BENCH_KEEP=1)`);
  else await seed();
  cookies = await createSessions();
  const servers = await Promise.all([startServer(), startServer()]);
  await measure(servers);
} finally {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(exited);
  if (!keep) await admin(`drop database if exists ${databaseName} with (force)`);
}

async function isSeeded(): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ users: string }>(
      'select count(distinct user_id) as users from applications',
    );
    return Number(rows[0]!.users) === userCount;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function seed(): Promise<void> {
  const started = performance.now();
  const runtime = await startRuntime({ kind: 'postgres', url: databaseUrl }, { localUser: false });
  const db = runtime.deps.db;
  const now = new Date();
  const template = userId(0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into auth_users (id, name, email, email_verified, role, created_at, updated_at)
       select 'bench-user-' || lpad(n::text, 4, '0'), 'User ' || n, 'user' || n || '@bench.example', true,
              'job_seeker', now(), now()
         from generate_series(0, $1 - 1) n`,
      [userCount],
    );
    const system = { timeZone: 'UTC', locale: 'en-US' };
    await ensureUser(
      db,
      { id: template, displayName: 'User 0' },
      {
        ...defaultSettings(system, countryOfLocale(system.locale)),
        name: 'User 0',
        email: 'user0@bench.example',
      },
      now.toISOString(),
    );
    await seedSearch({ ...runtime.deps, userId: template }, applicationsPerUser, now);
    const seeded = performance.now();
    console.log(
      `seeded one user's ${applicationsPerUser} applications through the services in ${((seeded - started) / 1000).toFixed(1)} s`,
    );

    // Copy the template user's rows to the other users, parents before children; the copies are copies of
    // rows that passed every check, so the foreign-key triggers are left out for speed.
    await client.query('set session_replication_role = replica');
    const tables = await userTablesInOrder(client, template);
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const select = columns.map((column) => {
        if (column === 'user_id') return `'bench-user-' || lpad(g::text, 4, '0')`;
        if (table === 'users' && column === 'id') return `'bench-user-' || lpad(g::text, 4, '0')`;
        if (column === 'id' || column.endsWith('_id')) return `"${column}" || '-' || g`;
        return `"${column}"`;
      });
      const ownerColumn = table === 'users' ? 'id' : 'user_id';
      await client.query(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         select ${select.join(', ')} from "${table}", generate_series(1, $1 - 1) g
          where "${ownerColumn}" = $2`,
        [userCount, template],
      );
    }
    await client.query('analyze');
    const counts = await client.query<{ applications: string; events: string; steps: string }>(
      `select (select count(*) from applications) as applications, (select count(*) from events) as events,
              (select count(*) from follow_ups) as steps`,
    );
    console.log(
      `copied to ${userCount - 1} more users in ${((performance.now() - seeded) / 1000).toFixed(1)} s: ` +
        `${counts.rows[0]!.applications} applications, ${counts.rows[0]!.events} events, ${counts.rows[0]!.steps} steps (tables: ${tables.join(', ')})`,
    );
  } finally {
    await client.end();
    await runtime.close();
  }
}

/** One session per user, as better-auth writes it; the cookie is the token signed with this run's secret. */
async function createSessions(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('delete from auth_sessions');
    const tokens = Array.from({ length: userCount }, () => randomBytes(24).toString('base64url'));
    await client.query(
      `insert into auth_sessions (id, token, user_id, expires_at, created_at, updated_at, ip_address, user_agent)
       select 'bench-session-' || (n - 1), t.token, 'bench-user-' || lpad((n - 1)::text, 4, '0'),
              now() + interval '7 days', now(), now(), '127.0.0.1', 'bench'
         from unnest($1::text[]) with ordinality as t(token, n)`,
      [tokens],
    );
    return tokens.map((token) => {
      const signature = createHmac('sha256', secret).update(token).digest('base64');
      return `hearback.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
    });
  } finally {
    await client.end();
  }
}

/** The tables holding the template user's rows, each after the tables its foreign keys point to. */
async function userTablesInOrder(client: pg.Client, template: string): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'user_id' and table_name not like 'auth_%'`,
  );
  const candidates = ['users', ...rows.map((r) => r.table_name)];
  const present: string[] = [];
  for (const table of candidates) {
    const owner = table === 'users' ? 'id' : 'user_id';
    const { rows: found } = await client.query(`select 1 from "${table}" where "${owner}" = $1 limit 1`, [
      template,
    ]);
    if (found.length > 0) present.push(table);
  }
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c where c.contype = 'f'`,
  );
  const ordered: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    if (ordered.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const edge of edges) {
      if (edge.child === table && edge.parent !== table && present.includes(edge.parent))
        visit(edge.parent, seen);
    }
    ordered.push(table);
  };
  for (const table of present) visit(table, new Set());
  return ordered;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1
      and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

type Server = { address: string; sizes: Record<string, number> };

function startServer(): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'support/serve-server-mode.ts'),
      databaseUrl,
      secret,
      publicUrl,
      cookies[0]!,
      ...endpoints,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

type Figures = { rps: number; p50: number; p99: number; errors: number; count: number };

/**
 * Each request is the next user's (their session, their data). Every server goes round all 1,000 users, from
 * its own starting point: more users than its list cache holds (500 answers), so an answer is never served
 * from the cache by going round again (with 500 users each, the applications list, at 85 kB an answer, all
 * fitted, and after the first round every request was a cache hit within the minute).
 */
async function run(
  servers: Server[],
  pathOf: (index: number) => string,
  options: { connections: number; rate?: number },
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const results = await Promise.all(
    servers.map((server, s) => {
      let next = s * Math.floor(userCount / servers.length);
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: server.address,
            connections: options.connections,
            duration: seconds,
            ...(options.rate !== undefined && { overallRate: options.rate }),
            requests: [
              {
                method: 'GET',
                setupRequest: (request) => {
                  const user = next % userCount;
                  next += 1;
                  return {
                    ...request,
                    path: pathOf(user),
                    headers: { ...request.headers, cookie: cookies[user]! },
                  };
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          latencies.push(responseTime);
          if (statusCode !== 200) errors++;
        });
      });
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    rps: total / Math.max(elapsed, seconds),
    p50: Math.round(at(0.5) * 10) / 10,
    p99: Math.round(at(0.99) * 10) / 10,
    errors: errors + results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    count: latencies.length,
  };
}

async function measure(servers: Server[]): Promise<void> {
  const rows = [];
  for (const [index, endpoint] of endpoints.entries()) {
    // Warm-up: connections, the planner, the first users' pages.
    await run(servers, () => endpoint, { connections: 4 });
    const real = await run(servers, () => endpoint, { connections: 10 });
    const base = await run(servers, () => `/api/bench-constant/${index}`, { connections: 10 });
    const fixed = await run(servers, () => endpoint, { connections: 10, rate: fixedRate / servers.length });
    rows.push({ endpoint, bytes: servers[0]!.sizes[endpoint] ?? 0, real, base, fixed });
  }
  const loadAfter = os.loadavg();
  console.log(
    `\n${userCount} users × ${applicationsPerUser} applications, two app servers, ${seconds} s per run, 10 connections per server; ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}); load average ${load.before.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`,
  );
  console.log(
    '| endpoint | response (user 0) | req/s | p50 ms | p99 ms | constant req/s | ratio (≥ 0.4) | at 200 req/s: p50 ms | p99 ms (≤ 20) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  let failed = false;
  for (const r of rows) {
    const ratio = r.real.rps / r.base.rps;
    const errors = r.real.errors + r.base.errors + r.fixed.errors;
    // autocannon keeps each connection to one request at a time: when answers are slower than the rate
    // allows, fewer requests go out, and the p99 is of that smaller load, not of 200 requests/s.
    const reached = r.fixed.rps >= fixedRate * 0.95;
    if (errors > 0) failed = true;
    console.log(
      `| \`GET ${r.endpoint}\` | ${(r.bytes / 1024).toFixed(1)} kB | ${r.real.rps.toFixed(0)} | ${r.real.p50} | ${r.real.p99} | ${r.base.rps.toFixed(0)} | ${ratio.toFixed(2)} ${ratio >= 0.4 ? 'met' : 'NOT MET'} | ${r.fixed.p50} | ${r.fixed.p99} ${r.fixed.p99 <= 20 && reached ? 'met' : 'NOT MET'} (${r.fixed.rps.toFixed(0)} answers/s of ${fixedRate} offered${reached ? '' : ': the load generator could not offer more, since each connection waits for its answer'})${errors ? ` — ${errors} errors` : ''} |`,
    );
  }
  if (failed) {
    console.error('some requests failed (non-200 or socket errors): the figures above do not count');
    process.exitCode = 1;
  }
}
