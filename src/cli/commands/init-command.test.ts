import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../../test/support/test-runtime.js';
import { countryOfLocale } from '../../core/places.js';
import { getSettings } from '../../services/settings.js';
import type { CliContext } from '../context.js';
import { createOutput } from '../output.js';
import { runCli } from '../program.js';
import { type Asker, runInit } from './init-command.js';

describe('hearback init, in a terminal', () => {
  let runtime: TestRuntime;
  let printed: string;
  let warned: string;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
  });
  afterAll(async () => {
    await runtime.close();
  });
  beforeEach(async () => {
    await runtime.reset();
    printed = '';
    warned = '';
  });

  async function context(): Promise<CliContext> {
    const out = createOutput({
      json: false,
      stdout: { write: (text: string) => (printed += text) },
      stderr: { write: (text: string) => (warned += text) },
    });
    return { deps: runtime.deps, out, settings: await getSettings(runtime.deps), runtime };
  }

  /** Answers the questions in turn, and records what was asked with its suggestion. */
  function answering(...answers: string[]): { ask: Asker; asked: string[] } {
    const asked: string[] = [];
    const ask: Asker = async (question, fallback) => {
      asked.push(`${question} [${fallback ?? ''}]`);
      const answer = answers.shift();
      return answer === undefined || answer === '' ? fallback : answer;
    };
    return { ask, asked };
  }

  it('asks for each setting, suggesting this machine’s zone and its locale’s country, and asks again after a typo', async () => {
    const system = Intl.DateTimeFormat().resolvedOptions();
    // Stored without being set up (as a server elsewhere might have): the suggestions are still this machine's.
    await runtime.deps.db
      .updateTable('settings')
      .set({ time_zone: 'Asia/Tokyo', locale: 'ja-JP', country: 'JP' })
      .execute();
    const { ask, asked } = answering('Europe/Berlin', 'de', 'XX', 'be', '', 'Lena Vogel', 'lena@example.de');
    const saved = await runInit(await context(), {}, ask);
    expect(saved).toMatchObject({
      timeZone: 'Europe/Berlin',
      country: 'DE',
      region: 'BE',
      workingDays: [1, 2, 3, 4, 5],
      name: 'Lena Vogel',
      email: 'lena@example.de',
      locale: system.locale,
    });
    expect(saved.setUpAt).not.toBeNull();
    expect(asked[0]).toBe(`Time zone [${system.timeZone}]`);
    expect(asked[1]).toBe(
      `Country, for its public holidays (a code such as DE, or none) [${countryOfLocale(system.locale) ?? 'none'}]`,
    );
    expect(asked.filter((q) => q.startsWith('Region'))).toHaveLength(2);
    expect(printed).toContain('Regions: BB Brandenburg, BE Berlin,');
    expect(warned).toMatch(/^--region: XX is not a region of DE: one of BB, BE,/);
  });

  it('asks nothing that a flag answers, and suggests the current settings once set up', async () => {
    await runInit(await context(), { timeZone: 'America/Toronto', country: 'CA', region: 'ON' }, null);
    const { ask, asked } = answering('', '');
    const saved = await runInit(
      await context(),
      { workingDays: '1,2,3,4', name: 'Robin', email: 'none' },
      ask,
    );
    expect(asked).toEqual([
      'Time zone [America/Toronto]',
      'Country, for its public holidays (a code such as DE, or none) [CA]',
      'Region, for its own holidays (a code from the list, or none for the whole country) [ON]',
    ]);
    expect(saved).toMatchObject({
      timeZone: 'America/Toronto',
      country: 'CA',
      region: 'ON',
      workingDays: [1, 2, 3, 4],
    });
  });
});

describe('hearback init, without a terminal', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('NO_COLOR', '1');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-init-'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes this machine’s defaults and says so', async () => {
    const system = Intl.DateTimeFormat().resolvedOptions();
    const result = await runCli(['--data-dir', dir, 'init', '--name', 'Lena Vogel']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'Nothing asked (no terminal, or --yes): took this machine’s defaults for --time-zone, --country, --region, --working-days, --email.\n',
    );
    expect(result.stdout).toContain(`time zone     ${system.timeZone}`);
    expect(result.stdout).toContain('name          Lena Vogel');
    expect(result.stdout).toContain('working days  Mon Tue Wed Thu Fri\n');
    const shown = await runCli(['--data-dir', dir, '--json', 'settings']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      timeZone: system.timeZone,
      locale: system.locale,
      country: countryOfLocale(system.locale),
      region: null,
      name: 'Lena Vogel',
    });
    expect(JSON.parse(shown.stdout).setUpAt).not.toBeNull();
  });

  it('refuses a place that does not exist, naming the flag, and changes nothing (init and settings set)', async () => {
    const region = await runCli(['--data-dir', dir, 'init', '--country', 'DE', '--region', 'XX']);
    expect(region.code).toBe(1);
    expect(region.stderr).toMatch(/^error: --region: XX is not a region of DE: one of BB, BE, /);
    const country = await runCli(['--data-dir', dir, 'init', '--country', 'UK']);
    expect(country.code).toBe(1);
    expect(country.stderr).toBe(
      'error: --country: UK is not a country whose public holidays hearback knows\n',
    );
    const set = await runCli(['--data-dir', dir, 'settings', 'set', '--country', 'DE', '--region', 'XX']);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/^error: --region \(region\): XX is not a region of DE: one of BB, BE, /);
    const shown = await runCli(['--data-dir', dir, '--json', 'settings']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ setUpAt: null, region: null });
  });

  it('shows an interview on the user’s clock after set-up, with its own zone’s time after', async () => {
    const run = (...args: string[]) => runCli(['--data-dir', dir, ...args]);
    expect(
      (await run('init', '--time-zone', 'Europe/Berlin', '--country', 'DE', '--region', 'BE')).code,
    ).toBe(0);
    const added = JSON.parse((await run('--json', 'add', '-c', 'Spreewerk', '-t', 'Data engineer')).stdout);
    const ref = added.id.slice(-6);
    const logged = await run(
      'interview',
      'add',
      ref,
      '--start',
      '2026-12-04 08:00',
      '--tz',
      'America/New_York',
    );
    expect(logged.code).toBe(0);
    const shown = await run('show', ref);
    expect(shown.stdout).toContain('  2026-12-04 14:00 (08:00 America/New_York)  Other');
  });
});
