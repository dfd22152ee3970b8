import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApiClient } from '../../../src/web/api-client.js';

export const repositoryRoot = path.resolve(import.meta.dirname, '../../..');

export type AppServer = {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
};

export type AppServerOptions = {
  /** The machine time zone the server starts with: a new user's settings default to it. */
  readonly timeZone?: string;
  /** HEARBACK_ALLOW_PRIVATE_FETCH=1, for a test whose fake posting site is on 127.0.0.1. */
  readonly allowPrivateFetch?: boolean;
  /** Leave the first-run set-up to be offered (a fresh database's); else it is marked done, as a skip would. */
  readonly firstRun?: boolean;
  /** A data directory already holding a database (a benchmark's seeded one); removed on stop like a new one. */
  readonly dataDir?: string;
  /**
   * Start with HEARBACK_PUBLIC_URL set to the server's own address (on a free port chosen first), as a
   * hearback reachable from outside is: the employer response link needs it.
   */
  readonly publicUrl?: boolean;
  /** More environment, set last (server mode's HEARBACK_MODE, DATABASE_URL, HEARBACK_PUBLIC_URL, PORT, ...). */
  readonly env?: Readonly<Record<string, string>>;
};

/**
 * Starts hearback the way `npm start` does (src/main.ts: migrations, API and the built UI), on a fresh
 * temporary data directory and a port the system picks, and resolves once it says where it listens.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HEARBACK_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TZ: options.timeZone ?? 'Europe/Berlin',
    LANG: 'en_US.UTF-8',
    HEARBACK_ALLOW_PRIVATE_FETCH: options.allowPrivateFetch ? '1' : '0',
  };
  if (options.publicUrl) {
    const port = await freePort();
    env.PORT = String(port);
    env.HEARBACK_PUBLIC_URL = `http://127.0.0.1:${port}`;
  } else delete env.HEARBACK_PUBLIC_URL;
  // Always the embedded SQLite file: the e2e run must not touch a PostgreSQL the shell happens to name.
  delete env.DATABASE_URL;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'src/main.ts')], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  if (!options.firstRun) await createApiClient({ baseUrl: url }).updateSettings({});
  return {
    url,
    dataDir,
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port free at this moment on 127.0.0.1 (the system picks it; it is closed again at once). */
export function freePort(): Promise<number> {
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

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hearback did not start within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /hearback is running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hearback exited with code ${code} before it started:\n${output}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
