import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../../test/support/bundle.js';
import {
  type FixtureServer,
  startFixtureServer,
} from '../../integrations/postings/fixtures/fixture-server.js';

const run = promisify(execFile);

let cli: string;
let root: string;
let server: FixtureServer;
let online = true;

beforeAll(async () => {
  cli = await bundleEntry('src/cli/main.ts', 'cli-watch');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-watch-'));
  server = await startFixtureServer((_request, response) => {
    response.writeHead(online ? 200 : 404, { 'content-type': 'text/html' });
    response.end(
      online
        ? `<script type="application/ld+json">${JSON.stringify({
            '@type': 'JobPosting',
            title: 'Backend Engineer',
            description: 'Build APIs.',
            hiringOrganization: { name: 'Acme' },
          })}</script>`
        : 'gone',
    );
  });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

type Outcome = { code: number; stdout: string; stderr: string };

function hearback(...args: string[]): Promise<Outcome> {
  return hearbackWith({}, ...args);
}

/** The fixture site is on 127.0.0.1, which the CLI fetches only with the documented opt-in. */
function optedIn(...args: string[]): Promise<Outcome> {
  return hearbackWith({ HEARBACK_ALLOW_PRIVATE_FETCH: '1' }, ...args);
}

async function hearbackWith(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, '--data-dir', root, ...args], {
      env: {
        ...process.env,
        HEARBACK_ALLOW_PRIVATE_FETCH: '',
        DATABASE_URL: '',
        NO_COLOR: '1',
        TZ: 'UTC',
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hearback watch', { timeout: 120_000 }, () => {
  it('checks a posting now and shows the watch, for people and as JSON', async () => {
    const added = JSON.parse(
      (
        await hearback(
          '--json',
          'add',
          '-c',
          'Acme',
          '-t',
          'Backend Engineer',
          '--url',
          `${server.origin}/jobs/1`,
        )
      ).stdout,
    );
    const ref = added.id.slice(-6).toLowerCase();

    const status = JSON.parse((await hearback('--json', 'watch', 'status', ref)).stdout);
    expect(status).toMatchObject({ applicationId: added.id, state: 'pending', lastCheckedAt: null });

    const before = server.requests.length;
    const refused = await hearback('--json', 'watch', 'check', ref);
    expect(JSON.parse(refused.stdout).watch.lastError.code).toBe('POSTING_BLOCKED_ADDRESS');
    expect(server.requests.length).toBe(before);

    const first = await optedIn('watch', 'check', ref);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/State\s+Still online/);
    expect(first.stdout).toContain('Nothing new.');
    expect(first.stderr).toContain(
      `warning: fetching 127.0.0.1 at the private address 127.0.0.1 port ${new URL(server.origin).port} (HEARBACK_ALLOW_PRIVATE_FETCH=1)`,
    );

    online = false;
    const second = await optedIn('watch', 'check', ref);
    expect(second.stdout).toContain('New: removed — The posting page answered 404 (not found).');

    const shown = await hearback('watch', 'status', ref);
    expect(shown.stdout).toMatch(/State\s+Removed or closed/);
    expect(shown.stdout).toMatch(/Next check\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('says so when the application has no posting URL, and refuses to check it', async () => {
    const added = JSON.parse((await hearback('--json', 'add', '-c', 'Acme', '-t', 'Designer')).stdout);
    const ref = added.id.slice(-6).toLowerCase();
    expect((await hearback('watch', 'status', ref)).stdout).toBe(
      'This application has no posting URL to watch.\n',
    );
    const refused = await hearback('watch', 'check', ref);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'postingUrl: the application has no posting URL to check; add one first',
    );
  });
});
