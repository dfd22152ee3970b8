import { expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

type Place = { code: string; name: string; regions: { code: string; name: string }[] };

describeEachDialect('settings: places and the first-run set-up', (ctx) => {
  it('lists only countries whose holidays hearback knows, with their real regions', async () => {
    const { countries } = (await call(ctx.app, 'GET', '/api/places', undefined, 200)) as {
      countries: Place[];
    };
    const codes = countries.map((c) => c.code);
    expect(codes).toContain('DE');
    expect(codes).toContain('GB');
    for (const fake of ['DD', 'UK', 'XA', 'ZZ', 'AQ']) expect(codes).not.toContain(fake);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    const germany = countries.find((c) => c.code === 'DE');
    expect(germany?.name).toBe('Germany');
    expect(germany?.regions).toContainEqual({ code: 'BE', name: 'Berlin' });
    expect(germany?.regions).toHaveLength(16);
    expect(countries.find((c) => c.code === 'GB')?.regions.map((r) => r.code)).toContain('ENG');
  });

  it('accepts every place it lists', async () => {
    const { countries } = (await call(ctx.app, 'GET', '/api/places', undefined, 200)) as {
      countries: Place[];
    };
    const samples = countries.filter((c) => ['DE', 'GB'].includes(c.code));
    for (const country of samples) {
      for (const region of country.regions) {
        const saved = await call(
          ctx.app,
          'PATCH',
          '/api/settings',
          { country: country.code, region: region.code },
          200,
        );
        expect(saved).toMatchObject({ country: country.code, region: region.code });
      }
    }
  });

  it('answers 400 naming the field for an unknown country or region, wherever it comes in', async () => {
    await call(ctx.app, 'PATCH', '/api/settings', { country: 'DE', region: 'BE' }, 200);
    const fieldsOf = async (body: object) => {
      const answer = await call(ctx.app, 'PATCH', '/api/settings', body, 400);
      return answer.error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await fieldsOf({ region: 'XX' })).toEqual(['region']);
    expect(await fieldsOf({ country: 'DE', region: 'XX' })).toEqual(['region']);
    expect(await fieldsOf({ country: 'UK' })).toEqual(['country']);
    expect(await fieldsOf({ country: 'DD' })).toEqual(['country']);
    expect(await fieldsOf({ country: 'XA', region: 'BE' })).toEqual(['country']);
    expect(await call(ctx.app, 'GET', '/api/settings', undefined, 200)).toMatchObject({
      country: 'DE',
      region: 'BE',
    });
  });

  it('offers the set-up until the settings are first saved, even with nothing changed (a skip)', async () => {
    const fresh = await call(ctx.app, 'GET', '/api/settings', undefined, 200);
    expect(fresh.setUpAt).toBeNull();
    const skipped = await call(ctx.app, 'PATCH', '/api/settings', {}, 200);
    expect(skipped.setUpAt).toBe(ctx.runtime.clock.now().toISOString());
    expect(skipped).toMatchObject({ timeZone: fresh.timeZone, country: fresh.country });
    ctx.runtime.clock.set('2026-03-05T09:00:00.000Z');
    const later = await call(ctx.app, 'PATCH', '/api/settings', { name: 'Robin' }, 200);
    expect(later.setUpAt).toBe(skipped.setUpAt);
    expect(await call(ctx.app, 'GET', '/api/settings', undefined, 200)).toMatchObject({
      setUpAt: skipped.setUpAt,
      updatedAt: '2026-03-05T09:00:00.000Z',
    });
  });

  it('keeps the weekly goal, each part on its own, and names a bad part in a 400', async () => {
    const fresh = await call(ctx.app, 'GET', '/api/settings', undefined, 200);
    expect(fresh.weeklyGoal).toEqual({ applications: null, interviews: null, followUps: null });
    await call(ctx.app, 'PATCH', '/api/settings', { weeklyGoal: { applications: 5, interviews: 1 } }, 200);
    const saved = await call(ctx.app, 'PATCH', '/api/settings', { weeklyGoal: { followUps: 4 } }, 200);
    expect(saved.weeklyGoal).toEqual({ applications: 5, interviews: 1, followUps: 4 });
    const cleared = await call(ctx.app, 'PATCH', '/api/settings', { weeklyGoal: { interviews: null } }, 200);
    expect(cleared.weeklyGoal).toEqual({ applications: 5, interviews: null, followUps: 4 });
    const fieldsOf = async (body: object) => {
      const answer = await call(ctx.app, 'PATCH', '/api/settings', body, 400);
      return answer.error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await fieldsOf({ weeklyGoal: { applications: -1 } })).toEqual(['weeklyGoal.applications']);
    expect(await fieldsOf({ weeklyGoal: { followUps: 2.5 } })).toEqual(['weeklyGoal.followUps']);
    expect(await fieldsOf({ weeklyGoal: { offers: 1 } })).toEqual(['weeklyGoal.offers']);
    const insights = await call(ctx.app, 'GET', '/api/insights', undefined, 200);
    expect(insights.activity.goal).toEqual({ applications: 5, interviews: null, followUps: 4 });
    const once = await call(ctx.app, 'GET', '/api/insights?goalApplications=1', undefined, 200);
    expect(once.activity.goal).toEqual({ applications: 1, interviews: null, followUps: 4 });
  });
});
