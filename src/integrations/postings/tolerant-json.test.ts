import fs from 'node:fs';
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { parseTolerantJson } from './tolerant-json.js';

describe('parseTolerantJson', () => {
  it('reads strict JSON exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const parsed = parseTolerantJson(JSON.stringify(value));
        expect(parsed).toEqual({ ok: true, value: JSON.parse(JSON.stringify(value)), repaired: false });
      }),
    );
  });

  it('drops // and /* */ comments outside strings and keeps slashes inside them', () => {
    const parsed = parseTolerantJson('{"a": "http://x.example//y", // note\n /* block */ "b": 2}');
    expect(parsed).toEqual({ ok: true, value: { a: 'http://x.example//y', b: 2 }, repaired: true });
  });

  it('escapes raw newlines, tabs and other control characters inside strings', () => {
    const parsed = parseTolerantJson('{"d": "line 1\nline\t2\u0001"}');
    expect(parsed).toEqual({ ok: true, value: { d: 'line 1\nline\t2\u0001' }, repaired: true });
  });

  it('drops trailing commas in objects and arrays', () => {
    expect(parseTolerantJson('{"a": [1, 2, ], "b": {"c": 3,},}')).toMatchObject({
      ok: true,
      value: { a: [1, 2], b: { c: 3 } },
    });
  });

  it('unwraps HTML comment and CDATA wrappers', () => {
    expect(parseTolerantJson('<!-- {"a": 1} -->')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(parseTolerantJson('//<![CDATA[\n{"a": 1}\n//]]>')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(parseTolerantJson('/*<![CDATA[*/ {"a": 1} /*]]>*/')).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it("reads an invalid escape such as \\' as the character itself", () => {
    expect(parseTolerantJson(`{"t": "Rock \\'n\\' roll"}`)).toMatchObject({
      ok: true,
      value: { t: "Rock 'n' roll" },
    });
  });

  it('refuses unquoted keys with a reason instead of guessing', () => {
    const parsed = parseTolerantJson('{ invalid_jsonld_property: invalid_jsonld_value}');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^it is not valid JSON/);
  });

  it('refuses nesting deeper than the limit before parsing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseTolerantJson(deep)).toEqual({ ok: false, reason: 'it is nested deeper than 64 levels' });
    expect(parseTolerantJson(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`, { maxDepth: 64 }).ok).toBe(false);
    expect(parseTolerantJson(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`, { maxDepth: 64 }).ok).toBe(true);
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(parseTolerantJson(`{"a": "${'['.repeat(500)}"}`, { maxDepth: 2 })).toMatchObject({ ok: true });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const parsed = parseTolerantJson(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});

describe.skipIf(!hasCorpora())('parseTolerantJson on the extruct edge cases', () => {
  const blocks = (file: string) => {
    const $ = load(fs.readFileSync(corpusPath('extruct-jsonld-edge-cases', file), 'utf8'));
    return $('script[type="application/ld+json"]')
      .toArray()
      .map((el) => $(el).text());
  };

  it('reads the block with JS comments', () => {
    const [block] = blocks('JSONLD_with_JS_comment.html');
    const parsed = parseTolerantJson(block!);
    expect(parsed).toMatchObject({
      ok: true,
      value: { '@type': 'NewsArticle', articleSection: expect.any(String) },
    });
    expect(parsed.ok && Object.keys(parsed.value as object)).not.toContain('interactionCount');
  });

  it('reads the block with raw newlines in a string', () => {
    const parsed = parseTolerantJson(blocks('JSONLD_with_control_characters.html')[0]!);
    expect(parsed).toMatchObject({
      ok: true,
      value: { data: expect.stringMatching(/^line 1\n\s+line 2\n\s+line 3\n$/) },
    });
  });

  it('reads the block with control characters and an HTML comment inside a string', () => {
    const parsed = parseTolerantJson(blocks('JSONLD_with_control_characters_comment.html')[0]!);
    expect(parsed).toMatchObject({
      ok: true,
      value: { data: expect.stringContaining('<!-- John joined the festival. -->') },
    });
  });

  it('refuses the invalid block and reads the valid one after it', () => {
    const [bad, good] = blocks('JSONLD_valid_and_invalid.html');
    expect(parseTolerantJson(bad!).ok).toBe(false);
    expect(parseTolerantJson(good!)).toMatchObject({ ok: true, value: { foo: 'bar' } });
  });
});

if (!hasCorpora()) console.warn(corporaSkipMessage);
