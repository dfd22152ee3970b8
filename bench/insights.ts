/**
 * Benchmark: the insights of one user's search of 10,000 applications with full histories (bench/support/
 * seed-data.ts), on SQLite. The baseline, measured in the same run, is one pass that merely reads the same rows
 * (applications, companies, events, follow-up steps, settings); the target is insights in ≤ 2× that time.
 * The page's first render against a static page is bench/insights-render.ts.
 * Run with `npx tsx bench/insights.ts [count]`.
 */
import path from 'node:path';
import { startRuntime } from '../src/runtime.js';
import { getInsights } from '../src/services/insights.js';
import { listAllApplications } from '../src/storage/application-store.js';
import { listAllCompanies } from '../src/storage/company-store.js';
import { listAllEvents } from '../src/storage/event-store.js';
import { listAllFollowUps } from '../src/storage/follow-up-store.js';
import { getSettings } from '../src/storage/settings-store.js';
import { median, seedSearchDataDir, writeResult } from './support/browser-bench.js';

const count = Number(process.argv[2] ?? 10_000);
const rounds = 7;

const dataDir = await seedSearchDataDir(count);
const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dataDir, 'hearback.db') });
try {
  const { db, userId } = runtime.deps;
  const readPass = async () => {
    await getSettings(db, userId);
    await listAllApplications(db, userId);
    await listAllCompanies(db, userId);
    await listAllEvents(db, userId);
    await listAllFollowUps(db, userId);
  };
  const insightsPass = () => getInsights(runtime.deps, { goalApplications: 10 });
  await readPass();
  await insightsPass();
  const read: number[] = [];
  const insights: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await readPass();
    read.push(performance.now() - start);
    start = performance.now();
    await insightsPass();
    insights.push(performance.now() - start);
  }
  const ratio = median(insights) / median(read);
  process.stdout.write(
    `${count} applications: read pass ${median(read).toFixed(0)} ms, insights ${median(insights).toFixed(0)} ms (median of ${rounds}); ratio ${ratio.toFixed(2)} (target ≤ 2) ${ratio <= 2 ? 'met' : 'NOT MET'}\n`,
  );
  writeResult('insights', {
    applications: count,
    rounds,
    readMs: Math.round(median(read)),
    insightsMs: Math.round(median(insights)),
    ratio: Number(ratio.toFixed(2)),
  });
} finally {
  await runtime.close();
}
