import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../../test/support/bundle.js';
import { replaySearch } from '../../../test/support/search-replay.js';
import { fixedClock } from '../../core/ports.js';
import { startRuntime } from '../../runtime.js';
import { buildApp } from '../../server/build-app.js';
import { createApplication, moveApplication } from '../../services/applications.js';

const run = promisify(execFile);

let cli: string;
let root: string;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli-why');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-why-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function hearback(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, '--data-dir', root, ...args], {
      env: { ...process.env, DATABASE_URL: '', NO_COLOR: '1', TZ: 'UTC' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hearback why --as-of', { timeout: 120_000 }, () => {
  it('answers as of a date, the same as the API', async () => {
    await hearback('db', 'migrate');
    const runtime = await startRuntime(
      { kind: 'sqlite', file: path.join(root, 'hearback.db') },
      { clock: fixedClock('2027-01-04T09:00:00.000Z') },
    );
    const server = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    let fromApi: unknown;
    let id: string;
    try {
      ({ applicationId: id } = await replaySearch(
        server,
        runtime.deps.clock as ReturnType<typeof fixedClock>,
      ));
      fromApi = (await server.inject({ url: `/api/applications/${id}/diagnosis?asOf=2027-03-24` })).json();
    } finally {
      await server.close();
      await runtime.close();
    }
    const result = await hearback('why', id, '--as-of', '2027-03-24', '--json');
    expect(result.code).toBe(0);
    const fromCli = JSON.parse(result.stdout);
    expect(fromCli).toMatchObject({ status: 'waiting', date: '2027-03-24', expectedBy: '2027-02-05' });
    expect(fromCli).toEqual(fromApi);

    const human = await hearback('why', id, '--as-of', '2027-01-11');
    expect(human.stdout).toContain('7 days without word since you applied');

    const bad = await hearback('why', id, '--as-of', 'soon');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('--as-of');
  });

  it('sets, shows and clears a company size band and industry, and refuses a band that does not exist', async () => {
    const added = JSON.parse(
      (
        await hearback(
          '--json',
          'company',
          'add',
          '--name',
          'Umbrella',
          '--size',
          '10000+',
          '--industry',
          'Government',
        )
      ).stdout,
    );
    expect(added).toMatchObject({ sizeBand: '10000+', industry: 'Government' });
    const shown = await hearback('company', 'show', added.id);
    expect(shown.stdout).toMatch(/size\s+10,000 or more people/);
    expect(shown.stdout).toMatch(/industry\s+Government/);
    const cleared = JSON.parse(
      (await hearback('--json', 'company', 'edit', added.id, '--size', 'none', '--industry', '')).stdout,
    );
    expect(cleared).toMatchObject({ sizeBand: null, industry: null });
    const bad = await hearback('company', 'edit', added.id, '--size', 'big');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('--size');
  });
});

describe('hearback retro', { timeout: 120_000 }, () => {
  it("writes an ended application's retrospective a part at a time, shows it, and refuses an open one", async () => {
    await hearback('db', 'migrate');
    const runtime = await startRuntime({ kind: 'sqlite', file: path.join(root, 'hearback.db') });
    let endedId: string;
    let openId: string;
    try {
      const ended = await createApplication(runtime.deps, {
        companyName: 'Globex',
        jobTitle: 'Retro Engineer',
        stageAt: '2026-01-05T09:00:00.000Z',
      });
      await moveApplication(runtime.deps, ended.id, {
        stage: 'ended',
        outcome: 'rejected',
        occurredAt: '2026-02-01T09:00:00.000Z',
      });
      endedId = ended.id;
      openId = (await createApplication(runtime.deps, { companyName: 'Globex', jobTitle: 'Open Role' })).id;
    } finally {
      await runtime.close();
    }
    const none = await hearback('retro', endedId);
    expect([none.code, none.stdout.trim()]).toEqual([0, 'No retrospective yet.']);
    const first = await hearback('retro', endedId, '--change', 'bring a system design example', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      applicationId: endedId,
      wentWell: '',
      wouldChange: 'bring a system design example',
      theySaid: '',
    });
    const hostile = '<img src=x onerror=alert(1)> went with an internal candidate';
    const second = await hearback('retro', endedId, '--they-said', hostile, '--went-well', 'the take-home');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("What I'd change: bring a system design example");
    const shown = JSON.parse((await hearback('retro', endedId, '--json')).stdout);
    expect([shown.wentWell, shown.wouldChange, shown.theySaid]).toEqual([
      'the take-home',
      'bring a system design example',
      hostile,
    ]);
    const refused = await hearback('retro', openId, '--went-well', 'a good talk');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('applicationId: only an ended application has a retrospective');
    const missing = await hearback('retro', 'zzzzzzzz', '--went-well', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No application with an id ending in "zzzzzzzz"');
  });
});
