import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime, testNow } from '../../../test/support/test-runtime.js';
import { isAppError } from '../../core/errors.js';
import { getSettings } from '../../services/settings.js';
import { getToday } from '../../services/today.js';
import { listAllApplications } from '../../storage/application-store.js';
import type { CliContext } from '../context.js';
import { createOutput } from '../output.js';
import { type ImportOptions, importCsvFile, type Terminal } from './system-commands.js';

/** Fifty applications sent three to six months before the tests' clock, none answered since. */
const autumn = [
  'Company,Job Title,Date Applied',
  ...Array.from({ length: 50 }, (_, i) => {
    const applied = new Date(Date.parse(testNow) - (90 + 2 * i) * 86_400_000).toISOString().slice(0, 10);
    return `Company ${i},Engineer ${i},${applied}`;
  }),
  '',
].join('\n');

/** No one at the terminal, as in a script or a pipe. */
const noTerminal: Terminal = {
  canPrompt: () => false,
  ask: () => Promise.reject(new Error('nobody is at the terminal')),
};

/** Dates that read as 3 February month-first and 2 March day-first; no value in the file settles which. */
const ambiguous = 'Company,Job Title,Date Applied\nAcme,Engineer,02/03/2026\nGlobex,Analyst,04/05/2025\n';

describe('hearback import file.csv (in process)', () => {
  let runtime: TestRuntime;
  let dir: string;
  let printed: string[];
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-import-csv-'));
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await runtime.reset();
    printed = [];
  });

  async function importFile(
    json: boolean,
    text = ambiguous,
    options: ImportOptions = {},
    terminal = noTerminal,
  ): Promise<string> {
    const file = path.join(dir, 'applications.csv');
    fs.writeFileSync(file, text);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        printed.push(String(chunk));
        done();
      },
    });
    const ctx: CliContext = {
      deps: runtime.deps,
      out: createOutput({ json, stdout: sink, stderr: sink }),
      settings: await getSettings(runtime.deps),
      runtime,
    };
    await importCsvFile(ctx, file, options, terminal);
    return printed.join('');
  }

  /** Someone at the terminal who gives `answers` in turn, and the questions they were asked. */
  function personAnswering(...answers: string[]): Terminal & { questions: string[] } {
    const questions: string[] = [];
    return {
      questions,
      canPrompt: () => true,
      ask: async (question) => {
        questions.push(question);
        return answers.shift();
      },
    };
  }

  it('plans the check-ins of applications with no news from today with --history plan-from-today', async () => {
    const text = await importFile(false, autumn, { history: 'plan-from-today' });
    expect(text).toContain('Created 50,');
    expect(text).toContain('50 applications older than 30 days with no reply: check-ins planned from today.');
    const today = await getToday(runtime.deps);
    expect(today.overdue).toEqual([]);
    expect(today.today).toHaveLength(50);
  });

  it('keeps them open without reminders when there is no terminal and no --history', async () => {
    const text = await importFile(false, autumn);
    expect(text).toContain('50 applications older than 30 days with no reply: kept open without reminders.');
    const today = await getToday(runtime.deps);
    expect([...today.overdue, ...today.today, ...today.week]).toEqual([]);
    const applications = await listAllApplications(runtime.deps.db, runtime.deps.userId);
    expect(new Set(applications.map((a) => a.stage))).toEqual(new Set(['applied']));
  });

  it('asks at a terminal, again after an answer it does not understand, and does what was chosen', async () => {
    const person = personAnswering('maybe', '2');
    const text = await importFile(false, autumn, {}, person);
    expect(person.questions[0]).toBe(
      '50 applications older than 30 days with no reply. What should hearback do with them?\n' +
        '  1. Keep them open without reminders\n  2. Mark them as no response\n  3. Plan check-ins from today\nChoose',
    );
    expect(person.questions[1]).toBe('Please answer 1, 2 or 3');
    expect(text).toContain('50 applications older than 30 days with no reply: ended as no response.');
    const applications = await listAllApplications(runtime.deps.db, runtime.deps.userId);
    expect(applications.map((a) => [a.stage, a.outcome, a.furthestStage])).toEqual(
      Array.from({ length: 50 }, () => ['ended', 'no_response', 'applied']),
    );
  });

  it('asks nothing when the file has no application without news', async () => {
    const person = personAnswering();
    const text = await importFile(
      false,
      'Company,Job Title,Date Applied\nAcme,Engineer,2026-02-20\n',
      {},
      person,
    );
    expect(person.questions).toEqual([]);
    expect(text).not.toContain('no reply');
  });

  it('refuses a --history it does not know, naming the flag, and imports nothing', async () => {
    const refused = await importFile(false, autumn, { history: 'forget' }).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.message).toBe(
      '--history: must be one of keep, no-response, plan-from-today',
    );
    expect(await listAllApplications(runtime.deps.db, runtime.deps.userId)).toEqual([]);
  });

  it('says in a dry run what it would do with them, and that a file with only a header has no rows', async () => {
    const dry = await importFile(false, autumn, { dryRun: true, history: 'no-response' });
    expect(dry).toContain('50 applications older than 30 days with no reply: would be ended as no response');
    printed = [];
    const empty = await importFile(false, 'Company,Job Title,Date Applied\n', { dryRun: true });
    expect(empty).toBe('The file has a header row but no rows to import.\n');
  });

  it('says how ambiguous dates were read in the real import, not only in the dry run', async () => {
    const text = await importFile(false);
    expect(text).toContain('Created 2,');
    expect(text).toMatch(/could be month\/day or day\/month .*read as month\/day \(MM\/DD\/YYYY\)/);
  });

  it('puts the order chosen and the warning in the JSON result', async () => {
    const result = JSON.parse(await importFile(true));
    expect(result).toMatchObject({ created: 2, dateOrder: 'mdy', failed: [] });
    expect(result.warnings).toEqual([
      expect.objectContaining({ field: 'dateOrder', message: expect.stringContaining('read as month/day') }),
    ]);
  });
});
