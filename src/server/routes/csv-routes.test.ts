import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../integrations/csv/fixtures', name), 'utf8');

describeEachDialect('CSV import and export API', (ctx) => {
  it('previews a Huntr export without writing, then imports it, then skips the same rows as duplicates', async () => {
    const csv = fixture('huntr-jobs.csv');
    const preview = await call(ctx.app, 'POST', '/api/import/csv/preview', { csv }, 200);
    expect(preview.format.id).toBe('huntr');
    expect(preview.counts.create).toBeGreaterThan(0);
    expect((await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items).toEqual([]);
    const result = await call(ctx.app, 'POST', '/api/import/csv', { csv }, 200);
    expect(result).toMatchObject({ created: preview.counts.create, failed: [] });
    const listed = await call(ctx.app, 'GET', '/api/applications?limit=500', undefined, 200);
    expect(listed.items).toHaveLength(result.created);
    const again = await call(ctx.app, 'POST', '/api/import/csv', { csv }, 200);
    expect(again).toMatchObject({ created: 0, duplicates: result.created });
  });

  it('imports none of a file with a bad row unless asked to skip bad rows, and reports each', async () => {
    const csv =
      'Company,Job Title,Date Applied\nAcme,Engineer,2026-01-05\n,No company,2026-01-06\nGlobex,Analyst,not a date at all\n';
    const refused = await call(ctx.app, 'POST', '/api/import/csv', { csv }, 200);
    expect(refused.created).toBe(0);
    expect(refused.failed.map((f: { row: number }) => f.row).sort()).toEqual([3, 4]);
    expect((await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items).toEqual([]);
    const skipped = await call(ctx.app, 'POST', '/api/import/csv', { csv, skipInvalidRows: true }, 200);
    expect(skipped.created).toBe(1);
  });

  it('reports in the import result, not only in the preview, how ambiguous dates were read', async () => {
    const csv = 'Company,Job Title,Date Applied\nAcme,Engineer,02/03/2026\n';
    const result = await call(ctx.app, 'POST', '/api/import/csv', { csv }, 200);
    expect(result).toMatchObject({ created: 1, dateOrder: 'mdy' });
    expect(result.warnings).toEqual([
      {
        field: 'dateOrder',
        column: null,
        message: expect.stringContaining('could be month/day or day/month'),
      },
    ]);
    const listed = await call(ctx.app, 'GET', '/api/applications', undefined, 200);
    expect(listed.items[0].appliedAt).toMatch(/^2026-02-03/);
    const chosen = await call(
      ctx.app,
      'POST',
      '/api/import/csv',
      { csv: csv.replace('Acme', 'Globex'), dateOrder: 'dmy' },
      200,
    );
    expect(chosen).toMatchObject({ created: 1, dateOrder: 'dmy', warnings: [] });
  });

  it('exports applications as spreadsheet-safe CSV that imports back with the same stages', async () => {
    await call(
      ctx.app,
      'POST',
      '/api/applications',
      {
        companyName: '=cmd|calc',
        jobTitle: '+1 555 0100',
        notes: '-5 years',
        stageAt: '2026-01-05T10:00:00Z',
      },
      201,
    );
    const exported = await ctx.app.inject({ url: '/api/export/applications.csv' });
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain("'=cmd|calc");
    expect(exported.body).not.toMatch(/(^|,)=cmd/m);
    await call(
      ctx.app,
      'POST',
      '/api/backup/restore?replace=true',
      {
        ...(await call(ctx.app, 'GET', '/api/backup')),
        applications: [],
        events: [],
        followUps: [],
        interviews: [],
      },
      200,
    );
    const result = await call(ctx.app, 'POST', '/api/import/csv', { csv: exported.body }, 200);
    expect(result.created).toBe(1);
    const [application] = (await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items;
    expect(application).toMatchObject({
      company: { name: '=cmd|calc' },
      jobTitle: '+1 555 0100',
      stage: 'applied',
      appliedAt: '2026-01-05T10:00:00.000Z',
    });
  });
});
