import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, encodeBase64, fileTooLarge, formatFileSize } from './file-upload.js';

describe('file upload helpers', () => {
  it('encodes any bytes to the same base64 as Node, across slice boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 40 },
    );
  });

  it('encodes a 10 MB file without overflowing the call stack', () => {
    const bytes = new Uint8Array(10 * 1024 * 1024).map((_, i) => i % 251);
    expect(encodeBase64(bytes).length).toBe(Math.ceil(bytes.length / 3) * 4);
  });

  it('reads UTF-8 text, dropping a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Société,Zürich\n')]);
    expect(decodeTextFile(bytes)).toBe('Société,Zürich\n');
  });

  it('reads a spreadsheet saved in Windows-1252 without replacement characters', () => {
    const bytes = new Uint8Array([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9, 0x2c, 0x80, 0x93, 0x94, 0x9f]);
    expect(decodeTextFile(bytes)).toBe('Société,€“”Ÿ');
  });

  it('states sizes in kB and MB', () => {
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(formatFileSize(2048)).toBe('2 kB');
    expect(formatFileSize(3)).toBe('1 kB');
  });

  it('refuses a file over the limit with both sizes, and lets one at the limit through', () => {
    const limit = 10 * 1024 * 1024;
    expect(fileTooLarge({ size: limit }, limit)).toBeNull();
    expect(fileTooLarge({ size: limit + 1 }, limit)).toBe('the file is 10.1 MB; the limit is 10.0 MB');
    expect(fileTooLarge({ size: 50 * 1024 * 1024 }, limit)).toBe('the file is 50.0 MB; the limit is 10.0 MB');
  });
});
