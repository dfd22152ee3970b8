import { describe, expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { createApplication } from '../services/applications.js';
import { createResponseCache } from './response-cache.js';

describe('response cache', () => {
  it('drops the least recently used entries past its limits', () => {
    const cache = createResponseCache({ maxEntries: 2, maxBytes: 1_000 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
    cache.set('big', 'x'.repeat(600));
    expect(cache.get('big')).toBeUndefined();
  });
});

describeEachDialect('cached list answers', (ctx) => {
  it('never serve a list older than a write, even one made by another process', async () => {
    await addApplication(ctx.app, { jobTitle: 'First' });
    const titles = async () =>
      (await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items.map(
        (a: { jobTitle: string }) => a.jobTitle,
      );
    expect(await titles()).toEqual(['First']);
    expect(await titles()).toEqual(['First']);
    // Written through the services directly, as a second server sharing the database would.
    await createApplication(ctx.deps, { companyName: 'Globex', jobTitle: 'Second' });
    expect(await titles()).toEqual(['Second', 'First']);
  });

  it('recompute time-relative lists when the minute changes', async () => {
    const application = await addApplication(ctx.app);
    await call(
      ctx.app,
      'POST',
      '/api/follow-ups',
      { applicationId: application.id, dueAt: '2026-03-03T09:00:00Z' },
      201,
    );
    const dueToday = async () =>
      (await call(ctx.app, 'GET', '/api/follow-ups?due=today', undefined, 200)).length;
    expect(await dueToday()).toBe(0);
    ctx.runtime.clock.set('2026-03-03T08:00:00.000Z');
    expect(await dueToday()).toBe(1);
  });

  it('keep the board cards, which say nothing relative to now, across minutes until the data changes', async () => {
    const application = await addApplication(ctx.app, { jobTitle: 'Before' });
    const cardTitles = async () =>
      (await call(ctx.app, 'GET', '/api/applications/cards', undefined, 200)).items.map(
        (a: { jobTitle: string }) => a.jobTitle,
      );
    expect(await cardTitles()).toEqual(['Before']);
    // Changed behind the services' back (no new data version), then a minute later: still the kept answer.
    await ctx.deps.db
      .updateTable('applications')
      .set({ job_title: 'Behind its back' })
      .where('id', '=', application.id)
      .execute();
    ctx.runtime.clock.set(new Date(ctx.runtime.clock.now().getTime() + 120_000).toISOString());
    expect(await cardTitles()).toEqual(['Before']);
    // A write through the services bumps the data version: the next answer is computed afresh.
    await createApplication(ctx.deps, { companyName: 'Globex', jobTitle: 'Second' });
    expect(await cardTitles()).toEqual(['Second', 'Behind its back']);
  });

  it('keep the insights until the data changes, computed again each minute unless asked as of a given date', async () => {
    await addApplication(ctx.app, { jobTitle: 'First' });
    const count = async (query = '') =>
      (await call(ctx.app, 'GET', `/api/insights${query}`, undefined, 200)).applications;
    const asOf = async () => (await call(ctx.app, 'GET', '/api/insights', undefined, 200)).period.asOf;
    expect(await count()).toBe(1);
    // A write through the services shows at once.
    const application = await addApplication(ctx.app, { jobTitle: 'Second' });
    expect(await count()).toBe(2);
    const firstAsOf = await asOf();
    const asOfDate = `?asOf=${firstAsOf.slice(0, 10)}`;
    expect(await count(asOfDate)).toBe(2);
    // Removed behind the services' back (no new data version): the kept answers stand within the minute.
    await ctx.deps.db.deleteFrom('events').where('application_id', '=', application.id).execute();
    await ctx.deps.db.deleteFrom('follow_ups').where('application_id', '=', application.id).execute();
    await ctx.deps.db.deleteFrom('applications').where('id', '=', application.id).execute();
    expect(await count()).toBe(2);
    // A minute later, insights as of now are computed afresh (days waiting move with the clock); those as of
    // a given date are not, for nothing in them depends on the clock.
    ctx.runtime.clock.set(new Date(ctx.runtime.clock.now().getTime() + 120_000).toISOString());
    expect(await count()).toBe(1);
    expect(await asOf()).not.toBe(firstAsOf);
    expect(await count(asOfDate)).toBe(2);
  });
});
