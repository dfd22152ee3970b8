import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles an entry point of ours into node_modules/.cache (so packages still resolve from node_modules),
 * for tests that start many processes: a bundle starts in a fraction of the time tsx needs.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  const outfile = path.join(
    repo,
    'node_modules',
    '.cache',
    'hearback-test-bundles',
    `${name}-${process.pid}.mjs`,
  );
  await build({
    entryPoints: [path.join(repo, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
