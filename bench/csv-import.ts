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
function measureBareInsert(csv: string, schemaFrom: string, label: string): number {
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
  const start = performance.now();
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
  })();
  const elapsed = performance.now() - start;
  bare.close();
  return elapsed;
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
  measureBareInsert(generateCsv(2_000), path.join(dir, 'warm.db'), 'warm');
}

const file = path.join(dir, 'hearback.db');
const runtime = await startRuntime({ kind: 'sqlite', file });
const baselineBefore = measureBareInsert(csv, file, 'before');

const previewStart = performance.now();
const preview = await previewCsvImport(runtime.deps, csv, { timeZone });
const previewMs = performance.now() - previewStart;

const importStart = performance.now();
const result = await importCsv(runtime.deps, csv, { timeZone });
const importMs = performance.now() - importStart;
await runtime.close();

const baselineAfter = measureBareInsert(csv, file, 'after');
const baselineMs = (baselineBefore + baselineAfter) / 2;

if (result.created !== rowCount || result.failed.length > 0 || preview.counts.create !== rowCount) {
  throw new Error(
    `import did not create every row: ${JSON.stringify({ ...result, failed: result.failed.length })}`,
  );
}

const importRate = perSecond(rowCount, importMs);
const baselineRate = perSecond(rowCount, baselineMs);
const ratio = importRate / baselineRate;
console.table([
  {
    path: 'importCsv (parse → plan → write, one transaction)',
    time: seconds(importMs),
    'rows/s': importRate.toLocaleString('en-US'),
  },
  {
    path: '  of which reading and planning (previewCsvImport)',
    time: seconds(previewMs),
    'rows/s': perSecond(rowCount, previewMs).toLocaleString('en-US'),
  },
  {
    path: 'bare better-sqlite3 insert (mean of before and after)',
    time: seconds(baselineMs),
    'rows/s': baselineRate.toLocaleString('en-US'),
  },
]);
console.log(`baseline runs: ${seconds(baselineBefore)} before, ${seconds(baselineAfter)} after the import`);
console.log(`ratio ${ratio.toFixed(2)} (target ≥ 0.30): ${ratio >= 0.3 ? 'met' : 'NOT met'}`);
fs.rmSync(dir, { recursive: true, force: true });
