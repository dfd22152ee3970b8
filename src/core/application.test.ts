import { describe, expect, it } from 'vitest';
import { applicationCreateSchema, normalizePostingUrl } from './application.js';

describe('normalizePostingUrl', () => {
  it('treats the same posting with tracking parameters, www, fragments and slashes as one', () => {
    const key = normalizePostingUrl('https://acme.example/jobs/42');
    for (const variant of [
      'https://www.acme.example/jobs/42/',
      'http://ACME.example/jobs/42#apply',
      'https://acme.example:443/jobs/42?utm_source=linkedin&utm_medium=social',
      'https://acme.example/jobs/42?gh_src=abc',
    ]) {
      expect(normalizePostingUrl(variant)).toBe(key);
    }
  });

  it('keeps parameters that identify the posting, in a stable order', () => {
    expect(normalizePostingUrl('https://x.example/apply?jobId=7&lang=en')).toBe(
      normalizePostingUrl('https://x.example/apply?lang=en&jobId=7'),
    );
    expect(normalizePostingUrl('https://x.example/apply?jobId=7')).not.toBe(
      normalizePostingUrl('https://x.example/apply?jobId=8'),
    );
  });
});

describe('applicationCreateSchema', () => {
  it('needs exactly one of companyId and companyName', () => {
    const both = applicationCreateSchema.safeParse({ companyId: 'a', companyName: 'b', jobTitle: 't' });
    const neither = applicationCreateSchema.safeParse({ jobTitle: 't' });
    expect(both.success).toBe(false);
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.path).toEqual(['companyId']);
  });

  it('keeps text exactly as typed, spaces included', () => {
    const parsed = applicationCreateSchema.parse({ companyName: ' Acme ', jobTitle: '  Lead\tEngineer ' });
    expect(parsed.jobTitle).toBe('  Lead\tEngineer ');
  });

  it('refuses NUL characters and lone surrogates, naming the field', () => {
    for (const jobTitle of ['a\u0000b', 'x\uD800y']) {
      const result = applicationCreateSchema.safeParse({ companyName: 'Acme', jobTitle });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['jobTitle']);
    }
  });

  it('refuses a salary range that runs backwards', () => {
    const result = applicationCreateSchema.safeParse({
      companyName: 'Acme',
      jobTitle: 'Engineer',
      posting: { salaryMin: 100, salaryMax: 50 },
    });
    expect(result.error?.issues[0]?.path).toEqual(['posting', 'salaryMax']);
  });
});
