import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import type { Application, ApplicationCreate, StageChangeInput } from '../core/application.js';
import { listAllApplications } from '../storage/application-store.js';
import { createApplication, getTimeline, moveApplication } from './applications.js';
import { createCompany, listCompanies } from './companies.js';
import { exportApplicationsCsv } from './csv-export.js';
import { importCsv } from './csv-import.js';
import type { Deps } from './deps.js';

type Story = { readonly create: ApplicationCreate; readonly moves?: readonly StageChangeInput[] };

/** Applications with every kind of history, and text a spreadsheet would otherwise run as a formula. */
const stories: readonly Story[] = [
  {
    create: {
      companyName: 'Acme',
      jobTitle: 'Saved only',
      stage: 'saved',
      stageAt: '2026-01-02T09:00:00.000Z',
    },
  },
  {
    create: {
      companyName: '=HYPERLINK("http://evil.example","Acme")',
      jobTitle: '+1 555 0100 hotline, "night" shift',
      postingUrl: 'https://jobs.example.com/1?gh_src=abc',
      posting: { location: 'Berlin, DE' },
      source: { kind: 'referral', detail: '-5 years referral @Dana' },
      priority: 5,
      tags: ['remote', 'dream job', '=cmd'],
      notes: "-5 years of Go?\nline two\r\n@mention\t=1+1\n'=already quoted",
      stageAt: '2026-01-05T10:00:00.000Z',
    },
  },
  {
    create: { companyName: 'Globex', jobTitle: 'Interviewing now', stageAt: '2026-01-06T08:00:00.000Z' },
    moves: [{ stage: 'interviewing', occurredAt: '2026-01-20T15:30:00.000Z' }],
  },
  {
    create: { companyName: 'Initech', jobTitle: 'Moved back', stageAt: '2026-01-07T08:00:00.000Z' },
    moves: [
      { stage: 'interviewing', occurredAt: '2026-01-10T08:00:00.000Z' },
      { stage: 'screening', occurredAt: '2026-01-12T08:00:00.000Z' },
    ],
  },
  {
    create: { companyName: 'Hooli', jobTitle: 'Rejected after onsite', stageAt: '2026-01-08T08:00:00.000Z' },
    moves: [
      { stage: 'interviewing', occurredAt: '2026-01-15T08:00:00.000Z' },
      { stage: 'ended', outcome: 'rejected', occurredAt: '2026-02-01T17:45:00.000Z' },
    ],
  },
  {
    create: {
      companyName: 'Umbrella',
      jobTitle: 'Took the offer',
      stage: 'saved',
      stageAt: '2025-12-01T08:00:00.000Z',
    },
    moves: [
      { stage: 'applied', occurredAt: '2025-12-03T08:00:00.000Z' },
      { stage: 'offer', occurredAt: '2026-01-03T08:00:00.000Z' },
      { stage: 'ended', outcome: 'accepted', occurredAt: '2026-01-05T08:00:00.000Z' },
    ],
  },
  {
    create: { companyName: 'Vandelay', jobTitle: 'Filled internally', stageAt: '2026-01-09T08:00:00.000Z' },
    moves: [
      {
        stage: 'ended',
        outcome: 'position_closed',
        closedReason: 'filled_internally',
        occurredAt: '2026-01-30T08:00:00.000Z',
      },
    ],
  },
  {
    create: {
      companyName: 'Pied Piper',
      jobTitle: 'Withdrew before applying',
      stage: 'saved',
      stageAt: '2026-01-10T08:00:00.000Z',
    },
    moves: [{ stage: 'ended', outcome: 'withdrew', occurredAt: '2026-01-11T08:00:00.000Z' }],
  },
  {
    create: { companyName: 'Soylent', jobTitle: 'Ghosted', stageAt: '2026-01-11T08:00:00.000Z' },
    moves: [{ stage: 'ended', outcome: 'no_response', occurredAt: '2026-02-20T08:00:00.000Z' }],
  },
];

async function tell(deps: Deps, story: Story): Promise<void> {
  const created = await createApplication(deps, story.create);
  for (const move of story.moves ?? []) await moveApplication(deps, created.id, move);
}

/** What a CSV round trip must keep: everything but ids, record times and the dates of middle stages. */
async function essentials(deps: Deps) {
  const applications = await listAllApplications(deps.db, deps.userId);
  const byTitle = (a: Application, b: Application) => (a.jobTitle < b.jobTitle ? -1 : 1);
  return Promise.all(
    applications.sort(byTitle).map(async (a) => {
      const history = (await getTimeline(deps, a.id)).filter((e) => e.kind === 'stage_change');
      return {
        company: a.company.name,
        jobTitle: a.jobTitle,
        postingUrl: a.postingUrl,
        location: a.posting.location,
        source: a.source,
        priority: a.priority,
        tags: a.tags,
        notes: a.notes,
        stage: a.stage,
        furthestStage: a.furthestStage,
        outcome: a.outcome,
        closedReason: a.closedReason,
        appliedAt: a.appliedAt,
        endedAt: a.endedAt,
        firstStage: `${history[0]?.toStage}@${history[0]?.occurredAt}`,
        lastChange: history.at(-1)?.occurredAt,
      };
    }),
  );
}

if (!hasCorpora()) console.warn(corporaSkipMessage);

