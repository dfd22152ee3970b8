import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSources, bundleEntry } from '../../test/support/bundle.js';

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
  // Server mode's accounts (src/runtime.ts's createAccounts): about 350 ms of CPU when every command loaded
  // them through the runtime; the CLI starts its runtime from src/start-runtime.ts instead.
  'better-auth',
  '@better-auth/core',
  '@better-auth/kysely-adapter',
  '@node-rs/argon2',
  'jose',
];

/**
 * What `list` must not load either: the address parser of the request guard and the posting fetch, the
 * modules of the other commands (their option lists and zod schemas), which it does not register, and the
 * core modules whose schemas it does not use: it takes the values and helpers it needs from their zod-free
 * `*-values.ts` modules, its query from `application-list-query.ts`, and it needs no time zone schema
 * (Temporal) nor the event schemas, which storage loads when it reads events (`storage/event-store.ts`).
 */
const notForList = {
  packages: ['ipaddr.js', 'wink-eng-lite-web-model', '@mozilla/readability', 'temporal-polyfill', 'zod'],
  sources: [
    'src/cli/commands/today-commands.ts',
    'src/cli/commands/analysis-commands.ts',
    'src/cli/commands/interview-commands.ts',
    'src/cli/commands/people-commands.ts',
    'src/cli/commands/timeline-commands.ts',
    'src/cli/commands/calendar-commands.ts',
    'src/cli/commands/watch-commands.ts',
    'src/cli/commands/system-commands.ts',
    'src/core/drafts.ts',
    'src/core/playbook.ts',
    'src/core/today.ts',
    'src/core/diagnosis-schema.ts',
    'src/core/interview.ts',
    'src/core/contact.ts',
    'src/core/application.ts',
    'src/core/company.ts',
    'src/core/follow-up.ts',
    'src/core/bulk.ts',
    'src/core/time-zone.ts',
    'src/core/event.ts',
    'src/integrations/csv/csv-formats.ts',
    'src/integrations/postings/address-guard.ts',
    'src/server/host-origin-guard.ts',
    'src/storage/bulk-application-store.ts',
    'src/storage/sqlite-writer-thread.ts',
  ],
};

let cli: string;
let dir: string;
let sourcesByFile: Record<string, string[]>;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli-startup');
  sourcesByFile = await bundledSources(cli);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-startup-'));
  // A module loader hook that names every file the process loads (ESM, and CommonJS imported from it).
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `export async function load(url, context, next) {
      if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n');
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

/** The packages and our source files a command loads: package files, and the sources of the bundle's files. */
async function loadedBy(...args: string[]): Promise<{ packages: Set<string>; sources: Set<string> }> {
  const { stderr } = await run(process.execPath, ['--import', path.join(dir, 'register.mjs'), cli, ...args], {
    env: { ...process.env, DATABASE_URL: '', HEARBACK_DATA_DIR: path.join(dir, 'data') },
  });
  const files = [...stderr.matchAll(/^LOADED (file:\S+)$/gm)].map((m) => fileURLToPath(m[1]!));
  const packages = files.flatMap((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []);
  const sources = files.flatMap((file) => sourcesByFile[file] ?? []);
  return { packages: new Set(packages), sources: new Set(sources) };
}

describe('CLI start-up', { timeout: 60_000 }, () => {
  it('loads none of the heavy packages for --version or --help', async () => {
    for (const args of [['--version'], ['--help']]) {
      const { packages } = await loadedBy(...args);
      expect(packages).toContain('commander');
      expect(heavy.filter((name) => packages.has(name))).toEqual([]);
    }
  });

  it('loads the database packages once a command needs them, and for list nothing else', async () => {
    const first = await loadedBy('list');
    expect(first.packages).toContain('kysely');
    expect(first.packages).toContain('better-sqlite3');
    // The first command on a new data directory creates the database: it runs the migrations.
    expect(first.sources).toContain('src/storage/migrations/20261126-0100-initial.ts');

    const { packages, sources } = await loadedBy('list');
    expect(sources).toContain('src/cli/commands/application-commands.ts');
    expect(sources).toContain('src/storage/application-store.ts');
    const notLoaded = [
      ...heavy.filter((name) => name !== 'kysely' && name !== 'better-sqlite3'),
      ...notForList.packages,
    ];
    expect(notLoaded.filter((name) => packages.has(name))).toEqual([]);
    expect(notForList.sources.filter((file) => sources.has(file))).toEqual([]);
    // A database whose schema is current is told so by one query: no migration is loaded.
    expect([...sources].filter((file) => file.startsWith('src/storage/migrations/'))).toEqual([]);
  });
});
