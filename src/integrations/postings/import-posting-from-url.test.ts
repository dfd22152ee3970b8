import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { applicationCreateSchema } from '../../core/application.js';
import {
  type FixtureServer,
  fixturesDir,
  readFixture,
  startFixtureServer,
} from './fixtures/fixture-server.js';
import { type ImportPostingOptions, importPostingFromUrl } from './import-posting-from-url.js';
import { PostingImportError } from './posting-import-error.js';
import { toApplicationCreate } from './to-application-create.js';

const ashbyCorpus = hasCorpora() ? corpusPath('ashby-api-stapply-ai') : null;
const ashbyCorpusFiles = ashbyCorpus ? fs.readdirSync(ashbyCorpus).filter((f) => f.endsWith('.json')) : [];

let server: FixtureServer;
let options: ImportPostingOptions;

beforeAll(async () => {
  server = await startFixtureServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const json = (name: string) => send(200, 'application/json', readFixture(name));
    const path = url.pathname;
    if (
      path === '/greenhouse/v1/boards/woodgrove/jobs/4012345' &&
      url.searchParams.get('pay_transparency') === 'true'
    ) {
      return json('greenhouse-job.json');
    }
    if (path === '/lever/v0/postings/fourthcoffee/5ac21346-8e0c-4494-8e7a-3eb92ff77902')
      return json('lever-posting.json');
    if (path === '/ashby/posting-api/job-board/graphic-design-institute') return json('ashby-board.json');
    if (path === '/ashby/posting-api/job-board/deep') {
      return send(200, 'application/json', `{"jobs":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    }
    const board = /^\/ashby\/posting-api\/job-board\/(.+)$/.exec(path)?.[1];
    if (board && ashbyCorpus && ashbyCorpusFiles.includes(`${decodeURIComponent(board)}.json`)) {
      return send(
        200,
        'application/json',
        fs.readFileSync(`${ashbyCorpus}/${decodeURIComponent(board)}.json`),
      );
    }
    if (path === '/pages/short') {
      res.writeHead(301, { location: '/pages/graph-wrapper.html' });
      return res.end();
    }
    if (path === '/pages/posting.jsonld') {
      return send(
        200,
        'application/ld+json',
        readFixture('telecommute.html').split('application/ld+json">')[1]!.split('</script>')[0]!,
      );
    }
    if (path === '/pages/huge-json-ld.html') {
      const blob = `{"@type":"JobPosting","title":"Huge","description":"${'x'.repeat(10 * 1024 * 1024)}"}`;
      return send(
        200,
        'text/html',
        `<html><head><script type="application/ld+json">${blob}</script></head></html>`,
      );
    }
    const page = /^\/pages\/([\w-]+\.html)$/.exec(path)?.[1];
    if (page && fs.existsSync(`${fixturesDir}/${page}`))
      return send(200, 'text/html; charset=utf-8', readFixture(page));
    send(404, 'application/json', '{"status":404,"error":"Job not found"}');
  });
  options = {
    timeoutMs: 5_000,
    privateAddresses: server.allowance,
    atsApiBases: {
      greenhouse: `${server.origin}/greenhouse`,
      lever: `${server.origin}/lever`,
      ashby: `${server.origin}/ashby`,
    },
  };
});

afterAll(async () => {
  await server.close();
});

async function importError(url: string, extra: ImportPostingOptions = {}): Promise<PostingImportError> {
  const error = await importPostingFromUrl(url, { ...options, ...extra }).then(
    () => new Error('expected the import to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostingImportError);
  return error as PostingImportError;
}

describe('importPostingFromUrl through an ATS API', () => {
  it('reads a Greenhouse job, asking only the Greenhouse API for it', async () => {
    const before = server.requests.length;
    const result = await importPostingFromUrl(
      'https://boards.greenhouse.io/woodgrove/jobs/4012345?gh_src=x',
      options,
    );
    expect(result).toMatchObject({
      status: 'complete',
      source: 'greenhouse',
      jobTitle: 'Senior Backend Engineer',
      companyName: 'Woodgrove Bank',
      postingUrl: 'https://boards.greenhouse.io/woodgrove/jobs/4012345',
      applyUrl: 'https://boards.greenhouse.io/woodgrove/jobs/4012345',
      locations: ['New York, NY or Remote (US)'],
      posting: {
        salaryMin: 175000,
        salaryMax: 210000,
        salaryCurrency: 'USD',
        salaryPeriod: 'year',
        employmentType: 'full_time',
        datePosted: '2025-02-27',
        remoteType: 'remote',
      },
    });
    expect(result.posting.descriptionHtml).toBe(
      '<h2>About the role</h2><p>Build payment services in TypeScript &amp; Go.</p><ul><li>5+ years backend</li></ul>',
    );
    expect(result.warnings).toEqual([
      'The posting lists 2 pay ranges (often one per location); the first ("New York annual base salary") was used.',
    ]);
    const asked = server.requests.slice(before);
    expect(asked.map((r) => r.url)).toEqual([
      '/greenhouse/v1/boards/woodgrove/jobs/4012345?pay_transparency=true',
    ]);
    expect(asked[0]!.headers.accept).toBe('application/json');
  });

  it('reads a Lever posting with its lists and salary range', async () => {
    const result = await importPostingFromUrl(
      'https://jobs.lever.co/fourthcoffee/5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      options,
    );
    expect(result).toMatchObject({
      status: 'complete',
      source: 'lever',
      jobTitle: 'Product Designer',
      companyName: 'Fourthcoffee',
      applyUrl: 'https://jobs.lever.co/fourthcoffee/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply',
      locations: ['Toronto', 'Montreal'],
      posting: {
        remoteType: 'hybrid',
        salaryMin: 95000,
        salaryMax: 120000,
        salaryCurrency: 'CAD',
        salaryPeriod: 'year',
        employmentType: 'full_time',
        datePosted: '2025-03-01',
        location: 'Toronto; Montreal',
      },
    });
    expect(result.posting.descriptionText).toContain('REQUIREMENTS');
    expect(result.posting.descriptionText).toContain(' * Figma');
    expect(result.posting.descriptionText).toContain('We value diverse teams.');
    expect(result.warnings).toEqual([
      'The company name "Fourthcoffee" comes from the job board\'s address; please check its spelling.',
    ]);
  });

  it('picks the job out of an Ashby board, with its compensation', async () => {
    const result = await importPostingFromUrl(
      'https://jobs.ashbyhq.com/graphic-design-institute/7f3e9b2c-5a1d-4c8e-b6f0-9d2a1e4c7b35',
      options,
    );
    expect(result).toMatchObject({
      status: 'complete',
      source: 'ashby',
      jobTitle: 'Machine Learning Engineer',
      companyName: 'Graphic Design Institute',
      locations: ['Zurich', 'Remote - Switzerland'],
      posting: {
        remoteType: 'hybrid',
        salaryMin: 9500,
        salaryMax: 11000,
        salaryCurrency: 'CHF',
        salaryPeriod: 'month',
        employmentType: 'contract',
        datePosted: '2025-06-03',
        descriptionHtml: '<p>Train models.</p>',
      },
    });
  });

  it('says the posting is gone when the board no longer lists it, or the API answers 404', async () => {
    const missing = await importError(
      'https://jobs.ashbyhq.com/graphic-design-institute/00000000-0000-0000-0000-000000000000',
    );
    expect(missing.code).toBe('POSTING_NOT_FOUND');
    expect(missing.message).toBe(
      'The Ashby board "graphic-design-institute" no longer lists this job; it may have been closed.',
    );
    expect((await importError('https://boards.greenhouse.io/woodgrove/jobs/999')).code).toBe(
      'POSTING_NOT_FOUND',
    );
  });

  it('refuses an API answer nested too deeply to read', async () => {
    const error = await importError('https://jobs.ashbyhq.com/deep/7f3e9b2c-5a1d-4c8e-b6f0-9d2a1e4c7b35');
    expect(error.code).toBe('POSTING_UNREADABLE');
    expect(error.message).toBe('The Ashby API answer could not be read: it is nested deeper than 64 levels.');
  });

  it('applies the address check to the API too', async () => {
    const error = await importError(
      'https://jobs.lever.co/fourthcoffee/5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      { privateAddresses: undefined },
    );
    expect(error.code).toBe('POSTING_BLOCKED_ADDRESS');
  });
});

describe('importPostingFromUrl through the page', () => {
  it('reads the JSON-LD of the page it was redirected to, and keeps the final address', async () => {
    const result = await importPostingFromUrl(`${server.origin}/pages/short`, options);
    expect(result).toMatchObject({
      status: 'complete',
      source: 'json-ld',
      jobTitle: 'Data Analyst',
      companyName: 'Contoso Ltd',
      postingUrl: `${server.origin}/pages/graph-wrapper.html`,
    });
  });

  it('reads a URL that answers JSON-LD directly', async () => {
    const result = await importPostingFromUrl(`${server.origin}/pages/posting.jsonld`, options);
    expect(result).toMatchObject({
      source: 'json-ld',
      jobTitle: 'Support Engineer',
      posting: { remoteType: 'remote' },
    });
  });

  it('falls back to the readable text of a page without structured data', async () => {
    const result = await importPostingFromUrl(`${server.origin}/pages/no-structured-data.html`, options);
    expect(result).toMatchObject({ status: 'partial', source: 'readability', jobTitle: 'Travel Consultant' });
  });

  it('refuses a page carrying a 10 MB JSON-LD blob at the size limit', async () => {
    const error = await importError(`${server.origin}/pages/huge-json-ld.html`);
    expect(error.code).toBe('POSTING_TOO_LARGE');
  });

  it('reports a missing page as gone', async () => {
    expect((await importError(`${server.origin}/pages/nothing-here.html`)).code).toBe('POSTING_NOT_FOUND');
  });
});

type AshbyComponent = {
  compensationType: string;
  interval: string;
  currencyCode: string | null;
  minValue: number | null;
  maxValue: number | null;
};
type AshbyJob = {
  id: string;
  title: string;
  location: string;
  secondaryLocations: Array<{ location: string }>;
  shouldDisplayCompensationOnJobPostings: boolean;
  compensation: { summaryComponents: AshbyComponent[] };
};

describe.skipIf(!hasCorpora())(
  'importPostingFromUrl on every real Ashby response in the shared corpus',
  () => {
    const jobs = ashbyCorpusFiles.flatMap((file) => {
      const board = file.replace(/\.json$/, '');
      const body = JSON.parse(fs.readFileSync(`${ashbyCorpus}/${file}`, 'utf8')) as { jobs: AshbyJob[] };
      return body.jobs.map((job) => [`${board}: ${job.title}`, board, job] as const);
    });

    it('covers every job of the corpus', () => {
      expect(ashbyCorpusFiles).toHaveLength(6);
      expect(jobs).toHaveLength(7);
    });

    it('says a job is gone when its board is empty (anara)', async () => {
      const error = await importError('https://jobs.ashbyhq.com/anara/691c4294-855e-4ab9-b6d9-8d70c6e09866');
      expect(error.code).toBe('POSTING_NOT_FOUND');
    });

    it.each(jobs)('imports %s with its title, locations and compensation', async (_name, board, job) => {
      const result = await importPostingFromUrl(`https://jobs.ashbyhq.com/${board}/${job.id}`, options);
      const salary = job.shouldDisplayCompensationOnJobPostings
        ? job.compensation.summaryComponents.find(
            (c) => c.compensationType === 'Salary' && c.minValue !== null,
          )
        : undefined;
      const locations = [job.location, ...job.secondaryLocations.map((l) => l.location)];
      expect(result).toMatchObject({
        status: 'complete',
        source: 'ashby',
        jobTitle: job.title,
        locations,
        posting: {
          location: locations.join('; '),
          salaryMin: salary?.minValue ?? null,
          salaryMax: salary?.maxValue ?? null,
          salaryCurrency: salary?.currencyCode ?? null,
          salaryPeriod: salary ? 'year' : null,
        },
      });
      expect(result.posting.descriptionText?.length).toBeGreaterThan(500);
      const parsed = applicationCreateSchema.safeParse(toApplicationCreate(result));
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });

    it('reads the known salaries exactly', async () => {
      const read = async (board: string, id: string) =>
        (await importPostingFromUrl(`https://jobs.ashbyhq.com/${board}/${id}`, options)).posting;
      expect(await read('kovo', '691c4294-855e-4ab9-b6d9-8d70c6e09866')).toMatchObject({
        salaryMin: 150000,
        salaryMax: 200000,
        salaryCurrency: 'USD',
        salaryPeriod: 'year',
        remoteType: 'remote',
      });
      const windsurf = (
        JSON.parse(fs.readFileSync(`${ashbyCorpus}/Windsurf.json`, 'utf8')) as { jobs: AshbyJob[] }
      ).jobs[0]!;
      expect(await read('Windsurf', windsurf.id)).toMatchObject({
        salaryMin: null,
        salaryMax: null,
        location: 'Mountain View (HQ)',
        remoteType: 'on_site',
      });
    });
  },
);

if (!hasCorpora()) console.warn(corporaSkipMessage);
