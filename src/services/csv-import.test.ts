import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../test/support/corpora.js';
import {
  describeEachDialect,
  openSqliteFileTestRuntime,
  openTestRuntime,
  type TestRuntime,
  testNow,
} from '../../test/support/test-runtime.js';
import type { Application } from '../core/application.js';
import type { StageChangeEvent } from '../core/event.js';
import { isQuiet, quietBefore } from '../core/history-choice.js';
import { defaultSettings } from '../core/settings.js';
import { listAllApplications } from '../storage/application-store.js';
import { getDataVersion } from '../storage/data-version-store.js';
import { listAllEvents } from '../storage/event-store.js';
import { listFollowUps } from '../storage/follow-up-store.js';
import { ensureUser } from '../storage/user-store.js';
import { createApplication, getTimeline, moveApplication } from './applications.js';
import { exportBackup } from './backup.js';
import {
  importCsv,
  keptWithoutRemindersNote,
  previewCsvImport,
  writerThreadFromBytes,
} from './csv-import.js';
import { type Deps, inTransaction, nowIso } from './deps.js';
import { skipFollowUp } from './follow-ups.js';

function fixture(name: string): Buffer {
  return fs.readFileSync(new URL(`../integrations/csv/fixtures/${name}`, import.meta.url));
}

async function applicationsOf(deps: Deps): Promise<Map<string, Application>> {
  const all = await listAllApplications(deps.db, deps.userId);
  return new Map(all.map((a) => [`${a.company.name} / ${a.jobTitle}`, a]));
}

async function historyOf(deps: Deps, id: string): Promise<string[]> {
  const timeline = await getTimeline(deps, id);
  return timeline
    .filter((e): e is StageChangeEvent => e.kind === 'stage_change')
    .map((e) => `${e.toStage}${e.outcome ? `/${e.outcome}` : ''}@${e.occurredAt}`);
}

function pick(a: Application | undefined) {
  if (!a) throw new Error('application not imported');
  return {
    stage: a.stage,
    furthestStage: a.furthestStage,
    outcome: a.outcome,
    closedReason: a.closedReason,
    appliedAt: a.appliedAt,
    endedAt: a.endedAt,
  };
}

/** The import's "keep them open without reminders", as a user would do it: skip what is planned until nothing is. */
async function keepWithoutReminders(deps: Deps, applicationId: string): Promise<void> {
  for (;;) {
    const open = await listFollowUps(deps.db, deps.userId, { applicationId, statuses: ['planned'] });
    if (open.length === 0) return;
    for (const step of open) await skipFollowUp(deps, step.id, { reason: keptWithoutRemindersNote });
  }
}

function generatedCsv(rows: number): string {
  const statuses = ['Applied', 'Rejected', 'Interviewing', 'Ghosted', 'Wishlist', 'Offer', 'Phone screen'];
  const lines = ['Company,Job Title,Job URL,Status,Date Applied,Location,Tags,Notes'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `Company ${i % 700},"Engineer ${i}, Platform",https://jobs.example.com/${i},${statuses[i % statuses.length]},2025-${month}-${day},"Berlin, DE","remote; batch ${i % 5}","note ${i}"`,
    );
  }
  return lines.join('\n');
}

if (!hasCorpora()) console.warn(corporaSkipMessage);

