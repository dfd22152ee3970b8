import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeExtractedText } from './normalize-extracted-text.js';

describe('normalizeExtractedText', () => {
  it('turns hyphens drawn as runs of odd glyphs into one hyphen', () => {
    expect(
      normalizeExtractedText('on-\u00AD\u2010campus, (909) 555-\u00AD\u20105555, co\u2011designed').text,
    ).toBe('on-campus, (909) 555-5555, co-designed');
  });

  it('drops soft hyphens that only mark where a word may break', () => {
    expect(normalizeExtractedText('inter\u00ADnational').text).toBe('international');
  });

  it('replaces characters with no text mapping by U+FFFD and counts them', () => {
    expect(normalizeExtractedText('mejora de \u0000 ujos\u0007')).toEqual({
      text: 'mejora de \uFFFD ujos\uFFFD',
      undecodable: 2,
    });
    expect(normalizeExtractedText('lone \uD800 surrogate')).toEqual({
      text: 'lone \uFFFD surrogate',
      undecodable: 1,
    });
  });

  it('removes icon-font glyphs and invisible characters, and expands ligatures', () => {
    expect(normalizeExtractedText('\uF0E0 jane@example.com\u200B \uFB01nance').text).toBe(
      'jane@example.com finance',
    );
  });

  it('collapses layout tabs and spaces and trims each line', () => {
    expect(normalizeExtractedText('  Skills\t\t:\u00A0 Excel   \r\n\tSpanish  \n\n\n\nMore').text).toBe(
      'Skills : Excel\nSpanish\n\nMore',
    );
  });

  it('joins a word broken at the end of a line but keeps a hyphen before a capital', () => {
    expect(normalizeExtractedText('Devel-\noping tools with Scikit-\nLearn').text).toBe(
      'Developing tools with Scikit-\nLearn',
    );
  });

  it('always yields text every field accepts: no NUL, no lone surrogate, no control character but newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        const { text } = normalizeExtractedText(raw);
        expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD]/);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(text).toBe(text.trim());
      }),
    );
  });

  it('changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        const once = normalizeExtractedText(raw).text;
        expect(normalizeExtractedText(once)).toEqual({ text: once, undecodable: 0 });
      }),
    );
  });
});
