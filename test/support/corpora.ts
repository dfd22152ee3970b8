import fs from 'node:fs';
import path from 'node:path';

/**
 * The shared corpora of real third-party data live beside the repository, not in it. Tests that use them
 * call `corporaDir()` and skip, with a message saying why, when the folder is absent (a user's clone).
 */
export const corporaRoot = path.resolve(import.meta.dirname, '../../../shared/corpora');

export function hasCorpora(): boolean {
  return fs.existsSync(corporaRoot);
}

export function corpusPath(...parts: string[]): string {
  return path.join(corporaRoot, ...parts);
}

export const corporaSkipMessage = `shared corpora not found at ${corporaRoot}; skipping tests that need real third-party data`;
