import { expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';
import { currentDataVersion } from '../../services/data-version.js';

const parallel = 8;

describeEachDialect('issuing and revoking the calendar feed URL', (ctx) => {
  it('issues one URL from concurrent requests, refusing the rest, and that URL opens the feed', async () => {
    const responses = await Promise.all(
      Array.from({ length: parallel }, () => ctx.app.inject({ method: 'POST', url: '/api/calendar/token' })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(parallel - 1).fill(409)]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error.code).toBe('CALENDAR_FEED_EXISTS');
    }
    const issued = responses.find((r) => r.statusCode === 201)!.json();
    const feed = await ctx.app.inject({ url: new URL(issued.url).pathname });
    expect(feed.statusCode).toBe(200);
  });

  it('leaves exactly one working URL after concurrent re-issues', async () => {
    await call(ctx.app, 'POST', '/api/calendar/token', undefined, 201);
    const responses = await Promise.all(
      Array.from({ length: parallel }, () =>
        ctx.app.inject({ method: 'POST', url: '/api/calendar/token', payload: { reissue: true } }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(parallel).fill(201));
    const opening = [];
    for (const r of responses) {
      const feed = await ctx.app.inject({ url: new URL(r.json().url).pathname });
      if (feed.statusCode === 200) opening.push(r.json().createdAt);
    }
    expect(opening).toHaveLength(1);
  });

  it('changes the data version when it issues, re-issues or revokes the URL', async () => {
    const versions = [await currentDataVersion(ctx.deps)];
    await call(ctx.app, 'POST', '/api/calendar/token', undefined, 201);
    versions.push(await currentDataVersion(ctx.deps));
    await call(ctx.app, 'POST', '/api/calendar/token', { reissue: true }, 201);
    versions.push(await currentDataVersion(ctx.deps));
    await call(ctx.app, 'DELETE', '/api/calendar/token', undefined, 204);
    versions.push(await currentDataVersion(ctx.deps));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
