import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule of docs/architecture.md, checked in-process with dependency-cruiser against
 * .dependency-cruiser.cjs: core ← services ← edges, storage and integrations as adapters behind ports.
 */
const repo = path.resolve(import.meta.dirname, '..');

async function cruiseSource(baseDir = repo): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(path.join(repo, '.dependency-cruiser.cjs'));
  const { output } = await cruise(['src'], { ...options, baseDir, validate: true });
  return output as ICruiseResult;
}

/**
 * A small tree with one import breaking each rule (and two that break none), so every rule is shown to
 * fail on a planted violation, not only to pass on the real source.
 */
const planted: Readonly<Record<string, string>> = {
  'src/core/pure.ts': "import { s } from '../storage/store.js';\nexport const p = s;",
  'src/core/pure.test.ts': "import { s } from '../storage/store.js';\nexport const t = s;",
  'src/core/reads-files.ts': "import fs from 'node:fs';\nexport const r = fs.readFileSync;",
  'src/services/above-edges.ts': "import { route } from '../server/route.js';\nexport const a = route;",
  'src/services/concrete.ts': "import { csv } from '../integrations/csv/reader.js';\nexport const c = csv;",
  'src/services/starts-runtime.ts': "import { runtime } from '../runtime.js';\nexport const r = runtime;",
  'src/services/uses-store.ts': "import { s } from '../storage/store.js';\nexport const u = s;",
  'src/storage/store.ts':
    "import { u } from '../services/uses-store.js';\nexport const s = 1;\nexport const v = u;",
  'src/integrations/csv/reader.ts':
    "import { a } from '../../services/above-edges.js';\nexport const csv = a;",
  'src/integrations/email/mailer.ts': "import { s } from '../../storage/store.js';\nexport const m = s;",
  'src/web/page.ts': "import { csv } from '../integrations/csv/reader.js';\nexport const w = csv;",
  'src/server/route.ts': "import { s } from '../storage/store.js';\nexport const route = s;",
  'src/runtime.ts': 'export const runtime = 1;',
};

const plantedBreaks = [
  'core-is-pure: src/core/pure.ts → src/storage/store.ts',
  'core-does-no-io: src/core/reads-files.ts → fs',
  'services-below-edges: src/services/above-edges.ts → src/server/route.ts',
  'services-use-ports-not-integrations: src/services/concrete.ts → src/integrations/csv/reader.ts',
  'services-below-edges: src/services/starts-runtime.ts → src/runtime.ts',
  'composition-roots-are-for-edges: src/services/starts-runtime.ts → src/runtime.ts',
  'storage-is-an-adapter: src/storage/store.ts → src/services/uses-store.ts',
  'integrations-are-adapters: src/integrations/csv/reader.ts → src/services/above-edges.ts',
  'only-the-job-queue-uses-storage: src/integrations/email/mailer.ts → src/storage/store.ts',
  'web-sees-only-core: src/web/page.ts → src/integrations/csv/reader.ts',
  'server-through-services: src/server/route.ts → src/storage/store.ts',
];

describe('the layer rule on planted violations', () => {
  let dir: string;
  let result: ICruiseResult;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-layers-'));
    for (const [file, text] of Object.entries(planted)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
    }
    result = await cruiseSource(dir);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails on each: every rule names the import that breaks it, and nothing else', () => {
    const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(broken.sort()).toEqual([...plantedBreaks].sort());
  });

  it('has a planted violation for every rule in .dependency-cruiser.cjs', async () => {
    const options = await extractDepcruiseOptions(path.join(repo, '.dependency-cruiser.cjs'));
    const rules = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(plantedBreaks.map((line) => line.split(':')[0]))).toEqual(new Set(rules));
  });
});

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
  it('is read in config-plain.ts only (config.ts re-exports it): everything else is handed the parsed Config', () => {
    const readers = sourceFiles('src').filter((file) =>
      /\bprocess\.env\b/.test(fs.readFileSync(path.join(repo, file), 'utf8')),
    );
    expect(readers).toEqual(['src/config-plain.ts']);
  });
});
