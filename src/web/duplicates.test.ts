import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { readDuplicates, readPastedPosting } from './duplicates.js';

describe('duplicates', () => {
  it('lists the applications a duplicate error names', () => {
    const error = new ApiError('DUPLICATE_APPLICATION', 'dup', 409, {
      existingId: 'a1',
      duplicates: [
        { id: 'a1', jobTitle: 'Engineer', companyName: 'Acme', reason: 'posting_url' },
        { id: 'a2', jobTitle: 'Engineer', companyName: 'Acme', reason: 'company_and_title' },
      ],
    });
    expect(readDuplicates(error)).toEqual([
      { id: 'a1', jobTitle: 'Engineer', companyName: 'Acme', reason: 'posting_url' },
      { id: 'a2', jobTitle: 'Engineer', companyName: 'Acme', reason: 'company_and_title' },
    ]);
  });

  it('finds no duplicates in any other error', () => {
    const duplicates = [
      { id: 'a1', jobTitle: 'Engineer', companyName: 'Acme', reason: 'posting_url' as const },
    ];
    expect(readDuplicates(new ApiError('VALIDATION_FAILED', 'x', 400, { duplicates }))).toEqual([]);
  });

  it('keeps a pasted link as the posting URL and anything else as the posting text', () => {
    expect(readPastedPosting('  https://jobs.example/123?utm_source=x  ')).toEqual({
      postingUrl: 'https://jobs.example/123?utm_source=x',
    });
    expect(readPastedPosting('Senior Engineer\nWe are hiring')).toEqual({
      descriptionText: 'Senior Engineer\nWe are hiring',
    });
    expect(readPastedPosting('javascript:alert(1)')).toEqual({ descriptionText: 'javascript:alert(1)' });
    expect(readPastedPosting('   ')).toBeNull();
  });
});
