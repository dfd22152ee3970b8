import fs from 'node:fs';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { corpusPath, hasCorpora } from '../../../test/support/corpora.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

const posting =
  'Requirements: 5+ years of TypeScript and Node.js, PostgreSQL, Kubernetes, CI/CD pipelines and A/B testing. ' +
  'You will design REST APIs and mentor engineers. Nice to have: GraphQL and Terraform.';

describeEachDialect('diagnosis and tailoring API', (ctx) => {
  it('diagnoses an application waiting on the employer, and says when one is not waiting', async () => {
    const waiting = await addApplication(ctx.app, {
      stageAt: '2026-01-05T10:00:00Z',
      source: { kind: 'job_board' },
    });
    const diagnosis = await call(ctx.app, 'GET', `/api/applications/${waiting.id}/diagnosis`, undefined, 200);
    expect(diagnosis.status).toBe('waiting');
    expect(diagnosis.causes).toHaveLength(5);
    expect(diagnosis.daysOfSilence).toBeGreaterThan(50);
    for (const cause of diagnosis.causes) expect(cause.recommendation.basedOn.length).toBeGreaterThan(0);
    const scores = diagnosis.causes.map((c: { score: number }) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const saved = await addApplication(ctx.app, { jobTitle: 'Someday', stage: 'saved' });
    const notWaiting = await call(ctx.app, 'GET', `/api/applications/${saved.id}/diagnosis`, undefined, 200);
    expect(notWaiting).toMatchObject({ status: 'not_waiting', reason: 'not_applied' });
    await call(ctx.app, 'GET', '/api/applications/nope/diagnosis', undefined, 404);
  });

  it('ranks "the position may be gone" first once the posting was removed', async () => {
    const application = await addApplication(ctx.app, {
      stageAt: '2026-02-02T10:00:00Z',
      postingUrl: 'https://jobs.example/1',
    });
    await call(
      ctx.app,
      'POST',
      '/api/events',
      {
        kind: 'posting_change',
        applicationId: application.id,
        change: 'removed',
        detail: '404',
        occurredAt: '2026-02-25T10:00:00Z',
      },
      201,
    );
    const diagnosis = await call(
      ctx.app,
      'GET',
      `/api/applications/${application.id}/diagnosis`,
      undefined,
      200,
    );
    expect(diagnosis.causes[0].cause).toBe('position_gone');
    expect(diagnosis.causes[0].evidence.some((e: { signal: string }) => e.signal.startsWith('posting'))).toBe(
      true,
    );
  });

  it('checks a resume against the posting, keeps the result, and feeds the diagnosis', async () => {
    const application = await addApplication(ctx.app, {
      stageAt: '2026-02-02T10:00:00Z',
      posting: { descriptionText: posting },
    });
    const check = await call(
      ctx.app,
      'POST',
      `/api/applications/${application.id}/tailoring`,
      {
        resume: { text: 'Senior engineer: TypeScript, Node.js, PostgreSQL, REST APIs, mentoring.' },
        resumeName: 'backend v3',
      },
      201,
    );
    expect(check).toMatchObject({ applicationId: application.id, resumeName: 'backend v3' });
    expect(check.score).toBeGreaterThan(0);
    expect(check.score).toBeLessThan(100);
    const missing = (check.analysis.missing as Array<{ term: string }>).map((k) => k.term.toLowerCase());
    expect(missing.some((t) => t.includes('kubernetes'))).toBe(true);
    expect(
      await call(ctx.app, 'GET', `/api/applications/${application.id}/tailoring`, undefined, 200),
    ).toEqual(check);
    const diagnosis = await call(
      ctx.app,
      'GET',
      `/api/applications/${application.id}/diagnosis`,
      undefined,
      200,
    );
    const improvement = diagnosis.causes.find((c: { cause: string }) => c.cause === 'room_for_improvement');
    expect(JSON.stringify(improvement.evidence)).toMatch(/tailoring|keyword|resume/i);
  });

  it('refuses a check without posting text, and unreadable files, with their codes', async () => {
    const bare = await addApplication(ctx.app);
    const noPosting = await call(
      ctx.app,
      'POST',
      `/api/applications/${bare.id}/tailoring`,
      { resume: { text: 'x' } },
      409,
    );
    expect(noPosting.error.code).toBe('TAILORING_NEEDS_POSTING');
    const withPosting = await addApplication(ctx.app, {
      jobTitle: 'Other',
      posting: { descriptionText: posting },
    });
    const garbage = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe]).toString('base64');
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/applications/${withPosting.id}/tailoring`,
      payload: { resume: { file: { fileName: 'cv.png', contentBase64: garbage } } },
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('RESUME_UNSUPPORTED_TYPE');
    const both = await call(
      ctx.app,
      'POST',
      `/api/applications/${withPosting.id}/tailoring`,
      { resume: { text: 'a', file: { fileName: 'a.txt', contentBase64: '' } } },
      400,
    );
    expect(both.error.details.issues[0].field).toBe('resume');
  });

  it.skipIf(!hasCorpora())(
    'reads a real PDF resume from the shared corpus (skipped without ../shared/corpora)',
    async () => {
      const application = await addApplication(ctx.app, { posting: { descriptionText: posting } });
      const pdf = fs.readFileSync(corpusPath('open-resume', 'openresume-resume.pdf')).toString('base64');
      const check = await call(
        ctx.app,
        'POST',
        `/api/applications/${application.id}/tailoring`,
        { resume: { file: { fileName: 'openresume-resume.pdf', contentBase64: pdf } } },
        201,
      );
      expect(check.resumeName).toBe('openresume-resume.pdf');
      expect(check.score).not.toBeNull();
    },
  );
});
