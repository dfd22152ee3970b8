import { describe, expect, it } from 'vitest';
import type { PageCapture } from './page-capture.js';
import { formatSalary, parseSalary, readPosting } from './read-posting.js';

const blank: PageCapture = {
  url: 'https://careers.acme-labs.com/jobs/7',
  title: 'Careers',
  documentTitle: 'Careers',
  siteName: null,
  jsonLd: [],
  structure: null,
  text: '',
};

describe('reading a captured page', () => {
  it('reads JSON-LD first, with the server’s rules for organisation, place and salary', () => {
    const posting = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@id': '#org', '@type': 'Organization', name: 'Acme &amp; Sons' },
        {
          '@type': 'JobPosting',
          title: 'Site Reliability Engineer',
          hiringOrganization: { '@id': '#org' },
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: { '@type': 'Country', name: 'Germany' },
          baseSalary: {
            currency: 'EUR',
            value: { minValue: '70,000', maxValue: '90,000', unitText: 'YEAR' },
          },
        },
      ],
    };
    const draft = readPosting({
      ...blank,
      jsonLd: ['not json at all', JSON.stringify(posting)],
      structure: {
        site: 'Greenhouse',
        jobTitle: 'x',
        companyName: 'y',
        location: 'z',
        descriptionHtml: null,
      },
    });
    expect(draft).toMatchObject({
      companyName: 'Acme & Sons',
      jobTitle: 'Site Reliability Engineer',
      location: 'Remote (Germany)',
      salary: 'EUR 70000–90000 per year',
      extra: { remoteType: 'remote' },
    });
    expect(draft.readFrom).toContain('JSON-LD');
  });

  it('falls back to the page structure: the company from "at Acme", or from a Lever title', () => {
    const greenhouse = readPosting({
      ...blank,
      structure: {
        site: 'Greenhouse',
        jobTitle: 'Backend Developer',
        companyName: 'at Greenleaf',
        location: 'Remote',
        descriptionHtml: null,
      },
    });
    expect([greenhouse.companyName, greenhouse.jobTitle, greenhouse.location]).toEqual([
      'Greenleaf',
      'Backend Developer',
      'Remote',
    ]);
    const lever = readPosting({
      ...blank,
      url: 'https://jobs.lever.co/leverton/123',
      documentTitle: 'Leverton - Data Analyst',
      structure: {
        site: 'Lever',
        jobTitle: 'Data Analyst',
        companyName: null,
        location: null,
        descriptionHtml: null,
      },
    });
    expect(lever.companyName).toBe('Leverton');
  });

  it('falls back to the page text, escaped into paragraphs, naming the company from the host', () => {
    const draft = readPosting({
      ...blank,
      title: 'Office <b>Manager</b>',
      text: 'We bake.\n\n<script>x</script>',
    });
    expect(draft).toMatchObject({
      companyName: 'Acme Labs',
      jobTitle: 'Office Manager',
      descriptionHtml: '<p>We bake.</p><p>&lt;script&gt;x&lt;/script&gt;</p>',
    });
    expect(draft.readFrom).toContain('no posting structure');
  });
});

describe('the salary field', () => {
  it('reads ranges, single amounts, symbols and periods as typed', () => {
    expect(parseSalary('EUR 70000–90000 per year')).toEqual({
      salaryMin: 70000,
      salaryMax: 90000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
    });
    expect(parseSalary('$120k - $150k')).toEqual({
      salaryMin: 120000,
      salaryMax: 150000,
      salaryCurrency: 'USD',
    });
    expect(parseSalary('45 €/hour')).toMatchObject({ salaryMin: 45, salaryMax: 45, salaryPeriod: 'hour' });
    expect(parseSalary('competitive')).toEqual({});
  });

  it('writes what it reads back the same', () => {
    const text = formatSalary({ min: 50000, max: 60000, currency: 'GBP', period: 'year' });
    expect(text).toBe('GBP 50000–60000 per year');
    expect(parseSalary(text)).toEqual({
      salaryMin: 50000,
      salaryMax: 60000,
      salaryCurrency: 'GBP',
      salaryPeriod: 'year',
    });
  });
});
