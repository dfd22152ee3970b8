import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8'));
const manifest = read('package.json') as { engines: { node: string } };
const lock = read('package-lock.json') as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The oldest release of each Node line our `engines` accepts (20.19.0, 22.13.0, 24.0.0), and the one running. */
function supportedVersions(): string[] {
  const range = new semver.Range(manifest.engines.node);
  const oldest = range.set.map(
    (comparators) => semver.minVersion(new semver.Range(comparators.join(' ')))!.version,
  );
  return [...new Set([...oldest, process.versions.node])];
}

describe('Node versions', () => {
  it('installs without an EBADENGINE warning on every Node line the README promises', () => {
    const versions = supportedVersions();
    expect(versions).toEqual(expect.arrayContaining(['20.19.0', '22.13.0', '24.0.0']));
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!where || !wanted) continue;
      for (const version of versions) {
        if (!semver.satisfies(version, wanted))
          refused.push(
            `${where.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${wanted}, not ${version}`,
          );
      }
    }
    expect(refused).toEqual([]);
  });

  it('runs on a Node our engines range accepts', () => {
    expect(semver.satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });
});
