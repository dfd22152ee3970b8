import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { knownCsv } from '../../../test/support/insights-fixture.js';
import { fixedClock } from '../../core/ports.js';
import { startRuntime } from '../../runtime.js';
import { buildApp } from '../../server/build-app.js';
import { getInsights } from '../../services/insights.js';
import { insightsPageOf } from '../../web/insights-view.js';
import { runCli } from '../program.js';

let dir = '';
beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NO_COLOR', '1');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-insights-'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hearback = (...args: string[]) => runCli(['--data-dir', dir, ...args]);

// biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON loosely and asserts what it needs
async function json(...args: string[]): Promise<any> {
  const result = await hearback('--json', ...args);
  if (result.code !== 0)
    throw new Error(`hearback ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Every company, title and date of the known CSV: none may be left in an anonymised export. */
function privateValuesOfCsv(): string[] {
  const [, ...lines] = knownCsv.trim().split('\n');
  return lines.flatMap((line) => {
    const [company, title, , applied, stageAt, ended] = line.split(',');
    return [company!, title!, applied!, stageAt!, ended!].filter((v) => v !== '');
  });
}

describe('hearback insights', () => {
  it('gives the same figures as the API and the web page, and refuses a bad date naming the flag', async () => {
    const file = path.join(dir, 'known.csv');
    fs.writeFileSync(file, knownCsv);
    const imported = await hearback('import', file, '--history', 'keep');
    expect(imported.code).toBe(0);
    const query = ['--as-of', '2026-03-02', '--goal-applications', '2'];
    const fromCli = await json('insights', ...query);
    expect(fromCli.applications).toBe(7); // the saved row is dated today, after --as-of

    const runtime = await startRuntime(
      { kind: 'sqlite', file: path.join(dir, 'hearback.db') },
      { clock: fixedClock('2026-03-02T10:00:00.000Z') },
    );
    const server = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    try {
      const response = await server.inject({ url: '/api/insights?asOf=2026-03-02&goalApplications=2' });
      expect(response.statusCode).toBe(200);
      const fromApi = response.json();
      expect(fromCli).toEqual(fromApi);
      const fromService = await getInsights(runtime.deps, { asOf: '2026-03-02', goalApplications: 2 });
      expect(insightsPageOf(fromService)).toEqual(insightsPageOf(fromApi));
      expect(insightsPageOf(fromApi).headlines.find((h) => h.id === 'responseRate')).toMatchObject({
        value: '5 of 7',
      });

      const bad = await server.inject({ url: '/api/insights?from=2026-02-01&to=2026-01-01&replyDays=0' });
      expect(bad.statusCode).toBe(400);
      const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
      expect(fields).toEqual(expect.arrayContaining(['to', 'replyDays']));
    } finally {
      await server.close();
      await runtime.close();
    }
    const bad = await hearback('insights', '--from', 'last week');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('--from');
  });

  it('exports the Sankey as SankeyMATIC text, SVG and PNG, and anonymised without a company, title or date', async () => {
    const text = await hearback('insights', '--sankey', '--as-of', '2026-03-02');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Job board [2] Applied\n');
    expect(text.stdout).toContain('Offer [1] Offer accepted\n');
    const svg = path.join(dir, 'search.svg');
    const png = path.join(dir, 'search.png');
    expect((await hearback('insights', '--svg', svg, '--png', png, '--as-of', '2026-03-02')).code).toBe(0);
    expect(fs.readFileSync(svg, 'utf8')).toMatch(/^<svg [^>]*role="img"/);
    expect(fs.readFileSync(svg, 'utf8')).toContain('Offer accepted (1)');
    // Self-contained, so it draws offline: nothing fetched (no link, stylesheet or web font), only the SVG namespace.
    expect(fs.readFileSync(svg, 'utf8')).not.toMatch(/href=|url\(|@import|@font-face/);
    expect(fs.readFileSync(svg, 'utf8').match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(fs.readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));

    const shared = [
      (await hearback('insights', '--anonymize', '--as-of', '2026-03-02')).stdout,
      (await hearback('--json', 'insights', '--anonymize', '--as-of', '2026-03-02')).stdout,
      (await hearback('insights', '--anonymize', '--sankey', '--as-of', '2026-03-02')).stdout,
    ];
    const anonSvg = path.join(dir, 'shared.svg');
    expect((await hearback('insights', '--anonymize', '--svg', anonSvg, '--as-of', '2026-03-02')).code).toBe(
      0,
    );
    shared.push(fs.readFileSync(anonSvg, 'utf8'));
    const anonPng = path.join(dir, 'shared.png');
    expect((await hearback('insights', '--anonymize', '--png', anonPng, '--as-of', '2026-03-02')).code).toBe(
      0,
    );
    // The PNG is the anonymised SVG (checked below) rasterised; the Sankey names sources, stages and outcomes
    // only, so it draws the same picture as the named one.
    expect(fs.readFileSync(anonPng).subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const secrets = [...privateValuesOfCsv(), 'CV-A', 'CV-B', '2026-03-02'];
    expect(secrets).toContain('Wayne Enterprises');
    for (const output of shared) {
      expect(output.length).toBeGreaterThan(100);
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    // The same outputs without --anonymize do hold them: the check above can fail.
    expect((await hearback('insights', '--as-of', '2026-03-02')).stdout).toContain('CV-A');
  });

  it('tells the story as Markdown and HTML, the same as the API, and anonymised without a company, title or date', async () => {
    const md = path.join(dir, 'story.md');
    const html = path.join(dir, 'story.html');
    const written = await hearback('story', '--anonymize', '--md', md, '--html', html);
    expect(written.code).toBe(0);
    const markdown = fs.readFileSync(md, 'utf8');
    const page = fs.readFileSync(html, 'utf8');
    expect(markdown).toMatch(/^# My job search\n/);
    expect(markdown).toMatch(/```sankeymatic\n(.+ \[\d+\] .+\n)+```/);
    expect(markdown).toContain('| Month 1 |');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h2>Timeline</h2>');
    const secrets = [...privateValuesOfCsv(), 'CV-A', 'CV-B'];
    for (const output of [markdown, page]) {
      for (const secret of secrets) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/\d{4}-\d{2}/);
    }
    const named = await hearback('story');
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('| January 2026 |');

    const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dir, 'hearback.db') });
    const server = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
    try {
      const response = await server.inject({ url: '/api/story?anonymize=true' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ isAnonymized: true, markdown });
      const bad = await server.inject({ url: '/api/story?anonymize=yes' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['anonymize']);
    } finally {
      await server.close();
      await runtime.close();
    }
  });
});
