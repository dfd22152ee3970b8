/**
 * API load benchmark (issues 2 and 3): seeds one user with 2,000 applications with history, interviews and
 * follow-up steps in a fresh SQLite file, then loads two endpoints with autocannon and, in the same run, a
 * bare Fastify route answering the same bytes from a constant. Prints requests/s, p50/p99 latency and the
 * ratio to the baseline (target ≥ 0.5). Run with `npx tsx bench/api.ts [seconds]`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { startRuntime } from '../src/runtime.js';
import { seedSearch } from './support/seed-data.js';

const seconds = Number(process.argv[2] ?? 10);
const endpoints = ['/api/applications?stage=interviewing', '/api/follow-ups?due=today', '/api/today'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-'));
const file = path.join(dir, 'hearback.db');
const seedStart = performance.now();
const runtime = await startRuntime({ kind: 'sqlite', file });
await seedSearch(runtime.deps, 2_000, new Date());
await runtime.close();
console.log(`seeded 2,000 applications in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const server = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(import.meta.dirname, 'support/serve-for-bench.ts'), file, ...endpoints],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const ready = await new Promise<{ address: string; baselineAddress: string; sizes: Record<string, number> }>(
  (resolve, reject) => {
    readline.createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  },
);

type Figures = { rps: number; p50: number; p99: number; errors: number };
async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const rows = [];
for (const [index, endpoint] of endpoints.entries()) {
  await load(`${ready.address}${endpoint}`).catch(() => undefined);
  const real = await load(`${ready.address}${endpoint}`);
  const base = await load(`${ready.baselineAddress}/baseline/${index}`);
  rows.push({
    endpoint,
    bytes: ready.sizes[endpoint],
    ...real,
    baselineRps: base.rps,
    ratio: real.rps / base.rps,
  });
}
// The cached path above is what repeated reads see; this is the first read after each write, computed in full.
const first = (await (await fetch(`${ready.address}/api/applications?limit=1`)).json()) as {
  items: Array<{ id: string }>;
};
const uncached: Record<string, number> = {};
for (const endpoint of endpoints) {
  let total = 0;
  for (let i = 0; i < 100; i++) {
    await fetch(`${ready.address}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'note', applicationId: first.items[0]!.id, text: `bench ${i}` }),
    });
    const start = performance.now();
    await (await fetch(`${ready.address}${endpoint}`)).text();
    total += performance.now() - start;
  }
  uncached[endpoint] = total / 100;
}
server.kill();
fs.rmSync(dir, { recursive: true, force: true });

console.log(
  `\n${seconds} s per run, 10 connections, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`,
);
console.log(
  '| endpoint | response | req/s | p50 ms | p99 ms | baseline req/s | ratio (target ≥ 0.5) | first read after a write |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| \`GET ${r.endpoint}\` | ${((r.bytes ?? 0) / 1024).toFixed(1)} kB | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.baselineRps.toFixed(0)} | ${r.ratio.toFixed(2)}${r.errors ? ` (${r.errors} errors)` : ''} |`,
  );
}
