import type { FastifyInstance } from 'fastify';
import { addApplication, call } from './api.js';

/**
 * A small but complete data set through the API: every entity, every event kind, steps in every status,
 * unicode and hostile text, so round trips have something to lose.
 */
export async function seedEverything(app: FastifyInstance): Promise<void> {
  await call(
    app,
    'PATCH',
    '/api/settings',
    { timeZone: 'Europe/Berlin', country: 'DE', region: 'BE', name: 'Robin Ø' },
    200,
  );
  const company = await call(
    app,
    'POST',
    '/api/companies',
    {
      name: 'Zürich Labs',
      website: 'https://zl.example',
      sizeBand: '100-499',
      industry: 'Research & <b>"Labs"</b>',
      notes: 'n',
    },
    201,
  );
  const dana = await call(
    app,
    'POST',
    '/api/contacts',
    { name: 'Dana "D" Lee', role: 'interviewer', companyId: company.id },
    201,
  );
  const sam = await call(
    app,
    'POST',
    '/api/contacts',
    { name: 'Sam <b>Poe</b>', role: 'recruiter', email: 'sam@zl.example' },
    201,
  );
  const first = await addApplication(app, {
    companyName: undefined,
    companyId: company.id,
    jobTitle: 'Ingénieure <script>alert(1)</script>',
    postingUrl: 'https://zl.example/jobs/1',
    posting: {
      descriptionHtml: '<p>Hi 👋</p>',
      salaryMin: 1.5,
      salaryMax: 2.25,
      salaryCurrency: 'CHF',
      salaryPeriod: 'hour',
    },
    source: { kind: 'referral', detail: 'Dana' },
    tags: ['dream', 'ß'],
    resume: { name: 'cv.pdf', text: 'résumé text' },
    coverLetter: { fileRef: 'letters/1.pdf' },
    notes: "Robert'); DROP TABLE applications;--",
    stageAt: '2026-02-20T08:00:00Z',
  });
  const second = await addApplication(app, { companyName: 'Acme', jobTitle: 'Designer', stage: 'saved' });
  const interview = await call(
    app,
    'POST',
    '/api/interviews',
    {
      applicationId: first.id,
      round: 'onsite',
      startsAt: '2026-03-05T09:00:00Z',
      endsAt: '2026-03-05T11:30:00Z',
      timeZone: 'Europe/Zurich',
      location: 'HQ, 3rd floor',
      interviewerIds: [sam.id, dana.id],
      decisionDate: '2026-03-12',
      topics: 'design\nteam',
      selfRating: 4,
    },
    201,
  );
  await call(
    app,
    'POST',
    '/api/events',
    { kind: 'note', applicationId: first.id, text: 'multi\nline 🎉' },
    201,
  );
  await call(
    app,
    'POST',
    '/api/events',
    {
      kind: 'message_sent',
      applicationId: first.id,
      channel: 'email',
      contactId: dana.id,
      subject: 'Thanks',
      body: 'Dear Dana',
    },
    201,
  );
  await call(
    app,
    'POST',
    '/api/events',
    {
      kind: 'reply_received',
      applicationId: first.id,
      channel: 'phone',
      sentiment: 'positive',
      newDecisionDate: '2026-03-19',
    },
    201,
  );
  await call(
    app,
    'POST',
    '/api/events',
    { kind: 'posting_change', applicationId: second.id, change: 'removed', detail: '404' },
    201,
  );
  const steps = [];
  for (const dueAt of [
    '2026-03-06T08:00:00Z',
    '2026-03-09T08:00:00Z',
    '2026-03-12T08:00:00Z',
    '2026-03-20T08:00:00Z',
  ]) {
    steps.push(
      await call(
        app,
        'POST',
        '/api/follow-ups',
        {
          applicationId: first.id,
          dueAt,
          kind: 'thank_you',
          channel: 'email',
          contactId: dana.id,
          interviewId: interview.id,
        },
        201,
      ),
    );
  }
  await call(app, 'POST', `/api/follow-ups/${steps[0].id}/done`, { note: 'sent' }, 200);
  await call(app, 'POST', `/api/follow-ups/${steps[1].id}/skip`, { reason: 'no need' }, 200);
  await call(app, 'POST', `/api/follow-ups/${steps[2].id}/snooze`, { until: '2026-04-01' }, 200);
  await call(
    app,
    'POST',
    `/api/applications/${second.id}/stage`,
    { stage: 'ended', outcome: 'position_closed', closedReason: 'hiring_freeze' },
    200,
  );
}
