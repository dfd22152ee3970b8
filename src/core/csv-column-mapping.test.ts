import { describe, expect, it } from 'vitest';
import { columnOf, headerAliases, mapCsvColumns, normalizeHeader } from './csv-column-mapping.js';
import { csvFields } from './csv-import.js';
import type { AppError } from './errors.js';

describe('headerAliases', () => {
  it('gives every alias to one field only, already normalised', () => {
    const owners = new Map<string, string>();
    for (const field of csvFields) {
      for (const alias of headerAliases[field]) {
        expect([alias, owners.get(alias)]).toEqual([alias, undefined]);
        expect(normalizeHeader(alias)).toBe(alias);
        owners.set(alias, field);
      }
    }
  });
});

describe('normalizeHeader', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeader('  Job Title: ')).toBe('jobtitle');
    expect(normalizeHeader('job_title')).toBe('jobtitle');
    expect(normalizeHeader('JobTitle')).toBe('jobtitle');
    expect(normalizeHeader('Min. Salary')).toBe('minsalary');
    expect(normalizeHeader('Dátum')).toBe('datum');
  });
});

describe('mapCsvColumns', () => {
  it('maps odd spellings of the usual headers and keeps unknown columns as notes', () => {
    const mapping = mapCsvColumns(
      ['COMPANY NAME', 'Position*', 'date-applied', 'Job_URL', 'Stage ', 'Recruiter', 'ID'],
      {},
    );
    expect(mapping).toEqual({
      'COMPANY NAME': 'companyName',
      'Position*': 'jobTitle',
      'date-applied': 'appliedAt',
      Job_URL: 'postingUrl',
      'Stage ': 'status',
      Recruiter: 'note',
      ID: 'ignore',
    });
  });

  it('gives a field to the column with the best alias and keeps the others as notes', () => {
    const mapping = mapCsvColumns(['channel', 'source', 'role_normalized', 'role_raw'], {});
    expect(mapping).toEqual({
      channel: 'note',
      source: 'source',
      role_normalized: 'note',
      role_raw: 'jobTitle',
    });
  });

  it('lets several columns add tags and notes', () => {
    const mapping = mapCsvColumns(['Tags', 'Labels', 'Notes', 'Comments'], {});
    expect(mapping).toEqual({ Tags: 'tags', Labels: 'tags', Notes: 'notes', Comments: 'notes' });
  });

  it('applies a format columns before the aliases', () => {
    const mapping = mapCsvColumns(['applied', 'appliedDate', 'createdAt'], {
      applied: 'ignore',
      createdat: 'savedAt',
    });
    expect(mapping).toEqual({ applied: 'ignore', appliedDate: 'appliedAt', createdAt: 'savedAt' });
  });

  it('applies the user mapping first and moves the automatic choice out of the way', () => {
    const mapping = mapCsvColumns(
      ['Company', 'Client', 'Notes'],
      {},
      { Client: 'companyName', Notes: 'ignore' },
    );
    expect(mapping).toEqual({ Company: 'note', Client: 'companyName', Notes: 'ignore' });
    expect(columnOf(mapping, 'companyName')).toBe('Client');
  });

  it('refuses a user mapping that names a missing column, an unknown field or one field twice', () => {
    const fails = (override: Record<string, string>) => {
      try {
        mapCsvColumns(['Company', 'Client'], {}, override);
      } catch (error) {
        return error as AppError;
      }
      throw new Error('expected a failure');
    };
    expect(fails({ Employer: 'companyName' }).message).toBe(
      'mapping.Employer: the file has no column "Employer" (columns: Company, Client)',
    );
    expect(fails({ Client: 'salaryBand' }).message).toContain(
      'mapping.Client: "salaryBand" is not something a column can fill',
    );
    expect(fails({ Company: 'companyName', Client: 'companyName' }).message).toBe(
      'mapping.Client: "Company" already fills companyName; map only one column to it',
    );
    expect(fails({ Employer: 'companyName' }).code).toBe('VALIDATION_FAILED');
  });
});
