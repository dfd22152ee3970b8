import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';
import { activeStages, outcomes, stageRank } from '../../core/pipeline.js';

describeEachDialect('applications API', (ctx) => {
  it('creates an application with its posting snapshot, source, tags and documents, and reads it back', async () => {
    const created = await addApplication(ctx.app, {
      companyName: 'Acme',
      jobTitle: 'Senior Engineer',
      postingUrl: 'https://jobs.acme.example/42?utm_source=x',
      posting: {
        descriptionHtml: '<p>Build <b>things</b><script>alert(1)</script></p>',
        location: 'Berlin',
        remoteType: 'hybrid',
        salaryMin: 70000.5,
        salaryMax: 90000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
        employmentType: 'full_time',
        datePosted: '2026-02-20',
        validThrough: '2026-04-01',
      },
      source: { kind: 'referral', detail: 'Dana from the meetup' },
      priority: 5,
      tags: ['dream', 'Remote-OK'],
      resume: { name: 'resume-v3.pdf', fileRef: 'resumes/v3.pdf' },
      coverLetter: { text: 'Dear Acme…' },
      notes: 'Ask about the team',
      stage: 'saved',
    });
    expect(created.posting.descriptionHtml).toBe('<p>Build <b>things</b></p>');
    expect(created.posting.descriptionText).toBe('Build things');
    const read = await call(ctx.app, 'GET', `/api/applications/${created.id}`, undefined, 200);
    expect(read).toEqual(created);
    expect(read).toMatchObject({
      company: { name: 'Acme' },
      stage: 'saved',
      furthestStage: 'saved',
      appliedAt: null,
      priority: 5,
      tags: ['dream', 'Remote-OK'],
      source: { kind: 'referral', detail: 'Dana from the meetup' },
      resume: { name: 'resume-v3.pdf', text: null, fileRef: 'resumes/v3.pdf' },
      posting: { salaryMin: 70000.5, salaryCurrency: 'EUR', datePosted: '2026-02-20' },
    });
  });

  it('updates fields and keeps what was not sent', async () => {
    const created = await addApplication(ctx.app, { tags: ['a'], notes: 'first' });
    ctx.runtime.clock.set('2026-03-03T10:00:00.000Z');
    const updated = await call(
      ctx.app,
      'PATCH',
      `/api/applications/${created.id}`,
      { jobTitle: 'Staff Engineer', tags: ['b', 'c'], posting: { location: 'Remote' } },
      200,
    );
    expect(updated).toMatchObject({
      jobTitle: 'Staff Engineer',
      tags: ['b', 'c'],
      notes: 'first',
      updatedAt: '2026-03-03T10:00:00.000Z',
    });
    expect(updated.posting.location).toBe('Remote');
  });

  it('warns about a duplicate by posting URL or by company and title, unless allowed', async () => {
    const first = await addApplication(ctx.app, { postingUrl: 'https://www.acme.example/jobs/1/' });
    const sameUrl = await call(ctx.app, 'POST', '/api/applications', {
      companyName: 'Other',
      jobTitle: 'Other',
      postingUrl: 'https://acme.example/jobs/1?utm_campaign=x',
    });
    expect(sameUrl.error.code).toBe('DUPLICATE_APPLICATION');
    expect(sameUrl.error.details.existingId).toBe(first.id);
    const sameTitle = await call(
      ctx.app,
      'POST',
      '/api/applications',
      { companyName: 'ACME', jobTitle: ' engineer ' },
      409,
    );
    expect(sameTitle.error.details.duplicates[0].reason).toBe('company_and_title');
    await call(
      ctx.app,
      'POST',
      '/api/applications',
      { companyName: 'Acme', jobTitle: 'Engineer', allowDuplicate: true },
      201,
    );
  });

  it('deletes an application with its history', async () => {
    const created = await addApplication(ctx.app);
    await call(ctx.app, 'DELETE', `/api/applications/${created.id}`, undefined, 204);
    const gone = await call(ctx.app, 'GET', `/api/applications/${created.id}`, undefined, 404);
    expect(gone.error.code).toBe('APPLICATION_NOT_FOUND');
    expect(await call(ctx.app, 'GET', `/api/events?applicationId=${created.id}`, undefined, 200)).toEqual([]);
  });

  it('filters by stage, company, tag and text, case-insensitively and beyond ASCII', async () => {
    const a = await addApplication(ctx.app, {
      companyName: 'Zürich Labs',
      jobTitle: 'Ingénieure Données',
      tags: ['data'],
    });
    const b = await addApplication(ctx.app, {
      companyName: 'Acme',
      jobTitle: 'Designer',
      notes: '100% remote_ok',
    });
    await call(ctx.app, 'POST', `/api/applications/${b.id}/stage`, { stage: 'interviewing' }, 200);
    const ids = async (query: string) =>
      (await call(ctx.app, 'GET', `/api/applications?${query}`, undefined, 200)).items.map(
        (x: { id: string }) => x.id,
      );
    expect(await ids('stage=interviewing')).toEqual([b.id]);
    expect(await ids('stage=applied,interviewing&sort=jobTitle&order=asc')).toEqual([b.id, a.id]);
    expect(await ids(`companyId=${a.company.id}`)).toEqual([a.id]);
    expect(await ids('tag=DATA')).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('ZÜRICH')}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('données')}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('100%')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('e_o')}`)).toEqual([b.id]);
    expect(await ids('q=_')).toEqual([b.id]);
    expect(await ids('furthestStage=interviewing')).toEqual([b.id]);
  });

  it('gives each listed application its open step due first, and none once its steps are done', async () => {
    const waiting = await addApplication(ctx.app, { jobTitle: 'Waiting', companyName: 'Acme' });
    const saved = await addApplication(ctx.app, { jobTitle: 'Saved', companyName: 'Beta', stage: 'saved' });
    type Step = { id: string; kind: string; dueAt: string; status: string };
    const steps = await call<Step[]>(
      ctx.app,
      'GET',
      `/api/follow-ups?applicationId=${waiting.id}`,
      undefined,
      200,
    );
    const earlierDue = new Date(Date.parse(steps[0]?.dueAt ?? '') - 86_400_000).toISOString();
    const custom = await call<Step>(
      ctx.app,
      'POST',
      '/api/follow-ups',
      { applicationId: waiting.id, dueAt: earlierDue, kind: 'custom' },
      201,
    );
    const listed = async () =>
      new Map(
        (await call(ctx.app, 'GET', '/api/applications', undefined, 200)).items.map(
          (a: { id: string; nextStep: unknown }) => [a.id, a.nextStep],
        ),
      );
    expect((await listed()).get(waiting.id)).toEqual({ id: custom.id, kind: 'custom', dueAt: custom.dueAt });
    expect((await listed()).get(saved.id)).toBeNull();

    await call(ctx.app, 'POST', `/api/follow-ups/${custom.id}/done`, {}, 200);
    const open = (
      await call<Step[]>(ctx.app, 'GET', `/api/follow-ups?applicationId=${waiting.id}`, undefined, 200)
    )
      .filter((step) => step.status === 'planned' || step.status === 'snoozed')
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    expect(open.length).toBeGreaterThan(0);
    expect((await listed()).get(waiting.id)).toEqual({
      id: open[0]?.id,
      kind: open[0]?.kind,
      dueAt: open[0]?.dueAt,
    });
  });

  it('lists every application as a card: the list item without posting, source and documents, newest first', async () => {
    const older = await addApplication(ctx.app, {
      jobTitle: 'Älterer <b>Titel</b>',
      posting: { descriptionText: 'A long posting' },
      source: { kind: 'referral', detail: 'Dana' },
      resume: { name: 'cv.pdf' },
      tags: ['dream', 'remote'],
      notes: 'Ask about "the team" & more',
    });
    ctx.runtime.clock.set(new Date(Date.parse(older.createdAt) + 60_000).toISOString());
    const newer = await addApplication(ctx.app, { jobTitle: 'Newer', companyName: 'Beta', stage: 'saved' });
    const other = await call(ctx.app, 'GET', '/api/applications?limit=500', undefined, 200);
    const cards = await call(ctx.app, 'GET', '/api/applications/cards', undefined, 200);
    expect(cards.items.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
    for (const item of other.items) {
      const { postingUrl, posting, source, resume, coverLetter, ...cardFields } = item;
      expect(cards.items.find((c: { id: string }) => c.id === item.id)).toEqual(cardFields);
    }
    expect(cards.items[1]).toMatchObject({
      jobTitle: 'Älterer <b>Titel</b>',
      tags: ['dream', 'remote'],
      notes: 'Ask about "the team" & more',
    });
    expect(cards.items[1].nextStep).not.toBeNull();
    expect(cards.items[1]).not.toHaveProperty('posting');
    expect(cards.counts).toEqual({
      saved: 1,
      applied: 1,
      screening: 0,
      interviewing: 0,
      offer: 0,
      ended: 0,
      rejected: 0,
    });
  });

  it("gives each active column's first cards in the chosen order, with every stage's count", async () => {
    const made = [];
    for (const [i, stage] of ['applied', 'applied', 'applied', 'saved'].entries()) {
      ctx.runtime.clock.set(new Date(Date.parse('2026-03-02T12:00:00Z') + i * 60_000).toISOString());
      made.push(
        await addApplication(ctx.app, {
          jobTitle: `Role ${i}`,
          companyName: `Co ${3 - i}`,
          stage,
          priority: i + 1,
        }),
      );
    }
    const ended = await addApplication(ctx.app, { jobTitle: 'Gone', companyName: 'Zed', stage: 'applied' });
    await call(
      ctx.app,
      'POST',
      `/api/applications/${ended.id}/stage`,
      { stage: 'ended', outcome: 'rejected' },
      200,
    );
    const ids = (answer: { items: { id: string }[] }) => answer.items.map((c) => c.id);
    const [a0, a1, a2, s3] = made.map((m) => m.id);
    const byActivity = await call(ctx.app, 'GET', '/api/applications/cards?first=2', undefined, 200);
    // Saved first (the active stages in order), each column most recent first, no ended card.
    expect(ids(byActivity)).toEqual([s3, a2, a1]);
    expect(byActivity.counts).toMatchObject({ saved: 1, applied: 3, ended: 1, rejected: 1 });
    const byCompany = await call(
      ctx.app,
      'GET',
      '/api/applications/cards?first=2&sort=company',
      undefined,
      200,
    );
    expect(ids(byCompany)).toEqual([s3, a2, a1]);
    const byPriority = await call(
      ctx.app,
      'GET',
      '/api/applications/cards?first=1&sort=priority',
      undefined,
      200,
    );
    expect(ids(byPriority)).toEqual([s3, a2]);
    expect(a0).toBeDefined();
    for (const bad of ['first=0', 'first=x', 'sort=newest']) {
      const answer = await call(ctx.app, 'GET', `/api/applications/cards?${bad}`, undefined, 400);
      expect(answer.error.details.issues[0].field, bad).toBe(bad.split('=')[0]);
    }
  });

  it('pages through results with a cursor, in every sort order, without gaps or repeats', async () => {
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      ctx.runtime.clock.set(new Date(Date.UTC(2026, 2, 2, 10, i % 5)).toISOString());
      const a = await addApplication(ctx.app, {
        jobTitle: `Role ${String(i % 7).padStart(2, '0')}`,
        priority: (i % 5) + 1,
        allowDuplicate: true,
      });
      created.push(a.id);
    }
    for (const sort of ['createdAt', 'updatedAt', 'jobTitle', 'priority', 'appliedAt']) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Array<{ id: string }>; nextCursor: string | null } = await call(
            ctx.app,
            'GET',
            `/api/applications?sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
            undefined,
            200,
          );
          seen.push(...page.items.map((x) => x.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size).toBe(23);
        expect([...seen].sort()).toEqual([...created].sort());
      }
    }
  });

  it('refuses a cursor from another sort order', async () => {
    for (let i = 0; i < 3; i++) await addApplication(ctx.app, { jobTitle: `R${i}` });
    const page = await call(ctx.app, 'GET', '/api/applications?limit=1', undefined, 200);
    const res = await call(
      ctx.app,
      'GET',
      `/api/applications?limit=1&sort=priority&cursor=${page.nextCursor}`,
      undefined,
      400,
    );
    expect(res.error.code).toBe('INVALID_CURSOR');
    const junk = await call(ctx.app, 'GET', '/api/applications?cursor=%%%garbage', undefined, 400);
    expect(junk.error.code).toBe('INVALID_CURSOR');
  });

  it('appends every stage change to the timeline and derives the furthest stage', async () => {
    const created = await addApplication(ctx.app);
    const move = (body: object, status = 200) =>
      call(ctx.app, 'POST', `/api/applications/${created.id}/stage`, body, status);
    ctx.runtime.clock.set('2026-03-04T10:00:00.000Z');
    await move({ stage: 'interviewing' });
    ctx.runtime.clock.set('2026-03-10T10:00:00.000Z');
    const ended = await move({ stage: 'ended', outcome: 'no_response', note: 'silence for weeks' });
    expect(ended).toMatchObject({
      stage: 'ended',
      furthestStage: 'interviewing',
      outcome: 'no_response',
      endedAt: '2026-03-10T10:00:00.000Z',
    });
    const refused = await move({ stage: 'ended', outcome: 'no_response' }, 409);
    expect(refused.error.code).toBe('INVALID_STAGE_CHANGE');
    const missing = await move({ stage: 'ended' }, 409);
    expect(missing.error.details.issues[0].field).toBe('outcome');
    ctx.runtime.clock.set('2026-03-12T10:00:00.000Z');
    const reopened = await move({ stage: 'screening' });
    expect(reopened).toMatchObject({
      stage: 'screening',
      furthestStage: 'interviewing',
      outcome: null,
      endedAt: null,
    });
    const timeline = await call(ctx.app, 'GET', `/api/applications/${created.id}/timeline`, undefined, 200);
    expect(
      timeline.map((e: { fromStage: string | null; toStage: string }) => `${e.fromStage}→${e.toStage}`),
    ).toEqual(['null→applied', 'applied→interviewing', 'interviewing→ended', 'ended→screening']);
    expect(timeline[2].note).toBe('silence for weeks');
  });

  it('keeps the date a saved application was saved since, in the application and in the list', async () => {
    const saved = await addApplication(ctx.app, { stage: 'saved', stageAt: '2026-02-12T12:00:00Z' });
    expect(saved).toMatchObject({
      stage: 'saved',
      appliedAt: null,
      stageChangedAt: '2026-02-12T12:00:00.000Z',
    });
    const list = await call(ctx.app, 'GET', '/api/applications', undefined, 200);
    expect(list.items[0]).toMatchObject({ id: saved.id, stageChangedAt: '2026-02-12T12:00:00.000Z' });
    ctx.runtime.clock.set('2026-03-04T10:00:00.000Z');
    const applied = await call(
      ctx.app,
      'POST',
      `/api/applications/${saved.id}/stage`,
      { stage: 'applied' },
      200,
    );
    expect(applied).toMatchObject({
      appliedAt: '2026-03-04T10:00:00.000Z',
      stageChangedAt: '2026-03-04T10:00:00.000Z',
    });
  });

  it('keeps stage history and furthest stage right after any sequence of moves through the API', async () => {
    const move = fc.oneof(
      fc.constantFrom(...activeStages).map((stage) => ({ stage })),
      fc.constantFrom(...outcomes).map((outcome) => ({ stage: 'ended', outcome })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 8 }), async (moves) => {
        const created = await addApplication(ctx.app, { allowDuplicate: true });
        let furthest = 1;
        let accepted = 1;
        for (const m of moves) {
          const res = await ctx.app.inject({
            method: 'POST',
            url: `/api/applications/${created.id}/stage`,
            payload: m,
          });
          expect([200, 409]).toContain(res.statusCode);
          if (res.statusCode !== 200) continue;
          accepted++;
          if (m.stage !== 'ended')
            furthest = Math.max(furthest, stageRank(m.stage as (typeof activeStages)[number]));
          const body = res.json();
          expect(body.stage).toBe(m.stage);
        }
        const read = await call(ctx.app, 'GET', `/api/applications/${created.id}`, undefined, 200);
        expect(read.furthestStage).toBe(activeStages[furthest]);
        const timeline = await call(
          ctx.app,
          'GET',
          `/api/applications/${created.id}/timeline`,
          undefined,
          200,
        );
        expect(timeline.filter((e: { kind: string }) => e.kind === 'stage_change')).toHaveLength(accepted);
      }),
      { numRuns: 15 },
    );
  });
});
