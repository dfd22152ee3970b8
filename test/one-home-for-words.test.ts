import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthNames, weekdayNames } from '../src/core/date-words.js';

/**
 * Issue 14, "one home for words": weekday and month names come from src/core/date-words.ts (Intl), never from a
 * list written out by hand. Tests and docs may spell them out; source files may not.
 */
const repo = path.resolve(import.meta.dirname, '..');

function sourceFiles(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push({ file: path.relative(repo, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(repo, 'src'));
  return found;
}

/** The names among `names` that a text holds as whole string literals ('Mon', "march", `Sunday`), any case. */
function quotedNames(text: string, names: readonly string[]): string[] {
  const alternatives = names.map((n) => n.toLowerCase()).join('|');
  const literal = new RegExp(`(['"\`])(${alternatives})\\1`, 'gi');
  return [...new Set([...text.matchAll(literal)].map((m) => (m[2] ?? '').toLowerCase()))];
}

const weekdayWords = [...weekdayNames('long'), ...weekdayNames('short')];
const monthWords = [...monthNames('long'), ...monthNames('short')];

describe('date words', () => {
  const files = sourceFiles();

  it('finds the source files it guards', () => {
    expect(files.map((f) => f.file)).toContain(path.join('src', 'core', 'drafts.ts'));
    expect(files.length).toBeGreaterThan(100);
  });

  it('catches a list of names written out by hand', () => {
    expect(quotedNames("const days = ['Mon', 'Tue', \"wed\"];", weekdayWords)).toEqual(['mon', 'tue', 'wed']);
    expect(quotedNames('label: `Next Monday`, note: "1 is Monday"', weekdayWords)).toEqual([]);
  });

  it('no source file writes out weekday names by hand', () => {
    const offenders = files
      .map(({ file, text }) => ({ file, names: quotedNames(text, weekdayWords) }))
      .filter(({ names }) => names.length >= 2);
    expect(offenders).toEqual([]);
  });

  it('no source file writes out month names by hand', () => {
    const offenders = files
      .map(({ file, text }) => ({ file, names: quotedNames(text, monthWords) }))
      .filter(({ names }) => names.length >= 2);
    expect(offenders).toEqual([]);
  });
});
