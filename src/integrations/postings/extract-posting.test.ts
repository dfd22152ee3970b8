import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporaSkipMessage, corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { applicationCreateSchema, postingInputSchema } from '../../core/application.js';
import { extractPosting } from './extract-posting.js';
import type { ExtractedPosting } from './extracted-posting.js';
import { readFixture } from './fixtures/fixture-server.js';
import { PostingImportError } from './posting-import-error.js';
import { toApplicationCreate } from './to-application-create.js';

const pageUrl = 'https://careers.example.com/jobs/1';

function extractFixture(name: string, url: string | null = pageUrl): ExtractedPosting {
  return extractPosting(readFixture(name), { url });
}

function jsonLdPage(...blocks: unknown[]): string {
  const scripts = blocks
    .map(
      (b) => `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`,
    )
    .join('\n');
  return `<!doctype html><html><head><title>Page title</title>${scripts}</head><body><p>Body text.</p></body></html>`;
}

function expectStorable(result: ExtractedPosting): void {
  expect(postingInputSchema.safeParse(result.posting).success).toBe(true);
  if (result.jobTitle !== null && result.companyName !== null) {
    const parsed = applicationCreateSchema.safeParse(toApplicationCreate(result));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  }
}

function syncError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('extractPosting from JSON-LD fixtures', () => {
  it.each([
    [
      'multiple-blocks.html',
      {
        jobTitle: 'Platform Engineer',
        companyName: 'Northwind Traders',
        locations: ['Leeds, GB'],
        posting: { employmentType: 'full_time', datePosted: '2025-01-15' },
      },
    ],
    [
      'graph-wrapper.html',
      {
        jobTitle: 'Data Analyst',
        companyName: 'Contoso Ltd',
        locations: ['Dublin, Leinster, Ireland'],
        posting: { datePosted: '2025-02-01', validThrough: '2025-03-31' },
      },
    ],
    [
      'top-level-array.html',
      { jobTitle: 'QA Lead', companyName: 'Fabrikam', posting: { employmentType: 'part_time' } },
    ],
    [
      'salary-number.html',
      {
        jobTitle: 'Barista',
        companyName: 'Blue Yonder Cafe',
        posting: { salaryMin: 28500, salaryMax: 28500, salaryCurrency: 'EUR', salaryPeriod: null },
      },
    ],
    [
      'salary-monetary-range.html',
      {
        jobTitle: 'Staff Engineer',
        posting: { salaryMin: 180000, salaryMax: 220000, salaryCurrency: 'USD', salaryPeriod: 'year' },
      },
    ],
    [
      'salary-quantitative-value.html',
      {
        jobTitle: 'Warehouse Associate',
        posting: {
          salaryMin: 12.6,
          salaryMax: 12.6,
          salaryCurrency: 'GBP',
          salaryPeriod: 'hour',
          employmentType: 'temporary',
        },
      },
    ],
    [
      'job-location-array.html',
      {
        locations: ['Berlin, DE', 'Paris, France', 'Amsterdam, NL', 'Hybrid – Lisbon office'],
        posting: {
          location: 'Berlin, DE; Paris, France; Amsterdam, NL; Hybrid – Lisbon office',
          remoteType: 'hybrid',
        },
      },
    ],
    [
      'telecommute.html',
      {
        locations: ['Remote (USA, Canada)'],
        posting: {
          remoteType: 'remote',
          salaryMin: 30,
          salaryMax: 38,
          salaryCurrency: 'USD',
          salaryPeriod: 'hour',
          employmentType: 'contract',
          datePosted: '2025-05-20',
          validThrough: '2025-06-30',
        },
      },
    ],
    [
      'js-comments.html',
      {
        jobTitle: 'Mobile Developer',
        companyName: 'Coho Winery',
        posting: {
          descriptionText: 'Ship the iOS app. URL: https://example.com/a//b',
          employmentType: 'full_time',
        },
      },
    ],
    [
      'control-characters.html',
      {
        jobTitle: 'Copy writer',
        companyName: 'Relecloud',
        posting: { descriptionText: 'Write words.\nEdit words.\n\nShip words.' },
      },
    ],
  ])('reads %s', (name, expected) => {
    const result = extractFixture(name);
    expect(result).toMatchObject({ status: 'complete', source: 'json-ld', postingUrl: pageUrl, ...expected });
    expectStorable(result);
  });

  it('unescapes an HTML-escaped description once and sanitises it', () => {
    const result = extractFixture('escaped-description.html');
    expect(result.jobTitle).toBe('R&D Engineer');
    expect(result.posting.descriptionHtml).toBe(
      '<p>Build &amp; test prototypes.</p><ul><li>Python</li><li>C++</li></ul><p>Apply today.</p>',
    );
    expect(result.posting.descriptionText).toBe(
      'Build & test prototypes.\n\n * Python\n * C++\n\nApply today.',
    );
  });

  it('skips an unparseable block with a warning and uses the valid one after it', () => {
    const result = extractFixture('invalid-block-skipped.html');
    expect(result).toMatchObject({
      status: 'complete',
      jobTitle: 'Registered Nurse',
      companyName: 'Lamna Healthcare',
    });
    expect(result.warnings).toEqual([
      expect.stringMatching(/^JSON-LD block 1 was skipped: it is not valid JSON/),
    ]);
  });

  it('reads the apply link from a potentialAction and resolves it against the page', () => {
    const result = extractPosting(
      jsonLdPage({
        '@context': 'https://schema.org',
        '@type': 'JobPosting',
        title: 'Chef',
        hiringOrganization: 'Fourth Coffee',
        potentialAction: {
          '@type': 'ApplyAction',
          target: { '@type': 'EntryPoint', urlTemplate: '/apply/9' },
        },
      }),
      { url: pageUrl },
    );
    expect(result.applyUrl).toBe('https://careers.example.com/apply/9');
  });

  it('uses the posting whose url is the page when a page lists several, and says so', () => {
    const other = { '@type': 'JobPosting', title: 'Other job', url: 'https://careers.example.com/jobs/2' };
    const mine = { '@type': 'JobPosting', title: 'This job', url: `${pageUrl}/`, hiringOrganization: 'Acme' };
    const result = extractPosting(jsonLdPage([other, mine]), { url: pageUrl });
    expect(result.jobTitle).toBe('This job');
    expect(result.warnings).toContain('The page describes 2 job postings; the first was used.');
  });

  it('leaves out dates that do not exist, with a warning', () => {
    const result = extractPosting(
      jsonLdPage({
        '@type': 'JobPosting',
        title: 'T',
        description: 'D',
        hiringOrganization: 'A',
        datePosted: '2025-02-30',
        validThrough: 'soon',
      }),
      { url: pageUrl },
    );
    expect(result.posting).toMatchObject({ datePosted: null, validThrough: null });
    expect(result.warnings).toEqual([
      'The date posted "2025-02-30" is not a date and was left out.',
      'The closing date "soon" is not a date and was left out.',
    ]);
  });

  it('swaps a salary minimum above the maximum and drops a currency that is not ISO 4217', () => {
    const result = extractPosting(
      jsonLdPage({
        '@type': 'JobPosting',
        title: 'T',
        description: 'D',
        hiringOrganization: 'A',
        baseSalary: {
          '@type': 'MonetaryAmount',
          currency: 'Dollars',
          value: { minValue: 90, maxValue: 70, unitText: 'DAY' },
        },
      }),
      { url: pageUrl },
    );
    expect(result.posting).toMatchObject({
      salaryMin: 70,
      salaryMax: 90,
      salaryCurrency: null,
      salaryPeriod: 'day',
    });
    expect(result.warnings).toEqual([
      'The salary minimum was above the maximum; the two were swapped.',
      'The salary currency "Dollars" is not an ISO 4217 code.',
    ]);
  });

  it('cleans a title of NUL characters and shortens it to the schema limit', () => {
    const result = extractPosting(
      jsonLdPage({
        '@type': 'JobPosting',
        title: `Eng\u0000ineer ${'x'.repeat(600)}`,
        hiringOrganization: 'A',
      }),
      { url: pageUrl },
    );
    expect(result.jobTitle).toHaveLength(500);
    expect(result.jobTitle?.startsWith('Engineer x')).toBe(true);
    expect(result.warnings).toContain('The job title was longer than 500 characters and was shortened.');
    expectStorable(result);
  });

  it('does not take a job board for the employer when the posting names none', () => {
    const result = extractPosting(
      `<html><head><meta property="og:site_name" content="LinkedIn">${jsonLdPage({ '@type': 'JobPosting', title: 'Nurse' })}`,
      { url: 'https://www.linkedin.com/jobs/view/123' },
    );
    expect(result).toMatchObject({ status: 'partial', companyName: null, jobTitle: 'Nurse' });
    expect(result.warnings).toContain('No company name found; please add one.');
  });

  it('takes the page text when the structured posting has no description', () => {
    const page = jsonLdPage({ '@type': 'JobPosting', title: 'Welder', hiringOrganization: 'Acme' }).replace(
      '<p>Body text.</p>',
      `<article><p>${'Weld steel frames for bridges and towers. '.repeat(20)}</p></article>`,
    );
    const result = extractPosting(page, { url: pageUrl });
    expect(result.posting.descriptionText).toContain('Weld steel frames for bridges');
    expect(result.warnings).toContain(
      'The structured posting has no description; the page text was used instead.',
    );
  });
});

