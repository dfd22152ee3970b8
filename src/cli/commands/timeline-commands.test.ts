import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../program.js';

let dir: string;

beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NO_COLOR', '1');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-follow-ups-'));
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hearback = (...args: string[]) => runCli(['--data-dir', dir, ...args]);

// biome-ignore lint/suspicious/noExplicitAny: tests read command output loosely and assert what they need
async function json<T = any>(...args: string[]): Promise<T> {
  const result = await hearback('--json', ...args);
  if (result.code !== 0)
    throw new Error(`hearback ${args.join(' ')} failed (${result.code}): ${result.stdout}`);
  return JSON.parse(result.stdout) as T;
}

describe('hearback follow-ups', { timeout: 60_000 }, () => {
  it('is spelled follow-ups, with followups kept as an alias in the help', async () => {
    const help = await hearback('--help');
    expect(help.stdout).toMatch(/^\s+follow-ups\|followups\s/m);
    expect(help.stdout).not.toMatch(/^\s+followups\|/m);
  });

  it('does the same under either spelling', async () => {
    const application = await json('add', '-c', 'Acme', '-t', 'Engineer');
    const added = await json('follow-ups', 'add', application.id, '--due', '2026-04-01', '--kind', 'custom');
    const canonical = await json('follow-ups', 'list', '--application', application.id);
    expect(await json('followups', 'list', '--application', application.id)).toEqual(canonical);
    expect(canonical.map((s: { id: string }) => s.id)).toContain(added.id);
    expect((await json('followups', 'done', added.id, '--note', 'called')).status).toBe('done');
  });

  it('shows each step by its label', async () => {
    const application = await json('add', '-c', 'Globex', '-t', 'Designer');
    const step = await json(
      'follow-ups',
      'add',
      application.id,
      '--due',
      '2026-04-02',
      '--kind',
      'offer_check',
    );
    const table = await hearback('follow-ups', 'list', '--application', application.id);
    expect(table.stdout).toContain('Check on the written offer');
    const skipped = await hearback('follow-ups', 'skip', step.id);
    expect(skipped.stdout).toContain('Skipped: Check on the written offer');
  });
});
