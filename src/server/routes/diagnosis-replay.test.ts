import { expect, it } from 'vitest';
import { call } from '../../../test/support/api.js';
import { replaySearch } from '../../../test/support/search-replay.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

type Cause = { cause: string; score: number; evidence: Array<{ signal: string; text: string }> };

describeEachDialect('the diagnosis as of a date', (ctx) => {
  it('replays a whole search and answers at three dates as it would have then', async () => {
    const { applicationId } = await replaySearch(ctx.app, ctx.runtime.clock);
    const at = (asOf: string) =>
      call(ctx.app, 'GET', `/api/applications/${applicationId}/diagnosis?asOf=${asOf}`, undefined, 200);

    // A week after applying: the reply, the screening and the interview are still to come.
    const early = await at('2027-01-11');
    expect(early).toMatchObject({
      status: 'waiting',
      date: '2027-01-11',
      asOf: '2027-01-11T23:59:59.999Z',
      lastContact: 'applied',
      waitingSince: '2027-01-04T09:00:00.000Z',
      daysOfSilence: 7,
    });
    const pile = early.causes.find((c: Cause) => c.cause === 'too_many_applicants');
    expect(pile.evidence.map((e: { text: string }) => e.text).join(' ')).toContain(
      'nobody has been in touch',
    );

    // The interview was booked on 20 January for the 27th: the employer is in touch.
    expect(await at('2027-01-22')).toMatchObject({ status: 'not_waiting', reason: 'interview_scheduled' });

    // Long after the date they gave, before the posting came down on 30 March.
    const late = await at('2027-03-24');
    expect(late).toMatchObject({
      status: 'waiting',
      date: '2027-03-24',
      lastContact: 'interview',
      waitingSince: '2027-01-27T15:00:00.000Z',
      expectedBy: '2027-02-05',
      daysOfSilence: 56,
    });
    expect(late.causes[0].cause).toBe('avoiding_confrontation');
    const signals = late.causes.flatMap((c: Cause) => c.evidence.map((e) => e.text)).join(' ');
    expect(signals).not.toContain('taken down');

    // Now (1 April, after the posting came down) the removal counts.
    ctx.runtime.clock.set('2027-04-01T12:00:00.000Z');
    const now = await call(ctx.app, 'GET', `/api/applications/${applicationId}/diagnosis`, undefined, 200);
    expect(now).toMatchObject({ status: 'waiting', date: '2027-04-01' });
    const gone = (d: { causes: Cause[] }) => d.causes.find((c) => c.cause === 'position_gone') as Cause;
    expect(gone(now).evidence.some((e) => e.text.includes('taken down'))).toBe(true);
    expect(gone(now).score).toBeGreaterThan(gone(late).score + 0.3);

    // An instant works too, and bad input names the field.
    const instant = await at('2027-03-24T10:00:00Z');
    expect(instant).toMatchObject({ asOf: '2027-03-24T10:00:00.000Z', daysOfSilence: 56 });
    const bad = await call(
      ctx.app,
      'GET',
      `/api/applications/${applicationId}/diagnosis?asOf=next-tuesday`,
      undefined,
      400,
    );
    expect(JSON.stringify(bad)).toContain('asOf');
  });
});

describeEachDialect('company size band and industry in the diagnosis', (ctx) => {
  type Diagnosis = {
    expectation: { basis: string; text: string };
    notices: string[];
    causes: Array<{
      cause: string;
      score: number;
      evidence: Array<{ signal: string }>;
      recommendation: { action: string };
    }>;
  };
  const diagnosisOf = (id: string): Promise<Diagnosis> =>
    call(ctx.app, 'GET', `/api/applications/${id}/diagnosis`, undefined, 200);
  const pile = (d: Diagnosis) => d.causes.find((c) => c.cause === 'too_many_applicants')!;

  it('reads the size band and industry set on the company, as documented', async () => {
    ctx.runtime.clock.set('2026-03-02T10:00:00.000Z');
    const application = await call(
      ctx.app,
      'POST',
      '/api/applications',
      {
        companyName: 'Hooli',
        jobTitle: 'Analyst',
        source: { kind: 'job_board' },
        stageAt: '2026-03-02T10:00:00Z',
      },
      201,
    );
    const companyId = application.company.id;
    ctx.runtime.clock.set('2026-03-12T16:00:00.000Z');
    const unknown = await diagnosisOf(application.id);
    expect(pile(unknown).evidence.map((e) => e.signal)).not.toContain('company_size');

    await call(ctx.app, 'PATCH', `/api/companies/${companyId}`, { sizeBand: '10000+' }, 200);
    const large = await diagnosisOf(application.id);
    expect(pile(large).evidence.map((e) => e.signal)).toContain('company_size');
    expect(pile(large).score).toBeGreaterThan(pile(unknown).score);
    // 8 business days into a cold job-board application to a 10,000+ employer: the pile leads, reach a person.
    expect(large.causes[0]).toMatchObject({
      cause: 'too_many_applicants',
      recommendation: { action: 'reach_a_person' },
    });

    // The industry sets the usual time to hire once they screened you (no call logged).
    await call(ctx.app, 'PATCH', `/api/companies/${companyId}`, { industry: 'Government' }, 200);
    await call(ctx.app, 'POST', `/api/applications/${application.id}/stage`, { stage: 'screening' }, 200);
    const screened = await diagnosisOf(application.id);
    expect(screened.expectation.basis).toBe('usual_time_to_hire');
    expect(screened.expectation.text).toContain('53.8 days');
  });

  it("leaves out Ontario's 45-day notice only for an employer known to have fewer than 25 people", async () => {
    ctx.runtime.clock.set('2026-03-02T10:00:00.000Z');
    await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { country: 'CA', region: 'ON', timeZone: 'America/Toronto' },
      200,
    );
    const application = await call(
      ctx.app,
      'POST',
      '/api/applications',
      { companyName: 'Maple Ltd', jobTitle: 'Analyst', stageAt: '2026-03-02T10:00:00Z' },
      201,
    );
    await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        round: 'onsite',
        startsAt: '2026-03-04T15:00:00Z',
        endsAt: '2026-03-04T16:00:00Z',
        timeZone: 'America/Toronto',
      },
      201,
    );
    ctx.runtime.clock.set('2026-04-30T16:00:00.000Z');
    expect((await diagnosisOf(application.id)).notices.join(' ')).toContain('45 days');
    await call(ctx.app, 'PATCH', `/api/companies/${application.company.id}`, { sizeBand: '1-24' }, 200);
    expect((await diagnosisOf(application.id)).notices).toEqual([]);
    await call(ctx.app, 'PATCH', `/api/companies/${application.company.id}`, { sizeBand: '25-49' }, 200);
    expect((await diagnosisOf(application.id)).notices.join(' ')).toContain('45 days');
  });
});
