import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { cleanIcsLine, cleanIcsText, escapeIcsText, foldIcsLines, safeIcsUri } from './ics-text.js';

describe('cleanIcsText', () => {
  it('turns every kind of line break into a newline and drops other control characters', () => {
    expect(cleanIcsText('a\r\nb\rc\nd\u2028e\u2029f\u0085g\u000bh\u000ci')).toBe('a\nb\nc\nd\ne\nf\ng\nh\ni');
    expect(cleanIcsText('x\u0000y\u0007z\u001b\u007f\u009b!\tok')).toBe('xyz!\tok');
  });

  it('drops lone surrogates and keeps pairs', () => {
    expect(cleanIcsText('a\uD800b\uDC00c😀')).toBe('abc😀');
  });

  it('never leaves a character a parser could take as a line break (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const cleaned = cleanIcsLine(value);
        return !/[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/.test(cleaned);
      }),
    );
  });
});

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and newline as RFC 5545 TEXT', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('safeIcsUri', () => {
  it('keeps http(s) URLs and percent-encodes the separators the writer would mangle', () => {
    expect(safeIcsUri('https://zoom.us/j/1?pwd=a,b;c')).toBe('https://zoom.us/j/1?pwd=a%2Cb%3Bc');
    expect(safeIcsUri('http://localhost:4310/a b')).toBe('http://localhost:4310/a%20b');
  });

  it('refuses other schemes and garbage', () => {
    expect(safeIcsUri('javascript:alert(1)')).toBeNull();
    expect(safeIcsUri('file:///etc/passwd')).toBeNull();
    expect(safeIcsUri('not a url')).toBeNull();
    expect(safeIcsUri(null)).toBeNull();
  });

  it('cannot carry a line break into the output', () => {
    expect(safeIcsUri('https://a.example/x\r\nBEGIN:VEVENT')).toBe('https://a.example/xBEGIN:VEVENT');
  });
});

describe('foldIcsLines', () => {
  it('breaks exactly where ical-generator does, without its cost (property)', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
        const text = lines.map((l) => `DESCRIPTION:${l}`).join('\r\n');
        return foldIcsLines(text) === foldLines(text);
      }),
    );
  });

  it('keeps every physical line within 75 octets', () => {
    const folded = foldIcsLines(`SUMMARY:${'é😀日'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é😀日'.repeat(100)}`);
  });
});
