import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../../test/support/bundle.js';
import { lintIcs } from '../../integrations/ics/lint-ics.js';

const run = promisify(execFile);

let cli: string;
let root: string;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli-calendar');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-calendar-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };

async function hearback(dataDir: string, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, '--data-dir', dataDir, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        NO_COLOR: '1',
        TZ: 'UTC',
        HEARBACK_PUBLIC_URL: 'https://hb.example/',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read command output loosely and assert what they need
async function json<T = any>(dataDir: string, ...args: string[]): Promise<T> {
  const result = await hearback(dataDir, '--json', ...args);
  if (result.code !== 0)
    throw new Error(`hearback ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

// Each command is a process of its own; on a loaded machine they take a while.
describe('hearback calendar and digest commands', { timeout: 240_000 }, () => {
  it('issues, re-issues and revokes the feed URL, and exports the feed and one interview', async () => {
    const dir = path.join(root, 'calendar');
    const issued = await json(dir, 'calendar', 'token');
    expect(issued.url).toMatch(/^https:\/\/hb\.example\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    const again = await hearback(dir, 'calendar', 'token');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already issued.*re-issue/);
    const reissued = await json(dir, 'calendar', 'token', '--reissue');
    expect(reissued.url).not.toBe(issued.url);

    const added = await json(dir, 'add', '-c', 'Acme', '-t', 'Backend Engineer');
    const interview = await json(
      dir,
      'interview',
      'add',
      added.id.slice(-6),
      '--start',
      '2099-03-05 14:00',
      '--duration',
      '45',
      '--with',
      'Dana Lee',
    );
    const out = path.join(dir, 'feed.ics');
    expect(await json(dir, 'calendar', 'export', '--out', out)).toEqual({ written: out });
    const feed = fs.readFileSync(out, 'utf8');
    expect(lintIcs(feed, { requireRefresh: true })).toEqual([]);
    const events = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    const event = events.find((e) => e.uid === `${interview.id}@hearback`);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2099-03-05T14:00:00.000Z');
    expect(event?.description).toContain('Dana Lee');
    expect(event?.description).toContain(
      `Application in hearback: https://hb.example/applications/${added.id}`,
    );

    const single = await hearback(dir, 'calendar', 'export', '--interview', interview.id.slice(-6));
    expect(single.code).toBe(0);
    expect(lintIcs(single.stdout)).toEqual([]);
    expect(single.stdout).toContain(`UID:${interview.id}@hearback`);

    expect(await json(dir, 'calendar', 'revoke')).toEqual({ revoked: true });
    expect((await hearback(dir, 'calendar')).stdout).toContain('No feed URL yet');
  });

  it('previews the digest without sending or recording anything', async () => {
    const dir = path.join(root, 'digest');
    const empty = await hearback(dir, 'digest', 'preview');
    expect(empty.stdout).toContain('no digest would be sent');
    const added = await json(dir, 'add', '-c', 'Initech', '-t', 'Designer');
    await json(dir, 'followups', 'add', added.id.slice(-6), '--due', '2020-01-06', '--reason', 'Check in');
    const preview = await hearback(dir, 'digest');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Subject: Your follow-ups for \w{3} \d{4}-\d{2}-\d{2}: 1 overdue/);
    expect(preview.stdout).toContain('Follow up: Designer at Initech');
    expect(preview.stdout).toContain('Open: https://hb.example/follow-ups/');
  });
});
