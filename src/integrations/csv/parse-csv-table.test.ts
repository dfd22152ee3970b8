import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { detectDelimiter, parseCsvTable } from './parse-csv-table.js';

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseCsvTable', () => {
  it('drops a UTF-8 byte order mark from the first header', () => {
    const table = parseCsvTable(Buffer.from('\uFEFFCompany,Title\nAcme,Engineer\n'));
    expect(table.headers).toEqual(['Company', 'Title']);
    expect(table.records).toEqual([{ row: 2, cells: ['Acme', 'Engineer'] }]);
  });

  it('detects semicolon, tab and pipe separated files from the header row', () => {
    expect(parseCsvTable('Company;Title\nAcme;"Engineer; Backend"\n').records[0]!.cells).toEqual([
      'Acme',
      'Engineer; Backend',
    ]);
    expect(parseCsvTable('Company\tTitle\nAcme\tEngineer, Data\n').delimiter).toBe('\t');
    expect(parseCsvTable('Company|Title\nAcme|Engineer\n').delimiter).toBe('|');
  });

  it('follows an Excel sep= line and does not count it as a row', () => {
    const table = parseCsvTable('sep=;\r\nCompany;Notes\r\nAcme;"a, b"\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Company', 'Notes']);
    expect(table.records).toEqual([{ row: 2, cells: ['Acme', 'a, b'] }]);
  });

  it('keeps newlines inside quoted cells and numbers rows as a spreadsheet does', () => {
    const table = parseCsvTable('Company,Notes\n"Acme","line one\nline two"\n\nGlobex,x\n');
    expect(table.records).toEqual([
      { row: 2, cells: ['Acme', 'line one\nline two'] },
      { row: 4, cells: ['Globex', 'x'] },
    ]);
  });

  it('skips blank lines and rows of empty cells, and accepts rows with trailing empty columns', () => {
    const table = parseCsvTable('\n\nCompany,Title,,\nAcme,Engineer,,,,\n,,,\n  \nGlobex,Analyst\n');
    expect(table.headers).toEqual(['Company', 'Title', 'Column 3', 'Column 4']);
    expect(table.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [4, 'Acme'],
      [7, 'Globex'],
    ]);
  });

  it('names repeated headers apart', () => {
    expect(parseCsvTable('Notes,Notes,Notes\n1,2,3\n').headers).toEqual(['Notes', 'Notes (2)', 'Notes (3)']);
  });

  it('reads UTF-16 files from Excel "Unicode text" and Windows-1252 files from older Excel', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Company\tTitle\r\nMüller\tIngénieur\r\n', 'utf16le'),
    ]);
    const fromUtf16 = parseCsvTable(utf16);
    expect(fromUtf16.encoding).toBe('utf-16le');
    expect(fromUtf16.records[0]!.cells).toEqual(['Müller', 'Ingénieur']);
    const latin = Buffer.from([
      ...Buffer.from('Company,Title\n'),
      0x4d,
      0xfc,
      0x6c,
      0x6c,
      0x65,
      0x72,
      0x2c,
      0x43,
      0x45,
      0x4f,
      0x0a,
    ]);
    const fromLatin = parseCsvTable(latin);
    expect(fromLatin.encoding).toBe('windows-1252');
    expect(fromLatin.records[0]!.cells).toEqual(['Müller', 'CEO']);
  });

  it('refuses binary files with an error naming the file', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    ]);
    const error = errorOf(() => parseCsvTable(png));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.issues).toEqual([
      { field: 'file', message: expect.stringContaining('not a CSV text file') },
    ]);
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('[Content_Types].xml')]);
    expect(errorOf(() => parseCsvTable(zip)).message).toContain('ZIP archive');
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    expect(errorOf(() => parseCsvTable(noise)).code).toBe('VALIDATION_FAILED');
  });

  it('refuses files over the size or row limit before importing anything', () => {
    const big = `Company,Title\n${'Acme,Engineer\n'.repeat(1000)}`;
    const tooBig = errorOf(() => parseCsvTable(big, { maxBytes: 1000, maxRows: 10_000 }));
    expect(tooBig.code).toBe('BODY_TOO_LARGE');
    expect(tooBig.message).toMatch(/^file: the CSV file is 0\.1 MB; the limit is 0\.0 MB$/);
    const tooLong = errorOf(() => parseCsvTable(big, { maxBytes: 1_000_000, maxRows: 999 }));
    expect(tooLong.code).toBe('BODY_TOO_LARGE');
    expect(tooLong.message).toBe('file: the CSV file has 1000 rows; the limit is 999');
  });

  it('reports an unclosed quote with its line', () => {
    const error = errorOf(() => parseCsvTable('Company,Notes\nAcme,"never closed\n'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^file: line \d+: a quoted cell is never closed/);
    const late = errorOf(() => parseCsvTable('Company,Notes\nAcme,ok\n\nGlobex,"never\nclosed\n'));
    expect(late.message).toMatch(/^file: line 4: a quoted cell is never closed/);
  });

  it('reports text after a closing quote instead of guessing where the cell ends', () => {
    const error = errorOf(() => parseCsvTable('Company,Notes\nAcme,"said "hi" twice"\nGlobex,x\n'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^file: line 2: a quoted cell has text after its closing quote/);
  });

  it('keeps quotes inside a cell that does not start with one', () => {
    expect(parseCsvTable('Company,Title\nAcme,5" display "lead"\n').records[0]!.cells).toEqual([
      'Acme',
      '5" display "lead"',
    ]);
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => parseCsvTable('\n \n')).message).toBe(
      'file: the CSV file is empty; it needs a header row',
    );
  });

  it('reads back any table written with any separator', () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (delimiter, rows) => {
          const headers = ['Company', 'Job title', 'Notes'];
          const text = stringify([headers, ...rows], { delimiter, quoted: true });
          const table = parseCsvTable(text);
          expect(table.delimiter).toBe(delimiter);
          expect(table.headers).toEqual(headers);
          const expected = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(table.records.map((r) => r.cells)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('detectDelimiter', () => {
  it('ignores separators inside quotes and falls back to a comma', () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('Company\n')).toBe(',');
    expect(detectDelimiter('\n\nA;B\n')).toBe(';');
  });
});
