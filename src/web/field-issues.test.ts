import { describe, expect, it } from 'vitest';
import { applicationCreateSchema } from '../core/application.js';
import { issuesOutside, messagesFor, validateWith } from './field-issues.js';

describe('field issues', () => {
  it('names each refused field with its dotted path, as the server does', () => {
    const issues = validateWith(applicationCreateSchema, {
      companyName: 'Acme',
      jobTitle: '   ',
      postingUrl: 'javascript:alert(1)',
      posting: { salaryMin: 10, salaryMax: 5 },
    });
    expect(messagesFor(issues, 'jobTitle')).toEqual(['must not be blank']);
    expect(messagesFor(issues, 'postingUrl')).toEqual(['must be an http or https URL']);
    expect(messagesFor(issues, 'posting.salaryMax')).toEqual(['must not be below salaryMin']);
    expect(messagesFor(issues, 'posting')).toEqual(['must not be below salaryMin']);
  });

  it('says a missing field is required and an unknown field is not known', () => {
    const issues = validateWith(applicationCreateSchema, { companyName: 'Acme', surprise: 1 });
    expect(issues).toContainEqual({ field: 'jobTitle', message: 'is required' });
    expect(issues).toContainEqual({ field: 'surprise', message: 'is not a known field' });
  });

  it('finds nothing wrong with a valid body', () => {
    expect(validateWith(applicationCreateSchema, { companyName: 'Acme', jobTitle: 'Engineer' })).toEqual([]);
  });

  it('keeps issues about fields the form does not show for the summary', () => {
    const issues = [
      { field: 'jobTitle', message: 'x' },
      { field: 'posting.location', message: 'y' },
      { field: 'body', message: 'z' },
    ];
    expect(issuesOutside(issues, ['jobTitle', 'posting'])).toEqual([{ field: 'body', message: 'z' }]);
  });
});
