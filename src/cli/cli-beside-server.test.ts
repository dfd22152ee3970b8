import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../core/ports.js';
import type { Today } from '../core/today.js';
import { type Runtime, startRuntime } from '../runtime.js';
import { buildApp } from '../server/build-app.js';
import { buildProgram } from './program.js';

/**
 * The CLI and a running server on one data directory: the server keeps answers to lists and Today in a cache
 * keyed by the data version, so every CLI write must replace that version in the shared file. The CLI runs
 * in this process, but on its own connection and caches, as it does in a terminal beside the server.
 */
describe('hearback beside a running server', () => {
  let dir: string;
  let runtime: Runtime;
  let server: FastifyInstance;
  const started = new Date();

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-server-'));
    // The server's clock stands still, so its cache key does not change with the minute: only a new data
    // version can make it compute Today again.
    runtime = await startRuntime(
      { kind: 'sqlite', file: path.join(dir, 'hearback.db') },
      { clock: fixedClock(started), system: { timeZone: 'UTC', locale: 'en-US' } },
    );
    server = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
  });

  afterEach(async () => {
    await server.close();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `hearback --json …` in-process against the server's data directory and returns what it printed. */
  async function hearback(...args: string[]): Promise<unknown> {
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    vi.stubEnv('DATABASE_URL', '');
    try {
      const program = await buildProgram(undefined, args);
      await program.exitOverride().parseAsync(['--data-dir', dir, '--json', ...args], { from: 'user' });
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
    const failed = process.exitCode;
    process.exitCode = undefined;
    if (failed) throw new Error(`hearback ${args.join(' ')} failed (${failed}): ${printed}`);
    return JSON.parse(printed);
  }

  async function todaysKinds(): Promise<string[]> {
    const response = await server.inject({ url: '/api/today' });
    expect(response.statusCode).toBe(200);
    const today = response.json<Today>();
    return [...today.overdue, ...today.today, ...today.week].map(
      (item) => `${item.step.kind}:${item.contact?.name ?? '-'}`,
    );
  }

  it('shows the thank-you steps of an interview added with `hearback interview add` at once', async () => {
    const application = (
      await server.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { companyName: 'Acme', jobTitle: 'Engineer' },
      })
    ).json<{ id: string }>();
    expect(await todaysKinds()).not.toContain('thank_you:Dana Lee');

    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await hearback('interview', 'add', application.id, '--start', threeHoursAgo, '--with', 'Dana Lee');

    expect(await todaysKinds()).toContain('thank_you:Dana Lee');
  });
});