describe('extractPosting without structured data', () => {
  it('falls back to the readable text and the page title, marked partial', () => {
    const result = extractFixture('no-structured-data.html');
    expect(result).toMatchObject({
      status: 'partial',
      source: 'readability',
      jobTitle: 'Travel Consultant',
      companyName: "Margie's Travel",
      postingUrl: pageUrl,
    });
    expect(result.posting.descriptionText).toContain('Two study trips a year');
    expect(result.posting.descriptionHtml).not.toMatch(/<img|onerror|window\.tracking|<nav|font-family/);
    expect(result.warnings[0]).toBe(
      'The page has no structured job posting; the title and description were read from the page text.',
    );
    expectStorable(result);
  });

  it('reads pasted plain text, taking the first line as a title hint', () => {
    const result = extractPosting('Senior Gardener\n\nLook after our gardens.\nFull time.', { url: null });
    expect(result).toMatchObject({
      status: 'partial',
      source: 'readability',
      jobTitle: 'Senior Gardener',
      companyName: null,
    });
    expect(result.posting.descriptionHtml).toBe(
      '<p>Senior Gardener</p><p>Look after our gardens.<br />Full time.</p>',
    );
  });

  it('drops a "Job Description:" label from a pasted title, and says the title came from the first line', () => {
    const result = extractPosting('Job Description: Senior Gardener\n\nLook after our gardens.', {
      url: null,
    });
    expect(result.jobTitle).toBe('Senior Gardener');
    expect(result.warnings.join(' ')).not.toContain('page title');
    expect(result.warnings).toContain(
      'The job title "Senior Gardener" was taken from the first line of the text; please check it.',
    );
  });

  it('takes the line after a first line that is only a label, such as "Job description"', () => {
    const result = extractPosting('Job description\nSenior Gardener\nLook after our gardens.', { url: null });
    expect(result.jobTitle).toBe('Senior Gardener');
  });

  it('drops such a label from a page title too, and keeps a title that merely starts with a label word', () => {
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><main><p>${'Look after our gardens. '.repeat(20)}</p></main></body></html>`;
    expect(extractPosting(page('Job Title – Senior Gardener'), { url: pageUrl }).jobTitle).toBe(
      'Senior Gardener',
    );
    expect(extractPosting(page('Role Playing Game Designer'), { url: pageUrl }).jobTitle).toBe(
      'Role Playing Game Designer',
    );
  });

  it('guesses the company from a company host, and not from an IP address', () => {
    expect(extractPosting('<p>hi</p>', { url: 'https://careers.acme-labs.co.uk/x' }).companyName).toBe(
      'Acme Labs',
    );
    expect(extractPosting('<p>hi</p>', { url: 'http://10.0.0.1/x' }).companyName).toBeNull();
  });
});

describe('extractPosting with hostile input', () => {
  it('refuses input above the size limit', () => {
    const error = syncError(() => extractPosting(`<p>${'a'.repeat(2_000)}</p>`, { maxChars: 1_000 }));
    expect(error).toBeInstanceOf(PostingImportError);
    expect(error).toMatchObject({ code: 'POSTING_TOO_LARGE', details: { maxChars: 1_000, length: 2_007 } });
  });

  it('refuses binary garbage', () => {
    const bytes = Buffer.from(Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256));
    const error = syncError(() => extractPosting(bytes.toString('latin1')));
    expect(error).toMatchObject({ code: 'POSTING_UNREADABLE' });
  });

  it('skips a 10 MB JSON-LD blob with a warning and keeps the other blocks', () => {
    const blob = `{"@type":"JobPosting","title":"Blob","description":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const page = jsonLdPage(blob, { '@type': 'JobPosting', title: 'Real job', hiringOrganization: 'Acme' });
    const result = extractPosting(page, { maxChars: 12 * 1024 * 1024 });
    expect(result.jobTitle).toBe('Real job');
    expect(result.warnings).toContain('JSON-LD block 1 was skipped: it is larger than 2 MB.');
  });

  it('refuses a 10 MB JSON-LD page at the default size limit', () => {
    const blob = `{"@type":"JobPosting","title":"Blob","description":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    expect(syncError(() => extractPosting(jsonLdPage(blob)))).toMatchObject({ code: 'POSTING_TOO_LARGE' });
  });

  it('skips deeply nested JSON-LD with a warning instead of overflowing the stack', () => {
    const deep = `{"@type":"JobPosting","title":"Deep","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const result = extractPosting(jsonLdPage(deep), { url: pageUrl });
    expect(result.source).toBe('readability');
    expect(result.warnings).toContain('JSON-LD block 1 was skipped: it is nested deeper than 64 levels.');
  });

  it('never throws on arbitrary JSON-LD and always yields a storable posting', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom(
          '@type',
          '@id',
          'name',
          'value',
          'minValue',
          'maxValue',
          'unitText',
          'address',
          'currency',
        ),
        fc.oneof(fc.string(), fc.double(), fc.constant('MonetaryAmount')),
      ),
    );
    const posting = fc.record(
      {
        '@type': fc.constantFrom('JobPosting', 'schema:JobPosting', ['JobPosting', 'Thing']),
        title: value,
        name: value,
        description: value,
        hiringOrganization: value,
        jobLocation: value,
        jobLocationType: value,
        applicantLocationRequirements: value,
        baseSalary: value,
        salaryCurrency: value,
        estimatedSalary: value,
        employmentType: value,
        datePosted: value,
        validThrough: value,
        url: value,
        potentialAction: value,
      },
      { requiredKeys: ['@type'] },
    );
    fc.assert(
      fc.property(posting, (node) => {
        const result = extractPosting(jsonLdPage({ '@context': 'https://schema.org', '@graph': [node] }), {
          url: pageUrl,
        });
        expect(result.source).toBe('json-ld');
        expectStorable(result);
      }),
      { numRuns: 100 },
    );
  });
});

