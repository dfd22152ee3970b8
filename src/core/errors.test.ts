import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../server/error-status.js';
import { errorCatalogue } from './errors.js';

describe('error codes', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
  const documented = new Map(
    [...doc.matchAll(/^\| `([A-Z_]+)`\s*\| (\d{3})\s*\|/gm)].map((m) => [m[1]!, Number(m[2])] as const),
  );

  it('documents every code in docs/errors.md with the status the server answers', () => {
    for (const code of Object.keys(errorCatalogue) as Array<keyof typeof errorCatalogue>) {
      expect(documented.get(code), `${code} in docs/errors.md`).toBe(errorStatus[code]);
    }
  });

  it('documents no code that does not exist', () => {
    expect([...documented.keys()].filter((code) => !(code in errorCatalogue))).toEqual([]);
  });
});
