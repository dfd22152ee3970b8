import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvImportPreview } from '../core/csv-import.js';
import { type CsvPreviewRow, pageOfRows, previewPageSize, toCsvPreviewView } from './csv-import-view.js';

/** The shape `POST /api/import/csv/preview` answers with (src/services/csv-import.ts). */
const answer: CsvImportPreview = {
  format: { id: 'generic', label: 'Spreadsheet' },
  delimiter: ',',
  encoding: 'utf-8',
  mapping: {
    Employer: 'companyName',
    Role: 'jobTitle',
    'Applied on': 'appliedAt',
    Where: 'note',
    Odd: 'ignore',
  },
  dateOrder: 'dmy',
  warnings: [{ field: 'dateOrder', column: null, message: 'dates read as day/month' }],
  errors: [],
  rows: [
    {
      row: 2,
      action: 'create',
      application: {
        create: { companyName: 'Acme', jobTitle: 'Engineer', stage: 'applied' },
        moves: [{ stage: 'interviewing', outcome: null }],
      },
      warnings: [],
      errors: [],
    },
    {
      row: 3,
      action: 'duplicate',
      application: { create: { companyName: 'Contoso', jobTitle: 'Analyst', stage: 'applied' }, moves: [] },
      duplicateOf: {
        applicationId: '01J',
        jobTitle: 'Analyst',
        companyName: 'Contoso',
        reason: 'company_and_title',
      },
      warnings: [],
      errors: [],
    },
    {
      row: 4,
      action: 'error',
      warnings: [],
      errors: [{ field: 'companyName', column: 'Employer', message: 'is empty' }],
    },
    {
      row: 5,
      action: 'duplicate',
      duplicateOf: { row: 2, reason: 'posting_url' },
      warnings: [],
      errors: [],
    },
  ],
  counts: { total: 4, create: 1, duplicate: 2, error: 1 },
  history: { quietAfterDays: 30, applications: 1, choice: 'keep' },
};

describe('toCsvPreviewView', () => {
  it('reads the format, the mapping in file order, the date order and each row', () => {
    const view = toCsvPreviewView(answer);
    expect(view?.format).toEqual({ id: 'generic', label: 'Spreadsheet' });
    expect(view?.columns).toEqual(['Employer', 'Role', 'Applied on', 'Where', 'Odd']);
    expect(view?.mapping.Odd).toBe('ignore');
    expect(view?.dateOrder).toBe('dmy');
    expect(view?.counts).toEqual({ total: 4, create: 1, duplicate: 2, error: 1 });
    expect(view?.rows.map((r) => [r.row, r.action, r.jobTitle, r.stage])).toEqual([
      [2, 'create', 'Engineer', 'interviewing'],
      [3, 'duplicate', 'Analyst', 'applied'],
      [4, 'error', null, null],
      [5, 'duplicate', null, null],
    ]);
    expect(view?.rows[1]?.duplicateOf).toBe(
      '“Analyst” at Contoso, already tracked (same company and job title)',
    );
    expect(view?.rows[3]?.duplicateOf).toBe('row 2 of this file (same posting link)');
    expect(view?.rows[2]?.errors).toEqual([
      { field: 'companyName', column: 'Employer', message: 'is empty' },
    ]);
    expect(view.isEmpty).toBe(false);
    expect(view.quietApplications).toBe(1);
  });

  it('knows a file with only a header row is empty', () => {
    const headerOnly = { ...answer, rows: [], counts: { total: 0, create: 0, duplicate: 0, error: 0 } };
    expect(toCsvPreviewView(headerOnly).isEmpty).toBe(true);
  });
});

const rowArbitrary = fc.record({
  action: fc.constantFrom('create' as const, 'duplicate' as const, 'error' as const),
});

function rowsOf(actions: readonly { action: CsvPreviewRow['action'] }[]): CsvPreviewRow[] {
  return actions.map(({ action }, i) => ({
    row: i + 2,
    action,
    companyName: null,
    jobTitle: null,
    stage: null,
    outcome: null,
    duplicateOf: null,
    warnings: [],
    errors: [],
  }));
}

describe('pageOfRows', () => {
  it('shows every matching row exactly once across its pages, at most a page size each', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 140 }),
        fc.constantFrom('all' as const, 'create' as const, 'duplicate' as const, 'error' as const),
        (actions, filter) => {
          const rows = rowsOf(actions);
          const first = pageOfRows(rows, filter, 0);
          const seen: number[] = [];
          for (let page = 0; page < first.pages; page += 1) {
            const shown = pageOfRows(rows, filter, page);
            expect(shown.rows.length).toBeLessThanOrEqual(previewPageSize);
            seen.push(...shown.rows.map((r) => r.row));
          }
          const expected = rows.filter((r) => filter === 'all' || r.action === filter).map((r) => r.row);
          expect(seen).toEqual(expected);
          expect(first.total).toBe(expected.length);
        },
      ),
    );
  });

  it('keeps a page number past the end on the last page', () => {
    const rows = rowsOf(Array.from({ length: 60 }, () => ({ action: 'create' as const })));
    expect(pageOfRows(rows, 'all', 9)).toMatchObject({ page: 2, pages: 3, total: 60 });
    expect(pageOfRows(rows, 'all', 9).rows.map((r) => r.row)).toEqual(
      Array.from({ length: 10 }, (_, i) => 52 + i),
    );
    expect(pageOfRows(rows, 'error', 3)).toMatchObject({ page: 0, pages: 1, total: 0 });
  });
});
