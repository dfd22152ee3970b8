import { expect, it } from 'vitest';
import { addApplication } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

const parallel = 8;

/** An invitation at 09:00 UTC on the given day, with one attendee nobody has on file yet. */
function invitation(day: number): string {
  const date = `202604${String(day).padStart(2, '0')}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:race-${day}@example.test`,
    `DTSTAMP:${date}T080000Z`,
    `DTSTART:${date}T090000Z`,
    `DTEND:${date}T100000Z`,
    'SUMMARY:Technical interview',
    'ORGANIZER;CN=Rita Recruiter:mailto:rita@northwind.example',
    'ATTENDEE;CN=Ian Interviewer;ROLE=REQ-PARTICIPANT:mailto:ian@northwind.example',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/**
 * Requests sent at once: on PostgreSQL each runs in its own transaction on its own connection, so a
 * get-or-create that selects and then inserts lets several of them insert the same row.
 */
describeEachDialect('concurrent creates naming the same new thing', (ctx) => {
  it('creates applications naming one new company: all succeed, one company', async () => {
    const responses = await Promise.all(
      Array.from({ length: parallel }, (_, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/applications',
          payload: { companyName: 'Brand New Co', jobTitle: `Engineer ${i}`, tags: ['fresh-tag'] },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(201));
    const companyIds = new Set(responses.map((r) => r.json().company.id));
    expect(companyIds.size).toBe(1);
    const companies = await ctx.app.inject({ url: '/api/companies' });
    expect(companies.json().map((c: { name: string }) => c.name)).toEqual(['Brand New Co']);
    const tagged = await ctx.app.inject({ url: '/api/applications?tag=fresh-tag' });
    expect(tagged.json().items ?? tagged.json()).toHaveLength(parallel);
  });

  it('creates one company from concurrent creates of the same name, refusing the rest as duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: parallel }, () =>
        ctx.app.inject({ method: 'POST', url: '/api/companies', payload: { name: 'Same Name' } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(parallel - 1).fill(409)]);
    for (const r of responses.filter((r) => r.statusCode === 409)) {
      expect(r.json().error.code).toBe('DUPLICATE_COMPANY');
    }
    expect((await ctx.app.inject({ url: '/api/companies' })).json()).toHaveLength(1);
  });

  it('adds one application from concurrent creates of the same posting, refusing the rest as duplicates', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/companies', payload: { name: 'Acme' } });
    const responses = await Promise.all(
      Array.from({ length: parallel }, () =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/applications',
          payload: { companyName: 'Acme', jobTitle: 'Engineer', postingUrl: 'https://jobs.example/1' },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(parallel - 1).fill(409)]);
    const list = (await ctx.app.inject({ url: '/api/applications' })).json();
    expect(list.items ?? list).toHaveLength(1);
  });

  it('adds the same new tag to one application from concurrent updates: all succeed, one tag', async () => {
    const application = await addApplication(ctx.app);
    const responses = await Promise.all(
      Array.from({ length: parallel }, () =>
        ctx.app.inject({
          method: 'PATCH',
          url: `/api/applications/${application.id}`,
          payload: { tags: ['new-tag'] },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(200));
    const read = await ctx.app.inject({ url: `/api/applications/${application.id}` });
    expect(read.json().tags).toEqual(['new-tag']);
  });

  it('imports invitations naming the same new person: all succeed, one contact', async () => {
    const application = await addApplication(ctx.app, { companyName: 'Northwind' });
    const responses = await Promise.all(
      Array.from({ length: parallel }, (_, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/interviews/import-ics',
          payload: { ics: invitation(i + 1), applicationId: application.id },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(201));
    const contacts = (await ctx.app.inject({ url: '/api/contacts' })).json();
    expect(contacts.map((c: { email: string }) => c.email).sort()).toEqual([
      'ian@northwind.example',
      'rita@northwind.example',
    ]);
    const interviews = (
      await ctx.app.inject({ url: `/api/interviews?applicationId=${application.id}` })
    ).json();
    expect(interviews).toHaveLength(parallel);
  });

  it('imports the same invitation concurrently once', async () => {
    const application = await addApplication(ctx.app, { companyName: 'Northwind' });
    const responses = await Promise.all(
      Array.from({ length: parallel }, () =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/interviews/import-ics',
          payload: { ics: invitation(1), applicationId: application.id },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(201));
    expect(responses.filter((r) => r.json().created)).toHaveLength(1);
    const interviews = (
      await ctx.app.inject({ url: `/api/interviews?applicationId=${application.id}` })
    ).json();
    expect(interviews).toHaveLength(1);
  });
});
