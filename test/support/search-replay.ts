import type { FastifyInstance } from 'fastify';
import { call } from './api.js';

/**
 * One whole job search replayed through the API as it happened, moving the fixed clock to each moment before
 * recording it (so nothing is dated in the future): a job-board application on Monday 4 January 2027, a
 * positive reply and a screening on 18 January, a technical interview booked on 20 January for 27 January (which moves it to interviewing) with
 * a decision promised by 5 February, then silence, until the posting is taken down on 30 March.
 */
export async function replaySearch(
  app: FastifyInstance,
  clock: { set(next: string): void },
): Promise<{ applicationId: string }> {
  clock.set('2027-01-04T09:00:00.000Z');
  await call(app, 'PATCH', '/api/settings', { timeZone: 'UTC', country: 'US', region: null }, 200);
  const application = await call(
    app,
    'POST',
    '/api/applications',
    {
      companyName: 'Globex',
      jobTitle: 'Data Engineer',
      postingUrl: 'https://jobs.example/globex/42',
      source: { kind: 'job_board' },
      stageAt: '2027-01-04T09:00:00.000Z',
    },
    201,
  );
  const id: string = application.id;
  clock.set('2027-01-18T15:00:00.000Z');
  await call(
    app,
    'POST',
    '/api/events',
    {
      kind: 'reply_received',
      applicationId: id,
      channel: 'email',
      sentiment: 'positive',
      summary: 'Could you do a call this week?',
      occurredAt: '2027-01-18T14:00:00.000Z',
    },
    201,
  );
  await call(app, 'POST', `/api/applications/${id}/stage`, { stage: 'screening' }, 200);
  clock.set('2027-01-20T10:00:00.000Z');
  await call(
    app,
    'POST',
    '/api/interviews',
    {
      applicationId: id,
      round: 'technical',
      startsAt: '2027-01-27T14:00:00.000Z',
      endsAt: '2027-01-27T15:00:00.000Z',
      timeZone: 'UTC',
      decisionDate: '2027-02-05',
    },
    201,
  );
  clock.set('2027-03-30T12:00:00.000Z');
  await call(
    app,
    'POST',
    '/api/events',
    {
      kind: 'posting_change',
      applicationId: id,
      change: 'removed',
      detail: '404',
      occurredAt: '2027-03-30T11:00:00.000Z',
    },
    201,
  );
  return { applicationId: id };
}
