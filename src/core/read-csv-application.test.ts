import { describe, expect, it } from 'vitest';
import { mapCsvColumns } from './csv-column-mapping.js';
import { makeCsvDateParser } from './csv-dates.js';
import { type CsvFormat, csvFormatById, genericCsvFormat } from './csv-formats.js';
import { makeCsvRowReader } from './read-csv-application.js';

const now = '2026-03-02T10:00:00.000Z';

/** Reads one data row under the given header, as the import would. */
function read(header: string, line: string, format: CsvFormat = genericCsvFormat) {
  const headers = header.split(',');
  const reader = makeCsvRowReader({
    headers,
    mapping: mapCsvColumns(headers, format.columns),
    format,
    parseDate: makeCsvDateParser({ order: 'mdy', timeZone: 'UTC', naiveTimes: 'local' }),
    now,
  });
  return reader({ row: 2, cells: line.split(',') });
}

function history(header: string, line: string) {
  const { draft, errors } = read(header, line);
  if (!draft) throw new Error(JSON.stringify(errors));
  return [
    `${draft.create.stage}@${draft.create.stageAt}`,
    ...draft.moves.map((m) => `${m.stage}${m.outcome ? `/${m.outcome}` : ''}@${m.occurredAt}`),
  ];
}

describe('makeCsvRowReader: stage history', () => {
  const header = 'Company,Title,Status,Saved,Applied,Updated,Ended,Furthest stage';

  it('starts saved when a saved date comes before the applied date, and ignores one after it', () => {
    expect(history(header, 'Acme,Dev,applied,2026-01-01,2026-01-05,,,')).toEqual([
      'saved@2026-01-01T12:00:00.000Z',
      'applied@2026-01-05T12:00:00.000Z',
    ]);
    expect(history(header, 'Acme,Dev,applied,2026-01-09,2026-01-05,,,')).toEqual([
      'applied@2026-01-05T12:00:00.000Z',
    ]);
  });

  it("refuses a stage date after the day of the import, naming the column, and dates today's as now", () => {
    const { draft, errors } = read(header, 'Acme,Dev,applied,,2026-03-03,,,');
    expect(draft).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ field: 'appliedAt', message: expect.stringContaining('in the future') }),
    ]);
    expect(read(header, 'Acme,Dev,rejected,,2026-01-05,,2027-01-01,').errors).toEqual([
      expect.objectContaining({ field: 'endedAt' }),
    ]);
    // 2 March is the import's own day: read as noon, which is later than 10:00, so it is dated now.
    expect(history(header, 'Acme,Dev,applied,,2026-03-02,,,')).toEqual([`applied@${now}`]);
  });

  it('moves to the furthest stage and back to the current one', () => {
    expect(history(header, 'Acme,Dev,screening,,2026-01-05,2026-01-20,,interviewing')).toEqual([
      'applied@2026-01-05T12:00:00.000Z',
      'interviewing@2026-01-05T12:00:00.000Z',
      'screening@2026-01-20T12:00:00.000Z',
    ]);
  });

  it('goes through the offer before an accepted or declined ending', () => {
    expect(history(header, 'Acme,Dev,offer accepted,,2026-01-05,,2026-02-01,')).toEqual([
      'applied@2026-01-05T12:00:00.000Z',
      'offer@2026-01-05T12:00:00.000Z',
      'ended/accepted@2026-02-01T12:00:00.000Z',
    ]);
  });

  it('ends a never-applied application from the saved stage when the furthest stage says so', () => {
    expect(history(header, 'Acme,Dev,withdrew,2026-01-01,,,2026-01-03,saved')).toEqual([
      'saved@2026-01-01T12:00:00.000Z',
      'ended/withdrew@2026-01-03T12:00:00.000Z',
    ]);
  });

  it('dates the current stage by the status date, and never before the step it follows', () => {
    expect(history(header, 'Acme,Dev,interviewing,,2026-01-05,2026-01-10,,')).toEqual([
      'applied@2026-01-05T12:00:00.000Z',
      'interviewing@2026-01-10T12:00:00.000Z',
    ]);
    expect(history(header, 'Acme,Dev,interviewing,,2026-01-05,2026-01-01,,')).toEqual([
      'applied@2026-01-05T12:00:00.000Z',
      'interviewing@2026-01-05T12:00:00.000Z',
    ]);
  });

  it('refuses an explicit date before the step it follows, naming the column', () => {
    expect(read(header, 'Acme,Dev,rejected,,2026-01-05,,2026-01-01,').errors).toEqual([
      { field: 'endedAt', column: 'Ended', message: 'is before the applied date (2026-01-05)' },
    ]);
  });

  it('dates a row without any date at the time of import, with a warning', () => {
    const reading = read(header, 'Acme,Dev,rejected,,,,,');
    expect(reading.draft?.create.stageAt).toBe(now);
    expect(reading.draft?.moves.map((m) => m.occurredAt)).toEqual([now]);
    expect(reading.warnings).toEqual([
      { field: 'appliedAt', column: 'Applied', message: 'no date in this row; dated at the time of import' },
    ]);
  });

  it('refuses an unreadable furthest stage', () => {
    expect(read(header, 'Acme,Dev,applied,,2026-01-05,,,hired').errors).toEqual([
      {
        field: 'furthestStage',
        column: 'Furthest stage',
        message: '"hired" is not a stage (saved, applied, screening, interviewing, offer)',
      },
    ]);
  });
});

