/**
 * `npm run bench [name…]`: runs the benchmarks one after another, each in its own process so none warms
 * another's caches, and prints their figures. Names: api, follow-up-plan, csv-import, tailoring, board-render,
 * today-render, step-done, cli-startup, insights, insights-render, response-link, server-mode.
 * Each reports against a baseline measured in the same run; docs/performance.md records the figures.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const all = [
  'api',
  'follow-up-plan',
  'csv-import',
  'tailoring',
  'board-render',
  'today-render',
  'step-done',
  'cli-startup',
  'insights',
  'response-link',
  'server-mode',
  'insights-render',
];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    failed++;
    console.error(`${name} failed with status ${result.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
