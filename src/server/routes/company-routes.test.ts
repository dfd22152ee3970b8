import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

describeEachDialect('companies API', (ctx) => {
  it('creates, reads, renames, lists by search and deletes a company', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { name: 'Émile & Co', website: 'https://emile.example' },
    });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({ name: 'Émile & Co', website: 'https://emile.example', notes: '' });

    const renamed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/companies/${company.id}`,
      payload: { name: 'Émile Group', notes: 'met at a fair' },
    });
    expect(renamed.json()).toMatchObject({ id: company.id, name: 'Émile Group', notes: 'met at a fair' });

    await ctx.app.inject({ method: 'POST', url: '/api/companies', payload: { name: 'Acme' } });
    const search = await ctx.app.inject({ url: '/api/companies?q=%C3%A9mile' });
    expect(search.json().map((c: { name: string }) => c.name)).toEqual(['Émile Group']);

    const all = await ctx.app.inject({ url: '/api/companies' });
    expect(all.json().map((c: { name: string }) => c.name)).toEqual(['Acme', 'Émile Group']);

    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/companies/${company.id}` })).statusCode).toBe(
      204,
    );
    const gone = await ctx.app.inject({ url: `/api/companies/${company.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('COMPANY_NOT_FOUND');
  });

  it('refuses a second company with the same name, ignoring case and spaces', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/companies', payload: { name: 'Acme' } });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { name: ' ACME ' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_COMPANY');
  });

  it('refuses to delete a company that still has applications', async () => {
    const app = await ctx.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { companyName: 'Acme', jobTitle: 'Engineer' },
    });
    const res = await ctx.app.inject({ method: 'DELETE', url: `/api/companies/${app.json().company.id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COMPANY_IN_USE');
  });

  it('keeps a size band and an industry, clears them, and names the field when one is bad', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { name: 'Initech', sizeBand: '10000+', industry: 'Aerospace & Defense' },
    });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({ sizeBand: '10000+', industry: 'Aerospace & Defense' });
    const plain = await ctx.app.inject({ method: 'POST', url: '/api/companies', payload: { name: 'Plain' } });
    expect(plain.json()).toMatchObject({ sizeBand: null, industry: null });

    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/companies/${company.id}`,
      payload: { sizeBand: '1-24' },
    });
    expect(changed.json()).toMatchObject({ sizeBand: '1-24', industry: 'Aerospace & Defense' });
    const cleared = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/companies/${company.id}`,
      payload: { sizeBand: null, industry: null },
    });
    expect(cleared.json()).toMatchObject({ sizeBand: null, industry: null });

    for (const [payload, field] of [
      [{ sizeBand: 'huge' }, 'sizeBand'],
      [{ sizeBand: '1000' }, 'sizeBand'],
      [{ industry: 'x'.repeat(101) }, 'industry'],
    ] as const) {
      const bad = await ctx.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}`, payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0].field).toBe(field);
    }
  });
});
