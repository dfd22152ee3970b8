import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../../test/support/test-runtime.js';
import { getSettings } from '../../services/settings.js';
import type { CliContext } from '../context.js';
import { createOutput } from '../output.js';
import { importCsvFile } from './system-commands.js';

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

  async function importFile(json: boolean): Promise<string> {
    const file = path.join(dir, 'applications.csv');
    fs.writeFileSync(file, ambiguous);
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
    await importCsvFile(ctx, file, {});
    return printed.join('');
  }

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
