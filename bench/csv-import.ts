/**
 * CSV import benchmark (issue 5): imports a generated 100,000-row tracker CSV into a fresh SQLite file
 * database with `importCsv` (parse, map, validate, plan each stage history, write applications, companies,
 * tags and stage-change events in one transaction), and in the same run inserts the same rows with a bare
 * better-sqlite3 prepared statement into a table equivalent to `applications` (same columns, same indexes,
 * same pragmas, one transaction). Prints rows/s for both and the ratio (target ≥ 0.3).
 * Run with `npx tsx bench/csv-import.ts [rows]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { startRuntime } from '../src/runtime.js';
import { importCsv, previewCsvImport } from '../src/services/csv-import.js';

const rowCount = Number(process.argv[2] ?? 100_000);
const timeZone = 'Europe/Berlin';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-csv-'));

/** A tracker export as people keep them: a few hundred companies, every status, tags, notes, quoted commas. */
function generateCsv(rows: number): string {
  const statuses = [
    'Applied',
    'Rejected',
    'Interviewing',
    'Ghosted',
    'Wishlist',
    'Offer',
    'Phone screen',
    'Withdrawn',
  ];
  const lines = ['Company,Job Title,Job URL,Status,Date Applied,Location,Tags,Notes'];
  for (let i = 0; i < rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    lines.push(
      [
        `Company ${i % 2_000}`,
        `"Engineer ${i}, Platform"`,
        `https://jobs.example.com/postings/${i}?utm_source=bench`,
        statuses[i % statuses.length],
        `2025-${month}-${day}`,
        '"Berlin, DE"',
        `"remote; batch ${i % 10}"`,
        `"Spoke with the recruiter about role ${i}; next step pending"`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

type Timing = { readonly wallMs: number; readonly cpuMs: number };

/**
 * Wall time and this process's CPU time. The machine this runs on is often shared, so wall times swing
 * with other load; CPU time is what the work itself costs and is reported beside it.
 */
async function timed<T>(work: () => T | Promise<T>): Promise<Timing & { readonly result: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function perSecond(rows: number, ms: number): number {
  return Math.round(rows / (ms / 1000));
}

/**
 * The baseline: the same rows, already parsed, inserted with one prepared statement into a copy of the
 * `applications` table (columns and indexes taken from the migrated schema) in a database opened with the
 * same pragmas hearback uses.
 */
async function measureBareInsert(csv: string, schemaFrom: string, label: string): Promise<Timing> {
  const source = new SqliteDatabase(schemaFrom, { readonly: true });
  const ddl = source
    .prepare("select sql from sqlite_master where tbl_name = 'applications' and sql is not null")
    .all() as Array<{ sql: string }>;
  source.close();
  const file = path.join(dir, `bare-${label}.db`);
  const bare = new SqliteDatabase(file);
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  for (const { sql } of ddl) {
    bare.exec(
      sql
        .replace(/"applications"|\bapplications\b/g, 'bare_applications')
        .replace(/references "[a-z_]+" \("id"\)( on delete \w+)?/gi, ''),
    );
  }
  const records = (parse(csv) as string[][]).slice(1);
  const columns = (
    bare.prepare('select * from bare_applications limit 0').columns() as Array<{ name: string }>
  ).map((c) => c.name);
  const insert = bare.prepare(
    `insert into bare_applications (${columns.join(',')}) values (${columns.map((c) => `@${c}`).join(',')})`,
  );
  const now = new Date().toISOString();
  const timing = await timed(() =>
    bare.transaction(() => {
      records.forEach((r, i) => {
        const values: Record<string, unknown> = Object.fromEntries(columns.map((c) => [c, null]));
        Object.assign(values, {
          id: `app-${i}`,
          user_id: 'local',
          company_id: r[0],
          job_title: r[1],
          posting_url: r[2],
          posting_url_key: r[2],
          title_key: r[1]!.toLowerCase(),
          location: r[5],
          source_kind: 'other',
          priority: 3,
          notes: r[7],
          stage: r[3],
          furthest_stage: r[3],
          applied_at: r[4],
          search_text: `${r[1]}\n${r[0]}\n${r[7]}\n${r[6]}`.toLowerCase(),
          created_at: now,
          updated_at: now,
        });
        insert.run(values);
      });
    })(),
  );
  bare.close();
  return timing;
}

const csv = generateCsv(rowCount);
console.log(
  `generated ${rowCount.toLocaleString('en-US')} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB)`,
);

// Warm both paths on a small file first, so neither side pays for JIT compilation in the measured run.
{
  const warm = await startRuntime({ kind: 'sqlite', file: path.join(dir, 'warm.db') });
  await importCsv(warm.deps, generateCsv(2_000), { timeZone });
  await warm.close();
  await measureBareInsert(generateCsv(2_000), path.join(dir, 'warm.db'), 'warm');
}

const file = path.join(dir, 'hearback.db');
const runtime = await startRuntime({ kind: 'sqlite', file });
const before = await measureBareInsert(csv, file, 'before');
// Only the counts are kept: holding 100,000 previewed rows while the import runs would make the import's
// garbage collection trace them, which no real import does (the preview and the import are separate runs).
const preview = await timed(async () => (await previewCsvImport(runtime.deps, csv, { timeZone })).counts);
const imported = await timed(() => importCsv(runtime.deps, csv, { timeZone }));
await runtime.close();
const after = await measureBareInsert(csv, file, 'after');

const result = imported.result;
if (result.created !== rowCount || result.failed.length > 0 || preview.result.create !== rowCount) {
  throw new Error(
    `import did not create every row: ${JSON.stringify({ ...result, failed: result.failed.length })}`,
  );
}

const mean = (a: number, b: number) => (a + b) / 2;
const baseline: Timing = {
  wallMs: mean(before.wallMs, after.wallMs),
  cpuMs: mean(before.cpuMs, after.cpuMs),
};
const row = (path: string, t: Timing) => ({
  path,
  'wall time': seconds(t.wallMs),
  'rows/s (wall)': perSecond(rowCount, t.wallMs).toLocaleString('en-US'),
  'CPU time': seconds(t.cpuMs),
  'rows/CPU-s': perSecond(rowCount, t.cpuMs).toLocaleString('en-US'),
});
console.table([
  row('importCsv (parse, plan, write; one transaction)', imported),
  row('  of which reading and planning (preview)', preview),
  row('bare better-sqlite3 insert (mean of 2 runs)', baseline),
]);
console.log(
  `baseline runs: ${seconds(before.wallMs)} / ${seconds(after.wallMs)} wall, ${seconds(before.cpuMs)} / ${seconds(after.cpuMs)} CPU (before / after the import)`,
);
const wallRatio = baseline.wallMs / imported.wallMs;
const cpuRatio = baseline.cpuMs / imported.cpuMs;
const verdict = (ratio: number) => `${ratio.toFixed(2)} ${ratio >= 0.3 ? '(met)' : '(NOT met)'}`;
console.log(`ratio import/baseline, target ≥ 0.30: wall ${verdict(wallRatio)}, CPU ${verdict(cpuRatio)}`);
fs.rmSync(dir, { recursive: true, force: true });
