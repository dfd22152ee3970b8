import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../test/support/bundle.js';
import { createWorkCalendar } from '../core/business-days.js';
import { startRuntime } from '../runtime.js';
import { buildApp } from '../server/build-app.js';
import { migrations } from '../storage/migrate.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

let cli: string;
let root: string;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };

async function hearback(dataDir: string, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, '--data-dir', dataDir, ...args], {
      env: { ...process.env, DATABASE_URL: '', NO_COLOR: '1', TZ: 'UTC' },
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
    throw new Error(`hearback ${args.join(' ')} failed (${result.code}): ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

// Each command is a process of its own; on a loaded machine a dozen of them take a while.
describe('hearback CLI', { timeout: 180_000 }, () => {
  it('tracks an application from add to ended, with an interview, notes and follow-ups', async () => {
    const dir = path.join(root, 'life');
    await json(dir, 'settings', 'set', '--time-zone', 'America/New_York', '--name', 'Robin');
    const added = await json(
      dir,
      'add',
      '-c',
      'Acme',
      '-t',
      'Backend Engineer',
      '--tag',
      'remote',
      '--url',
      'https://acme.example/jobs/1',
    );
    expect(added).toMatchObject({
      jobTitle: 'Backend Engineer',
      company: { name: 'Acme' },
      stage: 'applied',
      tags: ['remote'],
    });
    const ref = added.id.slice(-6).toLowerCase();

    const human = await hearback(dir, 'list');
    expect(human.stdout).toMatch(new RegExp(`${ref}\\s+Acme\\s+Backend Engineer\\s+applied`));

    const interview = await json(
      dir,
      'interview',
      'add',
      ref,
      '--start',
      '2026-03-05 14:00',
      '--duration',
      '45',
      '--round',
      'technical',
      '--with',
      'Dana Lee',
      '--with',
      'Sam Poe',
      '--decision-date',
      '2026-03-12',
    );
    expect(interview).toMatchObject({
      startsAt: '2026-03-05T19:00:00.000Z',
      endsAt: '2026-03-05T19:45:00.000Z',
      timeZone: 'America/New_York',
      round: 'technical',
    });
    expect(interview.interviewerIds).toHaveLength(2);
    const contacts = await json<Array<{ name: string; role: string }>>(dir, 'contact', 'list');
    expect(contacts.map((c) => `${c.name}:${c.role}`)).toEqual([
      'Dana Lee:interviewer',
      'Sam Poe:interviewer',
    ]);

    await json(
      dir,
      'interview',
      'edit',
      interview.id.slice(-5),
      '--topics',
      'system design',
      '--rating',
      '4',
    );
    await json(dir, 'note', ref, 'Asked about on-call');
    const step = await json(
      dir,
      'followups',
      'add',
      ref,
      '--due',
      '2026-03-06',
      '--kind',
      'thank_you',
      '--channel',
      'email',
    );
    expect(step.dueAt).toBe('2026-03-06T14:00:00.000Z');
    const listed = await json<Array<{ id: string }>>(
      dir,
      'followups',
      'list',
      '--due',
      'today',
      '--as-of',
      '2026-03-06',
    );
    expect(listed.map((s) => s.id)).toEqual([step.id]);
    expect((await json(dir, 'followups', 'done', step.id.slice(-6), '--note', 'sent')).status).toBe('done');

    const refused = await hearback(dir, 'move', ref, 'ended');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--outcome (outcome)');
    const ended = await json(dir, 'move', ref, 'ended', '--outcome', 'no_response');
    expect(ended).toMatchObject({ stage: 'ended', furthestStage: 'interviewing', outcome: 'no_response' });

    const shown = await json(dir, 'show', ref);
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'interview',
      'stage_change',
      'stage_change',
      'note',
      'stage_change',
    ]);
    const found = await json<Array<{ id: string }>>(dir, 'list', '--search', 'BACKEND', '--stage', 'ended');
    expect(found.map((a) => a.id)).toEqual([added.id]);
  });

  it('creates, reads, updates, lists and deletes every entity', async () => {
    const dir = path.join(root, 'crud');
    const company = await json(
      dir,
      'company',
      'add',
      '--name',
      'Globex',
      '--website',
      'https://globex.example',
    );
    expect((await json(dir, 'company', 'edit', company.id, '--notes', 'big')).notes).toBe('big');
    expect((await json(dir, 'company', 'show', company.id.slice(-6))).website).toBe('https://globex.example');
    const contact = await json(
      dir,
      'contact',
      'add',
      '--name',
      'Ann',
      '--role',
      'recruiter',
      '--company',
      company.id,
    );
    expect((await json(dir, 'contact', 'edit', contact.id, '--email', 'ann@globex.example')).email).toBe(
      'ann@globex.example',
    );
    expect(await json(dir, 'contact', 'list', '--role', 'recruiter')).toHaveLength(1);
    const app = await json(dir, 'add', '-c', 'Globex', '-t', 'Analyst', '--stage', 'saved');
    expect(app.company.id).toBe(company.id);
    expect((await json(dir, 'edit', app.id, '--priority', '5', '--title', 'Senior Analyst')).priority).toBe(
      5,
    );
    const event = await json(
      dir,
      'event',
      'add',
      app.id,
      '--kind',
      'reply_received',
      '--channel',
      'email',
      '--sentiment',
      'positive',
      '--decision-date',
      '2026-04-01',
    );
    expect((await json(dir, 'event', 'edit', event.id, '--summary', 'good news')).summary).toBe('good news');
    expect(
      await json(dir, 'event', 'list', '--application', app.id, '--kind', 'reply_received'),
    ).toHaveLength(1);
    await json(dir, 'event', 'rm', event.id);
    const interview = await json(
      dir,
      'interview',
      'add',
      app.id,
      '--start',
      '2026-04-02T10:00:00Z',
      '--tz',
      'UTC',
    );
    expect(await json(dir, 'interview', 'list', '--application', app.id)).toHaveLength(1);
    await json(dir, 'interview', 'rm', interview.id);
    const step = await json(dir, 'followups', 'add', app.id, '--due', '2026-04-05 09:30');
    expect((await json(dir, 'followups', 'edit', step.id, '--reason', 'Call Ann')).reason).toBe('Call Ann');
    expect((await json(dir, 'followups', 'snooze', step.id, '2030-01-07')).status).toBe('snoozed');
    await json(dir, 'followups', 'rm', step.id);
    const inUse = await hearback(dir, 'company', 'rm', company.id);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('has 1 application');
    await json(dir, 'rm', app.id, '--yes');
    await json(dir, 'contact', 'rm', contact.id);
    await json(dir, 'company', 'rm', company.id);
    expect(await json(dir, 'list')).toEqual([]);
  });

  it('explains bad input by the flag that carries it, with a non-zero exit', async () => {
    const dir = path.join(root, 'errors');
    const blank = await hearback(dir, 'add', '-c', 'Acme', '-t', '   ');
    expect(blank).toMatchObject({ code: 1 });
    expect(blank.stderr).toBe('error: --title (jobTitle): must not be blank\n');
    const badStage = await hearback(dir, '--json', 'add', '-c', 'Acme', '-t', 'X', '--stage', 'hired');
    expect(badStage.code).toBe(1);
    expect(JSON.parse(badStage.stdout).error.code).toBe('VALIDATION_FAILED');
    const unknown = await hearback(dir, 'show', 'zzzzzz');
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'error: No application with an id ending in "zzzzzz"\n',
    });
    await json(dir, 'add', '-c', 'Acme', '-t', 'Dev');
    const dup = await hearback(dir, 'add', '-c', 'acme', '-t', 'dev');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('--force');
    expect((await json(dir, 'add', '-c', 'acme', '-t', 'dev', '--force')).jobTitle).toBe('dev');
    const badWhen = await hearback(dir, 'interview', 'add', 'zzzz', '--start', 'soon');
    expect(badWhen.code).toBe(1);
  });

  it('dates a skip with --at, so the next check-in counts from then, and refuses a future --at', async () => {
    const dir = path.join(root, 'skip-at');
    // Each command runs on the real clock: sent yesterday (a check-in due long before the day an application
    // is added would not be planned), skipped an hour ago.
    const sentAt = new Date(Date.now() - 86_400_000).toISOString();
    const skippedAt = new Date(Date.now() - 3_600_000).toISOString();
    const app = await json(dir, 'add', '-c', 'Acme', '-t', 'Engineer', '--at', sentAt);
    const [first] = await json(dir, 'followups', 'list', '--application', app.id);
    expect(first).toMatchObject({ kind: 'application_check_in' });
    const future = await hearback(dir, 'followups', 'skip', first.id, '--at', '2999-01-01T00:00:00Z');
    expect(future).toMatchObject({ code: 1 });
    expect(future.stderr).toContain('--at');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const ahead = await hearback(dir, '--json', 'followups', 'skip', first.id, '--at', tomorrow);
    expect(JSON.parse(ahead.stdout).error.message).toContain('must not be in the future');
    const skipped = await json(dir, 'followups', 'skip', first.id, '--at', skippedAt);
    expect(skipped).toMatchObject({ status: 'skipped', completedAt: skippedAt });
    const [second] = await json(dir, 'followups', 'list', '--application', app.id, '--status', 'planned');
    const calendar = createWorkCalendar(await json(dir, 'settings', 'show'));
    const fiveAfterSkip = calendar.addBusinessDays(calendar.localDate(skippedAt), 5);
    expect(second).toMatchObject({ kind: 'application_check_in', dueAt: calendar.morningOf(fiveAfterSkip) });
    // Reopened, the first check-in is open again on its date, and the second waits for it.
    const reopened = await json(dir, 'followups', 'reopen', first.id);
    expect(reopened).toMatchObject({ status: 'planned', completedAt: null, dueAt: first.dueAt });
    const open = await json(dir, 'followups', 'list', '--application', app.id, '--status', 'planned');
    expect(open.map((s: { id: string }) => s.id)).toEqual([first.id]);
  });

  it('exports a backup, restores it into an empty data dir, and exports identical JSON', async () => {
    const source = path.join(root, 'backup-source');
    await json(source, 'add', '-c', 'Ünïcode GmbH', '-t', 'Entwickler:in 🚀', '--notes', 'a\nb');
    const app = await json(source, 'add', '-c', 'Acme', '-t', 'QA');
    await json(source, 'interview', 'add', app.id, '--start', '2026-03-05 09:00', '--with', 'Kim');
    await json(source, 'move', app.id, 'ended', '--outcome', 'position_closed', '--reason', 'hiring_freeze');
    const file = path.join(root, 'backup.json');
    expect((await hearback(source, 'export', '--json', '--out', file)).code).toBe(0);
    const target = path.join(root, 'backup-target');
    const restored = await json(target, 'import', '--json', file);
    expect(restored).toMatchObject({ applications: 2, contacts: 1, interviews: 1 });
    const again = await hearback(target, 'export', '--json');
    expect(again.stdout).toBe(fs.readFileSync(file, 'utf8'));
    const twice = await hearback(target, 'import', '--json', file);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout).error.code).toBe('IMPORT_TARGET_NOT_EMPTY');
  });

  it('shows the same Today as the API, with the rule behind each step, and drafts a step', async () => {
    const dir = path.join(root, 'today');
    await json(
      dir,
      'settings',
      'set',
      '--time-zone',
      'Europe/Berlin',
      '--country',
      'DE',
      '--region',
      'BE',
      '--name',
      'Robin',
    );
    // Applied now, and the interview in the future: a thank-you first seen long after its interview is not
    // planned, and this runs on the real clock (which also refuses an application dated in the future).
    const app = await json(dir, 'add', '-c', 'Acme', '-t', 'Engineer');
    await json(
      dir,
      'interview',
      'add',
      app.id,
      '--start',
      '2027-03-04 10:00',
      '--with',
      'Dana Lee',
      '--topics',
      'the roadmap',
    );
    const fromCli = await json(dir, 'today', '--as-of', '2027-03-05');
    expect(fromCli.today.map((i: { step: { kind: string } }) => i.step.kind)).toEqual(['thank_you']);
    expect(fromCli.today[0].explanation).toContain('Thank-you note');
    const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dir, 'hearback.db') });
    const server = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    try {
      const fromApi = (await server.inject({ url: '/api/today?asOf=2027-03-05' })).json();
      expect(fromApi).toEqual(fromCli);
    } finally {
      await server.close();
      await runtime.close();
    }
    const human = await hearback(dir, 'today', '--as-of', '2027-03-05');
    expect(human.stdout).toContain('Due today (1)');
    expect(human.stdout).toContain('Thank-you note');
    const draft = await json(dir, 'draft', fromCli.today[0].step.id);
    expect(draft.body).toContain('the roadmap');
  });

  it('migrates on demand and reports when there is nothing to do', async () => {
    const dir = path.join(root, 'migrate');
    const report = await json(dir, 'db', 'migrate');
    expect(report).toMatchObject({ dialect: 'sqlite', current: Object.keys(migrations).at(-1) });
    expect((await hearback(dir, 'db', 'migrate')).stdout).toContain('Already up to date');
  });

  it('runs through bin/hearback.js', async () => {
    const { stdout } = await run(process.execPath, [path.join(repo, 'bin/hearback.js'), '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
