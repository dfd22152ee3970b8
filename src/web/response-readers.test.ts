import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web client trusts the server's answers: every route validates and serialises its answer with a core
 * schema, and the client's types are inferred from that schema. So nothing in src/web reads an answer by
 * hand, probing what it holds; these are the marks such reading leaves.
 */
const handReading: readonly { readonly rule: string; readonly pattern: RegExp }[] = [
  { rule: 'an isRecord helper', pattern: /\bisRecord\b/ },
  { rule: "a typeof … 'object' probe", pattern: /typeof\s+[\w$.?[\]'"]+\s*[!=]==?\s*['"]object['"]/ },
  {
    rule: 'a typeof probe of a property',
    pattern:
      /typeof\s+[\w$]+(?:\??\.[\w$]+|\[[^\]]+\])+\s*[!=]==?\s*['"](?:string|number|boolean|object)['"]/,
  },
  { rule: 'an Array.isArray probe of a property', pattern: /Array\.isArray\(\s*[\w$]+(?:\??\.[\w$]+)+/ },
  { rule: 'an answer typed unknown', pattern: /\b(?:get|post|patch|put|request)<unknown>/ },
  { rule: 'a cast to an untyped record', pattern: /as\s+Record<string,\s*unknown>/ },
];

/** Web code may import core (schemas, types, pure rules) but never the server's own parts. */
const serverSide = /from\s+['"](?:\.\.\/)+(?:server|services|storage|integrations|cli)\//;

const webDir = import.meta.dirname;

function webSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : webSources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('src/web reads no answer by hand', () => {
  const files = webSources(webDir).map((file) => ({
    name: path.relative(webDir, file),
    text: fs.readFileSync(file, 'utf8'),
  }));

  it('finds the web sources', () => {
    expect(files.map((f) => f.name)).toContain('api-client.ts');
  });

  it('has no hand-written reader of a response', () => {
    const found = files.flatMap((f) =>
      f.text
        .split('\n')
        .flatMap((line, i) =>
          handReading.filter((r) => r.pattern.test(line)).map((r) => `${f.name}:${i + 1}: ${r.rule}`),
        ),
    );
    expect(found).toEqual([]);
  });

  it('imports nothing from the server side (types come from the core schemas)', () => {
    const found = files.flatMap((f) =>
      f.text.split('\n').flatMap((line) => (serverSide.test(line) ? [`${f.name}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('catches the marks of hand reading', () => {
    const samples = [
      'function isRecord(value: unknown) {',
      "if (typeof value === 'object' && value !== null) {",
      "const name = typeof entry.name === 'string' ? entry.name : '';",
      "if (typeof value['mailto'] !== 'string') return null;",
      'const rows = Array.isArray(value.rows) ? value.rows : [];',
      "post<unknown>('/api/import/csv/preview', input)",
      'const d = entry as Record<string, unknown>;',
    ];
    for (const sample of samples) {
      expect(
        handReading.some((r) => r.pattern.test(sample)),
        sample,
      ).toBe(true);
    }
    expect(serverSide.test("import { parseCsvTable } from '../integrations/csv/parse-csv-table.js';")).toBe(
      true,
    );
    expect(serverSide.test("import type { Today } from '../core/today.js';")).toBe(false);
  });
});