describe('makeCsvRowReader: values', () => {
  it('keeps values it cannot use in the notes, with a warning for each', () => {
    const reading = read(
      'Company,Title,Work model,Salary,Priority,Notes',
      'Acme,Dev,moon base,competitive,urgent,hi',
    );
    expect(reading.draft?.create.notes).toBe(
      'hi\n\nWork model: moon base\nSalary: competitive\nPriority: urgent',
    );
    expect(reading.warnings.map((w) => w.field)).toEqual(['remoteType', 'salary', 'priority']);
  });

  it('reads placeholder cells as empty in spreadsheets but keeps them as text in hearback exports', () => {
    expect(read('Company,Title,Notes,Location', 'Acme,Dev,N/A,-').draft?.create).toMatchObject({
      companyName: 'Acme',
    });
    expect(read('Company,Title,Notes,Location', 'Acme,Dev,N/A,-').draft?.create.notes).toBeUndefined();
    const hearback = csvFormatById('hearback');
    const header = 'Company,Job title,Stage,Furthest stage,Outcome,Notes,Location';
    expect(read(header, 'Acme,Dev,applied,applied,,N/A,-', hearback).draft?.create).toMatchObject({
      notes: 'N/A',
      posting: { location: '-' },
    });
    expect(read(header, 'Acme,Dev,applied,applied,,   ,', hearback).draft?.create.notes).toBe('   ');
  });

  it('removes the apostrophe an export put before a formula character', () => {
    const reading = read('Company,Title,Notes', "'=Acme,'+1 hotline,''=x");
    expect(reading.draft?.create).toMatchObject({
      companyName: '=Acme',
      jobTitle: '+1 hotline',
      notes: "'=x",
    });
  });

  it('reports schema problems against the column they came from', () => {
    expect(read('Company,Title,Tags', `Acme,Dev,${'x'.repeat(70)}`).errors).toEqual([
      { field: 'tags', column: 'Tags', message: 'must be at most 64 characters' },
    ]);
    expect(read('Company,Title,Min salary,Max salary', 'Acme,Dev,200000,100000').errors).toEqual([
      { field: 'salaryMax', column: 'Max salary', message: 'must not be below salaryMin' },
    ]);
  });
});

describe('makeCsvRowReader: the company', () => {
  const header = 'Company,Title,Employees,Industry';

  it("reads the company's size band and industry for the company the import creates", () => {
    const { draft } = read(header, 'Acme,Dev,1001-5000,Aerospace & Defense');
    expect(draft?.company).toEqual({ sizeBand: '1000-4999', industry: 'Aerospace & Defense' });
    expect(read(header, 'Acme,Dev,,').draft?.company).toBeUndefined();
  });

  it('keeps a size that is not a number of employees in the notes, with a warning', () => {
    const { draft, warnings } = read(header, 'Acme,Dev,huge,');
    expect(draft?.company).toBeUndefined();
    expect(warnings).toEqual([
      {
        field: 'companySize',
        column: 'Employees',
        message: '"huge" is not a number of employees; kept in the notes',
      },
    ]);
    expect(draft?.create.notes).toContain('Employees: huge');
  });
});
