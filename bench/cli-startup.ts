/**
 * CLI start-up benchmark (issue 12, item 11): runs the built CLI (`npm run build` first) as a user does,
 * `hearback --version` and `hearback list` on a SQLite file with 50 applications (and `list` again for a user
 * whose time zone is not UTC), and in the same run the
 * baseline: `node -e` that requires better-sqlite3, opens the same file and runs the list's query. Processes
 * alternate (baseline, --version, list, …) so that load on a shared machine falls on all of them alike.
 * Reports the median CPU time (user + system, what the start-up itself costs) and wall time of each, and the
 * ratios to the baseline (target ≤ 2). CPU time is read with `perf stat` (the task clock, in microseconds)
 * where perf works, else with `/usr/bin/time`, which counts in steps of 10 ms: a baseline of 70 or 80 ms
 * then moves the ratio by an eighth. Run with `npx tsx bench/cli-startup.ts [rounds]`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const rounds = Number(process.argv[2] ?? 15);
const repo = path.resolve(import.meta.dirname, '..');
const cli = path.join(repo, 'bin/hearback.js');
if (!fs.existsSync(path.join(repo, 'dist/cli-bundle/hearback.js')))
  throw new Error('run npm run build first');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-cli-'));
const env = { ...process.env, DATABASE_URL: '', HEARBACK_DATA_DIR: dir, NO_COLOR: '1' };

type Sample = { readonly cpuMs: number; readonly wallMs: number };

const hasPerf =
  spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;

/**
 * One process: its wall time, and the CPU time (all its threads, user and system) counted by `perf stat`
 * or, without perf, by /usr/bin/time.
 */
function measure(args: readonly string[], caseEnv: NodeJS.ProcessEnv = env): Sample {
  const command = hasPerf
    ? ['perf', 'stat', '-x,', '-e', 'task-clock', '--', process.execPath, ...args]
    : ['/usr/bin/time', '-f', 'TIMES %U %S', process.execPath, ...args];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { env: caseEnv, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const perf = /^([\d.]+),msec,task-clock/m.exec(result.stderr);
  const time = /TIMES (\S+) (\S+)/.exec(result.stderr);
  if (perf) return { cpuMs: Number(perf[1]), wallMs };
  if (time) return { cpuMs: (Number(time[1]) + Number(time[2])) * 1000, wallMs };
  throw new Error(`no CPU time for ${args.join(' ')}: ${result.stderr}`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

// A second user, whose time zone (taken from TZ when the database is created) is not UTC: the CLI prints
// UTC dates without an Intl formatter, and every other zone with one, whose first use costs about 12 ms.
const berlinDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-cli-berlin-'));
const berlinEnv = { ...env, HEARBACK_DATA_DIR: berlinDir };
for (let i = 0; i < 50; i++) {
  const add = [cli, 'add', '-c', `Company ${i % 7}`, '-t', `Engineer ${i}`, '--force'];
  spawnSync(process.execPath, add, { env: { ...env, TZ: 'UTC' } });
  spawnSync(process.execPath, add, { env: { ...berlinEnv, TZ: 'Europe/Berlin' } });
}
const file = path.join(dir, 'hearback.db');
const baselineScript = `const Database = require('better-sqlite3');
  const db = new Database(${JSON.stringify(file)});
  const rows = db.prepare("select a.*, c.name as company_name from applications a join companies c on c.id = a.company_id where a.user_id = 'local' order by a.created_at desc, a.id desc limit 51").all();
  process.stdout.write(String(rows.length));`;

const cases = {
  baseline: ['-e', baselineScript],
  version: [cli, '--version'],
  list: [cli, 'list'],
  listBerlin: [cli, 'list'],
} as const;
const caseEnv = (name: keyof typeof cases) => (name === 'listBerlin' ? berlinEnv : env);
const samples: Record<keyof typeof cases, Sample[]> = { baseline: [], version: [], list: [], listBerlin: [] };
for (const [name, args] of Object.entries(cases)) measure(args, caseEnv(name as keyof typeof cases)); // warm the caches
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(cases)) {
    samples[name as keyof typeof cases].push(measure(args, caseEnv(name as keyof typeof cases)));
  }
}

const summary = (name: keyof typeof cases) => ({
  cpuMs: median(samples[name].map((s) => s.cpuMs)),
  wallMs: median(samples[name].map((s) => s.wallMs)),
});
const baseline = summary('baseline');
const row = (label: string, name: keyof typeof cases) => {
  const s = summary(name);
  return {
    process: label,
    'CPU ms (median)': Math.round(s.cpuMs),
    'wall ms (median)': Math.round(s.wallMs),
    'CPU ÷ baseline': (s.cpuMs / baseline.cpuMs).toFixed(2),
    'wall ÷ baseline': (s.wallMs / baseline.wallMs).toFixed(2),
  };
};
console.log(
  `${rounds} rounds, 50 applications, Node ${process.versions.node}, CPU time from ${hasPerf ? 'perf stat' : '/usr/bin/time'}`,
);
console.table([
  row('node -e: require better-sqlite3, open, the list query', 'baseline'),
  row('hearback --version', 'version'),
  row('hearback list (user in UTC)', 'list'),
  row('hearback list (user in Europe/Berlin)', 'listBerlin'),
]);
for (const name of ['version', 'list', 'listBerlin'] as const) {
  const ratio = summary(name).cpuMs / baseline.cpuMs;
  console.log(
    `${name}: CPU ${ratio.toFixed(2)}× the baseline, target ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'}`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(berlinDir, { recursive: true, force: true });
