import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../test/support/bundle.js';

const run = promisify(execFile);

/** Packages that cost a command real start-up time; only the commands that use them may load them. */
const heavy = [
  'kysely',
  'better-sqlite3',
  'date-holidays',
  'fastify',
  'pg-boss',
  'pg',
  'pdfjs-dist',
  'wink-nlp',
  'cheerio',
  'linkedom',
  'mammoth',
  'ical.js',
  'ical-generator',
  'nodemailer',
  'sanitize-html',
  'html-to-text',
  'papaparse',
  'csv-stringify',
  'cli-progress',
];

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli-startup');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-startup-'));
  // A module loader hook that names every package module the process loads (ESM, and CommonJS imported from it).
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `export async function load(url, context, next) {
      if (url.includes('/node_modules/')) process.stderr.write('LOADED ' + url + '\\n');
      return next(url, context);
    }\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`,
  );
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function packagesLoadedBy(...args: string[]): Promise<Set<string>> {
  const { stderr } = await run(process.execPath, ['--import', path.join(dir, 'register.mjs'), cli, ...args], {
    env: { ...process.env, DATABASE_URL: '', HEARBACK_DATA_DIR: path.join(dir, 'data') },
  });
  const names = [...stderr.matchAll(/^LOADED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!);
  return new Set(names);
}

describe('CLI start-up', { timeout: 60_000 }, () => {
  it('loads none of the heavy packages for --version or --help', async () => {
    for (const args of [['--version'], ['--help']]) {
      const loaded = await packagesLoadedBy(...args);
      expect(loaded).toContain('commander');
      expect(heavy.filter((name) => loaded.has(name))).toEqual([]);
    }
  });

  it('loads the database packages once a command needs them', async () => {
    const loaded = await packagesLoadedBy('list');
    expect(loaded).toContain('kysely');
    expect(loaded).toContain('better-sqlite3');
  });
});
