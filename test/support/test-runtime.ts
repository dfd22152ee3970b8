import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { DatabaseTarget } from '../../src/config.js';
import type { InboxPorts } from '../../src/core/inbox-account.js';
import { countryOfLocale } from '../../src/core/places.js';
import { fixedClock } from '../../src/core/ports.js';
import { defaultSettings } from '../../src/core/settings.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/build-app.js';
import type { Deps } from '../../src/services/deps.js';
import type { Db } from '../../src/storage/schema.js';
import { ensureUser, localUserId } from '../../src/storage/user-store.js';

export type TestDialect = 'sqlite' | 'postgres';

/** The instant tests start at unless they move the clock: Monday 2 March 2026, 10:00 UTC. */
export const testNow = '2026-03-02T10:00:00.000Z';

/** Seals stored mailbox passwords in tests (HEARBACK_SECRET_KEY's place); no key file is written. */
export const testSecretKey = Buffer.alloc(32, 7).toString('base64');

export const testSystem = { timeZone: 'UTC', locale: 'en-US' } as const;

/**
 * Which PostgreSQL the suites use: the server named by TEST_DATABASE_URL (CI sets it), or else PGlite,
 * real PostgreSQL compiled to WebAssembly and run in-process, so the suites run on any machine.
 */
export function postgresFlavour(): 'server' | 'pglite' {
  return process.env.TEST_DATABASE_URL ? 'server' : 'pglite';
}

export type TestRuntime = Runtime & {
  readonly clock: ReturnType<typeof fixedClock>;
  reset(): Promise<void>;
};

/** A migrated database of the given dialect, alone for this caller; close() drops it. */
export async function openTestRuntime(
  dialect: TestDialect,
  options: { localUser?: boolean; guardMailboxAddresses?: boolean; inbox?: InboxPorts } = {},
): Promise<TestRuntime> {
  return openRuntimeOn(await createTarget(dialect), options);
}

/**
 * Like `openTestRuntime('sqlite')`, but on a database file in a temporary folder, for what needs a second
 * connection to the same database (the import's writer thread); close() deletes the folder.
 */
export async function openSqliteFileTestRuntime(): Promise<TestRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-test-'));
  return openRuntimeOn({
    target: { kind: 'sqlite', file: path.join(dir, 'hearback.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  });
}

async function openRuntimeOn(
  {
    target,
    drop,
  }: {
    target: DatabaseTarget;
    drop(): Promise<void>;
  },
  options: { localUser?: boolean; guardMailboxAddresses?: boolean; inbox?: InboxPorts } = {},
): Promise<TestRuntime> {
  const clock = fixedClock(testNow);
  const runtime = await startRuntime(target, {
    clock,
    system: testSystem,
    secretKey: testSecretKey,
    ...options,
  });
  return {
    ...runtime,
    clock,
    reset: async () => {
      clock.set(testNow);
      await wipe(runtime.deps.db);
      await ensureUser(
        runtime.deps.db,
        { id: localUserId, displayName: 'You' },
        defaultSettings(testSystem, countryOfLocale(testSystem.locale)),
        testNow,
      );
    },
    close: async () => {
      await runtime.close();
      await drop();
    },
  };
}

async function createTarget(
  dialect: TestDialect,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { target: { kind: 'sqlite', file: ':memory:' }, drop: async () => {} };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { target: { kind: 'pglite' }, drop: async () => {} };
  const name = `hearback_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      // pg's pool resolves end() before its sockets are closed; dropping at once would kill them mid-goodbye
      // and surface as an unhandled FATAL in the test run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
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

const tablesChildrenFirst = [
  'jobs',
  'inbox_messages',
  'inbox_folders',
  'inbox_accounts',
  'outgoing_messages',
  'data_versions',
  'extension_pairing_codes',
  'extension_tokens',
  'response_link_nonces',
  'response_links',
  'follow_ups',
  'events',
  'interview_interviewers',
  'interviews',
  'application_tags',
  'applications',
  'contacts',
  'companies',
  'settings',
  'users',
] as const;

async function wipe(db: Db): Promise<void> {
  for (const table of tablesChildrenFirst) await db.deleteFrom(table).execute();
}

export type DialectContext = {
  readonly dialect: TestDialect;
  readonly runtime: TestRuntime;
  readonly deps: Deps;
  readonly app: FastifyInstance;
};

/**
 * Runs a suite once per dialect, labelled `[sqlite]` and `[postgres (server|pglite)]` in the output. Each
 * dialect gets one migrated database for the file, emptied before every test, and an app built on it.
 */
export function describeEachDialect(name: string, suite: (ctx: DialectContext) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const label = dialect === 'sqlite' ? '[sqlite]' : `[postgres (${postgresFlavour()})]`;
    describe(`${name} ${label}`, () => {
      let runtime: TestRuntime | undefined;
      let app: FastifyInstance | undefined;
      const ctx: DialectContext = {
        dialect,
        get runtime() {
          if (!runtime) throw new Error('the test runtime is not open yet');
          return runtime;
        },
        get deps() {
          return ctx.runtime.deps;
        },
        get app() {
          if (!app) throw new Error('the test app is not built yet');
          return app;
        },
      };
      beforeAll(async () => {
        runtime = await openTestRuntime(dialect);
        app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
      });
      afterAll(async () => {
        await app?.close();
        await runtime?.close();
      });
      beforeEach(async () => {
        await runtime?.reset();
      });
      suite(ctx);
    });
  }
}