describeEachDialect('CSV import', (ctx) => {
  const berlin = { timeZone: 'Europe/Berlin' } as const;

  it('imports a Huntr export with each list as its stage and the card dates as history', async () => {
    const result = await importCsv(ctx.deps, fixture('huntr-jobs.csv'), { timeZone: 'America/New_York' });
    expect(result).toMatchObject({ created: 6, duplicates: 0, failed: [] });
    const apps = await applicationsOf(ctx.deps);
    const acme = apps.get('Acme / Senior Backend Engineer')!;
    expect(pick(acme)).toEqual({
      stage: 'saved',
      furthestStage: 'saved',
      outcome: null,
      closedReason: null,
      appliedAt: null,
      endedAt: null,
    });
    expect(acme.posting).toMatchObject({
      location: 'Berlin, Germany',
      salaryMin: 120_000,
      salaryMax: 150_000,
      salaryCurrency: 'USD',
      validThrough: '2024-02-01',
      descriptionHtml: '<p>Build <b>APIs</b> for payments.</p>',
      descriptionText: 'Build APIs for payments.',
    });
    expect(await historyOf(ctx.deps, acme.id)).toEqual(['saved@2024-01-15T09:30:00.000Z']);
    const globex = apps.get('Globex / Platform Engineer')!;
    expect(await historyOf(ctx.deps, globex.id)).toEqual([
      'saved@2024-01-16T10:00:00.000Z',
      'applied@2024-01-18T14:05:00.000Z',
    ]);
    expect(pick(apps.get('Initech / Staff Engineer, Data'))).toMatchObject({ stage: 'interviewing' });
    expect(pick(apps.get('Umbrella / Engineering Manager'))).toMatchObject({
      stage: 'offer',
      furthestStage: 'offer',
    });
    expect(pick(apps.get('Hooli / Software Engineer II'))).toEqual({
      stage: 'ended',
      furthestStage: 'applied',
      outcome: 'rejected',
      closedReason: null,
      appliedAt: '2024-01-03T15:45:00.000Z',
      endedAt: '2024-01-30T11:11:00.000Z',
    });
    expect(pick(apps.get('Vandelay Industries / Backend Developer'))).toMatchObject({
      stage: 'ended',
      outcome: 'no_response',
    });
  });

  it('imports a Teal job tracker with excitement as priority and saved and applied dates', async () => {
    const result = await importCsv(ctx.deps, fixture('teal-job-tracker.csv'), berlin);
    expect(result).toMatchObject({ created: 8, duplicates: 0, failed: [] });
    const apps = await applicationsOf(ctx.deps);
    const figma = apps.get('Figma / Product Designer')!;
    expect(figma).toMatchObject({ stage: 'saved', priority: 5, notes: 'Dream job' });
    expect(figma.posting).toMatchObject({
      salaryMin: 140_000,
      salaryMax: 180_000,
      validThrough: '2024-02-15',
    });
    const canva = apps.get('Canva / Senior Product Designer')!;
    expect(await historyOf(ctx.deps, canva.id)).toEqual([
      'saved@2024-01-09T11:00:00.000Z',
      'applied@2024-01-12T11:00:00.000Z',
    ]);
    expect(canva.notes).toBe('Applied via careers page\n\nFollow Up: Jan 19, 2024');
    expect(pick(apps.get('Airbnb / Design Manager'))).toMatchObject({ stage: 'offer' });
    expect(pick(apps.get('Stripe / Product Designer II'))).toMatchObject({
      stage: 'ended',
      furthestStage: 'offer',
      outcome: 'accepted',
    });
    expect(pick(apps.get('Dropbox / Visual Designer'))).toMatchObject({ outcome: 'withdrew' });
    expect(pick(apps.get('Google / Interaction Designer'))).toMatchObject({ outcome: 'rejected' });
    expect(pick(apps.get('Notion / Brand Designer'))).toMatchObject({ outcome: 'no_response' });
  });

  it("imports LinkedIn's job applications with their US dates, resume and answers", async () => {
    const preview = await previewCsvImport(ctx.deps, fixture('linkedin-job-applications.csv'), berlin);
    expect(preview.format).toEqual({
      id: 'linkedin_applications',
      label: 'LinkedIn job applications (data export)',
    });
    expect(preview.dateOrder).toBe('mdy');
    await importCsv(ctx.deps, fixture('linkedin-job-applications.csv'), berlin);
    const apps = await applicationsOf(ctx.deps);
    const acme = apps.get('Acme / Staff Engineer')!;
    expect(acme).toMatchObject({
      stage: 'applied',
      appliedAt: '2024-03-07T13:22:00.000Z',
      postingUrl: 'http://www.linkedin.com/jobs/view/3812345678',
      source: { kind: 'job_board', detail: 'LinkedIn' },
      resume: { name: 'Alex_Resume_2024.pdf', text: null, fileRef: null },
    });
    expect(acme.notes).toBe(
      'Contact Email: alex@example.com\nContact Phone Number: +1 555 0100\nQuestion And Answers: How many years of work experience do you have with TypeScript?:6 | Will you now or in the future require sponsorship?:No',
    );
    expect(apps.get('Globex, Inc. / Senior Software Engineer')!.appliedAt).toBe('2024-02-19T08:05:00.000Z');
    expect(apps.get('Initech / Backend Engineer (Remote)')!.notes).toContain('Desired salary?:=150000');
  });

  it("imports LinkedIn's saved jobs as saved", async () => {
    const result = await importCsv(ctx.deps, fixture('linkedin-saved-jobs.csv'), berlin);
    expect(result.created).toBe(2);
    const hooli = (await applicationsOf(ctx.deps)).get('Hooli / Platform Engineer')!;
    expect(pick(hooli)).toMatchObject({ stage: 'saved', appliedAt: null });
    expect(await historyOf(ctx.deps, hooli.id)).toEqual(['saved@2024-01-15T07:00:00.000Z']);
  });

  it('imports a JobSync download, reading N/A as empty', async () => {
    const result = await importCsv(ctx.deps, fixture('jobsync-jobs.csv'), berlin);
    expect(result).toMatchObject({ created: 7, duplicates: 0, failed: [] });
    const apps = await applicationsOf(ctx.deps);
    expect(apps.get('Acme / Frontend Developer')).toMatchObject({
      stage: 'saved',
      posting: { location: 'Remote, Berlin', employmentType: 'full_time' },
      source: { kind: 'job_board', detail: 'Indeed' },
    });
    expect(apps.get('Umbrella / Senior Frontend Engineer')).toMatchObject({
      stage: 'offer',
      source: { kind: 'referral' },
    });
    expect(apps.get('Vandelay / Web Developer')).toMatchObject({
      outcome: 'position_closed',
      closedReason: 'unknown',
      source: { kind: 'other', detail: null },
      posting: { location: null, employmentType: null },
    });
    expect(apps.get('Pied Piper / JavaScript Engineer')).toMatchObject({
      outcome: 'withdrew',
      appliedAt: '2023-12-21T11:00:00.000Z',
    });
  });

  it('imports a spreadsheet with a BOM, odd headers, blank lines, quoted newlines and trailing empty columns', async () => {
    const preview = await previewCsvImport(ctx.deps, fixture('spreadsheet-odd-headers.csv'), berlin);
    expect(preview.format.id).toBe('generic');
    expect(preview.mapping).toEqual({
      'Company Name:': 'companyName',
      'Position*': 'jobTitle',
      'DATE-APPLIED': 'appliedAt',
      Job_URL: 'postingUrl',
      Stage: 'status',
      Notes: 'notes',
      'Column 7': 'note',
      'Column 8': 'note',
    });
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [4, 'create'],
      [6, 'create'],
    ]);
    await importCsv(ctx.deps, fixture('spreadsheet-odd-headers.csv'), berlin);
    const apps = await applicationsOf(ctx.deps);
    expect(apps.get('Acme Corp / Data Engineer')).toMatchObject({
      stage: 'screening',
      notes: 'Spoke with Dana.\r\nNext: tech round',
      postingUrl: 'https://www.acme.example/jobs/1',
      appliedAt: '2024-03-05T11:00:00.000Z',
    });
    expect(apps.get('Initech / ML Engineer')).toMatchObject({ stage: 'interviewing', notes: '' });
  });

  it('imports a semicolon file with day/month dates and says how it read them', async () => {
    const preview = await previewCsvImport(ctx.deps, fixture('spreadsheet-semicolon-dmy.csv'), berlin);
    expect(preview.delimiter).toBe(';');
    expect(preview.dateOrder).toBe('dmy');
    expect(preview.warnings).toEqual([
      {
        field: 'dateOrder',
        column: null,
        message: 'dates read as day/month (DD/MM/YYYY) because of "20.02.2024"',
      },
    ]);
    await importCsv(ctx.deps, fixture('spreadsheet-semicolon-dmy.csv'), berlin);
    const apps = await applicationsOf(ctx.deps);
    expect(apps.get('Siemens / Softwareentwickler')).toMatchObject({
      appliedAt: '2024-03-05T11:00:00.000Z',
      notes: 'Bewerbung über Portal; Antwort in 2 Wochen',
      posting: { salaryMin: 55_000, salaryCurrency: 'EUR' },
    });
    expect(apps.get('Zalando / Backend Engineer')).toMatchObject({
      appliedAt: '2024-01-13T11:00:00.000Z',
      outcome: 'rejected',
    });
  });

  it('warns when day and month cannot be told apart, and follows the order the user chooses', async () => {
    const csv = 'Company,Title,Applied\nAcme,Engineer,03/04/2025\n';
    const guessed = await previewCsvImport(ctx.deps, csv, berlin);
    expect(guessed.dateOrder).toBe('mdy');
    expect(guessed.warnings[0]!.message).toContain('could be month/day or day/month');
    expect(guessed.rows[0]!.application!.create.stageAt).toBe('2025-03-04T11:00:00.000Z');
    const chosen = await previewCsvImport(ctx.deps, csv, { ...berlin, dateOrder: 'dmy' });
    expect(chosen.warnings).toEqual([]);
    expect(chosen.rows[0]!.application!.create.stageAt).toBe('2025-04-03T10:00:00.000Z');
  });

  it('previews without writing, and marks duplicates of existing applications and of earlier rows', async () => {
    await createApplication(ctx.deps, {
      companyName: 'Acme',
      jobTitle: 'Engineer',
      postingUrl: 'https://acme.example/jobs/1',
    });
    const csv = [
      'Company,Title,URL,Status',
      'ACME ,engineer,,applied',
      'Other Co,Different title,https://acme.example/jobs/1?utm_source=x,applied',
      'Globex,Analyst,,applied',
      'globex,ANALYST,,interviewing',
    ].join('\n');
    const preview = await previewCsvImport(ctx.deps, csv, berlin);
    expect(preview.counts).toEqual({ total: 4, create: 1, duplicate: 3, error: 0 });
    expect(preview.rows.map((r) => [r.row, r.action, r.duplicateOf])).toEqual([
      [
        2,
        'duplicate',
        {
          applicationId: expect.any(String),
          jobTitle: 'Engineer',
          companyName: 'Acme',
          reason: 'company_and_title',
        },
      ],
      [
        3,
        'duplicate',
        {
          applicationId: expect.any(String),
          jobTitle: 'Engineer',
          companyName: 'Acme',
          reason: 'posting_url',
        },
      ],
      [4, 'create', undefined],
      [5, 'duplicate', { row: 4, reason: 'company_and_title' }],
    ]);
    expect((await listAllApplications(ctx.deps.db, ctx.deps.userId)).length).toBe(1);
    expect(await importCsv(ctx.deps, csv, berlin)).toMatchObject({ created: 1, duplicates: 3, failed: [] });
    expect((await listAllApplications(ctx.deps.db, ctx.deps.userId)).length).toBe(2);
    expect(await importCsv(ctx.deps, csv, { ...berlin, allowDuplicates: true })).toMatchObject({
      created: 4,
      duplicates: 0,
      failed: [],
    });
    const companies = new Set(
      (await listAllApplications(ctx.deps.db, ctx.deps.userId)).map((a) => a.company.id),
    );
    expect(companies.size).toBe(3);
  });

  it('imports none of a file with bad rows, reporting each, unless bad rows are skipped', async () => {
    const csv = [
      'Company,Title,Applied,Ended,Status,URL',
      'Acme,Engineer,2025-01-10,,applied,',
      ',Analyst,2025-01-11,,applied,',
      'Globex,Designer,2025-31-01,,applied,',
      'Initech,Manager,2025-02-10,2025-01-01,rejected,',
      'Hooli,Dev,2025-01-12,,applied,ftp://hooli.example/job',
      'Umbrella,Chemist,2025-01-13,,ended,',
    ].join('\n');
    const refused = await importCsv(ctx.deps, csv, berlin);
    expect(refused.created).toBe(0);
    expect(refused.failed).toEqual([
      { row: 3, field: 'companyName', column: 'Company', message: 'is empty' },
      {
        row: 4,
        field: 'appliedAt',
        column: 'Applied',
        message: '"2025-31-01" is not a real calendar date or time',
      },
      { row: 5, field: 'endedAt', column: 'Ended', message: 'is before the applied date (2025-02-10)' },
      { row: 6, field: 'postingUrl', column: 'URL', message: 'must be an http or https URL' },
      {
        row: 7,
        field: 'outcome',
        column: null,
        message: 'the application has ended but no outcome says how (rejected, no_response, withdrew, …)',
      },
    ]);
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
    const skipped = await importCsv(ctx.deps, csv, { ...berlin, skipInvalidRows: true });
    expect(skipped.created).toBe(1);
    expect(skipped.failed.map((f) => f.row)).toEqual([3, 4, 5, 6, 7]);
    expect((await listAllApplications(ctx.deps.db, ctx.deps.userId)).map((a) => a.jobTitle)).toEqual([
      'Engineer',
    ]);
  });

  it('undoes the batches already written when a bad row comes after them', async () => {
    const csv = `${generatedCsv(1_500)}\nAcme,,https://jobs.example.com/late,Applied,2025-01-01,,,\n`;
    const refused = await importCsv(ctx.deps, csv, berlin);
    expect(refused).toMatchObject({
      created: 0,
      duplicates: 0,
      failed: [{ row: 1_502, field: 'jobTitle', column: 'Job Title', message: 'is empty' }],
    });
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
    expect(await listAllEvents(ctx.deps.db, ctx.deps.userId)).toEqual([]);
  });

  it('keeps unknown statuses as applied with a warning and the original text in the notes', async () => {
    const preview = await previewCsvImport(
      ctx.deps,
      'Company,Title,Status\nAcme,Engineer,force_override\n',
      berlin,
    );
    expect(preview.rows[0]!.warnings).toEqual([
      {
        field: 'status',
        column: 'Status',
        message: '"force_override" is not a status hearback knows; imported as applied and kept in the notes',
      },
    ]);
    expect(preview.rows[0]!.application!.create).toMatchObject({
      stage: 'applied',
      notes: 'Status: force_override',
    });
    expect(preview.warnings[0]!.message).toContain('no column holds a date');
  });

  it('follows the mapping the user gives, and refuses one that does not fit the file', async () => {
    const csv = 'Client,Gig,When,Owner\nAcme,Engineer,2025-01-10,me\n';
    const unmapped = await previewCsvImport(ctx.deps, csv, berlin);
    expect(unmapped.errors.map((e) => e.field)).toEqual(['companyName', 'jobTitle']);
    expect(unmapped.rows[0]!.errors[0]).toEqual({
      field: 'companyName',
      column: null,
      message: 'no column holds the company name; map one',
    });
    await expect(importCsv(ctx.deps, csv, berlin)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^mapping: no column holds the company name; map one of: Client, Gig, When, Owner$/,
      ),
    });
    const mapping = { Client: 'companyName', Gig: 'jobTitle', When: 'appliedAt', Owner: 'ignore' };
    expect(await importCsv(ctx.deps, csv, { ...berlin, mapping })).toMatchObject({
      created: 1,
      duplicates: 0,
      failed: [],
    });
    const [app] = await listAllApplications(ctx.deps.db, ctx.deps.userId);
    expect(app).toMatchObject({
      company: { name: 'Acme' },
      appliedAt: '2025-01-10T11:00:00.000Z',
      notes: '',
    });
    await expect(
      importCsv(ctx.deps, csv, { ...berlin, mapping: { Customer: 'companyName' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(importCsv(ctx.deps, csv, { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'timeZone: must be an IANA time zone such as Europe/Berlin',
    });
  });

  // PGlite runs PostgreSQL in WebAssembly about ten times slower than SQLite; 2,500 rows still cover several
  // batches and the parameter-limit chunking there, and keep the suite fast.
  const manyRows = ctx.dialect === 'sqlite' ? 10_000 : 2_500;

  it(`imports ${manyRows.toLocaleString('en-US')} rows in one go and reports progress up to the total`, async () => {
    const progress: Array<[number, number]> = [];
    const result = await importCsv(ctx.deps, generatedCsv(manyRows), {
      ...berlin,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ created: manyRows, duplicates: 0, failed: [] });
    expect(progress[0]).toEqual([0, manyRows]);
    expect(progress.at(-1)).toEqual([manyRows, manyRows]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    const apps = await listAllApplications(ctx.deps.db, ctx.deps.userId);
    expect(apps).toHaveLength(manyRows);
    expect(new Set(apps.map((a) => a.company.id)).size).toBe(700);
    const sample = apps.find((a) => a.jobTitle === 'Engineer 2498, Platform')!;
    expect(sample).toMatchObject({
      stage: 'screening',
      outcome: null,
      tags: ['remote', 'batch 3'],
      appliedAt: '2025-03-07T11:00:00.000Z',
      posting: { location: 'Berlin, DE' },
    });
    expect((await listAllEvents(ctx.deps.db, ctx.deps.userId)).length).toBeGreaterThan(manyRows);
  });

  it('writes the same applications and history as createApplication followed by moveApplication', async () => {
    // Shortly after the files' latest dates, so their newest rows still have follow-ups to compare.
    ctx.runtime.clock.set('2024-03-11T10:00:00.000Z');
    const other: Deps = { ...ctx.deps, userId: 'other-user' };
    await ensureUser(
      ctx.deps.db,
      { id: other.userId, displayName: 'Other' },
      defaultSettings({ timeZone: 'UTC', locale: 'en-US' }, 'US'),
      testNow,
    );
    const files = [
      'huntr-jobs.csv',
      'teal-job-tracker.csv',
      'jobsync-jobs.csv',
      'linkedin-job-applications.csv',
    ];
    for (const name of files) {
      const preview = await previewCsvImport(other, fixture(name), berlin);
      for (const row of preview.rows.filter((r) => r.action === 'create')) {
        const created = await createApplication(other, row.application!.create);
        let application = created;
        for (const move of row.application!.moves) {
          application = await moveApplication(other, created.id, move);
        }
        const [last] = (await historyOf(other, created.id)).slice(-1);
        const lastChangeAt = last!.slice(last!.indexOf('@') + 1);
        if (isQuiet(application.stage, lastChangeAt, quietBefore(nowIso(other), berlin.timeZone))) {
          await keepWithoutReminders(other, created.id);
        }
      }
      await importCsv(ctx.deps, fixture(name), berlin);
    }
    const imported = await exportBackup(ctx.deps);
    const viaServices = await exportBackup(other);
    const mine = withoutIds(imported);
    const theirs = withoutIds(viaServices);
    expect(mine.applications).toEqual(theirs.applications);
    expect(mine.companies).toEqual(theirs.companies);
    expect(mine.events).toEqual(theirs.events);
    expect(mine.followUps.length).toBeGreaterThan(0);
    expect(mine.followUps).toEqual(theirs.followUps);
    const rowsOf = async (userId: string) =>
      (
        await ctx.deps.db
          .selectFrom('applications')
          .select(['job_title', 'title_key', 'posting_url_key', 'search_text', 'stage', 'applied_at'])
          .where('user_id', '=', userId)
          .orderBy('id')
          .execute()
      ).map((r) => ({ ...r }));
    expect(await rowsOf(ctx.deps.userId)).toEqual(await rowsOf(other.userId));
    const tagsOf = async (userId: string) =>
      (
        await ctx.deps.db
          .selectFrom('application_tags')
          .select(['tag', 'tag_key', 'position'])
          .where('user_id', '=', userId)
          .execute()
      ).length;
    expect(await tagsOf(ctx.deps.userId)).toBe(await tagsOf(other.userId));
  });

  it('writes nothing when the caller’s transaction fails after the import', async () => {
    await expect(
      inTransaction(ctx.deps, async (tx) => {
        const result = await importCsv(tx, fixture('teal-job-tracker.csv'), berlin);
        expect(result.created).toBe(8);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
  });

  it('refuses binary garbage and oversized files before reading any row', async () => {
    await expect(
      importCsv(ctx.deps, Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]), berlin),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'file', message: expect.stringContaining('not a CSV text file') }] },
    });
    await expect(
      importCsv(ctx.deps, generatedCsv(100), { ...berlin, limits: { maxBytes: 1_000 } }),
    ).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await listAllApplications(ctx.deps.db, ctx.deps.userId)).toEqual([]);
  });

  describe.skipIf(!hasCorpora())('real tracker files from the shared corpora', () => {
    const read = (name: string) => fs.readFileSync(corpusPath('ai-job-search-trackers', name));
    // These trackers were kept in mid-2026; an import dated before their rows would refuse them as future.
    beforeEach(() => ctx.runtime.clock.set('2026-12-01T10:00:00.000Z'));

    it('maps a real job search tracker sensibly and imports every row', async () => {
      const preview = await previewCsvImport(ctx.deps, read('job_search_tracker.csv'), {
        timeZone: 'America/New_York',
      });
      expect(preview.mapping).toMatchObject({
        date: 'appliedAt',
        company: 'companyName',
        role: 'jobTitle',
        status: 'status',
        notes: 'notes',
        fit_rating: 'priority',
        cv_file: 'resume',
        cover_letter_file: 'coverLetter',
        source: 'source',
        sector: 'industry',
        channel: 'note',
      });
      expect(preview.counts).toEqual({ total: 36, create: 36, duplicate: 0, error: 0 });
      const stages = preview.rows.map((r) => r.application!.create.stage);
      expect(stages.filter((s) => s === 'applied')).toHaveLength(31);
      expect(stages.filter((s) => s === 'saved')).toHaveLength(5);
      expect(preview.rows.flatMap((r) => r.warnings)).toEqual([]);
      const result = await importCsv(ctx.deps, read('job_search_tracker.csv'), {
        timeZone: 'America/New_York',
      });
      expect(result).toMatchObject({ created: 36, duplicates: 0, failed: [] });
      const decagon = (await applicationsOf(ctx.deps)).get('Decagon / Senior Agent Product Manager')!;
      expect(decagon).toMatchObject({
        priority: 5,
        appliedAt: '2026-07-19T16:00:00.000Z',
        resume: { name: 'cv/main_decagon.pdf' },
      });
    });

    it('maps the example state file and the header-only pipeline template', async () => {
      const state = await previewCsvImport(ctx.deps, read('applications.example.csv'), {
        timeZone: 'America/New_York',
      });
      expect(state.mapping).toMatchObject({
        timestamp: 'appliedAt',
        role_raw: 'jobTitle',
        role_normalized: 'note',
      });
      expect(state.counts).toEqual({ total: 3, create: 3, duplicate: 0, error: 0 });
      expect(state.rows[0]!.application!.create).toMatchObject({
        companyName: 'Palantir',
        jobTitle: 'Forward Deployed Engineer',
        stageAt: '2026-06-24T13:15:00.000Z',
      });
      expect(state.rows[2]!.warnings.map((w) => w.field)).toEqual(['status']);
      const template = await previewCsvImport(ctx.deps, read('job_pipeline_tracker.csv'), {
        timeZone: 'UTC',
      });
      expect(template.counts.total).toBe(0);
      expect(template.errors).toEqual([]);
      expect(template.mapping).toMatchObject({
        company: 'companyName',
        role_title: 'jobTitle',
        stage: 'status',
        source_url: 'postingUrl',
        compensation_or_rate: 'salary',
      });
    });
  });
});

