import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../program.js';

let dir = '';
beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NO_COLOR', '1');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-goal-'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hearback = (...args: string[]) => runCli(['--data-dir', dir, ...args]);

// biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON loosely and asserts what it needs
async function json(...args: string[]): Promise<any> {
  const result = await hearback('--json', ...args);
  if (result.code !== 0)
    throw new Error(`hearback ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('hearback settings set --goal-*', () => {
  it('saves each part of the weekly goal, keeps the parts not named, and removes one with "none"', async () => {
    expect((await json('settings')).weeklyGoal).toEqual({
      applications: null,
      interviews: null,
      followUps: null,
    });

    const set = await hearback('settings', 'set', '--goal-applications', '10', '--goal-interviews', '2');
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Settings saved.');
    expect((await json('settings')).weeklyGoal).toEqual({ applications: 10, interviews: 2, followUps: null });
    expect((await hearback('settings')).stdout).toMatch(
      /weekly goal\s+10 applications, 2 interviews a week\n/,
    );

    const followUps = await json('settings', 'set', '--goal-follow-ups', '0');
    expect(followUps.weeklyGoal).toEqual({ applications: 10, interviews: 2, followUps: 0 });

    await hearback('settings', 'set', '--goal-interviews', 'none');
    expect((await json('settings')).weeklyGoal).toEqual({ applications: 10, interviews: null, followUps: 0 });

    // A setting that is not the goal leaves the goal alone.
    await hearback('settings', 'set', '--name', 'Alex');
    expect((await json('settings')).weeklyGoal).toEqual({ applications: 10, interviews: null, followUps: 0 });
  });

  it('is the goal the insights measure against, unless the insights are asked for another', async () => {
    await hearback(
      'settings',
      'set',
      '--goal-applications',
      '3',
      '--goal-interviews',
      '1',
      '--goal-follow-ups',
      'none',
    );
    expect((await json('insights')).activity.goal).toEqual({
      applications: 3,
      interviews: 1,
      followUps: null,
    });
    expect((await json('insights', '--goal-applications', '7')).activity.goal).toEqual({
      applications: 7,
      interviews: 1,
      followUps: null,
    });
  });

  it.each([
    ['--goal-applications', 'ten'],
    ['--goal-interviews', '-1'],
    ['--goal-follow-ups', '2.5'],
    ['--goal-applications', '1001'],
  ])('refuses %s %s naming the flag, and saves nothing', async (flag, value) => {
    const before = (await json('settings')).weeklyGoal;
    const refused = await hearback('settings', 'set', flag, value);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`${flag} (weeklyGoal.`);
    expect(refused.stderr).toContain('must be a whole number from 0 to 1000');
    expect((await json('settings')).weeklyGoal).toEqual(before);
  });
});
