import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { createApplication, moveApplication } from './applications.js';
import { diagnoseApplication } from './diagnosis.js';
import { getRetrospective, saveRetrospective } from './retrospectives.js';

describeEachDialect('retrospectives', (ctx) => {
  async function interviewed(companyName: string): Promise<string> {
    const created = await createApplication(ctx.deps, {
      companyName,
      jobTitle: 'Backend Engineer',
      stage: 'applied',
      stageAt: '2026-01-05T09:00:00.000Z',
    });
    await moveApplication(ctx.deps, created.id, {
      stage: 'interviewing',
      occurredAt: '2026-01-20T09:00:00.000Z',
    });
    return created.id;
  }

  it('quotes a retrospective of an ended final round in the diagnosis of a later one at that stage', async () => {
    const earlier = await interviewed('Globex');
    await moveApplication(ctx.deps, earlier, {
      stage: 'ended',
      outcome: 'rejected',
      occurredAt: '2026-02-01T09:00:00.000Z',
    });
    const saved = await saveRetrospective(ctx.deps, earlier, {
      wentWell: 'the take-home',
      wouldChange: 'bring a system design example to the final round',
      theySaid: 'another candidate had more Kafka',
    });
    expect(await getRetrospective(ctx.deps, earlier)).toEqual(saved);

    const later = await interviewed('Initech');
    const diagnosis = await diagnoseApplication(ctx.deps, later);
    expect(diagnosis.status).toBe('waiting');
    expect(diagnosis.notices).toContain(
      "Last time at the interview stage (it ended: rejected), you noted — you'd change: “bring a system design example to the final round”; what went well: “the take-home”; they said: “another candidate had more Kafka”.",
    );

    // Not relevant: an application that never got past applying hears nothing of final rounds.
    const cold = await createApplication(ctx.deps, {
      companyName: 'Hooli',
      jobTitle: 'Data Engineer',
      stage: 'applied',
      stageAt: '2026-02-20T09:00:00.000Z',
    });
    const coldDiagnosis = await diagnoseApplication(ctx.deps, cold.id);
    expect(coldDiagnosis.notices.join(' ')).not.toContain('Last time');
    // Relevant again: a new application at the same company hears of it whatever stage it has reached.
    const again = await createApplication(ctx.deps, {
      companyName: 'Globex',
      jobTitle: 'Platform Engineer',
      stage: 'applied',
      stageAt: '2026-02-20T09:00:00.000Z',
    });
    const againDiagnosis = await diagnoseApplication(ctx.deps, again.id);
    expect(againDiagnosis.notices.join(' ')).toContain(
      "Last time at this company (it ended: rejected), you noted — you'd change: “bring a system design example",
    );
    // As of a date before the retrospective was written (testNow), the lesson is not known yet.
    const before = await diagnoseApplication(ctx.deps, later, '2026-02-10');
    expect(before.notices.join(' ')).not.toContain('Last time');
  });

  it('refuses a retrospective on an application that has not ended, naming the field', async () => {
    const open = await interviewed('Acme');
    await expect(
      saveRetrospective(ctx.deps, open, { wentWell: 'x', wouldChange: '', theySaid: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'applicationId' }] },
    });
    const response = await ctx.app.inject({
      method: 'PUT',
      url: `/api/applications/${open}/retrospective`,
      payload: { wentWell: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].field).toBe('wentWell');
  });
});
