// CI's check that the built app runs from a production install (`npm ci --omit=dev`, as an image installs it):
// copies the build (dist/, bin/, package.json, package-lock.json) into a temporary folder, installs only the
// dependencies there, starts the server on a free port with a temporary data folder, and checks that
// /api/health answers and that an interview invitation (.ics) imports, then runs the bundled CLI (`hearback
// list`, which sees the application the server made, and `hearback --version`). Run `npm run build` first.
//
// Quick by design: npm reads the packages from its cache (--prefer-offline), and install scripts are skipped,
// the native better-sqlite3 binding being copied from this checkout's install (same Node, same version): what
// this checks is that `dependencies` lists everything the app loads, not how better-sqlite3 compiles.
// With HEARBACK_TEST_REPORT_DIR set it writes production-install.json there, counted by summarize-test-reports.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const invitation = path.join(repo, 'src/integrations/ics/fixtures/google-invite.ics');
const startTimeoutMs = 120_000;

async function check(dir) {
  for (const built of ['dist/main.js', 'dist/web/index.html', 'dist/cli-bundle/hearback.js']) {
    if (!fs.existsSync(path.join(repo, built)))
      throw new Error(`${built} is missing: run npm run build first`);
  }
  for (const entry of ['dist', 'bin', 'package.json', 'package-lock.json']) {
    fs.cpSync(path.join(repo, entry), path.join(dir, entry), { recursive: true });
  }
  const install = spawnSync(
    'npm',
    [
      'ci',
      '--omit=dev',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: dir, stdio: 'inherit' },
  );
  if (install.status !== 0) throw new Error(`npm ci --omit=dev failed with status ${install.status}`);
  // Packages only development needs. (Not vitest: better-auth names it, react and vite among its optional peers,
  // and npm installs an optional peer that the lockfile holds, so those arrive with --omit=dev too.)
  for (const devOnly of ['@playwright/test', '@biomejs/biome', 'typescript']) {
    if (fs.existsSync(path.join(dir, 'node_modules', devOnly)))
      throw new Error(`development dependencies were installed (${devOnly})`);
  }
  fs.cpSync(
    path.join(repo, 'node_modules/better-sqlite3/build'),
    path.join(dir, 'node_modules/better-sqlite3/build'),
    { recursive: true },
  );

  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARBACK_DATA_DIR: path.join(dir, 'data') };
  delete env.DATABASE_URL;
  delete env.HEARBACK_PUBLIC_URL;
  const servers = [];
  try {
    const base = await startServer(servers, ['dist/main.js'], dir, env);
    await expectWebPage(base, 'the built app');

    const health = await fetch(`${base}/api/health`);
    const status = await health.json();
    if (health.status !== 200 || status.status !== 'ok')
      throw new Error(`/api/health answered ${health.status} ${JSON.stringify(status)}`);

    const post = (route, body) =>
      fetch(`${base}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post('/api/applications', { companyName: 'Acme', jobTitle: 'Backend Engineer' });
    const application = await created.json();
    if (created.status !== 201) throw new Error(`POST /api/applications answered ${created.status}`);
    const imported = await post('/api/interviews/import-ics', {
      ics: fs.readFileSync(invitation, 'utf8'),
      applicationId: application.id,
    });
    const result = await imported.json();
    if (imported.status !== 201 || result.interview?.startsAt !== '2026-03-10T14:00:00.000Z')
      throw new Error(
        `POST /api/interviews/import-ics answered ${imported.status} ${JSON.stringify(result)}`,
      );
    // The CLI bundle leaves most packages to node_modules: each must be in `dependencies`.
    const hearback = (...args) => {
      const cli = spawnSync(process.execPath, ['bin/hearback.js', ...args], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      if (cli.status !== 0) throw new Error(`hearback ${args.join(' ')} exited ${cli.status}: ${cli.stderr}`);
      return cli.stdout;
    };
    if (hearback('--version').trim() !== status.version)
      throw new Error(`hearback --version did not print ${status.version}`);
    if (!hearback('list').includes('Backend Engineer'))
      throw new Error('hearback list did not show the application the server made');
    // Set up (a first run draws nothing on the server), the board arrives drawn with the application on it.
    const setUp = await fetch(`${base}/api/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (setUp.status !== 200) throw new Error(`PATCH /api/settings answered ${setUp.status}`);
    await expectDrawnBoard(base, 'the built app');
    // `hearback serve` runs the server from the CLI bundle, whose chunks sit in another folder than dist/server.
    const served = await startServer(servers, ['bin/hearback.js', 'serve'], dir, env);
    await expectWebPage(served, 'hearback serve');
    await expectDrawnBoard(served, 'hearback serve');
    console.log(
      `production install: ${base}/api/health ok (${status.version}), invitation imported, CLI lists it, the board drawn on the server, hearback serve shows the web app and draws it too`,
    );
  } finally {
    for (const server of servers) {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = once(server, 'exit');
        server.kill('SIGTERM');
        await exited;
      }
    }
  }
}

/** Starts `node …args` in the install and answers its address once it says it is running. */
async function startServer(servers, args, cwd, env) {
  const server = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(server);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`${args.join(' ')} did not start within ${startTimeoutMs / 1000} s:\n${output}`)),
      startTimeoutMs,
    );
    const read = (chunk) => {
      output += chunk;
      const url = /hearback is running at (http:\/\/\S+?)\/ /.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with status ${code}:\n${output}`));
    });
  });
}

async function expectWebPage(base, what) {
  const page = await fetch(`${base}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<script type="module"'))
    throw new Error(`${what}: GET / answered ${page.status}, not the web app: ${html.slice(0, 200)}`);
}

/** The board drawn on the server (dist/web-server, React bundled in it) with the application made above. */
async function expectDrawnBoard(base, what) {
  const page = await fetch(`${base}/board`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('data-rendered-at=') || !html.includes('Backend Engineer'))
    throw new Error(
      `${what}: GET /board answered ${page.status}, not drawn on the server: ${html.slice(0, 300)}`,
    );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-production-install-'));
let failed = 0;
try {
  await check(dir);
} catch (error) {
  failed = 1;
  console.error(`production install check FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const reportDir = process.env.HEARBACK_TEST_REPORT_DIR;
if (reportDir) {
  fs.writeFileSync(
    path.join(reportDir, 'production-install.json'),
    JSON.stringify({ passed: 1 - failed, failed }),
  );
}
process.exit(failed);
