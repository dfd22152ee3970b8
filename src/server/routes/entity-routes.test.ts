import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

describeEachDialect('contacts, interviews, events, follow-ups and settings API', (ctx) => {
  it('does the whole life of a contact: create, read, update, list with filters, delete', async () => {
    const company = await call(ctx.app, 'POST', '/api/companies', { name: 'Acme' }, 201);
    const dana = await call(
      ctx.app,
      'POST',
      '/api/contacts',
      { name: 'Dana Lee', role: 'hiring_manager', email: 'dana@acme.example', companyId: company.id },
      201,
    );
    await call(ctx.app, 'POST', '/api/contacts', { name: 'Sam Poe', role: 'recruiter' }, 201);
    expect(await call(ctx.app, 'GET', `/api/contacts/${dana.id}`, undefined, 200)).toEqual(dana);
    const list = async (q: string) =>
      (await call(ctx.app, 'GET', `/api/contacts?${q}`, undefined, 200)).map((c: { name: string }) => c.name);
    expect(await list('')).toEqual(['Dana Lee', 'Sam Poe']);
    expect(await list(`companyId=${company.id}`)).toEqual(['Dana Lee']);
    expect(await list('role=recruiter')).toEqual(['Sam Poe']);
    expect(await list('q=DANA@')).toEqual(['Dana Lee']);
    const updated = await call(
      ctx.app,
      'PATCH',
      `/api/contacts/${dana.id}`,
      { phone: '+1 555 0100', email: null },
      200,
    );
    expect(updated).toMatchObject({ phone: '+1 555 0100', email: null, name: 'Dana Lee' });
    const badCompany = await call(ctx.app, 'POST', '/api/contacts', { name: 'X', companyId: 'nope' }, 400);
    expect(badCompany.error.details.issues[0].field).toBe('companyId');
    await call(ctx.app, 'DELETE', `/api/contacts/${dana.id}`, undefined, 204);
    await call(ctx.app, 'GET', `/api/contacts/${dana.id}`, undefined, 404);
  });

  it('logs an interview with interviewers, moves the application forward, and edits and deletes it', async () => {
    const application = await addApplication(ctx.app);
    const dana = await call(ctx.app, 'POST', '/api/contacts', { name: 'Dana', role: 'interviewer' }, 201);
    const sam = await call(ctx.app, 'POST', '/api/contacts', { name: 'Sam', role: 'interviewer' }, 201);
    const interview = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      {
        applicationId: application.id,
        round: 'technical',
        startsAt: '2026-03-05T14:00:00+01:00',
        endsAt: '2026-03-05T15:00:00+01:00',
        timeZone: 'Europe/Berlin',
        videoLink: 'https://meet.example/abc',
        interviewerIds: [dana.id, sam.id],
        decisionDate: '2026-03-12',
      },
      201,
    );
    expect(interview).toMatchObject({
      startsAt: '2026-03-05T13:00:00.000Z',
      endsAt: '2026-03-05T14:00:00.000Z',
      interviewerIds: [dana.id, sam.id],
      decisionDate: '2026-03-12',
    });
    const moved = await call(ctx.app, 'GET', `/api/applications/${application.id}`, undefined, 200);
    expect(moved.stage).toBe('interviewing');
    const after = await call(
      ctx.app,
      'PATCH',
      `/api/interviews/${interview.id}`,
      { topics: 'system design, the team', selfRating: 4, interviewerIds: [sam.id] },
      200,
    );
    expect(after).toMatchObject({
      topics: 'system design, the team',
      selfRating: 4,
      interviewerIds: [sam.id],
    });
    const listed = await call(
      ctx.app,
      'GET',
      `/api/interviews?applicationId=${application.id}`,
      undefined,
      200,
    );
    expect(listed.map((i: { id: string }) => i.id)).toEqual([interview.id]);
    const inRange = await call(ctx.app, 'GET', '/api/interviews?from=2026-03-06T00:00:00Z', undefined, 200);
    expect(inRange).toEqual([]);
    const backwards = await call(
      ctx.app,
      'PATCH',
      `/api/interviews/${interview.id}`,
      { endsAt: '2026-03-05T12:00:00Z' },
      400,
    );
    expect(backwards.error.details.issues[0].field).toBe('endsAt');
    await call(ctx.app, 'DELETE', `/api/interviews/${interview.id}`, undefined, 204);
    const timeline = await call(
      ctx.app,
      'GET',
      `/api/applications/${application.id}/timeline`,
      undefined,
      200,
    );
    expect(timeline.some((e: { kind: string }) => e.kind === 'interview')).toBe(false);
  });

  it('refuses an interview with an unknown interviewer or an end before its start', async () => {
    const application = await addApplication(ctx.app);
    const base = {
      applicationId: application.id,
      startsAt: '2026-03-05T14:00:00Z',
      endsAt: '2026-03-05T15:00:00Z',
      timeZone: 'UTC',
    };
    const unknown = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      { ...base, interviewerIds: ['NOPE'] },
      400,
    );
    expect(unknown.error.details.issues[0].field).toBe('interviewerIds');
    const backwards = await call(
      ctx.app,
      'POST',
      '/api/interviews',
      { ...base, endsAt: '2026-03-05T13:00:00Z' },
      400,
    );
    expect(backwards.error.details.issues[0].field).toBe('endsAt');
    const zone = await call(ctx.app, 'POST', '/api/interviews', { ...base, timeZone: 'Mars/Olympus' }, 400);
    expect(zone.error.details.issues[0].field).toBe('timeZone');
  });

  it('records notes, messages, replies and posting changes, and protects stage history', async () => {
    const application = await addApplication(ctx.app);
    const note = await call(
      ctx.app,
      'POST',
      '/api/events',
      { kind: 'note', applicationId: application.id, text: 'Called Dana' },
      201,
    );
    ctx.runtime.clock.set('2026-03-03T09:00:00.000Z');
    const reply = await call(
      ctx.app,
      'POST',
      '/api/events',
      {
        kind: 'reply_received',
        applicationId: application.id,
        channel: 'email',
        sentiment: 'neutral',
        summary: 'Still deciding',
        newDecisionDate: '2026-03-20',
        occurredAt: '2026-03-03T09:00:00Z',
      },
      201,
    );
    expect(reply).toMatchObject({ kind: 'reply_received', contactId: null, newDecisionDate: '2026-03-20' });
    const edited = await call(ctx.app, 'PATCH', `/api/events/${note.id}`, { text: 'Called Dana twice' }, 200);
    expect(edited.text).toBe('Called Dana twice');
    const foreign = await call(ctx.app, 'PATCH', `/api/events/${note.id}`, { sentiment: 'positive' }, 400);
    expect(foreign.error.details.issues[0].field).toBe('sentiment');
    const replies = await call(
      ctx.app,
      'GET',
      `/api/events?applicationId=${application.id}&kind=reply_received`,
      undefined,
      200,
    );
    expect(replies.map((e: { id: string }) => e.id)).toEqual([reply.id]);
    const stage = (
      await call(
        ctx.app,
        'GET',
        `/api/events?applicationId=${application.id}&kind=stage_change`,
        undefined,
        200,
      )
    )[0];
    const protectedEvent = await call(ctx.app, 'DELETE', `/api/events/${stage.id}`, undefined, 409);
    expect(protectedEvent.error.code).toBe('EVENT_NOT_EDITABLE');
    await call(ctx.app, 'DELETE', `/api/events/${note.id}`, undefined, 204);
    await call(ctx.app, 'GET', `/api/events/${note.id}`, undefined, 404);
  });

  it('lists follow-up steps by due window in the user’s time zone, and marks them done, skipped, snoozed', async () => {
    await call(ctx.app, 'PATCH', '/api/settings', { timeZone: 'Asia/Tokyo' }, 200);
    const application = await addApplication(ctx.app);
    const add = (dueAt: string) =>
      call(
        ctx.app,
        'POST',
        '/api/follow-ups',
        { applicationId: application.id, dueAt, kind: 'custom', channel: 'email' },
        201,
      );
    // Now is Mon 2 Mar 19:00 in Tokyo; "today" there runs from 1 Mar 15:00 UTC to 2 Mar 15:00 UTC.
    const overdue = await add('2026-03-01T14:59:00Z');
    const today = await add('2026-03-02T14:00:00Z');
    const thisWeek = await add('2026-03-04T00:00:00Z');
    const later = await add('2026-03-20T00:00:00Z');
    // Only the steps added here by hand: the playbook also plans check-ins for the new application.
    const manual = (steps: Array<{ id: string; origin: string }>) =>
      steps.filter((s) => s.origin === 'manual').map((s) => s.id);
    const due = async (window: string) =>
      manual(await call(ctx.app, 'GET', `/api/follow-ups?due=${window}`, undefined, 200));
    expect(await due('overdue')).toEqual([overdue.id]);
    expect(await due('today')).toEqual([today.id]);
    expect(await due('week')).toEqual([thisWeek.id]);
    expect(await due('open')).toEqual([overdue.id, today.id, thisWeek.id, later.id]);
    const asOf = await call(ctx.app, 'GET', '/api/followups?due=today&asOf=2026-03-20', undefined, 200);
    expect(manual(asOf)).toEqual([later.id]);

    const done = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${overdue.id}/done`,
      { note: 'Sent the note' },
      200,
    );
    expect(done).toMatchObject({
      status: 'done',
      completionNote: 'Sent the note',
      completedAt: '2026-03-02T10:00:00.000Z',
    });
    const again = await call(ctx.app, 'POST', `/api/follow-ups/${overdue.id}/skip`, {}, 409);
    expect(again.error.code).toBe('FOLLOW_UP_NOT_OPEN');
    const skipped = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${today.id}/skip`,
      { reason: 'They called me' },
      200,
    );
    expect(skipped).toMatchObject({ status: 'skipped', completionNote: 'They called me' });
    const snoozed = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${thisWeek.id}/snooze`,
      { until: '2026-03-09' },
      200,
    );
    expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: '2026-03-09T00:00:00.000Z' });
    const past = await call(
      ctx.app,
      'POST',
      `/api/follow-ups/${later.id}/snooze`,
      { until: '2026-01-01' },
      400,
    );
    expect(past.error.details.issues[0].field).toBe('until');
    const edited = await call(
      ctx.app,
      'PATCH',
      `/api/follow-ups/${later.id}`,
      { channel: 'phone', reason: 'Call Dana' },
      200,
    );
    expect(edited).toMatchObject({ channel: 'phone', reason: 'Call Dana' });
    await call(ctx.app, 'DELETE', `/api/follow-ups/${later.id}`, undefined, 204);
    expect(await due('open')).toEqual([thisWeek.id]);
  });

  it('reads and changes settings, refusing bad values by name', async () => {
    const initial = await call(ctx.app, 'GET', '/api/settings', undefined, 200);
    expect(initial).toMatchObject({
      timeZone: 'UTC',
      country: 'US',
      workingDays: [1, 2, 3, 4, 5],
      locale: 'en-US',
    });
    const updated = await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { timeZone: 'America/Toronto', country: 'CA', region: 'ON', workingDays: [5, 1, 2], name: 'Robin' },
      200,
    );
    expect(updated).toMatchObject({
      timeZone: 'America/Toronto',
      region: 'ON',
      workingDays: [1, 2, 5],
      name: 'Robin',
    });
    const bad = await call(ctx.app, 'PATCH', '/api/settings', { workingDays: [], country: 'Canada' }, 400);
    expect(bad.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'country',
      'workingDays',
    ]);
  });

  it('refuses places that do not exist and stores time zones as the IANA database spells them', async () => {
    const refused = async (body: object) => {
      const answer = await call(ctx.app, 'PATCH', '/api/settings', body, 400);
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      return answer.error.details.issues.map((i: { field: string }) => i.field);
    };
    expect(await refused({ country: 'ZZ' })).toEqual(['country']);
    expect(await refused({ country: 'AQ' })).toEqual(['country']);
    expect(await refused({ country: 'US', region: 'ZZZ' })).toEqual(['region']);
    expect(await refused({ country: null, region: 'CA' })).toEqual(['region']);
    expect(await refused({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(await refused({ timeZone: '+01:00' })).toEqual(['timeZone']);
    const bad = await call(ctx.app, 'PATCH', '/api/settings', { country: 'DE', region: 'ZZZ' }, 400);
    expect(bad.error.message).toMatch(/^region: ZZZ is not a region of DE: one of .*\bBY\b/);
    expect(await call(ctx.app, 'GET', '/api/settings', undefined, 200)).toMatchObject({
      timeZone: 'UTC',
      country: 'US',
      region: null,
    });

    const saved = await call(
      ctx.app,
      'PATCH',
      '/api/settings',
      { timeZone: 'europe/berlin', country: 'DE', region: 'BY' },
      200,
    );
    expect(saved).toMatchObject({ timeZone: 'Europe/Berlin', country: 'DE', region: 'BY' });
    const moved = await call(ctx.app, 'PATCH', '/api/settings', { country: 'FR' }, 200);
    expect(moved).toMatchObject({ country: 'FR', region: null });
  });
});
