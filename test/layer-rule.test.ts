import fs from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule of docs/architecture.md, checked in-process with dependency-cruiser against
 * .dependency-cruiser.cjs: core ← services ← edges, storage and integrations as adapters behind ports.
 */
const repo = path.resolve(import.meta.dirname, '..');

async function cruiseSource(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(path.join(repo, '.dependency-cruiser.cjs'));
  const { output } = await cruise(['src'], { ...options, baseDir: repo, validate: true });
  return output as ICruiseResult;
}

describe('the layer rule', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseSource();
  }, 120_000);

  it('holds: no import runs back up the layers', () => {
    const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(broken).toEqual([]);
  });

  it('sees every import of ours, so a rule cannot pass by not finding the file', () => {
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies
        .filter((d) => d.couldNotResolve && d.module.startsWith('.'))
        .map((d) => `${m.source} → ${d.module}`),
    );
    expect(unresolved).toEqual([]);
    const services = result.modules.find((m) => m.source === 'src/services/applications.ts');
    expect(services?.dependencies.map((d) => d.resolved)).toContain('src/core/application.ts');
  });
});

/** Source files (not tests) under `dir`, relative to the repository. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`)
    .sort();
}

describe('the environment', () => {
  it('is read in config.ts only: everything else is handed the parsed Config', () => {
    const readers = sourceFiles('src').filter((file) =>
      /\bprocess\.env\b/.test(fs.readFileSync(path.join(repo, file), 'utf8')),
    );
    expect(readers).toEqual(['src/config.ts']);
  });
});