describe('CSV import of a large file into a SQLite file, through the writer thread', () => {
  const berlin = { timeZone: 'Europe/Berlin' } as const;
  let onFile: TestRuntime;
  let inMemory: TestRuntime;

  beforeEach(async () => {
    onFile = await openSqliteFileTestRuntime();
    inMemory = await openTestRuntime('sqlite');
  });

  afterEach(async () => {
    await onFile.close();
    await inMemory.close();
  });

  // Large enough to be written by the writer thread, and to span several write batches.
  const rows = 6_000;
  const csv = generatedCsv(rows);

  it('writes the same applications, history and follow-ups as the import on the main thread', async () => {
    expect(csv.length).toBeGreaterThanOrEqual(writerThreadFromBytes);
    const versionBefore = await getDataVersion(onFile.deps.db, onFile.deps.userId);
    const progress: Array<[number, number]> = [];
    const result = await importCsv(onFile.deps, csv, {
      ...berlin,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ created: rows, duplicates: 0, failed: [] });
    expect(progress[0]).toEqual([0, rows]);
    expect(progress.at(-1)).toEqual([rows, rows]);
    expect(progress.length).toBeGreaterThan(3);
    expect(await getDataVersion(onFile.deps.db, onFile.deps.userId)).not.toBe(versionBefore);

    expect(await importCsv(inMemory.deps, csv, berlin)).toEqual(result);
    const viaThread = withoutIds(await exportBackup(onFile.deps));
    const onMainThread = withoutIds(await exportBackup(inMemory.deps));
    expect(viaThread.applications).toHaveLength(rows);
    expect(viaThread.applications).toEqual(onMainThread.applications);
    expect(viaThread.companies).toEqual(onMainThread.companies);
    expect(viaThread.events).toEqual(onMainThread.events);
    expect(viaThread.followUps).toEqual(onMainThread.followUps);
    // A second import of the same file finds every row already there.
    expect(await importCsv(onFile.deps, csv, berlin)).toMatchObject({
      created: 0,
      duplicates: rows,
      failed: [],
    });
  });

  it('writes nothing when the last row is bad, although earlier batches were already written', async () => {
    const bad = `${csv}
,Nobody's job,https://jobs.example.com/x,Applied,2025-01-01,,,
`;
    const versionBefore = await getDataVersion(onFile.deps.db, onFile.deps.userId);
    const refused = await importCsv(onFile.deps, bad, berlin);
    expect(refused).toMatchObject({
      created: 0,
      duplicates: 0,
      failed: [{ row: rows + 2, field: 'companyName', column: 'Company', message: 'is empty' }],
    });
    expect(await listAllApplications(onFile.deps.db, onFile.deps.userId)).toEqual([]);
    expect(await listAllEvents(onFile.deps.db, onFile.deps.userId)).toEqual([]);
    expect(await getDataVersion(onFile.deps.db, onFile.deps.userId)).toBe(versionBefore);

    const skipped = await importCsv(onFile.deps, bad, { ...berlin, skipInvalidRows: true });
    expect(skipped.created).toBe(rows);
    expect(skipped.failed.map((f) => f.row)).toEqual([rows + 2]);
    // The database stays usable on the main connection after the thread's transaction.
    expect(await listAllApplications(onFile.deps.db, onFile.deps.userId)).toHaveLength(rows);
  });
});

/**
 * Two users' copies of the same data, comparable: ids of companies, applications and events become their
 * order of appearance, wherever they occur (plan keys embed them too). Follow-up steps get their ids at
 * different moments on the two paths, so they compare without their own ids, in a stable order.
 */
function withoutIds(backup: Awaited<ReturnType<typeof exportBackup>>) {
  const ids = new Map<string, string>();
  for (const record of [...backup.applications, ...backup.companies, ...backup.events]) {
    if (!ids.has(record.id)) ids.set(record.id, `#${ids.size}`);
  }
  const replace = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replace(/[0-9A-HJKMNP-TV-Z]{26}/g, (id) => ids.get(id) ?? '#?'));
  return {
    applications: replace(backup.applications),
    companies: replace(backup.companies),
    events: replace(backup.events),
    followUps: replace(backup.followUps.map(({ id: _, ...step }) => step))
      .map((step) => JSON.stringify(step))
      .sort(),
  };
}