describe.skipIf(!hasCorpora())('extractPosting on the shared corpora', () => {
  const pages = (folder: string) =>
    fs
      .readdirSync(corpusPath(folder))
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, fs.readFileSync(corpusPath(folder, f), 'utf8')] as const);

  it('never crashes on the extruct JSON-LD edge cases and reports the invalid block', () => {
    const results = pages('extruct-jsonld-edge-cases').map(
      ([file, html]) => [file, extractPosting(html, { url: null })] as const,
    );
    expect(results).toHaveLength(4);
    for (const [, result] of results) expectStorable(result);
    const mixed = results.find(([file]) => file === 'JSONLD_valid_and_invalid.html')![1];
    expect(mixed.warnings[0]).toMatch(/^JSON-LD block 1 was skipped: it is not valid JSON/);
  });

  it('never crashes on the schema.org JobPosting examples and reads their titles', () => {
    const results = pages('schemaorg-jobposting-examples').map(
      ([file, html]) => [file, extractPosting(html, { url: null })] as const,
    );
    expect(results.length).toBeGreaterThanOrEqual(12);
    for (const [, result] of results) {
      expect(result.source).toBe('json-ld');
      expect(result.jobTitle).not.toBeNull();
      expectStorable(result);
    }
  });

  it('reads the full schema.org example eg-0028 field by field', () => {
    const html = fs.readFileSync(corpusPath('schemaorg-jobposting-examples', 'eg-0028.jsonld.html'), 'utf8');
    const result = extractPosting(html, { url: null });
    expect(result).toMatchObject({
      jobTitle: 'Software Engineer',
      companyName: null,
      status: 'partial',
      locations: ['Kirkland, WA'],
      posting: {
        salaryMin: 100000,
        salaryMax: 100000,
        salaryCurrency: 'USD',
        employmentType: 'full_time',
        datePosted: '2011-10-31',
        descriptionText: expect.stringContaining(
          'ABC Company Inc. seeks a full-time mid-level software engineer',
        ),
      },
    });
  });

  it('reads an Organization referenced by @id in eg-0281', () => {
    const html = fs.readFileSync(corpusPath('schemaorg-jobposting-examples', 'eg-0281.jsonld.html'), 'utf8');
    expect(extractPosting(html, { url: null })).toMatchObject({
      status: 'complete',
      jobTitle: 'Junior software developer',
      companyName: 'ACME Corp.',
    });
  });
});

if (!hasCorpora()) console.warn(corporaSkipMessage);
