import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from './support/bundle.js';

/**
 * Kills the server with SIGKILL while a client writes in a loop, 50 times over, then checks that every write
 * the server answered with 2xx survived, that no record is half written, and that SQLite reports the file
 * intact. The server is bundled once with esbuild so each restart takes a fraction of a second.
 */
const cycles = Number(process.env.DURABILITY_CYCLES ?? 50);

let dataDir: string;
let bundle: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-durability-'));
  bundle = await bundleEntry('src/main.ts', 'server');
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(bundle)}).then((m) => m.main())`], {
    env: {
      ...process.env,
      HEARBACK_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // No start-up deadline: a loaded machine may take long to start it, and a server that never starts is caught
  // by the test's own time-out, while one that exits rejects at once.
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/[^/\s]+)\//);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('durability [sqlite]', () => {
  it(`keeps every answered write through ${cycles} SIGKILLs, with an intact database`, async () => {
    const acknowledged: string[] = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      const { child, url } = await startServer();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      let killed = false;
      const kill = () => {
        killed = true;
        child.kill('SIGKILL');
      };
      // The kill lands at a random moment after the first answered write, so every cycle writes something
      // however slowly the machine runs; nothing here waits on the clock but that random delay.
      let killer: NodeJS.Timeout | undefined;
      let n = 0;
      while (!killed) {
        let answer: { status: number; body: { id?: string } };
        try {
          const res = await fetch(`${url}/api/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              companyName: `Co ${cycle % 7}`,
              jobTitle: `Job ${cycle}-${n++}`,
              tags: ['durable'],
            }),
          });
          answer = { status: res.status, body: (await res.json()) as { id?: string } };
        } catch (error) {
          // The connection died with the server: that write was never answered, so it may or may not exist.
          // Before the kill, a failed request is a real failure.
          if (killed) break;
          throw error;
        }
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        acknowledged.push(answer.body.id!);
        killer ??= setTimeout(kill, Math.floor(Math.random() * 150));
      }
      clearTimeout(killer);
      await exited;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(cycles);

    const { child, url } = await startServer();
    try {
      const stored = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${url}/api/applications?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
        const page = (await res.json()) as {
          items: Array<{ id: string; tags: string[] }>;
          nextCursor: string | null;
        };
        for (const a of page.items) {
          stored.add(a.id);
          expect(a.tags).toEqual(['durable']);
        }
        cursor = page.nextCursor;
      } while (cursor);
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }

    const db = new Database(path.join(dataDir, 'hearback.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const orphans = db
        .prepare(
          `select count(*) as n from applications a where not exists
             (select 1 from events e where e.application_id = a.id and e.kind = 'stage_change')`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
    }
  }, 900_000);
});