describeEachDialect('CSV export', (ctx) => {
  it('imports back into applications with the same stages, outcomes, dates and text', async () => {
    for (const story of stories) await tell(ctx.deps, story);
    const before = await essentials(ctx.deps);
    const csv = await exportApplicationsCsv(ctx.deps);
    await ctx.runtime.reset();
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
    const result = await importCsv(ctx.deps, csv, { timeZone: 'Pacific/Auckland' });
    expect(result).toMatchObject({ created: stories.length, duplicates: 0, failed: [] });
    expect(await essentials(ctx.deps)).toEqual(before);
    expect(before.find((a) => a.jobTitle === 'Moved back')).toMatchObject({
      stage: 'screening',
      furthestStage: 'interviewing',
    });
  });

  it('keeps leading and trailing spaces of every text exactly: the file it writes imports back byte for byte', async () => {
    await tell(ctx.deps, {
      create: {
        companyName: '  Spaced Co ',
        jobTitle: ' Engineer  ',
        posting: { location: ' Berlin ' },
        source: { kind: 'referral', detail: '  Dana ' },
        tags: [' lead', 'trail ', '  both  ', 'plain'],
        notes: ' note ',
        stageAt: '2026-01-05T10:00:00.000Z',
      },
    });
    for (const story of stories) await tell(ctx.deps, story);
    const before = await essentials(ctx.deps);
    const csv = await exportApplicationsCsv(ctx.deps);
    await ctx.runtime.reset();
    const result = await importCsv(ctx.deps, csv, { timeZone: 'UTC' });
    expect(result).toMatchObject({ created: stories.length + 1, failed: [] });
    expect(await essentials(ctx.deps)).toEqual(before);
    expect(before.find((a) => a.company === '  Spaced Co ')).toMatchObject({
      jobTitle: ' Engineer  ',
      location: ' Berlin ',
      source: { kind: 'referral', detail: '  Dana ' },
      tags: [' lead', 'trail ', '  both  ', 'plain'],
    });
    expect(await exportApplicationsCsv(ctx.deps)).toBe(csv);
  });

  it('neutralises every cell a spreadsheet would run, while the visible text stays the same', async () => {
    for (const story of stories) await tell(ctx.deps, story);
    const csv = await exportApplicationsCsv(ctx.deps);
    const rows = parse(csv, { bom: true }) as string[][];
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const row = rows.find((r) => r[1]!.startsWith("'+1 555"))!;
    expect(row[0]).toBe('\'=HYPERLINK("http://evil.example","Acme")');
    expect(row[1]).toBe('\'+1 555 0100 hotline, "night" shift');
    expect(row[13]).toBe("'-5 years referral @Dana");
    expect(row[15]).toBe('remote, dream job, =cmd');
    expect(row[16]).toBe("'-5 years of Go?\nline two\r\n@mention\t=1+1\n'=already quoted");
  });

  it("round-trips a company's size band and industry exactly, and leaves unknown ones unknown", async () => {
    const big = await createCompany(ctx.deps, {
      name: 'Globex',
      sizeBand: '10000+',
      industry: '=Research & "Labs" ',
    });
    await createApplication(ctx.deps, { companyId: big.id, jobTitle: 'Analyst' });
    await createApplication(ctx.deps, { companyName: 'Unknown Co', jobTitle: 'Engineer' });
    const csv = await exportApplicationsCsv(ctx.deps);
    await ctx.runtime.reset();
    await importCsv(ctx.deps, csv, { timeZone: 'UTC' });
    const companies = (await listCompanies(ctx.deps)).map((c) => [c.name, c.sizeBand, c.industry]);
    expect(companies).toEqual([
      // hearback reads its own export without trimming (docs/csv.md), so the trailing space comes back too.
      ['Globex', '10000+', '=Research & "Labs" '],
      ['Unknown Co', null, null],
    ]);
  });

  it('exports only the header when there is nothing to export', async () => {
    const rows = parse(await exportApplicationsCsv(ctx.deps), { bom: true }) as string[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('Company');
  });

  // The CSV text path is the same on both dialects; SQLite alone keeps this 500-application test quick (and
  // PGlite drops a leading U+FEFF from any text it returns, a storage quirk this test is not about).
  describe.skipIf(!hasCorpora() || ctx.dialect !== 'sqlite')('hostile text from the shared corpora', () => {
    it('round-trips the big list of naughty strings exactly through notes', async () => {
      const strings = JSON.parse(
        fs.readFileSync(corpusPath('payloads', 'blns', 'blns.json'), 'utf8'),
      ) as string[];
      const usable = strings.filter((s) => s !== '' && !s.includes('\u0000'));
      expect(usable.length).toBeGreaterThan(400);
      for (const [i, text] of usable.entries()) {
        await createApplication(ctx.deps, { companyName: 'Naughty', jobTitle: `String ${i}`, notes: text });
      }
      const csv = await exportApplicationsCsv(ctx.deps);
      await ctx.runtime.reset();
      expect(await importCsv(ctx.deps, csv, { timeZone: 'UTC' })).toMatchObject({
        created: usable.length,
        failed: [],
      });
      const notes = new Map(
        (await listAllApplications(ctx.deps.db, ctx.deps.userId)).map((a) => [a.jobTitle, a.notes]),
      );
      for (const [i, text] of usable.entries()) expect([i, notes.get(`String ${i}`)]).toEqual([i, text]);
    });
  });
});
