import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const repo = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(repo, 'node_modules', '.cache', 'hearback-test-bundles');

/**
 * Bundles an entry point of ours into node_modules/.cache (so packages still resolve from node_modules),
 * for tests that start many processes: a bundle starts in a fraction of the time tsx needs. Code splitting
 * keeps dynamic imports lazy, as they are in the compiled app, so a process loads what it uses.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  await removeStaleBundles();
  const outdir = path.join(cacheDir, `${name}-${process.pid}`);
  const { metafile } = await build({
    entryPoints: { [name]: path.join(repo, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    metafile: true,
    absWorkingDir: repo,
  });
  const sources = Object.fromEntries(
    Object.entries(metafile.outputs).map(([file, output]) => [
      path.resolve(repo, file),
      Object.keys(output.inputs),
    ]),
  );
  await fs.writeFile(path.join(outdir, sourcesFile), JSON.stringify(sources));
  return path.join(outdir, `${name}.mjs`);
}

const sourcesFile = 'sources.json';

/**
 * The source files (relative to the repository) bundled into each file of the bundle `bundleEntry` made,
 * by the file's absolute path: for tests that check which of our modules a process evaluates.
 */
export async function bundledSources(bundle: string): Promise<Record<string, string[]>> {
  return JSON.parse(await fs.readFile(path.join(path.dirname(bundle), sourcesFile), 'utf8'));
}

/** Bundles of test runs that have ended; the folder would otherwise grow with every run. */
async function removeStaleBundles(): Promise<void> {
  for (const entry of await fs.readdir(cacheDir).catch(() => [])) {
    const pid = Number(/-(\d+)(\.mjs)?$/.exec(entry)?.[1]);
    if (pid && !isAlive(pid)) await fs.rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
