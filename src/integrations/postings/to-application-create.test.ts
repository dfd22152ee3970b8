import { describe, expect, it } from 'vitest';
import { applicationCreateSchema } from '../../core/application.js';
import { extractPosting } from './extract-posting.js';
import { emptyDraft, finishPosting } from './extracted-posting.js';
import { readFixture } from './fixtures/fixture-server.js';
import { toApplicationCreate } from './to-application-create.js';

describe('toApplicationCreate', () => {
  it('maps an extracted posting to an application the schema accepts', () => {
    const extracted = extractPosting(readFixture('telecommute.html'), {
      url: 'https://proseware.example/jobs/7',
    });
    const create = toApplicationCreate(extracted);
    expect(create).toEqual({
      companyName: 'Proseware',
      jobTitle: 'Support Engineer',
      postingUrl: 'https://proseware.example/jobs/7',
      posting: extracted.posting,
      source: { kind: 'company_site', detail: 'proseware.example' },
    });
    expect(applicationCreateSchema.parse(create)).toMatchObject({
      companyName: 'Proseware',
      jobTitle: 'Support Engineer',
    });
  });

  it('names the ATS for postings read from its API, and the board for job boards', () => {
    const ashby = finishPosting({ ...emptyDraft('ashby'), jobTitle: 'T', companyName: 'C' });
    expect(toApplicationCreate(ashby).source).toEqual({ kind: 'company_site', detail: 'Ashby' });
    const linkedin = extractPosting(readFixture('multiple-blocks.html'), {
      url: 'https://www.linkedin.com/jobs/view/1',
    });
    expect(toApplicationCreate(linkedin).source).toEqual({ kind: 'job_board', detail: 'LinkedIn' });
    const pasted = extractPosting(readFixture('multiple-blocks.html'), { url: null });
    expect(toApplicationCreate(pasted).source).toEqual({ kind: 'other', detail: 'pasted posting' });
  });

  it('leaves a missing title or company for the schema to refuse by name', () => {
    const extracted = finishPosting(emptyDraft('readability'));
    const result = applicationCreateSchema.safeParse(toApplicationCreate(extracted));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['companyName', 'must not be blank'],
      ['jobTitle', 'must not be blank'],
    ]);
  });
});
