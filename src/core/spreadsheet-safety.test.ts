import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, restoreNeutralizedCell } from './spreadsheet-safety.js';

describe('neutralizeCell', () => {
  it('puts an apostrophe before cells a spreadsheet would run as a formula', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '\'=HYPERLINK("http://evil.example","click")',
    );
    expect(neutralizeCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(neutralizeCell('-5 years')).toBe("'-5 years");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('\t=1+1')).toBe("'\t=1+1");
    expect(neutralizeCell('\r=1+1')).toBe("'\r=1+1");
    expect(neutralizeCell('＝1+1')).toBe("'＝1+1");
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
  });

  it('leaves every other cell alone', () => {
    for (const value of ['Acme', '2026-03-05T10:00:00.000Z', '', "'quoted'", 'a=b', ' =1', '5-3']) {
      expect(neutralizeCell(value)).toBe(value);
    }
  });

  it('never lets a cell start a formula, and import gets the exact value back', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `'${s}`),
          fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string().map((s) => c + s)),
        ),
        (value) => {
          const safe = neutralizeCell(value);
          expect(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(safe)).toBe(false);
          expect(restoreNeutralizedCell(safe)).toBe(value);
        },
      ),
      { numRuns: 500 },
    );
  });
});
