import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';

/**
 * `hearback …` run in this process (runCli) against a data folder of its own, made before the file's tests and
 * removed after them, on SQLite and without colour whatever the environment says.
 */
export function inProcessCli(name: string) {
  let dir = '';
  beforeAll(() => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('NO_COLOR', '1');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `hearback-cli-${name}-`));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const hearback = (...args: string[]) => runCli(['--data-dir', dir, ...args]);
  // biome-ignore lint/suspicious/noExplicitAny: tests read command output loosely and assert what they need
  async function json<T = any>(...args: string[]): Promise<T> {
    const result = await hearback('--json', ...args);
    if (result.code !== 0) {
      throw new Error(`hearback ${args.join(' ')} failed (${result.code}): ${result.stdout}`);
    }
    return JSON.parse(result.stdout) as T;
  }
  return { hearback, json, dataDir: () => dir };
}
