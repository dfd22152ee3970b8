import { describe, expect, it } from 'vitest';
import { atsApiUrl, recognizeAtsUrl } from './ats-reference.js';

describe('recognizeAtsUrl', () => {
  it.each([
    [
      'https://boards.greenhouse.io/woodgrove/jobs/4012345',
      { vendor: 'greenhouse', board: 'woodgrove', jobId: '4012345', region: 'global' },
    ],
    [
      'https://job-boards.greenhouse.io/woodgrove/jobs/4012345?gh_src=abc',
      { vendor: 'greenhouse', board: 'woodgrove', jobId: '4012345', region: 'global' },
    ],
    [
      'https://job-boards.eu.greenhouse.io/finnapp/jobs/77',
      { vendor: 'greenhouse', board: 'finnapp', jobId: '77', region: 'eu' },
    ],
    [
      'https://boards.greenhouse.io/embed/job_app?for=woodgrove&token=4012345',
      { vendor: 'greenhouse', board: 'woodgrove', jobId: '4012345', region: 'global' },
    ],
    [
      'https://jobs.lever.co/fourthcoffee/5AC21346-8E0C-4494-8E7A-3EB92FF77902/apply',
      {
        vendor: 'lever',
        board: 'fourthcoffee',
        jobId: '5ac21346-8e0c-4494-8e7a-3eb92ff77902',
        region: 'global',
      },
    ],
    [
      'https://jobs.eu.lever.co/fourthcoffee/5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      { vendor: 'lever', board: 'fourthcoffee', jobId: '5ac21346-8e0c-4494-8e7a-3eb92ff77902', region: 'eu' },
    ],
    [
      'https://jobs.ashbyhq.com/kovo/691c4294-855e-4ab9-b6d9-8d70c6e09866',
      { vendor: 'ashby', board: 'kovo', jobId: '691c4294-855e-4ab9-b6d9-8d70c6e09866', region: 'global' },
    ],
    [
      'https://jobs.ashbyhq.com/Open%20Board/691c4294-855e-4ab9-b6d9-8d70c6e09866/application?utm_source=x',
      {
        vendor: 'ashby',
        board: 'Open Board',
        jobId: '691c4294-855e-4ab9-b6d9-8d70c6e09866',
        region: 'global',
      },
    ],
  ])('recognises %s', (url, expected) => {
    expect(recognizeAtsUrl(url)).toEqual(expected);
  });

  it.each([
    'https://boards.greenhouse.io/woodgrove',
    'https://boards.greenhouse.io/woodgrove/jobs/not-a-number',
    'https://jobs.lever.co/fourthcoffee',
    'https://jobs.lever.co/fourthcoffee/not-a-uuid',
    'https://jobs.ashbyhq.com/kovo',
    'https://evil.example/jobs.ashbyhq.com/kovo/691c4294-855e-4ab9-b6d9-8d70c6e09866',
    'https://jobs.ashbyhq.com.evil.example/kovo/691c4294-855e-4ab9-b6d9-8d70c6e09866',
    'https://careers.example.com/jobs/1?gh_jid=4012345',
    'ftp://boards.greenhouse.io/woodgrove/jobs/1',
    'not a url',
  ])('does not take %s for an ATS posting', (url) => {
    expect(recognizeAtsUrl(url)).toBeNull();
  });
});

describe('atsApiUrl', () => {
  it('builds the documented public endpoints, per region', () => {
    expect(atsApiUrl({ vendor: 'greenhouse', board: 'woodgrove', jobId: '1', region: 'global' })).toBe(
      'https://boards-api.greenhouse.io/v1/boards/woodgrove/jobs/1?pay_transparency=true',
    );
    expect(atsApiUrl({ vendor: 'greenhouse', board: 'finnapp', jobId: '1', region: 'eu' })).toBe(
      'https://boards-api.eu.greenhouse.io/v1/boards/finnapp/jobs/1?pay_transparency=true',
    );
    expect(atsApiUrl({ vendor: 'lever', board: 'fc', jobId: 'abc', region: 'eu' })).toBe(
      'https://api.eu.lever.co/v0/postings/fc/abc?mode=json',
    );
    expect(atsApiUrl({ vendor: 'ashby', board: 'Open Board', jobId: 'abc', region: 'global' })).toBe(
      'https://api.ashbyhq.com/posting-api/job-board/Open%20Board?includeCompensation=true',
    );
  });

  it('uses an injected base when given', () => {
    expect(
      atsApiUrl(
        { vendor: 'lever', board: 'fc', jobId: 'abc', region: 'global' },
        { lever: 'http://127.0.0.1:9/lever/' },
      ),
    ).toBe('http://127.0.0.1:9/lever/v0/postings/fc/abc?mode=json');
  });
});
