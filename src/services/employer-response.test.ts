import { expect, it } from 'vitest';
import { addApplication, call } from '../../test/support/api.js';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { checkInEndedNote } from './replan.js';

type Step = { id: string; kind: string; status: string; origin: string; completionNote: string | null };

/**
 * A check-in asks the employer whether the application arrived. Whatever sign of life they give — a screen,
 * a reply, an interview — ends every open check-in, the planner's and the user's own, and the nudges go on
 * as follow-ups. The test clock stands at Mon 2 Mar 2026, 10:00 UTC.
 */
describeEachDialect('check-ins end when the employer answers', (ctx) => {
  const steps = (applicationId: string): Promise<Step[]> =>
    call(ctx.app, 'GET', `/api/follow-ups?applicationId=${applicationId}`, undefined, 200);
  const isOpen = (s: Step) => s.status === 'planned' || s.status === 'snoozed';

  /** Applied on Tue 10 Feb: the planner's check-in is overdue, and the user added one of their own. */
  async function waitingApplication() {
    const application = await addApplication(ctx.app, { stageAt: '2026-02-10T10:00:00Z' });
    const mine = await call<Step>(
      ctx.app,
      'POST',
      '/api/follow-ups',
      { applicationId: application.id, kind: 'application_check_in', dueAt: '2026-03-04T09:00:00Z' },
      201,
    );
    const open = (await steps(application.id)).filter(isOpen);
    expect(open.map((s) => `${s.kind}:${s.origin}`).sort()).toEqual([
      'application_check_in:manual',
      'application_check_in:plan',
    ]);
    return { application, mine };
  }

  const answers: ReadonlyArray<readonly [string, (applicationId: string) => Promise<unknown>]> = [
    [
      'moving it to screening',
      (id) =>
        call(
          ctx.app,
          'POST',
          `/api/applications/${id}/stage`,
          { stage: 'screening', occurredAt: '2026-03-02T09:00:00Z' },
          200,
        ),
    ],
    [
      'logging a reply',
      (id) =>
        call(
          ctx.app,
          'POST',
          '/api/events',
          {
            kind: 'reply_received',
            applicationId: id,
            channel: 'email',
            sentiment: 'positive',
            occurredAt: '2026-03-02T09:00:00Z',
          },
          201,
        ),
    ],
    [
      'booking an interview',
      (id) =>
        call(
          ctx.app,
          'POST',
          '/api/interviews',
          {
            applicationId: id,
            round: 'technical',
            startsAt: '2026-03-09T15:00:00Z',
            endsAt: '2026-03-09T16:00:00Z',
            timeZone: 'UTC',
          },
          201,
        ),
    ],
  ];

  for (const [what, answer] of answers) {
    it(`closes every open application check-in on ${what}, and follows up instead`, async () => {
      const { application, mine } = await waitingApplication();
      await answer(application.id);
      const after = await steps(application.id);
      expect(after.filter((s) => s.kind === 'application_check_in' && isOpen(s))).toEqual([]);
      expect(after.find((s) => s.id === mine.id)).toMatchObject({
        status: 'skipped',
        completionNote: checkInEndedNote,
      });
      expect(after.filter(isOpen).map((s) => s.kind)).toContain('first_follow_up');
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/follow-ups',
        payload: {
          applicationId: application.id,
          kind: 'application_check_in',
          dueAt: '2026-03-10T09:00:00Z',
        },
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details.issues[0]).toMatchObject({
        field: 'kind',
        message: expect.stringContaining('already answered'),
      });
    });
  }

  it('keeps the check-ins of an application still waiting', async () => {
    const { application } = await waitingApplication();
    await call(
      ctx.app,
      'POST',
      '/api/events',
      { kind: 'note', applicationId: application.id, text: 'Saw the team on LinkedIn' },
      201,
    );
    const open = (await steps(application.id)).filter(isOpen);
    expect(open.map((s) => s.kind)).toEqual(['application_check_in', 'application_check_in']);
  });
});
